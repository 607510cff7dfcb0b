"""Fixed demo material: names, villages, collectives and the movements of Cao Bằng's
Directive 12/CT-UBND (15/5/2026) for the 2026–2030 period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypedDict

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

# Posts of the commune's officials: (position, workplace, gender or None for either, youngest, oldest age).
# A post in UNIQUE_POSTS has exactly one holder in the commune; STAFF_POSTS have several.
UNIQUE_POSTS: list[tuple[str, str, str | None, int, int]] = [
    ("Chủ tịch UBND xã", "UBND xã", None, 40, 58),
    ("Phó Chủ tịch UBND xã", "UBND xã", None, 36, 56),
    ("Chủ tịch Ủy ban MTTQ Việt Nam xã", "Ủy ban MTTQ Việt Nam xã", None, 40, 58),
    ("Chủ tịch Hội Liên hiệp Phụ nữ xã", "Hội Liên hiệp Phụ nữ xã", "female", 32, 52),
    ("Chủ tịch Hội Nông dân xã", "Hội Nông dân xã", None, 38, 58),
    ("Bí thư Đoàn xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", None, 26, 30),
    ("Chủ tịch Hội Cựu chiến binh xã", "Hội Cựu chiến binh xã", "male", 50, 60),
    ("Trưởng Công an xã", "Công an xã", "male", 32, 50),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã", "male", 30, 50),
    ("Chánh Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND xã", None, 34, 55),
    ("Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", None, 34, 55),
    ("Trưởng phòng Kinh tế", "Phòng Kinh tế", None, 34, 55),
]
STAFF_POSTS: list[tuple[str, str, str | None, int, int]] = [
    ("Chuyên viên Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND xã", None, 25, 55),
    ("Chuyên viên Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội", None, 25, 55),
    ("Chuyên viên Phòng Kinh tế", "Phòng Kinh tế", None, 25, 55),
    ("Giáo viên", "Trường Tiểu học và THCS xã", None, 25, 55),
    ("Giáo viên", "Trường Mầm non xã", "female", 25, 52),
    ("Y sĩ", "Trạm Y tế xã", None, 25, 55),
]
OFFICIAL_POSITIONS = sorted({post for post, *_rest in UNIQUE_POSTS + STAFF_POSTS})


@dataclass(frozen=True)
class PostDossier:
    """What Mẫu 05 asks of the holder of a post: qualifications to choose from (with the academic
    degree each gives, "Không" below a master's), the political theory level and the duties."""

    qualifications: tuple[tuple[str, str], ...]
    political_theory: str
    duties: str


_LEADER_THEORY = "Trung cấp"
# Keyed by (position, workplace): the two "Giáo viên" posts differ by school.
POST_DOSSIERS: dict[tuple[str, str], PostDossier] = {
    ("Chủ tịch UBND xã", "UBND xã"): PostDossier(
        (("Thạc sĩ Quản lý kinh tế", "Thạc sĩ"), ("Đại học Luật", "Không")), "Cao cấp",
        "Lãnh đạo, điều hành chung các hoạt động của Ủy ban nhân dân xã\n"
        "Chủ tịch Hội đồng Thi đua - Khen thưởng xã\nPhụ trách công tác quốc phòng, an ninh, tổ chức bộ máy"),
    ("Phó Chủ tịch UBND xã", "UBND xã"): PostDossier(
        (("Đại học Kinh tế nông nghiệp", "Không"), ("Thạc sĩ Quản lý công", "Thạc sĩ")), "Cao cấp",
        "Giúp Chủ tịch phụ trách lĩnh vực văn hóa - xã hội, giáo dục, y tế\n"
        "Phó Chủ tịch Hội đồng Thi đua - Khen thưởng xã"),
    ("Chủ tịch Ủy ban MTTQ Việt Nam xã", "Ủy ban MTTQ Việt Nam xã"): PostDossier(
        (("Đại học Xây dựng Đảng và chính quyền nhà nước", "Không"),), _LEADER_THEORY,
        "Chủ trì hoạt động của Ủy ban Mặt trận Tổ quốc Việt Nam xã\n"
        "Chỉ đạo cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư”"),
    ("Chủ tịch Hội Liên hiệp Phụ nữ xã", "Hội Liên hiệp Phụ nữ xã"): PostDossier(
        (("Đại học Quản lý nhà nước", "Không"), ("Đại học Công tác xã hội", "Không")), _LEADER_THEORY,
        "Lãnh đạo hoạt động của Hội Liên hiệp Phụ nữ xã\n"
        "Vận động hội viên phát triển kinh tế hộ gia đình, xây dựng gia đình “no ấm, tiến bộ, hạnh phúc”"),
    ("Chủ tịch Hội Nông dân xã", "Hội Nông dân xã"): PostDossier(
        (("Kỹ sư Nông học", "Không"), ("Đại học Kinh tế nông nghiệp", "Không")), _LEADER_THEORY,
        "Lãnh đạo hoạt động của Hội Nông dân xã\n"
        "Chỉ đạo phong trào nông dân thi đua sản xuất, kinh doanh giỏi"),
    ("Bí thư Đoàn xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã"): PostDossier(
        (("Đại học Công tác thanh thiếu niên", "Không"), ("Đại học Công tác xã hội", "Không")), "Sơ cấp",
        "Phụ trách công tác Đoàn và phong trào thanh thiếu nhi của xã\n"
        "Tổ chức các phong trào thanh niên tình nguyện, hướng dẫn kỹ năng số cho người dân"),
    ("Chủ tịch Hội Cựu chiến binh xã", "Hội Cựu chiến binh xã"): PostDossier(
        (("Trung cấp Quân sự", "Không"),), _LEADER_THEORY,
        "Lãnh đạo hoạt động của Hội Cựu chiến binh xã\n"
        "Vận động hội viên tham gia bảo vệ an ninh, trật tự và phát triển kinh tế"),
    ("Trưởng Công an xã", "Công an xã"): PostDossier(
        (("Đại học Cảnh sát nhân dân", "Không"), ("Đại học An ninh nhân dân", "Không")), _LEADER_THEORY,
        "Chỉ huy Công an xã; bảo đảm an ninh, trật tự, an toàn xã hội trên địa bàn\n"
        "Phụ trách công tác quản lý cư trú, căn cước"),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã"): PostDossier(
        (("Đại học ngành Quân sự cơ sở", "Không"),), _LEADER_THEORY,
        "Tham mưu cho Đảng ủy, Ủy ban nhân dân xã về công tác quốc phòng, quân sự địa phương\n"
        "Chỉ huy lực lượng dân quân tự vệ, phối hợp tuần tra bảo vệ biên giới"),
    ("Chánh Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND xã"): PostDossier(
        (("Đại học Luật", "Không"), ("Thạc sĩ Quản lý công", "Thạc sĩ")), _LEADER_THEORY,
        "Điều hành Văn phòng HĐND - UBND xã; phụ trách bộ phận một cửa\n"
        "Tham mưu công tác thi đua, khen thưởng của xã"),
    ("Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"): PostDossier(
        (("Đại học Văn hóa học", "Không"), ("Đại học Công tác xã hội", "Không")), _LEADER_THEORY,
        "Phụ trách Phòng Văn hóa - Xã hội: văn hóa, thông tin, giáo dục, y tế, lao động, chính sách xã hội\n"
        "Theo dõi phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”"),
    ("Trưởng phòng Kinh tế", "Phòng Kinh tế"): PostDossier(
        (("Đại học Kinh tế", "Không"), ("Thạc sĩ Kinh tế nông nghiệp", "Thạc sĩ")), _LEADER_THEORY,
        "Phụ trách Phòng Kinh tế: nông nghiệp, tài nguyên, xây dựng, giao thông\n"
        "Theo dõi các chương trình mục tiêu quốc gia trên địa bàn xã"),
    ("Chuyên viên Văn phòng HĐND - UBND xã", "Văn phòng HĐND - UBND xã"): PostDossier(
        (("Đại học Hành chính học", "Không"), ("Đại học Lưu trữ học", "Không")), "Sơ cấp",
        "Tiếp nhận, trả kết quả thủ tục hành chính tại bộ phận một cửa\nVăn thư, lưu trữ của Ủy ban nhân dân xã"),
    ("Chuyên viên Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"): PostDossier(
        (("Đại học Văn hóa học", "Không"), ("Đại học Công tác xã hội", "Không")), "Sơ cấp",
        "Theo dõi lĩnh vực văn hóa, thông tin, thể thao\nTheo dõi công tác thi đua, khen thưởng và gia đình"),
    ("Chuyên viên Phòng Kinh tế", "Phòng Kinh tế"): PostDossier(
        (("Kỹ sư Quản lý đất đai", "Không"), ("Kỹ sư Lâm nghiệp", "Không")), "Sơ cấp",
        "Theo dõi lĩnh vực đất đai, môi trường\nHướng dẫn nông dân chuyển đổi cơ cấu cây trồng"),
    ("Giáo viên", "Trường Tiểu học và THCS xã"): PostDossier(
        (("Đại học Sư phạm Toán", "Không"), ("Đại học Sư phạm Ngữ văn", "Không"),
         ("Đại học Giáo dục Tiểu học", "Không")), "Sơ cấp",
        "Giảng dạy theo phân công của nhà trường\nChủ nhiệm lớp; bồi dưỡng học sinh dân tộc thiểu số"),
    ("Giáo viên", "Trường Mầm non xã"): PostDossier(
        (("Cao đẳng Sư phạm Mầm non", "Không"), ("Đại học Giáo dục Mầm non", "Không")), "Sơ cấp",
        "Chăm sóc, giáo dục trẻ theo phân công của nhà trường\nChuẩn bị tiếng Việt cho trẻ em dân tộc thiểu số"),
    ("Y sĩ", "Trạm Y tế xã"): PostDossier(
        (("Trung cấp Y sĩ đa khoa", "Không"), ("Cao đẳng Y sĩ đa khoa", "Không")), "Sơ cấp",
        "Khám, chữa bệnh ban đầu tại Trạm Y tế xã\nTheo dõi tiêm chủng mở rộng và y tế thôn, xóm"),
}
# Where the demo's officials come from (the province's communes and wards since 1/7/2025).
HOMETOWNS = ["xã Quảng Uyên, tỉnh Cao Bằng", "xã Phục Hòa, tỉnh Cao Bằng", "xã Hòa An, tỉnh Cao Bằng",
             "xã Trùng Khánh, tỉnh Cao Bằng", "xã Hạ Lang, tỉnh Cao Bằng", "xã Nguyên Bình, tỉnh Cao Bằng",
             "xã Hà Quảng, tỉnh Cao Bằng", "phường Thục Phán, tỉnh Cao Bằng"]

