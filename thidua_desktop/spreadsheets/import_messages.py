"""Reason codes, in Vietnamese and English (filled as the feature lands)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
