"""Errors the core raises. They carry a reason code and parameters, never a sentence:
the CLI and the UI turn them into Vietnamese or English text (see ``thidua_desktop.messages``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
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


class ValidationErrors(ValidationError):
    """Several field problems found in one pass over a form, so the user sees them all at once.

    ``errors`` holds each refusal in the order the fields were checked (nested lists are
    flattened). Its own code is MANY_ERRORS and it names no field; callers that only know
    :class:`DomainError` still work, and ``messages.render`` writes one line per error."""

    errors: list[DomainError]

    def __init__(self, errors: Iterable[DomainError]) -> None:
        flat: list[DomainError] = []
        for error in errors:
            flat.extend(error.errors if isinstance(error, ValidationErrors) else [error])
        self.errors = flat
        super().__init__("MANY_ERRORS", None, count=len(flat))


@dataclass(frozen=True, eq=True)
class Notice:
    """Something unusual but possible (a date far ahead, a very old official): the user is asked
    before saving, never refused. Same shape as an error: a reason code, a field, parameters."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclass_field(default_factory=dict)
