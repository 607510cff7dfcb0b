"""Fixed demo material: names, villages, collectives and the movements of Cao Bằng's
Directive 12/CT-UBND (15/5/2026) for the 2026–2030 period."""

from __future__ import annotations

FAMILY_NAMES: dict[str, list[str]] = {
    "Tày": ["Nông", "Hoàng", "Lý", "Bế", "Đàm", "Lương", "Triệu", "Ma", "Lục", "Hà"],
    "Nùng": ["Hoàng", "Nông", "Lương", "Vi", "Mã", "Lăng", "Đinh", "Chu", "Lạc"],
    "Mông": ["Giàng", "Sùng", "Vàng", "Thào", "Lý", "Lầu", "Hầu", "Mua"],
    "Dao": ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chu"],
    "Kinh": ["Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Hoàng"],
    "Sán Chay": ["Lâm", "Hoàng", "Nông"],
    "Lô Lô": ["Lò", "Lý", "Sì"],
    "Hoa": ["Lục", "Mạc", "Tăng"],
}
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Thành", "Xuân"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Minh"]
MALE_GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam",
              "Phúc", "Quang", "Sơn", "Thắng", "Tuấn", "Việt", "Vĩnh", "Lâm", "Huy"]
FEMALE_GIVEN = ["Anh", "Ánh", "Bích", "Chi", "Dung", "Đào", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Liên",
                "Mai", "Nga", "Nhung", "Phương", "Thảo", "Thu", "Vân", "Yến", "Ân", "Ưng"]
MONG_MALE_MIDDLE = ["A", "Seo", "Văn"]
MONG_FEMALE_MIDDLE = ["Thị", "Thị"]

VILLAGES: list[tuple[str, bool, bool]] = [  # name, border, remote
    ("Xóm Nà Cạn", False, False), ("Xóm Bản Ruộc", False, True), ("Xóm Phja Đeng", True, True),
    ("Xóm Lũng Pảng", True, True), ("Xóm Nà Mạ", False, False), ("Xóm Khuổi Khon", False, True),
    ("Xóm Bó Hay", False, False), ("Tổ dân phố 1", False, False), ("Tổ dân phố 2", False, False),
]

OFFICIAL_POSITIONS = ["Công chức Văn phòng - Thống kê", "Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch",
                      "Công chức Địa chính - Xây dựng", "Công chức Tài chính - Kế toán", "Giáo viên", "Y sĩ",
                      "Chủ tịch Hội Phụ nữ xã", "Chủ tịch Hội Nông dân xã", "Bí thư Đoàn xã", "Trưởng Công an xã",
                      "Chỉ huy trưởng Quân sự xã"]
DIRECT_POSITIONS = ["Nông dân", "Nông dân", "Nông dân", "Thợ thủ công", "Xã viên hợp tác xã", "Trưởng xóm"]

COLLECTIVES: list[tuple[str, str]] = [
    ("Văn phòng HĐND - UBND xã", "agency"), ("Phòng Văn hóa - Xã hội", "agency"),
    ("Phòng Kinh tế", "agency"), ("Hội Liên hiệp Phụ nữ xã", "mass_organisation"),
    ("Hội Nông dân xã", "mass_organisation"), ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "mass_organisation"),
    ("Hội Cựu chiến binh xã", "mass_organisation"), ("Trường Mầm non xã", "school"),
    ("Trường Tiểu học và THCS xã", "school"), ("Trạm Y tế xã", "health_station"),
    ("Hợp tác xã Nông nghiệp Nà Cạn", "cooperative"),
]

