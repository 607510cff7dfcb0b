"""`thidua print` names each document as its page and its PDF metadata do (issue 10, "a title names
the same document in the PDF metadata, the CLI message and the page"): "Giấy chứng nhận" for an
emulation title's certificate, the public notice by its own heading, not a fixed name per kind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from thidua_desktop.cli import main


@pytest.fixture
def demo(commune, monkeypatch, load_demo):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("THIDUA_DOC_FONT", "bundled")
    load_demo(commune, seed=7, people=40, today=date(2026, 11, 25))
    return commune


def _title(path: Path) -> str:
    title = PdfReader(str(path)).metadata.title
    assert title, path
    return str(title)


def test_each_print_names_the_title_its_pdf_carries(demo, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo.nominations.batches()[0].id
    first: dict[str, str] = {}
    for kind, target in demo.printing.batch_targets(batch):
        first.setdefault(kind, target)
    assert {"submission", "list", "public-list", "decision", "certificate", "minutes"} <= set(first)
    titles: dict[str, str] = {}
    for kind, target in first.items():
        out = tmp_path / f"{kind}.pdf"
        assert main(["--data-dir", str(data_dir), "print", kind, target, "--out", str(out)]) == 0
        titles[kind] = _title(out)
        said = capsys.readouterr().out.strip().splitlines()
        assert said == [f"Đã ghi «{titles[kind]}»: {out}"], kind
    # The names the old messages used and the page does not.
    assert titles["certificate"] == "Giấy chứng nhận"  # the demo's decision grants an emulation title
    assert titles["public-list"].startswith("Thông báo công khai")
    assert titles["submission"].startswith("Tờ trình về việc")
    # Each title names its document the way the page does, type and subject, not a bare type.
    assert titles["minutes"].startswith("Biên bản họp Hội đồng Thi đua - Khen thưởng")
    assert all(len(title.split()) > 2 for kind, title in titles.items() if kind != "certificate"), titles

    out = tmp_path / "again.pdf"
    assert main(["--data-dir", str(data_dir), "--lang", "en", "print", "certificate", first["certificate"],
                 "--out", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["title"] == _title(out) == "Giấy chứng nhận"


def test_print_batch_lists_every_file_with_its_title(demo, data_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    batch = demo.nominations.batches()[0].id
    folder = tmp_path / "dot"
    assert main(["--data-dir", str(data_dir), "print", "batch", batch, "--out", str(folder)]) == 0
    head, *lines = capsys.readouterr().out.strip().splitlines()
    files = sorted(folder.glob("*.pdf"))
    assert head == f"Đã in {len(files)} văn bản vào {folder}" and len(lines) == len(files) > 5
    assert lines == [f"  {f.name}: {_title(f)}" for f in files]
