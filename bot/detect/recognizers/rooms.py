"""ROOM: "room 412", "rm 5W-22", "bed 12B", "bay 3": where a patient lies is a quasi-identifier."""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from bot.detect.recognizers.base import ClinicalPatternRecognizer

# English labels, then other languages' room and bed words ("cama 4", "Zimmer 12", "chambre 12").
_LABEL = (
    r"(?:room|rm|bed|bd|bay|cubicle|cube|stretcher|crib|isolette|suite|ste|slot|chair"
    r"|cama|habitaci[óo]n|hab\.|box|zimmer|bett|chambre|quarto|leito|letto|stanza|kamer|sal|rum|sala)"
)
_VALUE = r"(?:\d{1,2}[A-Z]{1,2}-?\d{1,4}[A-Z]?|[A-Z]{1,2}-?\d{1,4}[A-Z]?|\d{1,4}(?:-?[A-Z]{1,2}\b|-\d{1,4}[A-Z]?)?)"


class RoomRecognizer(ClinicalPatternRecognizer):
    """Room, bed and bay numbers, with the label (the label alone is not PHI, the pair is)."""

    ENTITY = "ROOM"
    SUBTYPE = "ROOM"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "room_strong",
            # a full stop only after an abbreviated label ("Rm. 12"); "training room. N95 sizes"
            # ends a sentence
            rf"\b(?:{_LABEL}|(?:rm|bd|ste)\.)\s?(?:#|no\.?|number)?\s?:?\s?{_VALUE}(?![\w/]|\.\d)",
            0.85,
        ),
        Pattern(
            "letter_bed_medium",
            r"(?-i:\b(?:[Bb]ay|[Bb]ed|[Rr]oom|[Rr]m|BAY|BED|ROOM|RM|[Cc]ubicle)\s(?:[A-H]|[A-H]\d{1,2})\b)(?![/'’-])",
            0.6,
        ),
        Pattern(
            "lower_letter_bed_medium",
            r"\b(?:bay|bed|cubicle|curtain)\s(?:[b-h]\b|a(?=\s*(?:$|[,.;:()/]|\s\d)))",
            0.55,
        ),
        Pattern(
            "ward_bed_medium",
            # not a gestational age ("38w2d", weeks and days)
            r"\b(?!\d{1,2}w[0-6]d\b)\d{1,2}(?:north|south|east|west|n|s|e|w)-?\d{1,3}[A-Z]?\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["in", "pt", "patient", "room", "bed"]
