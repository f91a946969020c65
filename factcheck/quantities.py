"""The figure scanner: every figure of a text, with kind, value, unit and interval.

It works in three passes over the text: spans that are not quantities (identifiers, named
events), calendar figures (dates, times), then numbers — in digits, in words, vague
("des dizaines de milliers"), fractions ("la moitié") and ordinals — each read with what
follows it (scale, unit, currency) and what precedes it (approximators, "entre"). The engine
holds no French word: all of it comes from :mod:`factcheck.lexicon`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import regex

from factcheck.dates import find_calendar
from factcheck.lexicon import Lexicon, lexicon
from factcheck.models import APPROX_TOLERANCE, Approx, Kind, Mention
from factcheck.numbers import ordinal_word_value, parse_digits, roman_value, words_value

_MIXED = regex.compile(r"\s+(\d+)\s*/\s*(\d+)(?!\d)")
_VULGAR = regex.compile(r"(?<![\d/])[\u00BC-\u00BE\u2150-\u215E](?![\d/])")
_LOOKBACK = 48  # characters searched before a figure for approximators and cues
_RANGEABLE = {Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.QUANTITY, Kind.DURATION}


def extract_mentions(
    text: str,
    published: date | None = None,
    *,
    lang: str = "fr",
    relative_ordinals: bool = False,
) -> list[Mention]:
    """Every figure of ``text``, sorted by position, without overlaps.

    ``published`` resolves dates written without a year. ``relative_ordinals`` also reports
    "dernier", "prochain"… (off by default: in news they are time references).
    """
    scanner = _Scanner(text, lexicon(lang), published)
    return scanner.run(relative_ordinals=relative_ordinals)


class _Scanner:
    def __init__(self, text: str, lex: Lexicon, published: date | None) -> None:
        self.text = text
        self.lex = lex
        self.published = published
        self.taken = bytearray(len(text))
        self.found: list[Mention] = []

    # -- bookkeeping -------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, mention: Mention) -> None:
        self.taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        self.found.append(mention)

    def run(self, *, relative_ordinals: bool) -> list[Mention]:
        text, lex = self.text, self.lex
        for m in lex.named.finditer(text):
            self.take(Mention(m.start(), m.end(), m.group(), Kind.IDENTIFIER, None, rule="named"))
        idents = [m for p in lex.identifiers for m in p.finditer(text)]
        for m in sorted(idents, key=lambda m: (m.start(), -m.end())):
            if self.free(m.start(), m.end()):
                self.take(Mention(m.start(), m.end(), m.group(), Kind.IDENTIFIER, None, rule="id"))
        cal = sorted(find_calendar(text, lex, self.published), key=lambda m: (m.start, -m.end))
        for mention in cal:
            if self.free(mention.start, mention.end):
                self.take(self._with_prefix(mention))
        starts: list[tuple[int, int, str]] = []
        for name, pattern in (
            ("vague", lex.vague),
            ("fraction", lex.fraction_with_determiner),
            ("ordinal_word", lex.ordinal_word),
            ("roman", lex.roman_ordinal),
            ("words", lex.word_number),
            ("digits", lex.digits),
            ("vulgar", _VULGAR),
        ):
            starts.extend((m.start(), -m.end(), name) for m in pattern.finditer(text))
        if relative_ordinals:
            starts.extend((m.start(), -m.end(), "relative") for m in lex.relative_ordinal.finditer(text))
        for start, neg_end, name in sorted(starts):
            if self.taken[start] or start < 0:
                continue
            mention = getattr(self, "_read_" + name)(start, -neg_end)
            if mention is not None and self.free(mention.start, mention.end):
                self.take(mention)
        return sorted(self.found, key=lambda m: m.start)

    # -- readers, one per kind of number core ----------------------------------------------
    def _read_digits(self, start: int, end: int) -> Mention | None:
        text, lex = self.text, self.lex
        core = text[start:end]
        if "/" in core:
            num, _, den = core.partition("/")
            a, b = parse_digits(num), parse_digits(den)
            if a is None or not b:
                return None
            return Mention(start, end, core, Kind.FRACTION, a / b, a / b, a / b,
                           number_start=start, number_end=end, rule="digit_fraction")
        value = parse_digits(core)
        if value is None:
            return None
        if core.isdigit() and (mixed := _MIXED.match(text, end)):
            a, b = int(mixed.group(1)), int(mixed.group(2))
            if b and a < b:  # "2 1/4" = 2.25
                end = mixed.end()
                return self._finish(Mention(start, end, text[start:end], Kind.FRACTION,
                                            value + a / b, number_start=start, number_end=end,
                                            rule="mixed_fraction"))
        m = lex.digit_ordinal_suffix.match(text, end)
        if m and value == int(value) and value > 0 and core.isdigit():
            return Mention(start, m.end(), text[start:m.end()], Kind.ORDINAL, value, value, value,
                           number_start=start, number_end=end, rule="digit_ordinal")
        return self._measure(start, end, value, digits=True)

    def _read_vulgar(self, start: int, end: int) -> Mention | None:
        value = unicodedata.numeric(self.text[start])  # "½", "⅙"
        return self._finish(Mention(start, end, self.text[start:end], Kind.FRACTION, value,
                                    number_start=start, number_end=end, rule="vulgar_fraction"))

    def _read_words(self, start: int, end: int) -> Mention | None:
        words = self.text[start:end]
        value = words_value(words, self.lex)
        while value is None:
            # "trois quatre" is no number: keep the longest prefix that is one.
            cut = max(words.rfind(" "), words.rfind("-"))
            if cut <= 0:
                return None
            words = words[:cut].rstrip(" -")
            end = start + len(words)
            value = words_value(words, self.lex)
        low = words.lower()
        if low == "neuf" and self.lex.homograph_not_number.search(
            self.text, max(0, start - 12), min(len(self.text), end + 3)
        ):
            return None  # "flambant neuf", "remis à neuf": the adjective
        return self._measure(start, end, value, digits=False, single=low if " " not in low and "-" not in low else None)

    def _read_vague(self, start: int, end: int) -> Mention | None:
        lex = self.lex
        m = lex.vague.match(self.text, start)
        if m is None:
            return None
        det = (m.group(1) or "").lower()
        group = lex.vague_groups[m.group(2).lower()]
        if m.group(3):
            group *= lex.vague_groups[m.group(3).lower()]
        singular = det in ("un", "une")
        if not det or (singular and m.group(2).lower() in lex.scales and not m.group(3)):
            return None  # "un million" is exact: read by the word reader
        if singular:
            base = Mention(start, m.end(), m.group(), Kind.COUNT, group, approx=Approx.APPROX,
                           number_start=start, number_end=m.end(), rule="vague_one")
        else:
            base = Mention(start, m.end(), m.group(), Kind.COUNT, None,
                           group * lex.vague_plural_low, group * lex.vague_plural_high,
                           approx=Approx.RANGE, number_start=start, number_end=m.end(),
                           rule="vague_many")
        read = self._units_after(base, scaled=True)
        return self._finish(base) if read is base else read

    def _read_fraction(self, start: int, end: int) -> Mention | None:
        m = self.lex.fraction_with_determiner.match(self.text, start)
        if m is None or m.group(1).lower() not in ("moitié", "tiers", "quart", "moitiés"):
            return None
        value = self.lex.fractions[m.group(1).lower()]
        base = Mention(start, m.end(), m.group(), Kind.FRACTION, value,
                       number_start=start, number_end=m.end(), rule="fraction_noun")
        return self._finish(base)

    def _read_ordinal_word(self, start: int, end: int) -> Mention | None:
        text, lex = self.text, self.lex
        first = start
        while start < end:
            phrase = text[start:end]
            value = ordinal_word_value(phrase, lex)
            if value is not None:
                break
            nxt = min((i for i in (phrase.find(" "), phrase.find("-")) if i > 0), default=-1)
            if nxt < 0:
                return None
            start += nxt + 1
            while start < end and text[start] in " -":
                start += 1
        else:
            return None
        dropped = text[first:start].strip(" -").split()
        plural = text[start:end].lower().endswith("s")
        numerator = bool(dropped) and words_value(dropped[-1], lex) is not None
        if value >= 2 and (
            (numerator and lex.ordinal_fraction_follower.match(text, end))
            or (plural and (dropped or " " in text[start:end].strip()))
        ):
            return None  # "trois cinquièmes", "un vingt-cinquième des voix": a fraction
        if first == start and text[start:end].split()[0].lower() in lex.article_words and \
                " " in text[start:end].strip():
            return None  # "un millionième": a fraction
        last = text[start:end].lower().split()[-1].split("-")[-1]
        if last in lex.ordinal_words and lex.ordinal_words[last] == 2:
            plural = last.endswith("s")
            compound = " " in text[start:end].strip() or "-" in text[start:end]
            if compound and plural:
                return None  # "trente secondes" is a duration
            if not compound and not lex.ordinal_determiner_before.search(
                text, max(0, start - 12), start
            ):
                return None  # "une seconde": a unit of time
        return Mention(start, end, text[start:end], Kind.ORDINAL, value, value, value,
                       number_start=start, number_end=end, rule="ordinal_word")

    def _read_roman(self, start: int, end: int) -> Mention | None:
        m = self.lex.roman_ordinal.match(self.text, start)
        value = roman_value(m.group(1)) if m else None
        if value is None or m is None:
            return None
        return Mention(start, m.end(), m.group(), Kind.ORDINAL, float(value), value, value,
                       number_start=start, number_end=start + len(m.group(1)), rule="roman")

    def _read_relative(self, start: int, end: int) -> Mention | None:
        word = self.text[start:end].lower().removeprefix("l'")
        resolved = self.lex.relative_ordinals.get(word)
        return Mention(start, end, self.text[start:end], Kind.ORDINAL, None, resolved=resolved,
                       rule="relative_ordinal") if resolved else None

    # -- a number and what follows it ------------------------------------------------------
    def _measure(self, start: int, end: int, value: float, *, digits: bool,
                 single: str | None = None) -> Mention | None:
        text, lex = self.text, self.lex
        base = Mention(start, end, text[start:end], Kind.COUNT, value,
                       number_start=start, number_end=end, rule="digits" if digits else "words")
        scaled = bool(single is None and not digits and text[start:end].split()[-1].lower() in lex.scales)
        pos = end
        m = lex.scale_after.match(text, pos)
        if m and not scaled:
            value *= lex.scales[m.group(1).lower()]
            pos, scaled = m.end(), True
        elif digits and (m := lex.scale_abbrev_after.match(text, pos)):
            value *= lex.scale_abbreviations[m.group(1)]
            pos, scaled = m.end(), True
        elif (m := lex.demi_scale_after.match(text, pos)) and value == 1:
            value = 0.5 * lex.scales[m.group(1).lower()]
            pos, scaled = m.end(), True
        if not digits and not scaled and (m := lex.decimal_word_after.match(text, pos)):
            tail = lex.word_number.match(text, m.end())
            decimals = words_value(tail.group(), lex) if tail else None
            if tail and decimals is not None:
                value = value + float("0." + str(int(decimals)))  # "deux cent virgule trois"
                pos = tail.end()
        if scaled and (m := lex.half_after.match(text, pos)):
            value += 0.5 * _scale_of(value)
            pos = m.end()
        elif (m := lex.and_after.match(text, pos)) and (frac := self._fraction_at(m.end())):
            value += frac[0] * (_scale_of(value) if scaled else 1.0)  # "cinq et un quart"
            pos = frac[1]
        if m := lex.exact_group_after.match(text, pos):
            value *= lex.vague_groups[m.group(1).lower()]  # "3 douzaines" = 36
            pos = m.end()
        base = replace(base, end=pos, surface=text[start:pos], value=value)
        unit_mention = self._units_after(base, scaled=scaled, digits=digits)
        if unit_mention is not base:
            return unit_mention
        if pos == end and single is not None and (single in lex.article_words or single in lex.weak_words):
            if single in lex.article_words:
                return None  # "un accord", "l'une des": an article, not a figure
            nxt = lex.next_word.match(text, pos)
            if not nxt or lex.function_word_after.match(text, pos):
                return self._range(base)  # "de zéro à dix" is a range; "sous zéro" is none
        if pct := lex.percent_before.search(text, max(0, start - _LOOKBACK), start):
            # "pourcentage de vingt"
            return self._finish(replace(base, start=pct.start(), surface=text[pct.start():pos],
                                        kind=Kind.PERCENT, unit="%"))
        if digits and not scaled and value == int(value) and "," not in base.surface:
            year = self._as_year(base)
            if year is not None:
                return year
        return self._finish(base)

    def _units_after(self, base: Mention, *, scaled: bool, digits: bool = False) -> Mention:
        text, lex = self.text, self.lex
        pos, value = base.end, base.value
        kind, unit = None, None
        if m := lex.percent_after.match(text, pos):
            kind, unit, pos = Kind.PERCENT, "%", m.end()
        elif m := lex.pp_after.match(text, pos):
            kind, unit, pos = Kind.QUANTITY, "pp", m.end()
        elif m := (lex.currency_after_scale if scaled else lex.currency_after).match(text, pos):
            sym, word = m.group(1), m.group(2)
            code = lex.currency_symbols.get(sym) if sym else None
            if word:
                key = " ".join(word.lower().split())
                code = lex.currency_words.get(key) or lex.currency_ambiguous.get(key)
            if code:
                kind, unit, pos = Kind.MONEY, code, m.end()
        if kind is None and (m := lex.duration_after.match(text, pos) or (
            digits and lex.duration_abbrev_after.match(text, pos)
        )):
            unit = lex.duration_units[m.group(1).lower()]
            if unit == "hour" and value is not None and value <= 24 and value == int(value) and \
                    lex.time_cue_hour.search(text, max(0, base.start - 12), base.start):
                return replace(base, end=m.end(), surface=text[base.start:m.end()], kind=Kind.TIME,
                               value=None, resolved=f"{int(value):02d}:00", rule="hour")
            kind, pos = Kind.DURATION, m.end()
            if (h := lex.half_after.match(text, pos)) and value is not None:
                value, pos = value + 0.5, h.end()
        if kind is None and (m := lex.quantity_after.match(text, pos)):
            if digits or len(m.group(1)) > 3:
                kind, unit, pos = Kind.QUANTITY, lex.quantity_units[m.group(1)], m.end()
        if kind is None and value is not None and (m := lex.fraction_noun.match(text, pos)):
            kind, value, pos = Kind.FRACTION, value * lex.fractions[m.group(1).lower()], m.end()
        if kind is None and value is not None and text[pos:pos + 1] == " " and (
            m := lex.ordinal_word.match(text, pos + 1)
        ):
            den = ordinal_word_value(m.group(), lex)
            if den and den >= 3 and lex.ordinal_fraction_follower.match(text, m.end()):
                head = _before_final_et_un(text[base.start:base.end], lex)
                if head is not None and not m.group().lower().endswith("s"):
                    # "vingt et un cinquième" (singular): 20 + 1/5, not 21 fifths
                    value = head + 1 / den
                else:
                    value = value / den
                kind, pos = Kind.FRACTION, m.end()
        if kind is None and value is not None and (m := lex.fraction_sur.match(text, pos)):
            other = self._bare_number_at(m.end())
            if other and other[0] and lex.ordinal_fraction_follower.match(text, other[1]):
                kind, value, pos = Kind.FRACTION, value / other[0], other[1]
        if kind is None and value is not None and lex.currency_symbol_before.search(
            text, max(0, base.start - 4), base.start
        ):
            sym = lex.currency_symbol_before.search(text, max(0, base.start - 4), base.start)
            code = lex.currency_symbols.get(sym.group().strip()) if sym else None
            if code and sym:
                base = replace(base, start=sym.start())
                kind, unit = Kind.MONEY, code
        if kind is None:
            return base
        return self._finish(replace(base, end=pos, surface=text[base.start:pos], kind=kind,
                                    value=value, unit=unit))

    def _fraction_at(self, pos: int) -> tuple[float, int] | None:
        """A fraction written in words at ``pos``: "un quart", "trois quarts", "un cinquième"."""
        lex, text = self.lex, self.text
        num = self._bare_number_at(pos)
        if num is None:
            return None
        if m := lex.fraction_noun.match(text, num[1]):
            return num[0] * lex.fractions[m.group(1).lower()], m.end()
        if text[num[1]:num[1] + 1] == " " and (m := lex.ordinal_word.match(text, num[1] + 1)):
            den = ordinal_word_value(m.group(), lex)
            if den and den >= 2:
                return num[0] / den, m.end()
        return None

    def _bare_number_at(self, pos: int) -> tuple[float, int] | None:
        lex = self.lex
        if m := lex.digits.match(self.text, pos):
            v = parse_digits(m.group())
            return (v, m.end()) if v is not None else None
        if m := lex.word_number.match(self.text, pos):
            v = words_value(m.group(), lex)
            return (v, m.end()) if v is not None else None
        return None

    def _as_year(self, base: Mention) -> Mention | None:
        lex, text = self.lex, self.text
        v = int(base.value or 0)
        if len(base.surface) != 4 or not lex.year_min <= v <= lex.year_max:
            return None
        cue = lex.year_cue_before.search(text, max(0, base.start - 16), base.start)
        if not cue:
            if not 1800 <= v <= 2100:
                return None
            nxt = lex.next_word.match(text, base.end)
            if nxt and not lex.function_word_after.match(text, base.end) and nxt.group(1)[-1] in "sx":
                return None  # "2024 soldats" is a count
        return replace(base, kind=Kind.YEAR, resolved=f"{v:04d}", low=base.value,
                       high=base.value, rule="year")

    # -- what precedes: approximators and ranges -------------------------------------------
    def _with_prefix(self, mention: Mention) -> Mention:
        return mention

    def _finish(self, mention: Mention) -> Mention:
        text, lex = self.text, self.lex
        start = mention.start
        window = max(0, start - _LOOKBACK)
        approx = mention.approx
        if m := lex.approx_before.search(text, window, start):
            approx = Approx(next(k for k, v in m.groupdict().items() if v is not None))
            if approx == Approx.UPPER and lex.level_reached_before.search(text, window, m.start()):
                approx = Approx.NONE  # "descendues jusqu'à -18 °C": the level reached
            else:
                start = m.start()
        elif m := lex.approx_verb_before.search(text, window, start):
            approx = Approx(next(k for k, v in m.groupdict().items() if v is not None))
        ranged = self._range(mention)
        if ranged is not None:
            return ranged
        mention = replace(mention, start=start, surface=text[start:mention.end], approx=approx)
        return with_interval(mention)

    def _range(self, first: Mention) -> Mention | None:
        """"entre 10 et 15 %", "de 500 000 à 600 000", "100 000 à 140 000", "10-15 %"."""
        text, lex = self.text, self.lex
        if first.kind not in _RANGEABLE or first.value is None or first.approx == Approx.RANGE:
            return None
        window = max(0, first.start - _LOOKBACK)
        entre = lex.range_entre_before.search(text, window, first.start)
        j = lex.range_joiner.match(text, first.end)
        if not j or (entre and not j.group(1)) or (not entre and j.group(1)):
            return None
        if j.group(3) and (first.end != j.start() or "," in text[first.end:j.end()]):
            return None  # "10-15" only when glued
        if not entre and lex.change_verb_before.search(text, window, first.start):
            return None  # "passé de 7,7 % à 7,4 %": two figures
        sub = _Scanner(text, lex, self.published)
        sub.taken = bytearray(self.taken)
        second = None
        for pattern, reader in ((lex.digits, sub._read_digits), (lex.word_number, sub._read_words)):
            if m := pattern.match(text, j.end()):
                second = reader(m.start(), m.end())
                break
        if second is None or second.approx != Approx.NONE or second.value is None:
            return None
        low, high = first.value, second.value
        kind, unit = first.kind, first.unit
        if first.kind == Kind.COUNT and second.kind != Kind.COUNT:
            kind, unit = second.kind, second.unit
            scale = _scale_of(second.value) if second.value >= 1000 and first.value < 1000 else 1
            if scale > 1 and first.value * scale <= second.value:
                low = first.value * scale  # "entre 1 et 2 milliards": the scale is shared
        elif first.kind != second.kind or first.unit != second.unit or second.kind not in _RANGEABLE:
            return None
        if not low < high:
            return None
        start = entre.start() if entre else first.start
        return Mention(start, second.end, text[start:second.end], kind, None, low, high, unit,
                       Approx.RANGE, number_start=first.number_start,
                       number_end=second.number_end, rule="range")


def _before_final_et_un(words: str, lex: Lexicon) -> float | None:
    """Value of "vingt" in "vingt et un" (the words before a final "et un"), else None."""
    low = " ".join(words.lower().split())
    for tail in (" et un", " et une", "-et-un", "-et-une"):
        if low.endswith(tail):
            return words_value(low[: -len(tail)], lex)
    return None


def _scale_of(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if abs(value) >= scale:
            return scale
    return 1.0


def with_interval(m: Mention) -> Mention:
    """Fill ``low``/``high`` from ``value`` and ``approx`` (convention in models.py)."""
    if m.value is None or m.kind not in (
        Kind.COUNT, Kind.MONEY, Kind.PERCENT, Kind.FRACTION, Kind.DURATION, Kind.QUANTITY,
    ):
        return m
    v = m.value
    if m.approx == Approx.NONE:
        return replace(m, low=v, high=v)
    if m.approx == Approx.APPROX:
        return replace(m, low=v * (1 - APPROX_TOLERANCE), high=v * (1 + APPROX_TOLERANCE))
    if m.approx == Approx.LOWER:
        cap = 1.0 if m.kind == Kind.FRACTION else None
        return replace(m, low=v, high=cap)
    if m.approx == Approx.UPPER:
        return replace(m, low=0.0 if v >= 0 else None, high=v)
    return m
