"""Dates and counting runs as overlay OCR reads them: the patterns, their numeric check, and
ruler labels read as one number. Shared by the layout hints (which find dates) and the
technique filter (which keeps vitals like 120/80 and ruler runs like "1011121314" legible).
"""

from __future__ import annotations

import re

# Month names as photographed OCR reads them too: O as a zero, S as a five ("16-0ct-2025",
# "N0v 29 1938", "27-5ep 2025").
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|[s5]ep|[s5]ept|[o0]ct|n[o0]v|dec)[a-z]*\.?"

# Dates: validated numerically in `valid_date`, so that 120/80 and 45/120 are not dates.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}(?!\d))(?![/.-]\d)"),
    re.compile(r"(?<![\d/.-])(\d{4})[/.-](\d{1,2})[/.-](\d{2}|\d(?!\d))(?![/.-]\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(
        rf"(?<![A-Za-z\d])\d{{1,2}}[\s-]?{MONTHS}[\s,-]*(?:\d{{4}}|\d{{2}}(?!\d))", re.IGNORECASE
    ),
    re.compile(rf"(?<![A-Za-z])(?:{MONTHS})\s?\d{{1,2}},?\s+\d{{4}}(?!\d)", re.IGNORECASE),
    # "Nov 29 1938" with the OCR's space between day and year lost: "Nov 291938", "Sep022000"
    re.compile(
        rf"(?<![A-Za-z])(?:{MONTHS})\s?(?:0?[1-9]|[12]\d|3[01])(?:19|20)\d{{2}}(?!\d)",
        re.IGNORECASE,
    ),
)


def valid_date(text: str) -> bool:
    """Whether a numeric date-like string is a plausible calendar date."""
    parts = [p for p in re.split(r"[/.\-\s]", text) if p]
    if len(parts) == 1 and len(parts[0]) == 8:
        p = parts[0]
        parts = [p[:4], p[4:6], p[6:]]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return True  # month names: the regex already vouched for it
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        year, month, day = a, b, c
    else:
        year = c
        month, day = (a, b) if a <= 12 else (b, a)
    year_ok = len(parts[0]) == 4 or len(parts[2]) == 2 or 1900 <= year <= 2100
    return year_ok and 1 <= month <= 12 and 1 <= day <= 31


def counting(token: str) -> bool:
    """Whether token is consecutive integers written together ("101112", "0123456"), also when
    OCR clipped the first one ("21314" from "12 13 14")."""
    if _counting_exact(token):
        return True
    return any(
        len(token) - k >= 4
        and _counting_exact(token[k:], 2)
        and str(int(token[k : k + 2]) - 1).endswith(token[:k])
        for k in (1, 2)
        if token[k : k + 2].isdigit()
    )


def _counting_exact(token: str, min_count: int = 3) -> bool:
    for first_len in (1, 2, 3):
        pos, n = 0, None
        try:
            n = int(token[:first_len])
        except ValueError:
            return False
        pos = 0
        count = 0
        while pos < len(token):
            piece = str(n)
            if not token.startswith(piece, pos):
                break
            pos += len(piece)
            n += 1
            count += 1
        if pos == len(token) and count >= min_count and n > 10:  # crossed into two digits
            return True
    return False


def looks_like_date(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{6}", token))


def month_name_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of dates written with a month name ("Feb 04 1946", "Feb041946", "12-Dec-1950"):
    hex-looking to a technical-token pattern, since Feb and Dec are hex letters."""
    return [m.span() for pattern in DATE_PATTERNS[3:] for m in pattern.finditer(text)]


def dateish(span: str) -> bool:
    for pattern in DATE_PATTERNS:
        m = pattern.search(span)
        if m and valid_date(m.group(0)):
            return True
    return False
