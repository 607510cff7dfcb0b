"""Amounts of money in Vietnamese words, as a decision writes its total ("Bằng chữ: …")."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _triple(n: int, leading: bool) -> list[str]:
    """Words for 0–999; a group after a higher one says "không trăm" and "linh" in full."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
    elif tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units:
        if units == 1 and tens > 1:
            words.append("mốt")
        elif units == 5 and tens > 0:
            words.append("lăm")
        else:
            words.append(DIGITS[units])
    return words


def _below_billion(n: int, leading: bool) -> list[str]:
    """0–999 999 999 as "triệu", "nghìn" and units; zero groups are left out."""
    words: list[str] = []
    for scale, value in (("triệu", n // 1_000_000), ("nghìn", n // 1000 % 1000), ("", n % 1000)):
        if value == 0:
            continue
        words += _triple(value, leading=leading and not words)
        if scale:
            words.append(scale)
    return words


def _words(n: int, leading: bool) -> list[str]:
    """Above a billion the count of billions is itself read out: 10^12 = "một nghìn tỷ"."""
    billions, rest = divmod(n, 1_000_000_000)
    if billions == 0:
        return _below_billion(rest, leading)
    return [*_words(billions, leading), "tỷ", *_below_billion(rest, leading=False)]


def number_words(n: int) -> str:
    """1_050_000 → "một triệu không trăm năm mươi nghìn"."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return DIGITS[0]
    return " ".join(_words(n, leading=True))


def amount_in_words(amount: int) -> str:
    """710000 → "Bảy trăm mười nghìn đồng" (capitalised, with the currency)."""
    phrase = number_words(amount) + " đồng"
    return phrase[0].upper() + phrase[1:]


def money(amount: int | None) -> str:
    """710000 → "710.000" (Vietnamese thousands separator); unknown → "…"."""
    if amount is None:
        return "…"
    return f"{amount:,}".replace(",", ".")


_ROMAN_STEPS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Section numbers "I.", "II.", … as documents and lists use them; 0 or less prints as digits."""
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN_STEPS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
