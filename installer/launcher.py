"""The frozen build's entry script (installer/thidua.spec): the same as ``python -m thidua_desktop``.

PyInstaller runs its script as ``__main__`` outside the package, where the package's own
``__main__.py`` (relative imports) cannot run directly."""

from thidua_desktop.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
