"""One series at two dates: what keeps two figures of one family, whose values differ, from
being read as an ``evolution`` (:func:`series_blockers`). An evolution needs positive evidence,
as an accusation does (:mod:`factcheck.crossref.identity`), and unknown is not equal."""

from __future__ import annotations

from datetime import date

from factcheck.context.names import same_source
from factcheck.crossref.causes import two_causes
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView


def series_blockers(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> tuple[str, ...]:
    """What keeps two figures of one family, whose values differ, from being read as one
    series at two dates (an ``evolution``); empty when nothing does.

    An evolution says "this figure, then that one": it needs positive evidence, as an
    accusation does, and unknown is not equal:

    * ``outcome``: an outcome read on one figure only ("cas confirmés" against "cas", "pompiers
      blessés" against "pompiers"): a narrower count than the other, or another one;
    * ``part``: a figure given as a part of another of its sentence ("dont 11 000 hectares de
      forêts", "deux d'entre eux", ``[series]`` of ``crossref.toml``) against one that is not:
      a narrower count;
    * ``whole``: a figure given as the whole another of its sentence is taken of ("9,5 millions
      de billets sur 10 millions", "25 des 26 provinces"): a capacity, not a count of the same
      thing, against one that is not;
    * ``cause``: two causes of the outcome read, of no kind in common ("la crue a fait 3
      morts" / "les accidents de la route ont fait 5 morts": two tolls, not one updated);
    * ``holder``: two holders named, one for each figure, not one body written two ways
      ("Le Parti démocrate recueille 29,5 %" / "la coalition sortante recueille 22,1 %",
      ``ClaimView.doer``): two holders' figures, not one at two dates;
    * ``span``: two reaches in time (a week's count against a running total, what still is
      against all of it), a window or a remainder read on one figure only included, as for
      an accusation (a running total against an unmarked figure does not block), or two
      closed periods of the text from different starts, one at least ``REACH_RATIO`` times
      as long as the other ("en S13" against "depuis août 2024": ``_reaches_apart``);
    * ``date``: a figure with neither a period read nor a publication date: nothing says when
      it was counted, so nothing says it comes before or after the other (unless one source
      is named with each figure: a body's successive reports, "667 interpellations" then
      "875", are its series);
    * ``order``: a figure dated only by the publication day of the other, dated by its
      text (:func:`_unordered`): nothing says which comes first (a toll reported twice
      through the day is still two updates, see relations._judge);
    * ``one date``: the same period (or, neither period read, the same publication date) on
      both: two values of one date are two counts, not two moments of one (except a toll in
      two articles: a toll is updated through the day, see relations._judge); and, within one
      article, a figure whose sentence says its period is an earlier figure's ("1,1 million
      de visiteurs sur la même période", ``[series] same_period``): its period, carried, is
      read as the publication's, and the two would seem two dates.

    A side read on one figure only does not block (the cue reader misses sides), and neither
    does a place (read from a dateline as often as from the count: measured on the real-news
    review set, blocking on it costs more right links than wrong ones)."""
    blockers = []
    if bool(a.outcome) != bool(b.outcome):
        blockers.append("outcome")
    if _given_as_part(a, lexicon) != _given_as_part(b, lexicon):
        blockers.append("part")
    if given_as_whole(a, lexicon) != given_as_whole(b, lexicon):
        blockers.append("whole")
    if two_causes(a.cause, b.cause):
        blockers.append("cause")  # "la crue a fait 3 morts" / "la route, 5 morts": two tolls
    if two_holders(a, b):
        blockers.append("holder")  # "le parti A recueille 31 %" / "le parti B, 22 %"
    if (a.span != b.span and {a.span, b.span} != {"total", ""}) or _reaches_apart(a, b):
        blockers.append("span")
    da, db = _dated(a), _dated(b)
    if (da is not None and da == db) or _period_restated(a, b, lexicon):
        blockers.append("one date")
    elif not _same_named_source(a, b):
        if da is None or db is None:
            blockers.append("date")
        elif _unordered(a, b):
            blockers.append("order")
    return tuple(blockers)


#: Two closed periods from different starts, one this many times as long as the other, are
#: two reaches in time: a week's count and the count since the outbreak began, a month's and a
#: year's (a running total at two dates starts on one day: "depuis le 1er janvier").
REACH_RATIO = 4


def _reaches_apart(a: ClaimView, b: ClaimView) -> bool:
    """Both figures dated by closed periods of the text, of more than a day, that start on
    different days, one at least ``REACH_RATIO`` times as long as the other ("7 500 cas en
    S13" against "20 242 cas depuis le début de l'épidémie, en août 2024"): not one series at
    two dates. A day is a count's as-of day or a stock's ("14 479 cas au 3 août", "une dette
    de 9,3 milliards fin 2024"), a level of the series whatever the reach of the other."""
    days = []
    for v in (a, b):
        if not (v.period and v.period[0] == "explicit" and len(v.period) > 2
                and v.period[1] and v.period[2]):
            return False
        try:
            first, last = date.fromisoformat(v.period[1]), date.fromisoformat(v.period[2])
        except ValueError:
            return False
        days.append((first, (last - first).days + 1))
    (fa, na), (fb, nb) = days
    return fa != fb and min(na, nb) > 1 and max(na, nb) >= REACH_RATIO * min(na, nb)


def _given_as_part(v: ClaimView, lexicon: Lexicon) -> bool:
    """"dont 11 000 hectares", "deux d'entre eux": the figure is a part of another."""
    if v.sentence_start is None or lexicon.part_before is None or lexicon.part_after is None:
        return False
    rel_start, rel_end = v.start - v.sentence_start, v.end - v.sentence_start
    before = v.sentence[max(0, rel_start - 40):rel_start]
    return bool(lexicon.part_before.search(before)
                or lexicon.part_after.search(v.sentence[rel_end:rel_end + 40]))


def given_as_whole(v: ClaimView, lexicon: Lexicon) -> bool:
    """"9,5 millions de billets sur 10 millions": the figure is what another is taken of."""
    if v.sentence_start is None or lexicon.whole_before is None:
        return False
    rel_start = v.start - v.sentence_start
    return bool(lexicon.whole_before.search(v.sentence[max(0, rel_start - 60):rel_start]))


def other_holder(v: ClaimView, lexicon: Lexicon) -> bool:
    """"52 % des voix, contre 48 % pour son adversaire": the words right after the figure
    give it to another holder (``[series] other_holder``)."""
    if v.sentence_start is None or lexicon.other_holder is None:
        return False
    return bool(lexicon.other_holder.match(v.sentence[v.end - v.sentence_start:]))


def _period_restated(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Within one article, the later figure's sentence (not the earlier's) says its period is
    the one already given ("sur la même période", "la même année")."""
    if a.article_id != b.article_id or lexicon.same_period is None:
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    return (first.sentence_start != second.sentence_start
            and bool(lexicon.same_period.search(second.sentence))
            and not lexicon.same_period.search(first.sentence))


def two_holders(a: ClaimView, b: ClaimView) -> bool:
    """Two holders (doers) named, one for each figure, not one body written two ways (the
    doer is resolved as a source is: ``context._sentence._doer``; "?" or none is unknown)."""
    named = a.doer not in ("", "?") and b.doer not in ("", "?")
    return named and a.doer != b.doer and not same_source(a.doer, b.doer)


def _same_named_source(a: ClaimView, b: ClaimView) -> bool:
    """One source named with each figure (not carried over from an earlier sentence)."""
    return bool(a.source_key and a.source_key == b.source_key
                and "inherited" not in (a.source_mode, b.source_mode))


def _unordered(a: ClaimView, b: ClaimView) -> bool:
    """One figure dated by a period of its text, the other only by its article's publication
    day, the day the first's article was published too ("412 détenus au 1er octobre" in an
    article of the 29th, then "760 détenus" in it or in another article of the 29th): the
    figures of one day's reports are given without their date said again, so the undated
    one may be of the dated one's day as well as of the publication's, and nothing says it
    comes after it. (A figure whose period was carried from an earlier sentence, "Cette
    année-là, ... 20,5 milliards", has a reading of its own: ``text_period``.)"""
    for x, y in ((a, b), (b, a)):
        if (x.period and x.period[0] == "explicit" and y.period and y.period[0] == "published"
                and not y.compared_to and not y.text_period and x.published and y.published
                and y.published == x.published):
            return True
    return False


def _dated(v: ClaimView) -> tuple[str, str] | None:
    """When a figure was counted: the period read from the text, else its article's
    publication date; None when neither is known, and for the term another figure is set
    against without a period of its own ("16,1 milliards (contre 2,7 milliards)", "8,6
    millions de billets, contre 8,3 millions pour le précédent record"): it was counted at
    another moment than its partner, which the text does not give, not on the day of
    publication."""
    if v.period and v.period[0] == "explicit":
        return (v.period[1], v.period[2] if len(v.period) > 2 else "")
    if v.compared_to:
        return None
    return (v.published, v.published) if v.published else None


#: Two explicit periods this many days apart or more (the earlier's end to the later's start)
#: date two tolls, not two reports of one: a toll is updated within days or weeks.
TOLL_GAP_DAYS = 60


def periods_apart(a: ClaimView, b: ClaimView) -> bool:
    """Both figures dated by closed periods of their own text (or as-of days), with
    ``TOLL_GAP_DAYS`` or more between the end of one and the start of the other."""
    spans = []
    for v in (a, b):
        if not (v.period and v.period[0] == "explicit"):
            return False
        first, last = v.period[1], v.period[2] if len(v.period) > 2 else ""
        if not last:
            return False  # "depuis début 2024" in an undated article: no end, no gap
        try:
            spans.append((date.fromisoformat(first or last), date.fromisoformat(last)))
        except ValueError:
            return False
    (fa, la), (fb, lb) = spans
    return (fb - la).days >= TOLL_GAP_DAYS or (fa - lb).days >= TOLL_GAP_DAYS
