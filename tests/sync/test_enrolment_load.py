"""A commune set up without the province's file (in the GUI, say) loads it later: through the
service, and with ``thidua enroll load FILE``. Bad files are refused with a message naming them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from office_templates import copy_template
from sync_helpers import deliver

from thidua_desktop.bootstrap import App
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.sync import file_kind

from .test_roundtrip_cli import thidua


@pytest.fixture
def province(app_factory, _template_dir: Path, tmp_path: Path) -> App:  # type: ignore[no-untyped-def]
    app = app_factory(copy_template(_template_dir, tmp_path / "tinh"))  # not migrated again
    app.office.init_office("province", "04", officer_name="Cán bộ tỉnh")
    app.sync.create_recovery_key(tmp_path / "k.tdkey")
    return app


def test_a_commune_set_up_without_the_file_loads_it_and_syncs(commune: App, province: App, tmp_path: Path) -> None:
    enrolment = tmp_path / "usb" / "ket-noi-01576.json"
    province.sync.export_enrollment("01576", enrolment)
    assert file_kind(enrolment) == "enrollment"
    preview = commune.sync.preview_enrollment(enrolment)
    assert (preview.province_code, preview.commune_code) == ("04", "01576")
    assert preview.province_fingerprint == province.sync.fingerprint()
    assert preview.replaces_fingerprint == ""
    assert commune.sync.load_enrollment(enrolment) == province.sync.fingerprint()
    commune.people.create(_person("Nông Thị Hoa"))
    result = commune.sync.export(tmp_path / "usb")
    [bundle] = result.files
    assert file_kind(bundle) == "bundle"
    report = deliver(province, commune, bundle)
    assert report["new"] >= 1
    assert province.people.search("nong thi hoa").total == 1


def test_an_enrolment_file_for_another_commune_names_it(commune: App, province: App, tmp_path: Path) -> None:
    other = tmp_path / "ket-noi-01273.json"
    province.sync.export_enrollment("01273", other)
    with pytest.raises(DomainError) as caught:
        commune.sync.load_enrollment(other)
    assert caught.value.code == "ENROLLMENT_WRONG_UNIT" and caught.value.params["got"] == "01273"
    assert commune.sync.status()["last_received"] is None


@pytest.mark.parametrize("content", [b"", b"{}", b"\x89TDSYNC\n", b"not json", b"{\"kind\": 1}",
                                     b"\xff\xfe" * 10, b"x" * 70_000])
def test_garbage_is_refused_as_an_invalid_enrolment_file(commune: App, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ket-noi.json"
    path.write_bytes(content)
    with pytest.raises(DomainError) as caught:
        commune.sync.load_enrollment(path)
    assert caught.value.code == "ENROLLMENT_INVALID"


def test_fuzzed_enrolment_files_never_crash(commune: App, province: App, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    province.sync.export_enrollment("01576", good)
    data = bytearray(good.read_bytes())
    import random

    rng = random.Random(9)
    for round_ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"fuzz-{round_}.json"
        path.write_bytes(bytes(damaged))
        try:
            commune.sync.preview_enrollment(path)
        except DomainError as exc:
            assert exc.code in {"ENROLLMENT_INVALID", "ENROLLMENT_WRONG_UNIT", "ENROLLMENT_TOO_NEW"}
    assert commune.sync.status()["last_received"] is None


def test_a_province_cannot_load_an_enrolment_file(province: App, tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    province.sync.export_enrollment("01576", path)
    with pytest.raises(DomainError) as caught:
        province.sync.load_enrollment(path)
    assert caught.value.code in {"ENROLLMENT_COMMUNE_ONLY", "ENROLLMENT_WRONG_UNIT"}


def test_enroll_load_on_the_command_line(tmp_path: Path) -> None:
    usb, tinh, xa = tmp_path / "usb", tmp_path / "tinh", tmp_path / "xa"
    thidua(tinh, "init", "--role", "province", "--unit-code", "04", "--recovery-out", str(tmp_path / "k.tdkey"))
    thidua(tinh, "enroll", "export", "--unit-code", "01576", "--out", str(usb / "ket-noi-01576.json"))
    thidua(xa, "init", "--role", "commune", "--unit-code", "01576", "--officer", "Nông Văn Ba")
    missing = thidua(xa, "enroll", "load", str(usb / "khong-co.json"), ok=False)
    assert missing.returncode == 1 and "khong-co.json" in missing.stderr and "Traceback" not in missing.stderr
    loaded = thidua(xa, "enroll", "load", str(usb / "ket-noi-01576.json"))
    assert "Mã xác thực của tỉnh" in loaded.stdout
    commune_fingerprint = loaded.stdout.strip().splitlines()[-1].rsplit(" ", 1)[-1]  # read over the phone
    thidua(xa, "people", "add", "--name", "Hoàng Thị Mai", "--gender", "female")
    thidua(xa, "bundle", "export", "--out", str(usb))
    [bundle] = sorted(usb.glob("TD-01576-04-*.tdsync"))
    waits = thidua(tinh, "bundle", "import", str(bundle), "--json", ok=False)
    assert waits.returncode == 1 and commune_fingerprint in waits.stderr and waits.stdout == ""
    listed = thidua(tinh, "enroll", "waiting").stdout
    assert "01576" in listed and commune_fingerprint in listed
    confirmed = thidua(tinh, "enroll", "confirm", "01576", "--fingerprint", commune_fingerprint.lower())
    assert re.search(r"mới [1-9]", confirmed.stdout), confirmed.stdout
    assert json.loads(thidua(tinh, "people", "list", "--json").stdout)[0]["full_name"] == "Hoàng Thị Mai"
    usage = thidua(xa, "enroll", "load", ok=False)
    assert usage.returncode == 2
    assert os.environ.get("THIDUA_CONFIG_DIR")


def _person(name: str):  # type: ignore[no-untyped-def]
    from thidua_desktop.services.people import PersonInput

    return PersonInput(full_name=name, gender="female")
