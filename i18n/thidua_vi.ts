<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>ActivitiesScreen</name>
        <message>
            <source>All movements</source>
            <translation>Tất cả phong trào</translation>
        </message>
        <message numerus="yes">
            <source>%n activities</source>
            <translation>
                <numerusform>%n hoạt động</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot open the file</source>
            <translation>Không mở được tệp</translation>
        </message>
        <message>
            <source>No program on this computer opens «%1».</source>
            <translation>Máy tính này chưa có chương trình mở được tệp «%1».</translation>
        </message>
        <message>
            <source>Remove file</source>
            <translation>Gỡ tệp</translation>
        </message>
        <message>
            <source>Remove «%1» from this activity?</source>
            <translation>Gỡ tệp «%1» khỏi hoạt động này?</translation>
        </message>
        <message>
            <source>Record an activity</source>
            <translation>Ghi nhận hoạt động</translation>
        </message>
        <message>
            <source>Recent activities</source>
            <translation>Hoạt động gần đây</translation>
        </message>
        <message>
            <source>Movement:</source>
            <translation>Phong trào:</translation>
        </message>
        <message>
            <source>Files of the selected activity</source>
            <translation>Tệp của hoạt động đang chọn</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Gỡ bỏ</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Thêm tệp…</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Phong trào</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Số người tham gia</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Ethnic minority</source>
            <translation>Dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>Nội dung hoạt động</translation>
        </message>
    </context>
    <context>
        <name>ActivityEntry</name>
        <message>
            <source>Only photos and PDF files can be attached; skipped: %1</source>
            <translation>Chỉ đính kèm được ảnh và tệp PDF; đã bỏ qua: %1</translation>
        </message>
        <message>
            <source>(no village)</source>
            <translation>(không gắn thôn, xóm)</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>chưa báo cáo</translation>
        </message>
        <message>
            <source>The chosen movement has no indicators.</source>
            <translation>Phong trào đã chọn chưa có chỉ tiêu.</translation>
        </message>
        <message>
            <source>Restored the unsaved entry.</source>
            <translation>Đã khôi phục nội dung đang nhập dở chưa lưu.</translation>
        </message>
        <message>
            <source>Saved. The next activity keeps the movement, date and village.</source>
            <translation>Đã lưu. Hoạt động tiếp theo giữ nguyên phong trào, ngày và thôn, xóm.</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Phong trào</translation>
        </message>
        <message>
            <source>Date held</source>
            <translation>Ngày tổ chức</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <source>What was done</source>
            <translation>Nội dung hoạt động</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Số người tham gia</translation>
        </message>
        <message>
            <source>of whom women</source>
            <translation>trong đó nữ</translation>
        </message>
        <message>
            <source>of whom ethnic minority</source>
            <translation>trong đó người dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Hôm nay</translation>
        </message>
        <message>
            <source>Results by indicator</source>
            <translation>Kết quả theo chỉ tiêu</translation>
        </message>
        <message>
            <source>Save activity</source>
            <translation>Lưu hoạt động</translation>
        </message>
        <message>
            <source>Ctrl+S</source>
            <translation>Ctrl+S</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Nhập mới</translation>
        </message>
    </context>
    <context>
        <name>ActivityFiles</name>
        <message>
            <source>Photos and PDF files (%1)</source>
            <translation>Ảnh và tệp PDF (%1)</translation>
        </message>
        <message>
            <source>Add photos or PDF files</source>
            <translation>Thêm ảnh hoặc tệp PDF</translation>
        </message>
    </context>
    <context>
        <name>AdvanceDialog</name>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Move «%1» to: %2</source>
            <translation>Chuyển «%1» sang bước: %2</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Automatic backup…</source>
            <translation>Đang tự động sao lưu…</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>dd/mm/yyyy or yyyy</source>
            <translation>ngày/tháng/năm hoặc năm</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>ngày/tháng/năm</translation>
        </message>
    </context>
    <context>
        <name>ExemplarCard</name>
        <message>
            <source>Move to: %1</source>
            <translation>Chuyển sang: %1</translation>
        </message>
    </context>
    <context>
        <name>Exemplars</name>
        <message>
            <source>Discovered</source>
            <translation>Phát hiện</translation>
        </message>
        <message>
            <source>Fostered</source>
            <translation>Bồi dưỡng</translation>
        </message>
        <message>
            <source>Summarised</source>
            <translation>Tổng kết</translation>
        </message>
        <message>
            <source>Replicated</source>
            <translation>Nhân rộng</translation>
        </message>
    </context>
    <context>
        <name>ExemplarsScreen</name>
        <message>
            <source>All movements</source>
            <translation>Tất cả phong trào</translation>
        </message>
        <message>
            <source>Movement:</source>
            <translation>Phong trào:</translation>
        </message>
        <message>
            <source>Discover a new example</source>
            <translation>Phát hiện điển hình mới</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Each card moves one stage at a time; the date and notes of every stage are kept on the card.</source>
            <translation>Mỗi thẻ chuyển lần lượt từng bước; ngày và ghi chú của từng bước được lưu trên thẻ.</translation>
        </message>
    </context>
    <context>
        <name>FilesBox</name>
        <message>
            <source>Photos and PDF files</source>
            <translation>Ảnh và tệp PDF</translation>
        </message>
        <message>
            <source>Drag photos or PDF files onto this form, or use the button.</source>
            <translation>Kéo thả ảnh hoặc tệp PDF vào biểu mẫu này, hoặc bấm nút bên dưới.</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Thêm tệp…</translation>
        </message>
        <message>
            <source>Remove from list</source>
            <translation>Bỏ khỏi danh sách</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Set up ThiĐua Desktop</source>
            <translation>Thiết lập ThiĐua Desktop</translation>
        </message>
        <message>
            <source>Type part of the commune or ward name…</source>
            <translation>Gõ một phần tên xã, phường…</translation>
        </message>
        <message>
            <source>Load demo data so I can try the app</source>
            <translation>Nạp dữ liệu mẫu để dùng thử</translation>
        </message>
        <message>
            <source>The data stays on this computer. You can change the officer's name later.</source>
            <translation>Dữ liệu được lưu trên máy tính này. Có thể sửa tên cán bộ sau.</translation>
        </message>
        <message>
            <source>Office type</source>
            <translation>Loại văn phòng</translation>
        </message>
        <message>
            <source>Find your unit</source>
            <translation>Tìm đơn vị</translation>
        </message>
        <message>
            <source>Officer's full name</source>
            <translation>Họ và tên cán bộ</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Restored the unsaved draft of this form.</source>
            <translation>Đã khôi phục bản nháp chưa lưu của biểu mẫu này.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Thay đổi chưa lưu</translation>
        </message>
        <message>
            <source>You have unsaved changes. Close and discard them?</source>
            <translation>Có thay đổi chưa lưu. Đóng và bỏ các thay đổi này?</translation>
        </message>
    </context>
    <context>
        <name>Language</name>
        <message>
            <source>en</source>
            <translation>vi</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>ThiĐua Desktop — Emulation and commendation</source>
            <translation>ThiĐua Desktop — Thi đua, khen thưởng</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <source>Movements</source>
            <translation>Phong trào</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <source>Advanced examples</source>
            <translation>Điển hình tiên tiến</translation>
        </message>
        <message>
            <source>People &amp; collectives</source>
            <translation>Cá nhân &amp; tập thể</translation>
        </message>
        <message>
            <source>Nominations</source>
            <translation>Đề nghị khen thưởng</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>Last bundle sent: never · received: never · unsent changes: %1</source>
            <translation>Gói gửi gần nhất: chưa có · nhận: chưa có · thay đổi chưa gửi: %1</translation>
        </message>
    </context>
    <context>
        <name>MovementDialog</name>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Name of the movement</source>
            <translation>Tên phong trào</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <source>Launched by</source>
            <translation>Cấp phát động</translation>
        </message>
        <message>
            <source>Launch document number</source>
            <translation>Số văn bản phát động</translation>
        </message>
        <message>
            <source>Launch document date</source>
            <translation>Ngày văn bản phát động</translation>
        </message>
        <message>
            <source>Kind of movement</source>
            <translation>Loại phong trào</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Period from</source>
            <translation>Thời gian từ ngày</translation>
        </message>
        <message>
            <source>Period to</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <source>Interim review date</source>
            <translation>Ngày sơ kết</translation>
        </message>
        <message>
            <source>Final review date</source>
            <translation>Ngày tổng kết</translation>
        </message>
        <message>
            <source>Goals (one per line)</source>
            <translation>Mục tiêu (mỗi dòng một mục)</translation>
        </message>
        <message>
            <source>Criteria (one per line)</source>
            <translation>Tiêu chí (mỗi dòng một mục)</translation>
        </message>
        <message>
            <source>Participating units (one per line)</source>
            <translation>Đơn vị tham gia (mỗi dòng một đơn vị)</translation>
        </message>
        <message>
            <source>Edit movement</source>
            <translation>Sửa phong trào</translation>
        </message>
        <message>
            <source>New movement</source>
            <translation>Thêm phong trào</translation>
        </message>
        <message>
            <source>Indicators and targets</source>
            <translation>Chỉ tiêu và mục tiêu</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Unit of measure</source>
            <translation>Đơn vị tính</translation>
        </message>
        <message>
            <source>Baseline</source>
            <translation>Giá trị ban đầu</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <source>Reporting dates</source>
            <translation>Ngày báo cáo</translation>
        </message>
        <message>
            <source>Type reporting dates as dd/mm/yyyy, separated by commas.</source>
            <translation>Nhập ngày báo cáo theo dạng ngày/tháng/năm, cách nhau bởi dấu phẩy.</translation>
        </message>
        <message>
            <source>Add indicator</source>
            <translation>Thêm chỉ tiêu</translation>
        </message>
        <message>
            <source>Remove indicator</source>
            <translation>Xóa chỉ tiêu</translation>
        </message>
        <message>
            <source>One item per line</source>
            <translation>Mỗi dòng một mục</translation>
        </message>
        <message>
            <source>Remove the indicator «%1»? Values already reported by activities are kept but no longer counted.</source>
            <translation>Xóa chỉ tiêu «%1»? Các kết quả hoạt động đã báo cáo vẫn được lưu nhưng không còn được tính.</translation>
        </message>
        <message>
            <source>Indicators, row %1, %2</source>
            <translation>Chỉ tiêu, dòng %1, %2</translation>
        </message>
    </context>
    <context>
        <name>Movements</name>
        <message>
            <source>Commune level</source>
            <translation>Cấp xã</translation>
        </message>
        <message>
            <source>Provincial level</source>
            <translation>Cấp tỉnh</translation>
        </message>
        <message>
            <source>Central level</source>
            <translation>Cấp Trung ương</translation>
        </message>
        <message>
            <source>Regular</source>
            <translation>Thường xuyên</translation>
        </message>
        <message>
            <source>Thematic</source>
            <translation>Theo chuyên đề</translation>
        </message>
        <message>
            <source>Not launched yet</source>
            <translation>Chưa phát động</translation>
        </message>
        <message>
            <source>Under way</source>
            <translation>Đang triển khai</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>Đã kết thúc</translation>
        </message>
        <message>
            <source>«%1» in «%2» is not a number. Enter for example 12 or 12,5.</source>
            <translation>«%1» ở trường «%2» không phải là số. Hãy nhập, ví dụ: 12 hoặc 12,5.</translation>
        </message>
    </context>
    <context>
        <name>MovementsScreen</name>
        <message numerus="yes">
            <source>%n movements</source>
            <translation>
                <numerusform>%n phong trào</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a movement to see its indicators.</source>
            <translation>Chọn một phong trào để xem các chỉ tiêu.</translation>
        </message>
        <message>
            <source>Launched by: %1</source>
            <translation>Cấp phát động: %1</translation>
        </message>
        <message>
            <source>Kind of movement: %1</source>
            <translation>Loại phong trào: %1</translation>
        </message>
        <message>
            <source>Period: %1</source>
            <translation>Thời gian: %1</translation>
        </message>
        <message>
            <source>Interim review: %1 · final review: %2</source>
            <translation>Sơ kết: %1 · tổng kết: %2</translation>
        </message>
        <message>
            <source>Theme: %1</source>
            <translation>Chủ đề: %1</translation>
        </message>
        <message>
            <source>Goals</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <source>Criteria</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Participating units</source>
            <translation>Đơn vị tham gia</translation>
        </message>
        <message>
            <source>Indicators: reported so far / target</source>
            <translation>Chỉ tiêu: kết quả đến nay / mục tiêu</translation>
        </message>
        <message>
            <source>This movement has no indicators yet.</source>
            <translation>Phong trào này chưa có chỉ tiêu.</translation>
        </message>
        <message>
            <source>Reporting dates: %1</source>
            <translation>Ngày báo cáo: %1</translation>
        </message>
        <message>
            <source>Search by code or name, with or without accents…</source>
            <translation>Tìm theo mã hoặc tên, gõ có dấu hay không dấu đều được…</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Trạng thái:</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tất cả</translation>
        </message>
        <message>
            <source>New movement</source>
            <translation>Thêm phong trào</translation>
        </message>
        <message>
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Launched by</source>
            <translation>Cấp phát động</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
    </context>
    <context>
        <name>NewExemplarDialog</name>
        <message>
            <source>Name of the example</source>
            <translation>Tên điển hình</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Mô tả</translation>
        </message>
        <message>
            <source>(no movement)</source>
            <translation>(không gắn phong trào)</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Phong trào</translation>
        </message>
        <message>
            <source>Type part of a name, with or without accents…</source>
            <translation>Gõ một phần tên, có dấu hay không dấu đều được…</translation>
        </message>
        <message>
            <source>Find a person or collective</source>
            <translation>Tìm cá nhân hoặc tập thể</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(không chọn)</translation>
        </message>
        <message>
            <source>Person or collective</source>
            <translation>Cá nhân hoặc tập thể</translation>
        </message>
        <message>
            <source>Date discovered</source>
            <translation>Ngày phát hiện</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Discover an advanced example</source>
            <translation>Phát hiện điển hình tiên tiến</translation>
        </message>
        <message>
            <source>Person: %1</source>
            <translation>Cá nhân: %1</translation>
        </message>
        <message>
            <source>Collective: %1</source>
            <translation>Tập thể: %1</translation>
        </message>
    </context>
    <context>
        <name>NominationsScreen</name>
        <message>
            <source>Eligible</source>
            <translation>Đủ điều kiện</translation>
        </message>
        <message>
            <source>Not eligible</source>
            <translation>Không đủ điều kiện</translation>
        </message>
        <message>
            <source>Needs information</source>
            <translation>Chưa đủ thông tin</translation>
        </message>
        <message numerus="yes">
            <source>%n nominations</source>
            <translation>
                <numerusform>%n đề nghị</numerusform>
            </translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Trạng thái:</translation>
        </message>
        <message>
            <source>All</source>
            <translation>Tất cả</translation>
        </message>
        <message>
            <source>Nominee</source>
            <translation>Người/tập thể được đề nghị</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>Tiêu chuẩn</translation>
        </message>
    </context>
    <context>
        <name>Ops</name>
        <message>
            <source>Cannot do this</source>
            <translation>Không thực hiện được</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>Lỗi không mong đợi</translation>
        </message>
        <message>
            <source>Something went wrong. The details were saved in the log.</source>
            <translation>Đã xảy ra lỗi. Chi tiết đã được ghi vào nhật ký.</translation>
        </message>
    </context>
    <context>
        <name>OverviewScreen</name>
        <message>
            <source>Nominations by status</source>
            <translation>Đề nghị theo trạng thái</translation>
        </message>
        <message>
            <source>Awards in %1 by priority group</source>
            <translation>Khen thưởng năm %1 theo nhóm ưu tiên</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Cần xử lý</translation>
        </message>
        <message>
            <source>Movement targets</source>
            <translation>Chỉ tiêu phong trào</translation>
        </message>
        <message>
            <source>No nominations yet.</source>
            <translation>Chưa có đề nghị nào.</translation>
        </message>
        <message>
            <source>Total awards to people</source>
            <translation>Tổng số cá nhân được khen</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Ethnic minorities</source>
            <translation>Người dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Direct workers</source>
            <translation>Người lao động trực tiếp</translation>
        </message>
        <message>
            <source>Border or remote villages</source>
            <translation>Thôn, xóm biên giới, vùng sâu, vùng xa</translation>
        </message>
        <message numerus="yes">
            <source>%n returned dossier(s) to complete</source>
            <translation>
                <numerusform>%n hồ sơ bị trả lại cần bổ sung</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s) older than 30 days</source>
            <translation>
                <numerusform>%n bản nháp quá 30 ngày</numerusform>
            </translation>
        </message>
        <message>
            <source>Batch “%1” is due on %2</source>
            <translation>Đợt “%1” hết hạn ngày %2</translation>
        </message>
        <message>
            <source>Nothing urgent.</source>
            <translation>Không có việc gấp.</translation>
        </message>
    </context>
    <context>
        <name>PeopleScreen</name>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message numerus="yes">
            <source>%n people</source>
            <translation>
                <numerusform>%n người</numerusform>
            </translation>
        </message>
        <message>
            <source>Search by name, with or without accents…</source>
            <translation>Tìm theo tên, gõ có dấu hoặc không dấu…</translation>
        </message>
        <message>
            <source>All villages</source>
            <translation>Tất cả thôn, xóm</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>Dân tộc</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
    </context>
    <context>
        <name>Role</name>
        <message>
            <source>Provincial office</source>
            <translation>Văn phòng cấp tỉnh</translation>
        </message>
        <message>
            <source>Commune office</source>
            <translation>Văn phòng cấp xã</translation>
        </message>
    </context>
    <context>
        <name>SettingsScreen</name>
        <message>
            <source>Backing up…</source>
            <translation>Đang sao lưu…</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>Backed up to %1</source>
            <translation>Đã sao lưu vào %1</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>Chọn bản sao lưu</translation>
        </message>
        <message>
            <source>ThiĐua backups (*.zip)</source>
            <translation>Bản sao lưu ThiĐua (*.zip)</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>Restoring replaces all current data with the backup. Continue?</source>
            <translation>Khôi phục sẽ thay toàn bộ dữ liệu hiện có bằng bản sao lưu. Tiếp tục?</translation>
        </message>
        <message>
            <source>The backup was restored.</source>
            <translation>Đã khôi phục bản sao lưu.</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Chung</translation>
        </message>
        <message>
            <source>Local values (where the province's rules allow)</source>
            <translation>Tham số của đơn vị (trong phạm vi quy định của tỉnh cho phép)</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <source>Officer's full name</source>
            <translation>Họ và tên cán bộ</translation>
        </message>
        <message>
            <source>Save name</source>
            <translation>Lưu tên</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Vote threshold</source>
            <translation>Tỷ lệ phiếu đồng ý tối thiểu</translation>
        </message>
        <message>
            <source>Apply quota</source>
            <translation>Áp dụng tỷ lệ khống chế</translation>
        </message>
        <message>
            <source>Base salary (đồng)</source>
            <translation>Mức lương cơ sở (đồng)</translation>
        </message>
        <message>
            <source>from</source>
            <translation>từ ngày</translation>
        </message>
        <message>
            <source>Save values</source>
            <translation>Lưu tham số</translation>
        </message>
        <message>
            <source>Recent changes: %1</source>
            <translation>Thay đổi gần đây: %1</translation>
        </message>
        <message>
            <source>No local values changed yet.</source>
            <translation>Chưa thay đổi tham số nào.</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>Thư mục sao lưu</translation>
        </message>
        <message>
            <source>Back up automatically every (days, 0 = never)</source>
            <translation>Tự động sao lưu sau mỗi (ngày, 0 = không tự động)</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>Sao lưu ngay</translation>
        </message>
        <message>
            <source>Restore from a backup…</source>
            <translation>Khôi phục từ bản sao lưu…</translation>
        </message>
        <message>
            <source>Last backup: %1</source>
            <translation>Lần sao lưu gần nhất: %1</translation>
        </message>
        <message>
            <source>No backup made yet.</source>
            <translation>Chưa sao lưu lần nào.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <source>Draft</source>
            <translation>Bản nháp</translation>
        </message>
        <message>
            <source>Council voted</source>
            <translation>Đã qua Hội đồng</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Đã trình cấp trên</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Cấp trên đã nhận</translation>
        </message>
        <message>
            <source>In review</source>
            <translation>Đang thẩm định</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Đã thẩm định, đồng ý</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>Trả lại để bổ sung</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Không đồng ý</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Đã có quyết định</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
</TS>