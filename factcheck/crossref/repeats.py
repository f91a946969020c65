"""One figure stated again: the headline, the lead and the body of an article, or two outlets,
giving one number whatever their subjects were read as ("78 969 personnes" and "78 969
détenus", "plus d'un million de manifestants" and "un million de personnes").

Blocking meets figures through their metric family; a subject read differently ("hausse" /
"budget", "personne" / "détenu") keeps two reports of one figure apart. This pass meets them
through their number instead: figures of one story and one dimension stating one value (with
any approximator but opposite bounds: "plus de 200" is no "moins de 200") are linked ``same``
or ``compatible`` when nothing tells them apart and the value is distinctive enough, or
something besides the value says they are one figure. A share given as a change in one place
and bare in another ("a bondi de 21 %" / "21 %") meets by its number too. Only links come of
it, never an accusation: values that differ are not paired here, and no rule reads a
``same`` or ``compatible`` link.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import regex

from factcheck.context.names import same_source
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.explain import amount, bounds, quote
from factcheck.crossref.link_identity import link_blockers
from factcheck.crossref.matching import CHANGE, ClaimView, same_story, significant_digits
from factcheck.crossref.relations import Judged, days_apart, scope_reasons, value_relation
from factcheck.crossref.stories import sentences_related
from factcheck.crossref.taken_up import points_back
from factcheck.crossref.weekdays import stated_weekday

#: One value stated again in one story is linked when it is distinctive enough:
#: EQUAL_DIGITS significant digits or more ("78 969", "249,4 millions") tie by themselves;
#: fewer need a family, a describing word, a named source or the article in common, or, for
#: money and counts of a thousand or more, the same publication day ("81 000", "9,3
#: milliards d'euros"); always within EQUAL_DAYS days when both articles are dated (an unknown
#: date neither ties nor separates).
EQUAL_DIGITS = 3
EQUAL_DAYS = 7
#: Dimensions whose repeated values say little (durations: "deux ans" of two sentences).
_EQUAL_SKIP = ("duration",)
#: Largest group of figures stating one value that is paired (a value common in a corpus
#: says nothing of which figure it is).
MAX_REPEATS = 50
#: Dimensions whose figures meet whether read as a change or not: a share, points, and an
#: amount of money ("une augmentation de 25 milliards des cotisations" / "rapportera 25
#: milliards par an": the rise of an amount is the money it brings; not a yearly rate against
#: a span's amount, :func:`_rate_against_span`).
_CHANGE_BLIND = ("share", "points", "money:")
#: Dimensions whose figures meet whether given per period ("par an") or not.
_PER_BLIND = ("money:",)
_PER = regex.compile(r"/[^:]+")
#: The longest each time denominator of a rate can be, in days ("/year": a leap year).
_PER_DAYS = {"year": 366, "month": 31, "week": 7, "day": 1}


def repeat_key(v: ClaimView) -> tuple | None:
    """The key under which figures stating one value meet: the dimension and the number as
    written (the bounds of a range), whatever the approximator; None for figures never
    paired by their value (denied, durations, small round counts)."""
    if v.modality == "denied" or v.dimension.startswith(_EQUAL_SKIP):
        return None
    if len(significant_digits(v.value)) < 2 and not _round_but_telling(v):
        return None
    # A share given as a change in one place ("a bondi de 21 %") and as a bare figure in
    # another ("21 %") is one figure stated twice: the key leaves the change aside; so for
    # points ("recule de 0,2 point" / "0,2 point de moins"), which are changes either way,
    # and for money ("une hausse de 25 milliards" / "25 milliards de recettes").
    dimension = v.dimension.removesuffix(CHANGE) if v.dimension.startswith(_CHANGE_BLIND) \
        else v.dimension
    if dimension.startswith(_PER_BLIND):
        # "25 milliards de livres par an" restated as "25 milliards de livres": one amount
        # whose period of reckoning one sentence leaves unsaid.
        dimension = _PER.sub("", dimension)
    if v.value is None:
        return (dimension, v.stated)
    return (dimension, v.value)


def repeated_pairs(views: list[ClaimView], lexicon: Lexicon
                   ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of figures of one story stating one value whatever their subjects were read as:
    nothing may tell them apart (:func:`_distinct`), something must tie them
    (:func:`_repeat_tie`)."""
    groups: dict[tuple, list[ClaimView]] = {}
    for v in views:
        key = repeat_key(v)
        if key is not None:
            groups.setdefault(key, []).append(v)
    for members in groups.values():
        if len(members) < 2 or len(members) > MAX_REPEATS:
            continue
        members.sort(key=lambda v: (v.article_id, v.start))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if _opposite_bounds(a, b) or value_relation(a, b) == "incompatible":
                    continue
                if _repeat_tie(a, b, lexicon):
                    yield a, b


