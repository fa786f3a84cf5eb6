"""The package's layout holds: stages import one way (tools -> running -> engine), with no circle.

Read from the source's own import statements (function-level ones included), so a lazy import that
reaches the wrong way is caught as well as a top-level one.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotegrab"
# the stage a module belongs to, by the first part of its dotted name below `quotegrab`
LAYERS = {"engine": 0, "running": 1, "cli": 2, "evaluate": 2, "__main__": 3}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(dotted: str) -> bool:
    where = PACKAGE.parent.joinpath(*dotted.split("."))
    return where.with_suffix(".py").exists() or (where / "__init__.py").exists()


def imports_of(path: Path) -> set[str]:
    """The quotegrab modules `path` imports, as dotted names."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("quotegrab"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + [base]).strip(".")
            if not base.startswith("quotegrab"):
                continue
            found.add(base)
            # "from quotegrab.running import batch" imports the module quotegrab.running.batch
            found.update(f"{base}.{a.name}" for a in node.names if is_module(f"{base}.{a.name}"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {i for i in imports_of(path) if i in modules and i != name} for name, path in modules.items()}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_stages_import_one_way() -> None:
    wrong = [(a, b) for a, targets in graph().items() for b in targets
             if layer(a) is not None and layer(b) is not None and layer(b) > layer(a)]
    assert not wrong, f"a stage imports a later one: {wrong}"


def test_the_engine_reads_no_inputs_and_prints_nothing() -> None:
    for path in (PACKAGE / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
        assert not [c for c in calls if c.func.id == "print"], f"{path} prints"


def test_no_import_circle() -> None:
    edges = graph()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            # a package's __init__ importing its own modules is its face, not a circle
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                pytest.fail("import circle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)


def test_top_level_is_small() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py"}
    assert len(modules) <= 5, modules
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()} >= {"engine", "running"}


def function_lengths(folder: Path) -> list[tuple[int, str]]:
    found = []
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found.append((node.end_lineno - node.lineno + 1, f"{path.relative_to(PACKAGE)}:{node.name}"))
    return found


def test_functions_are_small() -> None:
    """No function in the package over 80 lines, and none in the engine over 60: a unit a reader takes in
    at once."""
    assert not [f for f in function_lengths(PACKAGE) if f[0] > 80]
    assert not [f for f in function_lengths(PACKAGE / "engine") if f[0] > 60]


def test_ruff_with_the_complexity_bound_is_clean() -> None:
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the test extras)")
    done = subprocess.run([ruff, "check", str(PACKAGE)], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stdout
    config = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"C90"' in config and "max-complexity = 15" in config
