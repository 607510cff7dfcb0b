"""The machine check (``thidua self-test``, Help → Kiểm tra máy, the frozen build's ``--self-test``):
what breaks on an office laptop, one check per line.

Each check exercises the real code path on throw-away data in a temporary folder: the bundled
fonts loaded by ReportLab, the data folder written to, a SQLCipher database migrated to the
newest schema, office keys generated, sealed under a key-encryption key (DPAPI on Windows),
signing and verifying, the shipped catalog's rules evaluated, a PDF rendered and read back, a
file written to the USB folder and read back. Nothing touches the office's own database or keys,
and no check handles personal data, so a result line (and the log) can be read out over the phone.

A check that fails says why in a few words (the error's class and the system's reason, never a
traceback); the trace goes to the log for whoever supports the office. No Qt here: the GUI adds
its own check (ui/self_test_dialog.py)."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import __version__
from ..domain.errors import DomainError
from .progress import Progress

log = logging.getLogger("thidua")

# Below this the office cannot be trusted to finish a backup or a bundle of attachments.
MIN_FREE_BYTES = 200 * 1024 * 1024
USB_PROBE_BYTES = 256 * 1024
# Letters a Vietnamese document needs that a Western-only font lacks.
VIETNAMESE_SAMPLE = ("ĐđĂăÂâÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"
                     "ỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ")
PDF_PHRASE = "Cộng hòa xã hội chủ nghĩa Việt Nam"


@dataclass(frozen=True)
class CheckResult:
    code: str
    ok: bool
    label_vi: str
    label_en: str
    detail_vi: str = ""
    detail_en: str = ""
    seconds: float = 0.0

    def line(self, lang: str = "vi") -> str:
        """``✓ Label: detail`` — plain text, one line."""
        label, detail = (self.label_en, self.detail_en) if lang == "en" else (self.label_vi, self.detail_vi)
        return f"{'✓' if self.ok else '✗'} {label}" + (f": {detail}" if detail else "")


@dataclass(frozen=True)
class SelfTestReport:
    results: tuple[CheckResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> tuple[CheckResult, ...]:
        return tuple(r for r in self.results if not r.ok)

    def lines(self, lang: str = "vi") -> list[str]:
        return [r.line(lang) for r in self.results] + [self.summary(lang)]

    def summary(self, lang: str = "vi") -> str:
        total, bad = len(self.results), len(self.failed)
        if not bad:
            return (f"Máy này đạt cả {total} mục kiểm tra." if lang != "en"
                    else f"This computer passed all {total} checks.")
        return (f"Có {bad}/{total} mục không đạt." if lang != "en" else f"{bad} of {total} checks failed.")


class CheckFailed(Exception):
    """A check found the machine wanting: the Vietnamese and English reasons."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi, self.en = vi, en


# A check returns its detail line (vi, en) or raises; anything it raises is a failure.
CheckFn = Callable[[], tuple[str, str]]


@dataclass(frozen=True)
class Check:
    code: str
    label_vi: str
    label_en: str
    run: CheckFn


def version_text(lang: str = "vi") -> str:
    """``thidua --version``: the app and the award catalog it ships with."""
    from ..rules.catalog import load_catalog

    catalog = load_catalog().catalog_version
    return (f"ThiĐua Desktop {__version__} (danh mục khen thưởng {catalog})" if lang != "en"
            else f"ThiĐua Desktop {__version__} (award catalog {catalog})")


def _why(exc: BaseException) -> tuple[str, str]:
    """A few words on a failure, without paths (they can hold the Windows user name)."""
    if isinstance(exc, CheckFailed):
        return exc.vi, exc.en
    if isinstance(exc, DomainError):  # a refusal of our own (a key the system would not unseal…)
        from ..messages import render

        return " ".join(render(exc, "vi").split()), " ".join(render(exc, "en").split())  # one line
    name = type(exc).__name__
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else ""
    if isinstance(exc, ImportError) and exc.name:  # a module a build left out: name it for support
        reason = exc.name
    text = f"{name}: {reason}" if reason else name
    return f"lỗi {text}", f"error {text}"


