"""Stories of shared images: scanned with OCR in the workers, then the channel's image policy."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from PIL import Image, ImageDraw

from bot.messages import ids
from tests.detect.image_fakes import font
from tests.scenario.conftest import Harness, MakeHarness

BANNER = "PATIENT: VARGA, ELENA   MRN: 4829173   DOB: 03/14/1958"


def banner_png() -> bytes:
    image = Image.new("RGB", (1100, 260), "white")
    draw = ImageDraw.Draw(image)
    draw.text((30, 40), BANNER, fill="black", font=font(30))
    draw.text((30, 150), "Chest X-ray AP portable", fill="black", font=font(30))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="session")
def image_scanner(scan_engine: Any) -> Iterator[Any]:
    from bot.detect.images import ImageScanner

    yield ImageScanner(text_engine=scan_engine)


@pytest.fixture
async def hi(make_harness: MakeHarness, image_scanner: Any) -> Harness:
    h = await make_harness()
    h.server.services.scanner._images = image_scanner
    return h


@pytest.mark.slow
async def test_an_identifying_image_outside_is_blocked_with_an_offer_of_the_redacted_copy(
    hi: Harness,
) -> None:
    h = hi
    event = h.ws.share_file(
        h.maria.id, h.partner.id, "xray.png", banner_png(), mimetype="image/png"
    )
    assert (await h.sender.event(event)).status == 200
    await h.slack.wait_for("chat.postEphemeral", timeout=60)
    await h.settle(30)
    assert h.slack.count("chat.delete", ok=True) == 1
    notice = h.ephemerals(h.maria, h.partner)[-1]
    offer = [e for b in notice.blocks if b["type"] == "actions" for e in b["elements"]]
    assert [e["action_id"] for e in offer] == [
        ids.ACTION_POST_REDACTED_OFFER,
        "phiwarden_false_positive",
    ]
    await h.sender.click(h.maria.id, notice, ids.ACTION_POST_REDACTED_OFFER)
    await h.slack.wait_for("files.completeUploadExternal", timeout=60)
    await h.settle(30)
    uploaded = h.slack.last("files.completeUploadExternal")
    assert uploaded.args.get("channel_id") == h.partner.id
    assert f"<@{h.maria.id}>" in str(uploaded.args.get("initial_comment"))
    assert h.slack.count("files.completeUploadExternal") == 1


@pytest.mark.slow
async def test_an_identifying_image_in_an_approved_channel_stays_with_a_reminder(
    hi: Harness,
) -> None:
    h = hi
    event = h.ws.share_file(h.maria.id, h.icu.id, "xray.png", banner_png(), mimetype="image/png")
    await h.sender.event(event)
    await h.slack.wait_for("chat.postEphemeral", timeout=60)
    await h.settle(30)
    assert h.slack.count("chat.delete") == 0
    assert "image" in h.ephemerals(h.maria, h.icu)[-1].text.lower()