DIRECTIVE_DOC = ("12/CT-UBND", "15/05/2026")
MOVEMENTS: list[dict[str, object]] = [
    {
        "code": "CT12-2026-KTXH",
        "name": "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hằng năm và Kế hoạch 05 năm "
                "(2026 - 2030)",
        "theme": "Thi đua đổi mới, sáng tạo, tăng tốc bứt phá đưa đất nước vào kỷ nguyên phát triển hùng cường, "
                 "văn minh, thịnh vượng",
        "launch_level": "province", "kind": "thematic", "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Cụ thể hoá các mục tiêu, chỉ tiêu phát triển kinh tế - xã hội 5 năm (2026 - 2030)",
                  "Phấn đấu mục tiêu tăng trưởng “2 con số”"],
        "criteria": ["Hoàn thành các chỉ tiêu kinh tế - xã hội được giao", "Có mô hình mới, cách làm sáng tạo"],
        "indicators": [("Thu nhập bình quân đầu người", "triệu đồng/năm", 32.0, 45.0),
                       ("Tỷ lệ hộ nghèo", "%", 18.5, 10.0), ("Mô hình kinh tế mới", "mô hình", 2.0, 10.0)],
    },
    {
        "code": "CT12-2026-2CONSO",
        "name": "Phát triển kinh tế - xã hội vì mục tiêu tăng trưởng bền vững “2 con số” giai đoạn 2026 - 2030",
        "theme": "Tăng trưởng bền vững", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Quyết tâm thực hiện thắng lợi các chỉ tiêu theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"],
        "criteria": ["Kết quả tăng trưởng của địa phương"],
        "indicators": [("Diện tích cây trồng hàng hóa", "ha", 120.0, 200.0)],
    },
    {
        "code": "CT12-2026-CDS",
        "name": "Thi đua đổi mới sáng tạo, phát triển khoa học - công nghệ và chuyển đổi số, chuyển đổi xanh",
        "theme": "Chuyển đổi số", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Đẩy mạnh ứng dụng khoa học, công nghệ, chuyển đổi số"],
        "criteria": ["Hồ sơ giải quyết trực tuyến", "Sáng kiến được công nhận"],
        "indicators": [("Tỷ lệ hồ sơ thủ tục hành chính trực tuyến", "%", 40.0, 80.0),
                       ("Người dân được hướng dẫn kỹ năng số", "người", 0.0, 1500.0)],
    },
    {
        "code": "CT12-2026-VHXH",
        "name": "Thi đua phát triển văn hóa, giáo dục, y tế và an sinh xã hội, nâng cao chất lượng cuộc sống",
        "theme": "Văn hóa - xã hội", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Nâng cao chất lượng cuộc sống của người dân vùng sâu, vùng xa, biên giới"],
        "criteria": ["Gia đình văn hóa, xóm văn hóa", "Hỗ trợ hộ khó khăn"],
        "indicators": [("Gia đình đạt danh hiệu Gia đình văn hóa", "hộ", 850.0, 1100.0),
                       ("Nhà ở được hỗ trợ xóa nhà tạm", "căn", 0.0, 60.0)],
    },
    {
        "code": "CT12-2026-QPAN",
        "name": "Thi đua củng cố quốc phòng, an ninh, giữ vững ổn định chính trị, trật tự an toàn xã hội",
        "theme": "Quốc phòng - an ninh vùng biên giới", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Giữ vững chủ quyền, an ninh biên giới"],
        "criteria": ["Xóm đạt tiêu chuẩn an toàn về an ninh, trật tự"],
        "indicators": [("Buổi tuần tra biên giới phối hợp", "buổi", 0.0, 48.0)],
    },
    {
        "code": "XA-2026-TX",
        "name": "Phong trào thi đua thường xuyên năm 2026 của xã",
        "theme": "Hoàn thành xuất sắc nhiệm vụ năm 2026", "launch_level": "commune", "kind": "regular",
        "period": ("01/01/2026", "31/12/2026"),
        "goals": ["Mỗi cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên"],
        "criteria": ["Đăng ký thi đua đầu năm", "Đánh giá, xếp loại cuối năm"],
        "indicators": [("Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "%", 85.0, 95.0)],
    },
]

ACTIVITY_TEXTS = [
    "Ra quân vệ sinh đường làng, ngõ xóm", "Tập huấn kỹ thuật trồng cây hồi, cây quế",
    "Hướng dẫn người dân cài đặt ứng dụng VNeID", "Họp xóm triển khai Chỉ thị 12/CT-UBND",
    "Tuần tra bảo vệ mốc giới", "Hỗ trợ ngày công làm nhà cho hộ khó khăn",
    "Giao lưu văn nghệ, thể thao mừng Đại hội", "Ra mắt mô hình nuôi ong lấy mật",
]

EXEMPLARS = [
    "Mô hình trồng thạch đen theo chuỗi giá trị", "Tổ hợp tác dệt thổ cẩm Tày", "Hộ nuôi ong lấy mật thoát nghèo",
    "Xóm tự quản về an ninh trật tự", "Câu lạc bộ hát then - đàn tính", "Nhóm thanh niên hướng dẫn kỹ năng số",
]

COUNCIL = [("chair", "Chủ tịch UBND xã"), ("vice_chair", "Phó Chủ tịch UBND xã"),
           ("member", "Chủ tịch Ủy ban MTTQ xã"), ("member", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
           ("member", "Chủ tịch Hội Nông dân xã"), ("member", "Bí thư Đoàn xã"),
           ("secretary", "Công chức Văn hóa - Xã hội")]
