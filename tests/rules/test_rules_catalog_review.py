"""The legal notes of the catalog review (issue 10), each as a table taken from the legal reference.

- The CSTĐCS quota counts every title of the LĐTT standard in the batch (LĐTT of officials, LĐTT of
  direct workers, CSTT), as its own note says.
- LĐTT for direct workers has the discipline check that LĐTT has (Decree 152/2025 Art. 4(4)).
- A criterion citing Law Art. 24(1)/(3) (article number confirmed, text quoted: H) is H; one citing
  Art. 23 (article number inferred, one source says Art. 21: M) is M. CSTĐCS's "meets the LĐTT
  standard" criteria are the Art. 24(1) text, so they cite it and carry its H.
- The provincial Bằng khen asks for copies of earlier decisions only as the ground that rests on an
  earlier title needs them: the item is optional and says when it is needed.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from rules_factories import discipline, person, ratings

from thidua_desktop.domain.errors import DomainError
from thidua_desktop.domain.records import History
from thidua_desktop.paths import resource_path
from thidua_desktop.rules import Catalog, Confidence, evaluate, load_catalog
from thidua_desktop.rules.batch import check_quota
from thidua_desktop.rules.catalog import DEFAULT_CATALOG
from thidua_desktop.rules.definitions import CriterionDef
from thidua_desktop.rules.results import DecisionOutcome


def shipped() -> dict[str, Any]:
    return copy.deepcopy(json.loads(resource_path(DEFAULT_CATALOG).read_text(encoding="utf-8")))


def _walk(criteria: tuple[CriterionDef, ...]) -> list[CriterionDef]:
    return [c for top in criteria for c in top.walk()]


# ------------------------------------------------------------------------------- quota base


def test_the_cstdcs_quota_base_is_every_title_of_the_ldtt_standard() -> None:
    quota = load_catalog().award("CSTDCS").quota
    assert quota is not None and set(quota.base_awards) == {"LDTT", "LDTT_LD", "CSTT"}
    assert "LĐTT" in (quota.source.note or "") and "CSTT" in (quota.source.note or "")


@pytest.mark.parametrize(
    ("in_batch", "cstdcs", "limit", "within"),
    [
        # LĐTT (officials), LĐTT (direct workers), CSTT in the batch → 15% of their sum, rounded down
        ({"LDTT": 14}, 2, 2, True),
        ({"LDTT": 14}, 3, 2, False),
        ({"LDTT": 10, "LDTT_LD": 10}, 3, 3, True),  # the workers count: 20 → 3 (10 alone → 1)
        ({"LDTT": 6, "LDTT_LD": 4, "CSTT": 10}, 3, 3, True),
        ({"LDTT_LD": 7}, 1, 1, True),  # a batch of workers only
        ({"CSTT": 6}, 1, 0, False),
        ({"GK_XA_CN": 40}, 1, 0, False),  # a commendation form is not in the base
    ],
)
def test_quota_limit_counts_the_whole_base(in_batch: dict[str, int], cstdcs: int, limit: int,
                                           within: bool) -> None:
    rule = load_catalog().award("CSTDCS").quota
    assert rule is not None
    rule = replace(rule, enabled=True)
    base = sum(n for code, n in in_batch.items() if code in rule.base_awards)
    result = check_quota(rule, cstdcs, base)
    assert (result.limit, result.within) == (limit, within)


@pytest.mark.parametrize(
    ("of_award", "field", "problem"),
    [
        ([], "of_award", "empty"),
        (["LDTT", "LDTT"], "of_award[1]", "duplicate"),
        (["LDTT", 7], "of_award[1]", "wrong_type"),
        (["LDTT", ""], "of_award[1]", "wrong_type"),
        (["LDTT", "LDTT_CU"], "of_award[1]", "unknown_award"),
        ({"code": "LDTT"}, "of_award", "wrong_type"),
    ],
)
def test_a_bad_quota_base_is_refused_with_its_path(of_award: Any, field: str, problem: str) -> None:
    data = shipped()
    i = next(n for n, a in enumerate(data["awards"]) if a["code"] == "CSTDCS")
    data["awards"][i]["quota"]["of_award"] = of_award
    with pytest.raises(DomainError) as err:
        Catalog.from_dict(data)
    assert (err.value.code, err.value.field, err.value.params["problem"]) == (
        "CATALOG_INVALID", f"awards[{i}].quota.{field}", problem)


# ------------------------------------------------------------------- worker LĐTT discipline

WORKER_ATT = frozenset({"effective_production", "exemplary_compliance"})


@pytest.mark.parametrize(
    ("records", "outcome"),
    [
        ((), DecisionOutcome.ELIGIBLE),
        ((discipline("reprimand", date(2025, 3, 10), date(2025, 9, 10)),), DecisionOutcome.NOT_ELIGIBLE),
        ((discipline("warning", date(2025, 5, 1), None),), DecisionOutcome.NOT_ELIGIBLE),
        ((discipline("reprimand", date(2023, 3, 10), date(2023, 9, 10)),), DecisionOutcome.ELIGIBLE),  # ended
    ],
)
@pytest.mark.parametrize("code", ["LDTT_LD", "LDTT"])
def test_worker_ldtt_has_the_same_discipline_check_as_ldtt(code: str, records: tuple[Any, ...],
                                                            outcome: DecisionOutcome) -> None:
    attested = WORKER_ATT if code == "LDTT_LD" else frozenset({"self_reliance_solidarity"})
    history = History(ratings=ratings(y2025="good"), attested=attested, disciplines=records)
    decision = evaluate(person(), load_catalog().award(code), history, date(2025, 12, 15))
    assert decision.outcome is outcome
    if outcome is DecisionOutcome.NOT_ELIGIBLE:
        assert [r.criterion_id for r in decision.reasons if r.outcome.value == "fail"] == ["no_discipline"]


def test_worker_and_official_ldtt_discipline_criteria_are_the_same() -> None:
    catalog = load_catalog()
    worker = next(c for c in catalog.award("LDTT_LD").criteria if c.id == "no_discipline")
    official = next(c for c in catalog.award("LDTT").criteria if c.id == "no_discipline")
    assert (worker.check, worker.params, worker.source) == (official.check, official.params, official.source)


# ------------------------------------------------------------------ Art. 23 / Art. 24 marks


def _refs() -> list[tuple[str, str, str, Confidence]]:
    out = []
    for award in load_catalog().awards:
        out.append((award.code, "", award.source.ref, award.source.confidence))
        out.extend((award.code, c.id, c.source.ref, c.source.confidence) for c in _walk(award.criteria))
    return out


@pytest.mark.parametrize(
    ("cites", "confidence", "why"),
    [
        ("Điều 24 khoản 1", Confidence.HIGH, "article confirmed by two government sites; text quoted"),
        ("Điều 24 khoản 3", Confidence.HIGH, "article confirmed by two government sites; text quoted"),
        ("Điều 23", Confidence.MEDIUM, "article number inferred; one source says Điều 21"),
    ],
)
def test_law_article_marks_are_consistent(cites: str, confidence: Confidence, why: str) -> None:
    citing = [(code, cid, conf) for code, cid, ref, conf in _refs() if cites in ref]
    assert citing, why
    assert {conf for _code, _cid, conf in citing} == {confidence}, (why, citing)


@pytest.mark.parametrize(
    ("code", "criterion", "cites", "confidence"),
    [
        ("LDTT", "good_rating", "Điều 24 khoản 1 điểm a", Confidence.HIGH),
        ("LDTT", "self_reliance_solidarity", "Điều 24 khoản 1 điểm b", Confidence.HIGH),
        ("CSTDCS", "good_rating", "Điều 24 khoản 1 điểm a", Confidence.HIGH),  # the LĐTT standard itself
        ("CSTDCS", "self_reliance_solidarity", "Điều 24 khoản 1 điểm b", Confidence.HIGH),
        ("CSTDCS", "excellence_or_initiative", "Điều 23 khoản 2", Confidence.MEDIUM),
        ("CSTDCS", "excellent_rating", "Điều 23 khoản 2", Confidence.MEDIUM),
        ("CSTDCS", "grassroots_initiative", "Điều 23 khoản 2", Confidence.MEDIUM),
    ],
)
def test_the_same_legal_text_has_the_same_mark(code: str, criterion: str, cites: str,
                                               confidence: Confidence) -> None:
    crit = next(c for c in _walk(load_catalog().award(code).criteria) if c.id == criterion)
    assert cites in crit.source.ref and crit.source.confidence is confidence


def test_cstdcs_still_names_the_article_that_links_it_to_the_ldtt_standard() -> None:
    crit = next(c for c in load_catalog().award("CSTDCS").criteria if c.id == "good_rating")
    assert "Điều 23 khoản 1" in (crit.source.note or "") and "suy luận" in (crit.source.note or "")


# --------------------------------------------------------------------- Bằng khen dossier


@pytest.mark.parametrize(
    ("code", "required", "ground"),
    [
        ("BK_TINH_CN", False, "Chiến sĩ thi đua cơ sở"),  # only the 2 × CSTĐCS ground rests on earlier titles
        ("BK_TINH_TT", False, "Tập thể lao động xuất sắc"),  # only the TTLĐXS ground does
        ("CSTD_TINH", True, ""),  # 03 consecutive CSTĐCS is the title's only ground: always needed
    ],
)
def test_earlier_decisions_are_asked_for_only_where_a_ground_needs_them(code: str, required: bool,
                                                                        ground: str) -> None:
    item = next(d for d in load_catalog().award(code).dossier if d.code == "QD_DANH_HIEU_TRUOC")
    assert item.required is required
    if not required:
        assert ground in item.name_vi and ground in (item.source.note or "")
        assert item.source.confidence is Confidence.LOW  # the source and its mark are kept


@pytest.mark.parametrize("code", ["BK_TINH_CN", "BK_TINH_TT", "BK_TINH_HGD"])
def test_bang_khen_core_dossier_is_still_required(code: str) -> None:
    required = {d.code for d in load_catalog().award(code).dossier if d.required}
    assert required == {"TO_TRINH", "BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET"}


def test_a_bang_khen_without_earlier_titles_is_eligible_on_another_ground() -> None:
    # The ground "outstanding results in a movement launched by the province" needs no earlier award.
    award = load_catalog().award("BK_TINH_CN")
    history = History(attested=frozenset({"exemplary_compliance", "provincial_movement_result"}))
    decision = evaluate(person(), award, history, date(2025, 12, 15))
    assert decision.outcome is DecisionOutcome.ELIGIBLE
