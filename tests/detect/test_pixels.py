"""The per-frame analyser's geometry: which part of an OCR line a finding paints over."""

from __future__ import annotations


def test_in_a_dicom_banner_a_span_over_most_of_a_line_paints_the_whole_line() -> None:
    from bot.detect.ocr import OcrLine, split_quad
    from bot.detect.pixels import WHOLE_LINE_SHARE, span_quads

    text = "AGUILARPAMELA..877423187"
    quad = ((0.0, 0.0), (240.0, 0.0), (240.0, 20.0), (0.0, 20.0))
    line = OcrLine(text, quad, split_quad(quad, text), 0.9)
    name = (0, len("AGUILARPAMELA"))
    (part,) = span_quads([line], [0], *name)
    (whole,) = span_quads([line], [0], *name, WHOLE_LINE_SHARE)
    assert len(part) == 13 and len(whole) == len(text)


def _corner_texts(lines: list[tuple[str, int, int, int, int]], **analyze: bool) -> set[str]:
    """What the analyser paints in a 1024x768 frame whose OCR reads `lines`."""
    import numpy as np

    from bot.detect.image_corners import CORNER_RECOGNIZER
    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.pixels import PixelAnalyzer
    from tests.detect.image_fakes import FakeOcr, FakeTextEngine

    analyzer = PixelAnalyzer(FakeTextEngine(), FakeOcr(lines, 1024), NoFaceDetector())
    analysis = analyzer.analyze(np.zeros((768, 1024, 3), np.uint8), **analyze)
    boxes = {f.box for f in analysis.findings if f.recognizer == CORNER_RECOGNIZER}
    return {text for text, x, y, w, h in lines if any(b and abs(b[1] - y) < 4 for b in boxes)}


def test_a_bare_name_in_an_overlay_corner_that_shows_an_id_is_painted() -> None:
    # A photographed PACS corner: the OCR ran the name together and misread the age's zero.
    corner = [
        ("PERRYMICHELLE", 40, 50, 130, 16),
        ("E7357725", 40, 72, 80, 16),
        ("M/O24Y", 40, 94, 60, 16),
    ]
    assert _corner_texts(corner) == {"PERRYMICHELLE", "M/O24Y"}
    mangled = [("E7357725", 40, 50, 80, 16), ("F43yTs", 40, 72, 60, 16), ("0B1YF", 40, 94, 50, 16)]
    assert _corner_texts(mangled) == {"F43yTs", "0B1YF"}
    # The institution line of the top-right block, anchored there by the study date.
    right = [("Walker Clinlc", 860, 50, 120, 16), ("11-May-2025", 870, 72, 110, 16)]
    assert _corner_texts(right) == {"Walker Clinlc"}


def test_the_corner_rule_is_off_for_dicom_frames_unless_asked_for() -> None:
    """burned_in_bench measured it on DICOM: it cost 4 annotation strings on two real files and
    removed no leak (README), so `bands=True` (the DICOM path) runs without it by default."""
    corner = [("PERRYMICHELLE", 40, 50, 130, 16), ("E7357725", 40, 72, 80, 16)]
    assert _corner_texts(corner) == {"PERRYMICHELLE"}
    assert _corner_texts(corner, bands=True) == set()
    assert _corner_texts(corner, bands=True, corners=True) == {"PERRYMICHELLE"}


def test_corner_words_stay_when_the_corner_shows_no_phi_or_are_study_labels() -> None:
    assert _corner_texts([("PERRYMICHELLE", 40, 50, 130, 16)]) == set()  # nothing anchors it
    assert _corner_texts([("E7357725", 40, 50, 80, 16), ("XRCHESTPA", 40, 72, 90, 16)]) == set()
    # Bottom-left technique, another zone than the top-left ID.
    assert (
        _corner_texts([("E7357725", 40, 50, 80, 16), ("Sagittal Lung", 40, 700, 90, 16)]) == set()
    )
    # A terminal's lines are wider than an overlay's: not a corner block.
    wide = [("commit 1234567 merged", 12, 10, 600, 16), ("Compiling serde", 12, 32, 500, 16)]
    assert _corner_texts(wide) == set()
    # Mid-height text (a wristband in the middle of a photo) is not a corner.
    assert _corner_texts([("E7357725", 40, 300, 80, 16), ("Riverside", 40, 322, 90, 16)]) == set()


