"""Translations: our own catalog (English source strings in tr(), Vietnamese in i18n/thidua_vi.ts)
plus qtbase_vi for Qt's standard buttons, since Qt ships no Vietnamese catalog of its own."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..paths import i18n_path

CATALOGS = ("thidua", "qtbase")
_installed: list[QTranslator] = []


def _lrelease() -> str | None:
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / "lrelease",
                      Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.BinariesPath)) / "lrelease"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalogs(folder: Path | None = None) -> list[Path]:
    """Compile every .ts under i18n/ to .qm when the .qm is missing or older (the build step)."""
    folder = folder or i18n_path()
    tool = _lrelease()
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if tool and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        if qm.exists():
            built.append(qm)
    return built


def install(lang: str) -> None:
    """Switch the application's language now; widgets retranslate on LanguageChange."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # Numbers and dates follow the language too: 2.340.000 in Vietnamese, 2,340,000 in English.
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam) if lang == "vi"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if lang != "vi":
        return
    try:
        compile_catalogs()
    except (OSError, subprocess.CalledProcessError):
        pass  # a shipped build has its .qm files already
    for name in CATALOGS:
        translator = QTranslator(app)
        if translator.load(str(i18n_path(f"{name}_vi.qm"))):
            app.installTranslator(translator)
            _installed.append(translator)
