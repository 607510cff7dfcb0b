<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source> (font for printed documents)</source>
            <translation> (phông chữ in văn bản)</translation>
        </message>
        <message>
            <source>not stated in its package</source>
            <translation>gói không ghi</translation>
        </message>
        <message>
            <source>About ThiĐua Desktop</source>
            <translation>Giới thiệu ThiĐua Desktop</translation>
        </message>
        <message>
            <source>ThiĐua Desktop — Emulation and commendation</source>
            <translation>ThiĐua Desktop — Thi đua, khen thưởng</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Phiên bản:</translation>
        </message>
        <message>
            <source>Award catalog:</source>
            <translation>Danh mục khen thưởng:</translation>
        </message>
        <message>
            <source>Data folder:</source>
            <translation>Thư mục dữ liệu:</translation>
        </message>
        <message>
            <source>Open the data folder</source>
            <translation>Mở thư mục dữ liệu</translation>
        </message>
        <message>
            <source>The font and the libraries shipped with the app, and their licences:</source>
            <translation>Phông chữ và các thư viện đi kèm phần mềm, cùng giấy phép sử dụng:</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Thành phần</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Phiên bản</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Giấy phép</translation>
        </message>
        <message>
            <source>Qt is used under the GNU LGPL version 3: its libraries are separate files in the installation folder and can be replaced with compatible versions.</source>
            <translation>Qt được dùng theo giấy phép GNU LGPL phiên bản 3: các thư viện Qt là những tệp riêng trong thư mục cài đặt và có thể thay bằng phiên bản tương thích.</translation>
        </message>
        <message>
            <source>Show the font licence</source>
            <translation>Xem giấy phép phông chữ</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>AccountFormDialog</name>
        <message>
            <source>Add an account</source>
            <translation>Thêm tài khoản</translation>
        </message>
        <message>
            <source>The officer changes this first password at their first sign-in.</source>
            <translation>Cán bộ sẽ đổi mật khẩu ban đầu này ở lần đăng nhập đầu tiên.</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>First password</source>
            <translation>Mật khẩu ban đầu</translation>
        </message>
        <message>
            <source>First password again</source>
            <translation>Nhập lại mật khẩu ban đầu</translation>
        </message>
        <message>
            <source>e.g. hoa.nt</source>
            <translation>ví dụ: hoa.nt</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Thêm</translation>
        </message>
    </context>
    <context>
        <name>AccountRole</name>
        <message>
            <source>Reviewer</source>
            <translation>Chuyên viên thẩm định</translation>
        </message>
        <message>
            <source>Leader</source>
            <translation>Lãnh đạo</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Quản trị viên</translation>
        </message>
    </context>
    <context>
        <name>AccountsBox</name>
        <message>
            <source>Accounts</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>Đã đổi mật khẩu.</translation>
        </message>
        <message>
            <source>Signed in as %1 (%2).</source>
            <translation>Đang đăng nhập: %1 (%2).</translation>
        </message>
        <message>
            <source>Nobody is signed in.</source>
            <translation>Chưa có ai đăng nhập.</translation>
        </message>
        <message>
            <source>No accounts yet: whoever opens the app acts as the office's single officer. Create the first administrator to give each officer an account.</source>
            <translation>Chưa có tài khoản nào: ai mở ứng dụng cũng làm việc với tư cách cán bộ duy nhất của văn phòng. Hãy tạo quản trị viên đầu tiên để mỗi cán bộ có tài khoản riêng.</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>Đổi mật khẩu của tôi…</translation>
        </message>
        <message>
            <source>Manage accounts…</source>
            <translation>Quản lý tài khoản…</translation>
        </message>
    </context>
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>active</source>
            <translation>đang hoạt động</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>đã khóa</translation>
        </message>
        <message>
            <source>active, must change the password</source>
            <translation>đang hoạt động, phải đổi mật khẩu</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>Mở lại</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>Khóa</translation>
        </message>
        <message>
            <source>Accounts</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <source>Disable %1? The account can no longer sign in, and stops at its next action if it is signed in now.</source>
            <translation>Khóa tài khoản %1? Tài khoản sẽ không đăng nhập được nữa; nếu đang đăng nhập thì bị dừng ở thao tác tiếp theo.</translation>
        </message>
        <message>
            <source>The password of %1 was reset. Give it to them in person: they choose their own at the next sign-in.</source>
            <translation>Đã đặt lại mật khẩu của %1. Hãy trao tận tay mật khẩu này: người đó sẽ tự chọn mật khẩu mới ở lần đăng nhập tới.</translation>
        </message>
        <message>
            <source>Accounts of the office</source>
            <translation>Tài khoản của văn phòng</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Last sign-in</source>
            <translation>Đăng nhập gần nhất</translation>
        </message>
        <message>
            <source>Add account…</source>
            <translation>Thêm tài khoản…</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>Đặt lại mật khẩu…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
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
        <message>
            <source>«%1» is a program or a script (a %2 file). For safety ThiĐua does not open it. You can save a copy or show it in its folder; have it checked by an antivirus before using it.</source>
            <translation>«%1» là một chương trình hoặc tập lệnh (tệp %2). Để an toàn, ThiĐua không mở tệp này. Có thể lưu một bản sao hoặc mở thư mục chứa tệp; hãy quét virus trước khi dùng.</translation>
        </message>
        <message>
            <source>File not opened</source>
            <translation>Không mở tệp</translation>
        </message>
        <message>
            <source>Save a copy…</source>
            <translation>Lưu một bản sao…</translation>
        </message>
        <message>
            <source>Show in folder</source>
            <translation>Mở thư mục chứa tệp</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>Lưu một bản sao</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Mọi tệp (*)</translation>
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
            <source>Preparing the trial office with demo data…</source>
            <translation>Đang chuẩn bị văn phòng dùng thử với dữ liệu mẫu…</translation>
        </message>
        <message>
            <source>Connecting to the office server…</source>
            <translation>Đang kết nối với máy chủ của văn phòng…</translation>
        </message>
        <message>
            <source>Automatic backup…</source>
            <translation>Đang tự động sao lưu…</translation>
        </message>
        <message>
            <source>Choose the data folder</source>
            <translation>Chọn thư mục dữ liệu</translation>
        </message>
    </context>
    <context>
        <name>AwardsSection</name>
        <message>
            <source>Other award (type its name)</source>
            <translation>Danh hiệu/hình thức khác (gõ tên)</translation>
        </message>
        <message>
            <source>No initiative</source>
            <translation>Không dùng sáng kiến</translation>
        </message>
        <message>
            <source>From our decision</source>
            <translation>Theo quyết định của xã</translation>
        </message>
        <message>
            <source>Entered by hand</source>
            <translation>Nhập từ hồ sơ giấy</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Issuing level</source>
            <translation>Cấp khen thưởng</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Sáng kiến</translation>
        </message>
        <message>
            <source>Name (other award)</source>
            <translation>Tên danh hiệu/hình thức khác</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Kind of commendation</source>
            <translation>Loại hình khen thưởng</translation>
        </message>
        <message>
            <source>Backed by initiative</source>
            <translation>Sáng kiến làm căn cứ</translation>
        </message>
        <message>
            <source>Add award</source>
            <translation>Thêm khen thưởng</translation>
        </message>
    </context>
    <context>
        <name>BatchAwardPage</name>
        <message>
            <source>Step 1 of 6: batch and award</source>
            <translation>Bước 1/6: đợt xét và danh hiệu</translation>
        </message>
        <message>
            <source>Choose the nomination batch, the title or form proposed, and its kind.</source>
            <translation>Chọn đợt xét khen thưởng, danh hiệu hoặc hình thức khen thưởng đề nghị và loại hình khen thưởng.</translation>
        </message>
        <message>
            <source>New batch…</source>
            <translation>Đợt xét mới…</translation>
        </message>
        <message>
            <source>Nomination batch</source>
            <translation>Đợt xét khen thưởng</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Kind of commendation</source>
            <translation>Loại hình khen thưởng</translation>
        </message>
        <message>
            <source>The commune chairman grants this award.</source>
            <translation>Chủ tịch UBND xã quyết định tặng danh hiệu/hình thức này.</translation>
        </message>
        <message>
            <source>This award is proposed to a higher level.</source>
            <translation>Danh hiệu/hình thức này do xã đề nghị lên cấp trên.</translation>
        </message>
        <message>
            <source>Its legal basis is not verified yet: %1</source>
            <translation>Căn cứ pháp lý chưa xác minh: %1</translation>
        </message>
    </context>
    <context>
        <name>BatchDialog</name>
        <message>
            <source>New nomination batch</source>
            <translation>Đợt xét khen thưởng mới</translation>
        </message>
        <message>
            <source>e.g. Emulation and commendation review, year %1</source>
            <translation>ví dụ: Xét khen thưởng thi đua năm %1</translation>
        </message>
        <message>
            <source>Name of the batch</source>
            <translation>Tên đợt xét</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Kind of batch</source>
            <translation>Loại đợt xét</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>Hạn nộp hồ sơ</translation>
        </message>
    </context>
    <context>
        <name>CalibrationDialog</name>
        <message>
            <source>Certificate blanks</source>
            <translation>Phôi giấy khen</translation>
        </message>
        <message>
            <source>Saved. Blank-form printing uses it now.</source>
            <translation>Đã lưu. Từ nay in lên phôi theo căn chỉnh này.</translation>
        </message>
        <message>
            <source>Put every field back where it was?</source>
            <translation>Đưa mọi trường về vị trí mặc định?</translation>
        </message>
        <message>
            <source>Test print on a blank</source>
            <translation>In thử lên phôi</translation>
        </message>
        <message>
            <source>Close without saving the changed positions?</source>
            <translation>Đóng mà không lưu vị trí đã thay đổi?</translation>
        </message>
        <message>
            <source>Calibrate printing on certificate blanks</source>
            <translation>Căn chỉnh in lên phôi giấy khen</translation>
        </message>
        <message>
            <source>Print a test page, lay it over a blank against the light, then move the fields. Positive values move right and down.</source>
            <translation>In thử một trang, đặt chồng lên phôi soi ra ánh sáng rồi dịch các trường cho khớp. Số dương dịch sang phải và xuống dưới.</translation>
        </message>
        <message>
            <source>All fields</source>
            <translation>Tất cả các trường</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Sang phải</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>Xuống dưới</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Đặt lại</translation>
        </message>
        <message>
            <source>Test print…</source>
            <translation>In thử…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change your password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <source>The administrator chose your password: choose your own now. It needs at least %1 characters.</source>
            <translation>Mật khẩu hiện tại do quản trị viên đặt: hãy đặt mật khẩu mới của mình ngay, ít nhất %1 ký tự.</translation>
        </message>
        <message>
            <source>At least %1 characters. Nobody else, the administrator included, will know it.</source>
            <translation>Ít nhất %1 ký tự. Không ai khác, kể cả quản trị viên, biết mật khẩu này.</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>Mật khẩu hiện tại</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>Mật khẩu mới</translation>
        </message>
        <message>
            <source>New password again</source>
            <translation>Nhập lại mật khẩu mới</translation>
        </message>
        <message>
            <source>Change password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
    </context>
    <context>
        <name>CollectiveDialog</name>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Parent unit</source>
            <translation>Đơn vị cấp trên</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Number of members</source>
            <translation>Số thành viên</translation>
        </message>
        <message>
            <source>Of whom women</source>
            <translation>Trong đó nữ</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Members from the register</source>
            <translation>Thành viên trong sổ theo dõi</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>Chủ hộ</translation>
        </message>
        <message>
            <source>Edit collective: %1</source>
            <translation>Sửa tập thể: %1</translation>
        </message>
        <message>
            <source>New collective or household</source>
            <translation>Thêm tập thể hoặc hộ gia đình</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(chưa ghi)</translation>
        </message>
        <message>
            <source>Make the selected person head of household</source>
            <translation>Đặt người đang chọn làm chủ hộ</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Thông tin chung</translation>
        </message>
        <message>
            <source>Awards and history</source>
            <translation>Khen thưởng và quá trình</translation>
        </message>
        <message>
            <source>Rows on these tabs are saved as soon as you add or remove them.</source>
            <translation>Các dòng ở đây được lưu ngay khi thêm hoặc xóa.</translation>
        </message>
    </context>
    <context>
        <name>CollectivesScreen</name>
        <message numerus="yes">
            <source>%n collectives and households</source>
            <translation>
                <numerusform>%n tập thể, hộ gia đình</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete %1? Its members stay in the register.</source>
            <translation>Xóa %1? Các thành viên vẫn còn trong sổ theo dõi.</translation>
        </message>
        <message>
            <source>Delete collective</source>
            <translation>Xóa tập thể</translation>
        </message>
        <message>
            <source>Search collectives and households, with or without accents…</source>
            <translation>Tìm tập thể, hộ gia đình, gõ có dấu hoặc không dấu…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Tất cả các loại</translation>
        </message>
        <message>
            <source>New collective</source>
            <translation>Thêm tập thể</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Thành viên</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>In the register</source>
            <translation>Có trong sổ</translation>
        </message>
    </context>
    <context>
        <name>ComparisonTable</name>
        <message>
            <source>Field</source>
            <translation>Thông tin</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>Nominations</source>
            <translation>Đề nghị khen thưởng</translation>
        </message>
        <message>
            <source>Nomination</source>
            <translation>Đề nghị</translation>
        </message>
        <message>
            <source>Award history</source>
            <translation>Quá trình khen thưởng</translation>
        </message>
        <message>
            <source>Not the same on both sides</source>
            <translation>Hai bên không giống nhau</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>CCCD number</source>
            <translation>Số CCCD</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Giới tính</translation>
        </message>
        <message>
            <source>Ethnic group</source>
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
        <message>
            <source>Workplace</source>
            <translation>Nơi công tác</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>In the province's register</source>
            <translation>Đã có trong cơ sở dữ liệu của tỉnh</translation>
        </message>
        <message>
            <source>Held back among the pending records: %1</source>
            <translation>Đang nằm trong các bản ghi chờ xử lý: %1</translation>
        </message>
        <message>
            <source>held back</source>
            <translation>chờ xử lý</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>Chưa ghi nhận</translation>
        </message>
        <message>
            <source>Decision %1</source>
            <translation>Quyết định số %1</translation>
        </message>
        <message>
            <source>dated %1</source>
            <translation>ngày %1</translation>
        </message>
        <message>
            <source>period %1–%2</source>
            <translation>giai đoạn %1–%2</translation>
        </message>
        <message>
            <source>Recorded, no decision given</source>
            <translation>Có ghi nhận, không ghi quyết định</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPanel</name>
        <message>
            <source>To decide</source>
            <translation>Chờ quyết định</translation>
        </message>
        <message>
            <source>Kept the version in use</source>
            <translation>Đã giữ bản đang dùng</translation>
        </message>
        <message>
            <source>Kept the other version</source>
            <translation>Đã giữ bản còn lại</translation>
        </message>
        <message>
            <source>Keep the other version of “%1”? This office will write it as a new version, sent with the next bundle.</source>
            <translation>Giữ bản còn lại của «%1»? Đơn vị mình sẽ ghi bản này thành phiên bản mới và gửi đi trong gói đồng bộ tiếp theo.</translation>
        </message>
        <message>
            <source>Keep the other version of “%1”? Another office writes this record: your choice is noted here, and that office must make the change itself.</source>
            <translation>Giữ bản còn lại của «%1»? Bản ghi này do đơn vị khác quản lý: lựa chọn này chỉ được ghi lại ở đây, việc sửa phải do đơn vị đó thực hiện.</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>Xung đột dữ liệu</translation>
        </message>
        <message>
            <source>Also show conflicts already decided</source>
            <translation>Hiện cả các xung đột dữ liệu đã xử lý</translation>
        </message>
        <message>
            <source>Keep the version in use</source>
            <translation>Giữ bản đang dùng</translation>
        </message>
        <message>
            <source>Keep the other version</source>
            <translation>Giữ bản còn lại</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Loại dữ liệu</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>Phát hiện lúc</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <source>In use (from %1)</source>
            <translation>Bản đang dùng (từ %1)</translation>
        </message>
        <message>
            <source>Other version (from %1)</source>
            <translation>Bản còn lại (từ %1)</translation>
        </message>
        <message>
            <source>Choose a conflict to compare its two versions.</source>
            <translation>Chọn một xung đột dữ liệu để so sánh hai bản.</translation>
        </message>
        <message>
            <source>Every office uses the same version until someone decides; the other one is kept here. Fields that differ are in bold.</source>
            <translation>Mọi đơn vị đều dùng cùng một bản cho đến khi có người quyết định; bản còn lại được giữ ở đây. Các trường khác nhau được in đậm.</translation>
        </message>
    </context>
    <context>
        <name>CouncilScreen</name>
        <message>
            <source>Council chair</source>
            <translation>Chủ tịch Hội đồng</translation>
        </message>
        <message>
            <source>Council vice chair</source>
            <translation>Phó Chủ tịch Hội đồng</translation>
        </message>
        <message>
            <source>Council member</source>
            <translation>Ủy viên</translation>
        </message>
        <message>
            <source>Council secretary</source>
            <translation>Thư ký</translation>
        </message>
        <message>
            <source>Select a past meeting first</source>
            <translation>Hãy chọn một cuộc họp đã ghi trước</translation>
        </message>
        <message>
            <source>Meeting of %1</source>
            <translation>Cuộc họp ngày %1</translation>
        </message>
        <message>
            <source>Showing the first %1 of %2 drafts.</source>
            <translation>Đang hiển thị %1 trong tổng số %2 bản nháp.</translation>
        </message>
        <message>
            <source>No draft nominations in this batch.</source>
            <translation>Đợt xét này không còn đề nghị nào ở trạng thái bản nháp.</translation>
        </message>
        <message>
            <source>Present: %1 of %2 members</source>
            <translation>Có mặt: %1/%2 thành viên</translation>
        </message>
        <message>
            <source>Passes</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Fails</source>
            <translation>Không đạt</translation>
        </message>
        <message>
            <source>Meeting recorded</source>
            <translation>Đã ghi kết quả cuộc họp</translation>
        </message>
        <message>
            <source>%1 of %2 nominees passed and moved to “Council voted”.</source>
            <translation>%1/%2 người/tập thể được đề nghị đạt tỷ lệ phiếu và chuyển sang “Đã qua Hội đồng”.</translation>
        </message>
        <message>
            <source>Double-click the nominee's cell in the last column (or select it and press Enter) to write the reason, or set its ballots issued to 0 to leave it out of this meeting.</source>
            <translation>Bấm đúp vào ô của trường hợp này ở cột cuối (hoặc chọn ô rồi nhấn Enter) để ghi lý do, hoặc đặt số phiếu phát ra bằng 0 để không xét trường hợp này tại cuộc họp.</translation>
        </message>
        <message>
            <source>Council members</source>
            <translation>Thành viên Hội đồng</translation>
        </message>
        <message>
            <source>Remove the selected members from the council? Past meetings keep them.</source>
            <translation>Cho các thành viên đã chọn thôi tham gia Hội đồng? Các cuộc họp trước vẫn giữ nguyên.</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Không đạt</translation>
        </message>
        <message>
            <source>Meeting and votes</source>
            <translation>Họp xét và bỏ phiếu</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Thành viên</translation>
        </message>
        <message>
            <source>Past meetings</source>
            <translation>Các cuộc họp đã qua</translation>
        </message>
        <message>
            <source>Meeting date</source>
            <translation>Ngày họp</translation>
        </message>
        <message>
            <source>Start time</source>
            <translation>Giờ bắt đầu</translation>
        </message>
        <message>
            <source>Nomination batch</source>
            <translation>Đợt xét khen thưởng</translation>
        </message>
        <message>
            <source>Secretary of the meeting</source>
            <translation>Thư ký cuộc họp</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>hh:mm, e.g. 08:30</source>
            <translation>giờ:phút, ví dụ 08:30</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>(chưa ghi)</translation>
        </message>
        <message>
            <source>Members present (untick those absent)</source>
            <translation>Thành viên có mặt (bỏ dấu tích người vắng mặt)</translation>
        </message>
        <message>
            <source>Reason to
vote anyway</source>
            <translation>Lý do
vẫn xét</translation>
        </message>
        <message>
            <source>Why the council votes on a nominee the app's check does not find eligible. Double-click the cell (or press Enter) to write it.</source>
            <translation>Lý do Hội đồng vẫn bỏ phiếu cho trường hợp chưa đủ điều kiện theo kết quả tự kiểm tra. Bấm đúp vào ô (hoặc nhấn Enter) để ghi.</translation>
        </message>
        <message>
            <source>Ballots
issued</source>
            <translation>Phiếu
phát ra</translation>
        </message>
        <message>
            <source>Valid
ballots</source>
            <translation>Phiếu
hợp lệ</translation>
        </message>
        <message>
            <source>Nominee
and award</source>
            <translation>Người/tập thể được đề nghị
