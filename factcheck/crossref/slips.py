"""Typing slips: the signature of one figure typed wrong rather than a figure that changed
(:func:`typing_slip`), and the narrower one consulted before declaring an evolution
(:func:`swapped_digits`): one figure of one event, its digits typed in another order."""

from __future__ import annotations

from datetime import date

from factcheck.crossref.matching import ClaimView, significant_digits

#: Digits from which the same digits in another order are a slip before they are a change:
#: "48 212" / "42 812", "67,3 %" / "63,7 %" (two digits, "12" / "21", meet by chance).
SWAP_DIGITS = 3
#: Two figures one of which is dated by its article only are one figure typed two ways only
#: if they may report one day: their articles at most this many days apart, and a day written
#: on one side at most this many days before the other's article.
SWAP_DAYS = 3


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
    may be a change. An unknown date is never taken for the same day: the two must be able
    to report one day (:func:`_one_day`), or they are two figures ("45 123" Saturday, "41 235"
    in a paper two weeks later: two matches)."""
    da, db = _digits(a), _digits(b)
    if len(da) < SWAP_DIGITS or da == db or sorted(da) != sorted(db):
        return False
    if a.period[:1] == ("explicit",) and b.period[:1] == ("explicit",):
        return False
    return _one_day(a, b)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except (TypeError, ValueError):
        return None


def _one_day(a: ClaimView, b: ClaimView) -> bool:
    """``a`` and ``b`` may report one day: both articles dated and at most ``SWAP_DAYS``
    apart, and a day written on one side not after the other's article nor more than
    ``SWAP_DAYS`` before it. Unknown publication: not one day."""
    pa, pb = _day(a.published), _day(b.published)
    if pa is None or pb is None or abs((pa - pb).days) > SWAP_DAYS:
        return False
    for x, y, py in ((a, b, pb), (b, a, pa)):
        if x.period[:1] == ("explicit",) and y.period[:1] != ("explicit",):
            start, end = _day(x.period[1] or x.period[2]), _day(x.period[2] or x.period[1])
            if start is None or end is None or start > py or (py - end).days > SWAP_DAYS:
                return False
    return True
