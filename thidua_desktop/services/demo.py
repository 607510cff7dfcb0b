"""Realistic demo data for a commune office, built through the services (so it is audited and
sync-stamped like real work). Deterministic for a given seed. The people (names, posts, CCCD
numbers) are drawn in demo_people.py, the fixed wording and lists are in demo_data.py."""

from __future__ import annotations

import random
import struct
import tempfile
import zlib
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import checkpoints
from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..reports.achievement_report import COLLECTIVE, HOUSEHOLD, INDIVIDUAL, achievement_sentence
from ..reports.model import Wording
from ..reports.templates import load_template
from . import demo_data as data
from .council import BallotInput
from .demo_people import DemoPeople, cccd_block
from .movements import IndicatorInput, MovementInput
from .officials import CHAIRMAN, COUNCIL_CHAIR, COUNCIL_VICE_CHAIR, REFORM_DAY, SECRETARY, VICE_CHAIRMAN
from .people import PersonView
from .records import Subject

if TYPE_CHECKING:
    from ..bootstrap import App

YEAR = 2026
# The province as the author of the demo's simulated answers (never a real office's node).
DEMO_PROVINCE_NODE = "00000000-0000-4000-8000-000000000004"
DEMO_PROVINCE_ACTOR = "Sở Nội vụ tỉnh (dữ liệu mẫu)"


