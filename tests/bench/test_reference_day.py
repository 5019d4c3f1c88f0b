"""Image and burned-in corpora draw their patients' dates from REFERENCE_DAY, not the wall clock."""

from __future__ import annotations

import time

from faker import Faker
from freezegun import freeze_time

from bench.corpus.reference_day import REFERENCE_DAY, birth_and_study


def _draw(today: str) -> tuple[object, object]:
    fake = Faker("en_US")
    fake.seed_instance(11)
    with freeze_time(today):
        return birth_and_study(fake, 18, 90, "-2y")


def test_when_the_wall_clock_moves_then_a_seed_draws_the_same_birth_and_study_dates() -> None:
    assert _draw("2026-12-03") == _draw("2029-07-14")


def test_a_study_date_falls_in_the_window_before_the_reference_day() -> None:
    dob, study = _draw("2030-01-01")

    assert (REFERENCE_DAY - study).days <= 2 * 366
    assert study <= REFERENCE_DAY and dob < study


def test_after_a_draw_the_clocks_a_bench_times_with_run_again() -> None:
    fake = Faker("en_US")
    birth_and_study(fake, 18, 90, "-2y")
    before = time.perf_counter()
    time.sleep(0.01)

    assert time.perf_counter() > before