def run_check(check: Check) -> CheckResult:
    started = time.perf_counter()
    try:
        detail_vi, detail_en = check.run()
        ok = True
    except Exception as exc:  # any failure is this check's result, never the end of the self-test
        detail_vi, detail_en = _why(exc)
        ok = False
        # INFO, not WARNING: with no log file open (the command line), Python would print a
        # warning's trace on stderr, and the officer must see one line, not a traceback.
        log.info("self-test %s failed: %s", check.code, type(exc).__name__,
                 exc_info=not isinstance(exc, CheckFailed))  # the trace only for the unexpected
    return CheckResult(check.code, ok, check.label_vi, check.label_en, detail_vi, detail_en,
                       time.perf_counter() - started)


def _size(n: int, lang: str = "vi") -> str:
    """A disk size as the officer reads it: 12,3 GB in Vietnamese, 12.3 GB in English."""
    text = f"{n / 1024 ** 3:.1f} GB" if n >= 1024 ** 3 else f"{n // 1024 ** 2} MB"
    return text if lang == "en" else text.replace(".", ",")


def _existing_ancestor(folder: Path) -> Path:
    """The folder itself, or (on a computer where the app has not run yet) the nearest parent that exists."""
    current = folder
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def check_fonts() -> tuple[str, str]:
    """The bundled fonts load in ReportLab and hold the Vietnamese letters; then the font the
    documents will use (Times New Roman where Windows has it) registers."""
    from reportlab.pdfbase.ttfonts import TTFont

    from ..paths import resource_path
    from ..reports.fonts import choose_font, register_fonts

    bundled = sorted(resource_path("fonts").glob("*.ttf"))
    if len(bundled) < 4:
        raise CheckFailed(f"thiếu phông chữ kèm theo ({len(bundled)}/4 tệp)",
                          f"bundled fonts missing ({len(bundled)}/4 files)")
    for index, path in enumerate(bundled):
        font = TTFont(f"SelfTest{index}", str(path))
        missing = [ch for ch in VIETNAMESE_SAMPLE if ord(ch) not in font.face.charToGlyph]
        if missing:
            raise CheckFailed(f"{path.name} thiếu chữ tiếng Việt ({''.join(missing[:5])}…)",
                              f"{path.name} lacks Vietnamese letters ({''.join(missing[:5])}…)")
    used = register_fonts().name if choose_font() else ""
    return (f"{len(bundled)} tệp phông kèm theo đọc được; văn bản in bằng {used}",
            f"{len(bundled)} bundled font files load; documents print in {used}")


def check_data_folder(data_dir: Path) -> tuple[str, str]:
    """The data folder (or, before the first run, where it will be made) can be written, read and cleaned."""
    target = _existing_ancestor(data_dir)
    if not target.is_dir():
        raise CheckFailed("đường dẫn thư mục dữ liệu không phải là thư mục", "the data folder path is not a folder")
    payload = os.urandom(4096)
    fd, name = tempfile.mkstemp(prefix=".thidua-kiem-tra-", dir=target)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if Path(name).read_bytes() != payload:
            raise CheckFailed("đọc lại khác với đã ghi", "read back differs from what was written")
    finally:
        Path(name).unlink(missing_ok=True)
    if target != data_dir:
        return ("chưa có (máy chưa dùng ứng dụng); thư mục cha ghi được",
                "not made yet (first run); its parent folder is writable")
    return "ghi, đọc, xóa được", "writable, readable, files can be removed"


def check_free_space(data_dir: Path, minimum: int = MIN_FREE_BYTES) -> tuple[str, str]:
    free = shutil.disk_usage(_existing_ancestor(data_dir)).free
    if free < minimum:
        raise CheckFailed(f"chỉ còn {_size(free)}, cần ít nhất {_size(minimum)}",
                          f"only {_size(free, 'en')} free, at least {_size(minimum, 'en')} needed")
    return f"còn trống {_size(free)}", f"{_size(free, 'en')} free"


