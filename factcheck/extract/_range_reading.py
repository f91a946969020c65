"""Ranges of figures ("entre 10 et 15 %", "de cinq à six cents", "10-15 %"), the shared
base of the reader mixins, and the interval convention (``with_interval``). Mixed into the
scanner of :mod:`factcheck.extract.scanner` through
:class:`factcheck.extract._figure_reading.FigureReader`."""

from __future__ import annotations

from datetime import date

import regex

from factcheck.extract._mention_copy import replace
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import words_value
from factcheck.models import APPROX_TOLERANCE, MEASURE_KINDS, Approx, Kind, Mention

_LOOKBACK = 48  # characters searched before a figure for approximators and cues
_AHEAD = 160  # characters a figure's tail (scale, unit, currency, range end) may span
_LETTERS = regex.compile(r"\p{L}+")
_ZERO_GROUPS = regex.compile(r"(?<=\d)(?:[ .']000)+$")  # "60 000" → " 000"
_BARE_INTEGER = regex.compile(r"\d{1,3}")
_RANGEABLE = {Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, Kind.DURATION}


class ReaderBase:
    """What every reader mixin shares: the text, the language data, the publication date,
    the characters already taken, and a bounded look-ahead."""

    text: str
    lex: Lexicon
    published: date | None
    taken: bytearray
    nested: bool = False
    # False when the text holds no verb of approximation ("avoisine", "dépasse"): their
    # pattern is then not searched before each figure (set per text by the scanner's run).
    approx_verbs_here: bool = True

    def at(self, pattern: regex.Pattern, pos: int) -> regex.Match | None:
        """``pattern.match`` at ``pos``, looking only a little ahead: patterns built around one
        literal would otherwise search the whole rest of the text for it."""
        return pattern.match(self.text, pos, pos + _AHEAD)