def test_a_menu_bar_above_a_patient_block_stays() -> None:
    # "File", "Tools", "Layout Window Help" read as lines of their own on one row, in the zone
    # of a block that shows a date: a toolbar, not a stacked overlay.
    lines = [
        ("File", 8, 6, 30, 14),
        ("Tools", 158, 6, 40, 14),
        ("Layout Window Help", 216, 6, 170, 14),
        ("Christophertown Imaging", 158, 34, 190, 16),
        ("Study: 2025-10-10", 158, 56, 150, 16),
    ]
    assert _corner_texts(lines) == {"Christophertown Imaging"}


def test_the_corner_rule_is_off_on_a_technical_screen() -> None:
    # A terminal (consoles dev split): its short top-left lines are no patient block, even
    # when a labelled identifier stands among them; that identifier is still found.
    block = [("MRN 40718823", 12, 10, 120, 16), ("CONTAINER ID IMAGE", 12, 32, 200, 16)]
    assert _corner_texts(block) == {"CONTAINER ID IMAGE"}
    terminal = [
        *block,
        ("0: 0x31c41885221c - tokio::run", 12, 300, 600, 16),
        ("at src/main.rs:230:1", 12, 322, 300, 16),
        ("fe46e05dc30e redis:7 Up 5432/tcp", 12, 344, 500, 16),
    ]
    assert _corner_texts(terminal) == set()


class _GuessingEngine:
    """Finds each given (text, score) as a NAME, as the text engine guesses at misread labels."""

    def __init__(self, *found: tuple[str, float, str]) -> None:
        self.found = found

    def scan(self, text: str) -> object:
        from bot.detect.types import Finding, Kind, ScanResult, Verdict

        findings = []
        for value, score, kind in self.found:
            start = text.find(value)
            if start >= 0:
                found = Finding(start, start + len(value), Kind(kind), score, "Fake", "PATIENT")
                findings.append(found)
        return ScanResult(Verdict.PHI if findings else Verdict.CLEAN, tuple(findings))


def _painted(lines: list[tuple[str, int, int, int, int]], engine: object, **analyze: bool) -> int:
    """How many regions the analyser paints in a 1024x768 frame whose OCR reads `lines`."""
    import numpy as np

    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.pixels import PixelAnalyzer
    from tests.detect.image_fakes import FakeOcr

    analyzer = PixelAnalyzer(engine, FakeOcr(lines, 1024), NoFaceDetector())  # type: ignore[arg-type]
    return len(analyzer.analyze(np.zeros((768, 1024, 3), np.uint8), **analyze).polygons)


# A QA phantom photographed: the corner's labels misread, one of them guessed to be a name.
_PHANTOM = [
    ("Water Phantom", 160, 40, 120, 16),
    ("Sice Thcknes", 160, 62, 110, 16),
    ("Knee Cot", 160, 84, 80, 16),
    ("W400/L100", 160, 700, 90, 16),
]


def test_a_guessed_name_alone_in_a_raster_frame_is_a_misread_label() -> None:
    # Without the rule the guess is painted and, anchoring the corner, so are its other lines.
    assert _painted(_PHANTOM, _GuessingEngine(("Sice Thcknes", 0.6, "NAME"))) == 0
    assert (
        _painted([("Rey Zoom200", 160, 740, 120, 14)], _GuessingEngine(("Rey", 0.5, "NAME"))) == 0
    )


def test_a_guessed_name_beside_other_phi_or_a_sure_name_is_still_painted() -> None:
    beside_id = [*_PHANTOM, ("ID: E7357725", 160, 106, 110, 16)]
    assert _painted(beside_id, _GuessingEngine(("Sice Thcknes", 0.6, "NAME"))) >= 2
    sure = _GuessingEngine(("Sice Thcknes", 0.85, "NAME"))
    assert _painted(_PHANTOM, sure) >= 1
    # A date the engine found is PHI of its own: the guess beside it stays too.
    dated = _GuessingEngine(("Sice Thcknes", 0.6, "NAME"), ("Knee Cot", 0.85, "DATE"))
    assert _painted(_PHANTOM, dated) >= 2
    # DICOM frames (bands) keep it: their header values are the terms, burned_in_bench measures.
    assert _painted(_PHANTOM, _GuessingEngine(("Sice Thcknes", 0.6, "NAME")), bands=True) == 1


