"""The bench's process supervisor: a niced worker must be niced where the scheduler looks."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bench.topology import lower_priority

AUTOGROUP = Path("/proc/self/autogroup")


@pytest.mark.skipif(not AUTOGROUP.exists(), reason="kernel without scheduler autogroups")
def test_a_worker_in_its_own_session_gets_its_autogroup_niced() -> None:
    out = subprocess.run(
        ["sh", "-c", "cat /proc/self/autogroup; nice"],
        start_new_session=True,
        preexec_fn=lambda: lower_priority(7),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert out[0].endswith("nice 7")  # the group CFS shares the CPU between
    # and the process itself, 7 above where this test runs (`nice -n 10 pytest` gives 17)
    assert out[1] == str(min(19, os.nice(0) + 7))