class RangeReader(ReaderBase):
    def _range(self, first: Mention) -> Mention | None:
        """ "entre 10 et 15 %", "de 500 000 à 600 000", "100 000 à 140 000", "10-15 %"."""
        text, lex = self.text, self.lex
        if first.kind not in _RANGEABLE or first.value is None or first.approx == Approx.RANGE:
            return None
        window = max(0, first.start - _LOOKBACK)
        entre = lex.range_entre_before.search(text, window, first.start)
        j = self.at(lex.range_joiner, first.end)
        if not j or (entre and not j.group(1)) or (not entre and j.group(1)):
            return None
        if j.group(3) and (first.end != j.start() or "," in text[first.end : j.end()]):
            return None  # "10-15" only when glued
        changing = bool(j.group(2)) and not entre
        from_to = changing and lex.from_to_before.search(text, window, first.start)
        if (
            changing
            and first.kind != Kind.COUNT
            and lex.change_before(text, window, first.start, first.kind, first.unit)
        ):
            return None  # "passé de 7,7 % à 7,4 %": two figures, each with its unit
        second = self._number_at(j.end())
        if second is None or second.approx != Approx.NONE or second.value is None:
            return None
        if from_to:
            # "porte l'âge légal de 62 à 64 ans": the first figure is a value of its own,
            # in the unit (and scale) of the second.
            if first.kind == Kind.COUNT and second.kind == Kind.COUNT:
                # "est passé de 2 à 3 millions": the earlier value, with the shared scale
                scale = self._shared_scale(first, second)
                return with_interval(replace(first, value=first.value * scale, role="change_from"))
            if first.kind == Kind.COUNT and second.kind != Kind.COUNT:
                value = first.value * self._shared_scale(first, second)
                return with_interval(
                    replace(
                        first,
                        kind=second.kind,
                        unit=second.unit,
                        value=value,
                        approx=Approx.NONE,
                        role="change_from",
                    )
                )
            return None
        if (
            first.kind == second.kind == Kind.COUNT
            and not entre
            and not j.group(1)
            and all(_plain_small(m, lex.score_max) for m in (first, second))
            and lex.score_cue_before.search(text, window, first.start)
        ):
            return None  # "Marseille s'incline 0-2": a score, two counts
        low, high = first.value, second.value
        kind, unit = first.kind, first.unit
        if first.kind == Kind.COUNT and second.kind != Kind.COUNT:
            kind, unit = second.kind, second.unit
        elif (
            first.kind != second.kind or first.unit != second.unit or second.kind not in _RANGEABLE
        ):
            return None
        if first.kind == Kind.COUNT:
            low = first.value * self._shared_scale(first, second)
        if high < low < 0:
            low, high = high, low  # "entre -8 et -12 °C": colder is lower
        if not low < high:
            return None
        start = entre.start() if entre else first.start
        return Mention(
            start,
            second.end,
            text[start : second.end],
            kind,
            None,
            low,
            high,
            unit,
            Approx.RANGE,
            number_start=first.number_start,
            number_end=second.number_end,
            rule="range",
        )


    def _number_at(self, pos: int) -> Mention | None:
        """The figure starting at ``pos`` (after "et", "à", "ou"), read without taking it."""
        lex = self.lex
        sub = type(self)(self.text, lex, self.published, self.taken)  # type: ignore[call-arg]
        sub.nested = True  # the end of a range is not itself the start of one
        sub.approx_verbs_here = self.approx_verbs_here
        sign = self.at(lex.spaced_sign, pos)
        if sign:
            pos = sign.end()  # "entre - 3 et - 1 %": the sign written before the second end
        for pattern, reader in ((lex.digits, sub._read_digits), (lex.word_number, sub._read_words)):
            if m := self.at(pattern, pos):
                second = reader(m.start(), m.end())
                if sign and second is not None and second.value is not None and second.value > 0:
                    second = replace(second, start=sign.start(), value=-second.value)
                return second
        return None

    def _alternative(self, first: Mention) -> Mention:
        """ "deux ou trois millions", "200 ou 300 millions de dollars": the first alternative
        takes the scale, unit or currency of the second (and stays a figure of its own)."""
        if first.kind != Kind.COUNT or first.value is None or first.approx == Approx.RANGE:
            return first
        j = self.at(self.lex.alternative_joiner, first.end)
        second = self._number_at(j.end()) if j else None
        if second is None or second.value is None:
            return first
        scale = self._shared_scale(first, second)
        if second.kind == Kind.COUNT and scale == 1:
            return first
        return replace(first, kind=second.kind, unit=second.unit, value=first.value * scale)

    def _shared_scale(self, first: Mention, second: Mention) -> float:
        """The scale the first end of a range borrows from the second: a scale word ("entre 2
        et 3 millions", "de cinq à six cents", "dix à quinze mille") or, between written
        digits of the same order, the thousands ("entre 50 et 60 000"). 1 when there is
        none: "de 5 à 1 000 euros" stays 5 to 1 000."""
        a, b = abs(first.value or 0.0), abs(second.value or 0.0)
        scale, own = self._scale_words(second), self._scale_words(first)
        bare = own == 1 or own == a  # "cent" alone is bare, "dix mille" is not
        if scale > 1:
            return scale if bare and a * scale <= b else 1.0
        core = self.text[first.number_start or first.start : first.number_end or first.end]
        other = self.text[second.number_start or second.start : second.number_end or second.end]
        zeros = _ZERO_GROUPS.search(other)
        if not (_BARE_INTEGER.fullmatch(core.lstrip("-+ ")) and zeros):
            return 1.0
        group = 1000.0 ** (len(zeros.group()) // 4)
        return group if a < b / group <= a * 10 else 1.0

    def _scale_words(self, m: Mention) -> float:
        """The product of the scale words closing the number of ``m`` ("quatre cent mille"
        → 100 000, "3 millions de dollars" → 1 000 000, "15 000" → 1)."""
        lex, run = self.lex, 1.0
        for word in _LETTERS.findall(self.text, m.number_start or m.start, m.end):
            low = word.lower()
            factor = (
                lex.scales.get(low) or lex.hundreds.get(low) or lex.scale_abbreviations.get(word)
            )
            if factor:
                run *= factor
            elif words_value(low, lex) is not None:
                run = 1.0  # "deux cent cinquante mille": only the last run counts
            else:
                if word in lex.quantity_multiples:  # "entre 25 et 26 Mt": a scale in a symbol
                    run *= lex.quantity_multiples[word][1]
                break  # the unit or currency: "millions de dollars"
        return run


def _plain_small(m: Mention, limit: float) -> bool:
    """A small whole number written plainly (no scale, no thousands group): a score's."""
    v = m.value
    return v is not None and v == int(v) and 0 <= v <= limit and m.surface.strip().isalnum()


def interval_of(
    kind: Kind, value: float | None, approx: Approx
) -> tuple[float | None, float | None] | None:
    """``(low, high)`` for a figure of ``kind`` stated as ``value`` with ``approx``
    (convention in models.py), or None when they are left as they are (no value, a range,
    a kind that is no measure)."""
    if value is None or kind not in MEASURE_KINDS:
        return None
    if approx == Approx.NONE:
        return value, value
    if approx == Approx.APPROX:
        low, high = value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE)
        return (low, high) if low <= high else (high, low)  # "près de -4 millions"
    if approx == Approx.LOWER:
        # A share of a whole cannot exceed it; a mixed number ("plus de 1 1/2") is no share.
        return value, (1.0 if kind == Kind.FRACTION and value <= 1 else None)
    if approx == Approx.UPPER:
        return (0.0 if value >= 0 else None), value
    return None


def with_interval(m: Mention) -> Mention:
    """Fill ``low``/``high`` from ``value`` and ``approx`` (convention in models.py)."""
    bounds = interval_of(m.kind, m.value, m.approx)
    return m if bounds is None else replace(m, low=bounds[0], high=bounds[1])
