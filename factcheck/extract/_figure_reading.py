"""How a number core becomes a figure: what follows it (scale, "et demi", unit, currency,
fraction), a currency symbol before it, and whether a four-digit number is a year; what
precedes it (approximators, "entre"), ranges and the interval are read in
``_approx_reading``. Mixed into the scanner of :mod:`factcheck.extract.scanner`."""

from __future__ import annotations

import regex

from factcheck.extract._approx_reading import ApproxReader
from factcheck.extract._approx_reading import _signed_change as _signed_change
from factcheck.extract._mention_copy import replace
from factcheck.extract._range_reading import _LOOKBACK
from factcheck.extract.lexicon import Lexicon
from factcheck.extract.numbers import ordinal_word_value, parse_digits, words_value
from factcheck.models import Kind, Mention

# The start of a text or of a clause, where a number is the subject of the verb after it.
_CLAUSE_START = regex.compile(r"(?:^|[\n,;:.!?(«—])[^\S\n]*$")


class FigureReader(ApproxReader):
    def _measure(
        self, start: int, end: int, value: float, *, digits: bool, single: str | None = None
    ) -> Mention | None:
        text, lex = self.text, self.lex
        scaled = bool(
            (single is None or single in lex.lone_scales)  # "le milliard d'euros"
            and not digits
            and text[start:end].split()[-1].lower() in lex.scales
        )
        pos = end
        m = self.at(lex.scale_after, pos)
        if m and not scaled:
            value *= lex.scales[m.group(1).lower()]
            pos, scaled = m.end(), True
        elif digits and (m := self.at(lex.scale_abbrev_after, pos)):
            value *= lex.scale_abbreviations[m.group(1)]
            pos, scaled = m.end(), True
        elif (m := self.at(lex.demi_scale_after, pos)) and value == 1:
            value = 0.5 * lex.scales[m.group(1).lower()]
            pos, scaled = m.end(), True
        if not digits and not scaled and (m := self.at(lex.decimal_word_after, pos)):
            tail = self.at(lex.word_number, m.end())
            decimals = words_value(tail.group(), lex) if tail else None
            if tail and decimals is not None:
                value = value + float("0." + str(int(decimals)))  # "deux cent virgule trois"
                pos = tail.end()
        if scaled and (m := self.at(lex.half_after, pos)):
            if sc := self.at(lex.scale_after, m.end()):
                # "un milliard et demi million": half of the scale that follows
                value += 0.5 * lex.scales[sc.group(1).lower()]
                pos = sc.end()
            else:
                value += 0.5 * _scale_of(value)  # "3 millions et demi"
                pos = m.end()
        elif (m := self.at(lex.and_after, pos)) and (frac := self._fraction_at(m.end())):
            value += frac[0] * (_scale_of(value) if scaled else 1.0)  # "cinq et un quart"
            pos = frac[1]
        if m := self.at(lex.exact_group_after, pos):
            value *= lex.vague_groups[m.group(1).lower()]  # "3 douzaines" = 36
            pos = m.end()
        base = Mention(  # once the scale, halves and groups after the number are read
            start,
            pos,
            text[start:pos],
            Kind.COUNT,
            value,
            number_start=start,
            number_end=end,
            rule="digits" if digits else "words",
        )
        unit_mention = self._units_after(base, scaled=scaled, digits=digits)
        if unit_mention is not base:
            return unit_mention
        if (
            pos == end
            and single is not None
            and (single in lex.article_words or single in lex.weak_words)
        ):
            if single in lex.article_words:
                # "un accord", "l'une des": an article, not a figure; but "d'un à trois
                # millions" starts a range, and "un ou deux jours" is one day.
                if self.nested:
                    return None
                if (ranged := self._range(base)) is not None:
                    return ranged
                alternative = self._alternative(base)
                return None if alternative is base else self._finish(alternative)
            nxt = self.at(lex.next_word, pos)
            if not nxt or self.at(lex.function_word_after, pos):
                return None if self.nested else self._range(base)  # "de zéro à dix"
        if pct := lex.percent_before.search(text, max(0, start - _LOOKBACK), start):
            # "pourcentage de vingt"
            return self._finish(
                replace(
                    base,
                    start=pct.start(),
                    surface=text[pct.start() : pos],
                    kind=Kind.PERCENT,
                    unit="%",
                )
            )
        if digits and not scaled and value == int(value) and "," not in base.surface:
            year = self._as_year(base)
            if year is not None:
                return year
        return self._finish(base)

    def _units_after(self, base: Mention, *, scaled: bool, digits: bool = False) -> Mention:
        text, lex = self.text, self.lex
        pos, value = base.end, base.value
        kind, unit = None, None
        if m := self.at(lex.percent_after, pos):
            kind, unit, pos = Kind.PERCENT, "%", m.end()
        elif m := self.at(lex.pp_after, pos):
            kind, unit, pos = Kind.QUANTITY, "pp", m.end()
        elif value == 1 and (m := self.at(lex.pp_half_after, pos)):
            kind, unit, value, pos = Kind.QUANTITY, "pp", 0.5, m.end()  # "un demi-point"
        elif (
            (m := self.at(lex.pp_bare_after, pos))
            and (value or 0) <= 100  # "à 7 812 points": an index level, not percentage points
        ) and (
            "," in text[base.start : base.end]
            or lex.pp_cue_before.search(text, max(0, base.start - 40), base.start)
        ):
            # "en hausse de 4,2 points": percentage points; "42 points" alone is a score
            kind, unit, pos = Kind.QUANTITY, "pp", m.end()
        elif m := self.at(lex.currency_after_scale if scaled else lex.currency_after, pos):
            sym, word = m.group(1), m.group(2)
            code = lex.currency_symbols.get(sym) if sym else None
            if word:
                key = " ".join(word.lower().split())
                code = lex.currency_words.get(key) or lex.currency_ambiguous.get(key)
                if value is not None and key in lex.currency_factor:
                    value *= lex.currency_factor[key]  # "12 centimes" = 0.12 EUR
            if code:
                kind, unit, pos = Kind.MONEY, code, m.end()
                if (
                    digits
                    and value is not None
                    and value == int(value)
                    and value < 1e5
                    and (c := self.at(lex.cents_after, pos))
                ):
                    value, pos = value + int(c.group(1)) / 100, c.end(1)  # "12 euros 50"
        m = None
        if kind is None:
            m = (
                self.at(lex.duration_after, pos)
                or (scaled and self.at(lex.duration_after_scale, pos))  # "une dizaine de jours"
                or (digits and self.at(lex.duration_abbrev_after, pos))
            )
            if (
                m
                and value == 1
                and lex.duration_units[m.group(1).lower()] == "month"
                and self.at(lex.month_of_after, m.end())
            ):
                m = None  # "un mois de février": the month, not a length of time
        if m:
            unit = lex.duration_units[m.group(1).lower()]
            if (
                unit == "hour"
                and value is not None
                and value <= 24
                and value == int(value)
                and lex.calendar.time_cue_hour.search(text, max(0, base.start - 12), base.start)
                and not self._duration_approximator(base.start)
            ):
                return replace(
                    base,
                    end=m.end(),
                    surface=text[base.start : m.end()],
                    kind=Kind.TIME,
                    value=None,
                    resolved=f"{int(value):02d}:00",
                    rule="hour",
                )
            kind, pos = Kind.DURATION, m.end()
            if (h := self.at(lex.half_after, pos)) and value is not None:
                value, pos = value + 0.5, h.end()
        m = self.at(lex.quantity_after, pos) if kind is None else None
        if m is None and kind is None and scaled:
            m = self.at(lex.quantity_after_scale, pos)  # "373 millions de tonnes"
        if m and (digits or len(m.group(1)) > 3):  # symbols only after digits: "5 700 MW"
            form = m.group(1)
            name = lex.quantity_units.get(form) or lex.quantity_units_lower[form.lower()]
            kind, unit, pos = Kind.QUANTITY, name, m.end()
            if name in lex.quantity_multiples and value is not None:
                unit, factor = lex.quantity_multiples[name]  # "29,7 Mt": 29 700 000 t
                value *= factor
            neg = lex.negative_before.search(text, max(0, base.start - 8), base.start)
            if neg and unit in lex.negative_units and value is not None and value > 0:
                value = -value  # "moins 5 degrés"
                base = replace(base, start=neg.start())
        if kind is None and value is not None and (m := self.at(lex.fraction_noun, pos)):
            kind, value, pos = Kind.FRACTION, value * lex.fractions[m.group(1).lower()], m.end()
            if d := self.at(lex.hyphen_duration_after, pos):  # "une demi-heure", "un demi-siècle"
                kind, unit, pos = Kind.DURATION, lex.duration_units[d.group(1).lower()], d.end()
        if (
            kind is None
            and value is not None
            and text[pos : pos + 1] == " "
            and (m := self.at(lex.ordinal_word, pos + 1))
        ):
            den = ordinal_word_value(m.group(), lex)
            plural = m.group().lower().endswith("s")  # "12 centièmes": never a rank
            if den and den >= 3 and (plural or self.at(lex.ordinal_fraction_follower, m.end())):
                head = _before_final_et_un(text[base.start : base.end], lex)
                if head is not None and not plural:
                    # "vingt et un cinquième" (singular): 20 + 1/5, not 21 fifths
                    value = head + 1 / den
                else:
                    value = value / den
                kind, pos = Kind.FRACTION, m.end()
        if kind is None and value is not None and (m := self.at(lex.fraction_sur, pos)):
            other = self._bare_number_at(m.end())
            if other and other[0] and self.at(lex.ordinal_fraction_follower, other[1]):
                kind, value, pos = Kind.FRACTION, value / other[0], other[1]
        if kind is None and value is not None and (m := self.at(lex.proportion_after, pos)):
            other = self._bare_number_at(m.end())
            if (
                other
                and other[0] > value
                and not self._unit_at(other[1])
                and (
                    other[0] <= lex.proportion_max_denominator
                    or other[0] in lex.proportion_round_denominators
                    or base.surface.lower() in lex.article_words  # "un enfant sur 20"
                )
            ):
                # "un Français sur trois", "9 foyers sur 10": a proportion
                kind, value, pos = Kind.FRACTION, value / other[0], other[1]
        if (
            kind is None
            and value is not None
            and lex.currency_symbol_before.search(text, max(0, base.start - 4), base.start)
        ):
            sym = lex.currency_symbol_before.search(text, max(0, base.start - 4), base.start)
            code = lex.currency_symbols.get(sym.group().strip()) if sym else None
            if code and sym:
                base = replace(base, start=sym.start())
                kind, unit = Kind.MONEY, code
        if (
            kind is None
            and value is not None
            and (iso := lex.currency_code_before.search(text, max(0, base.start - 4), base.start))
            and base.surface[:1].isdigit()
            and scaled
        ):
            # "EUR 300 millions", "USD 2 milliards": an ISO code before a scaled number; an
            # acronym before a bare one names no currency ("selon l'ARS 12 patients")
            base = replace(base, start=iso.start())
            kind, unit = Kind.MONEY, iso.group(1)
        if kind is None:
            return base
        if kind in (Kind.MONEY, Kind.QUANTITY) and unit and (p := self.at(lex.per_after, pos)):
            # "2 500 euros par mois", "9 000 €/m²": a rate, in its own unit
            form = " ".join((p.group("any") or p.group("measure") or p.group("measure2")).split())
            unit, pos = f"{unit}/{lex.per_units[form.lower()]}", p.end()
        return self._finish(
            replace(
                base, end=pos, surface=text[base.start : pos], kind=kind, value=value, unit=unit
            )
        )

    def _duration_approximator(self, start: int) -> bool:
        """Whether an approximator that is no time cue precedes ``start``: "plus de cinq
        heures" is a length of time, "jusqu'à 22 heures" and "vers 5 heures" are times."""
        m = self.lex.approx_before.search(self.text, max(0, start - _LOOKBACK), start)
        cue = self.lex.calendar.time_cue_hour
        return bool(m) and not cue.fullmatch(" ".join(m.group().split()) + " ")

    def _unit_at(self, pos: int) -> bool:
        """Whether a scale, percent sign, unit or currency follows ``pos``."""
        lex = self.lex
        return any(
            self.at(p, pos)
            for p in (
                lex.scale_after,
                lex.percent_after,
                lex.duration_after,
                lex.quantity_after,
                lex.currency_after,
            )
        )

    def _fraction_at(self, pos: int) -> tuple[float, int] | None:
        """A fraction written in words at ``pos``: "un quart", "trois quarts", "un cinquième"."""
        lex, text = self.lex, self.text
        num = self._bare_number_at(pos)
        if num is None:
            return None
        if m := self.at(lex.fraction_noun, num[1]):
            return num[0] * lex.fractions[m.group(1).lower()], m.end()
        if text[num[1] : num[1] + 1] == " " and (m := self.at(lex.ordinal_word, num[1] + 1)):
            den = ordinal_word_value(m.group(), lex)
            if den and den >= 2:
                return num[0] / den, m.end()
        return None

    def _bare_number_at(self, pos: int) -> tuple[float, int] | None:
        lex = self.lex
        if m := self.at(lex.digits, pos):
            v = parse_digits(m.group())
            return (v, m.end()) if v is not None else None
        if m := self.at(lex.word_number, pos):
            v = words_value(m.group(), lex)
            return (v, m.end()) if v is not None else None
        return None

    def _year_list(self, end: int, v: int) -> bool:
        """Whether a list of years follows the four-digit number ``v`` ending at ``end``:
        "2023 et 2024", or "2030 pour le charbon et 2040 pour le gaz", whose next year runs
        forward ("ils étaient 2000 pour le oui et 1900 pour le non" are counts)."""
        found = self.at(self.lex.calendar.year_list_after, end)
        if found is None:
            return False
        later = found.group("later")
        return later is None or v < int(later) <= self.lex.calendar.year_max

    def _as_year(self, base: Mention) -> Mention | None:
        lex, text = self.lex, self.text
        v = int(base.value or 0)
        if len(base.surface) != 4 or not lex.calendar.year_min <= v <= lex.calendar.year_max:
            return None
        cal = lex.calendar
        if cal.count_cue_before.search(
            text, max(0, base.start - 24), base.start
        ) and not (self._year_list(base.end, v) or self.at(cal.year_after, base.end)):
            return None  # "ils étaient 2000 à Nancy", "plus de 2000": a count
        cue = cal.year_cue_before.search(text, max(0, base.start - 16), base.start)
        if (
            not cue
            and _CLAUSE_START.search(text, max(0, base.start - 4), base.start)
            and self.at(cal.count_cue_after, base.end)
        ):
            return None  # "selon la police, 2000 ont défilé"; not "le bac 2023 ont découvert"
        if not cue:
            if not 1800 <= v <= 2100:
                return None
            nxt = self.at(lex.next_word, base.end)
            if nxt and not self.at(lex.function_word_after, base.end) and nxt.group(1)[-1] in "sx":
                return None  # "2024 soldats" is a count
        return replace(
            base, kind=Kind.YEAR, resolved=f"{v:04d}", low=base.value, high=base.value, rule="year"
        )


def _before_final_et_un(words: str, lex: Lexicon) -> float | None:
    """Value of "vingt" in "vingt et un" (the words before a final "et un"), else None."""
    low = " ".join(words.lower().split())
    for tail in lex.final_joiner_tails:
        if low.endswith(tail):
            return words_value(low[: -len(tail)], lex)
    return None


def _scale_of(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if abs(value) >= scale:
            return scale
    return 1.0
