"""The province's statistics papers are document kinds (services/document_kinds.py): the Ministry's
yearly forms (Biểu 0601–0605) and Sở Nội vụ's report on the directive print through ``thidua print``
as every other document, from real commune data the province imported, and their paper copies
verify. Real processes through tests/cli_process.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_process
import pytest
from province_statistics_helpers import build_with_figures
from pypdf import PdfReader

from thidua_desktop.services.document_kinds import BY_KIND, STATISTICS, kinds_for
from thidua_desktop.services.province_statistics import ProvinceStatisticsService, form_target


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "THIDUA_DOC_FONT": "bundled"}
    env.pop("THIDUA_DATA_DIR", None)
    return cli_process.run([sys.executable, "-m", "thidua_desktop.cli", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def text_of(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], int]:
    """The province's data folder, the yearly forms' numbers and the first form's total for 2026."""
    offices = build_with_figures(tmp_path_factory.mktemp("cli-statistics"))
    try:
        app = offices.province
        service = ProvinceStatisticsService(app.db, app.actor, app.current_catalog)
        numbers = [layout.number for layout in service.forms()[1]]
        form = service.fill_form(numbers[0], service.period(2026))
        total = sum(form.rows[0].values) if form.rows else 0
        return app.paths.data_dir, numbers, total
    finally:
        offices.close()


def test_the_registry_lists_the_statistics_papers() -> None:
    assert kinds_for(STATISTICS) == ("statistics-form", "directive-report")
    assert BY_KIND["statistics-form"].in_batch is None  # no commune's batch holds the province's statistics
    help_text = run(Path("."), "print", "--help").stdout
    assert "statistics-form" in help_text and "directive-report" in help_text


def test_each_yearly_form_prints_and_its_copy_verifies(province: tuple[Path, list[str], int], tmp_path: Path) -> None:
    data, numbers, total = province
    assert numbers == ["0601", "0602", "0603", "0604", "0605"]
    assert total > 0, "the communes' awards of 2026 reach the first form"
    for number in numbers:
        out = tmp_path / f"bieu-{number}.pdf"
        target = form_target(number, ProvinceStatisticsService.period(2026))
        result = run(data, "print", "statistics-form", target, "--out", str(out), "--json")
        assert result.returncode == 0, result.stderr
        printed = json.loads(result.stdout)
        assert printed["kind"] == "statistics-form" and printed["target"] == f"{number}-2026"
        assert f"Biểu số {number}" in printed["title"]
        assert "Năm 2026" in text_of(out)
    check = run(data, "verify-qr", printed["qr"])
    assert check.returncode == 0 and check.stdout.startswith("KHỚP"), check.stdout + check.stderr


def test_the_directive_report_prints_for_a_run_of_years(province: tuple[Path, list[str], int],
                                                        tmp_path: Path) -> None:
    data, _numbers, _total = province
    out = tmp_path / "bao-cao-chi-thi.pdf"
    result = run(data, "print", "directive-report", "2025-2026", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(out)
    assert "giai đoạn 2025 - 2026" in text and "Chỉ thị số 12/CT-UBND" in text


@pytest.mark.parametrize(("kind", "target"), [("statistics-form", "0601"), ("statistics-form", "0601-20x6"),
                                              ("directive-report", "2026-2027-2028"),
                                              ("statistics-form", "0999-2026")])
def test_a_bad_target_gets_one_vietnamese_line(province: tuple[Path, list[str], int], tmp_path: Path,
                                               kind: str, target: str) -> None:
    data, _numbers, _total = province
    out = tmp_path / "x.pdf"
    result = run(data, "print", kind, target, "--out", str(out))
    assert result.returncode != 0 and not out.exists()
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert ("biểu thống kê" in result.stderr) or ("kỳ thống kê" in result.stderr), result.stderr
