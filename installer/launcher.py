"""The frozen build's entry script (installer/thidua.spec): the same as ``python -m thidua_desktop``.

PyInstaller runs its script as ``__main__`` outside the package, where the package's own
``__main__.py`` (relative imports) cannot run directly.

A large batch print draws its documents in worker processes (thidua_desktop/reports/pool.py),
started with ``spawn``: in the frozen app a worker is this same executable, started again with
multiprocessing's own arguments. ``freeze_support()`` must therefore run first, before anything
else is imported or any window opens: in a worker it runs the worker's loop and exits, in the app
it returns at once (PyInstaller's runtime hook supplies the rest, on Windows and Linux alike)."""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()

    from thidua_desktop.__main__ import main

    raise SystemExit(main())
