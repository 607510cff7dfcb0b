"""Print the import graph of thidua_desktop by layer, and any import cycle between modules.

Run `python scripts/import_graph.py` to refresh the graph in docs/architecture.md;
`--modules` prints the module-level graph instead. tests/test_import_graph.py and
tests/test_layering.py read the same graph, so the page, the script and the tests agree.

What counts as an import (decided once, here):
- `import a.b` and `from a.b import c` (absolute) and `from .b import c` / `from .. import b`
  (relative), resolved to a module of the package; `from pkg import name` points at the
  submodule `pkg.name` when there is one, else at `pkg` itself (its __init__).
- Imports inside functions ("late" imports) count. A late import still runs the other
  module and still ties the two together; hiding a cycle inside a function only moves the
  failure from import time to the first call.
- Imports under `if TYPE_CHECKING:` do not count: they never run.
- Importing `a.b.c` also runs `a/__init__` and `a/b/__init__`; those implicit edges are
  not drawn (every module would then depend on its own package's __init__ and each package
  that re-exports its submodules would look like a cycle).
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_NAME = "thidua_desktop"
PACKAGE = ROOT / PACKAGE_NAME
# Alembic's revision files are loaded by Alembic, never imported by the application.
SKIPPED = ("db/migrations/versions/",)

# The layers, lowest first. A module may import its own layer and the layers of lower rank only;
# two layers of the same rank (rules and sync, cli and ui) never import each other. Top-level
# modules of the package belong to the layer named in _TOP_LEVEL_GROUPS.
LAYERS: dict[str, int] = {
    "support": 0,  # the package's version, resource paths, private files, the user's config
    "domain": 1,  # plain records, enums, errors, validation, text: no third-party library
    "rules": 2,  # the award rules, pure
    "sync": 2,  # the bundle format and the keys (PyNaCl)
    "spreadsheets": 2,  # reading and writing workbooks (openpyxl)
    "reports": 2,  # drawing documents (reportlab)
    "db": 2,  # SQLAlchemy: engine, models, migrations, repositories
    "messages": 3,  # every reason code's sentence, merged from the tables of the layers below
    "services": 4,  # one use case per method; the only callers of repositories
    "bootstrap": 5,  # App: the services of one office, wired together
    "cli": 6,
    "ui": 6,
    "__main__": 7,
}
_TOP_LEVEL_GROUPS = {
    "__init__": "support",
    "paths": "support",
    "private_files": "support",
    "config": "support",
    "checkpoints": "support",  # named moments of long operations; a leaf anything may announce to
    "service_messages": "messages",
    "storage_messages": "messages",
    "account_messages": "messages",
    "exchange_messages": "messages",
    "os_refusals": "messages",  # operating-system errors as reason codes
    "database_key": "services",  # the office database's key: a service that lives at the top level
    "staged_demo": "bootstrap",
}


@dataclass(frozen=True)
class Edge:
    """One import statement: `source` imports `target` at `path`:`line`."""

    source: str
    target: str
    path: str
    line: int
    late: bool  # inside a function body


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not relative.startswith(SKIPPED):
            found[module_name(path)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement that can run, with whether it sits inside a function."""

    def visit(nodes: list[ast.AST], late: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
        for node in nodes:
            if isinstance(node, ast.If) and _is_type_checking(node.test):
                yield from visit(list(node.orelse), late)  # the `else:` branch does run
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                yield node, late
            inner = late or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            yield from visit(list(ast.iter_child_nodes(node)), inner)

    yield from visit(list(ast.iter_child_nodes(tree)), False)


def _resolve_base(source: str, is_package: bool, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    parts = source.split(".")
    if not is_package:
        parts = parts[:-1]  # a module's relative imports start from its package
    if node.level > 1:
        parts = parts[: len(parts) - (node.level - 1)]
    return ".".join([*parts, node.module] if node.module else parts)


def edges(known: dict[str, Path] | None = None) -> list[Edge]:
    """Every import between two modules of the package."""
    known = known if known is not None else modules()

    def nearest(name: str) -> str | None:
        # `import a.b.c.name` where name is a function: the deepest module that exists.
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    found: list[Edge] = []
    for source, path in known.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, late in _import_nodes(tree):
            targets: list[str | None] = []
            if isinstance(node, ast.Import):
                targets = [nearest(alias.name) for alias in node.names]
            else:
                base = _resolve_base(source, is_package, node)
                for alias in node.names:
                    submodule = f"{base}.{alias.name}"
                    targets.append(submodule if submodule in known else nearest(base))
            relative = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()
            for target in targets:
                if target and target != source and target.startswith(PACKAGE_NAME):
                    found.append(Edge(source, target, relative, node.lineno, late))
    return found


def graph(found: list[Edge] | None = None) -> dict[str, set[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    for edge in found if found is not None else edges():
        result[edge.source].add(edge.target)
    return result


def cycles(adjacency: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    nodes = set(adjacency) | {t for targets in adjacency.values() for t in targets}

    def connect(node: str) -> None:
        # Iterative: a deep chain of imports must not hit the recursion limit.
        nonlocal counter
        work = [(node, iter(sorted(adjacency.get(node, ()))))]
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        while work:
            current, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[current])
                if low[current] == index[current]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == current:
                            break
                    if len(component) > 1:
                        components.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(adjacency.get(child, ())))))
            elif child in on_stack:
                low[current] = min(low[current], index[child])

    for node in sorted(nodes):
        if node not in index:
            connect(node)
    return sorted(components)


def layer_of(module: str) -> str:
    """`thidua_desktop.services.printing` -> `services`; `thidua_desktop.cli_sync` -> `cli`."""
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    if name.startswith("cli"):
        return "cli"
    return _TOP_LEVEL_GROUPS.get(name, name)


def layer_graph(found: list[Edge] | None = None) -> dict[str, set[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    for edge in found if found is not None else edges():
        source, target = layer_of(edge.source), layer_of(edge.target)
        if source != target:
            result[source].add(target)
    return result


def upward_edges(found: list[Edge] | None = None) -> list[Edge]:
    """Imports from a lower layer into a higher one (or between two layers of the same rank)."""
    wrong = []
    for edge in found if found is not None else edges():
        source, target = layer_of(edge.source), layer_of(edge.target)
        if source != target and LAYERS.get(target, -1) >= LAYERS.get(source, -1):
            wrong.append(edge)
    return wrong


def layer_lines(found: list[Edge] | None = None) -> list[str]:
    """The graph by layer, highest first: "services     -> messages, db, …" (docs/architecture.md)."""
    layers = layer_graph(found)
    order = sorted(LAYERS, key=lambda n: (-LAYERS[n], n))
    return [f"{name:<13}-> " + ", ".join(t for t in order if t in layers[name]) for name in order if name in layers]


def main(argv: list[str]) -> int:
    found = edges()
    if "--modules" in argv:
        for source, targets in sorted(graph(found).items()):
            print(f"{source.removeprefix(PACKAGE_NAME + '.')} -> "
                  + ", ".join(sorted(t.removeprefix(PACKAGE_NAME + ".") for t in targets)))
    else:
        print("\n".join(layer_lines(found)))
    status = 0
    for component in cycles(graph(found)):
        print("cycle: " + " <-> ".join(m.removeprefix(PACKAGE_NAME + ".") for m in component))
        status = 1
    for edge in upward_edges(found):
        print(f"upward: {edge.path}:{edge.line} {layer_of(edge.source)} -> {layer_of(edge.target)}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
