<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi" sourcelanguage="en">
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