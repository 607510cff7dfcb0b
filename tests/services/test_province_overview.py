"""The province's overview of its communes, over real offices that exchange real bundles: each count
is checked against the expected story and against the database read row by row (the service counts
in a few grouped queries), through a return, a resubmission, results sent back, a bundle with a bad
record and a conflicting one, and a key confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from province_overview_helpers import (
    COUNTS,
    DONG_KHE,
    LY_BON,
    QUANG_UYEN,
    SILENT_DAYS,
    Offices,
    agrees_with_the_database,
    build,
    counted,
    overview_rows,
    send_bad_and_conflicting,
)
from sqlalchemy import event, select
from sync_helpers import confirm_first

from thidua_desktop.bootstrap import App
from thidua_desktop.db.models import Nomination
from thidua_desktop.db.models.sync import NominationReview, SyncConflict, SyncPeer
from thidua_desktop.domain.errors import ValidationError
from thidua_desktop.services.province_overview import ProvinceOverviewService, select_rows


@pytest.fixture
def offices(tmp_path: Path) -> Iterator[Offices]:
    built = build(tmp_path)
    yield built
    built.close()


def service(app: App) -> ProvinceOverviewService:
    return ProvinceOverviewService(app.db, app.actor, app.current_catalog)


rows = overview_rows


def test_each_commune_shows_what_waits_for_whom(offices: Offices) -> None:
    province = offices.province
    shown = agrees_with_the_database(province)
    assert list(shown) == [LY_BON, QUANG_UYEN, DONG_KHE]  # by code
    quang_uyen, dong_khe, ly_bon = shown[QUANG_UYEN], shown[DONG_KHE], shown[LY_BON]
    assert (quang_uyen.unit_name, dong_khe.unit_name, ly_bon.unit_name) == ("Xã Quảng Uyên", "Xã Đông Khê",
                                                                             "Xã Lý Bôn")

    # Three dossiers came: one approved, one returned, one still waiting; both verdicts wait for a bundle.
    assert counted(quang_uyen) == {"waiting_review": 1, "returned_open": 1, "results_unsent": 2, "conflicts": 0,
                                   "quarantined": 0, "keys_waiting": 0, "bundles_waiting": 0}
    assert quang_uyen.last_received is not None and quang_uyen.last_sent is None
    assert quang_uyen.days_silent == 0 and quang_uyen.status == "ok" and not (quang_uyen.late or quang_uyen.blocked)

    # Its first bundle arrived but waits for the fingerprint: blocked, not late, nothing applied yet.
    assert (dong_khe.keys_waiting, dong_khe.bundles_waiting, dong_khe.last_received) == (1, 1, None)
    assert dong_khe.blocked and not dong_khe.late and dong_khe.status == "blocked"
    assert dong_khe.peer_status == "waiting" and dong_khe.days_silent == 0

    # Enrolled 45 days ago and silent since.
    assert ly_bon.late and not ly_bon.blocked and ly_bon.status == "late"
    assert ly_bon.days_silent == SILENT_DAYS and ly_bon.last_received is None and counted(ly_bon) == dict.fromkeys(
        COUNTS, 0)
    assert not rows(province, late_days=SILENT_DAYS + 1)[LY_BON].late
    assert rows(province, late_days=SILENT_DAYS)[LY_BON].late  # N days of silence is late
    assert rows(province, today=date.today() + timedelta(days=30))[QUANG_UYEN].late


def test_the_counts_follow_results_sent_a_return_resubmitted_and_a_key_confirmed(offices: Offices) -> None:
    province, quang_uyen = offices.province, offices.communes[QUANG_UYEN]
    offices.send_down(QUANG_UYEN)  # the verdicts travel back
    after = agrees_with_the_database(province)[QUANG_UYEN]
    assert (after.results_unsent, after.waiting_review, after.returned_open) == (0, 1, 1)
    assert after.last_sent is not None
    assert quang_uyen.nominations.get(offices.dossiers["returned"]).status == "returned"

    # The commune takes the dossier back to fix it: still returned and not resubmitted at the province.
    quang_uyen.nominations.transition(offices.dossiers["returned"], "draft")
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    assert counted(agrees_with_the_database(province)[QUANG_UYEN])["returned_open"] == 1
    # Fixed and submitted again: it waits for review once more.
    for status in ("council_voted", "submitted"):
        quang_uyen.nominations.transition(offices.dossiers["returned"], status)
    province.sync.import_bundle(offices.send_up(QUANG_UYEN))
    again = agrees_with_the_database(province)[QUANG_UYEN]
    assert (again.waiting_review, again.returned_open, again.results_unsent) == (2, 0, 0)
    province.reviews.review(offices.dossiers["waiting"], "rejected", "Chưa đủ tiêu chuẩn")
    assert counted(agrees_with_the_database(province)[QUANG_UYEN])["results_unsent"] == 1

    dong_khe = offices.communes[DONG_KHE]
    confirm_first(province, dong_khe)
    confirmed = agrees_with_the_database(province)[DONG_KHE]
    assert (confirmed.keys_waiting, confirmed.blocked, confirmed.status) == (0, False, "ok")
    assert confirmed.last_received is not None


def test_bad_and_conflicting_records_block_their_commune_only(offices: Offices) -> None:
    province = offices.province
    report = send_bad_and_conflicting(offices)
    assert (report["conflicts"], report["quarantined"]) == (1, 1)
    shown = agrees_with_the_database(province)
    assert (shown[QUANG_UYEN].conflicts, shown[QUANG_UYEN].quarantined) == (1, 1)
    assert shown[QUANG_UYEN].blocked and shown[QUANG_UYEN].status == "blocked"
    assert shown[LY_BON].conflicts == shown[LY_BON].quarantined == 0

    with province.db.transaction("test") as session:  # the officer looked at the conflict
        for conflict in session.scalars(select(SyncConflict)):
            conflict.resolution = "winner"
            conflict.resolved_at = conflict.detected_at
    assert rows(province)[QUANG_UYEN].conflicts == 0


def test_filters_and_the_search_ignore_accents(offices: Offices) -> None:
    shown = list(rows(offices.province).values())
    assert [r.unit_code for r in select_rows(shown, "late")] == [LY_BON]
    assert [r.unit_code for r in select_rows(shown, "blocked")] == [DONG_KHE]
    assert [r.unit_code for r in select_rows(shown, "waiting_review")] == [QUANG_UYEN]
    assert [r.unit_code for r in select_rows(shown, "all", "dong khe")] == [DONG_KHE]
    assert [r.unit_code for r in select_rows(shown, "all", "ĐÔNG")] == [DONG_KHE]
    assert [r.unit_code for r in select_rows(shown, "all", "quang uyen")] == [QUANG_UYEN]
    assert [r.unit_code for r in select_rows(shown, "all", "01294")] == [LY_BON]
    assert select_rows(shown, "late", "quang") == []


def test_the_late_setting_is_kept_and_checked(offices: Offices) -> None:
    overview = service(offices.province)
    assert overview.late_days() == 30 and overview.overview().late_days == 30
    overview.set_late_days(60)
    assert overview.late_days() == 60 and not rows(offices.province)[LY_BON].late  # 45 days < 60
    for bad in (0, 366, "abc"):
        with pytest.raises(ValidationError):
            overview.set_late_days(bad)
    assert overview.late_days() == 60


def test_a_commune_office_has_no_communes(offices: Offices) -> None:
    assert service(offices.communes[QUANG_UYEN]).overview().rows == []


def test_the_number_of_queries_does_not_grow_with_the_communes(offices: Offices) -> None:
    """A province of 60 communes must stay fast: the overview reads with a fixed handful of
    queries, not one (or more) per commune, beside the duplicates screen's detection (whose open
    findings it counts; its own queries do not grow with the communes either)."""
    province = offices.province
    statements: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    def counted(action: Any) -> int:
        statements.clear()
        action()
        return len(statements)

    engine = province.db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        service(province).overview()  # what is read once per process (caches) is not counted
        with_three = counted(lambda: service(province).overview())
        detection = counted(province.duplicates.open_counts)
        for code in ("01273", "01279", "01288", "01304", "01297"):
            province.sync.export_enrollment(code, offices.tmp / f"ket-noi-{code}.json")
        assert len(service(province).overview().rows) == 8
        with_eight = counted(lambda: service(province).overview())
        detection_eight = counted(province.duplicates.open_counts)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert with_eight - detection_eight == with_three - detection <= 8
    assert detection_eight == detection


def test_a_review_never_counts_for_another_commune(offices: Offices) -> None:
    """Reviews and nominations are matched by the commune's node, not by name or order."""
    province = offices.province
    with province.db.reader() as session:
        reviewed = set(session.scalars(select(NominationReview.nomination_id)))
        owners = set(session.scalars(select(Nomination.origin_node).where(Nomination.id.in_(reviewed))))
        node = session.get(SyncPeer, QUANG_UYEN).node_id
    assert owners == {node}
    shown = rows(province)
    assert sum(r.waiting_review + r.returned_open + r.results_unsent for c, r in shown.items()
               if c != QUANG_UYEN) == 0