# The demo's initiatives: (title, effect, scope).
INITIATIVES: list[tuple[str, str, str]] = [
    ("Số hóa hồ sơ hộ tịch bằng mã QR", "Rút ngắn thời gian tra cứu hồ sơ hộ tịch từ 2 ngày xuống 15 phút",
     "grassroots"),
    ("Sổ tay song ngữ Tày - Việt hướng dẫn thủ tục", "Người dân tộc Tày tự làm được 80% thủ tục thường gặp",
     "grassroots"),
    ("Quy trình tiếp nhận hồ sơ một cửa qua Zalo", "Giảm 40% lượt người dân phải đi lại nộp hồ sơ", "grassroots"),
    ("Bản đồ số các hộ nghèo của xã", "Theo dõi kịp thời 312 hộ nghèo, cận nghèo để hỗ trợ đúng đối tượng",
     "grassroots"),
    ("Lịch thời vụ bằng tranh cho đồng bào Mông", "Trên 200 hộ đồng bào Mông ở 3 xóm gieo trồng đúng thời vụ",
     "grassroots"),
]


def retirement_age_months(gender: str, year: int) -> int:
    """Normal retirement age in months for work in normal conditions (Labour Code 2019, Art. 169;
    Decree 135/2020/NĐ-CP, Art. 4): men 60 years 3 months in 2021 plus 3 months a year up to 62 (2028);
    women 55 years 4 months in 2021 plus 4 months a year up to 60 (2035)."""
    if gender == "female":
        return min(60 * 12, 55 * 12 + 4 * (max(year, 2021) - 2020))
    return min(62 * 12, 60 * 12 + 3 * (max(year, 2021) - 2020))


