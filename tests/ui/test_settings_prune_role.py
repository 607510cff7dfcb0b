"""Settings → Backups → "Remove unused attached files…" on an office with accounts: pruning is an
admin's (services/access.py), so anyone else finds the button greyed out with the reason in its
tooltip, instead of a refusal after clicking. An office without accounts is unchanged. Real
SQLite offices with real accounts; the service's own refusal is checked beside the button."""

from __future__ import annotations

import nacl.pwhash
import pytest

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.sync import passwords
from thidua_desktop.ui.screens.settings import SettingsScreen

from .test_settings_prune import _left_behind


@pytest.fixture(autouse=True)
def fast_hash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "OPSLIMIT", nacl.pwhash.argon2id.OPSLIMIT_MIN)
    monkeypatch.setattr(passwords, "MEMLIMIT", nacl.pwhash.argon2id.MEMLIMIT_MIN)


def screen_of(qtbot, app: App) -> SettingsScreen:  # type: ignore[no-untyped-def]
    """As the main window builds it: with the accounts service of the signed-in session."""
    screen = SettingsScreen(app.settings, app.office, app.maintenance, app.paths, app.restore_from,
                            officials=app.officials, printing=app.printing, decisions=app.decisions,
                            certificate_layout=app.certificate_layout, accounts=app.accounts)
    qtbot.addWidget(screen)
    return screen


def refusal_of(app: App) -> str:
    try:
        app.maintenance.prune_attachments()
    except DomainError as exc:
        return exc.code
    return "ok"


def test_only_an_admin_is_offered_the_prune(qtbot, commune: App, app_factory, dialog_log) -> None:  # type: ignore[no-untyped-def]
    folder = commune.paths.data_dir
    without_accounts = screen_of(qtbot, commune)
    assert without_accounts.prune.isEnabled() and not without_accounts.prune.toolTip()

    commune.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    commune.sign_in("quantri", "Quan-tri-2026")
    commune.accounts.create("hoa.nt", "Nông Thị Hoa", "reviewer", "Tham-dinh-01")
    commune.accounts.create("lanhdao", "Lục Văn Tài", "leader", "Lanh-dao-01")
    reviewer, leader, nobody = app_factory(folder), app_factory(folder), app_factory(folder)
    reviewer.sign_in("hoa.nt", "Tham-dinh-01")
    leader.sign_in("lanhdao", "Lanh-dao-01")

    for office, code in ((reviewer, "ROLE_REQUIRED"), (leader, "ROLE_REQUIRED"), (nobody, "LOGIN_REQUIRED")):
        screen = screen_of(qtbot, office)
        assert not screen.prune.isEnabled() and screen.prune.toolTip()  # greyed out, and why
        assert screen.prune.text()  # still there: the officer learns the action exists
        assert refusal_of(office) == code  # what clicking used to say, after the click

    old = _left_behind(folder, b"z" * 300 * 1024, 30)
    admin = screen_of(qtbot, commune)
    assert admin.prune.isEnabled() and not admin.prune.toolTip()
    admin.prune.click()  # the dialogs answer Yes
    assert not old.exists()
    assert [kind for kind, _ in dialog_log] == ["ask", "info"]


def test_an_account_disabled_since_the_screen_was_built_loses_the_button_on_the_next_read(
        qtbot, commune: App, app_factory) -> None:  # type: ignore[no-untyped-def]
    """The role is read when the screen is worded, not remembered from the sign-in."""
    commune.accounts.create("quantri", "Hoàng Văn Quản", "admin", "Quan-tri-2026")
    commune.sign_in("quantri", "Quan-tri-2026")
    commune.accounts.create("admin2", "Lục Văn Tài", "admin", "Quan-tri-2027")
    second = app_factory(commune.paths.data_dir)
    second.sign_in("admin2", "Quan-tri-2027")
    screen = screen_of(qtbot, second)
    assert screen.prune.isEnabled()
    commune.accounts.disable("admin2")
    screen.refresh()
    assert not screen.prune.isEnabled()
