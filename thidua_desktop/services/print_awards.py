"""Placeholder: filled by the document work in progress."""

from __future__ import annotations

from typing import Any

SPECS: list[Any] = []
