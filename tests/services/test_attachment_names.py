"""Attachment names are cleaned at the boundary and programs are recognised by extension, from the
list kept as data (issue 11, failure 11)."""

from __future__ import annotations

import json

import pytest

from thidua_desktop.paths import resource_path
from thidua_desktop.services.attachments import clean_file_name, executable_extensions, is_executable_name


@pytest.mark.parametrize(("raw", "clean"), [
    ("\u202egpj.exe", "gpj.exe"),  # shows as "exe.jpg" with the override
    ("anh\u200b lễ ra quân.jpg", "anh lễ ra quân.jpg"),
    ("\ufeffbao-cao.pdf", "bao-cao.pdf"),
    ("bao\x1b[31mcao.pdf", "bao[31mcao.pdf"),
    ("C:\\Users\\can-bo\\Desktop\\to-trinh.pdf", "to-trinh.pdf"),
    ("../../etc/passwd", "passwd"),
    ("chay.exe. . ", "chay.exe"),  # Windows drops trailing dots and spaces
    ('a<b>:c"d|e?f*.png', "a_b__c_d_e_f_.png"),
    ("\u202e\u200b", "tep-dinh-kem"),
])
def test_clean_file_name(raw: str, clean: str) -> None:
    assert clean_file_name(raw) == clean


def test_a_long_name_keeps_its_extension() -> None:
    name = clean_file_name("Báo cáo " * 40 + ".pdf")
    assert len(name) <= 150 and name.endswith(".pdf")


@pytest.mark.parametrize(("name", "program"), [
    ("evil.exe", True), ("\u202egpj.exe", True), ("anh.jpg.scr", True), ("CHAY.BAT", True), ("x.ps1", True),
    ("loi-tat.lnk", True), ("thu.js", True), ("mau.hta", True), ("so.xlsm", True), ("chay.exe.", True),
    ("anh.jpg", False), ("bao-cao.pdf", False), ("exe", False), ("anh.exe.jpg", False), ("so.xlsx", False),
])
def test_programs_are_recognised(name: str, program: bool) -> None:
    assert is_executable_name(name) is program


def test_the_list_is_data() -> None:
    data = json.loads(resource_path("data/executable_extensions.json").read_text(encoding="utf-8"))
    assert executable_extensions() == frozenset(data["extensions"])
    assert all(ext.startswith(".") and ext == ext.lower() for ext in data["extensions"])
    assert {".exe", ".bat", ".cmd", ".com", ".scr", ".pif", ".msi", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh",
            ".ps1", ".lnk", ".hta", ".cpl", ".jar", ".reg", ".dll"} <= executable_extensions()
