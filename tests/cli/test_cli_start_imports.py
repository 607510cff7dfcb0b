"""Every ``thidua`` command used to pay about a second before doing anything: building the argument
parser imported ReportLab, openpyxl, the report renderers and the ORM models (issue 15). The parser
now imports only what lists its choices; each command imports its own modules when it runs.

Each check runs in a fresh interpreter (never the test process, which has imported everything
already, nor tests/cli_process.py's forks, which are warmed with it) and reads ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

# What no parser, ``--version`` or ``--help`` may load: the drawing, the workbooks, the ORM.
HEAVY = ("reportlab", "openpyxl", "thidua_desktop.reports", "sqlalchemy", "sqlalchemy.orm", "alembic",
         "thidua_desktop.db", "thidua_desktop.bootstrap", "thidua_desktop.services.printing")


def _loaded_after(body: str, tmp_path: Path) -> dict[str, Any]:
    """Run ``body`` in a new interpreter; the heavy modules loaded afterwards, and what it printed."""
    script = textwrap.dedent("""
        import contextlib, io, json, sys
        captured = io.StringIO()
        result = None
        with contextlib.redirect_stdout(captured):
        {body}
        print(json.dumps({{"loaded": [m for m in {heavy!r} if m in sys.modules], "result": result,
                          "out": captured.getvalue()}}))
    """).format(body=textwrap.indent(textwrap.dedent(body).strip(), " " * 4), heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path, env={"THIDUA_DATA_DIR": str(tmp_path / "nothing-here"),
                                             "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def test_building_the_parser_loads_no_heavy_module(tmp_path: Path) -> None:
    data = _loaded_after("""
        from thidua_desktop.cli import build_parser
        parser = build_parser()
        result = sorted(parser._subparsers._group_actions[0].choices)
    """, tmp_path)
    assert data["loaded"] == []
    # the whole command line was still declared: printing, importing, sync, accounts, self-test
    assert {"print", "import", "export", "bundle", "accounts", "self-test", "ratings"} <= set(data["result"])


def test_version_and_help_load_no_heavy_module(tmp_path: Path) -> None:
    for argv, expected in ((["--version"], "ThiĐua Desktop"), (["--lang", "en", "--help"], "exit codes"),
                           (["print", "--help"], "province-certificate")):
        data = _loaded_after(f"""
            from thidua_desktop.cli import main
            result = main({argv!r})
        """, tmp_path)
        assert data["result"] == 0, argv
        assert expected in str(data["out"]), argv
        assert data["loaded"] == [], argv


def test_a_malformed_command_line_loads_no_heavy_module(tmp_path: Path) -> None:
    data = _loaded_after("""
        from thidua_desktop.cli import main
        result = main(["print", "no-such-kind-but-a-target"])
    """, tmp_path)
    assert data["result"] == 2
    assert data["loaded"] == []


def test_opening_an_office_loads_no_drawing_or_workbook(tmp_path: Path) -> None:
    """Every command and the window open the office; that alone must not bring ReportLab or
    openpyxl (the officials' adoption of the typed names read the print settings' module)."""
    folder = tmp_path / "tinh"
    made = _loaded_after(f"""
        from thidua_desktop.cli import main
        result = main(["--data-dir", {str(folder)!r}, "init", "--role", "province", "--unit-code", "04"])
    """, tmp_path)
    assert made["result"] == 0
    data = _loaded_after(f"""
        from thidua_desktop.bootstrap import open_app
        app = open_app({str(folder)!r})
        result = app.office.office().unit_code
        app.close()
    """, tmp_path)
    assert data["result"] == "04"
    assert not {"reportlab", "openpyxl", "thidua_desktop.reports"} & set(data["loaded"])


def test_the_document_settings_key_is_named_alike_in_both_places() -> None:
    from thidua_desktop.services.officials import DOCUMENT_SETTINGS_KEY
    from thidua_desktop.services.print_settings import SETTINGS_KEY

    assert DOCUMENT_SETTINGS_KEY == SETTINGS_KEY


def test_the_probe_sees_a_renderer_when_a_document_kind_is_used(tmp_path: Path) -> None:
    """The check above can fail: using a kind's renderer loads ReportLab, and it is the renderer
    of the reports package itself, not a stand-in."""
    data = _loaded_after("""
        from thidua_desktop.services.document_kinds import BY_KIND, KINDS
        names_only = [m for m in ("reportlab", "thidua_desktop.reports") if m in sys.modules]
        from thidua_desktop.reports import submission
        result = [names_only, BY_KIND["submission"].render is submission.render, len(KINDS)]
    """, tmp_path)
    names_only, same, count = data["result"]
    assert names_only == []
    assert same is True and count >= 13
    assert "reportlab" in data["loaded"] and "thidua_desktop.reports" in data["loaded"]


def test_every_kind_names_functions_that_exist() -> None:
    """The kinds name their functions ("module:function") instead of importing them: a misspelt
    name would only show when that document is printed, so every one is resolved here."""
    from thidua_desktop.services.document_kinds import DOCUMENTS

    for spec in DOCUMENTS:
        assert callable(spec.gather) and callable(spec.render), spec.kind
        assert spec.in_batch is None or callable(spec.in_batch), spec.kind
        assert (spec.in_batch is None) == (spec.in_batch_ref is None), spec.kind
