"""Hypothesis state machine: three communes and the province edit at random while bundles are
lost, duplicated, reordered and delayed. After a final clean exchange every office agrees on the
shared state, and no write that reached the province is lost."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from demo_helpers import replace_folder
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from office_templates import copy_template

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.services.movements import MovementInput
from thidua_desktop.services.people import PersonInput
from thidua_desktop.services.sync_exchange import Payload, SyncExchange

CODES = ("01576", "01273", "01290")


def people_of(app: App, node: str | None = None) -> dict[str, str]:
    rows = app.people.search("", limit=10_000).rows
    owners = owners_of(app)
    return {p.id: p.full_name for p in rows if node is None or owners[p.id] == node}


def owners_of(app: App) -> dict[str, str]:
    with app.db.reader() as session:
        from thidua_desktop.db.models import Person

        return {p.id: p.origin_node for p in session.query(Person).all()}


def movements_of(app: App) -> set[str]:
    return {str(m["code"]) for m in app.movements.list()}


def fresh_copy(app: App, made: Path) -> None:
    """``app`` (open, its engine kept) now holds a fresh copy of the office in ``made``: its
    database closed, its folder replaced, its services remade (as conftest's ``load_demo`` does)."""
    app.db.dispose()
    replace_folder(made, app.paths.data_dir)
    app.reload_catalog()
    app.__post_init__()  # no service keeps anything read from the office the last example left


OFFICES = ("tinh", *CODES)  # the folder (and actor) of each office: the province, then the communes


@pytest.fixture(autouse=True, scope="module")
def _fleet(_template_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The four offices every example starts from, made once: the province and three communes,
    each a copy of the migrated template given its own node id and keys by init_office, each
    holding the others as confirmed peers; closed (WAL checkpointed) so they can be copied.

    The examples do not open new apps: four apps stay open for the module and each example puts a
    fresh copy of these offices under them (``SyncMachine.__init__``), as conftest's ``load_demo``
    does. Opening four apps per example cost more than the example's steps: every new engine
    compiles each statement again (SQLAlchemy's statement cache is per engine), and init_office
    seeds the administrative units. What an example starts from is the same state as before."""
    root = tmp_path_factory.mktemp("convergence")
    made = root / "made"
    province = open_app(copy_template(_template_dir, made / "tinh"), actor="tinh")
    communes: list[App] = []
    try:
        province.office.init_office("province", "04")
        for code in CODES:
            app = open_app(copy_template(_template_dir, made / code), actor=code)
            communes.append(app)
            app.office.init_office("commune", code)
            SyncExchange(app.db).add_peer("04", "Cao Bằng", "province", province.office.office().node_id,
                                          status="confirmed")
            SyncExchange(province.db).add_peer(code, code, "commune", app.office.office().node_id,
                                               status="confirmed")
    finally:
        for app in (province, *communes):
            app.close()
    SyncMachine.made = made
    SyncMachine.apps = {name: open_app(copy_template(made / name, root / "work" / name), actor=name)
                        for name in OFFICES}
    try:
        yield
    finally:
        for app in SyncMachine.apps.values():
            app.close()
        SyncMachine.apps = {}


class SyncMachine(RuleBasedStateMachine):
    made: Path  # the four offices as made by ``_fleet``, closed
    apps: ClassVar[dict[str, App]] = {}  # the four apps kept open across examples, by folder name

    def __init__(self) -> None:
        super().__init__()
        for name, app in self.apps.items():
            fresh_copy(app, self.made / name)
        self.province = self.apps["tinh"]
        self.communes: dict[str, App] = {code: self.apps[code] for code in CODES}
        self.in_flight: list[tuple[str, Payload]] = []  # (recipient, payload): the USB sticks
        self.counter = 0
        # The communes whose database a step has used since the invariant last looked at them; a
        # commune no step touched still holds what the invariant last found there, so it is only
        # looked at again once something has run against it (an edit, an export, a delivery).
        self.touched: set[str] = set(CODES)

    def teardown(self) -> None:
        for app in self.apps.values():
            app.db.dispose()  # the next example replaces the files under it

    # Edits ----------------------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES))
    def commune_adds_person(self, code: str) -> None:
        self.counter += 1
        self.touched.add(code)
        self.communes[code].people.create(PersonInput(f"Người Số {self.counter}", "female"))

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 50))
    def commune_renames_or_deletes(self, code: str, pick: int) -> None:
        app = self.communes[code]
        self.touched.add(code)
        rows = app.people.search("", limit=1000).rows
        if not rows:
            return
        person = rows[pick % len(rows)]
        if pick % 3 == 0:
            app.people.delete(person.id)
        else:
            self.counter += 1
            app.people.update(person.id, PersonInput(f"{person.full_name} sửa {self.counter}", "female"))

    @rule()
    def province_launches_movement(self) -> None:
        self.counter += 1
        self.province.movements.create(MovementInput(code=f"T{self.counter}", name=f"Phong trào tỉnh {self.counter}",
                                                     launch_level="province"))

    # Sticks ---------------------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES))
    def commune_exports(self, code: str) -> None:
        self.touched.add(code)
        self.in_flight.append(("04", SyncExchange(self.communes[code].db).build_payload("04")))

    @rule(code=st.sampled_from(CODES))
    def province_exports(self, code: str) -> None:
        self.in_flight.append((code, SyncExchange(self.province.db).build_payload(code)))

    @precondition(lambda self: bool(self.in_flight))
    @rule(index=st.integers(0, 100), fate=st.sampled_from(["deliver", "lose", "duplicate", "delay"]))
    def a_stick_arrives(self, index: int, fate: str) -> None:
        recipient, payload = self.in_flight[index % len(self.in_flight)]
        if fate == "delay":
            return
        if fate in ("deliver", "lose"):
            self.in_flight.remove((recipient, payload))
        if fate == "lose":
            return
        target = self.province if recipient == "04" else self.communes[recipient]
        if recipient != "04":
            self.touched.add(recipient)
        self.counter += 1
        SyncExchange(target.db).apply_payload(copy.deepcopy(payload), f"b{self.counter}")

    # Checks ---------------------------------------------------------------------------------
    @invariant()
    def no_commune_holds_another_communes_people(self) -> None:
        for code in sorted(self.touched):
            app = self.communes[code]
            node = app.office.office().node_id
            owners = owners_of(app)
            # Every person the commune lists (people_of(app)) is one of its own (people_of(app, node)).
            assert {p.id for p in app.people.search("", limit=10_000).rows if owners[p.id] != node} == set()
        self.touched.clear()

    def final_exchange(self) -> None:
        for _round in range(3):  # rows, then acknowledgements, then nothing
            for code, app in self.communes.items():
                SyncExchange(self.province.db).apply_payload(SyncExchange(app.db).build_payload("04"),
                                                             f"final-up-{code}-{random.random()}")
            for code, app in self.communes.items():
                SyncExchange(app.db).apply_payload(SyncExchange(self.province.db).build_payload(code),
                                                   f"final-down-{code}-{random.random()}")


def check_converged(machine: SyncMachine) -> None:
    machine.final_exchange()
    for app in machine.communes.values():
        node = app.office.office().node_id
        # The province holds exactly each commune's live people, with their latest names.
        assert people_of(machine.province, node) == people_of(app, node)
        # Every commune holds every movement the province launched.
        assert movements_of(machine.province) <= movements_of(app)
        assert SyncExchange(app.db).build_payload("04").empty


class ConvergingMachine(SyncMachine):
    def teardown(self) -> None:
        try:
            check_converged(self)  # the end of every generated run
        finally:
            super().teardown()


TestConvergence = ConvergingMachine.TestCase
TestConvergence.settings = settings(max_examples=25, stateful_step_count=25, deadline=None,
                                    suppress_health_check=[HealthCheck.too_slow])
