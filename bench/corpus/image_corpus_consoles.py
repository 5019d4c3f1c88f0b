"""A dev split for the image bench: clean technical screenshots in styles the overlays split lacks.

Written for issue 14 as a tuning corpus of its own. The overlays split's `technical` scene (a git
log, a cargo build, a Rust backtrace) is measured (seeds 1414 and 2828), so it stays held out;
its clean screens still lose a token, and the dev seeds never showed why. Every scene here is
clean: nothing on it identifies a patient, and the image must come out pixel-identical.

- `terminal`: container and cluster listings (ids, images, ports, uptimes), kernel ring buffer.
- `ide`: an editor pane with line numbers, a tab bar and a status bar ("Ln 42, Col 17").
- `traceback`: Python, Java and Go failures: paths, line numbers, offsets, exception names.
- `config`: a YAML file and an environment dump: hosts, ports, sizes, flags.
- `packages`: pip and npm output: package names, versions, wheel tags, sizes.
- `sheet`: a spreadsheet of clinical code systems (ICD-10-CM, CPT, LOINC, SNOMED CT) with counts:
  codes are not identifiers of anybody.

Each screenshot is also rendered as a phone photo (`image_corpus.phone_photo`). No calendar
dates, person names, URLs or e-mail addresses appear: each would be PHI-looking text the bench
would have to call clean. Committed before its first measurement.

    .venv/bin/python -m bench.image_bench --split consoles --per-scene 3 --seed 6262
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from faker import Faker
from PIL import ImageDraw

from bench.corpus.image_corpus import MONO, SANS, SIZE, Canvas, CorpusImage, screenshots_and_photos

SCENES = ("terminal", "ide", "traceback", "config", "packages", "sheet")
THEMES = [
    ((20, 22, 28), (210, 215, 220)),
    ((0, 0, 0), (190, 230, 190)),
    ((250, 250, 250), (30, 30, 30)),
]
SERVICES = ["api", "worker", "scheduler", "ocr", "gateway", "billing", "audit", "ingest"]
PACKAGES = ["numpy", "pydantic", "httpx", "sqlalchemy", "uvicorn", "orjson", "redis", "alembic"]
NPM = ["react", "eslint", "webpack", "typescript", "vite", "lodash", "axios", "jest"]


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _version(rng: random.Random) -> str:
    return f"{rng.randint(0, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def _lines(c: Canvas, rng: random.Random, lines: list[str], x: float = 12, y: float = 10) -> None:
    size = rng.choice([13, 14, 15])
    fg = THEMES[0][1]
    for theme in THEMES:
        if c.image.getpixel((0, 0)) == theme[0]:
            fg = theme[1]
    for text in lines:
        if text.strip():
            c.line(x, y, [(text, False, "")], size, fg, font=MONO)
        y += size * 1.45


def _canvas(rng: random.Random) -> Canvas:
    return Canvas(SIZE, rng.choice(THEMES)[0])


def terminal(fake: Faker, rng: random.Random) -> Canvas:
    """docker ps, kubectl get pods and dmesg, as an operator's terminal shows them."""
    c = _canvas(rng)
    names = rng.sample(SERVICES, 4)
    lines = [
        "$ docker ps",
        "CONTAINER ID   IMAGE                  STATUS          PORTS",
        *(
            f"{_hex(rng, 12)}   {rng.choice(['postgres:16-alpine', 'redis:7', 'nginx:1.27', name + ':latest'])}"
            f"   Up {rng.randint(2, 59)} minutes   {rng.choice(['5432', '6379', '8080', '3000'])}/tcp"
            for name in names
        ),
        "",
        "$ kubectl get pods -n staging",
        "NAME                          READY   STATUS    RESTARTS   AGE",
        *(
            f"{name}-{_hex(rng, 9)}-{_hex(rng, 5)}   1/1     Running   {rng.randint(0, 4)}          {rng.randint(1, 23)}h{rng.randint(1, 59)}m"
            for name in names[:3]
        ),
        "",
        "$ dmesg | tail -4",
        f"[{rng.uniform(1, 9999):12.6f}] usb 1-{rng.randint(1, 4)}: new high-speed USB device number {rng.randint(2, 9)} using xhci_hcd",
        f"[{rng.uniform(1, 9999):12.6f}] EXT4-fs (nvme0n1p{rng.randint(1, 4)}): mounted filesystem with ordered data mode",
        f"[{rng.uniform(1, 9999):12.6f}] eth0: link up, {rng.choice([1000, 10000])} Mbps, full duplex",
        f"[{rng.uniform(1, 9999):12.6f}] oom-kill: task {rng.choice(SERVICES)} pid {rng.randint(1000, 99999)} score {rng.randint(1, 999)}",
    ]
    _lines(c, rng, lines)
    return c


