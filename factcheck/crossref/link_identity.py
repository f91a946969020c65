"""Identity before a link: two figures whose values meet are one fact only when nothing known
says they report two facts, and, for a one-off amount in two articles, something positive
says they report one event.

A ``same`` or ``compatible`` link is what the facts table (:mod:`factcheck.crossref.facts`)
groups, and what provenance (where a figure first appeared and how it changed from outlet to
outlet) will read: a link between two counts of two marches makes one fact of them. So:

* two counters of two sides of a crowd (``[counter_sides]`` of ``crossref.toml``: the
  authorities, the organisers; for counts of marchers, its ``families``) give two counts, even
  when their values meet: "un million selon les autorités" and "plus d'un million selon la
  CGT" are the two sides of one march, never one fact; "800 000 selon la CGT" (a march in
  March) and "800 000 selon la police" (May Day) are not one either. Each source must be
  named with its own figure (a source carried over from earlier in the article is not known
  to be this figure's), and its side words are matched whole. Other figures a ministry and
  the unions both give ("4 000 postes supprimés") are one number said by two voices.
* a one-off amount (``[day_counts]``: marchers of one day, arrests of one night) reported in
  two articles is never one fact when the two are dated apart: two explicit dates that do
  not meet, or an explicit date after the other's publication (a publication is a bound,
  "not after", not the event's day: Saturday's paper reports Thursday's march). Otherwise it
  is one fact only when something positive ties the two to one event: the same publication
  day (a day named in one or not); the same one day named by both; a day named in one within
  the other's news days (its publication day or the day before) with the value written the
  same way; the same distinctive digits (three significant digits or more, "1 089 000"); or
  the same source, the same side counting or the same place of its own (an inherited place,
  the report's, is dropped when the figure is read, and a place its sentence names
  elsewhere, "dont 18 000 à Paris", is the aside's), within the same news days or with the
  value written the same way (a later article restating the count). Unknown is not equal:
  two undated round counts of marchers with nothing else in common are not linked.

Values that meet are told apart too when both are given with distinctive digits and neither
rounds the other, when a bound is met far beyond it or on its wrong side, and when one is the
whole another figure is taken of ("sur 10 millions") and the other is not that whole, or one
is a projection and the other an observation of another value (a plan and what was done) or,
for a day's count, of any value (a crowd expected is not the crowd counted), and when the
text names two doers of the act both amounts are named by ("La Région a versé 2 millions" /
"L'État a versé 2 millions": two payments of one size; a doer unknown on one side, "?" or a
figure not read as an act, does not tell a restatement apart, where it blocks an accusation
in :mod:`factcheck.crossref.identity`).

A running count (a toll, ``[toll]``: dead, injured, missing, a "bilan", a day's arrests) is
updated through the day and the days after: two reports of it on two days (two publication
days, or two days named that do not meet) whose values differ are two updates, never
one fact, even when a bound allows both ("au moins 12 morts" on the 20th, "23 morts" on the
22nd); the same day's "au moins 20" and "20" stay one, and so does one value restated with
or without its bound on another day ("au moins 56 civils tués", later "56 civils tués").

Only links are withheld here; no accusation rests on them (:mod:`factcheck.crossref.identity`
decides those).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import regex

from factcheck.crossref.causes import two_causes
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView, precision, significant_digits
from factcheck.crossref.series import given_as_whole, two_holders

#: The blocker of two updates of one toll: an evolution, not one fact (see relations._judge).
TOLL_UPDATES = "two updates of a toll"
#: Significant digits from which one value stated twice ties two reports by itself.
TELLING_DIGITS = 3
#: A bound ("plus de 2 000") states a figure up to this many times itself: a report more
#: than twice the bound ("16 000") or a bound twice as high ("plus de 11 500") is another
#: figure (one over 4 000 would have been written "plus de 4 000").
BOUND_REACH = 2.0
#: A figure dated by its article's publication most likely reports that day or up to this
#: many days before (a march of Saturday in Sunday's paper): its news days, which tie two
#: reports but never set them apart.
PUBLICATION_LAG = 1
_WORD = regex.compile(r"\p{L}[\p{L}-]*", regex.V1)
#: Articles dropped before a source's name is matched ("la CGT", "l'intersyndicale").
_ARTICLES = frozenset({"le", "la", "les", "l"})

__all__ = ["TOLL_UPDATES", "counter_side", "counter_unknown", "crowd_count", "day_count",
           "link_blockers", "news_days", "report_days", "running_toll"]


def counter_side(v: ClaimView, lexicon: Lexicon) -> str:
    """The side of the counter named with ``v`` ("authorities", "organisers"), "" when ``v``
    is no count of a crowd (:func:`crowd_count`: a union and a ministry giving one number of
    posts cut are not two counts), no source is named with it, its source was
    carried over, or the name has no side or both. Side names are matched as whole words or
    phrases of the source's name ("centrale syndicale", not a power plant's "centrale"); a
    name of ``alone`` only as the whole name ("SUD", not the newspaper "Sud Ouest"), and a
    name holding a phrase of ``not_sides`` ("syndicat mixte", a public body) has no side."""
    if not v.source_key or v.source_mode == "inherited" or not crowd_count(v, lexicon):
        return ""
    words = [w for w in _WORD.findall(v.source_key) if w not in _ARTICLES]
    text = f" {' '.join(words)} "
    if any(f" {phrase} " in text for phrase in lexicon.not_sides):
        return ""
    sides = {side for phrase, side in lexicon.counter_sides.items()
             if (text == f" {phrase} " if phrase in lexicon.side_alone
                 else f" {phrase} " in text)}
    return next(iter(sides)) if len(sides) == 1 else ""


def crowd_count(v: ClaimView, lexicon: Lexicon) -> bool:
    """``v`` counts a crowd: of a family of ``[counter_sides] families`` (marchers,
    strikers), or a count or a share in a sentence naming a march or a strike
    (``crowd_words``)."""
    if v.family in lexicon.side_families:
        return True
    return (v.kind in ("count", "percent") and lexicon.crowd_words is not None
            and lexicon.crowd_words.search(v.sentence) is not None)


def counter_unknown(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """``a`` or ``b`` counts a crowd (:func:`crowd_count`) and "one counter" is not
    established: a crowd's counts come from counters at odds (the authorities, the
    organisers), so two of its values accuse no one unless both are the same counter's, by
    the same source name or by the same side of ``[counter_sides]``. A count whose counter is
    unknown (no source read, "Ils ont affirmé que 10 000…" with the pronoun unresolved) may
    be the other side's: it never accuses a named count, in its article or another, and two
    such counts of two articles are not one counter's either. Two unsourced counts of one
    article are the article's own, judged as such."""
    if not (crowd_count(a, lexicon) or crowd_count(b, lexicon)):
        return False
    if a.source_key and a.source_key == b.source_key:
        return False
    side = counter_side(a, lexicon)
    if side and side == counter_side(b, lexicon):
        return False
    return not (a.article_id == b.article_id and not a.source_key and not b.source_key)