def test_unlabelled_numbers_taken_beside_a_guess_go_with_it() -> None:
    from bot.detect.person_numbers import RECOGNIZER
    from bot.detect.pixels import drop_lone_guesses
    from bot.detect.types import Finding, Kind

    guess = Finding(0, 4, Kind.NAME, 0.75, "NameRecognizer", "PATIENT")
    number = Finding(10, 24, Kind.ID, 0.6, RECOGNIZER, "UNIQUE")
    assert drop_lone_guesses([guess, number]) == []
    assert drop_lone_guesses([number]) == []
    labelled = Finding(30, 38, Kind.ID, 0.6, "IdRecognizer", "MRN")
    assert drop_lone_guesses([guess, number, labelled]) == [guess, number, labelled]


def test_one_unlabelled_number_or_date_alone_in_a_raster_frame_is_not_painted() -> None:
    # consoles dev seed 6262 photos: a count in a sheet, a version glued to OCR junk
    count = [("Code", 160, 40, 60, 16), ("10808", 160, 62, 60, 16), ("100.0%", 240, 62, 60, 16)]
    assert _painted(count, _GuessingEngine(("10808", 0.7, "ID"))) == 0
    version = [("13,C21Sx4UTF UFPhn3.13.15", 160, 700, 240, 16)]
    assert _painted(version, _GuessingEngine(("3.13.15", 0.85, "DATE"))) == 0
    # found twice (the text and its demerged copy, or two readers): still one value
    twice = _GuessingEngine(("10808", 0.7, "ID"), ("0808", 0.6, "ID"))
    assert _painted(count, twice) == 0
    # an identifier's length of digits alone is still painted
    mrn = [("40718823", 160, 62, 80, 16)]
    assert _painted(mrn, _GuessingEngine(("40718823", 0.7, "ID"))) == 1


def test_a_labelled_sure_or_corroborated_value_is_still_painted() -> None:
    labelled = [("MRN 40718823", 160, 40, 120, 16)]
    assert _painted(labelled, _GuessingEngine(("40718823", 0.6, "ID"))) == 1
    dob = [("DOB 03/14/1957", 160, 40, 120, 16)]
    assert _painted(dob, _GuessingEngine(("03/14/1957", 0.85, "DATE"))) == 1
    bare = [("E7357725", 160, 40, 90, 16), ("03/14/1957", 160, 62, 100, 16)]
    assert _painted(bare[:1], _GuessingEngine(("E7357725", 0.85, "ID"))) == 1  # scored sure
    two = _GuessingEngine(("E7357725", 0.7, "ID"), ("03/14/1957", 0.85, "DATE"))
    assert _painted(bare, two) >= 2  # two values vouch for each other
    # DICOM frames keep it: their header values are the terms, burned_in_bench measures them.
    assert _painted(bare[:1], _GuessingEngine(("E7357725", 0.7, "ID")), bands=True) == 1


def test_one_short_unlabelled_number_beside_a_guessed_name_goes_with_it() -> None:
    # viewer dev seed 5151, a QA phantom's photo: "Se 1 AX DWI" read as "5e1AXDW" ("AXDW"
    # guessed to be a name), a series label read as a bare "56454"; the corner rule, anchored
    # by them, then painted "QA Phantom" and "Uniformity Check".
    phantom = [
        ("QA Phantom", 160, 40, 100, 16),
        ("Uniformity Check", 160, 62, 140, 16),
        ("5e1AXDW", 160, 84, 70, 16),
        ("56454", 160, 106, 50, 16),
    ]
    guessing = _GuessingEngine(("AXDW", 0.6, "NAME"), ("56454", 0.7, "ID"))
    assert _painted(phantom, guessing) == 0
    # an identifier's length of digits, or a date, beside the guess is still painted
    long_id = [*phantom[:3], ("40718823", 160, 106, 80, 16)]
    assert _painted(long_id, _GuessingEngine(("AXDW", 0.6, "NAME"), ("40718823", 0.7, "ID"))) >= 2
    dated = [*phantom[:3], ("03/14/1957", 160, 106, 90, 16)]
    assert (
        _painted(dated, _GuessingEngine(("AXDW", 0.6, "NAME"), ("03/14/1957", 0.85, "DATE"))) >= 2
    )
