"""store/ is persistence only: no module of it imports a domain stage at run time.

Allowed: imports under ``if TYPE_CHECKING:`` (types named in annotations, no run-time dependency), and the data
types listed in ALLOWED, which store builds from rows.
"""

from __future__ import annotations

import ast
from pathlib import Path

import tracker.store

STAGES = (
    "tracker.extract",
    "tracker.entities",
    "tracker.match",
    "tracker.reliability",
    "tracker.pipeline",
    "tracker.verdicts",
    "tracker.users",
)
# (store module, imported module, name): data types store builds from rows.
ALLOWED = {("outlet_repo.py", "tracker.reliability", "ClaimFate")}
STORE = Path(tracker.store.__file__).parent


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_imports(tree: ast.AST) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((alias.name, "") for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.extend((node.module, alias.name) for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _stage(module: str) -> bool:
    return any(module == s or module.startswith(s + ".") for s in STAGES)


def test_no_store_module_imports_a_domain_stage() -> None:
    offending = []
    for path in sorted(STORE.glob("*.py")):
        for module, name in _run_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _stage(module) and (path.name, module, name) not in ALLOWED:
                offending.append(f"{path.name}: {module}.{name}" if name else f"{path.name}: {module}")
    assert offending == []


def test_the_check_sees_imports_in_functions_and_skips_type_checking_blocks() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from tracker.match import ClaimFacts\n"
        "def f():\n    from tracker.entities.resolve import resolve\n    import tracker.pipeline\n"
    )
    found = [m for m, _n in _run_time_imports(ast.parse(source)) if _stage(m)]
    assert found == ["tracker.entities.resolve", "tracker.pipeline"]
