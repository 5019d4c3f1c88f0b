"""The Dockerfile parses, builds what we claim, and stays in step with its no-Docker replay.

No Docker engine runs where this project is developed and tested, so the Dockerfile is read
with BuildKit's own parser (the `dockerfile` package) and `scripts/check_image.sh` replays its
steps; these tests keep the two from drifting apart.
"""

from __future__ import annotations

from pathlib import Path

import dockerfile

ROOT = Path(__file__).resolve().parent.parent
CHECK = (ROOT / "scripts" / "check_image.sh").read_text()
COMMANDS = dockerfile.parse_file(str(ROOT / "Dockerfile"))


def stages() -> list[list[dockerfile.Command]]:
    out: list[list[dockerfile.Command]] = []
    for command in COMMANDS:
        if command.cmd == "FROM":
            out.append([])
        if out:
            out[-1].append(command)
    return out


def test_two_stages_and_the_runtime_one_is_not_root() -> None:
    build, runtime = stages()
    assert [c.value[-1] for c in (build[0], runtime[0])] == ["build", "runtime"]
    users = [c.value[0] for c in runtime if c.cmd == "USER"]
    assert users and users[-1].split(":")[0] not in ("0", "root")
    # nothing runs after USER as root again, and the entrypoint is our command
    assert [c.cmd for c in runtime].index("USER") > max(
        i for i, c in enumerate(runtime) if c.cmd == "RUN"
    )
    assert [c.value for c in runtime if c.cmd == "ENTRYPOINT"] == [("phiwarden",)]


def test_only_the_runtime_lock_is_installed_with_hashes() -> None:
    runs = " ".join(c.value[0] for c in COMMANDS if c.cmd == "RUN")
    assert "--require-hashes --no-deps -r requirements/runtime.lock" in runs
    assert "dev.lock" not in runs and "pip install -e" not in runs


def test_every_copied_source_exists_and_is_replayed() -> None:
    sources = [src for c in COMMANDS if c.cmd == "COPY" and not c.flags for src in c.value[:-1]]
    assert sources
    cp_line = next(line for line in CHECK.splitlines() if line.startswith("cp -r "))
    replayed = set(cp_line.split()[2:-1])
    for source in sources:
        assert (ROOT / source).exists(), source
        assert source.split("/")[0] in replayed, f"check_image.sh does not copy {source}"


def test_the_replay_installs_and_runs_like_the_image() -> None:
    for command in (
        "--require-hashes --no-deps -r requirements/runtime.lock",
        "--no-deps --no-build-isolation .",
    ):
        assert command in CHECK
    _, runtime = stages()
    uid = next(c.value[0] for c in runtime if c.cmd == "USER").split(":")[0]
    assert f"--reuid={uid}" in CHECK
    env = dict(zip(*[iter(v for c in runtime if c.cmd == "ENV" for v in c.value)] * 2, strict=True))
    assert env["HOME"] == "/data" and 'HOME="$data"' in CHECK
