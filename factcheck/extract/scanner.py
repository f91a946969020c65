"""The figure scanner: every figure of a text, with kind, value, unit and interval.

It works in three passes over the text: spans that are not quantities (identifiers, named
events), calendar figures (dates, times), then numbers — in digits, in words, vague
("des dizaines de milliers"), fractions ("la moitié") and ordinals — each read with what
follows it (scale, unit, currency) and what precedes it (approximators, "entre"). The engine
holds no French word: all of it comes from :mod:`factcheck.extract.lexicon`.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import regex

from factcheck.deadline import checkpoint
from factcheck.extract._by_place import by_place_counts
from factcheck.extract._compared import compared_units
from factcheck.extract._ellipsis import elided_currencies
from factcheck.extract._figure_reading import FigureReader
from factcheck.extract._governed import governed_currencies
from factcheck.extract._lists import listed_units
from factcheck.extract._mention_copy import replace
from factcheck.extract._ordinal_reading import OrdinalReader
from factcheck.extract._parts import follows_a_part, parts_in_unit
from factcheck.extract.dates import find_calendar, find_weeks
from factcheck.extract.gapping import gapped_changes
from factcheck.extract.lexicon import Lexicon, lexicon
from factcheck.extract.numbers import parse_digits, words_value
from factcheck.extract.rates import drop_rate_bases
from factcheck.models import Approx, Kind, Mention
from factcheck.patterns import Folded
from factcheck.text import normalize

_MIXED = regex.compile(r"\s+(\d+)\s*/\s*(\d+)(?!\d)")
_VULGAR = regex.compile(r"(?<![\d/])[\u00BC-\u00BE\u2150-\u215E](?![\d/])")
_WORD_LIMIT = regex.compile(r"(?:[^\s-]+[\s-]+){12}")
_LOOKBACK = 48  # characters searched before a figure for approximators and cues


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
    # Typographic apostrophes, dashes and spaces ("d’euros") are read as their plain forms;
    # normalisation is one for one, so offsets hold and surfaces are the caller's text.
    plain = normalize(text)
    scanner = _Scanner(plain, lexicon(lang), published)
    found = drop_rate_bases(
        plain, gapped_changes(plain, scanner.run(relative_ordinals=relative_ordinals), lang),
        lang)
    if plain == text:
        return found
    return [replace(m, surface=text[m.start : m.end]) for m in found]


class _Scanner(FigureReader, OrdinalReader):
    def __init__(
        self, text: str, lex: Lexicon, published: date | None, taken: bytearray | None = None
    ) -> None:
        self.text = text
        self.lex = lex
        self.published = published
        self.taken = bytearray(len(text)) if taken is None else taken
        self.found: list[Mention] = []

    # -- bookkeeping -------------------------------------------------------------------
    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, mention: Mention) -> None:
        self.taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        self.found.append(mention)

    def run(self, *, relative_ordinals: bool) -> list[Mention]:
        text, lex = self.text, self.lex
        self.folded = Folded(text)
        low = self.folded.low
        self.approx_verbs_here = low is None or any(w in low for w in lex.approx_verb_words)
        for mention in find_weeks(text, lex, self.published):
            # before the identifiers: "en S17" is a week, not a code like "G7"
            if self.free(mention.start, mention.end):
                self.take(mention)
        for m in self.folded.finditer_at(lex.named, lex.named_anchors):
            self.take(Mention(m.start(), m.end(), m.group(), Kind.IDENTIFIER, None, rule="named"))
        idents = [
            m
            for p, needs in zip(lex.identifiers, lex.identifier_needs, strict=True)
            if not needs or any(n in text for n in needs)  # no URL, no "n°": not searched
            for m in p.finditer(text)
        ]
        for m in sorted(idents, key=lambda m: (m.start(), -m.end())):
            checkpoint()
            if self.free(m.start(), m.end()):
                self.take(Mention(m.start(), m.end(), m.group(), Kind.IDENTIFIER, None, rule="id"))
        cal = sorted(
            find_calendar(text, lex, self.published, self.folded), key=lambda m: (m.start, -m.end)
        )
        for mention in cal:
            checkpoint()
            if self.free(mention.start, mention.end):
                self.take(mention)
        starts: list[tuple[int, int, str]] = []
        seen_vague: set[int] = set()
        folded = self.folded
        for g in folded.finditer_at(lex.vague_group_word, lex.vague_group_anchors):
            # "des dizaines de milliers": anchored on the group word, read from its determiner
            checkpoint()
            for m in lex.vague.finditer(text, max(0, g.start() - 24), g.end()):
                if m.start() not in seen_vague and m.end() == g.end():
                    seen_vague.add(m.start())
                    starts.append((m.start(), -m.end(), "vague"))
        for name, pattern in (
            ("fraction", lex.fraction_with_determiner),
            ("roman", lex.roman_ordinal),
            ("words", lex.word_number),
            ("digits", lex.digits),
            ("vulgar", _VULGAR),
        ):
            if name == "fraction" and low is not None and not any(
                f in low for f in lex.fraction_anchors
            ):
                continue  # no "moitié", no "tiers": no "la moitié" to read (a quicker test)
            starts.extend((m.start(), -m.end(), name) for m in folded.finditer(pattern))
        for m in folded.finditer_at(lex.ordinal_suffix_end, lex.ordinal_end_anchors):
            # Extend a word ending like an ordinal back over its cardinal head.
            checkpoint()
            window = max(0, m.start() - 80)
            for o in lex.ordinal_word.finditer(text, window, m.end(), overlapped=False):
                if o.end() == m.end():
                    starts.append((o.start(), -o.end(), "ordinal_word"))
                    break
        if relative_ordinals:
            starts.extend(
                (m.start(), -m.end(), "relative") for m in lex.relative_ordinal.finditer(text)
            )
        for start, neg_end, name in sorted(starts):
            checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
            if self.taken[start] or start < 0:
                continue
            mention = getattr(self, "_read_" + name)(start, -neg_end)
            if mention is not None and self.free(mention.start, mention.end):
                self.take(mention)
        found = elided_currencies(text, sorted(self.found, key=lambda m: m.start), lex)
        governed = governed_currencies(text, found, lex.code)
        if governed != found:
            # a sum its governing word named passes its currency on, as a written one does:
            # "un million est débloqué pour X, et un million pour Y"
            governed = elided_currencies(text, governed, lex)
        found = compared_units(text, parts_in_unit(text, governed, lex), lex)
        return by_place_counts(text, listed_units(text, found, lex), lex)

    # -- readers, one per kind of number core ----------------------------------------------
    def _read_digits(self, start: int, end: int) -> Mention | None:
        text, lex = self.text, self.lex
        core = text[start:end]
        if "/" in core:
            num, _, den = core.partition("/")
            a, b = parse_digits(num), parse_digits(den)
            if a is None or not b:
                return None
            return Mention(
                start,
                end,
                core,
                Kind.FRACTION,
                a / b,
                a / b,
                a / b,
                number_start=start,
                number_end=end,
                rule="digit_fraction",
            )
        value = parse_digits(core)
        if value is None:
            return None
        if core.isdigit() and (mixed := self.at(_MIXED, end)):
            a, b = int(mixed.group(1)), int(mixed.group(2))
            if b and a < b:  # "2 1/4" = 2.25
                end = mixed.end()
                return self._finish(
                    Mention(
                        start,
                        end,
                        text[start:end],
                        Kind.FRACTION,
                        value + a / b,
                        number_start=start,
                        number_end=end,
                        rule="mixed_fraction",
                    )
                )
        m = self.at(lex.digit_ordinal_suffix, end)
        if m and value == int(value) and value > 0 and core.isdigit():
            return self._ordinal(start, m.end(), value, end, "digit_ordinal")
        if (
            value > 0
            and core[0] not in "+-"
            and text[max(0, start - 4) : start].rstrip().endswith(lex.negative_signs)
            and (sign := lex.spaced_minus_before.search(text, max(0, start - 24), start))
        ):
            signed = self._measure(sign.start("sign"), end, -value, digits=True)
            if not sign.group().lstrip().startswith(":") or (
                signed is not None
                and (signed.kind == Kind.PERCENT or signed.unit in lex.negative_units_after_colon)
            ):
                return signed  # "après - 0,1 %", "(- 3,2 %", "Variation : - 2,5 %"
            # "Bilan : - 12 morts": a list, the dash is no sign
        return self._measure(start, end, value, digits=True)

    def _read_vulgar(self, start: int, end: int) -> Mention | None:
        value = unicodedata.numeric(self.text[start])  # "½", "⅙"
        return self._finish(
            Mention(
                start,
                end,
                self.text[start:end],
                Kind.FRACTION,
                value,
                number_start=start,
                number_end=end,
                rule="vulgar_fraction",
            )
        )

    def _read_words(self, start: int, end: int) -> Mention | None:
        words = self.text[start:end]
        lex = self.lex
        counted = words.lower() in lex.article_words and self._article_counts(start, end)
        if (
            words.lower() in lex.article_words
            and not counted
            and not self.at(lex.article_continuation, end)
            and (
                self.nested
                or not (self.at(lex.range_joiner, end) or self.at(lex.alternative_joiner, end))
            )
        ):
            return None  # "un accord": rejected early ("un à trois", "un ou deux jours" go on)
        if (long := _WORD_LIMIT.match(words)) and long.end() < len(words):
            # The longest French number in words has about a dozen words; a longer run is
            # noise (or hostile input) and would make the prefix search below quadratic.
            words = words[: long.end()].rstrip(" -")
            end = start + len(words)
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
        return self._measure(
            start,
            end,
            value,
            digits=False,
            single=low if " " not in low and "-" not in low and not counted else None,
        )

    def _article_counts(self, start: int, end: int) -> bool:
        """"un"/"une" read as 1: after a bound ("au moins une"), or after "dont" right after
        a count ("deux blessés dont un") or as a bare part of a sum or a quantity
        ("2 millions d'euros d'amende dont un avec sursis", factcheck.extract._parts)."""
        if self.nested:
            return False
        text, lex = self.text, self.lex
        window = max(0, start - 16)
        if lex.article_as_number_before.search(text, window, start):
            return True
        cue = lex.article_as_part_before.search(text, window, start)
        if cue is None or lex.article_as_part_not_before.match(text, end):
            return False
        before = [m for m in self.found if m.end <= cue.start()]
        if not before:
            return False
        last = max(before, key=lambda m: m.end)
        gap = text[last.end : cue.start()]
        return (
            (
                last.kind == Kind.COUNT
                or (
                    last.kind in (Kind.MONEY, Kind.QUANTITY)
                    and follows_a_part(text, end, lex)
                )
            )
            and len(gap) <= lex.article_as_part_gap
            and not any(c in gap for c in ".!?;")
        )

    def _read_vague(self, start: int, end: int) -> Mention | None:
        lex = self.lex
        m = self.at(lex.vague, start)
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
            base = Mention(
                start,
                m.end(),
                m.group(),
                Kind.COUNT,
                group,
                approx=Approx.APPROX,
                number_start=start,
                number_end=m.end(),
                rule="vague_one",
            )
        else:
            base = Mention(
                start,
                m.end(),
                m.group(),
                Kind.COUNT,
                None,
                group * lex.vague_plural_low,
                group * lex.vague_plural_high,
                approx=Approx.RANGE,
                number_start=start,
                number_end=m.end(),
                rule="vague_many",
            )
        read = self._units_after(base, scaled=True)
        return self._finish(base) if read is base else read

    def _read_fraction(self, start: int, end: int) -> Mention | None:
        m = self.at(self.lex.fraction_with_determiner, start)
        if m is None or m.group(1).lower() not in ("moitié", "tiers", "quart", "moitiés"):
            return None
        value = self.lex.fractions[m.group(1).lower()]
        base = Mention(
            start,
            m.end(),
            m.group(),
            Kind.FRACTION,
            value,
            number_start=start,
            number_end=m.end(),
            rule="fraction_noun",
        )
        return self._finish(base)
