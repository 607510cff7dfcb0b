"""Amounts of money in Vietnamese words, as a decision writes its total ("Bằng chữ: …")."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu", "tỷ")


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


def number_words(n: int) -> str:
    """1_050_000 → "một triệu không trăm năm mươi nghìn"; groups above a billion repeat "tỷ"."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return DIGITS[0]
    groups: list[int] = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            if index % 3 == 0 and index > 0 and any(groups[index:index + 3]) and words and words[-1] != "tỷ":
                words.append("tỷ")  # 1 000 000 000 000 = "một nghìn tỷ"
            continue
        words += _triple(value, leading=not words)
        scale = "tỷ" if index >= 3 and index % 3 == 0 else SCALES[index % 3]
        if scale:
            words.append(scale)
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """710000 → "Bảy trăm mười nghìn đồng" (capitalised, with the currency)."""
    phrase = number_words(amount) + " đồng"
    return phrase[0].upper() + phrase[1:]


def money(amount: int | None) -> str:
    """710000 → "710.000" (Vietnamese thousands separator); unknown → "…"."""
    if amount is None:
        return "…"
    return f"{amount:,}".replace(",", ".")