def ide(fake: Faker, rng: random.Random) -> Canvas:
    """An editor: tab bar, line-numbered code, a status bar."""
    c = Canvas(SIZE, (30, 30, 36))
    c.draw.rectangle((0, 0, SIZE[0], 30), fill=(45, 45, 52))
    module = rng.choice(["loader", "queue", "export", "schema"])
    tabs = [f"{module}.py", "settings.toml", "test_" + module + ".py", "README.md"]
    x = 10.0
    for tab in tabs:
        c.line(x, 8, [(tab, False, "")], 13, (200, 200, 210))
        x += len(tab) * 8 + 30
    field = rng.choice(["batch_size", "retry_limit", "timeout_ms", "chunk_bytes"])
    code = [
        "from __future__ import annotations",
        "",
        "import json",
        "from pathlib import Path",
        "",
        f"DEFAULT_{field.upper()} = {rng.choice([8, 64, 2500, 4096])}",
        "",
        "",
        f"def load_{module}(path: Path, *, {field}: int = DEFAULT_{field.upper()}) -> dict[str, int]:",
        f'    """Read the {module} table; each row keyed by its code."""',
        "    rows: dict[str, int] = {}",
        "    for n, line in enumerate(path.read_text().splitlines()):",
        f"        if n >= {field}:",
        "            break",
        '        key, _, value = line.partition("=")',
        "        rows[key.strip()] = int(value or 0)",
        "    return rows",
        "",
        "",
        f"def dump_{module}(rows: dict[str, int]) -> str:",
        "    return json.dumps(rows, sort_keys=True, indent=2)",
    ]
    start = rng.randint(1, 180)
    size = rng.choice([13, 14])
    y = 44.0
    for k, text in enumerate(code):
        c.line(10, y, [(str(start + k), False, "")], size, (110, 110, 120), font=MONO)
        if text.strip():
            c.line(60, y, [(text, False, "")], size, (212, 212, 212), font=MONO)
        y += size * 1.45
    c.draw.rectangle((0, SIZE[1] - 24, SIZE[0], SIZE[1]), fill=(0, 110, 190))
    status = [
        (f"Ln {rng.randint(1, 400)}, Col {rng.randint(1, 90)}", False, ""),
        ("Spaces: 4", False, ""),
        ("UTF-8", False, ""),
        ("LF", False, ""),
        (f"Python 3.{rng.randint(10, 13)}.{rng.randint(0, 9)}", False, ""),
        (f"{rng.randint(0, 5)} warnings", False, ""),
    ]
    c.line(10, SIZE[1] - 19, status, 12, (255, 255, 255))
    return c


def traceback(fake: Faker, rng: random.Random) -> Canvas:
    """A Python traceback, a Java stack trace and a Go panic in one log pane."""
    c = _canvas(rng)
    module = rng.choice(["tasks", "ingest", "export", "sync"])
    key = rng.choice(["'accession'", "'series_uid'", "'modality'", "'frame_count'"])
    lines = [
        "Traceback (most recent call last):",
        f'  File "/opt/app/worker/{module}.py", line {rng.randint(10, 900)}, in run_batch',
        f"    result = handler(job, retries={rng.randint(1, 5)})",
        f'  File "/usr/lib/python3.{rng.randint(10, 13)}/json/decoder.py", line {rng.randint(300, 360)}, in decode',
        f"KeyError: {key}",
        "",
        'Exception in thread "main" java.lang.IllegalStateException: queue closed',
        f"    at org.apache.kafka.clients.consumer.KafkaConsumer.poll(KafkaConsumer.java:{rng.randint(900, 1500)})",
        f"    at com.example.ingest.Poller.run(Poller.java:{rng.randint(20, 300)})",
        "Caused by: java.net.SocketTimeoutException: Read timed out",
        f"    ... {rng.randint(3, 40)} more",
        "",
        f"panic: runtime error: index out of range [{rng.randint(1, 9)}] with length {rng.randint(0, 1)}",
        "goroutine 1 [running]:",
        f"main.parseFrame(0x{_hex(rng, 10)}, 0x{rng.randint(16, 512):x})",
        f"        /src/cmd/reader/main.go:{rng.randint(20, 300)} +0x{_hex(rng, 3)}",
        f"exit status {rng.choice([1, 2])}",
    ]
    _lines(c, rng, lines)
    return c


