"""Wording of reason codes and error codes, in Vietnamese (with diacritics) and English."""

from __future__ import annotations

import ast
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from rules_factories import AS_OF, flat_reasons, make_crit, person, ratings, run
from test_rules_awards import CASES, CATALOG

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.domain.records import AwardRecord, History
from thidua_desktop.rules import (
    MESSAGES,
    REASON_CODES,
    REASON_TEMPLATES,
    Catalog,
    apply_overrides,
    base_salary_on,
    evaluate,
    explain_decision,
    explain_error,
    explain_reason,
)
from thidua_desktop.rules.context import make_reason
from thidua_desktop.rules.results import Outcome, Reason

RULES_DIR = Path(__file__).resolve().parents[2] / "thidua_desktop" / "rules"
LEFTOVER = re.compile(r"\{[a-z_]+\}")


def _codes_returned_by_checks() -> set[str]:
    """Reason codes written in the check modules: make_reason(crit, outcome, "CODE", ...) and
    Reason(..., code="CODE")."""
    codes: set[str] = set()
    for name in ("checks.py", "checks_person.py", "checks_members.py", "evaluator.py", "repeat.py"):
        tree = ast.parse((RULES_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "make_reason" and len(node.args) >= 3:
                arg = node.args[2]
                if isinstance(arg, ast.Constant):
                    codes.add(arg.value)
            if node.func.id == "Reason":
                codes.update(k.value.value for k in node.keywords
                             if k.arg == "code" and isinstance(k.value, ast.Constant))
    return codes


def test_reason_codes_are_declared_and_worded() -> None:
    returned = _codes_returned_by_checks()
    assert len(returned) > 30
    assert returned == REASON_CODES
    assert set(REASON_TEMPLATES) == set(REASON_CODES)
    for vi, en in REASON_TEMPLATES.values():
        assert vi and en and vi != en


def test_example_sentence_from_the_brief() -> None:
    reason = run("title_streak", {"award_codes": ["LDTT"], "times": 2, "ending": "evaluated_year"},
                 History(awards=(AwardRecord("LDTT", 2024, "12/QĐ-UBND"), AwardRecord("LDTT", 2025, "31/QĐ-UBND"))))
    assert explain_reason(reason, "vi", CATALOG) == (
        "Đạt: Lao động tiên tiến năm 2024 và 2025 (QĐ số 12/QĐ-UBND, 31/QĐ-UBND)")
    assert explain_reason(reason, "en", CATALOG) == (
        "Met: Advanced Worker in 2024 and 2025 (decision 12/QĐ-UBND, 31/QĐ-UBND)")


@pytest.mark.parametrize(
    ("check", "params", "history", "vi", "en"),
    [
        ("task_rating_at_least", {"level": "good", "consecutive_years": 1}, History(ratings=ratings(
            y2025="completed")), "Không đạt: năm 2025: Hoàn thành nhiệm vụ; yêu cầu từ Hoàn thành tốt nhiệm vụ "
         "trở lên", "Not met: in 2025: completed tasks; required: completed tasks well or better"),
        ("min_months_worked", {"months": 6}, History(), "Đạt: đã công tác 93 tháng tính đến 31/12/2025 (yêu cầu "
         "ít nhất 6 tháng)", "Met: 93 months worked by 2025-12-31 (6 required)"),
        ("attestation", {}, History(), "Cần cán bộ xác nhận: Tiêu chí c",
         "Needs an officer's confirmation: Criterion c"),
    ],
)
def test_sentences(check: str, params: dict[str, object], history: History, vi: str, en: str) -> None:
    reason = run(check, params, history, candidate=person(employment_start=date(2018, 4, 1)))
    assert explain_reason(reason, "vi", CATALOG) == vi
    assert explain_reason(reason, "en", CATALOG) == en


def _all_case_reasons() -> list[tuple[str, Reason]]:
    out = []
    for code, (good, bad, _) in CASES.items():
        for case in (good, bad):
            decision = evaluate(case.candidate, CATALOG.award(code), case.history, AS_OF)
            out.extend((code, r) for r in flat_reasons(decision))
    return out


def test_every_reason_of_every_award_case_reads_well() -> None:
    seen: set[str] = set()
    for _code, reason in _all_case_reasons():
        for lang in ("vi", "en"):
            text = explain_reason(reason, lang, CATALOG)
            assert text and not LEFTOVER.search(text), text
            assert unicodedata.is_normalized("NFC", text)
        seen.add(reason.code)
    assert len(seen) > 20


def test_every_template_formats_from_evidence_free_reasons() -> None:
    # A reason without evidence must still give a sentence (e.g. after a catalog upgrade).
    crit = make_crit("attestation")
    for code in REASON_CODES:
        reason = make_reason(crit, Outcome.UNKNOWN, code, {})
        assert explain_reason(reason, "vi", CATALOG)
        assert explain_reason(reason, "en", CATALOG)


def test_explain_decision_marks_unverified_rules_and_shows_failing_options() -> None:
    good, bad, _ = CASES["CSTD_TQ"]
    lines = explain_decision(evaluate(bad.candidate, CATALOG.award("CSTD_TQ"), bad.history, AS_OF), "vi", CATALOG)
    assert lines[0] == "Không đủ điều kiện"
    assert any(line.startswith("✗ ") for line in lines)
    assert any(line.startswith("    ✗ ") and "đã được dùng" in line for line in lines)
    assert any(line.endswith("[chưa xác minh]") for line in lines)
    ok = explain_decision(evaluate(good.candidate, CATALOG.award("CSTD_TQ"), good.history, AS_OF), "en")
    assert ok[0] == "Eligible" and all(not line.startswith("    ") for line in ok)


def test_unknown_reason_code_falls_back_to_the_code() -> None:
    reason = make_reason(make_crit("attestation"), Outcome.FAIL, "SOMETHING_NEW", {})
    assert "SOMETHING_NEW" in explain_reason(reason, "vi", CATALOG)


# ---------------------------------------------------------------- error messages


def _raised_errors() -> list[DomainError]:
    errors: list[DomainError] = []
    for call in (
        lambda: Catalog.from_dict({"format_version": 9}),
        lambda: Catalog.from_dict({"format_version": 1, "awards": [{"code": "X"}]}),
        lambda: Catalog.from_dict({"format_version": 1, "awards": "x"}),
        lambda: CATALOG.award("NOPE"),
        lambda: base_salary_on(CATALOG, AS_OF.replace(year=2020)),
        lambda: apply_overrides(CATALOG, {"awards": {"CSTDCS": {"vote_threshold_pct": 10}}}),
        lambda: apply_overrides(CATALOG, {"awards": {"CSTDCS": {"quota_rounding": "x"}}}),
        lambda: evaluate(person(), CATALOG.award("LDTT"), History(), AS_OF, year=2030),
    ):
        with pytest.raises(DomainError) as err:
            call()
        errors.append(err.value)
    return errors


def test_every_raised_error_has_a_message() -> None:
    for error in _raised_errors():
        assert error.code in MESSAGES, error.code
        for lang in ("vi", "en"):
            text = explain_error(error, lang)
            assert text and not LEFTOVER.search(text), text


def test_too_new_message_says_update_the_app() -> None:
    error = _raised_errors()[0]
    assert "cập nhật ứng dụng" in explain_error(error, "vi")
    assert "update the app" in explain_error(error, "en")


def test_invalid_catalog_message_names_the_path_and_problem() -> None:
    data = {"format_version": 1, "awards": [{"code": "X"}]}
    with pytest.raises(DomainError) as err:
        Catalog.from_dict(data)
    assert explain_error(err.value, "vi") == ("Danh mục khen thưởng không hợp lệ tại awards[0].name_vi: thiếu "
                                              "trường bắt buộc.")


def test_message_templates_have_both_languages() -> None:
    for vi, en in MESSAGES.values():
        assert vi and en and vi != en
    assert MESSAGES["CATALOG_TOO_NEW"][0].count("{") == MESSAGES["CATALOG_TOO_NEW"][1].count("{")

