"""A cumulative figure (a toll "depuis le début", a "bilan") that shrinks over time, and a
death toll of one event that falls from one day's report to the next without either article
saying it was revised (:func:`one_toll`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from factcheck.crossref.causes import two_causes
from factcheck.crossref.cue_sets import _pattern
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.explain import quote
from factcheck.crossref.identity import identity
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.place_names import place_name
from factcheck.crossref.relations import days_apart
from factcheck.crossref.rules.base import CheckContext, Rule, register
from factcheck.lang import load_data
from factcheck.models import Flag

#: Words of the cue's complement kept to name the event counted ("de l'épidémie").
MAX_CUE_WORDS = 4
_CUE_END = regex.compile(r"[,;:.!?()«»\d]", regex.V1)
_CUE_WORD = regex.compile(r"[\p{L}]+['’]?", regex.V1)
#: The one cue phrase every form of the verb "cumuler" gives (``[cumulative] verbs``).
VERB_CUE = "cumuler"
#: Where a verb's subject starts, reading back from the verb: a sign or a figure (not the
#: quotation marks of a title: "le drame « Les Falaises » cumule").
_SUBJECT_END = regex.compile(r"[,;:.!?()\d]", regex.V1)
#: The words of a subject that may name it (``[description] stopwords`` aside).
SUBJECT_MIN_LETTERS = 4
#: Outcomes whose toll, for one event, only grows: the dead are not found again, as the
#: missing are, nor reclassified, as the injured are (``[outcomes]`` keys).
NEVER_FALLING = frozenset({"killed"})
#: Reports of one event's toll are days apart, not weeks: further apart, two tolls.
TOLL_REPORT_DAYS = 14


@register
class CumulativeDecrease(Rule):
    name = "cumulative_decrease"
    description = ("Un chiffre cumulé (bilan, « depuis le début ») plus petit à une date "
                   "ultérieure : un cumul peut croître, pas diminuer.")
    severity = "medium"

    def check(self, ctx: CheckContext) -> Iterator[Flag]:
        for j in ctx.judged:
            a, b = j.a, j.b  # a is the earlier figure
            if j.relation != "evolution" or a.period == b.period:
                continue
            toll = one_toll(a, b, ctx.lexicon)
            if not (a.cumulative or b.cumulative or toll) or a.revision or b.revision:
                continue
            if not (a.published and b.published and a.published < b.published):
                continue  # "later" must mean reported later, not another figure of one article
            if not toll and not _one_start(a, b, ctx.lexicon):
                continue  # counted from different starts, or a start unknown on one
            if b.hi >= a.lo:
                continue
            # Identity before accusation: one running total needs the same named source (a
            # body's successive reports) and the same scope, unknown being no equal: the same
            # place or none named on either, the same population (two dates are expected: it
            # is a cumulative figure). One event's toll: a place read on one figure only and
            # named in the other's sentence is one place ("qui frappent l'Andalousie").
            found = identity(a, b, ctx.lexicon)
            forgiven = {"period", "period_unknown"} | ({"place"} if toll else set())
            if (set(found.blockers) - forgiven or "source" not in found.ties
                    or not (a.place == b.place or (toll and _place_named(a, b)))
                    or a.population != b.population):
                continue
            key = "flag_toll_decrease" if toll and not (a.cumulative or b.cumulative) \
                else "flag_cumulative"
            text = ctx.lexicon.say(key, a=quote(a, ctx.lexicon), b=quote(b, ctx.lexicon))
            text += " " + ctx.lexicon.say("evidence_intro", evidence=found.summary())
            yield self.flag((a.claim_id, b.claim_id), (a.article_id, b.article_id), text,
                            (a.sentence, b.sentence), confidence=min(1.0, found.confidence
                                                                     or 0.5))


def _start(v: ClaimView) -> str:
    """The day ``v`` is counted from, when the text gives one; "" when unknown."""
    return v.period[1] if v.period[:1] == ("explicit",) and len(v.period) > 1 else ""


def _cue_phrase(v: ClaimView, cues: regex.Pattern[str], verbs: frozenset[str] = frozenset(),
                stopwords: frozenset[str] = frozenset()) -> str:
    """The cumulative cue of ``v``'s sentence with the words that follow it up to a sign or a
    figure ("depuis le début de l'épidémie", "cumulé du séisme au maroc"), lowercased; ""
    when the sentence holds none or several different ones. A form of the verb ("cumule",
    ``verbs``) has the figure as its complement: what is counted is its subject, the words
    before it back to a sign ("le drame « Les Falaises » cumule désormais 2 millions" gives
    "cumuler drame falaises"); a subject naming nothing ("il cumule") is no cue."""
    found = set()
    for m in cues.finditer(v.sentence):
        if m.group(0).lower() in verbs:
            found.add(_verb_phrase(v.sentence[:m.start()], stopwords))
            continue
        rest = _CUE_END.split(v.sentence[m.end():], maxsplit=1)[0]
        words = _CUE_WORD.findall(rest)[:MAX_CUE_WORDS]
        found.add(" ".join([m.group(0).lower(), *(w.lower() for w in words)]))
    return found.pop() if len(found) == 1 else ""


def _verb_phrase(before: str, stopwords: frozenset[str]) -> str:
    """``VERB_CUE`` and the words naming the verb's subject in ``before`` (the sentence up to
    the verb, back to a sign or a figure): words of ``SUBJECT_MIN_LETTERS`` letters or more
    that are no ``stopwords``, the last ``MAX_CUE_WORDS``; "" when none is left."""
    subject = _SUBJECT_END.split(before)[-1]
    words = [w.lower().rstrip("'’") for w in _CUE_WORD.findall(subject)]
    kept = [w for w in words if len(w) >= SUBJECT_MIN_LETTERS and w not in stopwords]
    return " ".join([VERB_CUE, *kept[-MAX_CUE_WORDS:]]) if kept else ""


def _one_start(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Both counted from one day: the same start read on both ("depuis le 1er octobre"), or
    no start on either and the same cumulative cue naming the same event in both sentences
    ("depuis le début de l'épidémie", "le bilan cumulé du séisme"). A start read on one
    figure only is unknown on the other, not the same; two different starts are two counts.
    Two totals since a thing's launch (``[cumulative] launch``: "depuis son lancement", "a
    déjà recueilli") are counted from that launch, whatever day each was said on, unless a
    span is read on either ("depuis le 1er mai")."""
    if _since_launch(a) and _since_launch(b) and not _spans(a) and not _spans(b):
        # Two totals since a thing's launch, each dated by the day it was said: one thing
        # when both sentences name the same names (a source's many appeals are many totals:
        # "la cagnotte des Amis du Pont pour la chapelle de X" / "... pour le pont de Y").
        names = _names(a)
        return bool(names) and names == _names(b)
    start_a, start_b = _start(a), _start(b)
    if start_a or start_b:
        return start_a == start_b
    if not (a.cumulative and b.cumulative):
        return False
    cues, verbs, stop = lexicon.cumulative, lexicon.cumulative_verbs, lexicon.stopwords
    phrase = _cue_phrase(a, cues, verbs, stop)
    return bool(phrase) and phrase == _cue_phrase(b, cues, verbs, stop)


