"""Ordinals read by the scanner: in words ("quatrième", "vingt-et-unième"), in Roman
numerals ("XXIe siècle") and relative ones ("le dernier", off by default), told apart from
fractions ("trois cinquièmes", "un millionième") and from units ("une seconde")."""

from __future__ import annotations

from factcheck.extract._range_reading import ReaderBase
from factcheck.extract.numbers import ordinal_word_value, roman_value, words_value
from factcheck.models import Kind, Mention


class OrdinalReader(ReaderBase):
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
            (numerator and self.at(lex.ordinal_fraction_follower, end))
            or (plural and (dropped or " " in text[start:end].strip()))
        ):
            return None  # "trois cinquièmes", "un vingt-cinquième des voix": a fraction
        if (
            first == start
            and text[start:end].split()[0].lower() in lex.article_words
            and " " in text[start:end].strip()
        ):
            return None  # "un millionième": a fraction
        last = text[start:end].lower().split()[-1].split("-")[-1]
        if self._scaled_numerator(text[start:end], last):
            return None  # "cent mille milliardième": a fraction, not the 10¹⁴th
        if last in lex.ordinal_words and lex.ordinal_words[last] == 2:
            plural = last.endswith("s")
            compound = " " in text[start:end].strip() or "-" in text[start:end]
            if compound and plural:
                return None  # "trente secondes" is a duration
            if not compound and not lex.ordinal_determiner_before.search(
                text, max(0, start - 12), start
            ):
                return None  # "une seconde": a unit of time
        return self._ordinal(start, end, value, end, "ordinal_word")

    def _scaled_numerator(self, phrase: str, last: str) -> bool:
        """Whether ``phrase`` is a number with its own scale before the ordinal of a large
        scale ("cent mille billionième"): ordinals past a million multiply the scale by a
        plain number ("le deux millionième visiteur"), so a scaled head is a numerator."""
        lex = self.lex
        stem = next(
            (last[: -len(x)] for x in lex.ordinal_suffixes if last.endswith(x) and last != x), ""
        )
        if lex.scales.get(lex.ordinal_stems.get(stem, stem), 0) < 1e6:
            return False
        head = phrase.lower().replace("-", " ").split()[:-1]
        return any(w in lex.scales for w in head)

    def _read_roman(self, start: int, end: int) -> Mention | None:
        m = self.at(self.lex.roman_ordinal, start)
        value = roman_value(m.group(1)) if m else None
        if value is None or m is None:
            return None
        if value != 1 and m.group(2) in self.lex.first_only_ordinal_suffixes:
            return None  # "Vers": a word; "er" and "re" mark only the first ("Ier", "Ire")
        return self._ordinal(start, m.end(), float(value), start + len(m.group(1)), "roman")

    def _ordinal(self, start: int, end: int, value: float, number_end: int, rule: str) -> Mention:
        """An ordinal ("47e", "quatrième", "XXIe"): its rank is its value and its interval."""
        return Mention(
            start,
            end,
            self.text[start:end],
            Kind.ORDINAL,
            value,
            value,
            value,
            number_start=start,
            number_end=number_end,
            rule=rule,
        )

    def _read_relative(self, start: int, end: int) -> Mention | None:
        word = self.text[start:end].lower().removeprefix("l'")
        resolved = self.lex.relative_ordinals.get(word)
        return (
            Mention(
                start,
                end,
                self.text[start:end],
                Kind.ORDINAL,
                None,
                resolved=resolved,
                rule="relative_ordinal",
            )
            if resolved
            else None
        )
