"""Typing slips: the signature of one figure typed wrong rather than a figure that changed
(:func:`typing_slip`), and the narrower one consulted before declaring an evolution
(:func:`swapped_digits`): one figure of one event, its digits typed in another order."""

from __future__ import annotations

from factcheck.crossref.matching import ClaimView, significant_digits

#: Digits from which the same digits in another order are a slip before they are a change:
#: "48 212" / "42 812", "67,3 %" / "63,7 %" (two digits, "12" / "21", meet by chance).
SWAP_DIGITS = 3


def _digits(v: ClaimView) -> list[str]:
    return [c for c in v.surface if c.isdigit()]


def typing_slip(a: ClaimView, b: ClaimView) -> bool:
    """The signature of a typing slip rather than an update: the same digits in another order
    (35/53) or the same significant digits a power of ten apart (43 000/430 000)."""
    da, db = _digits(a), _digits(b)
    if len(da) >= 2 and da != db and sorted(da) == sorted(db):
        return True
    digits = significant_digits(a.value)
    # One significant digit ("2 millions" / "20 millions") is no sign of a slip.
    return a.value != b.value and len(digits) >= 2 and digits == significant_digits(b.value)


def swapped_digits(a: ClaimView, b: ClaimView) -> bool:
    """The same ``SWAP_DIGITS`` or more digits in another order, and no text giving each
    figure a date of its own: the two periods differ only because one figure is dated by its
    article's publication ("devant 48 212 spectateurs" dated Sunday by its sentence, "devant
    42 812 spectateurs" by its article's Tuesday). One event at one date has no evolution:
    the pair is judged as one fact told two ways (``relations._accuse``), or not linked. Two
    periods each written in its text ("en 2023" / "en 2024") are two dates: 1 234 then 1 324
    may be a change."""
    da, db = _digits(a), _digits(b)
    if len(da) < SWAP_DIGITS or da == db or sorted(da) != sorted(db):
        return False
    return not (a.period[:1] == ("explicit",) and b.period[:1] == ("explicit",))
