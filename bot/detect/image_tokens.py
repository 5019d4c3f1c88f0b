"""Character-level matching in OCR text whose words ran together.

Ultrasound banners are set in small type with little spacing, and the OCR reads them as one
token: "ZZZTESTPATIENTFI..00079241539" is a truncated name, an ellipsis and an MRN. Word-level
matching finds nothing in it. Two tools here:

- `find_terms`: known values (a DICOM header's name, MRN, institution) at character level,
  whatever separators the OCR read between their words, and, for values of eight or more
  letters and digits, also a truncated display of them ("CCHS CLEVELAND CLINIC" shown as
  "CCHS CLEVELAN...").
- `demerged`: a copy of the text with a space where a run of four or more digits meets letters
  and around ellipses, plus the map back to the original offsets, so the text engine's and the
  layout hints' patterns (IDs, dates, "LAST, FIRST") see the pieces as words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.detect.image_dates import month_name_dates
from bot.detect.types import Finding, Kind

# A known value this long is matched anywhere, even inside a token that OCR ran together with
# its neighbours; shorter ones need an edge on each side.
INSIDE_TOKEN_CHARS = 5
# A value at least this long also matches when only its first `TRUNCATED_CHARS` or more letters
# and digits are shown (viewers cut long names and institutions with an ellipsis).
TRUNCATED_CHARS = 8
RECOGNIZER = "KnownValue"


def find_terms(text: str, terms: Sequence[tuple[str, Kind]]) -> list[Finding]:
    """Case-insensitive occurrences of known values in text, at character level.

    OCR may render the separators of "DOE^JANE" as spaces, commas or a tilde, or drop them, so
    up to three non-alphanumerics (or none) match any of them. A value of `INSIDE_TOKEN_CHARS`
    alphanumerics or more matches inside a merged token; a shorter one only where it is not
    glued to more of the same class (letters to letters, digits to digits).
    """
    found: list[Finding] = []
    for term, kind in terms:
        words = [w for w in re.split(r"[^A-Za-z0-9]+", term) if w]
        if not words:
            continue
        body = r"[^A-Za-z0-9]{0,3}".join(map(re.escape, words))
        if sum(map(len, words)) < INSIDE_TOKEN_CHARS:
            before = r"(?<![0-9])" if words[0][0].isdigit() else r"(?<![A-Za-z])"
            after = r"(?![0-9])" if words[-1][-1].isdigit() else r"(?![A-Za-z])"
            body = before + body + after
        pattern = re.compile(body, re.IGNORECASE)
        found += [
            Finding(m.start(), m.end(), kind, 0.95, RECOGNIZER, "HEADER_VALUE")
            for m in pattern.finditer(text)
        ]
        found += _truncated(text, "".join(words).upper(), kind)
    return found


def _truncated(text: str, value: str, kind: Kind) -> list[Finding]:
    """Where a line shows at least the first `TRUNCATED_CHARS` letters and digits of value
    (separators ignored) but not the whole of it."""
    if len(value) <= TRUNCATED_CHARS:
        return []
    found: list[Finding] = []
    for line_start, line in _lines(text):
        chars = [(i, ch.upper()) for i, ch in enumerate(line) if ch.isalnum()]
        flat = "".join(ch for _, ch in chars)
        pos = flat.find(value[:TRUNCATED_CHARS])
        while pos >= 0:
            end = pos + TRUNCATED_CHARS
            while end < len(flat) and end - pos < len(value) and flat[end] == value[end - pos]:
                end += 1
            if end - pos < len(value):  # the whole value is found by the pattern above
                first, last = chars[pos][0], chars[end - 1][0]
                found.append(
                    Finding(
                        line_start + first,
                        line_start + last + 1,
                        kind,
                        0.9,
                        RECOGNIZER,
                        "HEADER_VALUE",
                    )
                )
            pos = flat.find(value[:TRUNCATED_CHARS], end)
    return found


def _lines(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


# Where a space goes in the demerged copy: between letters and a run of 4+ digits (either order),
# and on both sides of an ellipsis (two or more dots, or the ellipsis character).
_SPLIT = re.compile(r"(?<=[A-Za-z])(?=\d{4})|(?<=\d{4})(?=[A-Za-z])|(?<=\d)(?=[A-Za-z]{3})")
_ELLIPSIS = re.compile(r"\.{2,}|\u2026")


def demerged(text: str) -> tuple[str, list[int]] | None:
    """The text with spaces inserted at merged-token seams, and for each of its characters the
    offset in `text` it came from (an inserted space maps to the character after it); None when
    there is no seam."""
    cuts: set[int] = {m.start() for m in _SPLIT.finditer(text)}
    for m in _ELLIPSIS.finditer(text):
        cuts.update((m.start(), m.end()))
    cuts = {c for c in cuts if 0 < c < len(text) and not text[c - 1].isspace()}
    cuts = {c for c in cuts if not text[c].isspace()}
    if not cuts:
        return None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if i in cuts:
            out.append(" ")
            index.append(i)
        out.append(ch)
        index.append(i)
    return "".join(out), index


def map_back(findings: Iterable[Finding], index: Sequence[int], length: int) -> list[Finding]:
    """Findings on a demerged copy as spans of the original text."""
    out: list[Finding] = []
    for f in findings:
        if f.end <= f.start:
            continue
        start = index[min(f.start, len(index) - 1)]
        end = index[min(f.end, len(index)) - 1] + 1
        end = min(end, length)
        if end > start:
            out.append(Finding(start, end, f.kind, f.score, f.recognizer, f.subtype))
    return out


# Tokens of technical screens that no patient identifier looks like: hex runs of seven or more
# with digits and at least two lower-case a-f letters (git hashes, addresses; "0x" optional;
# o, O, l and I count, as OCR reads 0 and 1 so in photos, while "E1486626" stays an MRN; not
# with a capitalised word of hex letters in it, a label glued to its value: "WANDABed14"), versions ("v1.5.11"), source
# positions ("src/main.rs:230:1"), Rust/C++ paths ("tokio::run").
_TECHNICAL = re.compile(
    r"(?:0[xXoO])?(?=[0-9a-fA-FoOlI]*[a-f][0-9a-fA-FoOlI]*[a-f])(?=[0-9a-fA-FoOlI]*\d)"
    r"(?![0-9a-fA-FoOlI]*[A-F][a-f]{2})"
    r"[0-9a-fA-FoOlI]{7,}"
    r"|(?<![A-Za-z0-9])[0@8oO][xX][0-9a-fA-F]{6,}"  # an address, "0x" photographed as "@x", "8x"
    r"|(?<![A-Za-z])v\d+(?:\.\d+){1,3}|(?<![A-Za-z])[vVwW]\d+(?:\.\d+){2,3}"  # "w1.4.17": v as w
    r"|(?i:pull\s?request|issue|pr|mr)\s?#\s?\w+"  # "pull request #107", read "#1e7"
    r"|[\w./-]+\.(?:rs|py|js|ts|go|c|cc|cpp|h|java|kt|rb):\d+(?::\d+)?"
    r"|\w+::\w+"
    r"|(?<![\w-])--?[a-z][\w-]*"
    # Found on the consoles dev split (bench/corpus/image_corpus_consoles.py):
    r"|(?<![\d.])\d{1,6}\.\d{5,}(?![\d.])"  # kernel log clock "[ 7657.762163]": no phone
    r"|(?<==)\d+(?:\.\d+){1,3}|(?<=[a-z]-)\d+(?:\.\d+){1,3}"  # "numpy==1.16.15", "numpy-1.16.15"
    r"|(?<![\w])\d+h\d+m(?![a-z])"  # a pod's age, "11h41m"
    r"|(?<![\w-])[a-z][a-z0-9]*-[0-9a-f]{6,10}-[0-9a-z]{4,7}"  # a pod, "api-7d9f8b6c5-x2k4p"
    r"|(?<!\w)from\s+[\w.]+\s+i[mn]port\s+\w+|(?<!\w)i[mn]port\s+[\w.]+"  # Python imports
    r"|(?i:(?<![a-z])(?:pid|port|uid|gid|score)\s?\d+)"  # "pid 27206"
    r"|\d+\s?(?:Mbps|Gbps|MB|kB|KB|GB|ms)(?![A-Za-z])"  # "10000 Mbps", "16.0 MB"
    r"|(?i:python|node|java|go)\s?\d+(?:\.\d+){1,3}"  # a status bar's "Python 3.12.8"
    # Found on new dev seeds (overlays 4250, consoles 6262): a crate glued to its version
    # ("anyhowv2.25.20"), ports ("6379/tcp"), image tags ("nginx:1.27", "billing:latest"),
    # docker ids with one hex letter ("62780652425c"), paths ("/usr/lib/x").
    r"|(?<=[a-z])v\d+(?:\.\d+){2,3}"
    r"|\d+/(?:tcp|udp)(?![a-z])"
    r"|(?<![\w.-])[a-z][a-z0-9_-]{2,}:(?:latest|\d+(?:\.\d+){1,2})(?![\w.])"
    r"|(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{12}(?![0-9A-Za-z])"
    r"|(?<![\w.])(?:/[\w.-]+){2,}"
)
TECHNICAL_WORDS = frozenset(
    {"dev", "prod", "debug", "release", "profile", "crates.io", "traceback", "snomed", "loinc"}
)
# A code system's name is no identifier, also as a photo reads its I ("1CD-10-CM", taken for a
# licence plate on the consoles dev split's spreadsheet).
_CODE_SYSTEM = re.compile(r"[Il1i]CD-?(?:9|10|11)(?:-?(?:CM|PCS))?", re.IGNORECASE)
# A line that is a command or its output: a technical token, or an arrow ("HEAD -> 9205574").
_ARROW = re.compile(r"[-=\u00b7~]>|(?<=[A-Za-z])>")  # "HEAD -> x"; "short>x" with its dash lost
# What a short git hash looks like once read: lower-case hex with a digit, six or more.
_SHORT_HASH = re.compile(r"(?=[0-9a-f]*\d)[0-9a-f]{6,}")
# Code and configuration lines (consoles dev split, photographed editors and config dumps): a
# snake_case or UPPER_SNAKE identifier ("read_text", "DEFAULT_TIMEOUT_S"), a call or subscript
# glued to its name ("enumerate(", "dict[str", with the full-width bracket photo OCR reads), a
# "KEY=value" environment line, a lower-case "key: value" config line, or a line opening on a
# code keyword. Such lines make a screen technical; unlike `_TECHNICAL` tokens they drop no
# finding by themselves.
_CODE_LINE = re.compile(
    r"(?<![A-Za-z0-9])[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]"
    r"|(?<![A-Za-z0-9])[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]"
    r"|[a-z_][\w.]{2,}[(\[\uff08]"
    r"|^\s*\$?[A-Z][A-Z0-9_]*=\S"
    r"|^\s*[a-z][a-z0-9_-]*:\s?\S"
    r"|^\s*(?:def|return|import|class|func|const)\s",
    re.MULTILINE,
)
# A title right before a name: photographed OCR can read the name in lower case ("Dr.jackie
# wison", "Ref:Dr.tes"), which is still the name the title announces.
_TITLE_BEFORE = re.compile(r"(?<![A-Za-z])(?:Dr|DR|Mr|MR|Mrs|MRS|Ms|MS|Prof)\.?\s?$")
# Labels that make a number on such a line a patient's identifier after all.
_ID_LABEL = re.compile(r"(?<![A-Za-z])(?:mrn|id|acc|dob|patient|pt)(?![a-z])", re.IGNORECASE)


# A frame is a technical screen (a terminal, an editor, a log) when at least this many of its
# lines, and this share of them, are technical lines (`_technical_lines`). There, a number or a
# date on a line with no patient label is a process id, a counter or a log timestamp, and the
# overlay-corner rule does not apply; a date on a patient's screen stays PHI.
TECHNICAL_SCREEN_LINES = 3
TECHNICAL_SCREEN_SHARE = 0.2
_DATE_LABEL = re.compile(
    r"(?<![A-Za-z])(?:d[o0]b|birth|born|patient|pt|mrn|visit|admit|adm|exam|study)(?![a-z])",
    re.IGNORECASE,
)


# On a technical screen, what the text engine takes for a phone number, a room or a name is as
# often a hash or a run-together log line as the ID-shaped numbers above (dev seeds of the
# overlays split, photographed: "...1eb 03300183873 de5..." a hash the OCR cut, "bed612" a hash
# fragment, "2:0x73f3..." a backtrace frame read as a room, "1f" read as age and sex,
# "short HEADb88995" and "Finisheddevprofile" read as names). Each stays PHI when its line
# carries a label of its kind, and a name of two capitalised words stays a name.
_CONTACT_LABEL = re.compile(
    r"(?<![A-Za-z])(?:phone|ph|tel|telephone|mobile|mob|cell|fax|call|contact|pager|bleep)"
    r"(?![a-z])",
    re.IGNORECASE,
)
_ROOM_LABEL = re.compile(
    r"(?<![A-Za-z])(?:bed|room|rm|ward|bay|cubicle|suite)(?![a-z])", re.IGNORECASE
)
_NAME_LABEL = re.compile(
    r"(?<![A-Za-z])(?:name|patient|pt|mr|mrs|ms|miss|dr|surname)(?![a-z])", re.IGNORECASE
)
_PHONE_SHAPE = re.compile(r"(?=(?:\D*\d){7})[\d\s().+-]+")
_HEX_TOKEN = re.compile(r"(?=[0-9a-f]*\d)[0-9a-f]+")  # "bed612", "1f": lower-case hex


def _line_of(text: str, f: Finding) -> str:
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    return text[start : len(text) if end < 0 else end]


def _token_of(text: str, f: Finding) -> str:
    """The run of letters and digits the finding sits in (itself, when it is a whole word)."""
    start, end = f.start, f.end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _not_phi_on_technical_screen(text: str, f: Finding) -> bool:
    """A phone number, room, age or name the engine found on a technical screen that its line
    does not label as one (see _CONTACT_LABEL)."""
    line = _line_of(text, f)
    span = text[f.start : f.end].strip()
    if _ID_LABEL.search(line):
        return False
    if f.kind is Kind.CONTACT:
        return bool(_PHONE_SHAPE.fullmatch(span)) and not _CONTACT_LABEL.search(line)
    if f.kind is Kind.ROOM:
        return bool(_HEX_TOKEN.fullmatch(_token_of(text, f))) or not _ROOM_LABEL.search(line)
    if f.kind is Kind.AGE:  # "commit 7a9bed6120 1f": a hash's tail read as age and sex
        return bool(_HEX_TOKEN.fullmatch(_token_of(text, f)))
    if f.kind is Kind.NAME:
        words = span.split()
        return not _NAME_LABEL.search(line) and (
            len(words) < 2 or not all(w[:1].isupper() for w in words)
        )
    return False


def technical_screen(text: str) -> bool:
    """Whether the OCR text of a frame reads as a technical screen (see TECHNICAL_SCREEN_LINES)."""
    spans = [m.span() for m in _TECHNICAL.finditer(text)]
    return _is_technical_screen(text, _technical_lines(text, spans))


def _is_technical_screen(text: str, commands: Sequence[tuple[int, int]]) -> bool:
    lines = sum(1 for _, line in _lines(text) if line.strip())
    return (
        len(commands) >= TECHNICAL_SCREEN_LINES and len(commands) >= TECHNICAL_SCREEN_SHARE * lines
    )


def _technical_lines(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the lines that hold a technical token, an arrow or code (`_CODE_LINE`)
    and no ID label."""
    out: list[tuple[int, int]] = []
    for start, line in _lines(text):
        end = start + len(line)
        technical = (
            any(start <= s < end for s, _ in spans)
            or _ARROW.search(line)
            or _CODE_LINE.search(line)
        )
        if technical and not _ID_LABEL.search(line):
            out.append((start, end))
    return out


