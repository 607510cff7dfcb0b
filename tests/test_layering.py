"""The core never imports Qt, and only db/ talks to SQLAlchemy/Alembic directly."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "thidua_desktop"


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
    for path in _modules(("ui/", "__main__.py")):
        source = path.read_text(encoding="utf-8")
        assert "thidua_desktop.ui" not in source and "from .ui" not in source and "from ..ui" not in source, path


def _stdlib() -> set[str]:
    import sys

    return set(sys.stdlib_module_names) | {"__future__"}


def test_no_reason_code_has_two_meanings() -> None:
    """Each module's MESSAGES table is merged into one; a code defined twice would print the wrong sentence."""
    from thidua_desktop.domain.validation import MESSAGES as validation
    from thidua_desktop.messages import SERVICE_MESSAGES
    from thidua_desktop.reports.messages import MESSAGES as reports
    from thidua_desktop.rules.explain import MESSAGES as rules
    from thidua_desktop.rules.plausibility import MESSAGES as plausibility
    from thidua_desktop.spreadsheets.export_messages import MESSAGES as exports
    from thidua_desktop.spreadsheets.import_messages import MESSAGES as imports
    from thidua_desktop.sync import MESSAGES as sync

    tables = [validation, plausibility, rules, sync, reports, exports, imports, SERVICE_MESSAGES]
    seen: dict[str, int] = {}
    clashes = []
    for index, table in enumerate(tables):
        for code, pair in table.items():
            if code in seen and tables[seen[code]][code] != pair:
                clashes.append(code)
            seen.setdefault(code, index)
    assert clashes == []
