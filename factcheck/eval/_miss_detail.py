"""Finer counts of the subject and source misses, told without the text
(``factcheck.eval.evaluate``): where in the article the gold's noun or source is written
(the figure's clause, its sentence, the sentence before, the lead, an earlier paragraph,
nowhere), what kind of word the claims took for the subject, where the source they give is
written and whether it is another figure's gold source, how far back an inherited source was
named, and what the figure is (its kind; in the lead, in a quotation). Only labels come out:
never a word of the article.

Sentences are ``factcheck.text.sentence_spans`` (the claims' sentences); a paragraph is a
line; the lead is the first line (the first sentence of a text on one line); a clause is the
stretch of the sentence between punctuation marks. A noun is found by the first letters of
its first word (as ``compare.subject_miss_detail``); a source by its rarest word in the
article (articles and titles aside)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import regex

from factcheck.eval.compare import (
    _alias_data,
    _strip_accents,
    _words,
    as_text,
    is_missing,
    same_source,
    same_subject,
)
from factcheck.text import sentence_spans

#: Words between a noun and the figure (or another noun) for "right before/after".
NEAR_WORDS = 3
#: Marks that close a clause within a sentence.
CLAUSE_MARKS = ',;:()«»"“”—–'
#: Quotation marks: (opening, closing); a straight quote opens and closes.
QUOTES = (("«", "»"), ("“", "”"))
_WORD = regex.compile(r"[\p{L}\p{N}]+")

KIND_CLASSES = {"date": "date/year/ordinal", "year": "date/year/ordinal",
                "time": "date/year/ordinal", "ordinal": "date/year/ordinal",
                "count": "count", "money": "money", "percent": "percent", "fraction": "percent"}


def kind_class(kind: Any) -> str:
    """A figure's kind in the classes the misses are told by (a date, a year, an hour and an
    ordinal place a fact; a count, money and a percent measure one)."""
    return KIND_CLASSES.get(str(kind), "other measure")


def stem(word: str) -> str:
    """The first letters a noun is looked for by (plural and feminine endings aside)."""
    return word[: max(4, min(len(word) - 1, 6))]


def _fold(text: str) -> str:
    return _strip_accents(text.casefold())


@cache
def _word_classes() -> dict[str, frozenset[str]]:
    """Folded words of each class a predicted subject is told by, from the language data."""
    from factcheck.context.lexicon import subject_data
    from factcheck.context.world import world_data
    from factcheck.lang import load_data

    sd, world = subject_data(), world_data()

    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(_fold(w) for w in words if w)

    units, money = load_data("fr", "units"), load_data("fr", "currencies")
    measures = [*units.get("percent", {}).get("words", []),
                *units.get("percentage_points", {}).get("words", []),
                *(w for d in units.get("durations", {}).values() for w in d.get("words", [])),
                *(w for forms in units.get("quantities", {}).values() for w in forms),
                *(w for forms in units.get("per", {}).get("measure", {}).values() for w in forms),
                *(w for c in money.get("currency", []) for w in [*c.get("words", []),
                                                                 *c.get("ambiguous", [])]),
                *sd.time_nouns, *sd.relative_units]
    places = [*world.places, *world.places_as_written, *world.places_ambiguous,
              *world.actor_names, *world.actor_adjectives]
    return {
        "a noun of change": folded(sd.change_nouns),
        "a unit or measure": folded(measures),
        "a quantifier": folded([*sd.containers, *sd.scale_words, *sd.number_words,
                                *sd.determiners, *sd.partitive_determiners]),
        "a place": folded(places),
        "a body or person": folded([*world.body_aliases, *world.body_words]),
    }


class ArticleMap:
    """One article's sentences, lines and words, and its gold figures, to place a noun or a
    name relative to a figure."""

    def __init__(self, text: str, figures: list[Mapping[str, Any]]) -> None:
        self.text = text
        self.figures = figures
        self.spans = sentence_spans(text) or [(0, len(text))]
        self._starts = [s for s, _ in self.spans]
        self._lines = [0] + [m.end() for m in regex.finditer(r"\n+", text)]
        self._many_lines = sum(1 for ln in text.split("\n") if ln.strip()) > 1
        self.words = [(m.start(), m.end(), _fold(m.group()), m.group())
                      for m in _WORD.finditer(text)]

    # -- positions -------------------------------------------------------------------------
    def sentence(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def line(self, offset: int) -> int:
        return max(0, bisect_right(self._lines, offset) - 1)

    def in_lead(self, offset: int) -> bool:
        return self.line(offset) == 0 if self._many_lines else self.sentence(offset) == 0

    def words_between(self, a: int, b: int) -> int:
        return sum(1 for s, e, _, _ in self.words if s >= a and e <= b)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        s0, e0 = self.spans[self.sentence(start)]
        before = [self.text.rfind(c, s0, start) for c in CLAUSE_MARKS]
        after = [i for i in (self.text.find(c, end, e0) for c in CLAUSE_MARKS) if i >= 0]
        return max([s0, *(i + 1 for i in before if i >= 0)]), min([e0, *after])

    def parenthesis(self, start: int) -> int | None:
        """Where the parenthesis a figure is written in opens, in its sentence; else None."""
        s0 = self.spans[self.sentence(start)][0]
        i = self.text.rfind("(", s0, start)
        return i if i >= 0 and self.text.find(")", i, start) < 0 else None

    def in_quotation(self, offset: int) -> bool:
        head = self.text[self._lines[self.line(offset)]:offset]
        return (any(head.count(o) > head.count(c) for o, c in QUOTES)
                or head.count('"') % 2 == 1)

    # -- finding words ---------------------------------------------------------------------
    def noun_at(self, noun: Any) -> list[tuple[int, int]]:
        """Spans of the words of the article beginning with the stem of ``noun``'s first
        word."""
        head = _fold(as_text(noun) or "").replace("-", " ").replace("'", " ").split()[:1]
        if not head:
            return []
        st = stem(head[0])
        return [(s, e) for s, e, w, _ in self.words if w.startswith(st)]

    def name_at(self, name: Any) -> list[tuple[int, int]]:
        """Spans of the rarest word of a source's name in the article (articles and titles
        aside; a final s or x aside)."""
        articles, titles, _ = _alias_data()
        wanted = {w.rstrip("sx") for w in _words(str(name), articles, titles) if len(w) > 1}
        found: dict[str, list[tuple[int, int]]] = {}
        for s, e, w, _ in self.words:
            key = w.rstrip("sx")
            if key in wanted:
                found.setdefault(key, []).append((s, e))
        if not found:
            return []
        return min(found.values(), key=len)

    def capitalised(self, spans: list[tuple[int, int]]) -> bool:
        """Every occurrence written with a capital, one at least inside a sentence."""
        starts = {s for s, _ in self.spans}
        return bool(spans) and all(self.text[s].isupper() for s, _ in spans) and any(
            s not in starts for s, _ in spans)

    # -- labels ----------------------------------------------------------------------------
    def where(self, spans: list[tuple[int, int]], fig: Mapping[str, Any],
              clauses: bool = True) -> str:
        """Where the nearest of ``spans`` is written relative to the figure ``fig``."""
        start, end = int(fig["start"]), int(fig["end"])
        s_fig = self.sentence(start)
        same = [sp for sp in spans if self.sentence(sp[0]) == s_fig]
        if same:
            s, e = min(same, key=lambda sp: min(abs(sp[0] - end), abs(start - sp[1])))
            side = "before" if s < start else "after"
            if not clauses:
                return f"its sentence, {side}"
            paren = self.parenthesis(start)
            if paren is not None and e <= paren:
                return "before its parenthesis"
            c0, c1 = self.clause(start, end)
            if c0 <= s and e <= c1:
                gap = self.words_between(e, start) if s < start else self.words_between(end, s)
                return f"its clause, {'right ' if gap <= NEAR_WORDS else ''}{side}"
            return f"another clause, {side}"
        earlier = [sp for sp in spans if sp[0] < start]
        if earlier:
            s, _ = max(earlier)
            if self.sentence(s) == s_fig - 1:
                return "the sentence before"
            if self.line(s) == self.line(start):
                return "earlier in its paragraph"
            return "the lead" if self.in_lead(s) else "an earlier paragraph"
        return "only after its sentence" if spans else "nowhere in the article"

    def reach(self, spans: list[tuple[int, int]], fig: Mapping[str, Any]) -> str:
        """How far back the nearest of ``spans`` at or before the figure's sentence is: in its
        sentence, its paragraph (one sentence back or more), one paragraph back or more."""
        start = int(fig["start"])
        s_fig = self.sentence(start)
        earlier = [sp[0] for sp in spans if self.sentence(sp[0]) <= s_fig]
        if not earlier:
            return "not written before"
        s = max(earlier)
        n, p = s_fig - self.sentence(s), self.line(start) - self.line(s)
        if n == 0:
            return "its sentence"
        if p == 0:
            return "its paragraph, 1 sentence back" if n == 1 else \
                "its paragraph, 2+ sentences back"
        return "1 paragraph back" if p == 1 else "2+ paragraphs back"

    def figure_place(self, fig: Mapping[str, Any]) -> str:
        start = int(fig["start"])
        if self.in_quotation(start):
            return "in a quotation"
        return "in the lead" if self.in_lead(start) else "in the body"

    def others(self, fig: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        return [f for f in self.figures if int(f["start"]) != int(fig["start"])]


def subject_miss(amap: ArticleMap, gold: Mapping[str, Any],
                 pred: Mapping[str, Any]) -> dict[str, str]:
    """Counter -> label for one wrong or missing subject (see the module docstring)."""
    predicted = pred.get("subject")
    given = not is_missing(predicted) and bool(str(predicted).strip())
    prefix = "another" if given else "none"
    gold_spans = amap.noun_at(gold["subject"])
    out = {"subject where": f"{prefix}, {amap.where(gold_spans, gold)}",
           "subject kind": f"{prefix}, {kind_class(gold['kind'])}"}
    if given:
        spans = amap.noun_at(predicted)
        out["subject taken"] = _taken_class(amap, gold, predicted, spans)
        out["subject taken where"] = _beside(amap, gold, spans, gold_spans) or amap.where(
            spans, gold)
    return out


def _taken_class(amap: ArticleMap, gold: Mapping[str, Any], predicted: Any,
                 spans: list[tuple[int, int]]) -> str:
    s_fig = amap.sentence(int(gold["start"]))
    if any(not is_missing(f.get("subject")) and same_subject(predicted, f["subject"])
           and amap.sentence(int(f["start"])) == s_fig for f in amap.others(gold)):
        return "another figure's subject"
    word = _fold(" ".join(str(predicted).split()))
    for label, words in _word_classes().items():
        if word in words:
            return label
    names = {w for f in amap.figures if not is_missing(f.get("attribution"))
             for w in _fold(str(f["attribution"])).replace("-", " ").split()}
    if word in names:
        return "a body or person"
    return "a name" if amap.capitalised(spans) else "another noun"


def _beside(amap: ArticleMap, gold: Mapping[str, Any], spans: list[tuple[int, int]],
            gold_spans: list[tuple[int, int]]) -> str | None:
    """"right after/before the gold's noun" when the word taken is written within a few
    words of the gold's noun in the figure's sentence."""
    s_fig = amap.sentence(int(gold["start"]))
    here = [sp for sp in gold_spans if amap.sentence(sp[0]) == s_fig]
    for s, e in (sp for sp in spans if amap.sentence(sp[0]) == s_fig):
        for gs, ge in here:
            if ge <= s and amap.words_between(ge, s) <= NEAR_WORDS:
                return "right after the gold's noun"
            if e <= gs and amap.words_between(e, gs) <= NEAR_WORDS:
                return "right before the gold's noun"
    return None


def source_miss(amap: ArticleMap, gold: Mapping[str, Any], pred: Mapping[str, Any],
                miss: str) -> dict[str, str]:
    """Counter -> label for one source miss: ``miss`` is ``another`` (a wrong source given),
    ``none`` (none given, the gold names one) or ``extra`` (given, the gold names none)."""
    mode = pred.get("source_mode") if miss != "none" else gold.get("attribution_mode")
    mode_s = as_text(mode) or "mode unknown"
    prefix = f"none, gold {mode_s}" if miss == "none" else f"{miss} {mode_s}"
    out = {"source kind": f"{prefix}, {kind_class(gold['kind'])}",
           "source figure": f"{prefix}, {amap.figure_place(gold)}"}
    if miss != "extra":
        gold_spans = amap.name_at(gold["attribution"])
        out["source where"] = f"{prefix}, {amap.where(gold_spans, gold, clauses=False)}"
        if miss == "none" and mode_s == "inherited":
            out["source reach"] = f"{prefix}, {amap.reach(gold_spans, gold)}"
    if miss != "none":
        spans = amap.name_at(pred.get("source"))
        out["source given where"] = f"{prefix}, {amap.where(spans, gold, clauses=False)}"
        out["source given is"] = f"{prefix}, {_whose(amap, gold, pred.get('source'))}"
        if mode_s == "inherited":
            out["source reach"] = f"{prefix}, {amap.reach(spans, gold)}"
    return out


def _whose(amap: ArticleMap, gold: Mapping[str, Any], source: Any) -> str:
    """Whether a source given is the gold source of another figure of the article: of an
    earlier one (carried too far), of a later one only, or of none."""
    start = int(gold["start"])
    theirs = [int(f["start"]) for f in amap.others(gold)
              if not is_missing(f.get("attribution")) and same_source(source, f["attribution"])]
    if any(s < start for s in theirs):
        return "an earlier figure's source"
    return "a later figure's source" if theirs else "no figure's source"