def labelled(text: str, f: Finding) -> bool:
    """Whether the finding's line carries a patient label (MRN, DOB, patient, ...)."""
    start = text.rfind("\n", 0, f.start) + 1
    end = text.find("\n", f.end)
    line = text[start : len(text) if end < 0 else end]
    label = _ID_LABEL if f.kind is Kind.ID else _DATE_LABEL
    return bool(label.search(line) or _ID_LABEL.search(line))


def drop_technical(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Findings that are mostly (half their letters and digits or more) inside technical
    tokens, that are a technical word alone ("Profile: dev"), names without a capital
    letter, bare numbers on a command's line, or, on a technical screen (`technical_screen`),
    unlabelled numbers and dates, phone-shaped numbers, rooms and names that are one word or
    not capitalised word by word (`_not_phi_on_technical_screen`), are not PHI in pixels."""
    dates = month_name_dates(text)
    spans = [
        (m.start(), m.end())
        for m in _TECHNICAL.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in dates)
    ]
    inside = bytearray(len(text) + 1)
    for start, end in spans:
        inside[start:end] = b"\1" * (end - start)
    commands = _technical_lines(text, spans)
    screen = _is_technical_screen(text, commands)
    kept: list[Finding] = []
    for f in findings:
        if screen and f.kind in (Kind.ID, Kind.DATE) and not labelled(text, f):
            continue  # a technical screen: pids, counters, hashes and log timestamps
        if screen and _not_phi_on_technical_screen(text, f):
            continue  # hash pieces read as a phone or a room, log words run together as a name
        span = text[f.start : f.end].strip()
        if (
            f.kind is Kind.ID
            and _SHORT_HASH.fullmatch(span)
            and any(s <= f.start < e for s, e in commands)
        ):
            continue  # a short git hash (all digits, or cut short by the OCR), on a command's line
        alnum = [i for i in range(f.start, min(f.end, len(text))) if text[i].isalnum()]
        if alnum and sum(inside[i] for i in alnum) * 2 >= len(alnum):
            continue
        digits = [i for i in alnum if text[i].isdigit()]
        if f.kind is Kind.ID and digits and sum(inside[i] for i in digits) * 2 >= len(digits):
            continue  # "90335-anyhow": the number is the tail of an address
        span = text[f.start : f.end].strip()
        if span.lower() in TECHNICAL_WORDS or _CODE_SYSTEM.fullmatch(span):
            continue
        if (
            f.kind is Kind.NAME
            and not any(ch.isupper() for ch in span)
            and not _TITLE_BEFORE.search(text, max(0, f.start - 6), f.start)
        ):
            continue  # overlays and labels write names capitalised; "fron", "main" are words
        if f.kind is Kind.NAME and text[f.end : f.end + 1] == "=":
            continue  # a key, "LANG=C.UTF-8": an environment dump, not a name
        kept.append(f)
    return kept