def restated(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> Judged:
    """The ``same`` or ``compatible`` link of two figures stating one value."""
    if (a.period_sort, a.article_id, a.start) > (b.period_sort, b.article_id, b.start):
        a, b = b, a
    relation = value_relation(a, b)
    key = "link_same" if relation == "same" else "link_compatible"
    return Judged(a, b, relation, lexicon.say(
        key, a=quote(a, lexicon), b=quote(b, lexicon), value=amount(a.value or 0, a, lexicon),
        a_bounds=bounds(a, lexicon), b_bounds=bounds(b, lexicon)))


def value_restated(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> Judged:
    """The link of two figures met by their value (:func:`repeated_pairs`): that of
    :func:`restated`, whose explanation, when the two subjects were read apart ("bénéfice"
    in one outlet, "électricité" in another), says what ties them instead (one value, given
    again further down one article or by two articles of one story) and names both
    readings, so that an editor sees the link rests on the number, not on the metric."""
    judged = restated(a, b, lexicon)
    a, b = judged.a, judged.b
    if not (a.subject and b.subject) or a.subject == b.subject:
        return judged
    where = lexicon.say("value_where_article" if a.article_id == b.article_id
                        else "value_where_story")
    key = "link_same_value" if judged.relation == "same" else "link_compatible_value"
    return replace(judged, explanation=lexicon.say(
        key, a=quote(a, lexicon), b=quote(b, lexicon), value=amount(a.value or 0, a, lexicon),
        a_bounds=bounds(a, lexicon), b_bounds=bounds(b, lexicon), where=where,
        subject_a=a.subject, subject_b=b.subject))


def _opposite_bounds(a: ClaimView, b: ClaimView) -> bool:
    return {a.approx, b.approx} == {"lower", "upper"}


def _round_but_telling(v: ClaimView) -> bool:
    """A one-digit value worth pairing: a share or an amount of money ("+5 %", "2 milliards
    d'euros"), or a count of a thousand or more ("un million"); not "deux" or "400"."""
    if v.value is None:
        return False
    return not v.dimension.startswith("count") or abs(v.value) >= 1000


def _named_source(a: ClaimView, b: ClaimView) -> bool:
    """One source named with each figure ("l'Insee" / "Institut national de la
    statistique"), not carried over from earlier in the article."""
    if not (a.source and b.source) or "inherited" in (a.source_mode, b.source_mode):
        return False
    return a.source_key == b.source_key or same_source(a.source, b.source)


def _repeat_tie(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    if a.article_id != b.article_id and days_apart(a, b) > EQUAL_DAYS \
            and a.published and b.published:
        return False
    if not same_story(a, b, lexicon) or _distinct(a, b, lexicon):
        return False
    if len(significant_digits(a.value)) >= EQUAL_DIGITS:
        # "78 969" or "249,4 millions" given again in one story is that figure, however its
        # subject was read: the digits themselves tie the two reports.
        return True
    # Fewer digits: something positive must describe both alike. With two digits, or one for
    # an amount worth pairing by itself (a share, money, a count of a thousand or more), two
    # sentences about one thing, in one article or two (the headline, the lead and the body
    # repeat their figures, and so do two outlets' reports of one story); with two digits,
    # the same named source too ("16 communes" and "16 pompiers blessés" of one prefecture
    # are two figures).
    if bool(a.family and a.family == b.family) or bool(a.words & b.words):
        return True
    digits = len(significant_digits(a.value))
    if (digits < 2 and not _round_but_telling(a)) or _money_change_and_level(a, b):
        # Money given as a change on one side and as a level on the other ("augmentera de
        # 12 milliards" / "doit rapporter 12 milliards") needs a metric or a describing word
        # in common: the sentences of one budget share their rare words, a chancellor names
        # many amounts of one size the same day.
        return False
    if a.article_id == b.article_id and _round_but_telling(a) \
            and points_back(b if a.start < b.start else a, lexicon):
        # "Ces 60 milliards": the later figure points back at an amount already given (an
        # amount worth pairing by itself: "ces 15 dernières années" counts years).
        return True
    if sentences_related(dict(a.story_words), dict(b.story_words), lexicon.stories):
        # One amount stated again in sentences about one thing: "60 milliards d'euros" in the
        # lead, "ces 60 milliards" in the body; "une ligne de crédits de 60 milliards d'euros
        # ... pandémie ... Karlsruhe" in one outlet, "un reliquat de 60 milliards d'euros
        # ... Karlsruhe ... pandémie" in another. Their own sentences share rare words, not
        # only their articles: round figures too.
        return True
    if digits < 2:
        return False
    if _round_but_telling(a) and _named_source(a, b):
        return True
    # An amount of money or a count of a thousand or more with two significant digits
    # ("81 000", "9,3 milliards d'euros") given again in one story the same day.
    return (_round_but_telling(a) and not a.dimension.startswith(("share", "points"))
            and bool(a.published) and a.published == b.published)


def _money_change_and_level(a: ClaimView, b: ClaimView) -> bool:
    """Two amounts of money, one read as a change, the other as a level (a share or points
    given as a change in one place and bare in another meet as before: "a bondi de 21 %")."""
    return (a.dimension.startswith("money:")
            and a.dimension.endswith(CHANGE) != b.dimension.endswith(CHANGE))


def _distinct(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Something tells two equal figures apart: two known metric families of the lexicon
    ("10 morts et 10 blessés"), a scope difference (outcome, side, group, basis, place), two
    periods read from the text, a projection against an observation."""
    known = set(lexicon.family_nature)
    if a.family in known and b.family in known and a.family != b.family:
        return True
    if a.outcome and b.outcome and (a.outcome < b.outcome or b.outcome < a.outcome):
        # "au moins 36 morts et 85 blessés" gives both outcomes to each of its figures: the
        # toll restated alone ("36 morts") is not told apart by the outcome it lacks.
        b = replace(b, outcome=a.outcome)
    if scope_reasons(a, b, lexicon) or link_blockers(a, b, lexicon):
        return True
    if _rate_against_span(a, b) or _rate_against_span(b, a):
        return True
    telling = len(significant_digits(a.value)) >= EQUAL_DIGITS
    if a.modality != b.modality and not telling and not _modality_unknown(a, b):
        # "202 millions d'euros" planned in one report and spent in another: with three
        # significant digits or more, the digits say it is one amount, read once as a plan.
        return True
    if not (a.period[0] == b.period[0] == "explicit") or a.period == b.period:
        return False
    # Two periods read from the text: apart, unless distinctive digits are given for periods
    # that overlap (a running total "depuis le 1er janvier" read up to two publication days).
    return not (telling and _overlap(a.period, b.period))


def _rate_against_span(rate: ClaimView, other: ClaimView) -> bool:
    """An amount per period of time against an amount without one given for an explicit
    period longer than that period: "1,6 milliard d'euros par an en moyenne entre 2021 et
    2024" is a yearly rate, "la dette a progressé de 1,6 milliard entre 2021 et 2024" the
    whole span's amount; "25 milliards de livres par an" and "une augmentation de 25
    milliards" with no period read stay one amount."""
    per = _PER.search(rate.dimension)
    days = _PER_DAYS.get(per.group(0)[1:]) if per else None
    if days is None or _PER.search(other.dimension) or other.period[0] != "explicit":
        return False
    try:
        start, end = (date.fromisoformat(d[:10]) for d in other.period[1:3])
    except (TypeError, ValueError):
        return False
    return (end - start).days + 1 > days


def _modality_unknown(a: ClaimView, b: ClaimView) -> bool:
    """Whether two figures differ in modality is unknown: one is projected only by its date
    (a period after its article's publication: "annuler un vol sur cinq pour mardi" in
    Sunday's paper) and the other, observed, is in an article without a publication date,
    whose figures were never read against a day ("réduire de 20 % son programme mardi")."""
    projected, other = (a, b) if a.modality == "projected" else (b, a)
    return (projected.projected_by_date and other.modality == "observed"
            and not other.published)


def _overlap(pa: tuple[str, ...], pb: tuple[str, ...]) -> bool:
    """Two explicit periods ``("explicit", start, end)`` share at least one day (an open end
    reaches on)."""
    sa, ea = pa[1] or pa[2], pa[2] or "9999"
    sb, eb = pb[1] or pb[2], pb[2] or "9999"
    return bool(sa and sb) and sa <= eb and sb <= ea


#: Kinds of figures met by what they resolve to (identifiers: by their spelling).
#: Kinds of the figures ``restated_marks`` reads (the other rows are skipped).
MARK_KINDS = frozenset({"date", "time", "identifier", "ordinal"})
#: Dates resolved to a day or to a month of a year ("29 décembre 2024", "juin 2022").
_DATE_LENGTHS = (len("2024-12-29"), len("2024-12"))
_NEXT_WORD = regex.compile(r"\s+([\p{L}][\p{L}'’-]*)", regex.V1)


def _ordinal_key(row: dict) -> str:
    """An ordinal with the noun it ranks, as its sentence writes it ("troisième nuit",
    "deuxième année"): "" for a first ("le premier ministre", "pour la première fois" are in
    every story) or when the sentence does not say which noun follows."""
    surface, sentence = str(row.get("surface") or ""), str(row.get("sentence") or "")
    try:
        value = float(row.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
    if not surface or not value > 1:  # (a missing value, NaN, is not above 1 either)
        return ""
    nouns = set()
    for found in regex.finditer(regex.escape(surface), sentence):
        after = _NEXT_WORD.match(sentence, found.end())
        nouns.add(after.group(1).lower() if after else "")
    return f"{surface.lower()} {nouns.pop()}" if len(nouns) == 1 and "" not in nouns else ""


def restated_marks(claims: list[dict], views: list[ClaimView]
                   ) -> Iterator[tuple[dict, dict]]:
    """Pairs of figures that name one point in time or one thing, stated again in one
    article or one story (:mod:`factcheck.crossref.stories`): dates resolved to one day
    ("29 décembre 2024" / "dimanche 29 décembre") or to a month of a year ("juin 2022"),
    times ("vers 23h30" / "23h30"), identifiers written alike ("Boeing 737-800", "S18"),
    ordinals ranking one noun ("la troisième nuit" / "une troisième nuit de violences"). A
    date whose day or year was not resolved says too little; years ("2024") are in every
    article and tie nothing; so is a first ("premier"). Only ``same`` links come of it: no rule
    reads them (an ordinal's pair carries the words it met by as its ``resolved``)."""
    mates: dict[str, frozenset[str]] = {v.article_id: v.story for v in views}
    groups: dict[tuple[str, str], list[dict]] = {}
    yearless: list[dict] = []
    for row in claims:
        kind, resolved = str(row.get("kind") or ""), str(row.get("resolved") or "")
        if kind == "identifier":
            resolved = "".join(str(row.get("surface") or "").split()).lower()
        elif kind == "ordinal":
            resolved = _ordinal_key(row)
            row = {**row, "resolved": resolved}
        if kind == "date" and _YEARLESS.match(resolved) and _written_weekday(row) is not None:
            yearless.append(row)
        if kind not in MARK_KINDS or not resolved or resolved.startswith("-"):
            continue
        if kind == "date" and len(resolved) not in _DATE_LENGTHS:
            continue
        groups.setdefault((kind, resolved), []).append(row)
    for members in groups.values():
        if len(members) > MAX_REPEATS:
            continue
        members.sort(key=lambda r: (str(r["article_id"]), int(r["start"])))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                aid, bid = str(a["article_id"]), str(b["article_id"])
                if aid == bid or bid in mates.get(aid, frozenset()):
                    yield a, b
    yield from _weekday_dated(yearless, groups, mates)


#: A day resolved without its year ("--08-24": "samedi 24 août" in an undated article).
_YEARLESS = regex.compile(r"^--(\d{2})-(\d{2})$")


def _written_weekday(row: dict) -> int | None:
    """The weekday a date is written with ("samedi 24 août": 5), None without one."""
    return stated_weekday(str(row.get("surface") or ""))


def _weekday_dated(yearless: list[dict], groups: dict[tuple[str, str], list[dict]],
                   mates: dict[str, frozenset[str]]) -> Iterator[tuple[dict, dict]]:
    """A day written with its weekday and without its year ("samedi 24 août", in an article
    without a publication date) and the same day with its year in another article of its
    story ("24 août 2024"), when that year's day falls on the weekday written: the weekday
    names the year among those around, the story the event. A day without a weekday, or
    whose weekday is not that year's, says too little."""
    for row in yearless:
        month, day = (int(x) for x in _YEARLESS.match(str(row["resolved"])).groups())
        weekday, aid = _written_weekday(row), str(row["article_id"])
        for (kind, resolved), members in groups.items():
            if kind != "date" or len(resolved) != len("2024-12-29") \
                    or resolved[5:] != f"{month:02d}-{day:02d}" or len(members) > MAX_REPEATS:
                continue
            if date.fromisoformat(resolved).weekday() != weekday:
                continue
            for other in members:
                bid = str(other["article_id"])
                if bid != aid and bid in mates.get(aid, frozenset()):
                    yield other, row