# Before 1/7/2025 the present commune did not exist in its present form (Resolution 1657/NQ-UBTVQH15):
# decisions of that time were issued by the former units. Former district of a new commune, where known;
# an office not listed gets a neutral wording rather than a guessed name.
REFORM_DAY = (2025, 7, 1)
FORMER_DISTRICTS: dict[str, str] = {
    "01576": "huyện Quảng Hòa",  # xã Quảng Uyên takes its name from the former thị trấn Quảng Uyên
}
FORMER_ISSUER_FALLBACK = "UBND cấp huyện (trước ngày 01/7/2025)"

DIRECT_POSITIONS = ["Nông dân", "Nông dân", "Nông dân", "Thợ thủ công", "Xã viên hợp tác xã", "Trưởng xóm"]

COLLECTIVES: list[tuple[str, str]] = [
    ("Văn phòng HĐND - UBND xã", "agency"), ("Phòng Văn hóa - Xã hội", "agency"),
    ("Phòng Kinh tế", "agency"), ("Hội Liên hiệp Phụ nữ xã", "mass_organisation"),
    ("Hội Nông dân xã", "mass_organisation"), ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "mass_organisation"),
    ("Hội Cựu chiến binh xã", "mass_organisation"), ("Trường Mầm non xã", "school"),
    ("Trường Tiểu học và THCS xã", "school"), ("Trạm Y tế xã", "health_station"),
    ("Hợp tác xã Nông nghiệp Nà Cạn", "cooperative"),
]

