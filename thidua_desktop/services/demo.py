"""Realistic demo data for a commune office, built through the services (so it is audited and
sync-stamped like real work). Deterministic for a given seed."""

from __future__ import annotations

import random
import struct
import tempfile
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.enums import Role
from ..domain.errors import DomainError, StateError
from ..domain.ethnicity import CAO_BANG_MIX
from . import demo_data as data
from .council import BallotInput
from .movements import IndicatorInput, MovementInput
from .people import PersonInput, PersonView
from .records import Subject

if TYPE_CHECKING:
    from ..bootstrap import App

YEAR = 2026


class DemoBuilder:
    def __init__(self, app: App, seed: int = 2026, today: date | None = None) -> None:
        self.app = app
        self.rng = random.Random(seed)
        self.today = today or date(YEAR, 11, 25)
        self.counts: dict[str, int] = {}

    def build(self, people: int = 300) -> dict[str, int]:
        office = self.app.office.office()
        if office.role != Role.COMMUNE.value:
            raise DomainError("DEMO_NEEDS_COMMUNE")
        if people < 30 or people > 200_000:
            raise DomainError("NUMBER_OUT_OF_RANGE", field="people", value=people, range="30 – 200000")
        villages = [self.app.office.add_village(n, "xom" if n.startswith("Xóm") else "to_dan_pho", b, r).id
                    for n, b, r in data.VILLAGES]
        persons = self._people(people, villages)
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
    def _name(self, ethnicity: str, female: bool) -> str:
        family = self.rng.choice(data.FAMILY_NAMES.get(ethnicity, data.FAMILY_NAMES["Kinh"]))
        if ethnicity == "Mông":
            middle = self.rng.choice(data.MONG_FEMALE_MIDDLE if female else data.MONG_MALE_MIDDLE)
        else:
            middle = self.rng.choice(data.FEMALE_MIDDLE if female else data.MALE_MIDDLE)
        given = self.rng.choice(data.FEMALE_GIVEN if female else data.MALE_GIVEN)
        return f"{family} {middle} {given}"

    def _cccd(self, birth_year: int, female: bool, used: set[str]) -> str:
        century = 0 if birth_year < 2000 else 2
        while True:
            number = f"004{century + int(female)}{birth_year % 100:02d}{self.rng.randrange(10**6):06d}"
            if number not in used:
                used.add(number)
                return number

    def _people(self, count: int, villages: list[str]) -> list[PersonView]:
        groups, weights = list(CAO_BANG_MIX.keys()), list(CAO_BANG_MIX.values())
        used: set[str] = set()
        rows: list[PersonInput] = []
        for index in range(count):
            ethnicity = self.rng.choices(groups, weights)[0]
            female = self.rng.random() < 0.5
            birth_year = self.rng.randint(1962, 2002)
            official = index < max(24, count // 10)
            birth = (f"{self.rng.randint(1, 28):02d}/{self.rng.randint(1, 12):02d}/{birth_year}"
                     if self.rng.random() < 0.7 else str(birth_year))
            start = date(self.rng.randint(2005, 2024), self.rng.randint(1, 12), 1)
            rows.append(PersonInput(
                full_name=self._name(ethnicity, female), gender="female" if female else "male", birth=birth,
                ethnicity=ethnicity, cccd=self._cccd(birth_year, female, used) if self.rng.random() < 0.8 else "",
                position=(data.OFFICIAL_POSITIONS[index % len(data.OFFICIAL_POSITIONS)] if official
                          else self.rng.choice(data.DIRECT_POSITIONS)),
                workplace="UBND xã" if official else "",
                village_id=self.rng.choice(villages), is_direct_worker=not official,
                employment_start=start.strftime("%d/%m/%Y") if official else "",
            ))
        created: list[PersonView] = []
        for start_index in range(0, len(rows), 500):  # one transaction per 500 rows keeps memory flat
            created.extend(self.app.people.create_many(rows[start_index:start_index + 500]))
        return created

    def _collectives(self, villages: list[str], officials: list[PersonView]) -> list[str]:
        ids = []
        for name, kind in data.COLLECTIVES:
            members = self.rng.randint(6, 25)
            ids.append(self.app.collectives.create(name, kind, member_count=members,
                                                   women_count=self.rng.randint(2, members)).id)
        # The three agencies nominated below get real members, so collective criteria can be checked.
        self.app.collectives.add_members(ids[0], [p.id for p in officials[:8]])
        self.app.collectives.add_members(ids[1], [p.id for p in officials[8:14]])
        self.app.collectives.add_members(ids[2], [p.id for p in officials[14:20]])
        for name, _border, _remote in data.VILLAGES[:6]:
            ids.append(self.app.collectives.create(name, "village", village_id=villages[0]).id)
        self.counts["collectives"] = len(ids)
        return ids

    def _households(self, villages: list[str], persons: list[PersonView]) -> list[str]:
        ids = []
        for person in persons[-12:]:
            ids.append(self.app.collectives.create(f"Hộ gia đình ông/bà {person.full_name}", "household",
                                                   village_id=person.village_id, member_count=4).id)
        self.counts["households"] = len(ids)
        return ids

    # History -----------------------------------------------------------------------------------
    def _ratings_and_awards(self, officials: list[PersonView], collectives: list[str]) -> None:
        awards = 0
        for year in range(YEAR - 3, YEAR + 1):
            grid: dict[Subject, str] = {}
            for index, person in enumerate(officials):
                roll = self.rng.random()
                grid[Subject(person_id=person.id)] = ("excellent" if roll < 0.3 or index in (5, 6)
                                                      else "good" if roll < 0.9 else "completed")
            for cid in collectives[:11]:
                grid[Subject(collective_id=cid)] = "excellent" if self.rng.random() < 0.4 else "good"
            self.app.records.set_ratings(year, grid, source_document=f"Kết quả đánh giá, xếp loại năm {year}")
            if year == YEAR:
                continue
            decision = f"{self.rng.randint(10, 99):02d}/QĐ-UBND"
            for subject, rating in grid.items():
                if subject.person_id and rating in ("good", "excellent"):
                    self.app.records.add_award(subject, award_code="LDTT", year=year, award_kind="emulation_title",
                                               title="Lao động tiên tiến", decision_number=decision,
                                               decision_date=f"20/12/{year}")
                    awards += 1
                    # Officials 5 and 6 are the demo's Bằng khen candidates: CSTĐCS every year.
                    streak = subject.person_id in {officials[5].id, officials[6].id}
                    if rating == "excellent" and (streak or self.rng.random() < 0.6):
                        self.app.records.add_award(subject, award_code="CSTDCS", year=year,
                                                   award_kind="emulation_title", title="Chiến sĩ thi đua cơ sở",
                                                   decision_number=decision, decision_date=f"20/12/{year}")
                        awards += 1
        self.counts["award_history"] = awards

    def _initiatives(self, officials: list[PersonView]) -> dict[str, list[str]]:
        owned: dict[str, list[str]] = {}
        titles = ["Số hóa hồ sơ hộ tịch bằng mã QR", "Sổ tay song ngữ Tày - Việt hướng dẫn thủ tục",
                  "Quy trình tiếp nhận hồ sơ một cửa qua Zalo", "Bản đồ số các hộ nghèo của xã",
                  "Lịch thời vụ bằng tranh cho đồng bào Mông"]
        for title, person in zip(titles, officials[:5], strict=False):
            initiative = self.app.records.add_initiative(title=title, level="grassroots", year=YEAR,
                                                         owner_ids=[person.id], decision_number="25/QĐ-HĐSK",
                                                         decision_date="15/10/2026")
            owned.setdefault(person.id, []).append(initiative)
        self.counts["initiatives"] = len(titles)
        return owned

    def _discipline(self, officials: list[PersonView]) -> None:
        if len(officials) > 20:
            self.app.records.add_discipline(Subject(person_id=officials[20].id), level="reprimand",
                                            decided_on="10/03/2026", period_end="10/09/2026",
                                            decision_number="05/QĐ-UBND")
        if len(officials) > 21:
            self.app.records.open_matter(Subject(person_id=officials[21].id), kind="complaint",
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
            start, end = spec["period"]  # type: ignore[misc]
            launched = spec["launch_level"] == "province"
            movement_id = self.app.movements.create(MovementInput(
                code=str(spec["code"]), name=str(spec["name"]), theme=str(spec["theme"]),
                launch_level=str(spec["launch_level"]),
                launch_doc_number=data.DIRECTIVE_DOC[0] if launched else "01/KH-UBND",
                launch_doc_date=data.DIRECTIVE_DOC[1] if launched else "05/01/2026",
                kind=str(spec["kind"]), period_start=start, period_end=end,
                goals=list(spec["goals"]), criteria=list(spec["criteria"]),  # type: ignore[call-overload]
                participants=["Các xóm, tổ dân phố", "Cơ quan, đoàn thể xã"],
                interim_review_date="15/06/2028" if launched else "30/06/2026",
                final_review_date="15/12/2030" if launched else "15/12/2026",
                indicators=[IndicatorInput(n, u, b, t, ["30/06/2026", "15/12/2026"])
                            for n, u, b, t in spec["indicators"]],  # type: ignore[attr-defined]
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
                    indicator_values={str(ind["id"]): float(self.rng.randint(1, 5))},
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

        def add(code: str, **kwargs: object) -> str | None:
            try:
                n = noms.create(batch_id=batch.id, award_code=code, as_of=self.today,
                                achievement_summary="Hoàn thành tốt nhiệm vụ được giao năm 2026.",
                                **kwargs)  # type: ignore[arg-type]
            except DomainError:
                return None
            created.append((n.id, code))
            return n.id

        for person in officials[:14]:
            add("LDTT", person_id=person.id)
        for person in officials[:5]:
            add("CSTDCS", person_id=person.id, initiative_ids=initiatives.get(person.id, []))
        for person in officials[14:22]:
            add("LDTT", person_id=person.id)
        for cid in collectives[:3]:
            add("TTLDTT", collective_id=cid)
        for hid in households[:4]:
            add("GD_VH", collective_id=hid)
        for person in officials[5:7]:
            add("BK_TINH_CN", person_id=person.id, commendation_kind="regular")
        for person in officials[7:9]:
            add("GK_XA_CN", person_id=person.id, commendation_kind="regular")
        for nomination_id, code in created:
            self._attest_all(nomination_id, code)
        self._council_and_decisions(created)
        for nomination_id, _code in created:  # titles decided meanwhile count for collectives
            if self.app.nominations.get(nomination_id).status in ("draft", "council_voted"):
                self.app.nominations.evaluate(nomination_id, self.today)
        self.counts["nominations"] = len(created)

    def _council_and_decisions(self, created: list[tuple[str, str]]) -> None:
        members = []
        for index, (role, position) in enumerate(data.COUNCIL):
            name = self._name("Tày", index % 3 == 1)
            members.append(self.app.council.add_member(name, role, position))
        # Some drafts stay drafts; the rest go to the council.
        outcome = {nid: self.app.nominations.get(nid).eligibility_outcome for nid, _code in created}
        to_vote = [(nid, code) for i, (nid, code) in enumerate(created)
                   if outcome[nid] != "not_eligible"
                   and (code in ("CSTDCS", "BK_TINH_CN") or (code == "LDTT" and i < 14))]
        ballots = [BallotInput(nid, 6, 6, 6 if i % 7 else 4) for i, (nid, _code) in enumerate(to_vote)]
        results = self.app.council.record_meeting(held_on="20/11/2026", present_member_ids=members[:6],
                                                  absent_member_ids=members[6:], ballots=ballots)
        passed = {r.nomination_id for r in results if r.passed}
        ldtt = [nid for nid, code in to_vote if code == "LDTT" and nid in passed][:8]
        if ldtt:
            self.app.decisions.issue(number="45/QĐ-UBND", decided_on="24/11/2026",
                                     signer_name=self._name("Tày", False), award_code="LDTT",
                                     nomination_ids=ldtt)
        submitted = 0
        for nid, code in to_vote:
            if code == "BK_TINH_CN" and nid in passed:
                try:
                    self.app.nominations.transition(nid, "submitted")
                    submitted += 1
                except StateError:
                    pass
        self.counts["decided"] = len(ldtt)
        self.counts["submitted"] = submitted
