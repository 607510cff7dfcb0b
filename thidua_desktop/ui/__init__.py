"""The PySide6 GUI: the only package that imports Qt. Screens reach data only through services."""