và danh hiệu</translation>
        </message>
        <message>
            <source>In
favour</source>
            <translation>Phiếu
đồng ý</translation>
        </message>
        <message>
            <source>% of all
members</source>
            <translation>% tổng số
thành viên</translation>
        </message>
        <message>
            <source>% of those
present</source>
            <translation>% số
có mặt</translation>
        </message>
        <message>
            <source>Required
share</source>
            <translation>Tỷ lệ
yêu cầu</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Votes in favour include absent members' written votes. The threshold is counted against all members of the council unless the catalog says otherwise.</source>
            <translation>Phiếu đồng ý gồm cả ý kiến bằng văn bản của thành viên vắng mặt. Tỷ lệ được tính trên tổng số thành viên Hội đồng, trừ khi danh mục quy định khác.</translation>
        </message>
        <message>
            <source>Record the meeting</source>
            <translation>Ghi kết quả cuộc họp</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Add a member…</source>
            <translation>Thêm thành viên…</translation>
        </message>
        <message>
            <source>Remove from the council</source>
            <translation>Thôi tham gia Hội đồng</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Đợt xét</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>Có mặt</translation>
        </message>
        <message>
            <source>Written votes of absent members</source>
            <translation>Phiếu bằng văn bản của thành viên vắng mặt</translation>
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
            <source>For / valid / issued</source>
            <translation>Đồng ý / hợp lệ / phát ra</translation>
        </message>
        <message>
            <source>% of all members</source>
            <translation>% tổng số thành viên</translation>
        </message>
        <message>
            <source>% of those present</source>
            <translation>% số có mặt</translation>
        </message>
        <message>
            <source>Threshold</source>
            <translation>Tỷ lệ yêu cầu</translation>
        </message>
        <message>
            <source>Required: double-click</source>
            <translation>Cần ghi lý do…</translation>
        </message>
        <message>
            <source>Not needed</source>
            <translation>Không cần</translation>
        </message>
        <message>
            <source>The app's check does not find this nominee eligible: double-click (or press Enter) to write why the council still votes.</source>
            <translation>Theo kết quả tự kiểm tra, trường hợp này chưa đủ điều kiện: bấm đúp (hoặc nhấn Enter) để ghi lý do Hội đồng vẫn bỏ phiếu.</translation>
        </message>
        <message>
            <source>Eligible by the app's check: no reason needed.</source>
            <translation>Đủ điều kiện theo kết quả tự kiểm tra: không cần ghi lý do.</translation>
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
        <name>DecisionsScreen</name>
        <message>
            <source>Select an issued decision first</source>
            <translation>Hãy chọn một quyết định đã ban hành trước</translation>
        </message>
        <message>
            <source>Decision %1</source>
            <translation>Quyết định số %1</translation>
        </message>
        <message>
            <source>Nobody holds this post on the decision date: enter the term in Settings → Officials who sign documents.</source>
            <translation>Không có ai giữ chức vụ này vào ngày quyết định: hãy nhập nhiệm kỳ tại Cài đặt → Lãnh đạo ký văn bản.</translation>
        </message>
        <message>
            <source>No council-voted nomination for this award is waiting for a decision.</source>
            <translation>Không có đề nghị nào đã qua Hội đồng đang chờ quyết định cho danh hiệu/hình thức này.</translation>
        </message>
        <message>
            <source>Type the decision date to compute the reward money.</source>
            <translation>Nhập ngày quyết định để tính tiền thưởng.</translation>
        </message>
        <message>
            <source>The catalog has no reward amount for this award (not verified): no money is computed.</source>
            <translation>Danh mục chưa có mức tiền thưởng cho danh hiệu/hình thức này (chưa xác minh): không tính tiền thưởng.</translation>
        </message>
        <message>
            <source>Base salary on the decision date: %1. Total reward for %2 recipient(s): %3.</source>
            <translation>Mức lương cơ sở tại ngày quyết định: %1. Tổng tiền thưởng cho %2 người/tập thể: %3.</translation>
        </message>
        <message>
            <source>Cannot issue the decision</source>
            <translation>Không ban hành được quyết định</translation>
        </message>
        <message>
            <source>Decision issued</source>
            <translation>Đã ban hành quyết định</translation>
        </message>
        <message>
            <source>Decision %1 was issued for %2 recipient(s); their award history is updated.</source>
            <translation>Đã ban hành Quyết định số %1 cho %2 người/tập thể; quá trình khen thưởng của từng người đã được cập nhật.</translation>
        </message>
        <message>
            <source>Not issued: the chairman's reason is needed for %1. Click “Issue the decision” again to write it, or untick them to leave them out of this decision.</source>
            <translation>Chưa ban hành: cần lý do của Chủ tịch cho %1. Bấm «Ban hành quyết định» lần nữa để ghi lý do, hoặc bỏ dấu tích để không đưa các trường hợp này vào quyết định.</translation>
        </message>
        <message>
            <source>«%1» does not meet the criteria by the app's check on the decision date (%2). Click “Issue the decision” again and write the chairman's reason in the window that opens, or untick the nominee to leave them out.</source>
            <translation>«%1» chưa đạt tiêu chuẩn theo kết quả tự kiểm tra tại ngày quyết định (%2). Bấm «Ban hành quyết định» lần nữa và ghi lý do của Chủ tịch trong cửa sổ hiện ra, hoặc bỏ dấu tích trường hợp này để không đưa vào quyết định.</translation>
        </message>
        <message>
            <source>Decision corrected</source>
            <translation>Đã đính chính quyết định</translation>
        </message>
        <message>
            <source>Decision %1 was corrected for %2 recipient(s); their award history is updated.</source>
            <translation>Đã đính chính Quyết định %1 cho %2 người/tập thể được khen; sổ theo dõi khen thưởng đã được cập nhật.</translation>
        </message>
        <message>
            <source>Issue a decision</source>
            <translation>Ra quyết định</translation>
        </message>
        <message>
            <source>Decisions issued</source>
            <translation>Quyết định đã ban hành</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Người ký</translation>
        </message>
        <message>
            <source>Signer's title</source>
            <translation>Chức vụ người ký</translation>
        </message>
        <message>
            <source>Title or form granted</source>
            <translation>Danh hiệu/hình thức khen thưởng</translation>
        </message>
        <message>
            <source>Council-voted nominations to include</source>
            <translation>Các đề nghị đã qua Hội đồng được khen thưởng</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Người/tập thể được khen thưởng</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>Tiền thưởng</translation>
        </message>
        <message>
            <source>Issue the decision</source>
            <translation>Ban hành quyết định</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Number of recipients</source>
            <translation>Số người/tập thể được khen</translation>
        </message>
        <message>
            <source>Total reward</source>
            <translation>Tổng tiền thưởng</translation>
        </message>
        <message>
            <source>Correct this decision…</source>
            <translation>Đính chính quyết định này…</translation>
        </message>
        <message>
            <source>Re-issue the selected decision with its number, date, signer or recipients corrected; the award histories follow</source>
            <translation>Ban hành lại quyết định đang chọn với số, ngày, người ký hoặc danh sách được khen đã sửa; sổ theo dõi khen thưởng được cập nhật theo</translation>
        </message>
    </context>
    <context>
        <name>DisciplineSection</name>
        <message>
            <source>Discipline</source>
            <translation>Kỷ luật</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>End of period</source>
            <translation>Ngày hết thời hạn</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Add discipline record</source>
            <translation>Thêm kỷ luật</translation>
        </message>
    </context>
    <context>
        <name>DocumentSettingsBox</name>
        <message>
            <source>Documents</source>
            <translation>Văn bản</translation>
        </message>
        <message>
            <source>Saved. New documents use these names.</source>
            <translation>Đã lưu. Các văn bản in từ nay dùng các tên này.</translation>
        </message>
        <message>
            <source>Printed documents</source>
            <translation>Văn bản in</translation>
        </message>
        <message>
            <source>Chairman's full name</source>
            <translation>Họ tên Chủ tịch UBND</translation>
        </message>
        <message>
            <source>Vice-chairman's full name</source>
            <translation>Họ tên Phó Chủ tịch UBND</translation>
        </message>
        <message>
            <source>Place name in dates</source>
            <translation>Địa danh ghi ngày tháng</translation>
        </message>
        <message>
            <source>Drafting unit (Lưu: VT, …)</source>
            <translation>Đơn vị soạn thảo (Lưu: VT, …)</translation>
        </message>
        <message>
            <source>Province's rules on emulation: decision number</source>
            <translation>Quy định thi đua, khen thưởng của tỉnh: số quyết định</translation>
        </message>
        <message>
            <source>Province's rules: date issued</source>
            <translation>Quy định của tỉnh: ngày ban hành</translation>
        </message>
        <message>
            <source>Province's rules: title</source>
            <translation>Quy định của tỉnh: tên văn bản</translation>
        </message>
        <message>
            <source>From the province: %1</source>
            <translation>Theo tỉnh: %1</translation>
        </message>
        <message>
            <source>e.g. 25/2025/QĐ-UBND</source>
            <translation>ví dụ 25/2025/QĐ-UBND</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>ngày/tháng/năm</translation>
        </message>
        <message>
            <source>Printed in “Căn cứ Quyết định số … ban hành Quy định công tác thi đua, khen thưởng”. The province's values travel to its communes with the document wording; a commune's own value, when filled in, is used instead. Left empty, the documents keep the dotted blank.</source>
            <translation>In vào dòng “Căn cứ Quyết định số … ban hành Quy định công tác thi đua, khen thưởng”. Giá trị do tỉnh nhập được gửi xuống các xã cùng mẫu văn bản; giá trị xã tự nhập (nếu có) được dùng thay. Để trống thì văn bản giữ dòng chấm.</translation>
        </message>
        <message>
            <source>Empty: the commune's name</source>
            <translation>Để trống: dùng tên xã</translation>
        </message>
        <message>
            <source>Enter in Officials who sign documents</source>
            <translation>Nhập tại mục Lãnh đạo ký văn bản</translation>
        </message>
        <message>
            <source>Who is in office today, from Officials who sign documents</source>
            <translation>Người đương nhiệm hôm nay, theo mục Lãnh đạo ký văn bản</translation>
        </message>
        <message>
            <source>The vice-chairman signs (KT. CHỦ TỊCH)</source>
            <translation>Phó Chủ tịch ký thay (KT. CHỦ TỊCH)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <source>Certificate blanks…</source>
            <translation>Căn chỉnh in phôi…</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>Imported: %1 new, %2 updated, %3 awards added; %4 rows were not written.</source>
            <translation>Đã nhập: thêm mới %1, cập nhật %2, thêm %3 khen thưởng; %4 dòng không được ghi.</translation>
        </message>
        <message>
            <source>Step 4 of 4: done</source>
            <translation>Bước 4/4: hoàn tất</translation>
        </message>
        <message>
            <source>The rows were written to the register in one go.</source>
            <translation>Các dòng đã được ghi vào sổ trong một lần.</translation>
        </message>
    </context>
    <context>
        <name>DossierPage</name>
        <message>
            <source>Documents and photos (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;All files (*)</source>
            <translation>Văn bản và ảnh (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.xls *.xlsx);;Tất cả các tệp (*)</translation>
        </message>
        <message>
            <source>Step 5 of 6: dossier</source>
            <translation>Bước 5/6: hồ sơ đề nghị khen thưởng</translation>
        </message>
        <message>
            <source>Tick the documents this nominee's dossier has and attach their scans or files.</source>
            <translation>Đánh dấu các thành phần hồ sơ đã có và đính kèm bản chụp hoặc tệp của từng thành phần.</translation>
        </message>
        <message>
            <source>Document (* required)</source>
            <translation>Thành phần hồ sơ (* bắt buộc)</translation>
        </message>
        <message>
            <source>Attached files</source>
            <translation>Tệp đính kèm</translation>
        </message>
        <message>
            <source>Same ticks for every nominee</source>
            <translation>Đánh dấu giống nhau cho tất cả</translation>
        </message>
        <message>
            <source>Attach…</source>
            <translation>Đính kèm…</translation>
        </message>
        <message>
            <source>Remove files</source>
            <translation>Bỏ tệp</translation>
        </message>
        <message>
            <source>Still missing: %1</source>
            <translation>Còn thiếu: %1</translation>
        </message>
        <message>
            <source>Every required document is ticked.</source>
            <translation>Đã đủ các thành phần hồ sơ bắt buộc.</translation>
        </message>
        <message>
            <source>Attach documents</source>
            <translation>Đính kèm văn bản</translation>
        </message>
    </context>
    <context>
        <name>DossierReviewScreen</name>
        <message>
            <source>Dossier review — %1</source>
            <translation>Thẩm định hồ sơ — %1</translation>
        </message>
        <message>
            <source>Status: %1 · version %2</source>
            <translation>Tình trạng: %1 · phiên bản %2</translation>
        </message>
        <message>
            <source>the commune is correcting it</source>
            <translation>xã đang sửa</translation>
        </message>
        <message>
            <source>Changed since review (the last review looked at version %1)</source>
            <translation>Đã sửa sau thẩm định (lần thẩm định gần nhất xem phiên bản %1)</translation>
        </message>
        <message>
            <source>Printed from the dossier</source>
            <translation>In từ dữ liệu hồ sơ</translation>
        </message>
        <message>
            <source>Files the commune attached</source>
            <translation>Tệp xã đính kèm</translation>
        </message>
        <message>
            <source>(no file attached)</source>
            <translation>(không có tệp đính kèm)</translation>
        </message>
        <message>
            <source>(if any)</source>
            <translation>(nếu có)</translation>
        </message>
        <message>
            <source>Checked by %1 on %2</source>
            <translation>%1 kiểm tra lúc %2</translation>
        </message>
        <message>
            <source>Checked on an earlier version: the commune changed the dossier since.</source>
            <translation>Đã kiểm tra trên phiên bản trước: sau đó xã đã sửa hồ sơ.</translation>
        </message>
        <message numerus="yes">
            <source>Yes, %n file(s)</source>
            <translation>
                <numerusform>Có, %n tệp</numerusform>
            </translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>Not sent</source>
            <translation>Chưa gửi</translation>
        </message>
        <message>
            <source>The province's catalog has no award with this code</source>
            <translation>Danh mục của tỉnh không có danh hiệu/hình thức mã này</translation>
        </message>
        <message>
            <source>Result with the province's catalog (%1) on %2: %3</source>
            <translation>Kết quả theo danh mục của tỉnh (%1) ngày %2: %3</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>Không đạt</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Chưa rõ</translation>
        </message>
        <message>
            <source>(checked at the province, across communes)</source>
            <translation>(tỉnh kiểm tra, trên dữ liệu mọi xã)</translation>
        </message>
        <message>
            <source>an office not enrolled</source>
            <translation>một đơn vị chưa kết nối</translation>
        </message>
        <message>
            <source>the nominating commune</source>
            <translation>xã đề nghị</translation>
        </message>
        <message>
            <source>same CCCD, registered as %1</source>
            <translation>cùng số CCCD, ghi tên %1</translation>
        </message>
        <message>
            <source>no award recorded</source>
            <translation>chưa có khen thưởng</translation>
        </message>
        <message>
            <source>%1 award(s), %2 yearly rating(s), %3 discipline record(s)</source>
            <translation>%1 khen thưởng, %2 kết quả xếp loại năm, %3 kỷ luật</translation>
        </message>
        <message>
            <source>People are matched across communes by CCCD.</source>
            <translation>Đối chiếu cá nhân giữa các xã theo số CCCD.</translation>
        </message>
        <message>
            <source>The nominee has no CCCD recorded: only the nominating commune's records were used.</source>
            <translation>Chưa có số CCCD của người được đề nghị: chỉ dùng dữ liệu của xã đề nghị.</translation>
        </message>
        <message>
            <source>A collective or household is one commune's own: its records were used.</source>
            <translation>Tập thể, hộ gia đình thuộc riêng một xã: đã dùng dữ liệu của xã đó.</translation>
        </message>
        <message>
            <source>Records used:</source>
            <translation>Dữ liệu đã dùng:</translation>
        </message>
        <message>
            <source>before the verdict: %1</source>
            <translation>trước kết quả: %1</translation>
        </message>
        <message>
            <source>No comment yet.</source>
            <translation>Chưa có ý kiến.</translation>
        </message>
        <message>
            <source>Not reviewed yet.</source>
            <translation>Chưa thẩm định.</translation>
        </message>
        <message>
            <source>Last review: %1 on %2 (version %3)</source>
            <translation>Lần thẩm định gần nhất: %1 lúc %2 (phiên bản %3)</translation>
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
            <source>Return the dossier</source>
            <translation>Trả lại hồ sơ</translation>
        </message>
        <message>
            <source>Reject the dossier</source>
            <translation>Không đồng ý hồ sơ</translation>
        </message>
        <message>
            <source>Why is it returned? The commune sees this reason, and the checklist, after its next bundle, and can submit the dossier again.</source>
            <translation>Vì sao trả lại? Xã sẽ thấy lý do này và danh mục kiểm tra sau gói đồng bộ tiếp theo, và có thể trình lại hồ sơ.</translation>
        </message>
        <message>
            <source>Why is it rejected? The commune sees this reason after its next bundle.</source>
            <translation>Vì sao không đồng ý? Xã sẽ thấy lý do này sau gói đồng bộ tiếp theo.</translation>
        </message>
        <message>
            <source>Approve the dossier</source>
            <translation>Đồng ý hồ sơ</translation>
        </message>
        <message numerus="yes">
            <source>%n required item(s) of the checklist are not checked. Approve the dossier anyway?</source>
            <translation>
                <numerusform>Còn %n thành phần bắt buộc trong danh mục chưa được kiểm tra. Vẫn đồng ý hồ sơ?</numerusform>
            </translation>
        </message>
        <message>
            <source>Dossier documents</source>
            <translation>Văn bản của hồ sơ</translation>
        </message>
        <message>
            <source>Checklist of the dossier items</source>
            <translation>Danh mục kiểm tra thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Eligibility, recomputed at the province</source>
            <translation>Điều kiện, tỉnh kiểm tra lại</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <source>Open / preview</source>
            <translation>Mở / xem trước</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Đã kiểm tra</translation>
        </message>
        <message>
            <source>Dossier item</source>
            <translation>Thành phần hồ sơ</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Xã đã gửi</translation>
        </message>
        <message>
            <source>Note (double-click to write)</source>
            <translation>Ghi chú (nhấp đúp để ghi)</translation>
        </message>
        <message>
            <source>Tick an item once you have checked it in the dossier; a note says what is wrong. They travel to the commune with the verdict.</source>
            <translation>Đánh dấu thành phần đã kiểm tra trong hồ sơ; ghi chú nêu điểm chưa đạt. Danh mục được gửi về xã cùng kết quả thẩm định.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Reason and evidence</source>
            <translation>Lý do và minh chứng</translation>
        </message>
        <message>
            <source>A comment for the other reviewers (stays at the province)</source>
            <translation>Ý kiến cho các cán bộ thẩm định khác (chỉ lưu ở tỉnh)</translation>
        </message>
        <message>
            <source>Add comment</source>
            <translation>Thêm ý kiến</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Trả lại…</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Không đồng ý…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesScreen</name>
        <message>
            <source>Finding</source>
            <translation>Trường hợp</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Communes</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Same person</source>
            <translation>Cùng một người</translation>
        </message>
        <message>
            <source>Nominated twice</source>
            <translation>Đề nghị trùng</translation>
        </message>
        <message>
            <source>Histories differ</source>
            <translation>Khen thưởng không khớp</translation>
        </message>
        <message>
            <source>The same person on two communes' registers, nominated by both (or one record held back among the pending records)</source>
            <translation>Cùng một người có trong sổ theo dõi của hai xã, được cả hai xã đề nghị (hoặc một bản ghi đang chờ xử lý)</translation>
        </message>
        <message>
            <source>The same person nominated twice for one award in the same year or period, by one commune or by two</source>
            <translation>Cùng một người được đề nghị hai lần cho cùng một hình thức khen thưởng trong cùng năm hoặc cùng giai đoạn, do một hoặc hai xã đề nghị</translation>
        </message>
        <message>
            <source>Two communes record this person's awards differently, or one lacks an award the other records</source>
            <translation>Hai xã ghi quá trình khen thưởng của người này khác nhau, hoặc một xã thiếu khen thưởng mà xã kia có ghi</translation>
        </message>
        <message>
            <source>Same CCCD number</source>
            <translation>Trùng số CCCD</translation>
        </message>
        <message>
            <source>Same name, date of birth and ethnic group (a CCCD number is missing)</source>
            <translation>Trùng họ tên, ngày sinh và dân tộc (thiếu số CCCD)</translation>
        </message>
        <message>
            <source>One record, nominated twice</source>
            <translation>Một hồ sơ cá nhân được đề nghị hai lần</translation>
        </message>
        <message>
            <source>Different people: not a duplicate</source>
            <translation>Hai người khác nhau: không trùng lặp</translation>
        </message>
        <message>
            <source>Same person: keep both nominations, note it</source>
            <translation>Cùng một người: giữ cả hai đề nghị, ghi nhận lại</translation>
        </message>
        <message>
            <source>Same person: return one nomination to its commune</source>
            <translation>Cùng một người: trả lại một đề nghị cho xã</translation>
        </message>
        <message>
            <source>Same person: link the held-back record to the person already held</source>
            <translation>Cùng một người: liên kết bản ghi chờ xử lý với người đã có</translation>
        </message>
        <message>
            <source>Return a nomination</source>
            <translation>Trả lại đề nghị</translation>
        </message>
        <message>
            <source>Return “%1” to its commune with this reason? The commune receives it in the next bundle.</source>
            <translation>Trả lại «%1» cho xã với lý do này? Xã nhận được kết quả trong gói đồng bộ tiếp theo.</translation>
        </message>
        <message>
            <source>All findings</source>
            <translation>Tất cả các trường hợp</translation>
        </message>
        <message>
            <source>Search a person or a commune (accents optional)</source>
            <translation>Tìm theo tên người hoặc tên xã (có dấu hay không dấu đều được)</translation>
        </message>
        <message>
            <source>Answer</source>
            <translation>Xử lý</translation>
        </message>
        <message>
            <source>Choice</source>
            <translation>Cách xử lý</translation>
        </message>
        <message>
            <source>Nomination to return</source>
            <translation>Đề nghị trả lại</translation>
        </message>
        <message>
            <source>Reason (required)</source>
            <translation>Lý do (bắt buộc)</translation>
        </message>
        <message>
            <source>Save the answer</source>
            <translation>Lưu cách xử lý</translation>
        </message>
        <message>
            <source>No open duplicate: no person is nominated by two communes or twice for the same achievement, and no award histories disagree.</source>
            <translation>Không còn trường hợp trùng lặp nào: không có người nào được hai xã đề nghị hay được đề nghị hai lần cho cùng một thành tích, và không có quá trình khen thưởng nào không khớp.</translation>
        </message>
        <message>
            <source>Showing %1 of %2 open findings. Both sides are always kept: an answer never deletes or merges a commune's record.</source>
            <translation>Đang hiện %1 trong %2 trường hợp chưa xử lý. Cả hai bên luôn được giữ nguyên: việc xử lý không bao giờ xóa hay gộp hồ sơ của xã.</translation>
        </message>
        <message>
            <source>Select a finding to see both sides.</source>
            <translation>Chọn một trường hợp để xem hai bên.</translation>
        </message>
        <message>
            <source>The names are written differently (accents, or another Unicode form); they are the same once accents are set aside.</source>
            <translation>Họ tên có cách viết khác nhau (dấu, hoặc kiểu mã Unicode khác); bỏ dấu đi thì giống nhau.</translation>
        </message>
        <message>
            <source>One record is held back among the pending records (Sync screen): it is shown here all the same.</source>
            <translation>Một bản ghi đang nằm trong các bản ghi chờ xử lý (màn hình Đồng bộ): vẫn được hiện ở đây.</translation>
        </message>
        <message>
            <source>The communes' award histories of this person disagree: highlighted below.</source>
            <translation>Quá trình khen thưởng của người này ở các xã không khớp nhau: được tô màu bên dưới.</translation>
        </message>
        <message>
            <source>Not flagged again while these two records stay as they are.</source>
            <translation>Không báo lại chừng nào hai hồ sơ này còn giữ nguyên.</translation>
        </message>
        <message>
            <source>Both nominations stay; the answer is noted.</source>
            <translation>Cả hai đề nghị được giữ; cách xử lý được ghi lại.</translation>
        </message>
        <message>
            <source>The chosen nomination is returned through the review, with this reason.</source>
            <translation>Đề nghị được chọn được trả lại qua bước thẩm định, kèm lý do này.</translation>
        </message>
        <message>
            <source>The held-back record is remembered as the person already held, and applied beside it as soon as nothing else holds it back.</source>
            <translation>Bản ghi chờ xử lý được ghi nhận là người đã có, và được nhận vào bên cạnh người đó ngay khi không còn gì cản trở.</translation>
        </message>
    </context>
    <context>
        <name>EligibilityPage</name>
        <message>
            <source>Step 3 of 6: eligibility</source>
            <translation>Bước 3/6: tiêu chuẩn</translation>
        </message>
        <message>
            <source>Green: met. Red: not met. Amber: information missing or your confirmation needed.</source>
            <translation>Xanh: đạt. Đỏ: không đạt. Vàng: còn thiếu thông tin hoặc cần cán bộ xác nhận.</translation>
        </message>
        <message>
            <source>Criterion</source>
            <translation>Tiêu chí</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <source>Reason and evidence</source>
            <translation>Lý do và minh chứng</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Căn cứ</translation>
        </message>
        <message>
            <source>Tick a qualitative criterion (such as solidarity or taking part in the movements) once you have confirmed it for this nominee.</source>
            <translation>Đánh dấu tiêu chuẩn định tính (như đoàn kết, tích cực tham gia phong trào thi đua) sau khi đã xác nhận đối với người/tập thể này.</translation>
        </message>
        <message>
            <source>preferred among equals</source>
            <translation>được ưu tiên khi thành tích ngang nhau</translation>
        </message>
        <message>
            <source>Equally qualified candidates: the law prefers women, and collectives with at least %1% women (Decree 152/2025, Art. 4(6)). They are listed first.</source>
            <translation>Khi các trường hợp có thành tích ngang nhau, ưu tiên khen thưởng nữ và tập thể có từ %1% nữ trở lên (Nghị định 152/2025/NĐ-CP, Điều 4 khoản 6); các trường hợp này được xếp trước.</translation>
        </message>
        <message>
            <source>Met</source>
            <translation>Đạt</translation>
        </message>
        <message>
            <source>Not met</source>
            <translation>Không đạt</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Chưa rõ</translation>
        </message>
        <message>
            <source>Legal basis: %1</source>
            <translation>Căn cứ: %1</translation>
        </message>
        <message>
            <source>%1: %2 of at most %3 allowed</source>
            <translation>%1: %2 người / tối đa %3 người được đề nghị</translation>
        </message>
    </context>
    <context>
        <name>EnrolmentDialog</name>
        <message>
            <source>Connect with the provincial office</source>
            <translation>Kết nối với văn phòng tỉnh</translation>
        </message>
        <message>
            <source>This enrolment file was issued by %1 (%2) for %3 (%4) on %5.</source>
            <translation>Tệp kết nối này do %1 (%2) cấp cho %3 (%4) ngày %5.</translation>
        </message>
        <message>
            <source>Call the emulation and commendation office of the province. Read them this office's fingerprint, and ask them to read you the province's. Connect only if the province's code below is exactly the one they read.</source>
            <translation>Hãy gọi điện cho Ban Thi đua - Khen thưởng tỉnh. Đọc cho họ mã xác thực của đơn vị mình và đề nghị họ đọc mã của tỉnh. Chỉ kết nối khi mã của tỉnh dưới đây đúng từng ký tự với mã họ đọc.</translation>
        </message>
        <message>
            <source>Province's fingerprint:</source>
            <translation>Mã xác thực của tỉnh:</translation>
        </message>
        <message>
            <source>This office's fingerprint:</source>
            <translation>Mã xác thực của đơn vị:</translation>
        </message>
        <message>
            <source>This office is already connected with the province under the fingerprint %1. Loading this file replaces it: do so only if the province told you it issued a new file.</source>
            <translation>Đơn vị đang kết nối với tỉnh theo mã xác thực %1. Nạp tệp này sẽ thay mã đó: chỉ nạp khi tỉnh báo đã cấp tệp kết nối mới.</translation>
        </message>
        <message>
            <source>The codes match — connect</source>
            <translation>Mã khớp — kết nối</translation>
        </message>
    </context>
    <context>
        <name>ExcelActions</name>
        <message>
            <source>Export to Excel</source>
            <translation>Xuất ra Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Bảng tính Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Writing the Excel workbook…</source>
            <translation>Đang ghi bảng tính Excel…</translation>
        </message>
        <message>
            <source>Exported %1 rows to %2.</source>
            <translation>Đã xuất %1 dòng vào %2.</translation>
        </message>
    </context>
    <context>
        <name>ExcelButton</name>
        <message>
            <source>Excel</source>
            <translation>Excel</translation>
        </message>
        <message>
            <source>Import from and export to Excel workbooks</source>
            <translation>Nhập từ và xuất ra bảng tính Excel</translation>
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
        <name>ExportPanel</name>
        <message>
            <source>USB drive %1</source>
            <translation>Ổ USB %1</translation>
        </message>
        <message>
            <source>Choose a folder…</source>
            <translation>Chọn thư mục…</translation>
        </message>
        <message>
            <source>Where to write the sync bundle</source>
            <translation>Chọn nơi ghi gói đồng bộ</translation>
        </message>
        <message>
            <source>Writing the sync bundle…</source>
            <translation>Đang ghi gói đồng bộ…</translation>
        </message>
        <message>
            <source>Nothing new to send.</source>
            <translation>Không có gì mới để gửi.</translation>
        </message>
        <message>
            <source>Sync bundle written: %1</source>
            <translation>Đã ghi gói đồng bộ: %1</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Xuất</translation>
        </message>
        <message>
            <source>Send to:</source>
            <translation>Gửi đến:</translation>
        </message>
        <message>
            <source>Write to:</source>
            <translation>Ghi vào:</translation>
        </message>
        <message>
            <source>What goes out:</source>
            <translation>Nội dung sẽ gửi:</translation>
        </message>
        <message>
            <source>What goes out: nothing new</source>
            <translation>Nội dung sẽ gửi: không có gì mới</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Loại dữ liệu</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Số bản ghi</translation>
        </message>
        <message>
            <source>Not yet sent: %1 · sent, awaiting confirmation by the province: %2</source>
            <translation>Chưa gửi: %1 · đã gửi, chờ tỉnh xác nhận: %2</translation>
        </message>
        <message>
            <source>Not yet sent: %1 · sent, awaiting confirmation by the commune: %2</source>
            <translation>Chưa gửi: %1 · đã gửi, chờ xã xác nhận: %2</translation>
        </message>
        <message>
            <source>A bundle carries everything the other office has not confirmed yet, so a lost stick is covered by the next one. Records awaiting confirmation go out again until the other office's bundle confirms them.</source>
            <translation>Mỗi gói mang theo mọi thay đổi mà bên kia chưa xác nhận đã nhận, nên nếu USB trước bị thất lạc thì gói sau vẫn đủ. Các bản ghi chờ xác nhận sẽ được gửi lại cho tới khi gói của bên kia xác nhận đã nhận.</translation>
        </message>
        <message>
            <source>Look for USB drives again</source>
            <translation>Tìm lại ổ USB</translation>
        </message>
        <message>
            <source>Export sync bundle</source>
            <translation>Xuất gói đồng bộ</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose an Excel file</source>
            <translation>Chọn tệp Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx);;All files (*)</source>
            <translation>Bảng tính Excel (*.xlsx);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Đang đọc tệp…</translation>
        </message>
        <message>
            <source>Choose the Excel file (.xlsx) the commune keeps. Nothing is written until you have checked every row and confirmed.</source>
            <translation>Chọn tệp Excel (.xlsx) xã đang lưu. Chưa có gì được ghi vào sổ cho đến khi anh/chị kiểm tra từng dòng và xác nhận.</translation>
        </message>
        <message>
            <source>Sheet «%1»: header on row %2, data from row %4; %5 columns recognised.</source>
            <translation>Trang «%1»: dòng tiêu đề %2, dữ liệu từ dòng %4; nhận ra %5 cột.</translation>
        </message>
        <message>
            <source>Sheet «%1»: header on rows %2–%3, data from row %4; %5 columns recognised.</source>
            <translation>Trang «%1»: dòng tiêu đề %2–%3, dữ liệu từ dòng %4; nhận ra %5 cột.</translation>
        </message>
        <message>
            <source>Sheet «%1»: no header row was recognised. In the next step, point at the header rows and choose the columns.</source>
            <translation>Trang «%1»: không nhận ra dòng tiêu đề. Ở bước sau, hãy chỉ ra các dòng tiêu đề và chọn cột.</translation>
        </message>
        <message>
            <source>Step 1 of 4: the file</source>
            <translation>Bước 1/4: chọn tệp</translation>
        </message>
        <message>
            <source>People, collectives, award history, yearly ratings, initiatives or disciplinary decisions from an Excel list, also one exported by other software. Headers with or without accents, in any order, over merged cells are recognised.</source>
            <translation>Cá nhân, tập thể, quá trình khen thưởng, xếp loại hằng năm, sáng kiến hoặc kỷ luật từ một danh sách Excel, kể cả tệp xuất từ phần mềm khác. Dòng tiêu đề có dấu hay không dấu, cột theo thứ tự nào, ô gộp nhiều dòng đều được nhận ra.</translation>
        </message>
        <message>
            <source>The file &amp;lists</source>
            <translation>&amp;Tệp là danh sách</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>Tệ&amp;p</translation>
        </message>
        <message>
            <source>&amp;Sheet</source>
            <translation>Trang &amp;tính</translation>
        </message>
        <message>
            <source>Award &amp;year</source>
            <translation>&amp;Năm khen thưởng</translation>
        </message>
        <message>
            <source>Only for a file without an award-year column; filled in from the title when it names the year.</source>
            <translation>Chỉ dùng cho tệp không có cột năm khen thưởng; tự điền theo tiêu đề nếu tiêu đề ghi năm.</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Chọn tệp…</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Collectives and households</source>
            <translation>Tập thể, hộ gia đình</translation>
        </message>
        <message>
            <source>Award history</source>
            <translation>Quá trình khen thưởng</translation>
        </message>
        <message>
            <source>Task ratings</source>
            <translation>Xếp loại hằng năm</translation>
        </message>
        <message>
            <source>Initiatives</source>
            <translation>Sáng kiến</translation>
        </message>
        <message>
            <source>Disciplinary decisions</source>
            <translation>Quyết định kỷ luật</translation>
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
        <name>FirstAdminDialog</name>
        <message>
            <source>The office's first administrator</source>
            <translation>Quản trị viên đầu tiên của văn phòng</translation>
        </message>
        <message>
            <source>Several officers share the office server, each with an account. Create the first one now: an administrator, who then adds the others (Settings → Accounts).</source>
            <translation>Nhiều cán bộ dùng chung máy chủ của văn phòng, mỗi người một tài khoản. Hãy tạo tài khoản đầu tiên ngay bây giờ: quản trị viên, người sẽ thêm các tài khoản khác (Cài đặt → Tài khoản).</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <source>e.g. hoa.nt</source>
            <translation>ví dụ: hoa.nt</translation>
        </message>
        <message>
            <source>Create the administrator</source>
            <translation>Tạo quản trị viên</translation>
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
            <source>e.g. Nông Thị Hoa</source>
            <translation>ví dụ: Nông Thị Hoa</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Chọn tệp…</translation>
        </message>
        <message>
            <source>The data stays on this computer. Set up the real office to work and to send bundles to the province; to look around first, try the app with demo data in a separate trial office.</source>
            <translation>Dữ liệu được lưu ngay trên máy này. Thiết lập văn phòng thật để làm việc và gửi gói đồng bộ lên tỉnh; nếu muốn xem thử trước, hãy dùng thử với dữ liệu mẫu trong một văn phòng dùng thử riêng.</translation>
        </message>
        <message>
            <source>Set up the office</source>
            <translation>Thiết lập văn phòng</translation>
        </message>
        <message>
            <source>Try with demo data</source>
            <translation>Thử với dữ liệu mẫu</translation>
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
        <message>
            <source>Enrolment file</source>
            <translation>Tệp kết nối</translation>
        </message>
        <message>
            <source>Where the office's data is kept</source>
            <translation>Nơi lưu dữ liệu của văn phòng</translation>
        </message>
        <message>
            <source>This computer (SQLite)</source>
            <translation>Máy tính này (SQLite)</translation>
        </message>
        <message>
            <source>The office server, shared by the officers (PostgreSQL)</source>
            <translation>Máy chủ của văn phòng, dùng chung (PostgreSQL)</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.10</source>
            <translation>ví dụ: 192.168.1.10</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>Kiểm tra kết nối</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>Địa chỉ máy chủ</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Cổng</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Database user</source>
            <translation>Tên đăng nhập cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>Database password</source>
            <translation>Mật khẩu cơ sở dữ liệu</translation>
        </message>
        <message>
            <source>The data is kept on the office server: each officer's computer connects to it, and each officer signs in with an account of their own. The password of the database is kept on this computer, sealed; if the office is already set up on the server, this computer simply connects to it.</source>
            <translation>Dữ liệu được lưu trên máy chủ của văn phòng: máy của từng cán bộ kết nối tới đó, và mỗi cán bộ đăng nhập bằng tài khoản riêng. Mật khẩu cơ sở dữ liệu được lưu niêm phong trên máy này; nếu văn phòng đã được thiết lập trên máy chủ thì máy này chỉ kết nối vào.</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>Đang kết nối với máy chủ…</translation>
        </message>
        <message>
            <source>Connected: %1.</source>
            <translation>Đã kết nối: %1.</translation>
        </message>
        <message>
            <source>None yet: you can load it later on the Sync screen.</source>
            <translation>Chưa có: có thể nạp sau ở màn hình Đồng bộ.</translation>
        </message>
        <message>
            <source>%1 (%2) for %3. Province's fingerprint: %4 — compare it with the province by phone.</source>
            <translation>%1 (%2) cấp cho %3. Mã xác thực của tỉnh: %4 — hãy đọc đối chiếu với tỉnh qua điện thoại.</translation>
        </message>
        <message>
            <source>Choose your commune or ward in the list.</source>
            <translation>Hãy chọn xã, phường của mình trong danh sách.</translation>
        </message>
        <message>
            <source>Type the officer's full name: it is recorded with every change.</source>
            <translation>Hãy nhập họ và tên cán bộ: tên này được ghi kèm mọi thay đổi.</translation>
        </message>
        <message>
            <source>The enrolment file is for %1 (%2), not for the unit chosen.</source>
            <translation>Tệp kết nối này cấp cho %1 (%2), không phải cho đơn vị đang chọn.</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>Restored the unsaved draft of this form.</source>
            <translation>Đã khôi phục bản nháp chưa lưu của biểu mẫu này.</translation>
        </message>
        <message>
            <source>Some values are unusual:</source>
            <translation>Một số thông tin có vẻ bất thường:</translation>
        </message>
        <message>
            <source>Save anyway? Choose No to correct them.</source>
            <translation>Vẫn lưu? Chọn «Không» để quay lại sửa.</translation>
        </message>
        <message>
            <source>Please check before saving</source>
            <translation>Cần kiểm tra lại trước khi lưu</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Thay đổi chưa lưu</translation>
        </message>
        <message>
            <source>ticked</source>
            <translation>có đánh dấu</translation>
        </message>
        <message>
            <source>not ticked</source>
            <translation>không đánh dấu</translation>
        </message>
        <message>
            <source>Reload the saved version</source>
            <translation>Tải lại bản đã lưu</translation>
        </message>
        <message>
            <source>You had typed: %1</source>
            <translation>Nội dung đã nhập: %1</translation>
        </message>
        <message>
            <source>(blank)</source>
            <translation>(để trống)</translation>
        </message>
        <message>
            <source>Reloaded the saved version. What you had typed is shown under each field that differs: enter again what you still want, then save.</source>
            <translation>Đã tải lại bản đã lưu. Nội dung đã nhập được ghi dưới từng ô khác với bản đã lưu: nhập lại phần vẫn muốn sửa rồi bấm Lưu.</translation>
        </message>
        <message>
            <source>Reloaded the saved version.</source>
            <translation>Đã tải lại bản đã lưu.</translation>
        </message>
        <message>
            <source>You have unsaved changes. Close and discard them?</source>
            <translation>Có thay đổi chưa lưu. Đóng và bỏ các thay đổi này?</translation>
        </message>
    </context>
    <context>
        <name>GuideAction</name>
        <message>
            <source>User guide</source>
            <translation>Hướng dẫn sử dụng</translation>
        </message>
    </context>
    <context>
        <name>HelpEntries</name>
        <message>
            <source>Check this computer…</source>
            <translation>Kiểm tra máy…</translation>
        </message>
        <message>
            <source>About ThiĐua Desktop</source>
            <translation>Giới thiệu</translation>
        </message>
    </context>
    <context>
        <name>HistorySection</name>
        <message>
            <source>Remove selected</source>
            <translation>Xóa dòng đã chọn</translation>
        </message>
        <message>
            <source>Remove record</source>
            <translation>Xóa bản ghi</translation>
        </message>
        <message>
            <source>Remove the selected record?</source>
            <translation>Xóa bản ghi đã chọn?</translation>
        </message>
    </context>
    <context>
        <name>ImportMapping</name>
        <message>
            <source> or </source>
            <translation> hoặc </translation>
        </message>
        <message>
            <source>* Needed: %1.</source>
            <translation>* Cần có: %1.</translation>
        </message>
    </context>
    <context>
        <name>ImportPanel</name>
        <message>
            <source>Choose a sync bundle</source>
            <translation>Chọn gói đồng bộ</translation>
        </message>
        <message>
            <source>Importing the sync bundle…</source>
            <translation>Đang nhập gói đồng bộ…</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <source>Bundle %1 imported: %2 new, %3 updated, %4 conflicts, %5 pending records.</source>
            <translation>Đã nhập gói %1: %2 bản ghi mới, %3 cập nhật, %4 xung đột dữ liệu, %5 bản ghi chờ xử lý.</translation>
        </message>
        <message>
            <source>Choose a sync bundle…</source>
            <translation>Chọn gói đồng bộ…</translation>
        </message>
        <message>
            <source>Before importing: what the bundle says</source>
            <translation>Trước khi nhập: thông tin của gói đồng bộ</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Từ đơn vị</translation>
        </message>
        <message>
            <source>Sender's fingerprint</source>
            <translation>Mã xác thực của đơn vị gửi</translation>
        </message>
        <message>
            <source>To</source>
            <translation>Gửi cho</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Thời điểm tạo</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Phiên bản</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Kiểm tra</translation>
        </message>
        <message>
            <source>Import report</source>
            <translation>Kết quả nhập</translation>
        </message>
        <message>
            <source>format %1, data schema %2, app %3</source>
            <translation>định dạng %1, cấu trúc dữ liệu %2, phần mềm %3</translation>
        </message>
        <message>
            <source>Intact: the file is complete and undamaged</source>
            <translation>Nguyên vẹn: tệp đầy đủ, không bị hỏng</translation>
        </message>
        <message>
            <source>This bundle is meant for %1, not for this office.</source>
            <translation>Gói này gửi cho %1, không phải cho đơn vị mình.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message>
            <source>New record</source>
            <translation>Thêm mới</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Bỏ qua</translation>
        </message>
        <message>
            <source>Possible duplicate</source>
            <translation>Có thể trùng</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Lỗi</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Collective</source>
            <translation>Tập thể</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <source>row %1 of the file</source>
            <translation>dòng %1 của tệp</translation>
        </message>
        <message>
            <source>Column %1 («%2»): %3</source>
            <translation>Cột %1 («%2»): %3</translation>
        </message>
        <message>
            <source>Column %1: %2</source>
            <translation>Cột %1: %2</translation>
        </message>
        <message>
            <source>Skip this row</source>
            <translation>Bỏ qua dòng này</translation>
        </message>
        <message>
            <source>Add as new</source>
            <translation>Thêm mới</translation>
        </message>
        <message>
            <source>Update the record already there</source>
            <translation>Cập nhật bản ghi đã có</translation>
        </message>
        <message>
            <source>Add as new anyway</source>
            <translation>Vẫn thêm mới</translation>
        </message>
        <message>
            <source>Update %1</source>
            <translation>Cập nhật %1</translation>
        </message>
    </context>
    <context>
        <name>ImportRowsModel</name>
        <message>
            <source>Row</source>
            <translation>Dòng</translation>
        </message>
        <message>
            <source>Row action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <source>Row values</source>
            <translation>Thông tin</translation>
        </message>
        <message>
            <source>Name of the person or collective</source>
            <translation>Họ tên / Tên</translation>
        </message>
        <message>
            <source>On import</source>
            <translation>Khi nhập</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Vấn đề</translation>
        </message>
        <message>
            <source>Awards: %1</source>
            <translation>Khen thưởng: %1</translation>
        </message>
        <message>
            <source>Not written</source>
            <translation>Không ghi</translation>
        </message>
        <message>
            <source>Skip this row</source>
            <translation>Bỏ qua dòng này</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Close the import</source>
            <translation>Đóng phần nhập dữ liệu</translation>
        </message>
        <message>
            <source>The rows you checked have not been written. Close without importing them?</source>
            <translation>Các dòng đã kiểm tra chưa được ghi vào sổ. Đóng mà không nhập?</translation>
        </message>
        <message>
            <source>Import from Excel</source>
            <translation>Nhập từ Excel</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp theo &gt;</translation>
        </message>
        <message>
            <source>Import into the register</source>
            <translation>Nhập vào sổ</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>InitiativesSection</name>
        <message>
            <source>Already used for an award</source>
            <translation>Đã dùng làm căn cứ khen thưởng</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Sáng kiến</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Cấp</translation>
        </message>
        <message>
            <source>Scope of effect</source>
            <translation>Phạm vi ảnh hưởng</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Use</source>
            <translation>Sử dụng</translation>
        </message>
        <message>
            <source>Recognised at</source>
            <translation>Cấp công nhận</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Effect (results)</source>
            <translation>Hiệu quả</translation>
        </message>
        <message>
            <source>Recognised by</source>
            <translation>Cơ quan công nhận</translation>
        </message>
        <message>
            <source>Add initiative</source>
            <translation>Thêm sáng kiến</translation>
        </message>
    </context>
    <context>
        <name>KeyExportDialog</name>
        <message>
            <source>Export the office keys</source>
            <translation>Xuất khóa của văn phòng</translation>
        </message>
        <message>
            <source>The file holds this office's sync keys: whoever has it and its passphrase can sign bundles in the office's name and open the communes' bundles. Save it on a USB stick, load it on the other computer of the office right away, then delete it from the stick. Tell the passphrase to the administrator of the other computer yourself, never on the stick.</source>
            <translation>Tệp này chứa khóa đồng bộ của văn phòng: ai có tệp và mật khẩu của tệp đều ký được gói dữ liệu nhân danh văn phòng và mở được gói của các xã. Hãy lưu tệp vào USB, nạp ngay vào máy kia của văn phòng rồi xóa tệp khỏi USB. Tự mình báo mật khẩu cho quản trị viên của máy kia, không ghi mật khẩu vào USB.</translation>
        </message>
        <message>
            <source>Save the keys to:</source>
            <translation>Lưu khóa vào:</translation>
        </message>
        <message>
            <source>Passphrase (at least 8 characters):</source>
            <translation>Mật khẩu (ít nhất 8 ký tự):</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Save the office keys</source>
            <translation>Lưu khóa của văn phòng</translation>
        </message>
        <message>
            <source>Office key file (*.tdkeys)</source>
            <translation>Tệp khóa của văn phòng (*.tdkeys)</translation>
        </message>
        <message>
            <source>Repeat the passphrase:</source>
            <translation>Nhập lại mật khẩu:</translation>
        </message>
        <message>
            <source>Choose where to save the keys.</source>
            <translation>Hãy chọn nơi lưu khóa.</translation>
        </message>
        <message>
            <source>The two passphrases do not match.</source>
            <translation>Hai lần nhập mật khẩu không khớp nhau.</translation>
        </message>
    </context>
    <context>
        <name>KeyImportDialog</name>
        <message>
            <source>Load the office keys</source>
            <translation>Nạp khóa của văn phòng</translation>
        </message>
        <message>
            <source>Choose the key file exported on the computer that holds the office's sync keys ("Export the office keys for another computer…" on its Sync screen) and type its passphrase. The keys are then kept on this computer, protected for this Windows account.</source>
            <translation>Hãy chọn tệp khóa đã xuất trên máy đang giữ khóa đồng bộ của văn phòng (nút «Xuất khóa của văn phòng cho máy khác…» ở màn hình Đồng bộ của máy đó) và nhập mật khẩu của tệp. Khóa sẽ được giữ trên máy này, được bảo vệ cho tài khoản Windows này.</translation>
        </message>
        <message>
            <source>Key file:</source>
            <translation>Tệp khóa:</translation>
        </message>
        <message>
            <source>Passphrase of the file:</source>
            <translation>Mật khẩu của tệp:</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Choose the office key file</source>
            <translation>Chọn tệp khóa của văn phòng</translation>
        </message>
        <message>
            <source>Office key file (*.tdkeys);;All files (*)</source>
            <translation>Tệp khóa của văn phòng (*.tdkeys);;Mọi tệp (*)</translation>
        </message>
        <message>
            <source>Choose the key file.</source>
            <translation>Hãy chọn tệp khóa.</translation>
        </message>
        <message>
            <source>Type the passphrase of the file.</source>
            <translation>Hãy nhập mật khẩu của tệp.</translation>
        </message>
    </context>
    <context>
        <name>KeyTransferRow</name>
        <message>
            <source>Export the office keys</source>
            <translation>Xuất khóa của văn phòng</translation>
        </message>
        <message>
            <source>%1 already exists. Replace it with the office keys?</source>
            <translation>Tệp %1 đã có. Ghi đè bằng khóa của văn phòng?</translation>
        </message>
        <message>
            <source>The office's %1 key(s) (fingerprint %2) were saved to %3, protected by the passphrase. On the other computer choose "Load the office keys from another computer…", then delete the file from the USB stick.</source>
            <translation>Đã lưu %1 khóa của văn phòng (mã xác thực %2) vào %3, được bảo vệ bằng mật khẩu. Trên máy kia, chọn «Nạp khóa của văn phòng từ máy khác…», rồi xóa tệp khỏi USB.</translation>
        </message>
        <message>
            <source>This computer already holds these keys (fingerprint %1); nothing changed.</source>
            <translation>Máy này đã có đúng các khóa này (mã xác thực %1); không có gì thay đổi.</translation>
        </message>
        <message>
            <source>The office's sync keys (fingerprint %1) are now on this computer: it can export and import bundles. You may delete the key file from the USB stick.</source>
            <translation>Khóa đồng bộ của văn phòng (mã xác thực %1) đã có trên máy này: máy này xuất và nhập được gói dữ liệu. Có thể xóa tệp khóa khỏi USB.</translation>
        </message>
        <message>
            <source>Load the office keys</source>
            <translation>Nạp khóa của văn phòng</translation>
        </message>
        <message>
            <source>This computer has no sync keys yet: load them from the computer that set the office up.</source>
            <translation>Máy tính này chưa có khóa đồng bộ: hãy nạp khóa từ máy đã thiết lập văn phòng.</translation>
        </message>
        <message>
            <source>Export the office keys for another computer…</source>
            <translation>Xuất khóa của văn phòng cho máy khác…</translation>
        </message>
        <message>
            <source>Load the office keys from another computer…</source>
            <translation>Nạp khóa của văn phòng từ máy khác…</translation>
        </message>
        <message>
            <source>For another computer of this office on the shared server: it can then exchange bundles with the communes too.</source>
            <translation>Cho một máy khác của văn phòng dùng chung máy chủ: máy đó cũng trao đổi được gói dữ liệu với các xã.</translation>
        </message>
    </context>
    <context>
        <name>Kind</name>
        <message>
            <source>Regular</source>
            <translation>Thường xuyên</translation>
        </message>
        <message>
            <source>Thematic</source>
            <translation>Theo chuyên đề</translation>
        </message>
        <message>
            <source>Ad hoc</source>
            <translation>Đột xuất</translation>
        </message>
        <message>
            <source>Long-service contribution</source>
            <translation>Quá trình cống hiến</translation>
        </message>
        <message>
            <source>By seniority</source>
            <translation>Theo niên hạn</translation>
        </message>
        <message>
            <source>Foreign relations</source>
            <translation>Đối ngoại</translation>
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
        <name>LegalBasis</name>
        <message>
            <source>the legal basis has not yet been checked against the original legal text</source>
            <translation>căn cứ pháp lý chưa được đối chiếu với văn bản gốc</translation>
        </message>
        <message>
            <source>Checked against the original legal text.</source>
            <translation>Đã đối chiếu với văn bản gốc.</translation>
        </message>
        <message>
            <source>Not yet checked against the original legal text (taken from one secondary source).</source>
            <translation>Chưa đối chiếu với văn bản gốc (lấy từ một nguồn tham khảo khác).</translation>
        </message>
        <message>
            <source>Not yet checked against the original legal text (uncertain or outdated source: to be checked).</source>
            <translation>Chưa đối chiếu với văn bản gốc (nguồn chưa chắc chắn hoặc đã hết hiệu lực, cần kiểm tra lại).</translation>
        </message>
    </context>
    <context>
        <name>Level</name>
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
            <translation>Cấp trung ương</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Sign in — ThiĐua Desktop</source>
            <translation>Đăng nhập — ThiĐua Desktop</translation>
        </message>
        <message>
            <source>%1: sign in with your own account.</source>
            <translation>%1: đăng nhập bằng tài khoản của mình.</translation>
        </message>
        <message>
            <source>Sign in with your own account.</source>
            <translation>Đăng nhập bằng tài khoản của mình.</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>e.g. hoa.nt</source>
            <translation>ví dụ: hoa.nt</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>ThiĐua Desktop — Emulation and commendation</source>
            <translation>ThiĐua Desktop — Thi đua, khen thưởng</translation>
        </message>
        <message>
            <source>TRIAL (demo data)</source>
            <translation>DÙNG THỬ (dữ liệu mẫu)</translation>
        </message>
        <message>
            <source>This is a trial office filled with demo data, kept apart from the real office. Nothing here is ever sent to the province.</source>
            <translation>Đây là văn phòng dùng thử chứa dữ liệu mẫu, tách riêng khỏi văn phòng thật. Không có gì ở đây được gửi lên tỉnh.</translation>
        </message>
        <message>
            <source>Set up the real office…</source>
            <translation>Thiết lập văn phòng thật…</translation>
        </message>
        <message>
            <source>Province overview</source>
            <translation>Tổng quan toàn tỉnh</translation>
        </message>
        <message>
            <source>Review queue</source>
            <translation>Hàng chờ thẩm định</translation>
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
            <source>Duplicates</source>
            <translation>Trùng lặp</translation>
        </message>
        <message>
            <source>Emulation council</source>
            <translation>Hội đồng TĐKT</translation>
        </message>
        <message>
            <source>Decisions</source>
            <translation>Quyết định</translation>
        </message>
        <message>
            <source>Provincial decisions</source>
            <translation>Quyết định cấp tỉnh</translation>
        </message>
        <message>
            <source>Reward fund</source>
            <translation>Quỹ thi đua, khen thưởng</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <source>Province statistics</source>
            <translation>Thống kê toàn tỉnh</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Cài đặt</translation>
        </message>
        <message>
            <source>never</source>
            <translation>chưa có</translation>
        </message>
        <message>
            <source>Not yet sent: %1 · awaiting confirmation: %2 · last sent: %3 · last received: %4</source>
            <translation>Chưa gửi: %1 · chờ xác nhận: %2 · gửi lần cuối: %3 · nhận lần cuối: %4</translation>
        </message>
        <message>
            <source>Not yet sent: changes made since the last sync bundle was written.
