"""The province's Đồng bộ screen when a commune's first bundle waits for the fingerprint check: the
list shows the fingerprint to compare; with two keys claiming one commune (an impostor's and the
real one) the officer picks the one read over the phone; a mismatch discards the waiting bundles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from office_templates import copy_template
from sync_helpers import enrolled_pair

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_views import SyncViews
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.screens import sync_dialogs
from thidua_desktop.ui.screens.sync import SyncScreen
from thidua_desktop.ui.screens.sync_texts import peer_status_text


@pytest.fixture
def offices(tmp_path: Path, _template_dir: Path) -> Iterator[tuple[App, App, App, Path]]:
    province, commune, enrolment = enrolled_pair(tmp_path)
    impostor = open_app(copy_template(_template_dir, tmp_path / "impostor"), actor="ke-gia")
    impostor.office.init_office("commune", "01576")
    impostor.sync.accept_enrollment(enrolment.read_bytes())
    yield province, commune, impostor, tmp_path
    for app in (province, commune, impostor):
        app.close()


def send(province: App, sender: App, name: str, folder: Path) -> None:
    sender.people.create(PersonInput(name, "male"))
    [bundle] = sender.sync.export(folder).files
    with pytest.raises(DomainError):
        province.sync.import_bundle(bundle)


def screen_for(qtbot, app: App) -> SyncScreen:  # type: ignore[no-untyped-def]
    screen = SyncScreen(app.sync, SyncViews(app.db, app.actor, app.current_catalog), app.office)
    qtbot.addWidget(screen)
    return screen


def test_two_keys_claim_one_commune_and_the_officer_picks_the_one_read_over_the_phone(
        qtbot, offices, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, commune, impostor, tmp = offices
    send(province, impostor, "Kẻ Giả Mạo", tmp / "usb-gia")
    send(province, commune, "Nông Văn Thật", tmp / "usb-that")
    screen = screen_for(qtbot, province)
    peers = screen.peers
    assert peers.select_peer("01576")
    peer = peers.selected_peer()
    shown = peers._fingerprint_text(peer)
    assert commune.sync.fingerprint() in shown and impostor.sync.fingerprint() in shown
    assert peer_status_text(peer.status) == peer_status_text("waiting") != "waiting"
    offered: list[list[str]] = []

    def choose(_parent, _title, text, fingerprints):  # type: ignore[no-untyped-def]
        offered.append(fingerprints)
        assert "2" in text and "01576" in text
        return commune.sync.fingerprint()  # what the commune's officer read

    monkeypatch.setattr(sync_dialogs, "choose_fingerprint", choose)
    done = peers.confirm_selected()
    assert offered == [[impostor.sync.fingerprint(), commune.sync.fingerprint()]]
    assert done is not None and len(done.applied) == 1 and done.discarded == 1
    assert [p.full_name for p in province.people.search("").rows] == ["Nông Văn Thật"]
    kind, text = dialog_log[-1]
    assert kind == "info" and "1" in text
    assert peers._fingerprint_text(peers.selected_peer()) == commune.sync.fingerprint()
    screen.security.refresh()
    assert screen.security.model.total >= 3  # kept twice, one discarded


def test_codes_that_do_not_match_discard_the_waiting_bundle(qtbot, offices, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    province, _commune, impostor, tmp = offices
    send(province, impostor, "Kẻ Giả Mạo", tmp / "usb-gia")
    screen = screen_for(qtbot, province)
    peers = screen.peers
    assert peers.select_peer("01576")
    answers = iter([False, True])  # "do they match?" no; "discard them?" yes
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) or next(answers))
    assert peers.confirm_selected() is None
    asked = [text for kind, text in dialog_log if kind == "ask"]
    assert impostor.sync.fingerprint() in asked[0] and "01576" in asked[1]
    assert province.sync.waiting_bundles() == [] and province.people.search("").total == 0
    assert peers.selected_peer().status == "pending" and peers._fingerprint_text(peers.selected_peer()) == "—"
