"""Draw the README's report screenshot from the synthetic sample month (no real data).

    PYTHONPATH=$PWD .venv/bin/python scripts/report_screenshot.py docs/img/report.png

Seeds a throw-away SQLite database with `bot.demo.report_sample`, renders the report the way
`phiwarden report` does, and has headless chromium paint it (scripts/setup_chromium.sh).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from bot.config import Settings
from bot.demo import report_sample
from bot.report import render_html
from bot.report.data import gather
from bot.store import open_store
from tests.report.browser import screenshot


async def _html(workdir: Path) -> str:
    store = await open_store(Settings(database_url=f"sqlite+aiosqlite:///{workdir}/db.sqlite3"))
    try:
        until = report_sample.now()
        await report_sample.seed(store, until)
        data = await gather(store, until - timedelta(days=30), until, report_sample.TEAM)
    finally:
        await store.close()
    return render_html(data, generated=until)


def main(out: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(asyncio.run(_html(Path(tmp))), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(page, out, width=1000, height=1500)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/img/report.png")))
