"""The shipped catalog's content, and validation of catalogs pushed by the province."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from thidua_desktop.domain.enums import AuthorityLevel, SubjectType
from thidua_desktop.domain.errors import DomainError, NotFoundError
from thidua_desktop.paths import resource_path
from thidua_desktop.rules import CHECK_NAMES, CHECKS, Catalog, Confidence, load_catalog
from thidua_desktop.rules import parse as parse_module
from thidua_desktop.rules.catalog import DEFAULT_CATALOG

BN_NOTE = "theo mẫu quy định cấp tỉnh (Bắc Ninh), chờ quy định của tỉnh Cao Bằng"
REQUIRED_CODES = {
    "LDTT", "CSTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "TTLDTT", "TTLDXS", "CO_TD_TINH", "THON_VH", "GD_VH",
    "XA_TIEU_BIEU", "GK_XA_CN", "GK_XA_TT", "GK_XA_HGD", "BK_TINH_CN", "BK_TINH_TT", "BK_TINH_HGD",
    "BK_TTG_CN", "BK_TTG_TT",
}


def shipped() -> dict[str, Any]:
    return json.loads(resource_path(DEFAULT_CATALOG).read_text(encoding="utf-8"))


def award_index(data: dict[str, Any], code: str) -> int:
    return next(i for i, a in enumerate(data["awards"]) if a["code"] == code)


def refused(data: Any) -> DomainError:
    with pytest.raises(DomainError) as err:
        Catalog.from_dict(data)
    return err.value


# ---------------------------------------------------------------- shipped content


def test_shipped_catalog_loads_and_is_cached() -> None:
    catalog = load_catalog()
    assert catalog is load_catalog()
    assert catalog.format_version == 2 and catalog.catalog_version == "2026.2"
    assert catalog.effective_from.isoformat() == "2025-07-01"
    assert REQUIRED_CODES <= set(catalog.codes)
    assert len(set(catalog.codes)) == len(catalog.codes)


def test_registry_covers_every_check_name() -> None:
    assert set(CHECKS) == set(CHECK_NAMES)


def test_commune_chairman_grants_exactly_the_decree_129_list() -> None:
    # Decree 129/2025 Art. 59: thôn/TDP văn hóa, GĐVH, TTLĐTT, CSTĐCS, LĐTT and giấy khen.
    granted = {a.code for a in load_catalog().awards if a.commune_grants}
    assert granted == {"THON_VH", "GD_VH", "TTLDTT", "CSTDCS", "LDTT", "LDTT_LD", "GK_XA_CN", "GK_XA_TT",
                       "GK_XA_HGD"}
    for code in granted:
        assert load_catalog().award(code).authority is AuthorityLevel.COMMUNE


@pytest.mark.parametrize(
    ("code", "multiplier"),
    [("CSTD_TQ", 4.5), ("CSTD_TINH", 3.0), ("CSTDCS", 1.0), ("LDTT", 0.3), ("CSTT", 0.3), ("TTLDXS", 1.5),
     ("TTLDTT", 0.8), ("XA_TIEU_BIEU", 2.0), ("THON_VH", 1.5), ("CO_TD_TINH", 8.0), ("CO_TD_CP", 12.0),
     ("BK_TINH_TT", 3.0), ("GK_XA_TT", 0.6)],
)
def test_reward_multipliers_from_decree_152(code: str, multiplier: float) -> None:
    assert load_catalog().award(code).reward.multiplier == multiplier


@pytest.mark.parametrize("code", ["GK_XA_CN", "BK_TINH_CN", "GK_XA_HGD", "BK_TINH_HGD"])
def test_individual_bk_and_gk_multipliers_are_not_guessed(code: str) -> None:
    reward = load_catalog().award(code).reward
    assert reward.multiplier is None and not reward.verified
    assert reward.source.confidence is Confidence.LOW


def test_household_factor_on_household_forms() -> None:
    for code in ("GK_XA_HGD", "BK_TINH_HGD"):
        assert load_catalog().award(code).reward.household_factor == 1.5


@pytest.mark.parametrize(("code", "pct"), [("CSTDCS", 80), ("CO_TD_TINH", 80), ("CSTD_TINH", 90),
                                           ("CSTD_TQ", 90)])
def test_ballot_thresholds_are_the_expired_decree_98_values(code: str, pct: float) -> None:
    vote = load_catalog().award(code).vote
    assert vote.threshold_pct == pct and vote.secret_ballot and vote.base == "all_members"
    assert vote.source.confidence is Confidence.LOW and "98/2023" in vote.source.ref


def test_cstdcs_quota_is_an_option_off_by_default() -> None:
    quota = load_catalog().award("CSTDCS").quota
    assert quota is not None and not quota.enabled
    assert (quota.base_awards, quota.max_ratio, quota.scope) == (("LDTT", "LDTT_LD", "CSTT"), 0.15, "batch")


def test_cstdcs_does_not_require_an_initiative() -> None:
    # Law Art. 23(2): excellent completion OR an initiative; the initiative is only an option.
    award = load_catalog().award("CSTDCS")
    assert "initiatives" not in {c.check for c in award.criteria}
    point2 = next(c for c in award.criteria if c.check == "one_of")
    assert {c.check for c in point2.children} >= {"task_rating_at_least", "initiatives"}


def test_bac_ninh_values_are_medium_confidence_with_the_note() -> None:
    refs = [ref for a in load_catalog().awards for ref in (a.source, *[c.source for c in a.all_criteria()])
            if ref.source_id == "QD_86_2025_BN"]
    assert refs, "the Bắc Ninh model should back the TTLĐTT/TTLĐXS/GK/BK criteria"
    assert all(r.confidence is Confidence.MEDIUM and r.note == BN_NOTE for r in refs)


def test_sources_below_h_are_unverified() -> None:
    catalog = load_catalog()
    ldtt = catalog.award("LDTT")
    assert ldtt.verified  # Law Art. 24(1)
    assert any("01/2024" in r.ref for r in ldtt.unverified_sources())
    assert not catalog.award("BK_TTG_CN").verified


def test_every_award_has_a_dossier_and_dossier_codes_are_unique() -> None:
    for award in load_catalog().awards:
        codes = [d.code for d in award.dossier]
        assert codes and len(codes) == len(set(codes)), award.code
        assert any(d.required for d in award.dossier)


def test_emulation_fighter_titles_need_the_initiative_certificate() -> None:
    catalog = load_catalog()
    for code in ("CSTD_TINH", "CSTD_TQ"):
        items = {d.code: d.required for d in catalog.award(code).dossier}
        assert items["XAC_NHAN_SANG_KIEN"] is True  # Law Art. 84(1)
    assert {d.code: d.required for d in catalog.award("CSTDCS").dossier}["XAC_NHAN_SANG_KIEN"] is False


def test_awards_for_subject_type() -> None:
    households = load_catalog().awards_for(SubjectType.HOUSEHOLD)
    assert {a.code for a in households} == {"GD_VH", "GK_XA_HGD", "BK_TINH_HGD"}


def test_unknown_award_code() -> None:
    with pytest.raises(NotFoundError) as err:
        load_catalog().award("HUAN_CHUONG_X")
    assert (err.value.code, err.value.field, err.value.params) == ("AWARD_UNKNOWN", "award_code",
                                                                 {"value": "HUAN_CHUONG_X"})


def test_base_salary_and_local_parameters() -> None:
    catalog = load_catalog()
    assert catalog.parameters.base_salary[0].amount == 2_340_000
    assert catalog.parameters.women_priority_share == 0.7
    assert set(catalog.local_parameters) == {"vote_threshold_pct", "quota_enabled", "quota_max_ratio",
                                             "quota_rounding", "base_salary"}


# ---------------------------------------------------------------- loading other files


def test_load_another_file_is_not_cached(tmp_path: Path) -> None:
    data = shipped()
    data["catalog_version"] = "2026.2-tinh"
    path = tmp_path / "awards.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = load_catalog(path)
    assert other.catalog_version == "2026.2-tinh"
    assert load_catalog().catalog_version == "2026.2"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as err:
        load_catalog(tmp_path / "nope.json")
    assert err.value.code == "CATALOG_NOT_FOUND"


def test_broken_json(tmp_path: Path) -> None:
    path = tmp_path / "awards.json"
    path.write_text('{"format_version": 1,', encoding="utf-8")
    with pytest.raises(DomainError) as err:
        load_catalog(path)
    assert (err.value.code, err.value.field, err.value.params["problem"]) == ("CATALOG_INVALID", "$",
                                                                             "json_syntax")


def test_text_is_normalised_to_nfc() -> None:
    data = shipped()
    data["awards"][0]["name_vi"] = unicodedata.normalize("NFD", "Lao động tiên tiến")
    catalog = Catalog.from_dict(data)
    assert catalog.awards[0].name_vi == unicodedata.normalize("NFC", "Lao động tiên tiến")


# ---------------------------------------------------------------- versioning


def test_newer_format_is_refused_with_update_the_app() -> None:
    data = shipped()
    data["format_version"] = 3
    err = refused(data)
    assert err.code == "CATALOG_TOO_NEW"
    assert err.params == {"found": 3, "supported": 2}


def test_older_format_is_upgraded(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate the app moving to format 3: a format-2 file must still load through an upgrader.
    def upgrade(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "catalog_version": data["catalog_version"] + "+upgraded"}

    monkeypatch.setattr(parse_module, "SUPPORTED_FORMAT_VERSION", 3)
    monkeypatch.setitem(parse_module.UPGRADES, 2, upgrade)
    catalog = Catalog.from_dict(shipped())
    assert catalog.format_version == 3 and catalog.catalog_version.endswith("+upgraded")


def test_a_format_1_catalog_still_loads() -> None:
    # Format 1 named one quota base award as a string; it is read as the whole base.
    data = shipped()
    data["format_version"] = 1
    data["awards"][award_index(data, "CSTDCS")]["quota"]["of_award"] = "LDTT"
    catalog = Catalog.from_dict(data)
    assert catalog.format_version == 2
    assert catalog.award("CSTDCS").quota.base_awards == ("LDTT",)


# ---------------------------------------------------------------- validation with JSON paths


def _mutate(path_setter: Any) -> DomainError:
    data = shipped()
    path_setter(data)
    return refused(data)


def test_unknown_check_name() -> None:
    def change(d: dict[str, Any]) -> None:
        d["awards"][0]["criteria"][1]["check"] = "has_good_vibes"

    err = _mutate(change)
    assert (err.code, err.field) == ("CATALOG_INVALID", "awards[0].criteria[1].check")
    assert err.params == {"problem": "unknown_check", "value": "has_good_vibes"}


def test_bad_enum_value_names_its_json_path() -> None:
    data = shipped()
    i = award_index(data, "CSTDCS")
    data["awards"][i]["criteria"][0]["params"]["level"] = "superb"
    err = refused(data)
    assert err.field == f"awards[{i}].criteria[0].params.level"
    assert err.params["problem"] == "unknown_value" and err.params["value"] == "superb"


def test_bad_enum_value_inside_one_of() -> None:
    data = shipped()
    i = award_index(data, "CSTDCS")
    j = next(k for k, c in enumerate(data["awards"][i]["criteria"]) if c["check"] == "one_of")
    data["awards"][i]["criteria"][j]["params"]["options"][1]["params"]["min_level"] = "district"
    err = refused(data)
    assert err.field == f"awards[{i}].criteria[{j}].params.options[1].params.min_level"


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (lambda d: d["awards"][0].__setitem__("kind", "medal"), "awards[0].kind", "unknown_value"),
        (lambda d: d["awards"][0].__setitem__("subject_type", "team"), "awards[0].subject_type",
         "unknown_value"),
        (lambda d: d["awards"][0].__delitem__("name_vi"), "awards[0].name_vi", "missing"),
        (lambda d: d["awards"][1].__setitem__("code", d["awards"][0]["code"]), "awards[1].code", "duplicate"),
        (lambda d: d["awards"][0]["criteria"][0]["params"].__setitem__("colour", 1),
         "awards[0].criteria[0].params.colour", "unknown_key"),
        (lambda d: d["awards"][0]["criteria"][0]["params"].__delitem__("level"),
         "awards[0].criteria[0].params.level", "missing"),
        (lambda d: d["awards"][0]["criteria"][0]["params"].__setitem__("consecutive_years", True),
         "awards[0].criteria[0].params.consecutive_years", "wrong_type"),
        (lambda d: d["awards"][0]["criteria"][0]["params"].__setitem__("consecutive_years", 0),
         "awards[0].criteria[0].params.consecutive_years", "out_of_range"),
        (lambda d: d["awards"][0]["criteria"][1].__setitem__("id", d["awards"][0]["criteria"][0]["id"]),
         "awards[0].criteria", "duplicate"),
        (lambda d: d["awards"][0]["criteria"][0]["source"].__setitem__("confidence", "X"),
         "awards[0].criteria[0].source.confidence", "unknown_value"),
        (lambda d: d["awards"][0]["vote"].__setitem__("threshold_pct", 120), "awards[0].vote.threshold_pct",
         "out_of_range"),
        (lambda d: d["awards"][0].__setitem__("commendation_kinds", ["yearly"]),
         "awards[0].commendation_kinds[0]", "unknown_value"),
        (lambda d: d["awards"][0].__setitem__("criteria", []), "awards[0].criteria", "empty"),
        (lambda d: d["awards"][0]["criteria"][0]["source"].__setitem__("source_id", "NO_SUCH"),
         "awards[0].criteria[0].source.source_id", "unknown_source"),
        (lambda d: d.__setitem__("format_version", "1"), "format_version", "wrong_type"),
        (lambda d: d["parameters"].__setitem__("base_salary", []), "parameters.base_salary", "empty"),
        (lambda d: d["local_parameters"].__setitem__("bonus_pct", {}), "local_parameters.bonus_pct",
         "unknown_key"),
        (lambda d: d.__setitem__("awards", {}), "awards", "wrong_type"),
    ],
)
def test_malformed_catalog(mutate: Any, field: str, problem: str) -> None:
    err = _mutate(mutate)
    assert (err.code, err.field, err.params["problem"]) == ("CATALOG_INVALID", field, problem)


def test_unknown_award_code_in_params() -> None:
    data = shipped()
    i = award_index(data, "CSTD_TINH")
    data["awards"][i]["criteria"][0]["params"]["award_codes"] = ["CSTDCS", "CSTD_XA"]
    err = refused(data)
    assert err.field == f"awards[{i}].criteria[0].params.award_codes[1]"
    assert err.params == {"problem": "unknown_award", "value": "CSTD_XA"}


def test_unknown_quota_base_award() -> None:
    data = shipped()
    i = award_index(data, "CSTDCS")
    data["awards"][i]["quota"]["of_award"] = "LDTT_OLD"
    assert refused(data).field == f"awards[{i}].quota.of_award"
    data["awards"][i]["quota"]["of_award"] = ["LDTT", "LDTT_OLD"]
    assert refused(data).field == f"awards[{i}].quota.of_award[1]"


def test_comment_keys_are_ignored() -> None:
    data = copy.deepcopy(shipped())
    data["awards"][0]["_comment"] = "ghi chú của tỉnh"
    data["awards"][0]["criteria"][0]["params"]["_why"] = "Điều 24"
    assert Catalog.from_dict(data).awards[0].code == data["awards"][0]["code"]


def test_not_an_object() -> None:
    err = refused(["awards"])
    assert (err.code, err.field) == ("CATALOG_INVALID", "$")