Awaiting confirmation: changes already written into a bundle that the other office has not confirmed receiving yet; every new bundle carries them again, in case a stick was lost.</source>
            <translation>Chưa gửi: thay đổi từ sau lần ghi gói đồng bộ gần nhất.
Chờ xác nhận: thay đổi đã ghi vào gói nhưng bên kia chưa xác nhận đã nhận; mỗi gói mới sẽ mang lại các thay đổi này, phòng khi USB bị thất lạc.</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Trợ &amp;giúp</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>— not imported —</source>
            <translation>— không nhập —</translation>
        </message>
        <message>
            <source>No header row was recognised in sheet «%1». Enter the rows of the header above and press “Read again”, or choose the columns below.</source>
            <translation>Không nhận ra dòng tiêu đề ở trang «%1». Hãy nhập các dòng tiêu đề ở trên rồi bấm «Đọc lại», hoặc chọn cột ở dưới.</translation>
        </message>
        <message>
            <source>Data start at row %1.</source>
            <translation>Dữ liệu bắt đầu từ dòng %1.</translation>
        </message>
        <message>
            <source>Choose the column of «%1».</source>
            <translation>Hãy chọn cột của «%1».</translation>
        </message>
        <message>
            <source>Column %1 is chosen for %2; choose it once.</source>
            <translation>Cột %1 được chọn cho %2; chỉ chọn một lần.</translation>
        </message>
        <message>
            <source>Reading the header…</source>
            <translation>Đang đọc dòng tiêu đề…</translation>
        </message>
        <message>
            <source>Reading the rows…</source>
            <translation>Đang đọc các dòng…</translation>
        </message>
        <message>
            <source>Step 2 of 4: columns</source>
            <translation>Bước 2/4: các cột</translation>
        </message>
        <message>
            <source>Check which column of the file holds each piece of information. Columns left “not imported” are ignored.</source>
            <translation>Kiểm tra mỗi thông tin nằm ở cột nào của tệp. Các cột để «không nhập» sẽ được bỏ qua.</translation>
        </message>
        <message>
            <source>&amp;Header rows from</source>
            <translation>&amp;Dòng tiêu đề từ</translation>
        </message>
        <message>
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <source>Read &amp;again</source>
            <translation>Đọc &amp;lại</translation>
        </message>
    </context>
    <context>
        <name>MattersSection</name>
        <message>
            <source>Matter</source>
            <translation>Vụ việc</translation>
        </message>
        <message>
            <source>Opened on</source>
            <translation>Ngày bắt đầu</translation>
        </message>
        <message>
            <source>Closed on</source>
            <translation>Ngày kết thúc</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Closed on (for Close)</source>
            <translation>Ngày kết thúc (khi đóng)</translation>
        </message>
        <message>
            <source>Open matter</source>
            <translation>Thêm vụ việc</translation>
        </message>
        <message>
            <source>Close selected matter</source>
            <translation>Đóng vụ việc đã chọn</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>New council member</source>
            <translation>Thêm thành viên Hội đồng</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Role in the council</source>
            <translation>Vai trò trong Hội đồng</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
    </context>
    <context>
        <name>MemberPicker</name>
        <message>
            <source>Search the register by name…</source>
            <translation>Tìm trong sổ theo dõi theo tên…</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Members (%1)</source>
            <translation>Thành viên (%1)</translation>
        </message>
        <message>
            <source>Add selected people</source>
            <translation>Thêm người đã chọn</translation>
        </message>
        <message>
            <source>Remove from members</source>
            <translation>Bỏ khỏi danh sách thành viên</translation>
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
            <translation>Tình trạng</translation>
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
            <source>Kind of indicator</source>
            <translation>Loại chỉ tiêu</translation>
        </message>
        <message>
            <source>Better when</source>
            <translation>Chiều đánh giá</translation>
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
            <translation>Nhập ngày báo cáo theo dạng ngày/tháng/năm, các ngày cách nhau bằng dấu phẩy.</translation>
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
            <translation>Cấp trung ương</translation>
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
            <source>Count (sum of reports)</source>
            <translation>Số lượng (cộng dồn các lần báo cáo)</translation>
        </message>
        <message>
            <source>Level (latest report)</source>
            <translation>Mức (lấy số liệu báo cáo gần nhất)</translation>
        </message>
        <message>
            <source>Percentage (latest report)</source>
            <translation>Tỷ lệ (lấy số liệu báo cáo gần nhất)</translation>
        </message>
        <message>
            <source>Higher is better</source>
            <translation>Càng cao càng tốt</translation>
        </message>
        <message>
            <source>Lower is better</source>
            <translation>Càng thấp càng tốt</translation>
        </message>
        <message>
            <source>Baseline: %1</source>
            <translation>Số liệu đầu kỳ: %1</translation>
        </message>
        <message>
            <source>Target met</source>
            <translation>Đã đạt chỉ tiêu</translation>
        </message>
        <message>
            <source>Target not met yet</source>
            <translation>Chưa đạt chỉ tiêu</translation>
        </message>
        <message>
            <source>«%1» in «%2» is not a number. Enter for example 12 or 12,5.</source>
            <translation>«%1» ở trường «%2» không phải là số. Hãy nhập, ví dụ: 12 hoặc 12,5.</translation>
        </message>
    </context>
    <context>
        <name>MovementsScreen</name>
        <message>
            <source>Export the indicator table (Excel)…</source>
            <translation>Xuất bảng chỉ tiêu (Excel)…</translation>
        </message>
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
            <source>Movement: %1</source>
            <translation>Phong trào: %1</translation>
        </message>
        <message>
            <source>Select a movement first</source>
            <translation>Hãy chọn một phong trào trước</translation>
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
            <translation>Tình trạng</translation>
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
        <name>NominationWizard</name>
        <message>
            <source>Unsaved nomination</source>
            <translation>Đề nghị chưa lưu</translation>
        </message>
        <message>
            <source>Continue the nomination you had not saved?</source>
            <translation>Tiếp tục đề nghị khen thưởng đang làm dở chưa lưu?</translation>
        </message>
        <message>
            <source>New nomination</source>
            <translation>Đề nghị khen thưởng mới</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Tiếp theo &gt;</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Xác nhận</translation>
        </message>
        <message>
            <source>Save as drafts</source>
            <translation>Lưu bản nháp</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>Trợ giúp</translation>
        </message>
        <message>
            <source>Close the wizard</source>
            <translation>Đóng cửa sổ lập đề nghị</translation>
        </message>
        <message>
            <source>Close without saving these nominations?</source>
            <translation>Đóng mà không lưu các đề nghị này?</translation>
        </message>
    </context>
    <context>
        <name>Nominations</name>
        <message>
            <source>Regular</source>
            <translation>Thường xuyên</translation>
        </message>
        <message>
            <source>Thematic</source>
            <translation>Theo chuyên đề</translation>
        </message>
        <message>
            <source>Ad hoc</source>
            <translation>Đột xuất</translation>
        </message>
        <message>
            <source>Long-service contribution</source>
            <translation>Quá trình cống hiến</translation>
        </message>
        <message>
            <source>Seniority</source>
            <translation>Theo niên hạn</translation>
        </message>
        <message>
            <source>Foreign relations</source>
            <translation>Đối ngoại</translation>
        </message>
        <message>
            <source>Annual</source>
            <translation>Hằng năm</translation>
        </message>
        <message>
            <source>individual</source>
            <translation>cá nhân</translation>
        </message>
        <message>
            <source>collective</source>
            <translation>tập thể</translation>
        </message>
        <message>
            <source>household</source>
            <translation>hộ gia đình</translation>
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
            <source>Dossier:</source>
            <translation>Hồ sơ:</translation>
        </message>
        <message>
            <source>Province's review: %1 on %2</source>
            <translation>Kết quả thẩm định của tỉnh: %1 ngày %2</translation>
        </message>
        <message>
            <source>Reason: %1</source>
            <translation>Lý do: %1</translation>
        </message>
        <message>
            <source>Checklist notes:</source>
            <translation>Ghi chú kiểm tra hồ sơ:</translation>
        </message>
        <message>
            <source>(The dossier was changed after this review.)</source>
            <translation>(Hồ sơ đã được sửa sau lần thẩm định này.)</translation>
        </message>
        <message>
            <source>Submit to the higher level</source>
            <translation>Trình cấp trên</translation>
        </message>
        <message>
            <source>Received by the higher level</source>
            <translation>Cấp trên đã nhận</translation>
        </message>
        <message>
            <source>Under review</source>
            <translation>Đang thẩm định</translation>
        </message>
        <message>
            <source>Approved by the review</source>
            <translation>Thẩm định đồng ý</translation>
        </message>
        <message>
            <source>Returned to complete…</source>
            <translation>Trả lại để bổ sung…</translation>
        </message>
        <message>
            <source>Not approved…</source>
            <translation>Không đồng ý…</translation>
        </message>
        <message>
            <source>Decided by the higher level</source>
            <translation>Cấp trên đã có quyết định</translation>
        </message>
        <message>
            <source>Back to draft</source>
            <translation>Trả về bản nháp</translation>
        </message>
        <message>
            <source>It moves on after the council votes (Emulation council screen).</source>
            <translation>Đề nghị chuyển tiếp sau khi Hội đồng bỏ phiếu (màn hình Hội đồng TĐKT).</translation>
        </message>
        <message>
            <source>A commune-level title is decided on the Decisions screen.</source>
            <translation>Danh hiệu cấp xã được quyết định tại màn hình Quyết định.</translation>
        </message>
        <message>
            <source>This nomination has reached its final status.</source>
            <translation>Đề nghị đã ở trạng thái cuối cùng.</translation>
        </message>
        <message>
            <source>Why? The commune will see this reason in the history.</source>
            <translation>Vì sao? Lý do này được ghi trong lịch sử của đề nghị.</translation>
        </message>
        <message>
            <source>Export the list of nominees (Excel)…</source>
            <translation>Xuất danh sách đề nghị (Excel)…</translation>
        </message>
        <message>
            <source>Select a nomination first</source>
            <translation>Hãy chọn một hồ sơ đề nghị trước</translation>
        </message>
        <message>
            <source>Nomination: %1</source>
            <translation>Hồ sơ: %1</translation>
        </message>
        <message>
            <source>Batch: %1</source>
            <translation>Đợt: %1</translation>
        </message>
        <message>
            <source>Search by nominee name, with or without accents…</source>
            <translation>Tìm theo tên người được đề nghị, gõ có dấu hoặc không dấu…</translation>
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
            <source>New nomination…</source>
            <translation>Đề nghị khen thưởng mới…</translation>
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
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>Tiêu chuẩn</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Lịch sử trạng thái</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Thời điểm</translation>
        </message>
        <message>
            <source>Done by</source>
            <translation>Người thực hiện</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Move to the next status:</source>
            <translation>Chuyển sang trạng thái tiếp theo:</translation>
        </message>
    </context>
    <context>
        <name>NomineesPage</name>
        <message>
            <source>Step 2 of 6: nominees</source>
            <translation>Bước 2/6: người/tập thể được đề nghị</translation>
        </message>
        <message>
            <source>Tick the nominees (Space or double-click). Search ignores accents.</source>
            <translation>Đánh dấu người/tập thể được đề nghị (phím cách hoặc nhấp đúp). Tìm kiếm gõ có dấu hoặc không dấu đều được.</translation>
        </message>
        <message>
            <source>Search by name, with or without accents…</source>
            <translation>Tìm theo tên, gõ có dấu hoặc không dấu…</translation>
        </message>
        <message>
            <source>Remove from the list</source>
            <translation>Bỏ khỏi danh sách</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Position, village</source>
            <translation>Chức vụ, thôn/xóm</translation>
        </message>
        <message numerus="yes">
            <source>Chosen: %n</source>
            <translation>
                <numerusform>Đã chọn: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OfficialsBox</name>
        <message>
            <source>in office</source>
            <translation>đương nhiệm</translation>
        </message>
        <message>
            <source>Remove a term</source>
            <translation>Xóa nhiệm kỳ</translation>
        </message>
        <message>
            <source>Remove %1's term entered by mistake? A term that ended is ended, not removed.</source>
            <translation>Xóa nhiệm kỳ nhập nhầm của %1? Nhiệm kỳ đã hết thì bấm «Kết thúc nhiệm kỳ», không xóa.</translation>
        </message>
        <message>
            <source>Officials who sign documents</source>
            <translation>Lãnh đạo ký văn bản</translation>
        </message>
        <message>
            <source>Every document is signed by the holder in office on its date: the decision and its certificates by the chairman (or a vice-chairman, KT.), the minutes by the council's chair and secretary. The commune chairman chairs the council unless another chair is entered.</source>
            <translation>Mỗi văn bản do người đương nhiệm vào ngày của văn bản ký: quyết định và giấy khen do Chủ tịch (hoặc Phó Chủ tịch ký KT.), biên bản do Chủ tịch và Thư ký Hội đồng ký. Chủ tịch UBND xã là Chủ tịch Hội đồng, trừ khi nhập người khác.</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Title printed</source>
            <translation>Chức danh in trên văn bản</translation>
        </message>
        <message>
            <source>Term from</source>
            <translation>Nhiệm kỳ từ ngày</translation>
        </message>
        <message>
            <source>Term to (empty: in office)</source>
            <translation>Đến ngày (để trống: đương nhiệm)</translation>
        </message>
        <message>
            <source>Empty: the post's name</source>
            <translation>Để trống: tên chức vụ</translation>
        </message>
        <message>
            <source>Term to</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <source>Add term</source>
            <translation>Thêm nhiệm kỳ</translation>
        </message>
        <message>
            <source>Selected term ends on</source>
            <translation>Nhiệm kỳ đang chọn kết thúc ngày</translation>
        </message>
        <message>
            <source>End term</source>
            <translation>Kết thúc nhiệm kỳ</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Xóa…</translation>
        </message>
    </context>
    <context>
        <name>OpeningPage</name>
        <message>
            <source>Could not open the data.</source>
            <translation>Không mở được dữ liệu.</translation>
        </message>
        <message>
            <source>Opening the data…</source>
            <translation>Đang mở dữ liệu…</translation>
        </message>
        <message>
            <source>Choose another data folder…</source>
            <translation>Chọn thư mục dữ liệu khác…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Thoát</translation>
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
        <name>OverrideReasonsDialog</name>
        <message>
            <source>Chairman's reason needed</source>
            <translation>Cần lý do của Chủ tịch</translation>
        </message>
        <message>
            <source>On the decision date the app's check does not find these nominees eligible, and the council recorded no reason when it passed them. The decision can include them only with the chairman's reason for each, which is kept in the nomination's history. To leave one out instead, cancel and untick it.</source>
            <translation>Theo kết quả tự kiểm tra tại ngày quyết định, các trường hợp dưới đây chưa đủ điều kiện, và khi thông qua Hội đồng không ghi lý do. Quyết định chỉ gồm các trường hợp này khi có lý do của Chủ tịch cho từng trường hợp; lý do được lưu trong lịch sử của đề nghị. Nếu muốn bỏ một trường hợp ra, hãy bấm Hủy rồi bỏ dấu tích trường hợp đó.</translation>
        </message>
        <message>
            <source>Chairman's reason (required)</source>
            <translation>Lý do của Chủ tịch (bắt buộc)</translation>
        </message>
        <message>
            <source>Issue with these reasons</source>
            <translation>Ban hành với các lý do này</translation>
        </message>
        <message>
            <source>Still without a reason: %1</source>
            <translation>Còn chưa ghi lý do: %1</translation>
        </message>
    </context>
    <context>
        <name>OverviewScreen</name>
        <message>
            <source>Start here</source>
            <translation>Bắt đầu từ đây</translation>
        </message>
        <message>
            <source>This office has little data yet. These steps set it up; each button opens the screen where you do it.</source>
            <translation>Đơn vị chưa có nhiều dữ liệu. Làm lần lượt các bước sau; mỗi nút mở màn hình để làm bước đó.</translation>
        </message>
        <message>
            <source>Add the commune's villages and residential groups</source>
            <translation>Thêm các thôn, xóm, bản, tổ dân phố của xã</translation>
        </message>
        <message>
            <source>Open Settings</source>
            <translation>Mở Cài đặt</translation>
        </message>
        <message>
            <source>Enter the officials who sign documents (chairman, council chair, secretary) with their terms</source>
            <translation>Nhập lãnh đạo ký văn bản (Chủ tịch UBND xã, Chủ tịch Hội đồng, Thư ký) cùng nhiệm kỳ</translation>
        </message>
        <message>
            <source>Add people and collectives to the register, or import them from Excel</source>
            <translation>Thêm cá nhân, tập thể vào sổ theo dõi, hoặc nhập từ tệp Excel</translation>
        </message>
        <message>
            <source>Open People &amp;&amp; collectives</source>
            <translation>Mở Cá nhân &amp;&amp; tập thể</translation>
        </message>
        <message>
            <source>Create an emulation movement and its targets</source>
            <translation>Tạo phong trào thi đua và các chỉ tiêu</translation>
        </message>
        <message>
            <source>Open Movements</source>
            <translation>Mở Phong trào</translation>
        </message>
        <message>
            <source>Propose awards for those who qualify</source>
            <translation>Đề nghị khen thưởng cho người đủ tiêu chuẩn</translation>
        </message>
        <message>
            <source>Open Nominations</source>
            <translation>Mở Đề nghị khen thưởng</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Đã xong</translation>
        </message>
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
            <translation>Tổng số lượt cá nhân được khen thưởng</translation>
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
            <translation>Đợt xét “%1” hết hạn nộp hồ sơ ngày %2</translation>
        </message>
        <message>
            <source>Nothing urgent.</source>
            <translation>Không có việc gấp.</translation>
        </message>
    </context>
    <context>
        <name>PeersPanel</name>
        <message>
            <source>%1 (to check)</source>
            <translation>%1 (cần đối chiếu)</translation>
        </message>
        <message>
            <source>Confirm fingerprint</source>
            <translation>Xác nhận mã xác thực</translation>
        </message>
        <message>
            <source>Choose a commune in the list first.</source>
            <translation>Hãy chọn một xã trong danh sách trước.</translation>
        </message>
        <message>
            <source>Call the officer of %1 (%2). Ask them to read the fingerprint shown on their Sync screen, and compare it with this one:

