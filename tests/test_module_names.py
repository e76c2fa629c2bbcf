"""Each module-level name of the library is bound once.

A constant bound twice in one module silently gives every function the later value: a
list-gap pattern for curfews was once rebound by the place rules' own, and a locality
threshold of a million once rebound a metropolis threshold of five million. Ruff's F811
sees functions and imports bound twice, not assignments, so this test reads the modules.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted([*ROOT.glob("geomap/**/*.py"), *ROOT.glob("gazetteer/*.py")])


def _bound_names(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_level_name_is_bound_twice(path: Path) -> None:
    names = _bound_names(ast.parse(path.read_text(encoding="utf-8")))
    twice = sorted(name for name, n in names.items() if n > 1)
    assert twice == []


def test_the_check_sees_a_constant_bound_twice() -> None:
    tree = ast.parse("_GAP = 1\n\ndef f():\n    return _GAP\n\n_GAP = 2\n")
    assert _bound_names(tree)["_GAP"] == 2
