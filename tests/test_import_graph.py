"""No import cycles between the package's modules, every import points down the layers, and
docs/architecture.md shows the graph as it is. The graph is scripts/import_graph.py's (what counts
as an import is decided there: relative and absolute, inside functions too, TYPE_CHECKING not)."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_helpers import ROOT, graph_script, package_edges


@pytest.fixture(scope="module")
def edges() -> list:
    return list(package_edges())


def test_no_import_cycle_between_modules(edges: list) -> None:
    assert graph_script.cycles(graph_script.graph(edges)) == []


def test_every_import_points_down_the_layers(edges: list) -> None:
    wrong = [f"{e.path}:{e.line} {graph_script.layer_of(e.source)} -> {graph_script.layer_of(e.target)}"
             for e in graph_script.upward_edges(edges)]
    assert wrong == []


def test_every_module_belongs_to_a_layer(edges: list) -> None:
    layers = {graph_script.layer_of(name) for name in graph_script.modules()}
    assert layers - set(graph_script.LAYERS) == set()


def test_architecture_page_shows_the_graph_as_it_is(edges: list) -> None:
    """Refresh with `python scripts/import_graph.py` and paste between the markers."""
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    shown = page.split("<!-- import-graph -->")[1].split("<!-- /import-graph -->")[0]
    lines = [line for line in shown.strip().strip("`").strip().splitlines() if line.strip()]
    assert lines == graph_script.layer_lines(edges)


def _package(tmp_path: Path, files: dict[str, str]) -> dict[str, Path]:
    known = {}
    for name, source in files.items():
        path = tmp_path / (name.replace(".", "/") + ".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        known[name.removesuffix(".__init__")] = path
    return known


def test_the_graph_counts_what_runs(tmp_path: Path) -> None:
    """Relative imports of every depth, `from package import submodule`, and imports inside
    functions count; imports under TYPE_CHECKING never run and do not."""
    known = _package(tmp_path, {
        "thidua_desktop.__init__": "",
        "thidua_desktop.low.__init__": "",
        "thidua_desktop.low.leaf": "X = 1\n",
        "thidua_desktop.low.other": "from . import leaf\n",
        "thidua_desktop.high.__init__": "",
        "thidua_desktop.high.late": "def f():\n    from ..low.leaf import X\n    return X\n",
        "thidua_desktop.high.typed": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                      "    from ..low import other\nelse:\n    import thidua_desktop.low.leaf\n"),
        "thidua_desktop.high.name": "from thidua_desktop.low import leaf, missing\n",
    })
    found = graph_script.edges(known)
    pairs = {(e.source.removeprefix("thidua_desktop."), e.target.removeprefix("thidua_desktop."), e.late)
             for e in found}
    assert pairs == {
        ("low.other", "low.leaf", False),
        ("high.late", "low.leaf", True),
        ("high.typed", "low.leaf", False),  # the `else:` branch runs
        ("high.name", "low.leaf", False),  # a submodule by name
        ("high.name", "low", False),  # a name of the package's __init__
    }


def test_a_cycle_through_a_late_import_is_found(tmp_path: Path) -> None:
    known = _package(tmp_path, {
        "thidua_desktop.__init__": "",
        "thidua_desktop.a": "from . import b\n",
        "thidua_desktop.b": "def f():\n    from .c import g\n    return g\n",
        "thidua_desktop.c": "from .a import b\n\ndef g():\n    pass\n",
    })
    assert graph_script.cycles(graph_script.graph(graph_script.edges(known))) == [
        ["thidua_desktop.a", "thidua_desktop.b", "thidua_desktop.c"]]
