"""scripts/import_graph.py, loaded for the tests (scripts/ is not a package): the one definition
of what counts as an import, shared by test_import_graph.py and test_layering.py."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _load_script() -> ModuleType:
    if "import_graph" in sys.modules:
        return sys.modules["import_graph"]
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts" / "import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["import_graph"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


graph_script = _load_script()


@functools.cache
def package_edges() -> tuple:  # type: ignore[type-arg]  # the script's Edge records
    """Every import edge of the package, read once per test process (parsing every module takes
    over a second and several tests ask)."""
    return tuple(graph_script.edges())
