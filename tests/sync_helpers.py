"""A commune's first bundle is not trusted on use: it waits until the province officer confirms the
fingerprint the commune reads over the phone. These helpers play that call in tests."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.sync_waiting import Confirmation


def confirm_first(province: App, commune: App | str, fingerprint: str | None = None) -> Confirmation:
    """The officer confirms the commune's fingerprint: read from the commune's own keys when the
    commune's app is given (as over the phone), else the one its waiting bundle carries."""
    if isinstance(commune, str):
        code = commune
        if fingerprint is None:
            fingerprint = province.sync.waiting_bundles(code)[0].fingerprint
    else:
        code = commune.office.office().unit_code
        fingerprint = fingerprint or commune.sync.fingerprint()
    return province.sync.confirm_peer(code, fingerprint)


def import_first(province: App, commune: App | str, bundle: Path) -> dict[str, Any]:
    """Import a commune's first bundle: it waits, the officer confirms, and it applies; returns
    that bundle's import report."""
    with pytest.raises(DomainError) as caught:
        province.sync.import_bundle(bundle)
    assert caught.value.code == "BUNDLE_WAITS_FOR_FINGERPRINT"
    done = confirm_first(province, commune)
    assert not done.failed, done.failed
    return done.applied[-1]


def deliver(province: App, commune: App | str, bundle: Path) -> dict[str, Any]:
    """Import a commune's bundle at the province; when it is the commune's first (it waits for the
    fingerprint check), the officer confirms it and it applies. Returns the bundle's report."""
    try:
        return province.sync.import_bundle(bundle)
    except DomainError as exc:
        if exc.code != "BUNDLE_WAITS_FOR_FINGERPRINT":
            raise
    done = confirm_first(province, commune)
    assert not done.failed, done.failed
    return done.applied[-1]


def craft_bundle(commune: App, province: App, target: Path, tables: dict[str, list[str]],
                 manifest: dict[str, Any] | None = None) -> Path:
    """A bundle signed with the commune's own key and sealed for the province, holding exactly the
    given JSON lines per table: what a stolen commune key, or a bug in another app version, can send."""
    from thidua_desktop.services.sync import SCHEMA_VERSION
    from thidua_desktop.sync import keys as k
    from thidua_desktop.sync.container import BundleWriter

    office, recipient = commune.office.office(), province.office.office()
    recovery = k.b64d(province.office.parameter("recovery_public"), 32)
    box = province.sync.ensure_keys().public().box_key
    sender = {"code": office.unit_code, "name": office.unit_name, "node_id": office.node_id, "epoch": office.epoch}
    with BundleWriter(target, sender, {"code": recipient.unit_code, "name": recipient.unit_name},
                      commune.sync.ensure_keys(), box, recovery, SCHEMA_VERSION, None, 1) as writer:
        writer.add_manifest(manifest if manifest is not None else {"acks": {}, "since": {}, "upto": {}})
        for table, lines in tables.items():
            writer.add_lines(f"records/{table}.jsonl", lines)
    return target


# Built enrolled pairs, by (commune code, this process's key folder): building one runs every
# migration twice and makes three key pairs (about a second); a copy takes milliseconds. The
# copies share the keys, sealed under the same key-encryption key, as every copy of a template does.
_PAIRS: dict[tuple[str, str], Path] = {}


def _built_pair(commune_code: str) -> Path:
    from office_templates import fresh_office

    from thidua_desktop.bootstrap import open_app

    cache_key = (commune_code, os.environ.get("THIDUA_CONFIG_DIR", ""))
    if cache_key not in _PAIRS:
        folder = Path(tempfile.mkdtemp(prefix=f"thidua-pair-{commune_code}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        province = open_app(fresh_office(folder / "tinh"), actor="tinh")
        province.office.init_office("province", "04")
        province.sync.create_recovery_key(folder / "recovery.tdkey")
        enrolment = folder / f"ket-noi-{commune_code}.json"
        province.sync.export_enrollment(commune_code, enrolment)
        commune = open_app(fresh_office(folder / f"xa-{commune_code}"), actor="xa")
        commune.office.init_office("commune", commune_code)
        commune.sync.accept_enrollment(enrolment.read_bytes())
        province.close()
        commune.close()
        _PAIRS[cache_key] = folder
    return _PAIRS[cache_key]


def enrolled_pair(tmp: Path, commune_code: str = "01576") -> tuple[App, App, Path]:
    """A province and one commune enrolled with it (not yet heard from), in ``tmp/tinh`` and
    ``tmp/xa-<code>``, with the recovery key file and the enrolment file beside them; returns both
    apps and the enrolment file. The caller closes the apps."""
    from thidua_desktop.bootstrap import open_app

    built = _built_pair(commune_code)
    tmp.mkdir(parents=True, exist_ok=True)
    for item in built.iterdir():
        if item.is_dir():
            shutil.copytree(item, tmp / item.name, ignore=shutil.ignore_patterns("logs"))
        else:
            shutil.copy2(item, tmp / item.name)
    province = open_app(tmp / "tinh", actor="tinh")
    commune = open_app(tmp / f"xa-{commune_code}", actor="xa")
    return province, commune, tmp / f"ket-noi-{commune_code}.json"


def confirmed_pair_with_template(tmp: Path) -> tuple[App, App, dict[str, Any]]:
    """A province that has confirmed its commune (one real bundle delivered), and that bundle's
    person record as the commune's app writes it (every field), a template for crafted records
    to vary. The caller closes the apps."""
    from thidua_desktop.db.models import Person
    from thidua_desktop.db.repositories.sync_rows import to_json
    from thidua_desktop.services.people import PersonInput

    province, commune, _enrolment = enrolled_pair(tmp)
    person = commune.people.create(PersonInput("Nông Văn Mẫu", "male", birth="12/03/1985"))
    [first] = commune.sync.export(tmp / "usb-0").files
    deliver(province, commune, first)
    with commune.db.reader() as session:
        template = to_json(session.get(Person, person.id))
    return province, commune, template
