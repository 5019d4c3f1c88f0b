"""Overlapping findings merged into one, keeping the strongest member's kind."""

from __future__ import annotations

from bot.detect.recognizers.titles import after_title
from bot.detect.types import Finding, Kind
from bot.detect.verdict import is_direct

LISTED_PLACES = frozenset({"InstitutionRecognizer", "CityGazetteerRecognizer", "CityRecognizer"})


def _rank(f: Finding, titled: bool) -> tuple[int, bool, bool, bool, float]:
    # Same extent: a place from a list ("Johns Hopkins", "São Paulo") beats a name guess, but
    # not after a person's title: "Mrs Rutledge" is a woman, whatever town shares her name.
    listed = f.kind is Kind.LOCATION and f.recognizer in LISTED_PLACES
    return (f.end - f.start, titled and f.kind is Kind.NAME, listed, is_direct(f), f.score)


def merge(findings: list[Finding], text: str = "") -> list[Finding]:
    """Non-overlapping findings: each overlapping cluster keeps its strongest member's kind
    (longer, then a name after a title, then a listed place, then direct over quasi, then higher
    score) and the cluster's full extent."""
    out: list[Finding] = []
    cluster: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if cluster and f.start >= max(c.end for c in cluster):
            out.append(_collapse(cluster, text))
            cluster = []
        cluster.append(f)
    if cluster:
        out.append(_collapse(cluster, text))
    return out


def _collapse(cluster: list[Finding], text: str) -> Finding:
    titled = len(cluster) > 1 and bool(text) and after_title(text, cluster[0].start)
    best = max(cluster, key=lambda f: _rank(f, titled))
    start = min(c.start for c in cluster)
    end = max(c.end for c in cluster)
    return Finding(start, end, best.kind, best.score, best.recognizer, best.subtype)
