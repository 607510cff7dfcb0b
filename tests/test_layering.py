"""The core never imports Qt, only db/ talks to SQLAlchemy/Alembic directly, nothing imports the
GUI, and the GUI reaches the data only through the services.

Third-party imports are read from the source (they are always absolute); imports between our own
modules come from scripts/import_graph.py, so relative imports, imports inside functions and every
submodule count (tests/test_import_graph.py checks the layers and cycles of the whole package)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from graph_helpers import graph_script, package_edges

PACKAGE = Path(__file__).resolve().parents[1] / "thidua_desktop"

# What a screen may import besides Qt and itself: the services, the plain domain records, the
# sentences for reason codes, and the support modules (config, resource paths).
UI_MAY_IMPORT = {"ui", "services", "domain", "messages", "support"}
# Imports from the GUI past the services, each with why it is still there. Keyed by the importing
# module and the layer it reaches; an entry that no longer matches an import fails the test, so
# the list only shrinks.
UI_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("ui.app", "bootstrap"): "the GUI's entry point opens the office (open_app) and hands App to the "
                             "main window: the composition root",
}


@functools.cache
def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(exclude: tuple[str, ...] = ()) -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py")
            if not any(p.relative_to(PACKAGE).as_posix().startswith(e) for e in exclude)]


def test_core_never_imports_qt() -> None:
    offenders = [p.relative_to(PACKAGE).as_posix() for p in _modules(("ui/", "__main__.py"))
                 if _imports(p) & {"PySide6", "shiboken6"}]
    assert offenders == []


def test_only_db_layer_imports_sqlalchemy() -> None:
    offenders = [p.relative_to(PACKAGE).as_posix() for p in _modules(("db/",))
                 if _imports(p) & {"sqlalchemy", "alembic"}]
    assert offenders == []


def test_domain_and_rules_use_only_stdlib_and_themselves() -> None:
    allowed_third_party: set[str] = set()
    for folder in ("domain", "rules"):
        for path in (PACKAGE / folder).rglob("*.py"):
            third_party = {n for n in _imports(path) if n not in _stdlib()} - allowed_third_party - {"thidua_desktop"}
            assert third_party == set(), path


def test_nothing_imports_ui() -> None:
    wrong = [f"{e.path}:{e.line}" for e in package_edges()
             if graph_script.layer_of(e.target) == "ui" and graph_script.layer_of(e.source) not in ("ui", "__main__")]
    assert wrong == []


def test_ui_reaches_data_only_through_services() -> None:
    """Every import of every GUI module, top-level or inside a function, relative or absolute:
    no db, rules, reports, spreadsheets or sync (nor App) but through a service."""
    found: dict[tuple[str, str], list[str]] = {}
    for edge in package_edges():
        target = graph_script.layer_of(edge.target)
        if graph_script.layer_of(edge.source) == "ui" and target not in UI_MAY_IMPORT:
            key = (edge.source.removeprefix("thidua_desktop."), target)
            found.setdefault(key, []).append(f"{edge.path}:{edge.line} -> {edge.target}")
    offenders = {key: where for key, where in found.items() if key not in UI_EXCEPTIONS}
    assert offenders == {}
    stale = sorted(set(UI_EXCEPTIONS) - set(found))
    assert stale == [], "no longer imported: remove these from UI_EXCEPTIONS"


def _stdlib() -> set[str]:
    import sys

    return set(sys.stdlib_module_names) | {"__future__"}


def test_no_reason_code_has_two_meanings() -> None:
    """Each module's MESSAGES table is merged into one; a code defined twice would print the wrong sentence."""
    from thidua_desktop.domain.validation import MESSAGES as validation
    from thidua_desktop.messages import ACCOUNT_MESSAGES, EXCHANGE_MESSAGES, SERVICE_MESSAGES, STORAGE_MESSAGES
    from thidua_desktop.reports.messages import MESSAGES as reports
    from thidua_desktop.rules.explain import MESSAGES as rules
    from thidua_desktop.rules.plausibility import MESSAGES as plausibility
    from thidua_desktop.spreadsheets.export_messages import MESSAGES as exports
    from thidua_desktop.spreadsheets.import_messages import MESSAGES as imports
    from thidua_desktop.sync import MESSAGES as sync

    tables = [validation, plausibility, rules, sync, reports, exports, imports, SERVICE_MESSAGES, STORAGE_MESSAGES,
              ACCOUNT_MESSAGES, EXCHANGE_MESSAGES]
    seen: dict[str, int] = {}
    clashes = []
    for index, table in enumerate(tables):
        for code, pair in table.items():
            if code in seen and tables[seen[code]][code] != pair:
                clashes.append(code)
            seen.setdefault(code, index)
    assert clashes == []