%3

Do the two codes match exactly?</source>
            <translation>Hãy gọi điện cho cán bộ của %1 (%2), đề nghị đọc Mã xác thực hiện trên màn hình Đồng bộ của họ và so với mã này:

%3

Hai mã có khớp hoàn toàn không?</translation>
        </message>
        <message>
            <source>Bundles signed by %1 different keys claim to come from %2 (%3): only one can be the commune's. Call its officer, ask them to read the fingerprint shown on their Sync screen, and choose the one that matches exactly.</source>
            <translation>Có gói ký bằng %1 khóa khác nhau cùng nhận là của %2 (%3): chỉ một khóa là của xã. Hãy gọi điện cho cán bộ xã, đề nghị đọc Mã xác thực hiện trên màn hình Đồng bộ của họ, rồi chọn mã trùng khớp hoàn toàn.</translation>
        </message>
        <message>
            <source>Fingerprint confirmed. Bundles that waited and are now imported: %1 (%2 new records). Bundles signed by another key, discarded: %3.</source>
            <translation>Đã xác nhận mã xác thực. Số gói đang chờ nay đã được nhập: %1 (%2 bản ghi mới). Số gói ký bằng khóa khác, đã hủy: %3.</translation>
        </message>
        <message>
            <source>Could not be imported (ask the commune to send again): %1</source>
            <translation>Không nhập được (hãy đề nghị xã gửi lại): %1</translation>
        </message>
        <message>
            <source>The codes do not match: the waiting bundle(s) were not sent by %1 (%2). Discard them? The commune's own bundles will wait for the check again.</source>
            <translation>Hai mã không khớp: (các) gói đang chờ không do %1 (%2) gửi. Hủy các gói này? Gói do chính xã gửi sẽ lại chờ đối chiếu mã xác thực.</translation>
        </message>
        <message>
            <source>Reject waiting bundles</source>
            <translation>Từ chối gói đang chờ</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>Thu hồi</translation>
        </message>
        <message>
            <source>Revoke %1 (%2)? Bundles from this office will be refused until it enrols again.</source>
            <translation>Thu hồi kết nối với %1 (%2)? Gói đồng bộ từ đơn vị này sẽ bị từ chối cho đến khi đơn vị được kết nối lại.</translation>
        </message>
        <message>
            <source>Recovery bundle</source>
            <translation>Gói khôi phục</translation>
        </message>
        <message>
            <source>Write a recovery bundle for %1 (%2)? It holds all of the commune's data that reached the province, for a new installation of the commune that was enrolled again and whose fingerprint you confirmed. Use it only when the commune's computer was lost or broken.</source>
            <translation>Ghi gói khôi phục cho %1 (%2)? Gói chứa toàn bộ dữ liệu của xã đã gửi lên tỉnh, dành cho máy mới cài của xã đã được kết nối lại và đã được xác nhận mã xác thực. Chỉ dùng khi máy tính của xã bị mất hoặc hỏng.</translation>
        </message>
        <message>
            <source>Where to write the recovery bundle</source>
            <translation>Chọn nơi ghi gói khôi phục</translation>
        </message>
        <message>
            <source>Writing the recovery bundle…</source>
            <translation>Đang ghi gói khôi phục…</translation>
        </message>
        <message>
            <source>Recovery bundle written: %1</source>
            <translation>Đã ghi gói khôi phục: %1</translation>
        </message>
        <message>
            <source>Where to write the sync bundle</source>
            <translation>Chọn nơi ghi gói đồng bộ</translation>
        </message>
        <message>
            <source>Send this office's keys</source>
            <translation>Gửi khóa của đơn vị</translation>
        </message>
        <message>
            <source>Bundle written: %1. Hand it to the province: the province imports it and confirms this office's fingerprint with you over the phone: %2</source>
            <translation>Đã ghi gói: %1. Hãy chuyển gói cho tỉnh: tỉnh nhập gói và xác nhận mã xác thực của đơn vị với anh/chị qua điện thoại: %2</translation>
        </message>
        <message>
            <source>Save the enrolment file</source>
            <translation>Lưu tệp kết nối</translation>
        </message>
        <message>
            <source>Enrolment file</source>
            <translation>Tệp kết nối</translation>
        </message>
        <message>
            <source>The enrolment file for %1 was saved to %2. Hand it to the commune (on a USB stick). The commune loads it on its Sync screen with "Load enrolment file…" (or opens the file with ThiĐua), and both sides compare this province's fingerprint over the phone: %3</source>
            <translation>Đã lưu tệp kết nối cho %1 vào %2. Hãy chép tệp vào USB và chuyển cho xã. Xã nạp tệp ở màn hình Đồng bộ bằng nút «Nạp tệp kết nối…» (hoặc mở tệp bằng ThiĐua), rồi hai bên đọc đối chiếu mã xác thực của tỉnh qua điện thoại: %3</translation>
        </message>
        <message>
            <source>Connection with other offices</source>
            <translation>Kết nối đồng bộ với các đơn vị</translation>
        </message>
        <message>
            <source>This office's fingerprint:</source>
            <translation>Mã xác thực của đơn vị:</translation>
        </message>
        <message>
            <source>Recovery bundle…</source>
            <translation>Gói khôi phục…</translation>
        </message>
        <message>
            <source>Rebuild a commune whose computer was lost: revoke it, issue a new enrolment file, confirm the new installation's fingerprint, then write this bundle for it.</source>
            <translation>Dựng lại dữ liệu cho xã bị mất máy tính: thu hồi kết nối cũ, cấp tệp kết nối mới, xác nhận mã xác thực của máy mới cài, rồi ghi gói này cho xã.</translation>
        </message>
        <message>
            <source>Send this office's keys…</source>
            <translation>Gửi khóa của đơn vị…</translation>
        </message>
        <message>
            <source>Create enrolment file…</source>
            <translation>Tạo tệp kết nối…</translation>
        </message>
        <message>
            <source>Load a new enrolment file…</source>
            <translation>Nạp tệp kết nối mới…</translation>
        </message>
        <message>
            <source>Load enrolment file…</source>
            <translation>Nạp tệp kết nối…</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Mã xác thực</translation>
        </message>
        <message>
            <source>Last received</source>
            <translation>Nhận lần cuối</translation>
        </message>
        <message>
            <source>Last sent</source>
            <translation>Gửi lần cuối</translation>
        </message>
        <message>
            <source>This is a trial office with demo data: it is never connected with the province.</source>
            <translation>Đây là văn phòng dùng thử với dữ liệu mẫu: không bao giờ kết nối với tỉnh.</translation>
        </message>
        <message>
            <source>Not connected to the provincial office yet: ask it for an enrolment file (on a USB stick), then click "Load enrolment file…".</source>
            <translation>Chưa kết nối với văn phòng tỉnh: hãy xin tỉnh tệp kết nối (chép vào USB), rồi bấm «Nạp tệp kết nối…».</translation>
        </message>
        <message>
            <source>Provincial office: %1 (%2) · fingerprint %3 · last received %4 · last sent %5</source>
            <translation>Văn phòng tỉnh: %1 (%2) · Mã xác thực %3 · nhận lần cuối %4 · gửi lần cuối %5</translation>
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
            <source>More than %1 people</source>
            <translation>Hơn %1 người</translation>
        </message>
        <message>
            <source>Delete %1 from the register? Award history stays in the database.</source>
            <translation>Xóa %1 khỏi sổ theo dõi? Quá trình khen thưởng vẫn được lưu trong dữ liệu.</translation>
        </message>
        <message>
            <source>Delete person</source>
            <translation>Xóa cá nhân</translation>
        </message>
        <message>
            <source>Both genders</source>
            <translation>Cả nam và nữ</translation>
        </message>
        <message>
            <source>Ethnic minority</source>
            <translation>Dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Not an ethnic minority</source>
            <translation>Không phải dân tộc thiểu số</translation>
        </message>
        <message>
            <source>All ethnic groups</source>
            <translation>Tất cả dân tộc</translation>
        </message>
        <message>
            <source>New person</source>
            <translation>Thêm cá nhân</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Sửa</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Xóa</translation>
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
        <name>PersonDialog</name>
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
            <source>Citizen ID (CCCD, 12 digits)</source>
            <translation>Số CCCD (12 chữ số)</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Workplace or unit</source>
            <translation>Nơi công tác, đơn vị</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>Thôn, xóm</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Direct worker</source>
            <translation>Người lao động trực tiếp</translation>
        </message>
        <message>
            <source>Employment start</source>
            <translation>Ngày bắt đầu công tác</translation>
        </message>
        <message>
            <source>Hometown</source>
            <translation>Quê quán</translation>
        </message>
        <message>
            <source>Professional qualification</source>
            <translation>Trình độ chuyên môn</translation>
        </message>
        <message>
            <source>Political theory</source>
            <translation>Lý luận chính trị</translation>
        </message>
        <message>
            <source>Academic title, degree</source>
            <translation>Học hàm, học vị</translation>
        </message>
        <message>
            <source>Duties assigned</source>
            <translation>Nhiệm vụ được giao</translation>
        </message>
        <message>
            <source>Edit person: %1</source>
            <translation>Sửa thông tin: %1</translation>
        </message>
        <message>
            <source>New person</source>
            <translation>Thêm cá nhân</translation>
        </message>
        <message>
            <source>Works directly in production or services (not an official)</source>
            <translation>Trực tiếp lao động sản xuất, kinh doanh, dịch vụ (không phải cán bộ, công chức)</translation>
        </message>
        <message>
            <source>Type to search, e.g. tay, nung, mong</source>
            <translation>Gõ để tìm, ví dụ: tay, nung, mong</translation>
        </message>
        <message>
            <source>e.g. Trung cấp</source>
            <translation>ví dụ: Trung cấp</translation>
        </message>
        <message>
            <source>e.g. Thạc sĩ, Tiến sĩ; write “Không” if none</source>
            <translation>ví dụ: Thạc sĩ, Tiến sĩ; không có thì ghi “Không”</translation>
        </message>
        <message>
            <source>One duty per line, as the job description says</source>
            <translation>Mỗi nhiệm vụ một dòng, theo bản mô tả vị trí việc làm</translation>
        </message>
        <message>
            <source>Printed in the achievement report (Mẫu 05). What is left blank prints as a dotted line and is listed before printing.</source>
            <translation>In trong báo cáo thành tích (Mẫu 05). Mục nào để trống sẽ in thành dòng chấm và được liệt kê trước khi in.</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Thông tin chung</translation>
        </message>
        <message>
            <source>Dossier profile</source>
            <translation>Hồ sơ khen thưởng</translation>
        </message>
        <message>
            <source>Awards and history</source>
            <translation>Khen thưởng và quá trình</translation>
        </message>
        <message>
            <source>Rows on these tabs are saved as soon as you add or remove them.</source>
            <translation>Các dòng ở đây được lưu ngay khi thêm hoặc xóa.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Row %1: %2</source>
            <translation>Dòng %1: %2</translation>
        </message>
        <message>
            <source>May be: %1</source>
            <translation>Có thể là: %1</translation>
        </message>
        <message>
            <source>Rows read: new %1 · update %2 · skip %3 · possible duplicate %4 · error %5 · blank %6</source>
            <translation>Đã đọc: thêm mới %1 · cập nhật %2 · bỏ qua %3 · có thể trùng %4 · lỗi %5 · dòng trống %6</translation>
        </message>
        <message>
            <source>No row can be written. Go back to change the columns, or correct the file.</source>
            <translation>Không có dòng nào ghi được. Hãy quay lại chọn cột, hoặc sửa tệp.</translation>
        </message>
        <message>
            <source>On import: %1 new, %2 updated, %3 awards added; rows with errors are not written. Nothing has been written yet: press “Import into the register” to write them all at once.</source>
            <translation>Khi nhập: thêm mới %1, cập nhật %2, thêm %3 khen thưởng; dòng có lỗi sẽ không được ghi. Chưa có gì được ghi: bấm «Nhập vào sổ» để ghi tất cả trong một lần.</translation>
        </message>
        <message>
            <source>Write %1 new and %2 updated records to the register now? Everything is written at once; if one row cannot be written, nothing is.</source>
            <translation>Ghi %1 bản ghi mới và cập nhật %2 bản ghi vào sổ ngay bây giờ? Tất cả được ghi trong một lần; nếu một dòng không ghi được thì không dòng nào được ghi.</translation>
        </message>
        <message>
            <source>Import from Excel</source>
            <translation>Nhập từ Excel</translation>
        </message>
        <message>
            <source>Writing to the register…</source>
            <translation>Đang ghi vào sổ…</translation>
        </message>
        <message>
            <source>Step 3 of 4: check the rows</source>
            <translation>Bước 3/4: kiểm tra từng dòng</translation>
        </message>
        <message>
            <source>What importing would do with each row of the file, and every problem found. Nothing is written until you press “Import into the register”.</source>
            <translation>Việc nhập sẽ làm gì với từng dòng của tệp, và mọi vấn đề tìm thấy. Chưa có gì được ghi cho đến khi bấm «Nhập vào sổ».</translation>
        </message>
        <message>
            <source>Only rows with &amp;problems</source>
            <translation>Chỉ hiện dòng có &amp;vấn đề</translation>
        </message>
        <message>
            <source>This &amp;row:</source>
            <translation>Xử lý &amp;dòng này:</translation>
        </message>
    </context>
    <context>
        <name>PrintActions</name>
        <message>
            <source>Print the whole batch</source>
            <translation>In cả đợt</translation>
        </message>
        <message>
            <source>Choose the folder for the batch's documents</source>
            <translation>Chọn thư mục lưu các văn bản của đợt</translation>
        </message>
        <message>
            <source>Preparing the batch's documents…</source>
            <translation>Đang chuẩn bị các văn bản của đợt…</translation>
        </message>
        <message>
            <source>%1 PDF files were saved in %2.</source>
            <translation>Đã lưu %1 tệp PDF vào thư mục %2.</translation>
        </message>
        <message>
            <source>Submission letter</source>
            <translation>Tờ trình</translation>
        </message>
        <message>
            <source>List of nominees</source>
            <translation>Danh sách đề nghị khen thưởng</translation>
        </message>
        <message>
            <source>Public notice list</source>
            <translation>Danh sách công khai</translation>
        </message>
        <message>
            <source>Print the whole batch…</source>
            <translation>In cả đợt…</translation>
        </message>
        <message>
            <source>Achievement report</source>
            <translation>Báo cáo thành tích</translation>
        </message>
        <message>
            <source>Council meeting minutes</source>
            <translation>Biên bản họp Hội đồng</translation>
        </message>
        <message>
            <source>Ballots</source>
            <translation>Phiếu bầu</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Quyết định</translation>
        </message>
        <message>
            <source>Certificates</source>
            <translation>Giấy khen</translation>
        </message>
        <message>
            <source>Decision with its list of recipients</source>
            <translation>Quyết định và danh sách kèm theo</translation>
        </message>
        <message>
            <source>Certificates of merit</source>
            <translation>Bằng khen, giấy chứng nhận</translation>
        </message>
        <message>
            <source>Movement results report</source>
            <translation>Báo cáo kết quả phong trào</translation>
        </message>
        <message>
            <source>Yearly statistical form</source>
            <translation>Biểu báo cáo thống kê năm</translation>
        </message>
        <message>
            <source>Report on the directive</source>
            <translation>Báo cáo thực hiện Chỉ thị</translation>
        </message>
        <message>
            <source>decided by the commune chairman</source>
            <translation>Chủ tịch UBND xã khen thưởng</translation>
        </message>
        <message>
            <source>to the higher level</source>
            <translation>trình cấp trên</translation>
        </message>
    </context>
    <context>
        <name>PrintButton</name>
        <message>
            <source>Print</source>
            <translation>In</translation>
        </message>
        <message>
            <source>Preview and print the documents of the selected record</source>
            <translation>Xem trước và in các văn bản của mục đang chọn</translation>
        </message>
    </context>
    <context>
        <name>PrintPreview</name>
        <message>
            <source>Preparing the document…</source>
            <translation>Đang chuẩn bị văn bản…</translation>
        </message>
    </context>
    <context>
        <name>PrintPreviewDialog</name>
        <message>
            <source>Save as PDF</source>
            <translation>Lưu thành tệp PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Tài liệu PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Đã lưu: %1</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>In văn bản</translation>
        </message>
        <message>
            <source>The printer could not be started. Check that it is switched on and connected, then try again.</source>
            <translation>Không khởi động được máy in. Hãy kiểm tra máy in đã bật và đã kết nối, rồi thử lại.</translation>
        </message>
        <message>
            <source>Sent %1 page(s) to the printer.</source>
            <translation>Đã gửi %1 trang tới máy in.</translation>
        </message>
        <message>
            <source>Print preview — %1</source>
            <translation>Xem trước khi in — %1</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>In…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Lưu PDF…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>Zoom:</source>
            <translation>Thu phóng:</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Vừa chiều rộng</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Trang</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>/ %1</translation>
        </message>
        <message>
            <source>Left blank (dotted lines on paper): fill these in first, or print and write them by hand:</source>
            <translation>Còn để trống (in ra là dòng chấm): hãy bổ sung trước, hoặc in rồi viết tay:</translation>
        </message>
    </context>
    <context>
        <name>ProvinceDecisionsScreen</name>
        <message>
            <source>Nobody holds this post on the decision date: enter the term in Settings → Officials who sign documents.</source>
            <translation>Không có ai giữ chức vụ này vào ngày quyết định: hãy nhập nhiệm kỳ tại Cài đặt → Lãnh đạo ký văn bản.</translation>
        </message>
        <message>
            <source>Collective</source>
            <translation>Tập thể</translation>
        </message>
        <message>
            <source>Individual</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>No approved dossier of this award is waiting for a decision.</source>
            <translation>Không có hồ sơ đã thẩm định đồng ý nào đang chờ quyết định cho danh hiệu/hình thức này.</translation>
        </message>
        <message>
            <source>Type the decision date to compute the reward money.</source>
            <translation>Nhập ngày quyết định để tính tiền thưởng.</translation>
        </message>
        <message>
            <source>Base salary on the decision date: %1. Total reward for %2 recipient(s): %3.</source>
            <translation>Mức lương cơ sở tại ngày quyết định: %1. Tổng tiền thưởng cho %2 người/tập thể: %3.</translation>
        </message>
        <message>
            <source>%1 of them have no reward amount in the catalog (not verified).</source>
            <translation>Trong đó %1 trường hợp chưa có mức tiền thưởng trong danh mục (chưa xác minh).</translation>
        </message>
        <message>
            <source>Decision issued</source>
            <translation>Đã ban hành quyết định</translation>
        </message>
        <message>
            <source>Decision %1 was issued for %2 recipient(s) of %3 commune(s); total reward %4. The results go to each commune in its next bundle.</source>
            <translation>Đã ban hành Quyết định số %1 cho %2 người/tập thể của %3 xã, phường; tổng tiền thưởng %4. Kết quả được gửi về từng xã, phường trong gói đồng bộ tiếp theo.</translation>
        </message>
        <message>
            <source>Select an issued decision first</source>
            <translation>Hãy chọn một quyết định đã ban hành trước</translation>
        </message>
        <message>
            <source>Decision %1</source>
            <translation>Quyết định số %1</translation>
        </message>
        <message>
            <source>Cancel the decision</source>
            <translation>Hủy quyết định</translation>
        </message>
        <message>
            <source>Cancel decision %1? Its recipients lose the award in their communes' history at the next bundle, their dossiers are approved again, and the fund no longer pays it.</source>
            <translation>Hủy Quyết định số %1? Các trường hợp được khen thưởng sẽ không còn khen thưởng này trong quá trình khen thưởng ở xã, phường từ gói đồng bộ tiếp theo, hồ sơ trở lại trạng thái đã thẩm định đồng ý, và quỹ không chi cho quyết định này nữa.</translation>
        </message>
        <message>
            <source>Issue a decision</source>
            <translation>Ra quyết định</translation>
        </message>
        <message>
            <source>Decisions issued</source>
            <translation>Quyết định đã ban hành</translation>
        </message>
        <message>
            <source>Title or form granted</source>
            <translation>Danh hiệu/hình thức khen thưởng</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Signer's title</source>
            <translation>Chức vụ người ký</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Người ký</translation>
        </message>
        <message>
            <source>Approved dossiers waiting for the provincial chairman's decision</source>
            <translation>Hồ sơ đã thẩm định đồng ý, chờ quyết định của Chủ tịch UBND tỉnh</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Người/tập thể được khen thưởng</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>Tiền thưởng</translation>
        </message>
        <message>
            <source>Tick all</source>
            <translation>Chọn tất cả</translation>
        </message>
        <message>
            <source>Untick all</source>
            <translation>Bỏ chọn tất cả</translation>
        </message>
        <message>
            <source>Issue the decision</source>
            <translation>Ban hành quyết định</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Communes</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Số người/tập thể</translation>
        </message>
        <message>
            <source>Total reward</source>
            <translation>Tổng tiền thưởng</translation>
        </message>
        <message>
            <source>Reason for cancelling the selected decision</source>
            <translation>Lý do hủy quyết định đang chọn</translation>
        </message>
    </context>
    <context>
        <name>ProvinceOverviewScreen</name>
        <message>
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Last
received</source>
            <translation>Nhận
