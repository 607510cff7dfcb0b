"""The demo commune's people as rows for the register: names by ethnic group, the officials' posts
first, birth dates, CCCD numbers and the Mẫu 05 fields of the officials.

The rows draw from the demo builder's own random generators (demo.py), in the order it always
has: a seed gives the same people, and everything the builder draws after them stays as it was."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from datetime import date

from ..db.repositories.admin_units import province_units
from ..domain.ethnicity import CAO_BANG_MIX
from ..domain.validation import decode_cccd
from . import demo_data as data
from .people import PersonInput

# A CCCD's last six digits are a serial within (province, century and gender, birth year). Each
# commune of a province draws from a block of its own, by its place in the province's list of
# units, so two demo communes never share a number by chance; the province would flag each pair
# as the same person on two registers. 5,000 serials per commune and birth year is ample.
CCCD_BLOCK = 5_000


def cccd_block(province_code: str, unit_code: str) -> int:
    """A commune's block of CCCD serials: its place among its province's units."""
    codes = [code for code, _name, _kind in province_units(province_code)]
    place = codes.index(unit_code) if unit_code in codes else 0
    return place % (10**6 // CCCD_BLOCK)


class DemoPeople:
    """``rows(count, villages)``: ``count`` people, a tenth of them (24 at least) officials.

    ``shared_cccds``: CCCD numbers given to the last people (villagers) instead of drawn ones,
    for a test's cross-commune duplicate; no drawn number is one of them."""

    def __init__(self, rng: random.Random, dossier_rng: random.Random, today: date, year: int, block: int,
                 shared_cccds: Sequence[str] = ()) -> None:
        self.rng = rng
        self.dossier_rng = dossier_rng  # the Mẫu 05 fields only: adding them moved no other draw
        self.today = today
        self.year = year  # the demo's year: employment starts before its first rated year
        self.block = block
        self.shared_cccds = list(shared_cccds)

    def rows(self, count: int, villages: list[str]) -> list[PersonInput]:
        groups, weights = list(CAO_BANG_MIX.keys()), list(CAO_BANG_MIX.values())
        used: set[str] = set(self.shared_cccds)
        rows: list[PersonInput] = []
        officials = max(24, count // 10)
        for index in range(count):
            ethnicity = self.rng.choices(groups, weights)[0]
            post = self._post(index) if index < officials else None
            if post is None:
                female = self.rng.random() < 0.5
                birth_year = self.rng.randint(self.today.year - 64, self.today.year - 24)
                position, workplace, start = self.rng.choice(data.DIRECT_POSITIONS), "", ""
            else:
                position, workplace, gender, youngest, oldest = post
                female = gender == "female" if gender else self.rng.random() < 0.5
                # Nobody past the retirement age of the demo's year (minus one year, so it holds all year).
                oldest = min(oldest, data.retirement_age_months("female" if female else "male",
                                                                self.today.year) // 12 - 1)
                birth_year = self.today.year - self.rng.randint(youngest, oldest)
                # Employment from 21 at the earliest, and before the first rated year of the history.
                first = min(birth_year + 21, self.year - 4)
                start = date(self.rng.randint(max(first, self.year - 30), self.year - 4),
                             self.rng.randint(1, 12), 1).strftime("%d/%m/%Y")
            birth = (f"{self.rng.randint(1, 28):02d}/{self.rng.randint(1, 12):02d}/{birth_year}"
                     if self.rng.random() < 0.7 else str(birth_year))
            rows.append(PersonInput(
                full_name=self._name(ethnicity, female), gender="female" if female else "male", birth=birth,
                ethnicity=ethnicity, cccd=self._cccd(birth_year, female, used) if self.rng.random() < 0.8 else "",
                position=position, workplace=workplace,
                village_id=self.rng.choice(villages), is_direct_worker=post is None,
                employment_start=start, **(self._dossier(position, workplace) if post else {}),
            ))
        # A cross-commune duplicate a test asked for: the last people (villagers, not officials)
        # take the numbers, with the birth year and gender the numbers say.
        for index, number in zip(range(len(rows) - 1, -1, -1), self.shared_cccds, strict=False):
            info = decode_cccd(number)
            rows[index] = dataclasses.replace(rows[index], cccd=info.number, birth=str(info.birth_year),
                                              gender=info.gender.value)
        return rows

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
            # The same draw as ever (a seed's other data stays as it was), folded into the block.
            serial = self.block * CCCD_BLOCK + self.rng.randrange(10**6) % CCCD_BLOCK
            number = f"004{century + int(female)}{birth_year % 100:02d}{serial:06d}"
            if number not in used:
                used.add(number)
                return number

    def _dossier(self, position: str, workplace: str) -> dict[str, str]:
        """Mẫu 05 fields of an official (every official is nominated for something, so no demo
        achievement report has a blank the register could fill)."""
        spec = data.POST_DOSSIERS[(position, workplace)]
        qualification, degree = self.dossier_rng.choice(spec.qualifications)
        return {"hometown": self.dossier_rng.choice(data.HOMETOWNS), "qualification": qualification,
                "political_theory": spec.political_theory, "academic_title": degree, "duties": spec.duties}

    @staticmethod
    def _post(index: int) -> tuple[str, str, str | None, int, int]:
        """The index-th official's post: first every post with one holder, then staff posts in turn."""
        if index < len(data.UNIQUE_POSTS):
            return data.UNIQUE_POSTS[index]
        return data.STAFF_POSTS[(index - len(data.UNIQUE_POSTS)) % len(data.STAFF_POSTS)]
