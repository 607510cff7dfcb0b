"""The frozen build's entry script (installer/launcher.py) lets a spawned print worker run:
``multiprocessing.freeze_support()`` comes first, before the app is imported or a window opens
(in a frozen worker it runs the worker and exits; PyInstaller's runtime hook makes that work on
Linux as on Windows)."""

from __future__ import annotations

import ast
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parents[1] / "installer" / "launcher.py"


def test_freeze_support_runs_before_the_app_is_imported() -> None:
    tree = ast.parse(LAUNCHER.read_text(encoding="utf-8"))
    top_imports = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert all(not isinstance(node, ast.ImportFrom) and [a.name for a in node.names] == ["multiprocessing"]
               for node in top_imports), "only multiprocessing may be imported before freeze_support()"
    main = next(node for node in tree.body if isinstance(node, ast.If))
    assert ast.unparse(main.test) == "__name__ == '__main__'"
    first = main.body[0]
    assert isinstance(first, ast.Expr) and ast.unparse(first) == "multiprocessing.freeze_support()"
    assert any(isinstance(node, ast.ImportFrom) and node.module == "thidua_desktop.__main__" for node in main.body[1:])


def test_a_frozen_build_pools_a_large_batch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.reports import pool

    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr(pool, "usable_cpus", lambda: 2)
    assert pool.pool_size(pool.POOL_MIN_DOCUMENTS + 1) == 2
    assert pool.pool_size(pool.POOL_MIN_DOCUMENTS) == 1
