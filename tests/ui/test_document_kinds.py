"""The document kinds are listed once (services/document_kinds.py): the print service, the CLI's
help and the GUI's menus all show that list, in its order, and nothing else."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from thidua_desktop import cli_documents
from thidua_desktop.cli_common import Parser
from thidua_desktop.services.document_kinds import DOCUMENTS, KINDS, kinds_for
from thidua_desktop.services.printing import PrintService
from thidua_desktop.ui.print_actions import BATCH, document_labels, entries_for, label


def test_one_list_in_filing_order() -> None:
    assert PrintService.kinds() == KINDS == tuple(d.kind for d in DOCUMENTS)
    assert len(set(KINDS)) == len(KINDS)
    assert KINDS[:3] == ("submission", "report", "list")  # a batch's folder opens with its letter
    # every kind is printed from a record some screen shows
    assert {d.target for d in DOCUMENTS} == {"batch", "nomination", "meeting", "decision", "movement",
                                             "province_decision", "statistics"}


def test_the_menus_offer_the_registry_kinds_by_their_record(qapp: QApplication) -> None:
    assert [e.key for e in entries_for("meeting")] == ["minutes", "ballots"]
    assert [e.key for e in entries_for("batch")] == list(kinds_for("batch"))
    # every kind has its English menu name; a label with no kind would be a kind typed twice
    assert set(document_labels()) - {BATCH} == set(KINDS)
    assert all(label(kind) for kind in KINDS)


def test_the_cli_help_names_every_kind() -> None:
    sub = Parser(prog="thidua").add_subparsers(dest="command", parser_class=Parser)
    cli_documents.add_parsers(sub, Parser)
    help_text = sub.choices["print"].format_help()
    for kind in KINDS:
        assert kind in help_text
