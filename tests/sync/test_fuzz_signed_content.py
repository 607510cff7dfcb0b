"""Fuzzers for what a valid signature does not make safe: the records inside a signed bundle, and
the content of a signed enrolment file. For enrolment files any exception other than the app's own
DomainError (of which StateError is one) counts as a failure: it would reach the user as
"Unexpected error". For records it is stricter: with a sound header and manifest, no record may
refuse the bundle at all; bad ones are quarantined and a good one beside them applies.

A few hundred examples each by default; ``THIDUA_LONG_ATTACK=1`` runs 10,000 each (the figures
quoted in docs/security.md)."""

from __future__ import annotations

import base64
import itertools
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from office_templates import copy_template
from sync_helpers import confirmed_pair_with_template, craft_bundle

from thidua_desktop.bootstrap import App, open_app
from thidua_desktop.db.models import Person, QuarantinedRecord
from thidua_desktop.domain.errors import DomainError
from thidua_desktop.services.sync import file_kind
from thidua_desktop.sync.keys import ENROLLMENT_CONTEXT, OfficeKeys, make_enrollment, read_enrollment

LONG = os.environ.get("THIDUA_LONG_ATTACK") == "1"
FUZZ = settings(max_examples=10_000 if LONG else 300, deadline=None, derandomize=not LONG,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=2 ** 62, max_value=2 ** 80)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40)
           | st.sampled_from(["1985-03-12", "2026-13-45", "2026-06-01T08:30:00", "x" * 400, "", "\x00\x1b[31m"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
ONE_LINE = st.text(max_size=120).filter(lambda t: "\n" not in t and "\r" not in t)
TABLES = ["people", "villages", "nominations", "attachments", "award_history", "not_a_table"]


@pytest.fixture(scope="module")
def pinned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, App, Path, dict[str, Any]]]:
    tmp = tmp_path_factory.mktemp("fuzz-records")
    province, commune, template = confirmed_pair_with_template(tmp)
    yield province, commune, tmp, template
    province.close()
    commune.close()


@st.composite
def record_lines(draw: st.DrawFn, template: dict[str, Any]) -> str:
    kind = draw(st.sampled_from(["mutated", "mutated", "value", "raw", "deep"]))
    if kind == "mutated":  # a record of the right shape with some values wrong, missing or extra
        record = {**template, "id": str(uuid.uuid4()), "version": template["version"] + 1}
        for key in draw(st.sets(st.sampled_from(sorted(template)), max_size=3)):
            record.pop(key, None)
        record.update(draw(st.dictionaries(st.sampled_from([*sorted(template), "extra"]), VALUES, max_size=4)))
        return json.dumps(record, ensure_ascii=False)
    if kind == "value":  # anything JSON instead of a record
        return json.dumps(draw(VALUES), ensure_ascii=False)
    if kind == "raw":
        return draw(ONE_LINE)
    depth = draw(st.integers(min_value=20, max_value=3000))
    return draw(st.sampled_from(["[", '{"a":'])) * depth + "1" + draw(st.sampled_from(["]", "}"])) * depth


_seq = itertools.count()


def test_fuzzed_signed_records_never_crash_and_the_good_record_applies(pinned) -> None:  # type: ignore[no-untyped-def]
    province, commune, tmp, template = pinned

    @FUZZ
    @given(table=st.sampled_from(TABLES), data=st.data())
    def run(table: str, data: st.DataObject) -> None:
        lines = data.draw(st.lists(record_lines(template), max_size=6))
        good = {**template, "id": str(uuid.uuid4()), "full_name": "Lý Thị Tốt", "version": template["version"] + 1}
        tables = {table: lines}
        tables.setdefault("people", []).append(json.dumps(good, ensure_ascii=False))
        bundle = craft_bundle(commune, province, tmp / f"fuzz-{next(_seq)}.tdsync", tables)
        try:
            # Stricter than "no crash": the header and manifest are sound, so no record, however bad,
            # may refuse the whole bundle (not even with a DomainError). It is quarantined instead.
            report = province.sync.import_bundle(bundle)
        finally:
            bundle.unlink()
        assert report["new"] + report["updated"] + report["unchanged"] >= 1
        with province.db.transaction() as session:
            assert session.get(Person, good["id"]) is not None  # the rest of the bundle applied
            # Each example starts with an empty quarantine: it is retried at every import, and
            # thousands of examples would otherwise measure that retry rather than the parser.
            session.query(QuarantinedRecord).delete()

    run()


