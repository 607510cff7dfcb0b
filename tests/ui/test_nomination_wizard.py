"""The nomination wizard driven as an officer would: batch and award, search and tick nominees, read
the criteria (red, green, amber), confirm a qualitative one, write the summary, tick the dossier
with a real file, save; then the drafts are read back through the services."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWizard

from thidua_desktop.services.nominations import NomineeDraft
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.records import Subject
from thidua_desktop.ui.screens import nomination_wizard_dossier
from thidua_desktop.ui.screens.nomination_wizard import NominationWizard
from thidua_desktop.ui.screens.nomination_wizard_check import COLORS
from thidua_desktop.ui.screens.nomination_wizard_pages import BatchDialog
from thidua_desktop.ui.texts import confidence_text, unverified_legend

from .conftest import type_text

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parents[2]


def _person(app, name: str, gender: str, rating: str) -> str:  # type: ignore[no-untyped-def]
    person = app.people.create(PersonInput(name, gender, birth="1986", ethnicity="Nùng", position="Công chức",
                                           workplace="UBND xã Quảng Uyên", employment_start="01/06/2016"))
    app.records.set_rating(Subject(person_id=person.id), 2026, rating, "Kết quả xếp loại 2026")
    return person.id


def _next(qtbot, wizard: NominationWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _tick_row_with_space(qtbot, page, name: str) -> None:  # type: ignore[no-untyped-def]
    names = [page.model.row_object(r).name for r in range(page.model.rowCount())]
    page.table.setCurrentIndex(page.model.index(names.index(name), 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Space)


def _open(qtbot, app, batch_name: str, award: str) -> NominationWizard:  # type: ignore[no-untyped-def]
    wizard = NominationWizard(app.nominations, app.movements.attachments, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.resize(QSize(1100, 660))
    wizard.show()
    page = wizard.batch_page
    page.batch.setCurrentIndex(next(i for i in range(page.batch.count()) if batch_name in page.batch.itemText(i)))
    page.award.setCurrentIndex(page.award.findData(award))
    return wizard


def _color(item, column: int = 1) -> str:  # type: ignore[no-untyped-def]
    return item.background(column).color().name()


def test_two_people_from_search_to_saved_drafts(qtbot, commune, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    good = _person(commune, "Nông Thị Hoa", "female", "excellent")
    low = _person(commune, "Lý Văn An", "male", "completed")
    _person(commune, "Hoàng Văn Đức", "male", "good")
    commune.nominations.create_batch("Khen thưởng năm 2026", 2026, deadline="10/12/2026")
    wizard = _open(qtbot, commune, "Khen thưởng năm 2026", "LDTT")
    assert wizard.batch_page.kind.currentData() == "regular" and wizard.batch_page.kind.count() == 1
    assert not wizard.button(QWizard.WizardButton.NextButton).isHidden()
    _next(qtbot, wizard)

    # Step 2: search and tick two people.
    page = wizard.nominees_page
    assert page.model.total == 3 and not page.isComplete()
    qtbot.keyClicks(page.search, "thi hoa")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    _tick_row_with_space(qtbot, page, "Nông Thị Hoa")
    page.search.clear()
    type_text(page.search, "Lý")
    qtbot.waitUntil(lambda: [page.model.row_object(r).name for r in range(page.model.rowCount())] == ["Lý Văn An"],
                    timeout=2000)
    _tick_row_with_space(qtbot, page, "Lý Văn An")
    assert [page.chosen_list.item(r).text() for r in range(page.chosen_list.count())] == ["Nông Thị Hoa", "Lý Văn An"]
    assert page.isComplete()
    _next(qtbot, wizard)

    # Step 3: a red criterion for the low-rated one, green for the good one, amber until attested.
    check = wizard.eligibility_page
    tr = lambda s: QCoreApplication.translate("EligibilityPage", s)  # noqa: E731
    check.select(low)
    rating = check.criterion_item("good_rating")
    assert _color(rating) == COLORS["fail"].name() and rating.text(1).startswith("✗")
    assert "Không đạt" in rating.text(2) and "Hoàn thành nhiệm vụ" in rating.text(2)
    check.select(good)
    rating = check.criterion_item("good_rating")
    assert _color(rating) == COLORS["pass"].name() and rating.text(1) == f"✓ {tr('Met')}"
    assert "Hoàn thành xuất sắc nhiệm vụ" in rating.text(2)
    # The source's confidence is a mark with a legend and a tooltip, not a word beside "✓ Đạt".
    worked = check.criterion_item("months_worked")  # a confidence-L source
    assert worked.text(3) == "(*)" and confidence_text("L") in worked.toolTip(1)
    assert "chưa xác minh" not in " ".join(worked.text(c) for c in range(4))
    assert check.legend.isVisibleTo(check) and check.legend.text() == unverified_legend()
    assert rating.text(3) == "" and confidence_text("H") in rating.toolTip(0)  # the Law's own criterion
    solidarity = check.criterion_item("self_reliance_solidarity")
    assert _color(solidarity) == COLORS["unknown"].name()
    assert wizard.state.previews[good].decision.outcome.value == "incomplete"
    solidarity.setCheckState(0, Qt.CheckState.Checked)  # the officer confirms it
    qtbot.waitUntil(lambda: wizard.state.previews[good].decision.outcome.value == "eligible", timeout=2000)
    assert _color(check.criterion_item("self_reliance_solidarity")) == COLORS["pass"].name()
    assert check.quota.isHidden()  # LĐTT has no quota
    _next(qtbot, wizard)

    # Step 4: the summary starts from the LĐTT template; the officer adds to it.
    summary = wizard.summary_page
    assert summary.people.current_id() == good
    assert summary.text.toPlainText().startswith("Đồng chí Nông Thị Hoa, Công chức, UBND xã Quảng Uyên.")
    summary.text.moveCursor(QTextCursor.MoveOperation.End)
    type_text(summary.text, "\nSố hóa 100% hồ sơ một cửa.")
    _next(qtbot, wizard)

    # Step 5: tick documents, attach a real file, copy the ticks to the other nominee.
    scan = tmp_path / "to-trinh-2026.pdf"
    scan.write_bytes(b"%PDF-1.4 to trinh")
    monkeypatch.setattr(nomination_wizard_dossier, "pick_files", lambda *_a: [str(scan)])
    dossier = wizard.dossier_page
    codes = [dossier.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(dossier.table.rowCount())]
    assert codes == ["TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"]
    qtbot.mouseClick(dossier.table.cellWidget(0, 2), Qt.MouseButton.LeftButton)  # Attach… for the tờ trình
    assert dossier.table.item(0, 1).text() == "to-trinh-2026.pdf"
    assert dossier.table.item(0, 0).checkState() == Qt.CheckState.Checked
    dossier.table.item(2, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dossier.copy_all, Qt.MouseButton.LeftButton)
    _next(qtbot, wizard)
    assert wizard.review_page.table.rowCount() == 2
    assert wizard.review_page.table.item(0, 3).text() == "2/3"

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    drafts = {n.person_id: n for n in commune.nominations.list(status="draft")}
    assert set(drafts) == {good, low}
    assert drafts[good].eligibility_outcome == "eligible" and drafts[low].eligibility_outcome == "not_eligible"
    assert drafts[good].achievement_summary.endswith("Số hóa 100% hồ sơ một cửa.")
    assert drafts[low].achievement_summary.startswith("Đồng chí Lý Văn An")
    docs = {d.item_code: d for d in commune.nominations.documents(drafts[good].id)}
    assert docs["TO_TRINH"].files == ["to-trinh-2026.pdf"] and docs["BIEN_BAN_BINH_XET"].provided
    assert not docs["BAO_CAO_THANH_TICH"].provided
    low_docs = {d.item_code: d for d in commune.nominations.documents(drafts[low].id)}
    assert low_docs["TO_TRINH"].provided and low_docs["TO_TRINH"].files == []
    assert [h["to"] for h in commune.nominations.history(drafts[good].id)] == ["draft"]


def quota_line(count: int) -> str:
    text = QCoreApplication.translate("EligibilityPage", "%1: %2 of at most %3 allowed")
    return text.replace("%1", "Chiến sĩ thi đua cơ sở").replace("%2", str(count)).replace("%3", "2")


def test_quota_and_the_preference_for_women_are_shown_live(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    batch = commune.nominations.create_batch("Khen thưởng năm 2026", 2026)
    base = [_person(commune, f"Nông Văn Số{i:02d}", "male", "good") for i in range(14)]
    commune.nominations.create_many(batch_id=batch.id, award_code="LDTT", nominees=[NomineeDraft(p) for p in base])
    commune.nominations.set_quota("CSTDCS", True)
    for name, gender in (("Bế Văn Ba", "male"), ("Lục Văn Hai", "male"), ("Đàm Thị Ngọc", "female")):
        _person(commune, name, gender, "excellent")
    wizard = _open(qtbot, commune, "Khen thưởng năm 2026", "CSTDCS")
    _next(qtbot, wizard)
    page = wizard.nominees_page
    for name in ("Bế Văn Ba", "Lục Văn Hai", "Đàm Thị Ngọc"):
        page.search.clear()
        qtbot.keyClicks(page.search, name.split()[-1].replace("à", "a").replace("ọ", "o"))
        qtbot.waitUntil(lambda n=name: n in [page.model.row_object(r).name for r in range(page.model.rowCount())],
                        timeout=2000)
        _tick_row_with_space(qtbot, page, name)
        if name == "Lục Văn Hai":  # two ticked: still within the quota, shown live while ticking
            assert page.quota.text().startswith(quota_line(2)) and "#a40000" not in page.quota.styleSheet()
    assert page.quota.text().startswith(quota_line(3)) and "#a40000" in page.quota.styleSheet()
    _next(qtbot, wizard)
    check = wizard.eligibility_page
    expected = quota_line(3)
    assert not check.quota.isHidden() and check.quota.text().startswith(expected)
    assert "#a40000" in check.quota.styleSheet()  # over the limit
    # All three are equally qualified: the woman is listed first and the legal preference is explained.
    assert [p.name for p in check.ranked] == ["Đàm Thị Ngọc", "Bế Văn Ba", "Lục Văn Hai"]
    assert not check.tie.isHidden() and "152/2025" in check.tie.text()
    first = check.people.item(0).text()
    assert QCoreApplication.translate("EligibilityPage", "preferred among equals") in first


def test_a_refused_save_keeps_the_wizard_open_and_saves_nothing(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    hoa = _person(commune, "Nông Thị Hoa", "female", "excellent")
    _person(commune, "Lý Văn An", "male", "good")
    batch = commune.nominations.create_batch("Khen thưởng năm 2026", 2026)
    wizard = _open(qtbot, commune, "Khen thưởng năm 2026", "LDTT")
    _next(qtbot, wizard)
    for name in ("Nông Thị Hoa", "Lý Văn An"):
        _tick_row_with_space(qtbot, wizard.nominees_page, name)
    for _step in range(4):
        _next(qtbot, wizard)
    commune.nominations.create(batch_id=batch.id, award_code="LDTT", person_id=hoa)  # meanwhile, elsewhere
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.isVisible() and wizard.result() != QWizard.DialogCode.Accepted
    assert [kind for kind, _text in dialog_log] == ["error"]
    assert len(commune.nominations.list()) == 1  # only the one saved elsewhere


def test_typed_work_is_kept_as_a_draft_and_offered_back(qtbot, commune, dialog_log) -> None:  # type: ignore[no-untyped-def]
    hoa = _person(commune, "Nông Thị Hoa", "female", "excellent")
    commune.nominations.create_batch("Khen thưởng năm 2026", 2026)
    first = NominationWizard(commune.nominations, commune.movements.attachments, today=TODAY, drafts=commune.drafts)
    qtbot.addWidget(first)
    page = first.batch_page
    page.award.setCurrentIndex(page.award.findData("GK_XA_CN"))
    page.kind.setCurrentIndex(page.kind.findData("ad_hoc"))
    first.show()
    _next(qtbot, first)
    _tick_row_with_space(qtbot, first.nominees_page, "Nông Thị Hoa")
    _next(qtbot, first)
    _next(qtbot, first)
    first.summary_page.text.setPlainText("Cứu người trong lũ ngày 12/8/2026.")
    first.hide()  # the window is gone (a power cut), nothing was saved

    second = NominationWizard(commune.nominations, commune.movements.attachments, today=TODAY, drafts=commune.drafts)
    qtbot.addWidget(second)
    assert second.restore_draft() and dialog_log[-1][0] == "ask"
    assert (second.state.award.code, second.state.kind) == ("GK_XA_CN", "ad_hoc")
    second.show()
    for _step in range(3):
        _next(qtbot, second)
    assert second.summary_page.text.toPlainText() == "Cứu người trong lũ ngày 12/8/2026."
    _next(qtbot, second)
    _next(qtbot, second)
    qtbot.mouseClick(second.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    [saved] = commune.nominations.list()
    assert (saved.person_id, saved.commendation_kind, saved.achievement_summary) == (
        hoa, "ad_hoc", "Cứu người trong lũ ngày 12/8/2026.")
    assert commune.drafts.load("nomination-wizard") is None


def test_a_new_batch_is_created_from_step_one(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    wizard = NominationWizard(commune.nominations, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BatchDialog)
        type_text(dialog.fields["name"], "Khen thưởng đột xuất phòng chống lũ")
        dialog.fields["kind"].setCurrentIndex(dialog.fields["kind"].findData("ad_hoc"))
        qtbot.keyClicks(dialog.fields["deadline"], "31/09/2026")
        qtbot.keyClick(dialog.fields["deadline"], Qt.Key.Key_Return)  # refused in place: no 31 September
        seen.append(dialog.errors["deadline"].text())
        dialog.fields["deadline"].setText("30/09/2026")
        qtbot.keyClick(dialog.fields["deadline"], Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(wizard.batch_page.new_batch, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and "31/09/2026" in seen[0]  # shown beside the deadline field
    [batch] = commune.nominations.batches()
    assert (batch.name, batch.kind, batch.deadline) == ("Khen thưởng đột xuất phòng chống lũ", "ad_hoc",
                                                        date(2026, 9, 30))
    page = wizard.batch_page
    assert page.batch.currentData().id == batch.id
    # An ad hoc batch offers only the awards that can be given for ad hoc achievements.
    codes = {page.award.itemData(i) for i in range(page.award.count())}
    assert "GK_XA_CN" in codes and "LDTT" not in codes
    assert page.kind.currentData() == "ad_hoc"


def test_every_step_fits_a_1366x768_laptop(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    wizard = NominationWizard(commune.nominations, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.sizeHint().width() <= 1366 and wizard.sizeHint().height() <= 700  # taskbar and title bar
    assert wizard.minimumSize().width() <= 1366 and wizard.minimumSize().height() <= 700
    for page_id in wizard.pageIds():
        hint = wizard.page(page_id).minimumSizeHint()
        assert hint.width() <= 1100 and hint.height() <= 560, (page_id, hint)
    texts = [wizard.buttonText(b) for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                            QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
    assert texts == [QCoreApplication.translate("NominationWizard", t)
                     for t in ("< Back", "Next >", "Save as drafts", "Cancel")]


def test_every_new_string_has_a_pending_vietnamese_translation(tmp_path: Path) -> None:
    """The lead merges i18n/pending/*.json into the .ts; every string of these screens must be there."""
    ts = tmp_path / "mine.ts"
    shutil.copy(ROOT / "i18n" / "thidua_vi.ts", ts)
    mine = [ROOT / "thidua_desktop" / "ui" / "screens" / f"{m}.py" for m in (
        "nominations", "nomination_wizard", "nomination_wizard_pages", "nomination_wizard_check",
        "nomination_wizard_dossier", "council", "decisions")]
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run([str(lupdate), *map(str, mine), "-ts", str(ts), "-no-obsolete", "-silent"], check=True)
    pending: dict[str, str] = {}
    for pending_file in sorted((ROOT / "i18n" / "pending").glob("*.json")):  # each helper writes its own file
        for key, value in json.loads(pending_file.read_text(encoding="utf-8")).items():
            pending.update(value if isinstance(value, dict) else {key: value})  # flat, or by context
    missing = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") is None and (
            (translation.text or "").strip() or any((n.text or "").strip() for n in translation.iter("numerusform")))
        if not done and message.findtext("source") not in pending:
            missing.append(message.findtext("source"))
    assert missing == []
    assert all(v.strip() for v in pending.values())


def test_switching_language_retranslates_the_wizard_at_once(qtbot, commune) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import i18n

    wizard = NominationWizard(commune.nominations, today=TODAY)
    qtbot.addWidget(wizard)
    i18n.install("en")
    page = wizard.batch_page
    qtbot.waitUntil(lambda: page.award.currentText().startswith("Advanced Worker"), timeout=2000)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >"
    assert page.title() == "Step 1 of 6: batch and award" and page.kind.currentText() == "Regular"
