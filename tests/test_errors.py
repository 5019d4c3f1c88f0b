"""`bot.errors`: the tree its docstring draws is the class tree, and nothing is left out."""

from __future__ import annotations

import inspect
import re

import bot.errors as errors


def _drawn_tree() -> dict[str, str | None]:
    """Class name -> parent name, read from the docstring's drawing by indentation."""
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in (errors.__doc__ or "").splitlines():
        found = re.match(r"^(\s*)(?:[|\s]*\+-- )?([A-Z]\w*(?:Error|Limited))\b", line)
        if not found or not line.startswith("    "):
            continue
        depth = len(line) - len(line.lstrip(" |+-"))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[found.group(2)] = stack[-1][1] if stack else None
        stack.append((depth, found.group(2)))
    return parents


def _classes() -> dict[str, type[BaseException]]:
    return {
        name: cls
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__ == errors.__name__
    }


def test_when_the_tree_is_drawn_then_every_error_class_is_in_it() -> None:
    assert set(_drawn_tree()) == set(_classes())


def test_when_the_tree_is_drawn_then_each_parent_is_the_real_base_class() -> None:
    for name, parent in _drawn_tree().items():
        base = _classes()[name].__mro__[1].__name__
        assert base == (parent or "Exception"), name


def test_when_slack_rate_limits_then_the_error_keeps_the_wait_and_the_method() -> None:
    exc = errors.SlackRateLimited("chat.delete", 7.5)
    assert isinstance(exc, errors.SlackGatewayError)
    assert (exc.method, exc.error, exc.retry_after) == ("chat.delete", "ratelimited", 7.5)
    assert str(exc) == "Slack chat.delete failed: ratelimited"


def test_when_a_file_is_too_large_then_it_counts_as_unscannable_input() -> None:
    assert issubclass(errors.FileTooLargeError, errors.UnscannableError)
    assert issubclass(errors.UnscannableError, errors.InputError)  # not retried
