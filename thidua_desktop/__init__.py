"""ThiĐua Desktop: offline emulation and commendation records for commune offices."""

__version__ = "0.1.0"
