"""The Excel import wizard on the messy files of tests/data/import, against a demo register:
the detected columns, the preview row by row, the choices for duplicates, and that nothing is
written before the officer confirms (read back through the register's own search)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QWizard

from thidua_desktop.services.people import PersonInput
from thidua_desktop.ui import dialogs
from thidua_desktop.ui.import_wizard import ImportWizard
from thidua_desktop.ui.screens.people import RegisterScreen

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


@pytest.fixture
def office(demo):  # type: ignore[no-untyped-def]
    demo.office.add_village("Xóm Nà Vài", "xom")
    return demo


def _wizard(qtbot, app, kind: str = "people") -> ImportWizard:  # type: ignore[no-untyped-def]
    wizard = ImportWizard(app.excel_import, kind)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _choose(wizard: ImportWizard, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(DATA / name))
    wizard.file_page.browse.click()


def _table(wizard: ImportWizard) -> list[tuple[str, ...]]:
    model = wizard.preview_page.model
    return [tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def _names(app, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.full_name for p in app.people.search(text).rows]


def _combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_merged_header_file_from_columns_to_register(qtbot, office, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    total = office.people.search("").total
    wizard = _wizard(qtbot, office)
    assert wizard.file_page.kind.currentText() == "Cá nhân" and not wizard.button(QWizard.WizardButton.NextButton
                                                                                  ).isEnabled()
    _choose(wizard, monkeypatch, "people_merged_header.xlsx")
    assert wizard.file_page.status.text() == (
        "Trang «Danh sách»: dòng tiêu đề 5–6, dữ liệu từ dòng 8; nhận ra 10 cột.")
    assert wizard.file_page.sheet.currentText() == "Danh sách"

    wizard.next()  # the columns
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    birth_male = page.combos["birth_male"]
    assert birth_male.currentText() == "C — Năm sinh / Nam"
    assert _combo_texts(birth_male) == ["— không nhập —", "A — STT", "B — Họ và tên", "C — Năm sinh / Nam",
                                        "D — Năm sinh / Nữ", "E — Dân tộc", "F — Chức vụ, đơn vị công tác",
                                        "G — Số CCCD", "H — Thôn/xóm/bản", "I — Số điện thoại", "J — Ghi chú"]
    assert {name: combo.currentData() for name, combo in page.combos.items() if combo.currentData()} == {
        "seq": 1, "full_name": 2, "birth_male": 3, "birth_female": 4, "ethnicity": 5, "position": 6, "cccd": 7,
        "village": 8, "phone": 9, "notes": 10}
    assert page.labels["full_name"].text() == "Họ và tên *" and page.labels["cccd"].text() == "Số CCCD"
    assert page.sample.data(page.sample.index(4, 2)) == "Năm sinh"  # row 5 of the sheet, column C
    assert page.sample.data(page.sample.index(4, 2), Qt.ItemDataRole.BackgroundRole) is not None  # the header

    wizard.next()  # the preview
    assert wizard.currentPage() is wizard.preview_page
    assert _table(wizard) == [
        ("8", "Bỏ qua", "", "Dòng tiêu đề nhóm, bỏ qua.", "Bỏ qua dòng này", ""),
        ("9", "Thêm mới", "Nguyễn Thị Hương", "Nữ · 1985 · 004185001234 · Tày · 0912345678 · "
                                             "Hội viên Hội Phụ nữ xóm · Xóm Nà Vài", "Thêm mới", ""),
        ("10", "Thêm mới", "Hoàng Văn Minh", "Nam · 12/05/1980 · Nùng · Trưởng xóm · Xóm Nà Vài", "Thêm mới", ""),
        ("11", "Thêm mới", "Đàm Thị Thủy", "Nữ · 03/07/1990 · Kinh · 02063871234 · Giáo viên Trường Tiểu học · "
                                          "Xóm Bó Pha · Chuyển đến năm 2020", "Thêm mới",
         "Cột H («Thôn/xóm/bản»): Thôn, xóm «Xóm Bó Pha» chưa có trong danh sách thôn của xã; đã ghi vào địa chỉ. "
         "Hãy thêm thôn trong phần Cài đặt nếu cần."),
        ("12", "Lỗi", "Lục Văn Tài", "Tày · Nông dân · Xóm Nà Vài", "Không ghi",
         "Cột C («Năm sinh / Nam»): Năm sinh được ghi ở cả cột Nam và cột Nữ; chỉ ghi ở cột đúng giới tính."),
        ("13", "Thêm mới", "Nông Văn Dền", "Nam · 1968 · 004068000123 · Mông · Nông dân · Xóm Nà Vài", "Thêm mới",
         ""),
        ("14", "Bỏ qua", "", "Dòng tổng cộng, bỏ qua.", "Bỏ qua dòng này", ""),
        ("16", "Bỏ qua", "", "Phần ký tên, ngày tháng cuối bảng, bỏ qua.", "Bỏ qua dòng này", ""),
        ("17", "Bỏ qua", "", "Phần ký tên, ngày tháng cuối bảng, bỏ qua.", "Bỏ qua dòng này", ""),
        ("18", "Bỏ qua", "", "Phần ký tên, ngày tháng cuối bảng, bỏ qua.", "Bỏ qua dòng này", ""),
        ("20", "Bỏ qua", "", "Phần ký tên, ngày tháng cuối bảng, bỏ qua.", "Bỏ qua dòng này", ""),
    ]
    preview = wizard.preview_page
    assert preview.counts.text() == (
        "Đã đọc: thêm mới 4 · cập nhật 0 · bỏ qua 6 · có thể trùng 0 · lỗi 1 · dòng trống 2")
    preview.only_problems.setChecked(True)
    assert [row[0] for row in _table(wizard)] == ["11", "12"]
    assert preview.current() is not None and preview.current().row == 11  # type: ignore[union-attr]
    preview.select_file_row(12)
    assert "Tệp «people_merged_header.xlsx», trang «Danh sách», dòng 12, cột C («Năm sinh / Nam»): Năm sinh được ghi " \
           "ở cả cột Nam và cột Nữ" in preview.detail.toPlainText()
    assert not preview.choice.isEnabled()  # a row with an error is never written

    # Nothing is in the register before the officer confirms.
    assert _names(office, "nong van den") == [] and office.people.search("").total == total
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Nhập vào sổ"
    wizard.next()  # Import: asks, then writes everything in one go
    assert dialog_log[-1][0] == "ask" and dialog_log[-1][1].startswith("Ghi 4 bản ghi mới và cập nhật 0 bản ghi")
    assert wizard.currentPage() is wizard.done_page
    assert wizard.done_page.summary.text() == (
        "Đã nhập: thêm mới 4, cập nhật 0, thêm 0 khen thưởng; 7 dòng không được ghi.")
    assert office.people.search("").total == total + 4
    assert _names(office, "nong van den") == ["Nông Văn Dền"]
    assert _names(office, "luc van tai") == []  # the row with an error
    thuy = office.people.search("dam thi thuy").rows[0]
    assert thuy.birth_date is not None and thuy.birth_date.isoformat() == "1990-07-03"
    wizard.reject()  # closing after the import asks nothing more
    assert not wizard.isVisible() and [c for c in dialog_log if c[0] == "ask"] == dialog_log[-1:]


def test_changing_a_column_changes_the_preview(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, office)
    _choose(wizard, monkeypatch, "people_plain_headers.xlsx")
    wizard.next()
    page = wizard.mapping_page
    assert page.combos["cccd"].currentText() == "A — So CCCD"  # typed without diacritics
    assert page.combos["full_name"].currentText() == "B — Ho va ten"
    wizard.next()
    problems = {row[0]: (row[1], row[5]) for row in _table(wizard)}
    assert problems["5"] == ("Thêm mới", "Cột A («So CCCD»): «012345678» ở cột «So CCCD» là số CMND cũ 9 chữ số, "
                                         "không phải số CCCD 12 chữ số; không lưu số này.")
    assert problems["10"] == ("Lỗi", "Cột A («So CCCD»): Số căn cước «12345678901» ở trường «So CCCD» không hợp lệ: "
                                     "số căn cước gồm đúng 12 chữ số.")
    assert problems["11"] == ("Thêm mới", "Cột A («So CCCD»): Số CCCD ở cột «So CCCD» được lưu dạng số (4085001234) "
                                          "nên mất số 0 ở đầu; đã khôi phục thành 004085001234 (đúng mã tỉnh, khớp năm "
                                          "sinh và giới tính). Hãy kiểm tra lại.")
    assert problems["12"] == ("Lỗi", "Cột C («Ngay sinh»): Ngày không hợp lệ ở trường «Ngay sinh»: «31/02/1990». "
                                     "Nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026, hoặc chỉ năm.")
    assert problems["9"] == ("Lỗi", "Cột B («Ho va ten»): Trường «Ho va ten» là bắt buộc, vui lòng nhập.")
    assert sorted(problems, key=int) == ["2", "3", "4", "5", "6", "7", "9", "10", "11", "12", "13", "14"]

    wizard.back()  # the CCCD column is not imported this time
    page.set_column("cccd", 0)
    assert wizard.state.report is None  # the old preview no longer counts
    wizard.next()
    problems = {row[0]: (row[1], row[5]) for row in _table(wizard)}
    assert problems["5"] == ("Thêm mới", "")
    assert problems["10"] == ("Thêm mới", "") and problems["11"] == ("Thêm mới", "")
    assert problems["12"][0] == "Lỗi"
    assert wizard.preview_page.counts.text().startswith("Đã đọc: thêm mới 8 · cập nhật 0 · bỏ qua 1")

    wizard.back()  # a column chosen twice, or the name left out, cannot be previewed
    page.set_column("notes", 5)
    page.set_column("ethnicity", 5)
    assert not page.isComplete() and page.hint.text() == "Cột E được chọn cho «Dân tộc», «Ghi chú»; chỉ chọn một lần."
    page.set_column("notes", 0)
    page.set_column("full_name", 0)
    assert page.hint.text() == "Hãy chọn cột của «Họ và tên»."
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_likely_duplicates_are_decided_row_by_row(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    office.people.create(PersonInput("Hoàng Văn Minh", "male", birth="1980"))
    mai = office.people.create(PersonInput("Lục Thị Mai", "female", birth="1987", cccd="004187005678"))
    office.people.create(PersonInput("Bế Văn Nam", "male", birth="1975", cccd="004075009999"))
    minh = office.people.search("hoang van minh").rows[0]
    wizard = _wizard(qtbot, office)
    _choose(wizard, monkeypatch, "people_duplicates.xlsx")
    wizard.next()
    wizard.next()
    rows = {row[0]: row for row in _table(wizard)}
    assert rows["2"][1:3] == ("Có thể trùng", "Hoàng Văn Minh") and rows["2"][4] == "Bỏ qua dòng này"
    assert rows["2"][5] == ("Có thể trùng với người đã có trong sổ: Hoàng Văn Minh (1980). Dòng này sẽ bỏ qua trừ "
                            "khi chọn nhập cả dòng trùng hoặc chọn cập nhật người đã có.")
    assert rows["3"][1] == "Cập nhật" and rows["3"][3] == (
        "Số điện thoại: «» → «0912000111» · Chức vụ: «» → «Chi hội trưởng»")
    assert rows["6"][1] == "Có thể trùng"
    preview = wizard.preview_page
    preview.select_file_row(2)
    assert _combo_texts(preview.choice) == ["Bỏ qua dòng này", "Vẫn thêm mới", "Cập nhật Hoàng Văn Minh (1980)"]
    preview.choose(2, minh.id)  # the same man: give him the row's position
    preview.choose(6, "create")  # another woman of the same name
    preview.choose(8, "skip")
    assert wizard.state.choices == {2: minh.id, 6: "create", 8: "skip"}
    rows = {row[0]: row for row in _table(wizard)}
    assert (rows["2"][4], rows["6"][4], rows["8"][4]) == ("Cập nhật Hoàng Văn Minh (1980)", "Vẫn thêm mới",
                                                         "Bỏ qua dòng này")
    assert _names(office, "dinh thi hoa") == []
    wizard.next()
    result = wizard.state.result
    assert result is not None and (result.created, result.updated) == (3, 2)
    assert office.people.get(minh.id).position == "Trưởng xóm"
    assert office.people.get(mai.id).phone == "0912000111"
    assert len(office.people.search("dinh thi hoa").rows) == 2
    assert [p.birth_year for p in office.people.search("hoang van minh").rows] == [1980]


def test_cancel_writes_nothing(qtbot, office, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    total = office.people.search("").total
    wizard = _wizard(qtbot, office)
    _choose(wizard, monkeypatch, "people_tcvn3.xlsx")
    wizard.next()
    assert wizard.mapping_page.notices.text() == (
        "Tệp «people_tcvn3.xlsx», trang «DS»: 21 ô chữ dùng bảng mã cũ TCVN3 (phông .VnTime) đã được chuyển sang "
        "Unicode. Hãy xem lại họ tên trước khi ghi.")
    wizard.next()
    assert [row[2] for row in _table(wizard)] == ["Nguyễn Thị Hương", "Đàm Thị Thủy", "Nông Văn Dền",
                                                  "Hoàng Văn Minh", "Võ Tú"]
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _p, _t, text: dialog_log.append(("ask", text)) and False)
    wizard.reject()  # a preview was made: asked, and the officer stays
    assert dialog_log[-1] == ("ask", "Các dòng đã kiểm tra chưa được ghi vào sổ. Đóng mà không nhập?")
    assert wizard.isVisible()
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *_a: True)
    wizard.reject()
    assert not wizard.isVisible()
    assert office.people.search("").total == total and _names(office, "vo tu") == []


def test_refused_files_say_why_in_vietnamese(qtbot, office, monkeypatch, dialog_log) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, office)
    _choose(wizard, monkeypatch, "password_protected.xlsx")
    [(kind, text)] = dialog_log
    assert kind == "error" and text.startswith("Tệp «password_protected.xlsx» được đặt mật khẩu nên không đọc được.")
    assert wizard.file_page.status.text() == text and "Traceback" not in text
    assert wizard.state.plan is None and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    dialog_log.clear()
    _choose(wizard, monkeypatch, "not_excel.xlsx")
    assert dialog_log == [("error", "Tệp «not_excel.xlsx» không phải tệp Excel .xlsx. Hãy mở tệp bằng Excel rồi chọn "
                                    "Lưu thành → «Excel Workbook (*.xlsx)».")]
    assert wizard.file_page.status.text() == dialog_log[0][1]
    dialog_log.clear()
    _choose(wizard, monkeypatch, "people_nfd.xlsx")  # a good file after a bad one
    assert not dialog_log and wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_collectives_and_award_history(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    wizard = _wizard(qtbot, office, "collectives")
    _choose(wizard, monkeypatch, "collectives.xlsx")
    wizard.next()
    assert wizard.mapping_page.labels["name"].text() == "Tên tập thể *"
    wizard.next()
    rows = {row[0]: row for row in _table(wizard)}
    assert rows["2"][1:5] == ("Thêm mới", "Trường Tiểu học Quảng Uyên", "Trường học · Số thành viên: 25 · Số nữ: 18",
                              "Thêm mới")
    assert rows["5"][1:5] == ("Cập nhật", "Hội Cựu chiến binh xã", "Số thành viên: «18» → «60» · Số nữ: «2» → «0»",
                              "Cập nhật bản ghi đã có")  # the demo's association
    assert rows["7"][1:5] == ("Có thể trùng", *rows["2"][2:4], "Bỏ qua dòng này")
    assert rows["6"][1] == "Lỗi" and rows["6"][5].startswith("Cột F («Số nữ»): ")
    assert rows["8"][5].startswith("Cột C («Loại»): Loại tập thể «abc» ở cột «Loại» không rõ.")
    wizard.next()
    assert wizard.state.result is not None and wizard.state.result.created == 3
    names = {c.name for c in office.collectives.search("")[0]}
    assert {"Trường Tiểu học Quảng Uyên", "Hợp tác xã Nông nghiệp Bó Pha"} <= names

    awards = _wizard(qtbot, office)
    awards.file_page.kind.setCurrentIndex(awards.file_page.kind.findData("awards"))
    _choose(awards, monkeypatch, "awards_history.xlsx")
    awards.next()
    assert awards.mapping_page.required.text() == (
        "* Cần có: Họ và tên hoặc Số CCCD hoặc Tên tập thể; Danh hiệu/Hình thức khen thưởng hoặc Hình thức khen "
        "thưởng.")
    awards.next()
    rows = {row[0]: row for row in _table(awards)}
    assert rows["7"][5] == ("Cột B («Họ và tên»): Không tìm thấy «Phạm Văn Khuyết (1990)» trong sổ theo dõi (theo "
                            "số CCCD hoặc họ tên và năm sinh). Hãy nhập danh sách cá nhân trước.")


def test_the_register_opens_the_wizard_for_its_tab(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    screen = RegisterScreen(office.people, office.collectives, office.office, office.records, office.drafts,
                            excel_import=office.excel_import, excel_export=office.excel_export)
    qtbot.addWidget(screen)
    button = screen.excel_button
    assert not button.isHidden() and button.text() == "Excel"
    assert button.action("import").text() == "Nhập từ Excel…"  # type: ignore[union-attr]
    screen.tabs.setCurrentWidget(screen.collectives_screen)
    button.action("import").trigger()  # type: ignore[union-attr]
    wizard = screen.import_wizard
    assert wizard is not None and wizard.isVisible() and wizard.file_page.kind.currentData() == "collectives"
    wizard.file_page.kind.setCurrentIndex(0)
    _choose(wizard, monkeypatch, "people_nfd.xlsx")
    wizard.next()
    wizard.next()
    wizard.next()
    wizard.accept()  # Close: the lists show the new people
    screen.tabs.setCurrentWidget(screen.people_screen)
    people = screen.people_screen
    names = [people.model.row_object(r).full_name for r in range(people.model.rowCount())]
    assert "Nguyễn Thị Hương" in names and people.model.total == office.people.search("").total
    assert screen.people_screen.model.index(0, 0) != QModelIndex()


def test_choosing_the_sheet_and_pointing_at_the_header(qtbot, office, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Bìa"
    book.active["A1"] = "BÁO CÁO THI ĐUA"
    data = book.create_sheet("Dữ liệu")
    for row in (["Ghi chú: lập ngày 01/12/2025"], ["Tên", "Phái", "Sinh năm"], ["Lý Văn Cường", "Nam", 1977]):
        data.append(row)
    path = tmp_path / "hai trang.xlsx"
    book.save(path)
    wizard = _wizard(qtbot, office)
    monkeypatch.setattr(dialogs, "open_file", lambda *_a: str(path))
    wizard.file_page.browse.click()
    sheet = wizard.file_page.sheet
    assert sheet.isEnabled() and _combo_texts(sheet) == ["Bìa", "Dữ liệu"] and sheet.currentText() == "Dữ liệu"
    sheet.setCurrentIndex(0)
    sheet.activated.emit(0)  # the officer picks the cover sheet
    assert wizard.file_page.status.text() == ("Trang «Bìa»: không nhận ra dòng tiêu đề. Ở bước sau, hãy chỉ ra các "
                                              "dòng tiêu đề và chọn cột.")
    wizard.next()
    page = wizard.mapping_page
    assert page.notices.text().startswith("Không nhận ra dòng tiêu đề ở trang «Bìa».")
    assert all(not combo.currentData() for combo in page.combos.values())
    assert page.hint.text() == "Hãy chọn cột của «Họ và tên»." and not page.isComplete()
    wizard.back()
    sheet.setCurrentIndex(1)
    sheet.activated.emit(1)
    wizard.next()
    page.first_row.setValue(1)  # a wrong header: the note above the table
    page.last_row.setValue(1)
    page.reread.click()
    assert not page.combos["full_name"].currentData() and not page.isComplete()
    page.first_row.setValue(2)  # the right one
    page.last_row.setValue(2)
    page.reread.click()
    assert {n: c.currentData() for n, c in page.combos.items() if c.currentData()} == {
        "full_name": 1, "gender": 2, "birth": 3}
    assert page.data_label.text() == "Dữ liệu bắt đầu từ dòng 3."
    wizard.next()
    assert _table(wizard) == [("3", "Thêm mới", "Lý Văn Cường", "Nam · 1977", "Thêm mới", "")]


def test_the_wizard_follows_the_language(qtbot, office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from thidua_desktop.ui import i18n

    wizard = _wizard(qtbot, office)
    _choose(wizard, monkeypatch, "people_nfd.xlsx")
    wizard.next()
    wizard.next()
    i18n.install("en")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    model = wizard.preview_page.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Row", "Row action", "Name of the person or collective", "Row values", "On import", "Problems"]
    assert _table(wizard)[0] == ("2", "New record", "Nguyễn Thị Hương", "Female · 1985 · Tày · Xóm Nà Vài",
                                 "Add as new", "")
    assert wizard.preview_page.counts.text() == (
        "Rows read: new 3 · update 0 · skip 0 · possible duplicate 0 · error 0 · blank 0")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import into the register"
    assert wizard.mapping_page.labels["full_name"].text() == "Full name *"
