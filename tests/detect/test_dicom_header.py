"""Header de-identification on small synthetic datasets, without the scanner: names and dates
go at every nesting level, UIDs map stably under the key, dates shift per patient; and on real
files, where the IOD decides a combined code and the validator finds nothing new."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import data_store  # type: ignore[import-untyped]
import deid_data  # type: ignore[import-untyped]
import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence

from bot.detect.dicom_header import HeaderDeidentifier, check_options, iter_elements
from bot.detect.image_faces import NoFaceDetector

KEY = b"k" * 32
CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2"  # a well-known UID: it stays


def _dataset(patient: str = "DOE^JANE", study_uid: str = "1.2.3.4.5.6") -> Dataset:
    ds = Dataset()
    ds.file_meta = FileMetaDataset()  # as read from a file
    ds.PatientName = patient
    ds.PatientID = "MRN00451234"
    ds.StudyDate = "20240112"
    ds.StudyInstanceUID = study_uid
    ds.SOPClassUID = CT_IMAGE_STORAGE
    ds.Modality = "CT"
    ref = Dataset()
    ref.PerformingPhysicianName = "SMITH^JOHN"  # a name inside a sequence item
    ds.RealWorldValueMappingSequence = Sequence([ref])  # not in table E.1-1: walked
    ds.add_new(0x00091010, "LO", "private note")
    return ds


def test_a_name_and_date_go_at_every_level_and_private_tags_go() -> None:
    ds = _dataset()
    HeaderDeidentifier(KEY).apply(ds)
    values = {e.keyword: e.value for e in iter_elements(ds) if e.keyword}
    assert not values.get("PatientName") and not values.get("StudyDate")
    assert not values.get("PerformingPhysicianName")
    assert all(not e.tag.is_private for e in iter_elements(ds))
    assert ds.Modality == "CT" and ds.SOPClassUID == CT_IMAGE_STORAGE


def test_a_uid_maps_the_same_under_one_key_and_differently_under_another() -> None:
    one, two = HeaderDeidentifier(KEY), HeaderDeidentifier(b"o" * 32)
    mapped = one.map_uid("1.2.3.4.5.6")
    assert mapped.startswith("2.25.") and mapped == one.map_uid("1.2.3.4.5.6\0")
    assert mapped != two.map_uid("1.2.3.4.5.6") and mapped != one.map_uid("1.2.3.4.5.7")
    assert one.map_uid(CT_IMAGE_STORAGE) == CT_IMAGE_STORAGE


def test_with_shifted_dates_a_patients_dates_move_back_the_same_days_in_every_file() -> None:
    header = HeaderDeidentifier(KEY, shift_dates=True)
    first, second = _dataset(), _dataset()
    assert header.apply(first).shifted_dates and header.apply(second).shifted_dates
    assert first.StudyDate == second.StudyDate
    assert "20230112" <= first.StudyDate < "20240112"  # moved back by 1..365 days


def test_a_short_key_and_impossible_options_are_refused() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        HeaderDeidentifier(b"short")
    with pytest.raises(ValueError, match="unsupported"):
        check_options(frozenset({"keep_everything"}))
    with pytest.raises(ValueError, match="exclusive"):
        check_options(
            frozenset({"retain_longitudinal_full_dates", "retain_longitudinal_modified_dates"})
        )


def test_iter_elements_walks_into_sequence_items_depth_first() -> None:
    keywords = [e.keyword for e in iter_elements(_dataset()) if e.keyword]
    at = keywords.index("RealWorldValueMappingSequence")
    assert keywords[at + 1] == "PerformingPhysicianName"


# --- real files (pydicom-data, deid-data: dev.lock), where dciodvfy found what we broke -------

PYDICOM_DATA = Path(data_store.__file__).parent / "data"
DEID_DATA = Path(deid_data.__file__).parent / "data"
PYDICOM_TESTS = Path(pydicom.__file__).parent / "data" / "test_files"


def _apply(path: Path) -> tuple[Dataset, Dataset]:
    before = pydicom.dcmread(path)
    after = pydicom.dcmread(path)
    HeaderDeidentifier(KEY).apply(after)
    return before, after


def test_a_top_level_referenced_study_sequence_goes_rather_than_stay_empty() -> None:
    """X/Z: Type 3 in the General Study Module, where an empty sequence is invalid."""
    before, after = _apply(PYDICOM_DATA / "JPGLosslessP14SV1_1s_1f_8b.dcm")
    assert "ReferencedStudySequence" in before
    assert "ReferencedStudySequence" not in after
    nested = Dataset()
    nested.ReferencedStudySequence = Sequence([Dataset()])
    ds = _dataset()
    ds.ReferencedRequestSequence = Sequence([nested])
    HeaderDeidentifier(KEY).apply(ds)
    assert ds.ReferencedRequestSequence[0].ReferencedStudySequence == []  # nested: Z


def test_an_animals_responsible_person_and_organization_stay_present_and_empty() -> None:
    """X in the table, but Type 2C in the Patient Module for a non-human patient."""
    before, after = _apply(DEID_DATA / "animals" / "cat.dcm")
    for keyword in ("ResponsiblePerson", "ResponsibleOrganization"):
        assert keyword in before  # present (empty) in the input
        assert keyword in after and not after[keyword].value


def test_a_directory_keeps_its_records_keys_as_dummies_and_no_identifier() -> None:
    before, after = _apply(PYDICOM_TESTS / "dicomdirtests" / "DICOMDIR")
    records = list(zip(before.DirectoryRecordSequence, after.DirectoryRecordSequence, strict=True))
    studies = [(b, a) for b, a in records if a.DirectoryRecordType == "STUDY"]
    patients = [(b, a) for b, a in records if a.DirectoryRecordType == "PATIENT"]
    assert studies and patients
    for b, a in studies:
        assert a.StudyDate == "19000101" and a.StudyTime == "000000" and a.StudyID
        assert a.StudyID != b.StudyID and "StudyDescription" in a and not a.StudyDescription
        assert a.StudyInstanceUID != b.StudyInstanceUID
    for b, a in patients:
        assert a.PatientID and a.PatientID != b.PatientID
        assert str(a.get("PatientName", "")) in ("", "ANONYMIZED")


REAL_FIXED = [
    PYDICOM_DATA / "JPGLosslessP14SV1_1s_1f_8b.dcm",
    PYDICOM_DATA / "eCT_Supplemental.dcm",
    DEID_DATA / "animals" / "cat.dcm",
    DEID_DATA / "ultrasounds" / "GREYSCALE_IMAGE.dcm",
    PYDICOM_TESTS / "dicomdirtests" / "DICOMDIR",
    PYDICOM_TESTS / "dicomdirtests" / "TINY_ALPHA" / "DICOMDIR",
]


@pytest.mark.parametrize("path", REAL_FIXED, ids=lambda p: p.name)
def test_real_files_gain_no_validator_errors(path: Path) -> None:
    """dciodvfy (Debian's dicom3tools; `scripts/setup.sh --dev` installs it) finds no error in
    the de-identified copy that the input did not have."""
    if shutil.which("dciodvfy") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true and dciodvfy (dicom3tools) is not installed")
        pytest.skip("dciodvfy not installed (apt-get install dicom3tools)")
    from bench.dicom_bench import new_errors, validator_errors
    from bot.detect.images import ImageScanner
    from tests.detect.image_fakes import FakeOcr, FakeTextEngine

    data = path.read_bytes()
    scanner = ImageScanner(
        text_engine=FakeTextEngine(), ocr=FakeOcr([], 100), face_detector=NoFaceDetector()
    )
    out = scanner.scan(data).redacted
    assert out is not None
    before, after = validator_errors(data), validator_errors(out)
    assert before is not None and after is not None
    assert new_errors(before, after) == Counter()
