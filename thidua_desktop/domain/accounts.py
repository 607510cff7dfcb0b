"""Named accounts of a shared (server) office: the roles, who is signed in, and how a username and a
password must look. A commune on its own SQLite file has no accounts: its single officer holds
every role (services/access.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from .errors import ValidationError


class AccountRole(StrEnum):
    """What an officer of the provincial office may do (issue 14). One role per account."""

    REVIEWER = "reviewer"  # thẩm định: receives, reviews, approves or returns dossiers
    LEADER = "leader"  # lãnh đạo: decides (rejects a dossier, records decisions); may review too
    ADMIN = "admin"  # quản trị: accounts and keys (enrolment files, recovery key, revoking a commune)


# The role's name in sentences (messages) and in the CLI's lists; the GUI has its own tr() names.
ROLE_NAMES: dict[AccountRole, tuple[str, str]] = {
    AccountRole.REVIEWER: ("chuyên viên thẩm định", "reviewer"),
    AccountRole.LEADER: ("lãnh đạo", "leader"),
    AccountRole.ADMIN: ("quản trị viên", "administrator"),
}

USERNAME_MAX = 64
PASSWORD_MIN = 8  # characters; the slow hash slows guessing, it cannot save "1234"
PASSWORD_MAX = 256  # a bound on what is hashed, far above any passphrase a person types
DISPLAY_NAME_MAX = 200
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


@dataclass(frozen=True)
class SignedIn:
    """The account acting in this session. ``must_change_password``: the admin set the password
    (a new account, a reset), so the officer chooses their own before working."""

    account_id: int
    username: str
    role: AccountRole
    must_change_password: bool = False

    @property
    def actor(self) -> str:
        return actor_of(self.account_id, self.username)


def actor_of(account_id: int, username: str) -> str:
    """What the audit log records for an account's changes: its username and its id, so a change
    stays attributable even after the account was disabled and its username given to someone else."""
    return f"{username} (#{account_id})"


def role_names(roles: frozenset[AccountRole] | set[AccountRole], lang: str) -> str:
    """"lãnh đạo" or "chuyên viên thẩm định hoặc lãnh đạo", in the roles' declared order."""
    index = 0 if lang == "vi" else 1
    names = [ROLE_NAMES[r][index] for r in AccountRole if r in roles]
    return (" hoặc " if lang == "vi" else " or ").join(names)


def parse_role(value: str) -> AccountRole:
    try:
        return AccountRole(str(value).strip().lower())
    except ValueError as exc:
        raise ValidationError("ENUM_INVALID", field="account_role", value=value,
                              allowed=[r.value for r in AccountRole]) from exc


def username_key(typed: str) -> str:
    """The form a username is stored and compared in: NFC, trimmed, case-folded, so "Hoa.NT" and
    "hoa.nt " sign in as the same account."""
    return unicodedata.normalize("NFC", typed).strip().casefold()


def checked_username(typed: str) -> str:
    """USERNAME_INVALID unless 2-64 characters of a-z, 0-9, dot, dash or underscore, starting with a
    letter or digit: plain ASCII, so it types the same on every keyboard layout (Telex or not)."""
    name = username_key(typed)
    if not _USERNAME.fullmatch(name):
        raise ValidationError("USERNAME_INVALID", field="username", value=typed.strip()[:USERNAME_MAX])
    return name


def checked_password(password: str, field: str = "password") -> str:
    """The password in NFC (a Vietnamese keyboard may send NFD: the same word must sign in);
    PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG otherwise."""
    text = unicodedata.normalize("NFC", password)
    if len(text.strip()) < PASSWORD_MIN:
        raise ValidationError("PASSWORD_TOO_SHORT", field=field, min=PASSWORD_MIN)
    if len(text) > PASSWORD_MAX:
        raise ValidationError("PASSWORD_TOO_LONG", field=field, max=PASSWORD_MAX)
    return text