gần nhất</translation>
        </message>
        <message>
            <source>Last
sent</source>
            <translation>Gửi
gần nhất</translation>
        </message>
        <message>
            <source>Waiting
review</source>
            <translation>Chờ
thẩm định</translation>
        </message>
        <message>
            <source>Returned,
not resent</source>
            <translation>Trả lại,
chưa trình lại</translation>
        </message>
        <message>
            <source>Results
not sent</source>
            <translation>Kết quả
chưa gửi</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Decided,
not sent</source>
            <translation>Đã quyết định,
chưa gửi</translation>
        </message>
        <message>
            <source>Pending
records</source>
            <translation>Bản ghi
chờ xử lý</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>Trùng lặp</translation>
        </message>
        <message>
            <source>Keys to
confirm</source>
            <translation>Mã xác thực
chờ xác nhận</translation>
        </message>
        <message>
            <source>Blocked: a key to confirm, pending records or conflicts. Late: nothing received for the number of days set above.</source>
            <translation>Đang vướng: có mã xác thực chờ xác nhận, bản ghi chờ xử lý hoặc xung đột dữ liệu. Chậm gửi: không nhận được gói nào trong số ngày đặt ở trên.</translation>
        </message>
        <message>
            <source>When the commune's last bundle was imported</source>
            <translation>Lần cuối nhập gói đồng bộ của xã</translation>
        </message>
        <message>
            <source>When this office last wrote a bundle for the commune</source>
            <translation>Lần cuối văn phòng này ghi gói đồng bộ gửi xã</translation>
        </message>
        <message>
            <source>Dossiers submitted, received or in review, with no verdict yet on their current version</source>
            <translation>Hồ sơ đã trình, đã nhận hoặc đang thẩm định, chưa có kết quả cho phiên bản hiện tại</translation>
        </message>
        <message>
            <source>Dossiers returned for more information that the commune has not submitted again yet</source>
            <translation>Hồ sơ đã trả lại để bổ sung mà xã chưa trình lại</translation>
        </message>
        <message>
            <source>Verdicts (approved, returned, rejected) not yet written into a bundle for the commune</source>
            <translation>Kết quả thẩm định (đồng ý, trả lại, không đồng ý) chưa ghi vào gói đồng bộ gửi xã</translation>
        </message>
        <message>
            <source>Dossiers awarded by a provincial decision whose result is not yet written into a bundle for the commune</source>
            <translation>Hồ sơ đã được khen thưởng theo quyết định của tỉnh nhưng kết quả chưa được ghi vào gói gửi xã</translation>
        </message>
        <message>
            <source>Data conflicts not yet looked at, between the commune's version of a record and another</source>
            <translation>Xung đột dữ liệu chưa xem xét, giữa bản ghi của xã và một phiên bản khác</translation>
        </message>
        <message>
            <source>Duplicate findings about the commune's people or nominations not yet answered on the Duplicates screen</source>
            <translation>Các trường hợp trùng lặp về người hoặc hồ sơ đề nghị của xã chưa được xử lý ở màn hình Trùng lặp</translation>
        </message>
        <message>
            <source>Records from the commune's bundles that could not be applied and wait on the Sync screen</source>
            <translation>Bản ghi trong gói đồng bộ của xã chưa áp dụng được, đang chờ xử lý ở màn hình Đồng bộ</translation>
        </message>
        <message>
            <source>Different keys that signed bundles claiming to come from the commune: compare the fingerprint over the phone on the Sync screen</source>
            <translation>Số khóa khác nhau đã ký các gói tự nhận là của xã: đối chiếu mã xác thực qua điện thoại ở màn hình Đồng bộ</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>Đang vướng</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Chậm gửi</translation>
        </message>
        <message>
            <source>Up to date</source>
            <translation>Bình thường</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Đã thu hồi</translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) wait until its key is confirmed on the Sync screen</source>
            <translation>
                <numerusform>%n gói chờ xác nhận mã xác thực ở màn hình Đồng bộ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n pending record(s)</source>
            <translation>
                <numerusform>%n bản ghi chờ xử lý</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n data conflict(s)</source>
            <translation>
                <numerusform>%n xung đột dữ liệu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>nothing received for %n day(s)</source>
            <translation>
                <numerusform>không nhận được gói nào trong %n ngày</numerusform>
            </translation>
        </message>
        <message>
            <source>revoked: its bundles are refused until it enrols again</source>
            <translation>đã thu hồi: gói của xã bị từ chối cho đến khi xã kết nối lại</translation>
        </message>
        <message>
            <source>Search a commune by name or code (accents optional)</source>
            <translation>Tìm xã, phường theo tên hoặc mã (gõ có dấu hay không dấu đều được)</translation>
        </message>
        <message>
            <source>Late after</source>
            <translation>Chậm gửi sau</translation>
        </message>
        <message>
            <source> days</source>
            <translation> ngày</translation>
        </message>
        <message>
            <source>A commune is late when nothing has arrived from it for this many days (counted from its enrolment while it has never sent anything).</source>
            <translation>Xã bị coi là chậm gửi khi không nhận được gói nào của xã trong ngần ấy ngày (tính từ ngày kết nối nếu xã chưa gửi gói nào).</translation>
        </message>
        <message>
            <source>Open on the Sync screen</source>
            <translation>Mở ở màn hình Đồng bộ</translation>
        </message>
        <message>
            <source>Confirm its key, look at its pending records and conflicts, or write a bundle for it (double-click a row does the same).</source>
            <translation>Xác nhận mã xác thực, xem bản ghi chờ xử lý và xung đột, hoặc ghi gói đồng bộ cho xã (nhấp đúp vào một dòng cũng vậy).</translation>
        </message>
        <message>
            <source>All (%1)</source>
            <translation>Tất cả (%1)</translation>
        </message>
        <message>
            <source>Late (%1)</source>
            <translation>Chậm gửi (%1)</translation>
        </message>
        <message>
            <source>Blocked (%1)</source>
            <translation>Đang vướng (%1)</translation>
        </message>
        <message>
            <source>Waiting review (%1)</source>
            <translation>Chờ thẩm định (%1)</translation>
        </message>
        <message>
            <source>No commune is enrolled yet: create their enrolment files on the Sync screen.</source>
            <translation>Chưa kết nối xã, phường nào: hãy tạo tệp kết nối ở màn hình Đồng bộ.</translation>
        </message>
        <message>
            <source>Showing %1 of %2 communes · %3 dossiers waiting for review · %4 results not yet sent</source>
            <translation>Đang hiện %1/%2 xã, phường · %3 hồ sơ chờ thẩm định · %4 kết quả chưa gửi</translation>
        </message>
        <message>
            <source>Blocked: a key to confirm, pending records or conflicts</source>
            <translation>Đang vướng: mã xác thực chờ xác nhận, bản ghi chờ xử lý hoặc xung đột</translation>
        </message>
        <message>
            <source>Late: nothing received for %1 days or more</source>
            <translation>Chậm gửi: không nhận được gói nào từ %1 ngày trở lên</translation>
        </message>
    </context>
    <context>
        <name>ProvinceStatisticsScreen</name>
        <message>
            <source>Whole province</source>
            <translation>Toàn tỉnh</translation>
        </message>
        <message>
            <source>Awards by commune</source>
            <translation>Số lượt khen thưởng theo xã, phường</translation>
        </message>
        <message>
            <source>Awards to people by group (%)</source>
            <translation>Tỷ lệ khen thưởng cá nhân theo nhóm (%)</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Layout to be checked against the circular's annex.</source>
            <translation>Bố cục cần đối chiếu với phụ lục của thông tư.</translation>
        </message>
        <message>
            <source>May be replaced by: %1.</source>
            <translation>Có thể đã được thay thế bằng: %1.</translation>
        </message>
        <message>
            <source>Save as</source>
            <translation>Lưu thành</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Đã lưu</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>Đã lưu vào %1</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Bảng tính Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF document (*.pdf)</source>
            <translation>Tài liệu PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Choose a first year no later than the last</source>
            <translation>Hãy chọn năm đầu không sau năm cuối</translation>
        </message>
        <message>
            <source>year %1</source>
            <translation>năm %1</translation>
        </message>
        <message>
            <source>years %1–%2</source>
            <translation>giai đoạn %1–%2</translation>
        </message>
        <message>
            <source>Statistics for %1</source>
            <translation>Thống kê %1</translation>
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
            <translation>Vùng biên giới, vùng sâu, vùng xa</translation>
        </message>
        <message>
            <source>Sum</source>
            <translation>Cộng dồn</translation>
        </message>
        <message>
            <source>Weighted mean</source>
            <translation>Bình quân gia quyền</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>Trung bình cộng</translation>
        </message>
        <message>
            <source>No data</source>
            <translation>Chưa có số liệu</translation>
        </message>
        <message>
            <source>From year:</source>
            <translation>Từ năm:</translation>
        </message>
        <message>
            <source>to:</source>
            <translation>đến:</translation>
        </message>
        <message>
            <source>Form to Excel…</source>
            <translation>Xuất biểu ra Excel…</translation>
        </message>
        <message>
            <source>Form to PDF…</source>
            <translation>Xuất biểu ra PDF…</translation>
        </message>
        <message>
            <source>Directive report (PDF)…</source>
            <translation>Báo cáo thực hiện Chỉ thị (PDF)…</translation>
        </message>
        <message>
            <source>By commune</source>
            <translation>Theo xã, phường</translation>
        </message>
        <message>
            <source>Yearly forms</source>
            <translation>Biểu thống kê năm</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Chỉ tiêu phong trào</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>Biểu đồ</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Awards</source>
            <translation>Lượt khen thưởng</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Collectives</source>
            <translation>Tập thể, hộ</translation>
        </message>
        <message>
            <source>Central</source>
            <translation>Trung ương</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>Cấp tỉnh</translation>
        </message>
        <message>
            <source>Commune level</source>
            <translation>Cấp xã</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <source>Movement</source>
            <translation>Phong trào</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị tính</translation>
        </message>
        <message>
            <source>Combined as</source>
            <translation>Cách tổng hợp</translation>
        </message>
        <message>
            <source>Province figure</source>
            <translation>Kết quả toàn tỉnh</translation>
        </message>
        <message>
            <source>Communes reporting</source>
            <translation>Số xã báo cáo</translation>
        </message>
        <message>
            <source>Communes meeting target</source>
            <translation>Số xã đạt mục tiêu</translation>
        </message>
    </context>
    <context>
        <name>RatingsGrid</name>
        <message>
            <source>All officials</source>
            <translation>Tất cả cán bộ, công chức</translation>
        </message>
        <message>
            <source>Unsaved ratings</source>
            <translation>Kết quả xếp loại chưa lưu</translation>
        </message>
        <message>
            <source>Discard the ratings you have not saved?</source>
            <translation>Bỏ các kết quả xếp loại chưa lưu?</translation>
        </message>
        <message numerus="yes">
            <source>%n people in the grid</source>
            <translation>
                <numerusform>%n người trong bảng</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n changed</source>
            <translation>
                <numerusform>%n dòng đã sửa</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to save: no rating was changed.</source>
            <translation>Không có gì để lưu: chưa sửa kết quả xếp loại nào.</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n rating(s).</source>
            <translation>
                <numerusform>Đã lưu %n kết quả xếp loại.</numerusform>
            </translation>
        </message>
        <message>
            <source>Row %1 (%2): %3</source>
            <translation>Dòng %1 (%2): %3</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <source>Source document</source>
            <translation>Văn bản căn cứ</translation>
        </message>
        <message>
            <source>e.g. the minutes of the annual review</source>
            <translation>ví dụ: biên bản họp đánh giá, xếp loại cuối năm</translation>
        </message>
        <message>
            <source>Used for the rows that have no source document of their own.</source>
            <translation>Dùng cho các dòng chưa ghi văn bản căn cứ riêng.</translation>
        </message>
        <message>
            <source>Save ratings</source>
            <translation>Lưu kết quả xếp loại</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Task rating</source>
            <translation>Mức độ hoàn thành nhiệm vụ</translation>
        </message>
    </context>
    <context>
        <name>RatingsSection</name>
        <message>
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <source>Task rating</source>
            <translation>Mức độ hoàn thành nhiệm vụ</translation>
        </message>
        <message>
            <source>Source document</source>
            <translation>Văn bản căn cứ</translation>
        </message>
        <message>
            <source>Save rating</source>
            <translation>Lưu xếp loại</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason to vote although not eligible</source>
            <translation>Lý do vẫn bỏ phiếu dù chưa đủ điều kiện</translation>
        </message>
        <message>
            <source>Why the council still votes on this nominee</source>
            <translation>Lý do Hội đồng vẫn bỏ phiếu cho trường hợp này</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKey</name>
        <message>
            <source>Recovery key</source>
            <translation>Khóa khôi phục</translation>
        </message>
        <message>
            <source>The recovery key %1 was saved to %2, protected by the passphrase. Move the file to the USB stick kept in the safe and delete it from this computer.</source>
            <translation>Đã lưu khóa khôi phục %1 vào %2, được bảo vệ bằng mật khẩu. Hãy chuyển tệp sang USB cất trong tủ an toàn rồi xóa tệp trên máy này.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Make the recovery key</source>
            <translation>Tạo khóa khôi phục</translation>
        </message>
        <message>
            <source>Before the first enrolment file, the province makes its recovery key. With it the province can rebuild a commune whose computer was lost or broken, so it opens every commune's data: save it on a USB stick kept in a safe, not on this computer, and protect it with a passphrase that only the people responsible know. Without the passphrase the file is useless, so write it down and keep it apart from the stick.</source>
            <translation>Trước khi cấp tệp kết nối đầu tiên, văn phòng tỉnh tạo khóa khôi phục. Với khóa này, tỉnh dựng lại được dữ liệu của một xã bị mất hoặc hỏng máy, nên khóa mở được dữ liệu của mọi xã: hãy lưu khóa vào một USB cất trong tủ an toàn, không để trên máy này, và bảo vệ bằng một mật khẩu chỉ những người có trách nhiệm biết. Không có mật khẩu thì tệp khóa vô dụng, vì vậy hãy ghi mật khẩu ra giấy và cất riêng, không để cùng USB.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Save the key to:</source>
            <translation>Lưu khóa vào:</translation>
        </message>
        <message>
            <source>Passphrase (at least 8 characters):</source>
            <translation>Mật khẩu (ít nhất 8 ký tự):</translation>
        </message>
        <message>
            <source>Repeat the passphrase:</source>
            <translation>Nhập lại mật khẩu:</translation>
        </message>
        <message>
            <source>Save the recovery key</source>
            <translation>Lưu khóa khôi phục</translation>
        </message>
        <message>
            <source>Recovery key (*.tdkey)</source>
            <translation>Khóa khôi phục (*.tdkey)</translation>
        </message>
        <message>
            <source>Choose where to save the key.</source>
            <translation>Hãy chọn nơi lưu khóa.</translation>
        </message>
        <message>
            <source>The two passphrases do not match.</source>
            <translation>Hai lần nhập mật khẩu không khớp nhau.</translation>
        </message>
    </context>
    <context>
        <name>Register</name>
        <message>
            <source>Female</source>
            <translation>Nữ</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>Nam</translation>
        </message>
        <message>
            <source>Excellently completed tasks</source>
            <translation>Hoàn thành xuất sắc nhiệm vụ</translation>
        </message>
        <message>
            <source>Well completed tasks</source>
            <translation>Hoàn thành tốt nhiệm vụ</translation>
        </message>
        <message>
            <source>Completed tasks</source>
            <translation>Hoàn thành nhiệm vụ</translation>
        </message>
        <message>
            <source>Did not complete tasks</source>
            <translation>Không hoàn thành nhiệm vụ</translation>
        </message>
        <message>
            <source>Reprimand</source>
            <translation>Khiển trách</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Cảnh cáo</translation>
        </message>
        <message>
            <source>Salary step reduction</source>
            <translation>Hạ bậc lương</translation>
        </message>
        <message>
            <source>Demotion</source>
            <translation>Giáng chức</translation>
        </message>
        <message>
            <source>Removal from office</source>
            <translation>Cách chức</translation>
        </message>
        <message>
            <source>Dismissal</source>
            <translation>Buộc thôi việc</translation>
        </message>
        <message>
            <source>Grassroots level</source>
            <translation>Cấp cơ sở</translation>
        </message>
        <message>
            <source>Provincial level</source>
            <translation>Cấp tỉnh</translation>
        </message>
        <message>
            <source>National level</source>
            <translation>Toàn quốc</translation>
        </message>
        <message>
            <source>Grassroots (the unit, the commune)</source>
            <translation>Tại cơ sở (đơn vị, xã)</translation>
        </message>
        <message>
            <source>Province-wide</source>
            <translation>Toàn tỉnh</translation>
        </message>
        <message>
            <source>Nationwide</source>
            <translation>Toàn quốc</translation>
        </message>
        <message>
            <source>Discipline under review</source>
            <translation>Đang xem xét kỷ luật</translation>
        </message>
        <message>
            <source>Under investigation</source>
            <translation>Đang bị điều tra</translation>
        </message>
        <message>
            <source>Complaint or denunciation</source>
            <translation>Đang có khiếu nại, tố cáo</translation>
        </message>
        <message>
            <source>Commune level</source>
            <translation>Cấp xã</translation>
        </message>
        <message>
            <source>Central level</source>
            <translation>Cấp trung ương</translation>
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
            <source>Ad hoc</source>
            <translation>Đột xuất</translation>
        </message>
        <message>
            <source>Long-service contribution</source>
            <translation>Quá trình cống hiến</translation>
        </message>
        <message>
            <source>By seniority</source>
            <translation>Theo niên hạn</translation>
        </message>
        <message>
            <source>Foreign relations</source>
            <translation>Đối ngoại</translation>
        </message>
        <message>
            <source>Emulation title</source>
            <translation>Danh hiệu thi đua</translation>
        </message>
        <message>
            <source>Commendation form</source>
            <translation>Hình thức khen thưởng</translation>
        </message>
        <message>
            <source>Village or residential group</source>
            <translation>Thôn, tổ dân phố</translation>
        </message>
        <message>
            <source>School</source>
            <translation>Trường học</translation>
        </message>
        <message>
            <source>Cooperative</source>
            <translation>Hợp tác xã</translation>
        </message>
        <message>
            <source>Mass organisation</source>
            <translation>Tổ chức chính trị - xã hội</translation>
        </message>
        <message>
            <source>Agency</source>
            <translation>Cơ quan</translation>
        </message>
        <message>
            <source>Health station</source>
            <translation>Trạm y tế</translation>
        </message>
        <message>
            <source>Enterprise</source>
            <translation>Doanh nghiệp</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>Hộ gia đình</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Khác</translation>
        </message>
    </context>
    <context>
        <name>RegisterScreen</name>
        <message>
            <source>Import from Excel…</source>
            <translation>Nhập từ Excel…</translation>
        </message>
        <message>
            <source>Export the award register (Excel)…</source>
            <translation>Xuất sổ theo dõi khen thưởng (Excel)…</translation>
        </message>
        <message>
            <source>Individuals</source>
            <translation>Cá nhân</translation>
        </message>
        <message>
            <source>Collectives and households</source>
            <translation>Tập thể, hộ gia đình</translation>
        </message>
        <message>
            <source>Annual task ratings</source>
            <translation>Xếp loại hằng năm</translation>
        </message>
    </context>
    <context>
        <name>ReissueDialog</name>
        <message>
            <source>Not re-issued: on the decision date the app's check does not find %1 eligible, and the council recorded no reason when it passed them. Write the chairman's reason for each below and click “Re-issue the decision” again, or untick them to leave them out.</source>
            <translation>Chưa ban hành lại: theo kết quả tự kiểm tra tại ngày quyết định, %1 chưa đủ điều kiện, và khi thông qua Hội đồng không ghi lý do. Hãy ghi lý do của Chủ tịch cho từng trường hợp ở dưới rồi bấm “Ban hành lại quyết định”, hoặc bỏ dấu tích để không đưa vào quyết định.</translation>
        </message>
        <message>
            <source>Chairman's reason (required)</source>
            <translation>Lý do của Chủ tịch (bắt buộc)</translation>
        </message>
        <message>
            <source>Correct decision %1</source>
            <translation>Đính chính Quyết định %1</translation>
        </message>
        <message>
            <source>Decision number</source>
            <translation>Số quyết định</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Ngày quyết định</translation>
        </message>
        <message>
            <source>Signer's title</source>
            <translation>Chức vụ người ký</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>Người ký</translation>
        </message>
        <message>
            <source>Recipients (untick to take one out; tick a waiting nomination to add it)</source>
            <translation>Người/tập thể được khen (bỏ dấu tích để bỏ khỏi quyết định; đánh dấu hồ sơ đang chờ để bổ sung)</translation>
        </message>
        <message>
            <source>Why is it corrected?</source>
            <translation>Lý do đính chính</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Người/tập thể được khen</translation>
        </message>
        <message>
            <source>The chairman's reason is needed for these added recipients: the app's check does not find them eligible on the decision date. It is kept in each nomination's history and in the correction's audit entry.</source>
            <translation>Cần lý do của Chủ tịch cho các trường hợp bổ sung dưới đây: theo kết quả tự kiểm tra, tại ngày quyết định các trường hợp này chưa đủ điều kiện. Lý do được lưu trong lịch sử của từng đề nghị và trong nhật ký đính chính quyết định.</translation>
        </message>
        <message>
            <source>Re-issue the decision</source>
            <translation>Ban hành lại quyết định</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>ReportsScreen</name>
        <message>
            <source>Export the statistics (Excel)…</source>
            <translation>Xuất thống kê (Excel)…</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>Năm:</translation>
        </message>
        <message>
            <source>Title or form</source>
            <translation>Danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <source>Awards to people by priority group</source>
            <translation>Cá nhân được khen theo nhóm ưu tiên</translation>
        </message>
        <message>
            <source>People awarded</source>
            <translation>Số cá nhân được khen</translation>
        </message>
        <message>
            <source>Collectives and households awarded</source>
            <translation>Số tập thể, hộ gia đình được khen</translation>
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
        <message>
            <source>By level and kind</source>
            <translation>Theo cấp và loại hình</translation>
        </message>
        <message>
            <source>Values in force at the end of %1</source>
            <translation>Các giá trị áp dụng đến cuối năm %1</translation>
        </message>
        <message>
            <source>%1 (from %2)</source>
            <translation>%1 (từ %2)</translation>
        </message>
        <message>
            <source>Base salary</source>
            <translation>Mức lương cơ sở</translation>
        </message>
        <message>
            <source>%1% of the votes</source>
            <translation>%1% số phiếu</translation>
        </message>
    </context>
    <context>
        <name>ResetPasswordDialog</name>
        <message>
            <source>Reset the password of %1</source>
            <translation>Đặt lại mật khẩu của %1</translation>
        </message>
        <message>
            <source>A temporary password: %1 chooses their own at the next sign-in.</source>
            <translation>Mật khẩu tạm thời: %1 sẽ tự chọn mật khẩu mới ở lần đăng nhập tới.</translation>
        </message>
        <message>
            <source>Temporary password</source>
            <translation>Mật khẩu tạm thời</translation>
        </message>
        <message>
            <source>Temporary password again</source>
            <translation>Nhập lại mật khẩu tạm thời</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>Đặt lại mật khẩu</translation>
        </message>
    </context>
    <context>
        <name>RestoreRecoveryDialog</name>
        <message>
            <source>Open the backup with the recovery key</source>
            <translation>Mở bản sao lưu bằng khóa khôi phục</translation>
        </message>
        <message>
            <source>The backup %1 is encrypted with the key of the computer that made it, and this computer does not have that key. If that computer still works, restore the backup there. If it is broken or lost, ask the province's Emulation and Commendation Board (Ban Thi đua - Khen thưởng) for the recovery key file (.tdkey) and its passphrase, then choose the file and type the passphrase below.</source>
            <translation>Bản sao lưu %1 được mã hóa bằng khóa của máy đã tạo ra nó, và máy này không có khóa đó. Nếu máy cũ vẫn dùng được, hãy khôi phục trên máy đó. Nếu máy cũ đã hỏng hoặc bị mất, hãy xin Ban Thi đua - Khen thưởng của tỉnh tệp khóa khôi phục (.tdkey) và mật khẩu của tệp, rồi chọn tệp và nhập mật khẩu dưới đây.</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Recovery key file:</source>
            <translation>Tệp khóa khôi phục:</translation>
        </message>
        <message>
            <source>Passphrase of the key:</source>
            <translation>Mật khẩu của khóa:</translation>
        </message>
        <message>
            <source>Choose the recovery key</source>
            <translation>Chọn khóa khôi phục</translation>
        </message>
        <message>
            <source>Recovery key (*.tdkey)</source>
            <translation>Khóa khôi phục (*.tdkey)</translation>
        </message>
        <message>
            <source>Choose the recovery key file.</source>
            <translation>Hãy chọn tệp khóa khôi phục.</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Step 6 of 6: save as drafts</source>
            <translation>Bước 6/6: lưu bản nháp</translation>
        </message>
        <message>
            <source>Nothing is saved until you press “Save as drafts”; then every nominee below is saved together, or none is.</source>
            <translation>Chưa có gì được lưu cho đến khi bấm “Lưu bản nháp”; khi đó tất cả các trường hợp dưới đây được lưu cùng lúc, hoặc không trường hợp nào được lưu.</translation>
        </message>
        <message>
            <source>Nominee</source>
            <translation>Người/tập thể được đề nghị</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>Tiêu chuẩn</translation>
        </message>
        <message>
            <source>Achievement summary</source>
            <translation>Tóm tắt thành tích</translation>
        </message>
        <message>
            <source>Required documents</source>
            <translation>Hồ sơ bắt buộc</translation>
        </message>
        <message>
            <source>%1 — %2 — batch “%3”</source>
            <translation>%1 — %2 — đợt “%3”</translation>
        </message>
    </context>
    <context>
        <name>ReviewQueueScreen</name>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>Person or