@dataclass(frozen=True)
class DemoIndicator:
    """An indicator of a demo movement. ``per_activity`` (counts): what one activity adds, lowest and
    highest; ``end_2026`` (levels, percentages): the value the commune reaches by 31/12/2026, each
    report on the way lying on the line from the baseline on 1/1/2026."""

    name: str
    unit: str
    kind: str
    direction: str
    baseline: float | None
    target: float | None
    per_activity: tuple[float, float] = (1.0, 5.0)
    end_2026: float | None = None


class DemoMovement(TypedDict):
    """A demo movement as MOVEMENTS lists it (``period``: first and last day, dd/mm/yyyy)."""

    code: str
    name: str
    theme: str
    launch_level: str
    kind: str
    period: tuple[str, str]
    goals: list[str]
    criteria: list[str]
    indicators: list[DemoIndicator]


def indicator_value(spec: DemoMovement, name: str, day: date, draw: int) -> float:
    """The value an activity of ``day`` reports for the named indicator; ``draw`` (1 … 5) picks a
    count between the indicator's lowest and highest per activity."""
    ind = next(i for i in spec["indicators"] if i.name == name)
    if ind.end_2026 is None or ind.baseline is None:
        low, high = ind.per_activity
        return float(round(low + (high - low) * (draw - 1) / 4))
    share = (day - date(2026, 1, 1)).days / 364
    return round(ind.baseline + (ind.end_2026 - ind.baseline) * share, 1 if ind.unit in ("%", "triệu đồng/năm") else 0)


