"""Errors the core raises. They carry a reason code and parameters, never a sentence:
the CLI and the UI turn them into Vietnamese or English text (see ``thidua_desktop.messages``)."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the user can act on. ``code`` is a stable reason code."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(f"{code}" + (f" [{field}]" if field else "") + (f" {params}" if params else ""))


class ValidationError(DomainError):
    """Bad input in a named field (required, format, range, enum value)."""


class NotFoundError(DomainError):
    """A record the caller named does not exist."""


class StateError(DomainError):
    """An operation not allowed in the record's current state (e.g. an invalid status move)."""


class IntegrityProblem(DomainError):
    """The stored data is damaged or inconsistent."""
