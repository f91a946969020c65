"""What precedes a figure and what it becomes once read: approximators ("environ", "plus
de", "jusqu'à"), a bound written after it ("65 ans et plus"), ranges and alternatives, the
interval, and its role in a change ("passé de 5 % à 7 %", "a bondi de 40 %"). Mixed into the
scanner of :mod:`factcheck.extract.scanner` through
:class:`factcheck.extract._figure_reading.FigureReader`."""

from __future__ import annotations

from factcheck.extract._compared import (
    comparable,
    compared_lexicon,
    ends_no_count,
    in_scale_of,
)
from factcheck.extract._mention_copy import replace
from factcheck.extract._range_reading import _LOOKBACK, RangeReader, interval_of
from factcheck.models import MEASURE_KINDS, Approx, Kind, Mention


class ApproxReader(RangeReader):
    # -- what precedes: approximators and ranges -------------------------------------------
    def _finish(self, mention: Mention) -> Mention:
        text, lex = self.text, self.lex
        start = mention.start
        window = max(0, start - _LOOKBACK)
        approx = mention.approx
        if m := lex.approx_before.search(text, window, start):
            approx = Approx(next(k for k, v in m.groupdict().items() if v is not None))
            reached = (mention.value or 0) < 0 and " ".join(m.group().lower().split()) in (
                lex.extreme_reached
            )  # "et jusqu'à - 12 °C dans les Vosges": the coldest reading
            if approx == Approx.UPPER and (
                reached or lex.level_reached_before.search(text, window, m.start())
            ):
                approx = Approx.NONE  # "descendues jusqu'à -18 °C": the level reached
            else:
                start = m.start()
        elif self.approx_verbs_here and (m := lex.approx_verb_before.search(text, window, start)):
            approx = Approx(next(k for k, v in m.groupdict().items() if v is not None))
        if not self.nested:
            if (ranged := self._range(mention)) is not None:
                return ranged
            mention = self._alternative(mention)  # "deux ou trois millions"
        if (
            approx == Approx.NONE
            and mention.approx == Approx.NONE
            and mention.value is not None
            and mention.unit  # a measure: "65 ans et plus", not a bare "vingt et un ou plus"
            and (after := lex.approx_after.match(text, mention.end))
        ):
            # "les 65 ans et plus": a bound written after the figure
            approx = Approx(next(k for k, v in after.groupdict().items() if v is not None))
            mention = replace(mention, end=after.end())
        role = "" if self.nested else self._change_role(mention, start)
        bounds = interval_of(mention.kind, mention.value, approx)
        low, high = bounds if bounds is not None else (mention.low, mention.high)
        return replace(  # one copy: the span, the approximation and its interval at once
            mention,
            start=start,
            surface=text[start : mention.end],
            approx=approx,
            role=role,
            low=low,
            high=high,
        )

    def _change_role(self, mention: Mention, start: int) -> str:
        """ "change_from" for the earlier value of "est passé de 5 % à 7 %", "change_by" for
        the size of a change ("a bondi de 40 %", "a augmenté de 12 000"), else ""."""
        lex, text = self.lex, self.text
        if mention.kind == Kind.PERCENT and _signed_change(text, start):
            return "change_by"  # "(812, +4 %)", "les vols (-10 %)": a signed rate is a change
        if mention.kind == Kind.PERCENT and self.at(lex.change_noun_after, mention.end):
            return "change_by"  # "soit 4 % d'augmentation", "7 % de plus qu'en août"
        if (mention.kind == Kind.PERCENT and self.at(lex.change_reference_after, mention.end)
                and (lex.sign_before.search(text, max(0, start - 4), start)
                     or lex.joined_of_before.search(text, max(0, start - 12), start))):
            return "change_by"  # "(- 8 % par rapport à 2023)", "et de 11 % par rapport à"
        if (
            mention.kind not in MEASURE_KINDS
            # cheap test first: a verb of change ends with "de"/"d'" right before the figure
            or not text[max(0, start - 4) : start].rstrip().lower().endswith(lex.of_words)
            or not lex.change_before(
                text, max(0, start - _LOOKBACK), start, mention.kind, mention.unit
            )
        ):
            return ""
        end = y.end() if (y := self.at(lex.year_complement_after, mention.end)) else mention.end
        j = self.at(lex.range_joiner, end)
        after = self._number_at(j.end()) if j and j.group(2) else None
        if after is not None and ((after.kind, after.unit) == (mention.kind, mention.unit)
                                  or self._bare_later(mention, after)):
            return "change_from"  # "passé de 5 % à 7 %", "passé de 1,80 euro à 2,10"
        return "change_by"  # "a progressé de 12 % à 3,4 milliards": the size, then the level


    def _bare_later(self, mention: Mention, after: Mention) -> bool:
        """The later value of a change written bare after a sum or a quantity with its unit
        ("passé de 1,80 euro à 2,10"): a count of no unit, no noun after it, of a value near
        the earlier one (:mod:`factcheck.extract._compared` gives it the unit). Not after a
        share: "a progressé de 12 % à 340" is the size of a change, then a level."""
        return (mention.kind in (Kind.MONEY, Kind.QUANTITY) and bool(mention.unit)
                and after.kind == Kind.COUNT and not after.unit
                and mention.value is not None and after.value is not None
                and comparable(in_scale_of(after, mention, self.lex), mention.value,
                               compared_lexicon(self.lex.code).max_ratio)
                and ends_no_count(self.text, after.end, self.lex))


def _signed_change(text: str, start: int) -> bool:
    """A percentage written with its sign is a change ("+5 %", "-10 %"), unless a level is
    set to it ("un taux directeur à -0,5 %", "fixé de -0,5 %")."""
    sign = text[start : start + 1]
    if sign == "+":
        return True
    if sign not in "-−" or not sign:
        return False
    words = text[max(0, start - 12) : start].split()
    return not (words and words[-1].lower() in ("à", "de", "d'", "est", "était", "sera"))
