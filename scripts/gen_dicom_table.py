"""Regenerate `bot/detect/data/ps3_15_table_e1_1.json` from a machine-readable copy of the standard.

Source: the `dicom-anonymizer` package (a dev dependency), which ships PS3.15 Annex E table
E.1-1's Basic Profile column per edition as tag tuples grouped by action code
(`dicomanonymizer/dicom_anonymization_databases/dicomfields_<edition>.py`). We take its newest
edition, key every row by tag number (so attributes pydicom does not know still count) and write
it as data that runtime code loads without the package.

    .venv/bin/python scripts/gen_dicom_table.py          # rewrite the JSON
    .venv/bin/python scripts/gen_dicom_table.py --check  # exit 1 when the JSON has drifted
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from importlib.metadata import version
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data" / "ps3_15_table_e1_1.json"
# The package's category names and the action code each stands for in table E.1-1.
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
    """The newest `dicomfields_<edition>` module the installed package ships (2026c > 2024b)."""
    import dicomanonymizer.dicom_anonymization_databases as dbs

    names = [
        m.name for m in pkgutil.iter_modules(dbs.__path__) if m.name.startswith("dicomfields_")
    ]
    return max(names).removeprefix("dicomfields_")


def build() -> dict[str, object]:
    """The table as JSON-ready data: exact tags and masked tags (50xx, 60xx), with actions."""
    from pydicom.datadict import keyword_for_tag

    edition = newest_edition()
    module = importlib.import_module(
        f"dicomanonymizer.dicom_anonymization_databases.dicomfields_{edition}"
    )
    rows: list[list[str]] = []
    masked: list[list[str]] = []
    for category, action in CATEGORIES.items():
        for entry in getattr(module, category):
            tag = (entry[0] << 16) | entry[1]
            if len(entry) == 4:
                mask = (entry[2] << 16) | entry[3]
                masked.append([f"{tag:08X}", f"{mask:08X}", action])
            else:
                rows.append([f"{tag:08X}", action, keyword_for_tag(tag) or ""])
    rows.sort()
    masked.sort()
    return {
        "standard": "DICOM PS3.15 Annex E, Table E.1-1, Basic Profile column",
        "edition": edition,
        "source": f"dicom-anonymizer {version('dicom-anonymizer')}, dicomfields_{edition}.py",
        "rows": rows,
        "masked": masked,
    }


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
