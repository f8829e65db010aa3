"""The package reads as its pipeline: imports point one way, modules stay small.

Every ``redline`` import in every module (at the top or inside a function) is checked
against the stage order of docs/architecture.md, and the module-level import graph is
checked for circles, so a change that makes a stage depend on a later one fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "redline"

#: Stages from the ground floor up; a module may import its own stage and those below.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("model", "errors"),
    ("changes", "progress", "output", "xmlsafe", "printable"),
    ("akn",),
    ("read",),
    ("comparison",),
    ("renderers",),
    ("ci", "batch"),
    ("history",),
    ("cli", "__init__", "__main__"),
)
#: Stages at the same level that must not import each other.
APART = {("ci", "batch"), ("batch", "ci"), ("history", "ci")}


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (``redline.akn.read``)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _stage(module: str) -> str:
    """``redline.akn.read`` -> ``akn``; the package itself -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _level(stage: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if stage in layer)


def _imports(path: Path, module: str, top_only: bool) -> set[str]:
    """The ``redline`` modules that `path` imports (``from redline import x`` counts as
    the submodule ``redline.x`` when there is one)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_only else list(ast.walk(tree))
    names: set[str] = set()
    known = _modules()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "redline" or node.module.startswith("redline."):
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    names.add(sub if sub in known else node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("redline"))
    names.discard(module)
    return names


@pytest.mark.parametrize("module", sorted(_modules()))
def test_imports_point_down_the_pipeline(module: str) -> None:
    path = _modules()[module]
    stage = _stage(module)
    for imported in _imports(path, module, top_only=False):
        target = _stage(imported)
        if target == "__init__" and imported == "redline":
            continue  # the package's version string
        assert _level(target) <= _level(stage), f"{module} imports {imported} (a later stage)"
        assert (stage, target) not in APART, f"{module} imports {imported}"


def test_no_import_circle_at_module_level() -> None:
    graph = {name: _imports(path, name, top_only=True) for name, path in _modules().items()}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail[trail.index(name) :], name))
        for imported in graph.get(name, ()):
            visit(imported, (*trail, name))

    for name in graph:
        visit(name, ())


def test_the_top_level_is_the_ground_floor_and_the_stages() -> None:
    top = sorted(p.name for p in PACKAGE.iterdir() if p.suffix == ".py" or p.is_dir())
    modules = [name for name in top if name.endswith(".py")]
    assert len(modules) <= 9, modules  # ground floor, the public face, python -m
    assert {"akn", "read", "comparison", "renderers", "ci", "batch", "history", "cli"} <= set(top)


@pytest.mark.parametrize("module", sorted(_modules()))
def test_modules_are_small(module: str) -> None:
    lines = _modules()[module].read_text(encoding="utf-8").count("\n")
    assert lines <= 350, f"{module} has {lines} lines: split it by responsibility"
