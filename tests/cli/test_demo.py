"""`phiwarden demo` runs the whole bot against the stand-in and exits 0 when every step happened."""

from __future__ import annotations

import io

from bot.demo import run_demo


async def test_the_demo_completes_every_step() -> None:
    out = io.StringIO()
    code = await run_demo(out)
    transcript = out.getvalue()
    assert code == 0, transcript
    assert "bot deleted the message in #ward-4" in transcript
    assert "Confirm consent" in transcript
    assert "bot posted in #phi-alerts" in transcript
    redacted_copy = (
        transcript.split("Maria posts patient details in #ward-4 again")[1]
        .split("bot posted in #ward-4:")[1]
        .split("\n")[0]
    )
    for identifier in ("4829173", "Varga", "03/14/1958"):
        assert identifier not in redacted_copy
