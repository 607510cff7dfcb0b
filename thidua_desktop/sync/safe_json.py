"""JSON from outside (bundle headers, manifests, record lines, enrolment and key files) with a size
and a nesting limit.

``json.loads`` recurses once per nesting level, so ``[[[[…]]]]`` a few thousand levels deep ends in
RecursionError, and a bundle header is parsed before any signature is checked: anyone could crash
an import with a 64 kB file. The depth is therefore measured first, by a linear scan of the
brackets outside strings, and nothing deeper than ``MAX_DEPTH`` reaches the parser. Every
problem is a :class:`UnsafeJSON` (a ValueError), which the callers turn into their own reason
code (BUNDLE_CORRUPT, ENROLLMENT_INVALID …)."""

from __future__ import annotations

import re
from typing import Any

import orjson

MAX_DEPTH = 32  # our own files nest 4 levels at most
MAX_BYTES = 16 * 1024 * 1024

# A JSON string: the quotes and whatever is between them, escapes included. Linear: the two
# alternatives never match the same character, so there is no backtracking to blow up.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class UnsafeJSON(ValueError):
    """Not JSON, too large, too deeply nested, or with NaN/Infinity."""


def depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings (an over-estimate for broken
    JSON, which the parser refuses anyway)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    level = deepest = 0
    for char in brackets:
        if char in "[{":
            level += 1
            if level > deepest:
                deepest = level
                if deepest > MAX_DEPTH:  # enough is known: stop scanning a hostile file early
                    return deepest
        else:
            level -= 1
    return deepest


def loads(data: bytes | bytearray | str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``data`` (UTF-8 bytes or text); UnsafeJSON for anything that is not plain, bounded JSON."""
    if len(data) > max_bytes:
        raise UnsafeJSON(f"larger than {max_bytes} bytes")
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UnsafeJSON("not UTF-8") from exc
    else:
        text = data
    # Nesting never exceeds the number of opening brackets: a record line has a handful, and
    # counting them is far cheaper than the scan (a bundle has a hundred thousand lines).
    if text.count("[") + text.count("{") > max_depth and depth(text) > max_depth:
        raise UnsafeJSON(f"nested deeper than {max_depth} levels")
    try:
        # orjson refuses NaN and Infinity, a number that overflows a double, a lone surrogate
        # (which no database could store as UTF-8) and nesting past 1024 levels by itself; a
        # whole number past 64 bits comes back as a float, which a whole-number column refuses.
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise UnsafeJSON(f"not JSON: {str(exc)[:120]}") from exc
