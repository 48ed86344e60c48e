"""A module constant defined twice is a silent bug: the later one shadows the earlier one for every function, wherever
the function stands (session 35: a second gates._DEGREE for glued degree words turned a self-description gate off and
sent an honest vague answer to a person as a keyword list; an earlier _BECOME with 是/成了 had never been in effect).
Every module of the project's packages binds each top-level name once (a rebinding from itself, X = f(X), is allowed)."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULES = sorted(p for root in ("functions", "api", "models", "bench", "deploy")
                 for p in (REPO / root).rglob("*.py"))


def _bound_twice(source: str) -> list[str]:
    names: Counter = Counter()
    for node in ast.parse(source).body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t for t in node.targets if isinstance(t, ast.Name)]
            uses = {n.id for n in ast.walk(node.value) if isinstance(n, ast.Name)}
            targets = [t for t in targets if t.id not in uses]      # X = f(X) refines X
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        for t in targets:
            names[t.id] += 1
    return sorted(n for n, c in names.items() if c > 1)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_top_level_name_is_bound_once(path):
    assert _bound_twice(path.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_shadowed_constant():
    assert _bound_twice("A = 1\ndef f():\n    return A\nA = 2\n") == ["A"]
    assert _bound_twice("A = {1}\nA = frozenset(A)\n") == []
