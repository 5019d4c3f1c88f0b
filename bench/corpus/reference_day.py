"""The one day every generated corpus counts its dates from, so a seed writes the same corpus on
any day.

Faker's `date_of_birth` and `date_between("-2y", "today")` count from the wall clock: the text
corpora drawn with them moved by a day every day, and the held-out ones stopped matching the hashes
pinned in tests/bench/test_voice_kit.py (CI failed on 2026-12-03); the image and burned-in corpora
painted other dates on every run. REFERENCE_DAY is the day the pinned corpora were last generated
and measured, so freezing the clock there leaves each of them as measured. freezegun does the
freezing (Faker reads `datetime.now()` and `date.today()` inside its providers; nothing of ours
could pass it a day).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from faker import Faker
from freezegun import freeze_time

REFERENCE_DAY = dt.date(2026, 12, 2)

_P = ParamSpec("_P")
_R = TypeVar("_R")


def on_reference_day(draw: Callable[_P, _R]) -> Callable[_P, _R]:
    """`draw` run as if today were REFERENCE_DAY.

    Wrap only drawing, never a scan: freezegun also stops the clocks a bench times with.
    """

    @functools.wraps(draw)
    def frozen(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with freeze_time(REFERENCE_DAY):
            return draw(*args, **kwargs)

    return frozen


@on_reference_day
def birth_and_study(fake: Faker, youngest: int, oldest: int, since: str) -> tuple[dt.date, dt.date]:
    """A birth date (aged `youngest`..`oldest`) and a study date in the last `since` ("-2y")."""
    dob = fake.date_of_birth(minimum_age=youngest, maximum_age=oldest)
    return dob, fake.date_between(start_date=since, end_date="today")
