"""The house rules of the layout (docs/architecture.md): no import circles, a small top floor,
and `tests/` mirroring the source, one test module per source module.

Every import counts, also those under `if TYPE_CHECKING:` and inside functions: a circle that
only type checkers or lazy imports see is still two modules that cannot be understood, moved or
tested apart. Implicit imports of parent packages do not count (every module imports its
package), and neither do imports of third-party code.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "handlers")
MAX_TOP_FLOOR = 14
# Source modules that need no test module of their own: entry shims, pure data, re-exports.
NO_TEST_NEEDED = {
    "bot/cli/__main__.py": "`python -m bot.cli` shim; `tests/cli/test_main.py` tests `main`",
    "bot/messages/ids.py": "block and action id constants only",
    "bot/flow/kinds.py": "two StrEnums; `tests/flow/test_pipeline.py` dispatches on them",
    "bot/store/models.py": "SQLAlchemy table definitions; tested through `tests/store/`",
}


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours that `import name` loads (`bot.x.Name` -> `bot.x`), if any."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports, from the source (nothing is imported)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                targets |= {t for a in node.names if (t := _resolve(a.name, modules))}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*up, base] if base else up)
                for alias in node.names:
                    full = f"{base}.{alias.name}"  # `from bot.flow import files` is a module
                    target = full if full in modules else _resolve(base, modules)
                    if target:
                        targets.add(target)
        targets.discard(module)
        graph[module] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return sorted(found)


def test_the_circle_finder_finds_circles_and_only_circles() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set(), "c": {"b"}}) == []
    assert circles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}) == [["a", "b"], ["c", "d"]]


def test_the_graph_sees_type_only_lazy_and_from_package_imports() -> None:
    graph = import_graph()
    assert "bot.flow.pipeline" in graph["bot.services"]  # a plain import
    assert "bot.jobs.factory" in graph["bot.services"]  # inside build_services()
    assert "bot.jobs.distributed" in graph["bot.jobs.factory"]  # under TYPE_CHECKING too
    assert "bot.flow.files" in graph["bot.flow.confirms"]  # `from bot.flow import files`


def test_nothing_in_bot_or_handlers_imports_in_a_circle() -> None:
    found = circles(import_graph())
    assert not found, "import circles (see docs/architecture.md, 'Layers'):\n" + "\n".join(
        " <-> ".join(group) for group in found
    )


def test_the_top_floor_of_bot_stays_small() -> None:
    loose = sorted(p.name for p in (ROOT / "bot").glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= MAX_TOP_FLOOR, (
        f"{len(loose)} modules directly in bot/ (at most {MAX_TOP_FLOOR}): put new code in the "
        f"package of its layer (docs/architecture.md): {', '.join(loose)}"
    )


def mirror(source: Path) -> Path:
    """`bot/a/b.py` -> `tests/a/test_b.py`; `handlers/b.py` -> `tests/handlers/test_b.py`."""
    parts = source.relative_to(ROOT).parts
    folders = parts[1:-1] if parts[0] == "bot" else parts[:-1]
    return ROOT.joinpath("tests", *folders, f"test_{parts[-1]}")


def source_modules() -> list[str]:
    """Every module of ours that should have a test module (`__init__.py` re-exports only)."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if path.name == "__init__.py" or "migrations" in path.parts:
                continue
            found.append(str(path.relative_to(ROOT)))
    return sorted(found)


def test_the_mirror_maps_a_module_to_its_test_module() -> None:
    assert mirror(ROOT / "bot/flow/files.py") == ROOT / "tests/flow/test_files.py"
    assert mirror(ROOT / "bot/policy.py") == ROOT / "tests/test_policy.py"
    assert mirror(ROOT / "handlers/views.py") == ROOT / "tests/handlers/test_views.py"


def test_every_source_module_has_its_test_module() -> None:
    missing = [
        m for m in source_modules() if m not in NO_TEST_NEEDED and not mirror(ROOT / m).exists()
    ]
    assert not missing, "source modules without a test module (tests/ mirrors the source):\n" + (
        "\n".join(f"{m}: write {mirror(ROOT / m).relative_to(ROOT)}" for m in missing)
    )


def test_the_modules_that_need_no_test_module_still_exist() -> None:
    assert not set(NO_TEST_NEEDED) - set(source_modules()), (
        "NO_TEST_NEEDED names a module that is gone"
    )