def check_database(work: Path) -> tuple[str, str]:
    """A new encrypted database (SQLCipher) migrated to the newest schema, then opened again:
    what the app does at every start and after an upgrade."""
    from ..db import cipher
    from ..db.engine import make_engine
    from ..db.migrate import current_revision, head_revision, upgrade

    file = work / "kiem-tra.sqlite3"
    key = os.urandom(cipher.KEY_BYTES)
    engine = make_engine(f"sqlite:///{file.as_posix()}", key=key)
    try:
        upgrade(engine)
        revision = current_revision(engine)
        with engine.connect() as conn:
            tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'table'").scalar_one()
            verdict = conn.exec_driver_sql("PRAGMA integrity_check").scalar_one()
    finally:
        engine.dispose()
    if revision != head_revision():
        raise CheckFailed(f"cấu trúc dừng ở {revision}, cần {head_revision()}",
                          f"schema stopped at {revision}, {head_revision()} expected")
    if verdict != "ok":
        raise CheckFailed("kiểm tra toàn vẹn không đạt", "integrity check failed")
    if not cipher.opens_with(file, key) or cipher.opens_with(file, None):
        raise CheckFailed("mã hóa cơ sở dữ liệu không hoạt động", "database encryption does not work")
    return (f"tạo, mã hóa, nâng cấp đến {revision} ({tables} bảng)",
            f"created, encrypted, migrated to {revision} ({tables} tables)")


def check_keys(work: Path) -> tuple[str, str]:
    """Office keys: generated, kept sealed under a key-encryption key (DPAPI on Windows) and read
    back, then a signature that verifies and a forged one that does not."""
    from ..sync.keys import OfficeKeys, new_kek, read_kek

    keys = OfficeKeys.generate()
    kek_id, kek = new_kek(work / "kek")
    if read_kek(work / "kek", kek_id) != kek:
        raise CheckFailed("khóa bảo vệ đọc lại khác", "the key-encryption key read back differs")
    again = OfficeKeys.from_secret_bytes(keys.secret_bytes())
    message = b"thidua self-test"
    signature = again.sign(message)
    forged = bytes([signature[0] ^ 1]) + signature[1:]
    if not keys.public().verify(message, signature) or keys.public().verify(message, forged):
        raise CheckFailed("chữ ký số không kiểm tra đúng", "signatures do not verify correctly")
    return "tạo, cất giữ, ký và kiểm tra chữ ký được", "generated, sealed, signed and verified"


def check_rules() -> tuple[str, str]:
    """The shipped catalog loads and its rules decide a made-up nominee both ways."""
    from ..domain.enums import Gender, SubjectType, TaskRating
    from ..domain.records import Candidate, History, RatingRecord
    from ..rules import evaluate, load_catalog
    from ..rules.results import DecisionOutcome

    catalog = load_catalog()
    award = catalog.award("LDTT")  # Lao động tiên tiến: the commune's most common title
    candidate = Candidate(id="kiem-tra", subject_type=SubjectType.INDIVIDUAL, display_name="Kiểm tra",
                          gender=Gender.FEMALE, employment_start=date(2018, 3, 1))
    # The officer attests the qualitative criteria; the rating then decides.
    attested = frozenset(c.id for top in award.criteria for c in top.walk() if c.check == "attestation")
    as_of = date(2025, 12, 15)
    good = History(ratings=(RatingRecord(2025, TaskRating.GOOD, "kiểm tra"),), attested=attested)
    weak = History(ratings=(RatingRecord(2025, TaskRating.COMPLETED, "kiểm tra"),), attested=attested)
    if evaluate(candidate, award, good, as_of).outcome is not DecisionOutcome.ELIGIBLE or \
            evaluate(candidate, award, weak, as_of).outcome is not DecisionOutcome.NOT_ELIGIBLE:
        raise CheckFailed("kết quả xét không như mong đợi", "the rules gave an unexpected result")
    return (f"danh mục {catalog.catalog_version}, {len(catalog.codes)} danh hiệu, hình thức",
            f"catalog {catalog.catalog_version}, {len(catalog.codes)} awards")