@cache
def _launch_cues() -> regex.Pattern[str]:
    return _pattern(load_data("fr", "crossref")["cumulative"].get("launch", []))


def _since_launch(v: ClaimView) -> bool:
    """A cumulative figure whose sentence counts it since its thing's launch."""
    return v.cumulative and _launch_cues().search(v.sentence) is not None


#: A name in a sentence: a capitalised word, not the sentence's first.
_NAME = regex.compile(r"(?<=[\p{L},;:'’«(]\s*|\s)\p{Lu}[\p{L}'’-]{3,}", regex.V1)


def _names(v: ClaimView) -> set[str]:
    """The names ``v``'s sentence holds, the words of its source's name aside
    ("cathédrale de Vierzon-le-Haut": "vierzon-le-haut"; "selon la Fondation": none)."""
    source = set(_CUE_WORD.findall(v.source.casefold()))
    body = v.sentence.lstrip()
    first = body.split(" ", 1)[0]
    return {w.casefold() for w in _NAME.findall(body[len(first):])
            if w.casefold() not in source}


def _spans(v: ClaimView) -> bool:
    """A period of two different days read on ``v`` ("depuis le 1er mai" to publication)."""
    return v.period[:1] == ("explicit",) and len(v.period) > 2 and v.period[1] != v.period[2] \
        and bool(v.period[1])


def one_toll(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Two reports of one event's death toll: the same outcomes, the dead among them
    (``NEVER_FALLING``), no two causes read, in two articles published within
    ``TOLL_REPORT_DAYS`` of each other, and neither article naming a stage of release
    ("bilan provisoire", "revu à la baisse", "corrigé", "après vérification": ``[modality]``
    provisional / revised cues anywhere in its text, ``ClaimView.release``). A toll is
    revised down sometimes (a victim counted twice): the text then says so, and the fall is
    no error. The identity (same named source, same place) is the rule's."""
    return (a.article_id != b.article_id and bool(a.outcome & NEVER_FALLING)
            and a.outcome == b.outcome and not two_causes(a.cause, b.cause)
            and not (a.release or b.release) and days_apart(a, b) <= TOLL_REPORT_DAYS)


def _place_named(a: ClaimView, b: ClaimView) -> bool:
    """A place read on one figure only, named in the other's sentence (the reader missed it
    there: "les inondations qui frappent l'Andalousie ont fait 14 morts")."""
    if bool(a.place) == bool(b.place):
        return False
    known, other = (a, b) if a.place else (b, a)
    return place_name(known.place).casefold() in other.sentence.casefold()