def day_count(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Either figure counts what happens on one day (``[day_counts]``: marchers, a night's
    arrests), and neither is a running total."""
    return (bool({a.family, b.family} & lexicon.day_counts)
            and not (a.cumulative or b.cumulative))


def running_toll(v: ClaimView, lexicon: Lexicon) -> bool:
    """A toll (dead, injured, missing, or a figure given as a "bilan"; ``[toll]``): a running
    count, updated through the day and the days after."""
    return bool(v.outcome & lexicon.toll_outcomes) or bool(lexicon.toll_cues.search(v.sentence))


def _two_days(a: ClaimView, b: ClaimView) -> bool:
    """``a`` and ``b`` are reported on two days: two publication days, or two named days
    (explicit periods) that do not meet. Unknown on one side is not another day."""
    if a.published and b.published and a.published[:10] != b.published[:10]:
        return True
    if a.period[0] == "explicit" and b.period[0] == "explicit":
        da, db = report_days(a), report_days(b)
        return bool(da and db and (da[1] < db[0] or db[1] < da[0]))
    return False


def report_days(v: ClaimView) -> tuple[date, date] | None:
    """The days ``v`` may report: its explicit period; when it is dated by its article's
    publication only, any day up to that one (a publication is an upper bound, not the
    event's date: Saturday's paper reports Thursday's march); None when neither is known."""
    try:
        if v.period[0] == "explicit":
            start, end = v.period[1] or v.period[2], v.period[2] or v.period[1]
            return date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
        if v.published:
            return date.min, date.fromisoformat(v.published[:10])
    except (ValueError, IndexError):
        return None
    return None


def news_days(v: ClaimView) -> tuple[date, date] | None:
    """The days ``v`` most likely reports: its explicit period, or its publication day and
    the :data:`PUBLICATION_LAG` days before (the news of its day; a recall of an older event
    is possible too, which is why these days never set two reports apart)."""
    days = report_days(v)
    if days is None or days[0] != date.min:
        return days
    return days[1] - timedelta(days=PUBLICATION_LAG), days[1]


def _written_alike(a: ClaimView, b: ClaimView) -> bool:
    """One value written the same way ("1,1 million" twice): a count restated, as a later
    article restates it, not a new count of the same size."""
    return " ".join(a.surface.lower().split()) == " ".join(b.surface.lower().split())


def _event_tie(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Something positive says ``a`` and ``b`` report one event (see the module's doc)."""
    if a.published and a.published[:10] == b.published[:10]:
        return True  # two reports of one day's coverage, a day named in one or not
    na, nb = news_days(a), news_days(b)
    if na and nb and na[0] == na[1] == nb[0] == nb[1]:
        return True  # one day named by both
    alike = _written_alike(a, b)
    if alike and na and nb and any(
            x.period[0] == "explicit" and y.period[0] != "explicit" and ny[0] <= nx[0] <= ny[1]
            for x, y, nx, ny in ((a, b, na, nb), (b, a, nb, na))):
        return True  # a day named in one, within the other's news days, the value restated
    side = counter_side(a, lexicon)
    counter = ((a.source_key and a.source_key == b.source_key)
               or (side and side == counter_side(b, lexicon))
               or (a.place and a.place == b.place))  # its own place, not an aside's
    # One counter or one place counts every march: it ties two reports of the same news
    # days, or a count restated as written (a later article recalling it).
    return bool(counter) and (alike or not (na and nb) or (na[0] <= nb[1] and nb[0] <= na[1]))


def _telling(a: ClaimView, b: ClaimView) -> bool:
    """One value stated with distinctive digits ("1 089 000"): one count repeated, whatever
    the dates read (a count recalled later is often dated by the later article)."""
    return (a.value is not None and a.value == b.value
            and len(significant_digits(a.value)) >= TELLING_DIGITS)


def two_distinctive_values(a: ClaimView, b: ClaimView) -> bool:
    """Both figures are given with distinctive digits (three significant digits or more) and
    neither is the other rounded: "quelque 672 400" and "718 723" are two figures, whatever
    width the approximator lends the first; "1 089 000" and "1,09 million" are one."""
    if a.value is None or b.value is None or a.value == b.value:
        return False
    if min(len(significant_digits(a.value)), len(significant_digits(b.value))) < TELLING_DIGITS:
        return False
    coarse, fine = sorted((a.value, b.value), key=lambda x: len(significant_digits(x)))
    return abs(coarse - fine) > precision(coarse)


def bound_far(a: ClaimView, b: ClaimView) -> bool:
    """A bound met by a figure (or a bound of the same direction) more than
    :data:`BOUND_REACH` times beyond it: "plus de 2 000 hectares" and "16 000 hectares",
    "plus de 2 000" and "plus de 11 500"; not "plus de 500" and "548". Or a figure written
    on the wrong side of the bound, met only through its rounding: "plus de 11 500
    hectares" and "11 000 hectares" (11 000 to the thousand is below 11 500)."""
    for bound, other in ((a, b), (b, a)):
        low, high = bound.stated
        # An approximate figure ("quelque 640 000") is read at its value, not at the edges
        # of the width its approximator lends it.
        o_low, o_high = ((other.value, other.value)
                         if other.approx == "approx" and other.value is not None
                         else other.stated)
        if bound.approx == "lower" and math.isinf(high) and low > 0 \
                and (o_low > BOUND_REACH * low or other.stated[1] < low):
            return True
        if bound.approx == "upper" and low <= 0 < high and not math.isinf(high) \
                and (0 < o_high < high / BOUND_REACH or other.stated[0] > high):
            return True
    return False


def link_blockers(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> list[str]:
    """Why two figures whose values meet are not one fact (empty: nothing known against)."""
    blockers = []
    if two_distinctive_values(a, b):
        blockers.append("two distinctive values")
    if bound_far(a, b):
        blockers.append("a bound far off")
    if a.stated != b.stated and given_as_whole(a, lexicon) != given_as_whole(b, lexicon):
        # "9,5 millions de billets sur 10 millions": the 10 millions are what is sold of, a
        # capacity, not the count given elsewhere as "près de 9,5 millions"; the capacity
        # stated again as written ("10 millions de billets mis en vente") is itself.
        blockers.append("a whole on one side")
    if "projected" in (a.modality, b.modality) and a.modality != b.modality \
            and (a.value != b.value or day_count(a, b, lexicon)):
        # A crowd expected ("les autorités attendaient un million") is not the crowd
        # counted, even of one value; another plan restated as written is the plan.
        blockers.append("a projection")
    sa, sb = counter_side(a, lexicon), counter_side(b, lexicon)
    if sa and sb and sa != sb:
        blockers.append("two counters")
    if two_holders(a, b):
        blockers.append("two doers")  # "La Région a versé" / "L'État a versé" one amount
    if two_causes(a.cause, b.cause):
        blockers.append("two causes")  # "déplacées par la crue" / "par les frappes"
    if a.value != b.value and (running_toll(a, lexicon) or running_toll(b, lexicon)) \
            and _two_days(a, b):
        # "au moins 12 morts" on the 20th, "au moins 20" on the 21st, "23 morts" on the 22nd:
        # three updates of one toll, not one fact (however a bound meets a larger value).
        blockers.append(TOLL_UPDATES)
    if a.article_id != b.article_id and day_count(a, b, lexicon) and not _telling(a, b):
        da, db = report_days(a), report_days(b)
        if da and db and (da[1] < db[0] or db[1] < da[0]):
            blockers.append("two event dates")
        elif not _event_tie(a, b, lexicon):
            blockers.append("one event not established")
    return blockers

