"""Full-face detection with OpenCV's Haar cascades (the XML models ship in the opencv wheel).

A full-face photograph is a direct identifier. Clinical images (a skull CT, a wound) can
trip a face cascade, so a candidate only counts when an eye cascade also fires inside its
upper half: fewer false alarms on clinical images, which must stay unaltered.
"""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np

Box = tuple[int, int, int, int]  # x, y, width, height


class FaceDetector(Protocol):
    """Anything that returns face boxes in pixel coordinates of an RGB uint8 array."""

    def detect(self, rgb: np.ndarray) -> list[Box]: ...


class HaarFaceDetector:
    """Frontal-face cascade confirmed by an eye cascade; runs on a downscaled grey copy."""

    def __init__(self, work_side: int = 480, min_face_fraction: float = 0.08) -> None:
        import cv2

        data = getattr(cv2, "data", None)
        base = str(getattr(data, "haarcascades", "") or "")
        face_path = os.path.join(base, "haarcascade_frontalface_default.xml")
        eye_path = os.path.join(base, "haarcascade_eye.xml")
        self._faces = cv2.CascadeClassifier(face_path)
        self._eyes = cv2.CascadeClassifier(eye_path)
        self.available = not self._faces.empty() and not self._eyes.empty()
        self._work_side = work_side
        self._min_fraction = min_face_fraction
        self._cv2 = cv2

    def detect(self, rgb: np.ndarray) -> list[Box]:
        if not self.available:
            return []
        cv2 = self._cv2
        h, w = rgb.shape[:2]
        scale = min(1.0, self._work_side / max(h, w))
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        if scale < 1.0:
            grey = cv2.resize(
                grey, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA
            )
        grey = cv2.equalizeHist(grey)
        side = max(30, int(min(grey.shape[:2]) * self._min_fraction))
        candidates = self._faces.detectMultiScale(
            grey, scaleFactor=1.15, minNeighbors=6, minSize=(side, side)
        )
        boxes: list[Box] = []
        for x, y, fw, fh in candidates if len(candidates) else []:
            upper = grey[y : y + fh // 2 + fh // 8, x : x + fw]
            eyes = self._eyes.detectMultiScale(
                upper, scaleFactor=1.1, minNeighbors=3, minSize=(max(6, fw // 10), max(6, fh // 10))
            )
            if len(eyes) == 0:
                continue
            boxes.append((int(x / scale), int(y / scale), int(fw / scale), int(fh / scale)))
        return boxes


class NoFaceDetector:
    """Face detection switched off (tests, or a deployment that blocks all photos anyway)."""

    available = False

    def detect(self, rgb: np.ndarray) -> list[Box]:
        return []
