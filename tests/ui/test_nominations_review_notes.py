"""A commune sees why the province returned a dossier (issue 14): the verdict, its reason and the
reviewer's checklist notes reach the commune in the province's next bundle and show first in the
nominations screen's detail. Real offices, a real round trip of bundles."""

from __future__ import annotations

from pathlib import Path

from demo_helpers import DEMO_UNIT, open_enrolled_demo
from sqlalchemy import select
from sync_helpers import deliver

from thidua_desktop.db.models import Nomination
from thidua_desktop.ui.screens.nominations import NominationsScreen

NOTE = "Biên bản họp bình xét chưa có chữ ký của chủ tọa"


def test_a_returned_dossier_shows_the_provinces_reason_and_notes(qtbot, vietnamese, enrolled_demo_template: Path,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    province, commune = open_enrolled_demo(enrolled_demo_template, tmp_path)
    try:
        for bundle in commune.sync.export(tmp_path / "len").files:
            deliver(province, commune, bundle)
        with province.db.reader() as session:
            nid = session.scalars(select(Nomination.id).where(Nomination.status == "submitted",
                                                              Nomination.deleted.is_(False))
                                  .order_by(Nomination.id)).first()
        assert nid is not None
        items = province.nominations.documents(nid)
        assert len(items) >= 2, "the award asks for several dossier items"
        province.dossier_review.set_item(nid, items[0].item_code, True)
        province.dossier_review.set_item(nid, items[1].item_code, False, NOTE)
        province.dossier_review.decide(nid, "returned", "Bổ sung biên bản họp")
        assert commune.nominations.province_review(nid) is None  # not before the bundle comes back

        [back] = province.sync.export(tmp_path / "ve", to=DEMO_UNIT).files
        commune.sync.import_bundle(back)

        review = commune.nominations.province_review(nid)
        assert review is not None and review.status == "returned" and review.reason == "Bổ sung biên bản họp"
        assert [(n.item_code, n.checked, n.note) for n in review.notes][:1] == [(items[1].item_code, False, NOTE)]
        assert all(not n.checked for n in review.notes)  # the ticked item says nothing wrong
        assert not review.changed_since

        screen = NominationsScreen(commune.nominations, commune.movements.attachments)
        qtbot.addWidget(screen)
        screen.select_nomination(nid)
        text = screen.detail.toPlainText()
        # (The new sentences' Vietnamese waits in i18n/pending; the words that matter are checked.)
        first, *rest = text.splitlines()
        assert "Trả lại để bổ sung" in first
        assert any(line.endswith("Bổ sung biên bản họp") for line in rest[:2])
        assert f"✗ {items[1].name_vi}: {NOTE}" in rest
        assert f"✓ {items[0].name_vi}" not in rest[:rest.index(f"✗ {items[1].name_vi}: {NOTE}") + 1]

        # The commune takes it back to fix it: the notes stay, flagged as about the earlier version.
        commune.nominations.transition(nid, "draft")
        commune.nominations.set_document_provided(nid, items[1].item_code, True)
        screen.show_nomination(nid)
        assert commune.nominations.province_review(nid).changed_since  # type: ignore[union-attr]
        assert len(screen.detail.toPlainText().splitlines()) > len(text.splitlines()) - 1
        assert NOTE in screen.detail.toPlainText()
    finally:
        province.close()
        commune.close()
