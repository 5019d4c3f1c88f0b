"""The DICOM bench's real-file set and its validator comparison (dciodvfy's messages)."""

from __future__ import annotations

import io
from collections import Counter

import pydicom

from bench.dicom_bench import (
    _VALUE,
    TEST_FILES,
    _name,
    comparable,
    name_kept,
    new_errors,
    real_files,
    real_sources,
)


def test_the_real_set_holds_the_packages_files_each_once() -> None:
    """pydicom-data's module is `data_store`: the bench once imported `pydicom_data` and so
    only ever read pydicom's own files."""
    assert {"pydicom", "pydicom-data", "deid-data", "pynetdicom"} <= set(real_sources())
    files = real_files(None)
    sources = Counter(label.split("/")[0] for label in files)
    assert sources["pydicom-data"] >= 60 and sources["deid-data"] >= 10
    assert "deid-data/GREYSCALE_CINE.dcm" in files  # a zipped cine, read in place
    assert len(set(map(hash, files.values()))) == len(files)


def test_an_error_only_the_values_differ_in_is_not_new() -> None:
    def line(value: str) -> str:
        return (
            "Error - Referenced SOP Instance is not listed in CurrentRequestedProcedureEvidence"
            f"Sequence or PertinentOtherEvidenceSequence but have IMAGE ReferencedSOPInstanceUID "
            f"{value}"
        )

    def norm(*lines: str) -> Counter[str]:
        return Counter(_VALUE.sub("<>", x) for x in lines)

    before = norm(line("0"), "Error - Value invalid - DA Study Date  DA [1] = <1997.04.24> - x")
    after = norm(line("2.25.1048"), "Error - Value invalid - DA Study Date  DA [1] = <> - x")
    assert new_errors(before, after) == Counter()
    twice = norm(line("2.25.1"), line("2.25.2"))
    assert sum(new_errors(norm(line("1.2.3")), twice).values()) == 1


def test_an_input_the_validator_cannot_read_through_is_no_baseline() -> None:
    assert not comparable(Counter({"Error - Dicom dataset read failed": 1}))
    assert comparable(Counter({"Error - Missing attribute Type 2 Required": 1}))


def test_a_name_is_kept_when_a_decoded_value_holds_it_not_when_pixels_happen_to() -> None:
    greek = (TEST_FILES.parent / "charset_files" / "chrGreek.dcm").read_bytes()
    name = _name(greek)
    assert name and name.encode() not in greek  # ISO 8859-7 bytes, not UTF-8
    assert name_kept(name, greek)
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    ds.PatientName = ""
    ds.PixelData = b"ZZZQUIMBY" + ds.PixelData[9:]
    buf = io.BytesIO()
    ds.save_as(buf)
    assert not name_kept("ZZZQUIMBY", buf.getvalue())