class DemoBuilder:
    def __init__(self, app: App, seed: int = 2026, today: date | None = None,
                 shared_cccds: Sequence[str] = ()) -> None:
        """``shared_cccds``: CCCD numbers given to the last people (villagers) instead of drawn
        ones. A test gives a number another commune's demo holds, to make a cross-commune
        duplicate on purpose; nothing else repeats a number across communes."""
        self.app = app
        self.shared_cccds = list(shared_cccds)
        self.rng = random.Random(seed)
        # The Mẫu 05 fields draw from their own generator: everything else stays as it was for a seed.
        self.dossier_rng = random.Random(seed * 31 + 5)
        self.ratings_now: dict[str, str] = {}  # person or collective id -> its rating of YEAR
        self.today = today or date(YEAR, 11, 25)
        self.counts: dict[str, int] = {}
        self.agency_members: set[str] = set()  # people of the three agencies nominated for TTLĐTT

    def build(self, people: int = 300) -> dict[str, int]:
        office = self.app.office.office()
        if office.role != Role.COMMUNE.value:
            raise DomainError("DEMO_NEEDS_COMMUNE")
        if people < 30 or people > 200_000:
            raise DomainError("NUMBER_OUT_OF_RANGE", field="people", value=people, range="30 – 200000")
        villages = [self.app.office.add_village(n, "xom" if n.startswith("Xóm") else "to_dan_pho", b, r).id
                    for n, b, r in data.VILLAGES]
        persons = self._people(people, villages)
        checkpoints.reached("demo:people_written")  # half-way: the kill tests stop here
        officials = [p for p in persons if p.position in data.OFFICIAL_POSITIONS]
        collectives = self._collectives(villages, officials)
        households = self._households(villages, persons)
        self._ratings_and_awards(officials, collectives)
        initiatives = self._initiatives(officials)
        self._discipline(officials)
        movement_ids = self._movements(villages)
        self._exemplars(movement_ids, persons, collectives)
        self._nominations(officials, collectives, households, initiatives)
        self.counts.update(villages=len(villages), people=len(persons), movements=len(movement_ids))
        return self.counts

    # People ------------------------------------------------------------------------------------
    def _people(self, count: int, villages: list[str]) -> list[PersonView]:
        office = self.app.office.office()
        rows = DemoPeople(self.rng, self.dossier_rng, self.today, YEAR,
                          cccd_block(office.province_code, office.unit_code), self.shared_cccds).rows(count, villages)
        created: list[PersonView] = []
        for start_index in range(0, len(rows), 500):  # one transaction per 500 rows keeps memory flat
            created.extend(self.app.people.create_many(rows[start_index:start_index + 500]))
        return created

    def _collectives(self, villages: list[str], officials: list[PersonView]) -> list[str]:
        ids = []
        for name, kind in data.COLLECTIVES:
            members = self.rng.randint(6, 25)
            women = self.rng.randint(2, members)
            if "Phụ nữ" in name:  # the women's union is women; the veterans are nearly all men
                women = members
            elif "Cựu chiến binh" in name:
                women = min(women, 2)
            ids.append(self.app.collectives.create(name, kind, member_count=members, women_count=women).id)
        # The three agencies nominated below get their staff as members (by workplace), so collective
        # criteria can be checked.
        for (name, _kind), cid in zip(data.COLLECTIVES[:3], ids[:3], strict=True):
            staff = [p.id for p in officials if p.workplace == name]
            self.agency_members.update(staff)
            self.app.collectives.add_members(cid, staff)
        for name, _border, _remote in data.VILLAGES[:6]:
            ids.append(self.app.collectives.create(name, "village", village_id=villages[0]).id)
        self.counts["collectives"] = len(ids)
        return ids

    def _households(self, villages: list[str], persons: list[PersonView]) -> list[str]:
        ids = []
        for person in persons[-12:]:
            head = "bà" if person.gender == "female" else "ông"
            ids.append(self.app.collectives.create(f"Hộ {head} {person.full_name}", "household",
                                                   village_id=person.village_id, member_count=4,
                                                   head_person_id=person.id).id)
        self.counts["households"] = len(ids)
        return ids

    # History -----------------------------------------------------------------------------------
    def _ratings_and_awards(self, officials: list[PersonView], collectives: list[str]) -> None:
        awards = 0
        for year in range(YEAR - 3, YEAR + 1):
            grid: dict[Subject, str] = {}
            for index, person in enumerate(officials):
                roll = self.rng.random()
                rating = ("excellent" if roll < 0.3 or index in (5, 6) else "good" if roll < 0.9 else "completed")
                if person.id in self.agency_members and rating == "completed":
                    rating = "good"  # the agencies nominated for TTLĐTT: everyone completed tasks well
                grid[Subject(person_id=person.id)] = rating
            for cid in collectives[:11]:
                grid[Subject(collective_id=cid)] = "excellent" if self.rng.random() < 0.4 else "good"
            if year == YEAR:
                self.ratings_now = {s.person_id or s.collective_id or "": r for s, r in grid.items()}
            self.app.records.set_ratings(year, grid, source_document=f"Kết quả đánh giá, xếp loại năm {year}")
            if year == YEAR:
                continue
            decided = date(year, 12, 20)
            ldtt_number = f"{self.rng.randint(10, 99):02d}/QĐ-UBND"
            cstdcs_number = f"{int(ldtt_number[:2]) + 1:02d}/QĐ-UBND"
            issuer = self._issuer(decided)
            for subject, rating in grid.items():
                if subject.person_id and rating in ("good", "excellent"):
                    self.app.records.add_award(subject, award_code="LDTT", year=year, award_kind="emulation_title",
                                               title="Lao động tiên tiến", decision_number=ldtt_number,
                                               decision_date=decided.strftime("%d/%m/%Y"), issuer=issuer)
                    awards += 1
                    # Officials 5 and 6 are the demo's Bằng khen candidates: CSTĐCS every year.
                    streak = subject.person_id in {officials[5].id, officials[6].id}
                    if rating == "excellent" and (streak or self.rng.random() < 0.6):
                        self.app.records.add_award(subject, award_code="CSTDCS", year=year,
                                                   award_kind="emulation_title", title="Chiến sĩ thi đua cơ sở",
                                                   decision_number=cstdcs_number,
                                                   decision_date=decided.strftime("%d/%m/%Y"), issuer=issuer)
                        awards += 1
        self.counts["award_history"] = awards

    def _issuer(self, decided: date) -> str:
        """Who issued a decision of that day: the present commune from 1/7/2025, the former unit before
        (before the reform the district chairman awarded CSTĐCS and LĐTT, Law 06/2022 Art. 80(2))."""
        office = self.app.office.office()
        if decided >= date(*data.REFORM_DAY):
            return f"Chủ tịch UBND {office.unit_name[:1].lower()}{office.unit_name[1:]}"
        district = data.FORMER_DISTRICTS.get(office.unit_code)
        return f"Chủ tịch UBND {district}" if district else data.FORMER_ISSUER_FALLBACK

    def _initiatives(self, officials: list[PersonView]) -> dict[str, list[str]]:
        owned: dict[str, list[str]] = {}
        for (title, effect, scope), person in zip(data.INITIATIVES, officials[1:6], strict=False):
            initiative = self.app.records.add_initiative(title=title, level="grassroots", year=YEAR,
                                                         owner_ids=[person.id], decision_number="25/QĐ-HĐSK",
                                                         decision_date="15/10/2026", effect=effect, scope=scope)
            owned.setdefault(person.id, []).append(initiative)
        self.counts["initiatives"] = len(data.INITIATIVES)
        return owned

    @staticmethod
    def _at(officials: list[PersonView], workplace: str) -> PersonView:
        """The last official working there (a staff member, never the head of an agency)."""
        return [p for p in officials if p.workplace == workplace][-1]

    def _discipline(self, officials: list[PersonView]) -> None:
        if len(officials) > 20:
            disciplined = self._at(officials, "Trường Tiểu học và THCS xã")
            self.app.records.add_discipline(Subject(person_id=disciplined.id), level="reprimand",
                                            decided_on="10/03/2026", period_end="10/09/2026",
                                            decision_number="05/QĐ-UBND")
        if len(officials) > 21:
            self.app.records.open_matter(Subject(person_id=self._at(officials, "Trạm Y tế xã").id), kind="complaint",
                                         opened_on="02/10/2026", note="Đang xác minh đơn")

    # Movements ---------------------------------------------------------------------------------
    @staticmethod
    def _photo(path: Path, rgb: tuple[int, int, int], width: int = 96, height: int = 64) -> Path:
        """A small plain-colour PNG standing in for a photo of the activity."""
        row = b"\x00" + bytes(rgb) * width
        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
               + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))
        path.write_bytes(png)
        return path

    def _movements(self, villages: list[str]) -> list[str]:
        with tempfile.TemporaryDirectory() as tmp:
            return self._movements_with_photos(villages, Path(tmp))

    def _movements_with_photos(self, villages: list[str], tmp: Path) -> list[str]:
        ids: list[str] = []
        activities = 0
        for spec in data.MOVEMENTS:
            start, end = spec["period"]
            launched = spec["launch_level"] == "province"
            movement_id = self.app.movements.create(MovementInput(
                code=str(spec["code"]), name=str(spec["name"]), theme=str(spec["theme"]),
                launch_level=str(spec["launch_level"]),
                launch_doc_number=data.DIRECTIVE_DOC[0] if launched else "01/KH-UBND",
                launch_doc_date=data.DIRECTIVE_DOC[1] if launched else "05/01/2026",
                kind=str(spec["kind"]), period_start=start, period_end=end,
                goals=list(spec["goals"]), criteria=list(spec["criteria"]),
                participants=["Các xóm, tổ dân phố", "Cơ quan, đoàn thể xã"],
                interim_review_date="15/06/2028" if launched else "30/06/2026",
                final_review_date="15/12/2030" if launched else "15/12/2026",
                indicators=[IndicatorInput(i.name, i.unit, i.baseline, i.target, ["30/06/2026", "15/12/2026"],
                                           kind=i.kind, direction=i.direction)
                            for i in spec["indicators"]],
            ))
            ids.append(movement_id)
            indicators = self.app.movements.indicators(movement_id)
            for _ in range(self.rng.randint(3, 7)):
                day = date(YEAR, 5, 20) + timedelta(days=self.rng.randint(0, 180))
                total = self.rng.randint(15, 120)
                ind = self.rng.choice(indicators)
                self.app.movements.record_activity(
                    movement_id=movement_id, held_on=day.strftime("%d/%m/%Y"),
                    village_id=self.rng.choice(villages), description=self.rng.choice(data.ACTIVITY_TEXTS),
                    participants_total=total, participants_women=self.rng.randint(0, total),
                    participants_minority=self.rng.randint(total // 2, total),
                    indicator_values={str(ind["id"]): data.indicator_value(spec, str(ind["name"]), day,
                                                                            self.rng.randint(1, 5))},
                    files=[self._photo(tmp / f"anh-hoat-dong-{activities + 1}.png",
                                       (self.rng.randint(60, 200), self.rng.randint(120, 220), 90))]
                    if activities % 4 == 0 else [])
                activities += 1
        self.counts["activities"] = activities
        return ids

    def _exemplars(self, movement_ids: list[str], persons: list[PersonView], collectives: list[str]) -> None:
        for index, title in enumerate(data.EXEMPLARS):
            subject = Subject(person_id=persons[(40 + index) % len(persons)].id) if index % 2 else Subject(
                collective_id=collectives[index % len(collectives)])
            exemplar = self.app.exemplars.discover(title=title, discovered_on="10/06/2026", subject=subject,
                                                   movement_id=movement_ids[index % len(movement_ids)],
                                                   notes="Phát hiện qua báo cáo của xóm")
            for step in range(index % 4):
                day = date(YEAR, 7 + step, 10).strftime("%d/%m/%Y")
                self.app.exemplars.advance(exemplar, day, notes="Theo kế hoạch bồi dưỡng điển hình")
        self.counts["exemplars"] = len(data.EXEMPLARS)

    # Nominations -------------------------------------------------------------------------------
    def _attest_all(self, nomination_id: str, award_code: str) -> None:
        """The officer confirms the qualitative criteria (the demo confirms all of them)."""
        award = self.app.catalog.award(award_code)
        ids = [c.id for top in award.criteria for c in top.walk() if c.check == "attestation"]
        if ids:
            self.app.nominations.attest(nomination_id, ids)

    def _nominations(self, officials: list[PersonView], collectives: list[str], households: list[str],
                     initiatives: dict[str, list[str]]) -> None:
        noms = self.app.nominations
        batch = noms.create_batch(f"Xét khen thưởng năm {YEAR}", YEAR, "annual", deadline="10/12/2026")
        created: list[tuple[str, str]] = []
        # Each summary is the sentence the nominee's kind and rating of the year call for, in the
        # report's wording (a household is never said to have "completed its tasks").
        household_ids = set(households)
        wording = Wording(load_template("common"), load_template("report"), {})

        def add(code: str, **kwargs: Any) -> str | None:  # kwargs: person_id or collective_id, and options
            subject_id = str(kwargs.get("person_id") or kwargs.get("collective_id"))
            kind = (INDIVIDUAL if "person_id" in kwargs else HOUSEHOLD if subject_id in household_ids
                    else COLLECTIVE)
            try:
                n = noms.create(batch_id=batch.id, award_code=code, as_of=self.today,
                                achievement_summary=achievement_sentence(
                                    wording, kind, self.ratings_now.get(subject_id, ""), YEAR),
                                **kwargs)
            except DomainError:
                return None
            created.append((n.id, code))
            return n.id

        # The commune chairman signs the commune's decisions: he is not among their recipients.
        for person in officials[1:]:
            add("LDTT", person_id=person.id)
        for person in officials[1:6]:
            add("CSTDCS", person_id=person.id, initiative_ids=initiatives.get(person.id, []))
        for cid in collectives[:3]:
            add("TTLDTT", collective_id=cid)
        for hid in households[:4]:
            add("GD_VH", collective_id=hid)
        # Six Bằng khen dossiers, so every step of the province's answer shows: officials 5 and 6 on two
        # consecutive CSTĐCS, the others on results the officer attests.
        for person in [*officials[5:7], *officials[9:13]]:
            add("BK_TINH_CN", person_id=person.id, commendation_kind="regular")
        for person in officials[3:5]:
            add("GK_XA_CN", person_id=person.id, commendation_kind="regular")
        for nomination_id, code in created:
            self._attest_all(nomination_id, code)
        self._council_and_decisions(officials, created)
        for nomination_id, _code in created:  # titles decided meanwhile count for collectives
            if self.app.nominations.get(nomination_id).status in ("draft", "council_voted"):
                self.app.nominations.evaluate(nomination_id, self.today)
        self.counts["nominations"] = len(created)

    def _holder(self, officials: list[PersonView], position: str) -> PersonView:
        return next(p for p in officials if p.position == position)

    def _officials(self, seats: list[tuple[str, PersonView]]) -> None:
        """Who signs (Cài đặt → Lãnh đạo ký văn bản): the commune chairman, who chairs the council,
        the vice-chairman, who is its vice-chair, and the council's secretary, all in office since
        the present commune was formed on 1/7/2025."""
        by_role = {role: person for role, person in seats if role != "member"}
        start = REFORM_DAY.strftime("%d/%m/%Y")
        for role, seat in ((CHAIRMAN, "chair"), (COUNCIL_CHAIR, "chair"), (VICE_CHAIRMAN, "vice_chair"),
                           (COUNCIL_VICE_CHAIR, "vice_chair"), (SECRETARY, "secretary")):
            self.app.officials.add(role=role, full_name=by_role[seat].full_name, term_start=start)

    def _council_and_decisions(self, officials: list[PersonView], created: list[tuple[str, str]]) -> None:
        seats = [(role, self._holder(officials, position)) for role, position in data.COUNCIL]
        members = [self.app.council.add_member(person.full_name, role, person.position) for role, person in seats]
        self._officials(seats)
        # The Youth Union secretary is away; the six others meet (the secretary keeps the minutes).
        absent = [m for m, (_role, p) in zip(members, seats, strict=True) if p.position == "Bí thư Đoàn xã"]
        present = [m for m in members if m not in absent]
        # Only eligible drafts go to the council; the others stay drafts with the reasons on screen.
        outcome = {nid: self.app.nominations.get(nid).eligibility_outcome for nid, _code in created}
        person = {nid: self.app.nominations.get(nid).person_id for nid, _code in created}
        eligible_ldtt = [nid for nid, code in created if code == "LDTT" and outcome[nid] == "eligible"]
        # Three eligible LĐTT outside the agencies wait for the next meeting (drafts that could pass).
        waiting = [nid for nid in eligible_ldtt if person[nid] not in self.agency_members][-3:]
        to_vote = [(nid, code) for nid, code in created
                   if outcome[nid] == "eligible" and nid not in waiting and code in ("LDTT", "CSTDCS", "BK_TINH_CN")]
        failing = next((nid for nid, code in to_vote if code == "CSTDCS"), to_vote[0][0] if to_vote else None)
        ballots = [BallotInput(nid, len(present), len(present), 4 if nid == failing else len(present))
                   for nid, _code in to_vote]
        results = self.app.council.record_meeting(held_on="20/11/2026", started_at="08:30",
                                                  present_member_ids=present,
                                                  absent_member_ids=absent, ballots=ballots)
        passed = {r.nomination_id for r in results if r.passed}
        # The chairman decides LĐTT for those passed, except three outside the agencies left for later.
        passed_ldtt = [nid for nid, code in to_vote if code == "LDTT" and nid in passed]
        later = [nid for nid in passed_ldtt if person[nid] not in self.agency_members][-3:]
        ldtt = [nid for nid in passed_ldtt if nid not in later]
        if ldtt:
            # Signed by the chairman in office that day, who also chaired the meeting.
            self.app.decisions.issue(number="45/QĐ-UBND", decided_on="24/11/2026", award_code="LDTT",
                                     nomination_ids=ldtt)
        submitted: list[str] = []
        for nid, code in to_vote:
            if code == "BK_TINH_CN" and nid in passed:
                try:
                    self.app.nominations.transition(nid, "submitted")
                    submitted.append(nid)
                except StateError:
                    pass
        self.counts["decided"] = len(ldtt)
        self.counts["submitted"] = len(submitted)
        self.counts["council_failed"] = len(to_vote) - len(passed)
        self.counts["province_verdicts"] = self._province_verdicts(submitted[1:])

    def _province_verdicts(self, nomination_ids: list[str]) -> int:
        """The province's answers (received, in review, approved, returned, rejected) to submitted
        dossiers, as a bundle from the province would bring them. Only on an office not connected to
        a province: a connected office gets the real answers, and these rows never leave the office
        (they belong to no office it exchanges with)."""
        from ..db.models import Nomination
        from ..db.models.sync import NominationReview
        from .sync_views import SyncViews

        if SyncViews(self.app.db, self.app.actor).peers()[1]:
            return 0
        reviewed_at = datetime(self.today.year, self.today.month, self.today.day, 2, 0)
        with self.app.db.transaction(DEMO_PROVINCE_ACTOR) as session:
            session.info["applying_remote"] = True  # the province's rows: not stamped as this office's
            count = 0
            for clock, (nid, (status, reason)) in enumerate(zip(nomination_ids, data.PROVINCE_VERDICTS,
                                                              strict=False), start=1):
                nomination = session.get(Nomination, nid)
                if nomination is None or nomination.status != "submitted":
                    continue
                session.add(NominationReview(
                    nomination_id=nid,
                    status=status, reason=reason, reviewed_version=nomination.version,
                    reviewed_epoch=nomination.origin_epoch, reviewed_at=reviewed_at,
                    origin_node=DEMO_PROVINCE_NODE, origin_epoch=1, version=clock, clock=clock,
                    updated_at=reviewed_at))
                count += 1
            return count