def config(fake: Faker, rng: random.Random) -> Canvas:
    """A YAML config and an environment dump, as `cat` and `env` print them."""
    c = _canvas(rng)
    lines = [
        "$ cat config/staging.yaml",
        "database:",
        f"  host: db-{rng.choice(['primary', 'replica'])}-{rng.randint(1, 9):02d}.internal",
        f"  port: {rng.choice([5432, 5433, 6432])}",
        f"  pool_size: {rng.randint(4, 40)}",
        "queue:",
        f"  workers: {rng.randint(1, 16)}",
        f"  visibility_timeout_s: {rng.choice([30, 60, 300])}",
        f"  max_file_mb: {rng.choice([25, 50, 100])}",
        "ocr:",
        f"  engine: {rng.choice(['rapidocr', 'tesseract'])}",
        f"  det_limit_side_len: {rng.choice([736, 960, 1024])}",
        f"  rec_batch: {rng.choice([1, 6])}",
        f"log_level: {rng.choice(['debug', 'info', 'warning'])}",
        "",
        "$ env | sort | head",
        "LANG=C.UTF-8",
        "PATH=/usr/local/bin:/usr/bin:/bin",
        f"PYTHONHASHSEED={rng.randint(0, 999)}",
        f"WEB_CONCURRENCY={rng.randint(1, 8)}",
        f"OMP_NUM_THREADS={rng.randint(1, 4)}",
    ]
    _lines(c, rng, lines)
    return c


def packages(fake: Faker, rng: random.Random) -> Canvas:
    """pip install and npm install, with wheel tags, sizes and an audit line."""
    c = _canvas(rng)
    picked = rng.sample(PACKAGES, 3)
    versions = {p: _version(rng) for p in picked}
    lines = [
        f"$ pip install {' '.join(picked)}",
        *(
            line
            for p in picked
            for line in (
                f"Collecting {p}=={versions[p]}",
                f"  Downloading {p}-{versions[p]}-cp312-cp312-manylinux_2_17_x86_64.whl ({rng.uniform(0.1, 30):.1f} MB)",
            )
        ),
        f"Installing collected packages: {', '.join(picked)}",
        "Successfully installed " + " ".join(f"{p}-{versions[p]}" for p in picked),
        "",
        f"$ npm install {' '.join(rng.sample(NPM, 2))}",
        f"added {rng.randint(20, 900)} packages, and audited {rng.randint(900, 1500)} packages in {rng.randint(2, 40)}s",
        f"{rng.randint(50, 300)} packages are looking for funding",
        "  run `npm fund` for details",
        f"found {rng.choice([0, 0, 2])} vulnerabilities",
    ]
    _lines(c, rng, lines)
    return c


CODES = [
    ("E11.9", "Type 2 diabetes mellitus without complications", "ICD-10-CM"),
    ("I10", "Essential (primary) hypertension", "ICD-10-CM"),
    ("J45.909", "Unspecified asthma, uncomplicated", "ICD-10-CM"),
    ("M54.5", "Low back pain", "ICD-10-CM"),
    ("99213", "Office visit, established, low complexity", "CPT"),
    ("71046", "Radiologic exam, chest; 2 views", "CPT"),
    ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "LOINC"),
    ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "LOINC"),
    ("44054006", "Diabetes mellitus type 2", "SNOMED CT"),
    ("38341003", "Hypertensive disorder", "SNOMED CT"),
]


def sheet(fake: Faker, rng: random.Random) -> Canvas:
    """A spreadsheet of code-system counts: column letters, row numbers, grid lines."""
    c = Canvas(SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(c.image)
    cols = [40, 160, 600, 760, 900, SIZE[0]]
    row_h = 26
    top = 30
    draw.rectangle((0, 0, SIZE[0], top), fill=(235, 235, 235))
    for x, letter in zip(cols[:-1], "ABCDE", strict=True):
        c.line(x + 6, 7, [(letter, False, "")], 13, (80, 80, 80))
    rows = [("Code", "Description", "System", "Count", "Share")]
    picked = rng.sample(CODES, 8)
    counts = [rng.randint(3, 4000) for _ in picked]
    total = sum(counts)
    for (code, text, system), n in zip(picked, counts, strict=True):
        rows.append((code, text, system, f"{n:,}", f"{100 * n / total:.1f}%"))
    rows.append(("", "Total", "", f"{total:,}", "100.0%"))
    for r, cells in enumerate(rows):
        y = top + r * row_h
        c.line(8, y + 6, [(str(r + 1), False, "")], 12, (120, 120, 120))
        for x, cell in zip(cols[:-1], cells, strict=True):
            if cell:
                c.line(x + 6, y + 6, [(cell, False, "")], 13, (20, 20, 20), font=SANS)
    bottom = top + len(rows) * row_h
    for x in cols:
        draw.line((x, 0, x, bottom), fill=(210, 210, 210))
    for r in range(len(rows) + 1):
        draw.line((0, top + r * row_h, SIZE[0], top + r * row_h), fill=(210, 210, 210))
    c.draw = ImageDraw.Draw(c.image)
    return c


BUILDERS: dict[str, Callable[[Faker, random.Random], Canvas]] = {
    "terminal": terminal,
    "ide": ide,
    "traceback": traceback,
    "config": config,
    "packages": packages,
    "sheet": sheet,
}


def generate(per_scene: int = 3, seed: int = 6262) -> Iterator[CorpusImage]:
    """per_scene screenshots of each scene and a phone photo of each."""
    return screenshots_and_photos(BUILDERS, SCENES, per_scene, seed)
