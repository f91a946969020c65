"""Surface → value for the number part of a figure. Language-free: every word comes from
:class:`factcheck.lexicon.Lexicon`; cardinal word sequences are valued by text2num."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from factcheck.lexicon import Lexicon

_SPACES = re.compile(r"\s+")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_digits(surface: str) -> float | None:
    """Value of a number written in digits, French style.

    ``"400 000"`` → 400000, ``"55.000"`` → 55000 (dots group thousands), ``"1,5"`` → 1.5
    (the comma is the decimal mark), ``"12,32e+14"`` and ``"1,1^23"`` are powers.
    Returns ``None`` when the surface is not a well-formed number.
    """
    s = _SPACES.sub("", surface)
    sign = 1.0
    if s[:1] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if "^" in s:
        base, _, exp = s.partition("^")
        exp = exp.replace("--", "-")
        b, e = parse_digits(base), parse_digits(exp)
        if b is None or e is None:
            return None
        return sign * b**e
    mantissa, sep, exponent = s.lower().partition("e")
    if sep and exponent:
        m, e = parse_digits(mantissa), parse_digits(exponent)
        if m is None or e is None:
            return None
        return sign * m * 10**e
    if "." in s:
        int_part, comma, frac = s.partition(",")
        head, *groups = int_part.split(".")
        if 1 <= len(head) <= 3 and groups and all(len(g) == 3 for g in groups):
            s = head + "".join(groups) + comma + frac  # "55.000", "1.234.567,89"
        elif not comma and len(groups) == 1:
            s = head + "," + groups[0]  # "1.5": a decimal point, English style
        else:
            return None
    s = s.replace(",", ".", 1)
    if s.startswith("."):
        s = "0" + s
    try:
        return sign * float(s)
    except ValueError:
        return None


def decimals_of(surface: str) -> int:
    """Number of decimals written (``"1,25"`` → 2): the stated precision of a figure."""
    s = _SPACES.sub("", surface)
    if "," in s:
        return len(s.split(",", 1)[1].rstrip("e+-0123456789^")) or len(s.split(",", 1)[1])
    return 0


@lru_cache(maxsize=4096)
def cardinal_value(words: str, lang: str) -> float | None:
    """Value of cardinal words ("quarante-six", "trente et un mille") via text2num."""
    text = _SPACES.sub(" ", words.strip().lower())
    try:
        return float(text2num(text, lang))
    except ValueError:
        return None


def roman_value(numeral: str) -> int | None:
    """Value of a Roman numeral ("XXI" → 21), ``None`` when it is not well formed."""
    total = 0
    prev = 0
    for ch in reversed(numeral.upper()):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    # Reject non-canonical spellings such as "IIII" or "VX" by round-tripping.
    return total if _to_roman(total) == numeral.upper() else None


def _to_roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def ordinal_word_value(word: str, lex: Lexicon) -> float | None:
    """Value of an ordinal written in letters ("quatrième" → 4, "vingt et unième" → 21,
    "trois millième" → 3000). ``None`` when the words are not an ordinal."""
    w = _SPACES.sub(" ", word.strip().lower())
    if w in lex.ordinal_words:
        return float(lex.ordinal_words[w])
    # Split off the last component: "vingt-cinquième" → "vingt-", "cinquième".
    m = re.match(r"^(.*?[\s-])?([^\s-]+)$", w)
    if not m:
        return None
    head, last = m.group(1) or "", m.group(2)
    if last in lex.ordinal_words and head:
        # "trois cent vingt seconde" → 320 + 2
        base = cardinal_value(head.rstrip(" -"), lex.code)
        return None if base is None else base + lex.ordinal_words[last]
    for suffix in lex.ordinal_suffixes:
        if last.endswith(suffix) and len(last) > len(suffix):
            stem = last[: -len(suffix)]
            card = lex.ordinal_stems.get(stem, stem)
            value = cardinal_value((head + card).strip(" -"), lex.code)
            if value is None and head:
                # "trois millième": numerator then an ordinal of a scale.
                scale = cardinal_value(card, lex.code)
                mult = cardinal_value(head.strip(" -"), lex.code)
                if scale is not None and mult is not None:
                    return mult * scale
            return value
    return None
