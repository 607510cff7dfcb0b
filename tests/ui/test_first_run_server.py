"""The first-run dialog's "office server" choice (issue 14): offered to the province only, the
connection tested next to its button, and the set-up that follows: config.json names the server
without its password, the password is sealed on this computer, the office is made on the server
and its first administrator signs in. The tests that need the server run when
THIDUA_TEST_POSTGRES_URL names one (``export THIDUA_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"``)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path

import nacl.pwhash
import pytest
from pg_fixtures import pg_empty_database, pg_server  # noqa: F401  # fixtures, found by their names
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy.engine import make_url

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.messages import render
from thidua_desktop.services.server_setup import ServerSettings, password_file
from thidua_desktop.sync import passwords
from thidua_desktop.ui import app as ui_app
from thidua_desktop.ui.first_run import FirstRunDialog


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)
    monkeypatch.delenv("THIDUA_DATABASE_URL", raising=False)  # it would win over the folder's config.json


def province_dialog(qtbot) -> FirstRunDialog:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.role.setCurrentIndex(dialog.role.findData("province"))
    dialog.officer.setText("Hoang Van Quan")
    return dialog


def fill_server(dialog: FirstRunDialog, url: str) -> ServerSettings:
    parsed = make_url(url)
    dialog.server_choice.setChecked(True)
    dialog.server_host.setText(parsed.host or "")
    dialog.server_port.setText(str(parsed.port or 5432))
    dialog.server_database.setText(parsed.database or "")
    dialog.server_user.setText(parsed.username or "")
    dialog.server_password.setText(parsed.password or "")
    return ServerSettings(parsed.host or "", parsed.port or 5432, parsed.database or "", parsed.username or "",
                          parsed.password or "")


def test_only_the_province_chooses_where_its_data_is_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.storage_box.isVisible()  # a commune keeps its own file
    dialog.role.setCurrentIndex(dialog.role.findData("province"))
    assert dialog.storage_box.isVisible() and dialog.local_choice.isChecked()
    assert not dialog.server_fields.isVisible()
    dialog.officer.setText("Hoang Van Quan")
    assert dialog.answers().server is None
    local_hint = dialog.hint.text()
    dialog.server_choice.setChecked(True)
    assert dialog.server_fields.isVisible() and dialog.hint.text() != local_hint
    assert (dialog.server_port.text(), dialog.server_database.text(), dialog.server_user.text()) == (
        "5432", "thidua", "thidua")
    problems = dialog.problems_found()
    assert problems == [render(DomainError("REQUIRED", field="host"))]
    dialog.ok_button.click()
    assert dialog.result() == 0 and dialog.problems.isVisible()
    dialog.server_host.setText("192.168.1.10")
    dialog.server_password.setText("mat-khau-csdl")
    assert dialog.answers().server == ServerSettings("192.168.1.10", 5432, "thidua", "thidua", "mat-khau-csdl")
    dialog.server_port.setText("99999")
    assert dialog.problems_found() and "Cổng" in dialog.problems_found()[0]
    # Back to a commune: no server, whatever was typed.
    dialog.role.setCurrentIndex(dialog.role.findData("commune"))
    assert dialog.answers().server is None


def test_a_server_that_does_not_answer_is_said_next_to_the_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = province_dialog(qtbot)
    fill_server(dialog, "postgresql+psycopg://thidua:x@127.0.0.1:1/thidua")
    assert dialog.test_connection() is None
    assert dialog.test_result.text() == render(DomainError("SERVER_UNREACHABLE", host="127.0.0.1", port=1))


@pytest.mark.postgres
def test_the_connection_test_and_a_wrong_password_on_the_real_server(
        qtbot, pg_empty_database: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = province_dialog(qtbot)
    fill_server(dialog, pg_empty_database)
    version = dialog.test_connection()
    assert version is not None and version.startswith("PostgreSQL ")
    assert version in dialog.test_result.text()
    dialog.server_password.setText("khong-dung")
    assert dialog.test_connection() is None
    assert "từ chối đăng nhập" in dialog.test_result.text()


@pytest.mark.postgres
def test_setting_up_the_office_on_the_server_then_signing_in(
        qtbot, app_factory: Callable[..., App], tmp_path: Path,  # type: ignore[no-untyped-def]
        pg_empty_database: str) -> None:  # noqa: F811
    dialog = province_dialog(qtbot)
    settings = fill_server(dialog, pg_empty_database)
    answers = dialog.answers()
    assert answers.server == settings
    local = app_factory(tmp_path / "may-can-bo")  # what the start opened before the questions
    served = ui_app._on_server(local, answers)
    assert served is not None
    try:
        assert not served.db.is_sqlite and served.office.office().unit_code == "04"
        # config.json names the server, never its password; the password is sealed, not written plainly.
        config = json.loads((local.paths.data_dir / "config.json").read_text(encoding="utf-8"))
        assert make_url(config["database_url"]).password is None
        assert make_url(config["database_url"]).database == settings.database
        sealed = json.loads(password_file(local.paths).read_text(encoding="utf-8"))
        assert set(sealed) == {"format_version", "kek_id", "sealed", "url"}
        assert settings.password and settings.password.encode() not in base64.b64decode(sealed["sealed"])
        assert make_url(sealed["url"]).password is None

        def first_admin(first: QDialog) -> None:
            first.username.setText("quantri")  # type: ignore[attr-defined]
            first.password.setText("Quan-tri-2026")  # type: ignore[attr-defined]
            first.repeat.setText("Quan-tri-2026")  # type: ignore[attr-defined]
            first.ok_button.click()  # type: ignore[attr-defined]

        when_modal(first_admin)
        assert ui_app.sign_in(served, "Hoàng Văn Quản")
        assert served.signed_in is not None and served.signed_in.role.value == "admin"
        [admin] = served.accounts.list()
        assert (admin.username, admin.display_name) == ("quantri", "Hoàng Văn Quản")
    finally:
        served.close()
    # The next start opens the server with the sealed password, and asks who signs in.
    again = open_app(local.paths.data_dir)
    try:
        assert not again.db.is_sqlite and again.needs_sign_in()
        again.sign_in("quantri", "Quan-tri-2026")
    finally:
        again.close()


def when_modal(action: Callable[[QDialog], None]) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, act)
            return
        action(dialog)  # type: ignore[arg-type]
    QTimer.singleShot(0, act)
