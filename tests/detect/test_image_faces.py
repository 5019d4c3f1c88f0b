"""Face detection: a face candidate counts only when an eye fires in its upper half (clinical
images that trip the face cascade stay unaltered), boxes come back in the caller's pixels when
the work copy was downscaled, and a detector without its models finds nothing rather than fail."""

from __future__ import annotations

from typing import Any

import numpy as np

from bot.detect.image_faces import HaarFaceDetector, NoFaceDetector


class _Cascade:
    """Answers `detectMultiScale` with fixed boxes and remembers what it was shown."""

    def __init__(self, boxes: list[tuple[int, int, int, int]]) -> None:
        self.boxes = boxes
        self.shown: list[tuple[int, ...]] = []

    def detectMultiScale(self, grey: np.ndarray, **kwargs: Any) -> Any:
        self.shown.append(grey.shape)
        return np.array(self.boxes) if self.boxes else ()


def _detector(faces: list[tuple[int, int, int, int]], eyes: list[tuple[int, int, int, int]]) -> Any:
    detector = HaarFaceDetector(work_side=480)
    assert detector.available  # the cascades ship in the opencv wheel
    detector._faces = _Cascade(faces)  # type: ignore[assignment]
    detector._eyes = _Cascade(eyes)  # type: ignore[assignment]
    return detector


def test_a_face_without_an_eye_in_its_upper_half_does_not_count() -> None:
    rgb = np.zeros((480, 480, 3), dtype=np.uint8)
    detector = _detector(faces=[(100, 100, 80, 80)], eyes=[])
    assert detector.detect(rgb) == []
    (upper,) = detector._eyes.shown
    assert upper == (80 // 2 + 80 // 8, 80)  # only the upper half (and a bit) is searched


def test_boxes_are_scaled_back_to_the_callers_pixels() -> None:
    rgb = np.zeros((960, 1920, 3), dtype=np.uint8)  # worked on at 240 x 480: scale 0.25
    detector = _detector(faces=[(100, 50, 40, 40)], eyes=[(5, 5, 8, 8)])
    assert detector.detect(rgb) == [(400, 200, 160, 160)]
    assert detector._faces.shown == [(240, 480)]


def test_without_models_or_switched_off_nothing_is_found() -> None:
    rgb = np.full((100, 100, 3), 128, dtype=np.uint8)
    missing = HaarFaceDetector()
    missing.available = False
    assert missing.detect(rgb) == []
    assert NoFaceDetector().detect(rgb) == [] and NoFaceDetector.available is False


def test_the_real_cascades_find_no_face_in_flat_grey_or_noise() -> None:
    detector = HaarFaceDetector()
    noise = np.random.default_rng(1).integers(0, 256, (300, 400, 3), dtype=np.uint8)
    assert detector.detect(np.full((300, 400, 3), 128, dtype=np.uint8)) == []
    assert detector.detect(noise) == []
