"""Surface → value for the number part of a figure. Language-free: every word comes from
:class:`factcheck.extract.lexicon.Lexicon`; cardinal word sequences are valued by text2num."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from text_to_num import text2num

from factcheck.extract.lexicon import Lexicon

_SPACES = re.compile(r"\s+")
_MAX_DIGITS_SURFACE = 64  # longer digit runs are codes or garbage, not figures
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_digits(surface: str) -> float | None:
    """Value of a number written in digits (see :func:`_parse_digits`); ``None`` for values
    no float holds (a hostile "123 123 123 …" of thousands of groups)."""
    if len(surface) > _MAX_DIGITS_SURFACE:
        return None
    try:
        value = _parse_digits(surface)
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    return value if value is not None and math.isfinite(value) else None


def _parse_digits(surface: str) -> float | None:
    """Value of a number written in digits, French style.

    ``"400 000"`` → 400000, ``"55.000"`` → 55000 (dots group thousands), ``"1,5"`` → 1.5
    (the comma is the decimal mark), ``"12,32e+14"`` and ``"1,1^23"`` are powers.
    Returns ``None`` when the surface is not a well-formed number.
    """
    s = _SPACES.sub("", surface).replace("'", "")  # "21'000": a Swiss thousands separator
    sign = 1.0
    if s[:1] in "+-":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    if "^" in s:
        base, _, exp = s.partition("^")
        exp = exp.replace("--", "")  # a double minus is a plus
        b, e = _parse_digits(base), _parse_digits(exp)
        if b is None or e is None:
            return None
        return sign * b**e
    mantissa, sep, exponent = s.lower().partition("e")
    if sep and exponent:
        m, e = _parse_digits(mantissa), _parse_digits(exponent)
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


def words_value(words: str, lex: Lexicon) -> float | None:
    """Value of cardinal words, also with scales text2num does not know ("trois billions")."""
    value = cardinal_value(words, lex.code)
    if value is not None:
        return value
    joined = lex.tens_without_joiner.sub(rf"\1 {lex.joiner_word} \2", words.lower())
    if joined != words.lower() and (value := cardinal_value(joined, lex.code)) is not None:
        return value  # "vingt-un", an older spelling of "vingt et un"
    tokens = words.lower().split()
    scale_positions = [i for i, t in enumerate(tokens) if t in lex.scales]
    if not scale_positions:
        return None
    idx = max(scale_positions, key=lambda i: lex.scales[tokens[i]])
    scale = lex.scales[tokens[idx]]
    left = words_value(" ".join(tokens[:idx]), lex) if idx else 1.0
    right = words_value(" ".join(tokens[idx + 1 :]), lex) if idx + 1 < len(tokens) else 0.0
    if left is None or right is None or right >= scale:
        return None
    return left * scale + right


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
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
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
    head, last = (m.group(1) or "").strip(" -"), m.group(2)
    if last in lex.ordinal_words:
        # Only "second(e)" closes a compound ordinal: "trois cent vingt seconde" = 322.
        # "les trois premiers" is a count then an ordinal.
        if not head or lex.ordinal_words[last] != 2 or last.endswith("s"):
            return None
        base = words_value(head, lex)
        # "un second mandat" is an article and an ordinal: only tens close with "second".
        return None if base is None or base < 20 else base + 2
    for suffix in lex.ordinal_suffixes:
        if last.endswith(suffix) and len(last) > len(suffix):
            stem = last[: -len(suffix)]
            card = lex.ordinal_stems.get(stem, stem)
            sep = w[len(head) : len(w) - len(last)] if head else ""
            value = words_value(head + sep + card if head else card, lex)
            if value is None and head and card in lex.scales:
                # "trois millième": a multiplier then the ordinal of a scale.
                mult = words_value(head, lex)
                if mult is not None:
                    return mult * lex.scales[card]
            return value
    return None
