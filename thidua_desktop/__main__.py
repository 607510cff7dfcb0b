"""``python -m thidua_desktop`` and the ``thidua-desktop`` launcher open the GUI.

``--self-test`` runs the machine check offscreen instead (one line per check on stdout, exit 0
when all pass, 1 when any fails, 2 for a malformed command line): the frozen build's smoke test,
and what support asks an office to run. A file argument (a ``.tdsync`` bundle, the province's
enrolment file) opens the app on it: the Windows installer's file association runs
``ThiDua.exe "%1"`` (ui/app.py shows the bundle's import preview)."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args:
        from .ui.self_test_dialog import run_headless

        return run_headless(args)
    from .ui.app import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
