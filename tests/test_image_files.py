"""The Dockerfile and compose file say what we claim; scripts/container_check.sh runs them.

The real proof is the container check (CI=true runs it: the image built and run hardened, the
compose stack under traffic). These fast tests read the files with BuildKit's own parser (the
`dockerfile` package) and YAML, so a drift shows up in every test run, with or without Docker.
"""

from __future__ import annotations

from pathlib import Path

import dockerfile
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHECK = (ROOT / "scripts" / "container_check.sh").read_text()
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


def test_every_copied_source_exists_and_reaches_the_build_context() -> None:
    sources = [src for c in COMMANDS if c.cmd == "COPY" and not c.flags for src in c.value[:-1]]
    assert sources
    ignored = (ROOT / ".dockerignore").read_text().split()
    for source in sources:
        assert (ROOT / source).exists(), source
        assert source.split("/")[0] not in ignored, f"{source} is in .dockerignore"


def test_no_frontend_image_and_python3_on_any_debian_base() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert not text.startswith("# syntax=")  # BuildKit would pull a frontend image for it
    assert next(c.value for c in COMMANDS if c.cmd == "ARG") == (
        "PYTHON_IMAGE=python:3.11-slim-bookworm",
    )
    assert "RUN python3 -m venv" in text  # Debian's base has python3, not python


def test_the_check_runs_the_image_as_the_dockerfile_says() -> None:
    _, runtime = stages()
    user = next(c.value[0] for c in runtime if c.cmd == "USER")
    for flag in ("--read-only", "--cap-drop ALL", "--security-opt no-new-privileges"):
        assert flag in CHECK
    assert f"--user {user}" in CHECK
    assert 'PYTHON_IMAGE="$base"' in CHECK and "DOCKER_BUILDKIT=0" in CHECK


def test_compose_keeps_the_official_images_and_sets_no_empty_variables() -> None:
    """`${SLACK_CLIENT_ID:-}` set SLACK_CLIENT_ID="" in every container; an empty variable is
    still set, and it switched Bolt to its own OAuth flow (issue 12)."""
    text = (ROOT / "docker-compose.yml").read_text()
    compose = yaml.safe_load(text)
    images = {name: svc.get("image", "") for name, svc in compose["services"].items()}
    assert images["postgres"].startswith("postgres:")
    assert images["redis"].startswith("redis:")
    assert images["lb"].startswith("nginx:")
    env = compose["services"]["web"]["environment"]
    empty = [name for name, value in env.items() if isinstance(value, str) and ":-}" in value]
    assert ":-}" not in text, f"variables defaulting to empty: {empty or 'see the file'}"
    assert env["SLACK_CLIENT_ID"] is None and env["SLACK_BOT_TOKEN"] is None  # pass-through
