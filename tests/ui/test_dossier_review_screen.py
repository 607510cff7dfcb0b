"""Thẩm định hồ sơ, one dossier's review window, over a real province office with dossiers from two
communes (tests/review_queue_helpers.py): what the commune sent (printed documents previewed by the
print engine, the attached scan opened), the eligibility recomputed with another commune's record
of the same CCCD and the records it used, the checklist ticked and noted, comments, the verdicts
(a return prefilled from the checklist, a rejection that needs a reason), and a 1366×768 screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from review_queue_helpers import Offices, build

from thidua_desktop.ui.screens import dossier_review
from thidua_desktop.ui.screens.dossier_review import DossierReviewScreen

from .review_ui_helpers import save_screenshot


@pytest.fixture(autouse=True)
def vietnamese_pending(vietnamese: None) -> None:
    """The screens as the officer sees them."""


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path / "offices")
    yield built
    built.close()


@pytest.fixture
def screen(qtbot, offices: Offices) -> DossierReviewScreen:  # type: ignore[no-untyped-def]
    province = offices.province
    window = DossierReviewScreen(province.dossier_review, province.printing)
    qtbot.addWidget(window)
    assert window.load(offices.dossiers["twice"])
    return window


def tree_texts(screen: DossierReviewScreen) -> list[str]:
    out = []
    for i in range(screen.documents.topLevelItemCount()):
        group = screen.documents.topLevelItem(i)
        out.append(group.text(0))
        out += ["  " + group.child(j).text(0) for j in range(group.childCount())]
    return out


def test_it_shows_the_dossier_its_documents_and_the_recomputed_check(screen: DossierReviewScreen) -> None:
    assert screen.windowTitle() == "Thẩm định hồ sơ — Hà Văn Tú"
    assert "Hà Văn Tú" in screen.title.text() and "Xã Quảng Uyên" in screen.title.text()
    assert screen.state.text() == "Tình trạng: Cấp trên đã nhận · phiên bản " + str(screen.view.version)
    texts = tree_texts(screen)
    assert texts[:3] == ["In từ dữ liệu hồ sơ", "  Báo cáo thành tích", "  Tờ trình"]
    assert "Tệp xã đính kèm" in texts
    assert any(t.startswith("  to-trinh-ha-van-tu.pdf — Tờ trình đề nghị xét tặng") for t in texts)
    assert screen.checklist.rowCount() == 3
    assert [screen.checklist.item(r, 2).text() for r in range(3)] == ["Có, 1 tệp", "Chưa gửi", "Chưa gửi"]
    assert "Không đủ điều kiện" in screen.outcome.text() and "(2026.2)" in screen.outcome.text()
    last = screen.criteria.topLevelItem(screen.criteria.topLevelItemCount() - 1)
    assert last.text(0) == "✗ Không đạt" and "QĐ số 12/QĐ-UBND" in last.text(1)
    assert "tỉnh kiểm tra, trên dữ liệu mọi xã" in last.text(1)
    sources = screen.sources.text()
    assert "Xã Quảng Uyên" in sources and "xã đề nghị" in sources
    assert "Xã Lý Bôn" in sources and "cùng số CCCD, ghi tên Hà Văn Tú" in sources
    assert "Lao động tiên tiến 2026 (QĐ số 12/QĐ-UBND)" in sources
    assert "Đối chiếu cá nhân giữa các xã theo số CCCD." in sources
    assert screen.last_review.text() == "Chưa thẩm định."
    assert [b.isEnabled() for b in (screen.approve_button, screen.return_button, screen.reject_button)] == [True] * 3


def test_documents_open_in_the_preview_and_the_scan_with_the_systems_viewer(
        qtbot, screen: DossierReviewScreen, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui import print_preview

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(print_preview, "show_document",
                        lambda _p, _printing, kind, target, **_k: shown.append((kind, target)))
    printed = screen.documents.topLevelItem(0).child(0)
    screen.open_document(printed)
    assert shown == [("report", screen.view.nomination_id)]

    opened: list[Path] = []
    monkeypatch.setattr(dossier_review, "open_path", lambda path: opened.append(path) or True)
    scan = screen.documents.topLevelItem(1).child(0)
    screen.documents.setCurrentItem(scan)
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in opened] == ["to-trinh-ha-van-tu.pdf"]
    assert opened[0].read_bytes().startswith(b"%PDF")  # the commune's file, brought by its bundle


def test_the_real_preview_renders_the_communes_paper(qtbot, screen: DossierReviewScreen) -> None:  # type: ignore[no-untyped-def]
    from thidua_desktop.ui.print_preview import PrintPreviewDialog

    screen.open_document(screen.documents.topLevelItem(0).child(0))
    [preview] = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreviewDialog) and w.isVisible()]
    qtbot.addWidget(preview)
    assert preview.doc.kind == "report"
    preview.close()


def test_the_checklist_and_comments_are_saved_as_they_are_written(
        qtbot, screen: DossierReviewScreen, offices: Offices) -> None:  # type: ignore[no-untyped-def]
    reviews, nomination = offices.province.dossier_review, offices.dossiers["twice"]
    screen.checklist.item(0, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: reviews.dossier(nomination).checklist[0].checked)
    screen.checklist.item(2, 3).setText("Chưa có chữ ký của thư ký")
    qtbot.waitUntil(lambda: reviews.dossier(nomination).checklist[2].note == "Chưa có chữ ký của thư ký")
    # The table shows what is stored, who checked it and when.
    qtbot.waitUntil(lambda: "tinh kiểm tra lúc" in screen.checklist.item(0, 1).toolTip())
    assert screen.checklist.item(0, 0).checkState() == Qt.CheckState.Checked
    assert screen.checklist.item(2, 3).text() == "Chưa có chữ ký của thư ký"

    screen.comment_editor.setPlainText("Xã Lý Bôn đã tặng LĐTT 2026 cho ông Tú")
    qtbot.mouseClick(screen.comment_button, Qt.MouseButton.LeftButton)
    assert screen.comment_editor.toPlainText() == ""
    [comment] = [screen.comments.item(i).text() for i in range(screen.comments.count())]
    assert comment.startswith("tinh · ") and comment.endswith("\nXã Lý Bôn đã tặng LĐTT 2026 cho ông Tú")


def test_a_return_offers_the_unchecked_items_and_a_rejection_needs_a_reason(
        screen: DossierReviewScreen, offices: Offices, monkeypatch: pytest.MonkeyPatch,
        dialog_log: list[tuple[str, str]]) -> None:
    reviews, nomination = offices.province.dossier_review, offices.dossiers["twice"]
    reviews.set_item(nomination, "BIEN_BAN_BINH_XET", False, "Chưa có chữ ký")
    reviews.set_item(nomination, "TO_TRINH", True)
    screen.refresh()
    reviewed: list[str] = []
    screen.reviewed.connect(reviewed.append)
    offered: list[str] = []
    monkeypatch.setattr(dossier_review, "ask_reason", lambda _p, _t, _l, text="": offered.append(text) or None)
    assert not screen.decide("returned")  # cancelled: nothing recorded
    assert offered == ["- Báo cáo thành tích cá nhân (Mẫu số 05 Phụ lục Nghị định 152/2025/NĐ-CP)\n"
                       "- Biên bản bình xét thi đua / biên bản họp Hội đồng Thi đua - Khen thưởng: Chưa có chữ ký"]
    monkeypatch.setattr(dossier_review, "ask_reason", lambda *_a, **_k: "  ")
    assert not screen.decide("rejected")
    assert dialog_log[-1] == ("error", "Cần ghi rõ lý do.")
    assert reviewed == [] and reviews.dossier(nomination).status == "received"

    monkeypatch.setattr(dossier_review, "ask_reason", lambda _p, _t, _l, text="": text + "\nĐã được tặng tại Lý Bôn")
    assert screen.decide("returned")
    assert reviewed == [nomination]
    assert screen.state.text().startswith("Tình trạng: Trả lại để bổ sung")
    assert screen.last_review.text().startswith("Lần thẩm định gần nhất: Trả lại để bổ sung")
    assert not any(b.isEnabled() for b in (screen.approve_button, screen.return_button, screen.reject_button))


def test_approving_with_unchecked_items_asks_first(screen: DossierReviewScreen, offices: Offices,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from thidua_desktop.ui import dialogs

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: asked.append(text) and False)
    assert not screen.decide("approved")
    assert asked == ["Còn 3 thành phần bắt buộc trong danh mục chưa được kiểm tra. Vẫn đồng ý hồ sơ?"]
    assert offices.province.dossier_review.dossier(offices.dossiers["twice"]).status == "received"


def test_it_fits_a_1366x768_screen(qtbot, screen: DossierReviewScreen, offices: Offices,  # type: ignore[no-untyped-def]
                                   tmp_path: Path) -> None:
    reviews, nomination = offices.province.dossier_review, offices.dossiers["twice"]
    reviews.set_item(nomination, "TO_TRINH", True, "Đủ chữ ký, đóng dấu")
    reviews.set_item(nomination, "BIEN_BAN_BINH_XET", False, "Chưa có chữ ký của thư ký")
    reviews.add_comment(nomination, "Xã Lý Bôn đã tặng LĐTT năm 2026 cho ông Tú (QĐ 12/QĐ-UBND): đề nghị trả lại.")
    screen.refresh()
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    QApplication.processEvents()
    for button in screen.findChildren(QPushButton):
        if button.isVisible():
            assert button.width() >= button.sizeHint().width(), button.text()
    assert not screen.checklist.horizontalScrollBar().isVisible()
    table = screen.checklist
    for row in range(table.rowCount()):  # wrapped item names are shown whole
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
    assert screen.sources.heightForWidth(screen.sources.width()) <= screen.sources.height()
    save_screenshot(screen, "dossier-review.png", tmp_path)