DIRECTIVE_DOC = ("12/CT-UBND", "15/05/2026")
MOVEMENTS: list[DemoMovement] = [
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
        "indicators": [DemoIndicator("Thu nhập bình quân đầu người", "triệu đồng/năm", "level", "up", 32.0, 45.0,
                                     end_2026=34.6),
                       DemoIndicator("Tỷ lệ hộ nghèo", "%", "percentage", "down", 18.5, 10.0, end_2026=16.9),
                       DemoIndicator("Mô hình kinh tế mới", "mô hình", "count", "up", 0.0, 8.0, (1.0, 1.0))],
    },
    {
        "code": "CT12-2026-2CONSO",
        "name": "Phát triển kinh tế - xã hội vì mục tiêu tăng trưởng bền vững “2 con số” giai đoạn 2026 - 2030",
        "theme": "Tăng trưởng bền vững", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Quyết tâm thực hiện thắng lợi các chỉ tiêu theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX"],
        "criteria": ["Kết quả tăng trưởng của địa phương"],
        "indicators": [DemoIndicator("Diện tích cây trồng hàng hóa", "ha", "level", "up", 120.0, 200.0,
                                     end_2026=131.0)],
    },
    {
        "code": "CT12-2026-CDS",
        "name": "Thi đua đổi mới sáng tạo, phát triển khoa học - công nghệ và chuyển đổi số, chuyển đổi xanh",
        "theme": "Chuyển đổi số", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Đẩy mạnh ứng dụng khoa học, công nghệ, chuyển đổi số"],
        "criteria": ["Hồ sơ giải quyết trực tuyến", "Sáng kiến được công nhận"],
        "indicators": [DemoIndicator("Tỷ lệ hồ sơ thủ tục hành chính trực tuyến", "%", "percentage", "up", 40.0,
                                     80.0, end_2026=52.5),
                       DemoIndicator("Người dân được hướng dẫn kỹ năng số", "người", "count", "up", 0.0, 1500.0,
                                     (20.0, 80.0))],
    },
    {
        "code": "CT12-2026-VHXH",
        "name": "Thi đua phát triển văn hóa, giáo dục, y tế và an sinh xã hội, nâng cao chất lượng cuộc sống",
        "theme": "Văn hóa - xã hội", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Nâng cao chất lượng cuộc sống của người dân vùng sâu, vùng xa, biên giới"],
        "criteria": ["Gia đình văn hóa, xóm văn hóa", "Hỗ trợ hộ khó khăn"],
        "indicators": [DemoIndicator("Gia đình đạt danh hiệu Gia đình văn hóa", "hộ", "level", "up", 850.0, 1100.0,
                                     end_2026=905.0),
                       DemoIndicator("Nhà ở được hỗ trợ xóa nhà tạm", "căn", "count", "up", 0.0, 60.0, (1.0, 3.0))],
    },
    {
        "code": "CT12-2026-QPAN",
        "name": "Thi đua củng cố quốc phòng, an ninh, giữ vững ổn định chính trị, trật tự an toàn xã hội",
        "theme": "Quốc phòng - an ninh vùng biên giới", "launch_level": "province", "kind": "thematic",
        "period": ("15/05/2026", "31/12/2030"),
        "goals": ["Giữ vững chủ quyền, an ninh biên giới"],
        "criteria": ["Xóm đạt tiêu chuẩn an toàn về an ninh, trật tự"],
        "indicators": [DemoIndicator("Buổi tuần tra biên giới phối hợp", "buổi", "count", "up", 0.0, 48.0,
                                     (1.0, 2.0))],
    },
    {
        "code": "XA-2026-TX",
        "name": "Phong trào thi đua thường xuyên năm 2026 của xã",
        "theme": "Hoàn thành xuất sắc nhiệm vụ năm 2026", "launch_level": "commune", "kind": "regular",
        "period": ("01/01/2026", "31/12/2026"),
        "goals": ["Mỗi cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên"],
        "criteria": ["Đăng ký thi đua đầu năm", "Đánh giá, xếp loại cuối năm"],
        "indicators": [DemoIndicator("Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "%", "percentage", "up",
                                     85.0, 95.0, end_2026=91.5)],
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

# The council: each seat is taken by the one holder of the post in the register.
COUNCIL = [("chair", "Chủ tịch UBND xã"), ("vice_chair", "Phó Chủ tịch UBND xã"),
           ("member", "Chủ tịch Ủy ban MTTQ Việt Nam xã"), ("member", "Chủ tịch Hội Liên hiệp Phụ nữ xã"),
           ("member", "Chủ tịch Hội Nông dân xã"), ("member", "Bí thư Đoàn xã"),
           ("secretary", "Chuyên viên Phòng Văn hóa - Xã hội")]

# The province's answers to the Bằng khen dossiers, shown on an office that is not connected to a
# province (a connected office gets the real ones): (status, reason).
PROVINCE_VERDICTS: list[tuple[str, str]] = [
    ("received", ""), ("in_review", ""), ("approved", ""),
    ("returned", "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; đề nghị bổ sung"),
    ("rejected", "Thành tích chưa có phạm vi ảnh hưởng trong tỉnh theo tiêu chuẩn Bằng khen"),
]
