"""The layout's promises, checked from the source: imports run one way, no cycles, small files.

Layers, lowest first: accounts → assessments (the bank) → interviews → reports. A module may
import its own layer and any lower one; `hiring` itself (settings, urls, wsgi, views) only wires.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["hiring.accounts", "assessments", "hiring.interviews", "hiring.reports"]
WIRING = {"hiring", "hiring.settings", "hiring.urls", "hiring.wsgi", "hiring.views"}
MAX_LINES = 500


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in ("hiring", "assessments"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imports_of(path: Path, modules: dict[str, Path]) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        found |= {n for n in names if n in modules}
    return found


def layer(module: str) -> int | None:
    for i, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + "."):
            return i
    return None


def test_imports_run_one_way():
    modules = project_modules()
    upward = []
    for name, path in modules.items():
        own = layer(name)
        for target in imports_of(path, modules):
            theirs = layer(target)
            if name in WIRING or own is None or theirs is None:
                continue
            if theirs > own:
                upward.append(f"{name} imports {target}")
    assert upward == []


def test_there_is_no_import_cycle():
    modules = project_modules()
    graph = {name: imports_of(path, modules) - {name} for name, path in modules.items()}
    # A package importing its own submodules (a facade) is not a cycle through code.
    for name in graph:
        graph[name] = {t for t in graph[name] if not t.startswith(name + ".")}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" → ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_is_over_500_lines():
    long = [
        f"{name} ({n} lines)"
        for name, path in project_modules().items()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    ]
    assert long == []