# --- enrolment files --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def commune_office(tmp_path_factory: pytest.TempPathFactory, _template_dir: Path) -> Iterator[tuple[App, Path]]:
    tmp = tmp_path_factory.mktemp("fuzz-enrolment")
    app = open_app(copy_template(_template_dir, tmp / "xa"))  # migrated once per session
    app.office.init_office("commune", "01576")
    yield app, tmp
    app.close()


PROVINCE = OfficeKeys.generate()
GOOD = json.loads(make_enrollment(PROVINCE, "04", "Tỉnh Cao Bằng", "01576", "Xã Quảng Uyên",
                                  OfficeKeys.generate().public().box_key))
BODY = json.loads(GOOD["body"])
CODES = st.sampled_from(["04", "01576", "../../etc/passwd", "4", "99", "99999", "0４", "", "04\n", "01576 "])


@st.composite
def enrolment_files(draw: st.DrawFn) -> bytes:
    body = json.loads(json.dumps(BODY))
    for path in draw(st.sets(st.sampled_from(["format_version", "enrollment_id", "created_at", "province",
                                              "province.code", "province.name", "province.sign_key",
                                              "province.key_id", "recovery", "recovery.box_key", "commune",
                                              "commune.code", "commune.name", "extra"]), max_size=3)):
        value = draw(CODES if path.endswith(".code") else VALUES)
        if "." in path:
            part, key = path.split(".")
            if isinstance(body.get(part), dict):
                body[part][key] = value
        else:
            body[path] = value
    text = draw(st.sampled_from([json.dumps(body, ensure_ascii=False), json.dumps(body)[:-1], "[" * 500 + "]" * 500]))
    signature = base64.b64encode(PROVINCE.sign(ENROLLMENT_CONTEXT + text.encode())).decode()  # a valid signature
    envelope: Any = {"kind": "thidua-enrollment", "body": text, "signature": signature}
    mangle = draw(st.sampled_from(["none", "none", "signature", "envelope", "bytes"]))
    if mangle == "signature":
        envelope["signature"] = draw(st.text(max_size=90))
    elif mangle == "envelope":
        envelope = draw(st.dictionaries(st.sampled_from(["kind", "body", "signature"]), VALUES, max_size=3)
                        | VALUES)
    data = json.dumps(envelope, ensure_ascii=False).encode()
    if mangle == "bytes":
        flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 255)), max_size=4))
        raw = bytearray(data)
        for at, byte in flips:
            raw[at] = byte
        data = bytes(raw)
    return data


def test_fuzzed_enrolment_files_never_crash(commune_office) -> None:  # type: ignore[no-untyped-def]
    app, tmp = commune_office
    path = tmp / "ket-noi.json"

    @FUZZ
    @given(data=enrolment_files())
    def run(data: bytes) -> None:
        path.write_bytes(data)
        assert file_kind(path) in {"enrollment", "unknown"}
        try:
            read_enrollment(data, None)  # the file alone: signature, shape and code format
        except DomainError:
            pass
        for attempt in (lambda: app.sync.read_enrollment(data, None), lambda: app.sync.preview_enrollment(path),
                        lambda: app.sync.load_enrollment(path)):
            try:
                result = attempt()
            except DomainError:
                continue
            if hasattr(result, "province_code"):  # whatever the office accepts names real units
                assert result.province_code == "04" and result.commune_code == "01576"

    run()
