"""The demo's dossier read back: every achievement sentence matches the nominee's kind and rating of
the year, no Mẫu 05 line the register could fill is dotted, and the decision's list says each unit once."""

from __future__ import annotations

from datetime import date

import pytest
from demo_helpers import copy_demo

from thidua_desktop.services.records import Subject

from .pdfcheck import flat, read_pages

SENTENCES = {"excellent": "Hoàn thành xuất sắc nhiệm vụ được giao năm 2026.",
             "good": "Hoàn thành tốt nhiệm vụ được giao năm 2026.",
             "completed": "Hoàn thành nhiệm vụ được giao năm 2026."}


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_template):  # type: ignore[no-untyped-def]
    mp = pytest.MonkeyPatch()
    mp.setenv("THIDUA_DOC_FONT", "bundled")
    # The commune fixture's office with DemoBuilder(seed=2026, today=25/11/2026).build(people=40),
    # copied from the session's one build (tests/conftest.py).
    app = copy_demo(demo_template(2026, 40, date(2026, 11, 25)), tmp_path_factory.mktemp("demo") / "data")
    try:
        yield app
    finally:
        app.close()
        mp.undo()


def _text(app, kind: str, target: str) -> str:  # type: ignore[no-untyped-def]
    return flat(" ".join(p.text for p in read_pages(app.printing.render(kind, target).pdf)))


def test_each_nominee_gets_the_sentence_of_its_kind_and_rating(demo) -> None:  # type: ignore[no-untyped-def]
    households = {h.id for h in demo.collectives.search(kind="household")[0]}
    seen = set()
    for n in demo.nominations.list():
        if n.collective_id in households:
            assert n.achievement_summary.startswith("Gia đình gương mẫu chấp hành chủ trương"), n.id
            assert "nhiệm vụ được giao" not in n.achievement_summary
            seen.add("household")
        elif n.person_id:
            [rating] = [r.rating for r in demo.records.ratings_of(Subject(person_id=n.person_id)) if r.year == 2026]
            assert n.achievement_summary == SENTENCES[rating], (n.id, rating)
            seen.add(rating)
        else:
            [rating] = [r.rating for r in demo.records.ratings_of(Subject(collective_id=n.collective_id))
                        if r.year == 2026]
            assert n.achievement_summary.startswith(f"Hoàn thành {'xuất sắc' if rating == 'excellent' else 'tốt'} "
                                                    "nhiệm vụ và kế hoạch được giao năm 2026;")
            seen.add("collective")
    assert {"household", "collective", "excellent", "good"} <= seen
    household = next(n for n in demo.nominations.list() if n.collective_id in households)
    text = _text(demo, "report", household.id)
    assert "Gia đình gương mẫu chấp hành" in text and "nhiệm vụ được giao" not in text


def test_the_demo_reports_have_no_blank_the_register_could_fill(demo) -> None:  # type: ignore[no-untyped-def]
    batch = demo.nominations.batches()[0].id
    reports = [target for kind, target in demo.printing.batch_targets(batch) if kind == "report"]
    assert reports
    for target in reports:
        codes = {n.code for n in demo.printing.missing("report", target)}
        assert not {c for c in codes if c.startswith(("BLANK_PERSON", "BLANK_INITIATIVE", "BLANK_ACHIEVEMENTS"))}
    initiative_report = next(t for t in reports if "Sáng kiến “" in _text(demo, "report", t))
    text = _text(demo, "report", initiative_report)
    assert "phạm vi ảnh hưởng: tại cơ sở" in text and "Quê quán: ……" not in text


def test_the_decision_list_says_each_unit_once(demo) -> None:  # type: ignore[no-untyped-def]
    decision = demo.decisions.page()[0][0]
    text = _text(demo, "decision", decision.id)
    repeated = 0
    for recipient in decision.recipients:
        person = demo.people.get(demo.nominations.get(recipient.nomination_id).person_id)
        if person.workplace and person.position.endswith(person.workplace):
            repeated += 1
            assert f"{person.position}, {person.workplace}" not in text
            assert f"{recipient.nominee_name} {person.position}" in text
    assert repeated  # the demo has such posts ("Chủ tịch Hội Liên hiệp Phụ nữ xã" at its union)
