"""The recognizers import each other in one direction only (issue 15: no import circles).

Every import counts, also one inside a function or under `TYPE_CHECKING`: a circle there is
still two modules that cannot be read, or loaded, one without the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "bot.detect.recognizers"
ROOT = Path(__file__).resolve().parents[2] / "bot" / "detect" / "recognizers"


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in ROOT.glob("*.py"):
        if path.stem == "__init__":
            continue
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith(PACKAGE + "."):
                deps.add(module.removeprefix(PACKAGE + "."))
        graph[path.stem] = deps
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        for dep in sorted(graph.get(node, ())):
            if dep in path:
                return [*path[path.index(dep) :], dep]
            if dep not in done:
                found = visit(dep, [*path, dep])
                if found:
                    return found
        done.add(node)
        return None

    for start in sorted(graph):
        found = visit(start, [start])
        if found:
            return found
    return None


def test_when_recognizers_import_each_other_then_there_is_no_circle() -> None:
    graph = _imports()
    assert {"names", "names_cues", "names_unknown", "cities"} <= graph.keys()
    assert _circle(graph) is None, " -> ".join(_circle(graph) or [])


def test_when_a_circle_exists_then_the_check_finds_it() -> None:
    assert _circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _circle({"a": {"b"}, "b": set()}) is None
