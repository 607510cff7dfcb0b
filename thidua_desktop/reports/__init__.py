"""Printed documents in the state format (Decree 30/2020): ReportLab only, no Qt, no database.

Each document module takes plain dataclasses gathered by ``services.printing`` and returns PDF
bytes, so the same layout serves the CLI, the GUI preview and the benchmark."""
