"""The benchmark harness behind ``scripts/bench_all.py`` (issue 15): fast generation of realistic
commune offices and bundles (``generate``), one module per group of figures, and the shared
measuring and reporting helpers (``common``). Not part of the app: nothing here is imported by
``thidua_desktop``."""
