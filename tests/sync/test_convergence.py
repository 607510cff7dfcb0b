"""Hypothesis state machine: three communes and the province edit at random while bundles are
lost, duplicated, reordered and delayed. After a final clean exchange every office agrees on the
shared state, and no write that reached the province is lost."""

from __future__ import annotations

import copy
import random
import shutil
import tempfile
from pathlib import Path

import pytest
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
    with app.db.reader() as session:
        from thidua_desktop.db.models import Person

        owners = {p.id: p.origin_node for p in session.query(Person).all()}
    return {p.id: p.full_name for p in rows if node is None or owners[p.id] == node}


def movements_of(app: App) -> set[str]:
    return {str(m["code"]) for m in app.movements.list()}


@pytest.fixture(autouse=True, scope="module")
def _migrated_template(_template_dir: Path) -> None:
    # A state machine's examples cannot take fixtures: they find the session's migrated template here.
    SyncMachine.template = _template_dir


class SyncMachine(RuleBasedStateMachine):
    template: Path | None = None  # a migrated, uninitialised data folder (conftest's _template_dir)

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="thidua-conv-"))
        self.province = self.open_office("tinh")
        self.province.office.init_office("province", "04")
        self.communes: dict[str, App] = {}
        for code in CODES:
            app = self.open_office(code)
            app.office.init_office("commune", code)
            self.communes[code] = app
            SyncExchange(app.db).add_peer("04", "Cao Bằng", "province", self.province.office.office().node_id,
                                          status="confirmed")
            SyncExchange(self.province.db).add_peer(code, code, "commune", app.office.office().node_id,
                                                    status="confirmed")
        self.in_flight: list[tuple[str, Payload]] = []  # (recipient, payload): the USB sticks
        self.counter = 0

    def open_office(self, actor: str) -> App:
        """A new office in its own folder: a copy of the migrated template (four offices per example
        would otherwise run every migration four times); init_office still gives each its own node
        id and keys. The copies share the template's database key, which no check here looks at."""
        folder = self.tmp / actor
        if self.template is not None:
            copy_template(self.template, folder)
        return open_app(folder, actor=actor)

    def teardown(self) -> None:
        for app in (self.province, *self.communes.values()):
            app.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Edits ----------------------------------------------------------------------------------
    @rule(code=st.sampled_from(CODES))
    def commune_adds_person(self, code: str) -> None:
        self.counter += 1
        self.communes[code].people.create(PersonInput(f"Người Số {self.counter}", "female"))

    @rule(code=st.sampled_from(CODES), pick=st.integers(0, 50))
    def commune_renames_or_deletes(self, code: str, pick: int) -> None:
        app = self.communes[code]
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
        self.counter += 1
        SyncExchange(target.db).apply_payload(copy.deepcopy(payload), f"b{self.counter}")

    # Checks ---------------------------------------------------------------------------------
    @invariant()
    def no_commune_holds_another_communes_people(self) -> None:
        for app in self.communes.values():
            node = app.office.office().node_id
            assert set(people_of(app)) == set(people_of(app, node))

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
