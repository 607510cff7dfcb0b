"""``python -m thidua_desktop`` and the ``thidua-desktop`` launcher open the GUI."""

from __future__ import annotations


def main() -> int:
    from .ui.app import run

    return run()


if __name__ == "__main__":
    raise SystemExit(main())