def check_pdf() -> tuple[str, str]:
    """A one-page state-format document rendered and read back: its Vietnamese text must come out
    as it went in (embedded font with its character map, the preview's PDF library)."""
    import pypdfium2 as pdfium  # the print preview's PDF reader

    from ..reports.blocks import para
    from ..reports.page import build_pdf

    data = build_pdf([para(PDF_PHRASE), para(VIETNAMESE_SAMPLE)], title="Kiểm tra máy")
    document = pdfium.PdfDocument(data)
    try:
        pages = len(document)
        page = document[0]
        text_page = page.get_textpage()
        text = text_page.get_text_range()
        text_page.close()
        page.close()
    finally:
        document.close()
    if pages != 1 or PDF_PHRASE not in " ".join(text.split()):
        raise CheckFailed("tệp PDF đọc lại không đúng nội dung", "the PDF read back does not hold the text")
    return f"tạo và đọc lại được ({len(data) // 1024} kB)", f"rendered and read back ({len(data) // 1024} kB)"


def check_usb(folder: Path) -> tuple[str, str]:
    """A file the size of a small bundle written to the USB folder, flushed, read back and removed."""
    if not folder.is_dir():
        raise CheckFailed("không thấy thư mục USB", "the USB folder does not exist")
    payload = os.urandom(USB_PROBE_BYTES)
    probe = folder / f".thidua-kiem-tra-{os.getpid()}.tmp"
    try:
        with open(probe, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if hashlib.sha256(probe.read_bytes()).digest() != hashlib.sha256(payload).digest():
            raise CheckFailed("đọc lại khác với đã ghi", "read back differs from what was written")
    finally:
        probe.unlink(missing_ok=True)
    free = shutil.disk_usage(folder).free
    return (f"ghi, đọc lại, xóa được (còn trống {_size(free)})",
            f"written, read back, removed ({_size(free, 'en')} free)")


def standard_checks(data_dir: Path, usb_dir: Path | None, work: Path) -> list[Check]:
    """The checks in the order they are shown; ``work`` is a temporary folder removed afterwards."""
    usb = usb_dir if usb_dir is not None else work / "usb"
    if usb_dir is None:
        usb.mkdir()
    return [
        Check("fonts", "Phông chữ", "Fonts", check_fonts),
        Check("data_folder", "Thư mục dữ liệu", "Data folder", lambda: check_data_folder(data_dir)),
        Check("free_space", "Dung lượng đĩa", "Disk space", lambda: check_free_space(data_dir)),
        Check("database", "Cơ sở dữ liệu", "Database", lambda: check_database(work)),
        Check("keys", "Khóa bảo mật", "Security keys", lambda: check_keys(work)),
        Check("rules", "Xét tiêu chuẩn khen thưởng", "Eligibility rules", check_rules),
        Check("pdf", "In văn bản (PDF)", "Printing (PDF)", check_pdf),
        Check("usb", "Ghi ra USB", "Writing to USB", lambda: check_usb(usb)),
    ]


def run_self_test(data_dir: Path, usb_dir: Path | None = None, progress: Progress | None = None,
                  extra: Sequence[Check] = ()) -> SelfTestReport:
    """Every check, in order, each on its own (one failing never stops the next). ``extra``: checks
    the caller adds (the GUI's own). ``progress`` reports each step and lets the officer cancel."""
    results: list[CheckResult] = []
    with tempfile.TemporaryDirectory(prefix="thidua-kiem-tra-") as temp:
        checks = [*standard_checks(data_dir, usb_dir, Path(temp)), *extra]
        for index, check in enumerate(checks):
            if progress is not None:
                progress.step(index, len(checks))
            results.append(run_check(check))
        if progress is not None:
            progress.step(len(checks), len(checks))
    log.info("self-test: %d checks, failed: %s", len(results), ",".join(r.code for r in results if not r.ok) or "-")
    return SelfTestReport(tuple(results))
