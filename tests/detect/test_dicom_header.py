"""Header de-identification on small synthetic datasets, without the scanner: names and dates
go at every nesting level, UIDs map stably under the key, dates shift per patient."""

from __future__ import annotations

import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence

from bot.detect.dicom_header import HeaderDeidentifier, check_options, iter_elements

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