collective</source>
            <translation>Cá nhân,
tập thể</translation>
        </message>
        <message>
            <source>Commune</source>
            <translation>Xã, phường</translation>
        </message>
        <message>
            <source>Title or
form</source>
            <translation>Danh hiệu,
hình thức</translation>
        </message>
        <message>
            <source>Round</source>
            <translation>Đợt</translation>
        </message>
        <message>
            <source>Submitted on</source>
            <translation>Ngày trình</translation>
        </message>
        <message>
            <source>Days
waiting</source>
            <translation>Số ngày
chờ</translation>
        </message>
        <message>
            <source>Review
deadline</source>
            <translation>Hạn
thẩm định</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Phiên bản</translation>
        </message>
        <message>
            <source>Changed since
review</source>
            <translation>Đã sửa sau
thẩm định</translation>
        </message>
        <message>
            <source>The round (đợt): the communes' batches of one year and kind</source>
            <translation>Đợt xét: các đợt của các xã cùng năm và cùng loại</translation>
        </message>
        <message>
            <source>When the commune last submitted the dossier</source>
            <translation>Ngày xã trình hồ sơ lần gần nhất</translation>
        </message>
        <message>
            <source>Days since it was submitted, while it waits for the province</source>
            <translation>Số ngày kể từ khi xã trình, trong thời gian hồ sơ chờ tỉnh thẩm định</translation>
        </message>
        <message>
            <source>The review deadline the province set for the dossier's round</source>
            <translation>Hạn thẩm định tỉnh đặt cho đợt của hồ sơ</translation>
        </message>
        <message>
            <source>The version of the dossier the commune sent (its change counter): a review records the version it looked at</source>
            <translation>Phiên bản hồ sơ xã đã gửi (số đếm thay đổi của xã): mỗi lần thẩm định ghi lại phiên bản đã xem</translation>
        </message>
        <message>
            <source>The commune changed the dossier after the province last reviewed it</source>
            <translation>Xã đã sửa hồ sơ sau lần tỉnh thẩm định gần nhất</translation>
        </message>
        <message>
            <source>Annual %1</source>
            <translation>Thường xuyên %1</translation>
        </message>
        <message>
            <source>Thematic %1</source>
            <translation>Chuyên đề %1</translation>
        </message>
        <message>
            <source>Ad hoc %1</source>
            <translation>Đột xuất %1</translation>
        </message>
        <message>
            <source>(deadline %1)</source>
            <translation>(hạn %1)</translation>
        </message>
        <message>
            <source>being corrected</source>
            <translation>xã đang sửa</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>quá hạn</translation>
        </message>
        <message>
            <source>waiting past the round's review deadline (%1)</source>
            <translation>chờ quá hạn thẩm định của đợt (%1)</translation>
        </message>
        <message>
            <source>the commune changed it after the last review (version %1, reviewed: %2)</source>
            <translation>xã đã sửa sau lần thẩm định gần nhất (phiên bản %1, đã thẩm định: %2)</translation>
        </message>
        <message>
            <source>reason given: %1</source>
            <translation>lý do: %1</translation>
        </message>
        <message>
            <source>All rounds</source>
            <translation>Mọi đợt</translation>
        </message>
        <message>
            <source>All awards</source>
            <translation>Mọi danh hiệu/hình thức</translation>
        </message>
        <message>
            <source>All communes</source>
            <translation>Mọi xã, phường</translation>
        </message>
        <message>
            <source>Waiting for review</source>
            <translation>Chờ thẩm định</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Mọi tình trạng</translation>
        </message>
        <message>
            <source>Choose a round to set its review deadline</source>
            <translation>Chọn một đợt để đặt hạn thẩm định của đợt</translation>
        </message>
        <message>
            <source>&amp;Round</source>
            <translation>Đợ&amp;t</translation>
        </message>
        <message>
            <source>&amp;Award</source>
            <translation>&amp;Danh hiệu</translation>
        </message>
        <message>
            <source>&amp;Commune</source>
            <translation>&amp;Xã, phường</translation>
        </message>
        <message>
            <source>&amp;Status</source>
            <translation>Tình t&amp;rạng</translation>
        </message>
        <message>
            <source>Search a nominee by name (accents optional)</source>
            <translation>Tìm người/tập thể được đề nghị theo tên (gõ có dấu hoặc không dấu)</translation>
        </message>
        <message>
            <source>Review deadline of the round:</source>
            <translation>Hạn thẩm định của đợt:</translation>
        </message>
        <message>
            <source>dd/mm/yyyy</source>
            <translation>ngày/tháng/năm</translation>
        </message>
        <message>
            <source>Set deadline</source>
            <translation>Đặt hạn</translation>
        </message>
        <message>
            <source>Save the date typed (leave it empty to remove the deadline)</source>
            <translation>Lưu ngày đã nhập (để trống để bỏ hạn)</translation>
        </message>
        <message>
            <source>Open the dossier</source>
            <translation>Mở hồ sơ</translation>
        </message>
        <message>
            <source>Its documents, eligibility, checklist and comments, and the verdict (double-click a row does the same).</source>
            <translation>Văn bản, điều kiện, danh mục kiểm tra, ý kiến và kết quả thẩm định của hồ sơ (nhấp đúp vào một dòng cũng vậy).</translation>
        </message>
        <message>
            <source>Overdue: still waiting after its round's review deadline</source>
            <translation>Quá hạn: vẫn chờ thẩm định sau hạn của đợt</translation>
        </message>
        <message>
            <source>Changed by the commune since the last review</source>
            <translation>Xã đã sửa sau lần thẩm định gần nhất</translation>
        </message>
        <message>
            <source>No dossier has been submitted by a commune yet.</source>
            <translation>Chưa có xã, phường nào trình hồ sơ.</translation>
        </message>
        <message>
            <source>Showing %1 of %2 dossiers · %3 waiting for review · %4 overdue · %5 changed since review</source>
            <translation>Đang hiện %1/%2 hồ sơ · %3 chờ thẩm định · %4 quá hạn · %5 đã sửa sau thẩm định</translation>
        </message>
    </context>
    <context>
        <name>RewardFundScreen</name>
        <message>
            <source>%1 without a reward amount (not verified)</source>
            <translation>%1 trường hợp chưa có mức tiền thưởng (chưa xác minh)</translation>
        </message>
        <message>
            <source>Received: %1 · Paid: %2 · Balance: %3</source>
            <translation>Đã thu: %1 · Đã chi: %2 · Tồn quỹ: %3</translation>
        </message>
        <message>
            <source>%1 recipient(s) have no reward amount in the catalog yet: not counted as paid.</source>
            <translation>%1 trường hợp chưa có mức tiền thưởng trong danh mục: chưa tính vào số đã chi.</translation>
        </message>
        <message>
            <source>Remove the income</source>
            <translation>Xóa khoản thu</translation>
        </message>
        <message>
            <source>Remove the income of %1 on %2 (%3)? Enter it again to correct it.</source>
            <translation>Xóa khoản thu %1 ngày %2 (%3)? Muốn sửa thì nhập lại khoản thu đúng.</translation>
        </message>
        <message>
            <source>Export the fund ledger</source>
            <translation>Xuất sổ theo dõi quỹ</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Bảng tính Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>The ledger was saved in %1.</source>
            <translation>Đã lưu sổ theo dõi quỹ vào %1.</translation>
        </message>
        <message>
            <source>Emulation and commendation fund</source>
            <translation>Quỹ thi đua, khen thưởng</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Chi</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>Tồn quỹ</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <source>Remove the income…</source>
            <translation>Xóa khoản thu…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>Xuất ra Excel…</translation>
        </message>
        <message>
            <source>Add money received</source>
            <translation>Ghi khoản thu vào quỹ</translation>
        </message>
        <message>
            <source>Date received</source>
            <translation>Ngày nhận</translation>
        </message>
        <message>
            <source>Amount (đồng)</source>
            <translation>Số tiền (đồng)</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <source>e.g. the provincial budget for 2027</source>
            <translation>ví dụ: ngân sách tỉnh năm 2027</translation>
        </message>
        <message>
            <source>Add the income</source>
            <translation>Ghi khoản thu</translation>
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
        <name>SelfTestDialog</name>
        <message>
            <source>Choose the USB stick</source>
            <translation>Chọn USB</translation>
        </message>
        <message>
            <source>Checking this computer…</source>
            <translation>Đang kiểm tra máy…</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>Kiểm tra lại</translation>
        </message>
        <message>
            <source>Check this computer</source>
            <translation>Kiểm tra máy</translation>
        </message>
        <message>
            <source>Checks what the app needs on this computer: the fonts, the data folder and its free space, the database, the security keys, the award rules, printing to PDF and writing to a USB stick. Nothing in the office's data is changed.</source>
            <translation>Kiểm tra những gì phần mềm cần trên máy này: phông chữ, thư mục dữ liệu và dung lượng còn trống, cơ sở dữ liệu, khóa bảo mật, việc xét tiêu chuẩn khen thưởng, in ra PDF và ghi ra USB. Dữ liệu của đơn vị không bị thay đổi gì.</translation>
        </message>
        <message>
            <source>USB stick:</source>
            <translation>USB:</translation>
        </message>
        <message>
            <source>a temporary folder (choose the stick to check it)</source>
            <translation>một thư mục tạm (chọn USB nếu muốn thử USB)</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Chọn…</translation>
        </message>
        <message>
            <source>Check</source>
            <translation>Kiểm tra</translation>
        </message>
        <message>
            <source>Copy the results</source>
            <translation>Chép kết quả</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
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
            <source>Unused attached files</source>
            <translation>Tệp đính kèm không còn dùng</translation>
        </message>
        <message>
            <source>No attached file has been unused for more than 24 hours: nothing to remove.</source>
            <translation>Không có tệp đính kèm nào bỏ không quá 24 giờ: không có gì để xóa.</translation>
        </message>
        <message>
            <source>%1 attached file(s) (%2) are no longer used by any record, live or deleted, and have not been for more than 24 hours. Remove them? This cannot be undone.</source>
            <translation>%1 tệp đính kèm (%2) không còn được bản ghi nào dùng, kể cả bản ghi đã xóa, đã hơn 24 giờ. Xóa các tệp này? Không thể hoàn tác.</translation>
        </message>
        <message>
            <source>Removed %1 attached file(s) (%2).</source>
            <translation>Đã xóa %1 tệp đính kèm (%2).</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Chung</translation>
        </message>
        <message>
            <source>Villages and residential groups</source>
            <translation>Thôn, xóm, tổ dân phố</translation>
        </message>
        <message>
            <source>No village yet: add the commune's villages here.</source>
            <translation>Chưa có thôn, xóm nào: hãy thêm các thôn, xóm của xã tại đây.</translation>
        </message>
        <message>
            <source>in a border area or a remote area (counted in the overview's priority groups)</source>
            <translation>thuộc vùng biên giới hoặc vùng sâu, vùng xa (được tính trong nhóm ưu tiên ở Tổng quan)</translation>
        </message>
        <message>
            <source>Name, e.g. Xóm Nà Cạn</source>
            <translation>Tên, ví dụ: Xóm Nà Cạn</translation>
        </message>
        <message>
            <source>Village (thôn)</source>
            <translation>Thôn</translation>
        </message>
        <message>
            <source>Hamlet (xóm)</source>
            <translation>Xóm</translation>
        </message>
        <message>
            <source>Hamlet (bản)</source>
            <translation>Bản</translation>
        </message>
        <message>
            <source>Residential group (tổ dân phố)</source>
            <translation>Tổ dân phố</translation>
        </message>
        <message>
            <source>Border area</source>
            <translation>Vùng biên giới</translation>
        </message>
        <message>
            <source>Remote area</source>
            <translation>Vùng sâu, vùng xa</translation>
        </message>
        <message>
            <source>Add village</source>
            <translation>Thêm thôn, xóm</translation>
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
            <source>Remove unused attached files…</source>
            <translation>Xóa tệp đính kèm không còn dùng…</translation>
        </message>
        <message>
            <source>Last backup: %1</source>
            <translation>Lần sao lưu gần nhất: %1</translation>
        </message>
        <message>
            <source>No backup made yet.</source>
            <translation>Chưa sao lưu lần nào.</translation>
        </message>
        <message>
            <source>Only an administrator account can remove unused attached files.</source>
            <translation>Chỉ tài khoản quản trị viên mới xóa được tệp đính kèm không còn dùng.</translation>
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
        <name>Subject</name>
        <message>
            <source>individual</source>
            <translation>cá nhân</translation>
        </message>
        <message>
            <source>collective</source>
            <translation>tập thể</translation>
        </message>
        <message>
            <source>household</source>
            <translation>hộ gia đình</translation>
        </message>
    </context>
    <context>
        <name>SubjectHistory</name>
        <message>
            <source>Award history</source>
            <translation>Quá trình khen thưởng</translation>
        </message>
        <message>
            <source>Task ratings</source>
            <translation>Xếp loại hằng năm</translation>
        </message>
        <message>
            <source>Initiatives</source>
            <translation>Sáng kiến</translation>
        </message>
        <message>
            <source>Discipline</source>
            <translation>Kỷ luật</translation>
        </message>
        <message>
            <source>Open matters</source>
            <translation>Vụ việc đang xử lý</translation>
        </message>
    </context>
    <context>
        <name>SummaryPage</name>
        <message>
            <source>Step 4 of 6: achievement summary</source>
            <translation>Bước 4/6: tóm tắt thành tích</translation>
        </message>
        <message>
            <source>Each summary starts from the template for this award. Edit it freely.</source>
            <translation>Mỗi bản tóm tắt bắt đầu từ mẫu của danh hiệu/hình thức này; có thể sửa tùy ý.</translation>
        </message>
        <message>
            <source>Fill from the template</source>
            <translation>Điền theo mẫu</translation>
        </message>
        <message>
            <source>Replace every “…” with the nominee's own results.</source>
            <translation>Thay mỗi dấu “…” bằng thành tích cụ thể của người/tập thể được đề nghị.</translation>
        </message>
        <message>
            <source>Replace the summary</source>
            <translation>Thay bản tóm tắt</translation>
        </message>
        <message>
            <source>Replace the text typed with the template?</source>
            <translation>Thay nội dung đã gõ bằng nội dung mẫu?</translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <source>Awaiting confirmation</source>
            <translation>Chờ xác nhận</translation>
        </message>
        <message>
            <source>First bundle waits: check its fingerprint</source>
            <translation>Gói đầu tiên đang chờ: cần đối chiếu mã xác thực</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Đã xác nhận</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Đã thu hồi</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Mới</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Không đổi</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Pending records</source>
            <translation>Bản ghi chờ xử lý</translation>
        </message>
        <message>
            <source>Missing bundles</source>
            <translation>Thiếu gói</translation>
        </message>
        <message>
            <source>Pending records now applied</source>
            <translation>Bản ghi chờ xử lý nay đã nhập</translation>
        </message>
        <message>
            <source>A record it refers to has not arrived yet; retried at the next import</source>
            <translation>Chưa nhận được bản ghi liên quan; sẽ thử lại ở lần nhập gói sau</translation>
        </message>
        <message>
            <source>A value that must be unique (such as a citizen ID number) belongs to another record of the same office; retried at the next import</source>
            <translation>Một giá trị phải là duy nhất (ví dụ số CCCD) đã thuộc về một bản ghi khác của cùng đơn vị; sẽ thử lại ở lần nhập gói sau</translation>
        </message>
        <message>
            <source>The database refused it for another reason; retried at the next import</source>
            <translation>Cơ sở dữ liệu từ chối bản ghi vì một lý do khác; sẽ thử lại ở lần nhập gói sau</translation>
        </message>
        <message>
            <source>Its attached file is missing from the bundle</source>
            <translation>Gói thiếu tệp đính kèm của bản ghi</translation>
        </message>
        <message>
            <source>The sending office may not change this record</source>
            <translation>Đơn vị gửi không được sửa bản ghi này</translation>
        </message>
        <message>
            <source>Data this version of the app does not know: update the app</source>
            <translation>Dữ liệu mà phiên bản phần mềm này chưa biết: hãy cập nhật phần mềm</translation>
        </message>
        <message>
            <source>A value in it is not valid</source>
            <translation>Có giá trị không hợp lệ</translation>
        </message>
        <message>
            <source>Not a record this app can read</source>
            <translation>Không phải bản ghi mà phần mềm đọc được</translation>
        </message>
        <message>
            <source>A damaged line of the bundle, kept as text</source>
            <translation>Một dòng bị hỏng trong gói, được giữ lại dạng văn bản</translation>
        </message>
        <message>
            <source>Bundle cut short</source>
            <translation>Gói bị cắt ngắn</translation>
        </message>
        <message>
            <source>Bundle damaged or altered</source>
            <translation>Gói bị hỏng hoặc bị sửa đổi</translation>
        </message>
        <message>
            <source>Invalid signature</source>
            <translation>Chữ ký số không hợp lệ</translation>
        </message>
        <message>
            <source>Unsafe entry in the bundle</source>
            <translation>Gói chứa mục không an toàn</translation>
        </message>
        <message>
            <source>Bundle larger than declared</source>
            <translation>Gói lớn hơn khai báo</translation>
        </message>
        <message>
            <source>Sender not enrolled</source>
            <translation>Đơn vị gửi chưa được kết nối</translation>
        </message>
        <message>
            <source>Sender revoked</source>
            <translation>Đơn vị gửi đã bị thu hồi</translation>
        </message>
        <message>
            <source>Not a sync bundle</source>
            <translation>Không phải gói đồng bộ</translation>
        </message>
        <message>
            <source>First bundle kept until the fingerprint is confirmed</source>
            <translation>Gói đầu tiên được giữ lại đến khi xác nhận mã xác thực</translation>
        </message>
        <message>
            <source>Waiting bundle signed by another key: discarded</source>
            <translation>Gói đang chờ ký bằng khóa khác: đã hủy</translation>
        </message>
        <message>
            <source>Waiting bundle rejected: fingerprint did not match</source>
            <translation>Gói đang chờ bị từ chối: mã xác thực không khớp</translation>
        </message>
        <message>
            <source>Waiting bundle discarded: office revoked</source>
            <translation>Gói đang chờ đã hủy: đơn vị đã bị thu hồi kết nối</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Họ</translation>
        </message>
        <message>
            <source>Middle name</source>
            <translation>Tên đệm</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Tên</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Ngày sinh</translation>
        </message>
        <message>
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <source>Ethnic group</source>
            <translation>Dân tộc</translation>
        </message>
        <message>
            <source>Ethnic minority</source>
            <translation>Dân tộc thiểu số</translation>
        </message>
        <message>
            <source>Direct worker</source>
            <translation>Người lao động trực tiếp</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <source>Workplace</source>
            <translation>Nơi công tác</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <source>Village (record id)</source>
            <translation>Thôn, xóm (mã bản ghi)</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>Đã xóa</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Không</translation>
        </message>
    </context>
    <context>
        <name>SyncDialogs</name>
        <message>
            <source>Sync bundles (*.tdsync);;Enrolment files (*.json);;All files (*)</source>
            <translation>Gói đồng bộ (*.tdsync);;Tệp kết nối (*.json);;Tất cả các tệp (*)</translation>
        </message>
        <message>
            <source>Enrolment files (*.json)</source>
            <translation>Tệp kết nối (*.json)</translation>
        </message>
        <message>
            <source>None of these</source>
            <translation>Không mã nào trùng</translation>
        </message>
    </context>
    <context>
        <name>SyncEnrolment</name>
        <message>
            <source>Choose the enrolment file</source>
            <translation>Chọn tệp kết nối</translation>
        </message>
        <message>
            <source>Enrolment files (*.json);;All files (*)</source>
            <translation>Tệp kết nối (*.json);;Tất cả các tệp (*)</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Đã kết nối</translation>
        </message>
        <message>
            <source>This office is now connected with %1. You can export sync bundles for the province on this screen.</source>
            <translation>Đơn vị đã kết nối với %1. Từ nay có thể xuất gói đồng bộ gửi tỉnh ngay trên màn hình này.</translation>
        </message>
    </context>
    <context>
        <name>SyncLogs</name>
        <message>
            <source>Written</source>
            <translation>Ghi lúc</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Tệp</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>Gửi đến</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Nhập lúc</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Từ đơn vị</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Mới</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>Cập nhật</translation>
        </message>
        <message>
            <source>Unchanged</source>
            <translation>Không đổi</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Chờ xử lý</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Thiếu</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Loại dữ liệu</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>Số lần thử</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>Từ ngày</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Sự việc</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Chi tiết</translation>
        </message>
    </context>
    <context>
        <name>SyncScreen</name>
        <message>
            <source>Export</source>
            <translation>Xuất</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <source>Bundles sent</source>
            <translation>Gói đã gửi</translation>
        </message>
        <message>
            <source>Bundles received</source>
            <translation>Gói đã nhận</translation>
        </message>
        <message>
            <source>Data conflicts</source>
            <translation>Xung đột dữ liệu</translation>
        </message>
        <message>
            <source>Pending records</source>
            <translation>Bản ghi chờ xử lý</translation>
        </message>
        <message>
            <source>Security log</source>
            <translation>Nhật ký bảo mật</translation>
        </message>
    </context>
    <context>
        <name>UserGuideDialog</name>
        <message>
            <source>User guide</source>
            <translation>Hướng dẫn sử dụng</translation>
        </message>
    </context>
    <context>
        <name>WordingTools</name>
        <message>
            <source>Folder for the wording files</source>
            <translation>Thư mục ghi các tệp mẫu văn bản</translation>
        </message>
        <message>
            <source>Document wording</source>
            <translation>Mẫu văn bản</translation>
        </message>
        <message>
            <source>%1 files written to %2. Edit them with a text editor; keep them as UTF-8 JSON.</source>
            <translation>Đã ghi %1 tệp vào %2. Sửa bằng trình soạn thảo văn bản; giữ nguyên định dạng JSON (UTF-8).</translation>
        </message>
        <message>
            <source>Folder with the edited wording files</source>
            <translation>Thư mục chứa các tệp mẫu văn bản đã sửa</translation>
        </message>
        <message>
            <source>Revision %1 saved. It goes to every commune with the next sync bundles.</source>
            <translation>Đã lưu lần sửa %1. Mẫu sẽ được gửi tới mọi xã trong các gói đồng bộ tới.</translation>
        </message>
        <message>
            <source>Go back to the wording shipped with the app, for every commune?</source>
            <translation>Trở về mẫu văn bản gốc của phần mềm cho tất cả các xã?</translation>
        </message>
        <message>
            <source>Province wording: revision %1</source>
            <translation>Mẫu văn bản của tỉnh: lần sửa %1</translation>
        </message>
        <message>
            <source>Wording shipped with the app</source>
            <translation>Mẫu văn bản gốc của phần mềm</translation>
        </message>
        <message>
            <source>Write wording to a folder…</source>
            <translation>Ghi mẫu văn bản ra thư mục…</translation>
        </message>
        <message>
            <source>Load wording for all communes…</source>
            <translation>Nạp mẫu cho tất cả các xã…</translation>
        </message>
        <message>
            <source>Back to the shipped wording</source>
            <translation>Trở về mẫu gốc</translation>
        </message>
    </context>
    <context>
        <name>Worker</name>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>WrittenVotesPanel</name>
        <message>
            <source>%1: %2 written agreements but only %3 votes in favour in the grid.</source>
            <translation>%1: có %2 phiếu biểu quyết bằng văn bản đồng ý nhưng bảng trên chỉ ghi %3 phiếu đồng ý.</translation>
        </message>
        <message>
            <source>Absent member: voted in writing</source>
            <translation>Thành viên vắng mặt: có phiếu bằng văn bản</translation>
        </message>
        <message>
            <source>Written votes of absent members: tick a member who sent a written vote, then the nominees the member agreed to. Count them in “In favour” above.</source>
            <translation>Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: đánh dấu thành viên có gửi phiếu, rồi đánh dấu những trường hợp thành viên đó đồng ý. Nhớ tính cả các phiếu này vào cột “Phiếu đồng ý” ở bảng trên.</translation>
        </message>
    </context>
</TS>