"""Pairwise judgement: are two figures the same, compatible, an evolution, a contradiction, or
about different things? Which pairs to judge at all (series within blocks) is
:mod:`factcheck.crossref.pairs` (its :func:`candidate_pairs` is given here too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from factcheck.crossref.answers import answers
from factcheck.crossref.bodies import two_bodies
from factcheck.crossref.compared_terms import terms_tied
from factcheck.crossref.comparisons import compared
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.explain import amount, bounds, quote
from factcheck.crossref.identity import Identity, identity
from factcheck.crossref.link_identity import TOLL_UPDATES, link_blockers, running_toll
from factcheck.crossref.matching import (
    ClaimView,
    midpoint,
    precision,
    same_story,
    significant_digits,
)
from factcheck.crossref.pairs import candidate_pairs, noun_restated
from factcheck.crossref.place_names import place_name, place_names
from factcheck.crossref.rivals import distinct_sources
from factcheck.crossref.scope import qualifier_gaps, qualifier_values
from factcheck.crossref.series import other_holder, periods_apart, series_blockers
from factcheck.crossref.slips import swapped_digits
from factcheck.crossref.slips import typing_slip as _typo
from factcheck.crossref.taken_up import taken_up
from factcheck.crossref.word_forms import forms, subject_named

#: Figures more than this ratio apart are not worth a different_scope link.
SCOPE_RATIO = 10.0
#: Same digits a power of 1000 apart, published within this many days: one figure misscaled.
SLIP_DAYS = 7
#: Two figures of one family more than this ratio apart are one series at two dates only when
#: something besides the family ties them (:func:`series_tie`): a city and the country, a
#: week and a year, a category and the total are more often what such a gap means.
EVOLUTION_RATIO = 3.0
#: Significant digits from which one value stated twice is one figure whatever its role.
DISTINCTIVE_DIGITS = 3
RELATIONS = ("same", "compatible", "evolution", "contradiction", "different_scope")
__all__ = ["RELATIONS", "Judged", "candidate_pairs", "cross_ok", "judge", "ratio",
           "scope_reasons", "series_blockers", "value_relation"]


@dataclass(frozen=True, slots=True)
class Judged:
    a: ClaimView  # the earlier figure (by period, then article and offset)
    b: ClaimView
    relation: str
    explanation: str
    #: For contradictions: the evidence that the two figures report one fact.
    identity: Identity | None = None

    @property
    def confidence(self) -> float:
        return self.identity.confidence if self.identity is not None else 0.0

    @property
    def established(self) -> bool:
        """Identity before accusation: the evidence ties the two figures to one fact."""
        return self.identity is not None and self.identity.established


def value_relation(a: ClaimView, b: ClaimView) -> str:
    """"same", "compatible" (intervals meet) or "incompatible"."""
    if (a.lo >= b.hi or b.lo >= a.hi) and not (a.lo == a.hi == b.lo == b.hi):
        return "incompatible"  # intervals that only touch (45,5 | 45,5) are two figures
    if a.exact and b.exact and a.value is not None and b.value is not None:
        tol = min(precision(a.value), precision(b.value))
        if abs(a.value - b.value) <= tol:
            return "same"
    if a.approx == b.approx and a.value == b.value and (a.lo, a.hi) == (b.lo, b.hi):
        return "same"
    return "compatible"


def ratio(a: ClaimView, b: ClaimView) -> float:
    ma, mb = midpoint(a), midpoint(b)
    if not ma or not mb:
        return float("inf")
    return max(ma, mb) / min(ma, mb)


def thousand_slip(a: ClaimView, b: ClaimView) -> bool:
    """Same significant digits, a power of 1000 apart: "169,6 milliards" / "169,6 millions"."""
    if a.value is None or b.value is None or not significant_digits(a.value):
        return False
    if significant_digits(a.value) != significant_digits(b.value):
        return False
    r = ratio(a, b)
    return any(abs(r / 1000**k - 1) < 1e-6 for k in (1, 2, 3))


def days_apart(a: ClaimView, b: ClaimView) -> float:
    try:
        return abs((date.fromisoformat(a.published) - date.fromisoformat(b.published)).days)
    except ValueError:
        return float("inf")


def scope_reasons(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> list[str]:
    """Why two figures of one family measure different things (empty: nothing says so)."""
    reasons = []
    if a.outcome and b.outcome and a.outcome != b.outcome:
        def show(o: frozenset[str]) -> str:
            return ", ".join(lexicon.outcome_labels.get(x, x) for x in sorted(o))
        reasons.append(lexicon.say("scope_outcome", a=show(a.outcome), b=show(b.outcome)))
    if a.side and b.side and a.side != b.side:
        reasons.append(lexicon.say("scope_side", a=lexicon.side_labels.get(a.side, a.side),
                                   b=lexicon.side_labels.get(b.side, b.side)))
    if a.population != b.population:
        # A group against everyone too: "chez les 15-24 ans" is not the whole population.
        def group(p: frozenset[str]) -> str:
            return ", ".join(sorted(p)) or lexicon.population_all
        reasons.append(lexicon.say("scope_population", a=group(a.population),
                                   b=group(b.population)))
    if not (a.outcome and b.outcome and a.outcome != b.outcome):  # (said once is enough)
        for kind in qualifier_gaps(a.qualifiers, b.qualifiers)[0]:  # "hospitalisés"/"réa"
            reasons.append(lexicon.say("scope_qualifier", kind=kind,
                                       a=qualifier_values(a.qualifiers, kind),
                                       b=qualifier_values(b.qualifiers, kind)))
    if a.basis and b.basis and a.basis != b.basis:
        # "+0,4 % sur un mois" and "+3,2 % sur un an" are two metrics.
        reasons.append(lexicon.say("scope_basis", a=a.basis, b=b.basis))
    # "1,12 million, dont 80 000 à Paris": the whole's place is unknown, not its part's.
    pa, pb = a.own_places, b.own_places
    if pa and pb and not pa & pb:
        reasons.append(lexicon.say("scope_place", a=place_names(pa), b=place_names(pb)))
    elif not (a.place or a.places or b.place or b.places) and a.article_place \
            and b.article_place \
            and a.article_place != b.article_place:
        # Neither sentence names a place, and each article is placed by its own text
        # (dateline, headline, the lead's scene) elsewhere: "Lyon : les mises en chantier
        # repartent" / "Marseille : ...", one sentence each, two cities' figures. The
        # article's place never ties two figures; known apart, it tells them apart.
        reasons.append(lexicon.say("scope_article_place", a=place_name(a.article_place),
                                   b=place_name(b.article_place)))
    bodies = two_bodies(a, b, lexicon)  # "Orange" / "Orange France"
    if bodies:
        reasons.append(lexicon.say("scope_body", a=bodies[0], b=bodies[1]))
    return reasons


def described_alike(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Something besides the subject describes two figures of one family alike: a word in
    common around them (or in their sentences). Two figures of one sentence that no word of
    their own describes ("la CGT annonce 700 000 manifestants, ils étaient 81 000 selon la
    préfecture") are described by that sentence, the same for both: the words it lends each
    differ only by the other's source, which describes nothing. Words that differ only in
    form ("estimé" / "estime") are one, and so is one figure's subject named as the other's
    complement ("homicides" / "victimes d'homicide"): :mod:`factcheck.crossref.word_forms`."""
    if not (a.words or b.words) and _same_sentence(a, b):
        return True
    if answers(a, b):
        return True  # "La CGT, elle, en a compté 25 000": counted as the sentence before
    if taken_up(a, b, lexicon):
        return True  # "118 300 demandeurs [...]. Ces 113 800 demandeurs": one count again
    wa, wb = (a.words or a.sentence_words), (b.words or b.sentence_words)
    if wa & wb:
        return True
    if not lexicon.form_endings:
        return False
    endings, kept = lexicon.form_endings, lexicon.form_kept
    return bool(forms(wa, endings, kept) & forms(wb, endings, kept)) \
        or subject_named(a, b, lexicon)


def _same_sentence(a: ClaimView, b: ClaimView) -> bool:
    return (a.article_id == b.article_id and a.sentence_start == b.sentence_start
            and a.sentence == b.sentence)


def cross_ok(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Figures of two articles meet only when the articles are one story
    (:mod:`factcheck.crossref.stories`). Parts of a total only meet parts about the same
    place, in another article, or a figure stating the same distinctive digits (in the same
    article too: the part given again). Figures of one sentence meet only when each is attributed to
    its own source ("195 000 selon la police, 600 000 selon la CGT")."""
    if a.article_id == b.article_id:
        if _same_sentence(a, b) and not distinct_sources(a, b):
            return False
        # A part given again further down with the same distinctive digits ("dont 18 412 à
        # l'hôpital", then "18 412 décès à l'hôpital" in a closing tally) is that part.
        return (a.role != "part" and b.role != "part") or _same_digits_restated(a, b)
    if not same_story(a, b, lexicon):
        return False  # two articles about two stories: nothing to compare
    if a.role == "part" or b.role == "part":
        # A part stated again with the same distinctive digits ("dont 1 266 cas confirmés",
        # then "1 266 cas" elsewhere) is that part: equal values accuse nothing.
        return ((bool(a.place) and a.place == b.place) or _same_digits_restated(a, b)
                or noun_restated(a, b))
    return True


def _same_digits_restated(a: ClaimView, b: ClaimView) -> bool:
    return (a.value is not None and a.value == b.value
            and len(significant_digits(a.value)) >= DISTINCTIVE_DIGITS)


def judge(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> Judged | None:
    """The relation between two figures of one block, or None when they are not comparable."""
    if compared(a, b):
        return _compared(a, b, lexicon)
    if not cross_ok(a, b, lexicon):
        return None
    judged = _judge(a, b, lexicon)
    if judged is not None and judged.relation != "contradiction" and _same_sentence(a, b):
        return None  # one sentence: only two sources at odds are worth a link
    return judged


def _judge(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> Judged | None:
    if (a.period_sort, a.article_id, a.start) > (b.period_sort, b.article_id, b.start):
        a, b = b, a
    same_article = a.article_id == b.article_id
    qa, qb = quote(a, lexicon), quote(b, lexicon)
    vr = value_relation(a, b)
    reasons = scope_reasons(a, b, lexicon)
    # Two terms of comparison standing the same way before bases of one fact ("le mois
    # précédent" the 1st of August, "en août"): one period (crossref/compared_terms.py).
    terms = terms_tied(a, b)
    same_period = a.period == b.period or terms
    slip = bool(a.family and b.family and thousand_slip(a, b) and days_apart(a, b) <= SLIP_DAYS)
    # A projection is not contradicted by an observation (two projections may contradict).
    projected = "projected" in (a.modality, b.modality) and a.modality != b.modality
    if reasons or (projected and vr == "incompatible" and not slip):
        if projected:
            reasons.append(lexicon.say("scope_projected"))
        if same_article or ratio(a, b) > SCOPE_RATIO:
            return None
        return Judged(a, b, "different_scope",
                      lexicon.say("link_scope", a=qa, b=qb, reasons="; ".join(reasons)))
    event = ("event" in (a.nature, b.nature) or (not a.nature and not b.nature
                                                   and (a.event or b.event))) \
        and not (a.cumulative or b.cumulative)
    if vr != "incompatible":
        if vr == "compatible" and ratio(a, b) > SCOPE_RATIO:
            # "plus de 100" is met by 20 000 only as a bound: a figure ten times a bound does
            # not state it again.
            return None
        withheld = link_blockers(a, b, lexicon)
        if withheld == [TOLL_UPDATES]:
            # Two days' reports of a toll, a bound meeting the later value: two updates.
            return _toll_update(a, b, qa, qb, lexicon)
        if withheld:
            return None  # two counters, two events, or one event not established
        # Equal figures at two dates: the same amount reported again (or a stable count).
        key = "link_same" if vr == "same" else "link_compatible"
        return Judged(a, b, vr, lexicon.say(key, a=qa, b=qb, value=amount(a.value or 0, a, lexicon),
                                            a_bounds=bounds(a, lexicon),
                                            b_bounds=bounds(b, lexicon)))
    if (not same_article and not _typo(a, b) and (_toll(a, lexicon) or _toll(b, lexicon))
            and not (distinct_sources(a, b) and a.published == b.published)):
        # Tolls are updated through the day and the days after: two articles, two updates
        # (unless the digits show a typing slip: 35/53, 43 000/430 000).
        return _toll_update(a, b, qa, qb, lexicon)
    if same_period:
        if a.revision != b.revision:
            # "Provisoire" then "définitif": one fact revised, only when the evidence ties the
            # two figures to one fact (a cue word somewhere in a sentence is not that).
            if not identity(a, b, lexicon).established or ratio(a, b) > SCOPE_RATIO:
                return None
            return Judged(a, b, "evolution", lexicon.say("link_revision", a=qa, b=qb))
        if not (a.family and b.family):
            return None  # no known metric: two different figures are not a contradiction
        if not slip and not terms and not described_alike(a, b, lexicon):
            # Nothing but the subject describes both alike: "a obtenu 182 sièges" and "la
            # majorité absolue est fixée à 289 sièges" are two metrics, not a contradiction.
            # (Two tied terms are described by their bases, one value of one metric.)
            return None
        if event and not same_article and not _same_event(a, b):
            return None  # two strikes the same day: nothing says they are one event
        return _accuse(a, b, qa, qb, lexicon, slip)
    if slip:
        # Same digits a power of 1000 apart within days: one figure with a scale slip, even
        # when the two periods were read differently ("en 2024" and "l'an dernier").
        return _accuse(a, b, qa, qb, lexicon, slip)
    if swapped_digits(a, b):
        # "48 212" / "42 812" spectators of one match, one dated by its sentence, the other by
        # its article: one figure typed two ways, not a change (crossref/slips.py).
        return _accuse(a, b, qa, qb, lexicon, slip)
    if event:
        return None if same_article else _distinct_events(a, b, qa, qb, lexicon)
    if not (a.family and b.family) or not _one_series(a, b):
        return None  # no known metric, or too far apart to be one series
    if series_blockers(a, b, lexicon):
        return None  # nothing establishes one series at two dates (series.series_blockers)
    return Judged(a, b, "evolution", lexicon.say("link_evolution", a=qa, b=qb))


def _toll_update(a: ClaimView, b: ClaimView, qa: str, qb: str, lexicon: Lexicon) -> Judged | None:
    """Two reports of one toll as two of its updates, when they may be one series. A toll
    whose own text dates it well before the other ("l'an dernier, 23 morts", "en 2023, la
    catastrophe avait fait 53 morts") is another event's, recalled: not an update."""
    if not (a.family and b.family) or not _one_series(a, b) or periods_apart(a, b):
        return None
    if set(series_blockers(a, b, lexicon)) - {"one date", "order"}:
        return None  # (two reports of a toll the same day are two of its updates)
    return Judged(a, b, "evolution", lexicon.say("link_toll_update", a=qa, b=qb))


def _compared(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> Judged | None:
    """Two figures of one sentence set against each other ("contre", "vs"): one series at two
    dates, the figure after the cue the earlier one; nothing when their scopes differ, or
    when the term names a place of its own that its base has not ("8,9 millions de visiteurs
    au musée, contre 8,4 millions pour le château de Versailles"): two places compared, not
    one place at two dates."""
    if scope_reasons(a, b, lexicon):
        return None
    term, base = (a, b) if a.compared_to == b.claim_id else (b, a)
    if term.compared_to == base.claim_id and term.place and not base.place:
        return None
    if term.compared_to == base.claim_id and other_holder(term, lexicon):
        return None  # "52 % des voix, contre 48 % pour son adversaire": two holders
    earlier, later = (b, a) if a.start < b.start else (a, b)
    return Judged(earlier, later, "evolution", lexicon.say(
        "link_evolution", a=quote(earlier, lexicon), b=quote(later, lexicon)))


def _one_series(a: ClaimView, b: ClaimView) -> bool:
    """Two figures of one family may be one series at two dates: within EVOLUTION_RATIO of
    each other, or up to SCOPE_RATIO apart when something besides the family ties them."""
    r = ratio(a, b)
    return r <= EVOLUTION_RATIO or (r <= SCOPE_RATIO and series_tie(a, b))


def series_tie(a: ClaimView, b: ClaimView) -> bool:
    """Something read on both figures, besides their family, says which count they give:
    the same source named with each, or the same known place. Unknown on one side ties
    nothing, and neither does what many counts of one story share: an outcome ("deux
    pompiers blessés hospitalisés" and "16 pompiers blessés"), a describing word."""
    if (a.source_key and a.source_key == b.source_key
            and "inherited" not in (a.source_mode, b.source_mode)):
        return True
    pa = {a.place} if a.place else a.places
    pb = {b.place} if b.place else b.places
    return bool(pa & pb)


def _toll(v: ClaimView, lexicon: Lexicon) -> bool:
    """A toll (dead, injured, missing, or a figure given as a "bilan"): a running count."""
    return running_toll(v, lexicon)


def _accuse(a: ClaimView, b: ClaimView, qa: str, qb: str, lexicon: Lexicon,
            slip: bool) -> Judged | None:
    """A contradiction (or two named sources at odds, rule ``sources_disagree``), only when
    the evidence establishes that the two figures report one fact
    (:func:`factcheck.crossref.identity.identity`); else no link."""
    distinctive = len(significant_digits(a.value)) >= 2
    found = identity(a, b, lexicon, same_digits=(slip and distinctive) or _typo(a, b))
    if not found.established:
        return None  # two sources at odds are shown only on one established fact too
    return Judged(a, b, "contradiction",
                  lexicon.say("link_contradiction", a=qa, b=qb, evidence=found.summary(),
                              a_bounds=bounds(a, lexicon), b_bounds=bounds(b, lexicon)),
                  found)


def _same_event(a: ClaimView, b: ClaimView) -> bool:
    """One-off amounts of one day are one event only if something ties them: the same source,
    the same known place, or the same explicit dates."""
    if a.source_key and a.source_key == b.source_key:
        return True
    pa = {a.place} if a.place else a.places
    pb = {b.place} if b.place else b.places
    if pa and pa == pb:
        return True
    return a.period[0] == "explicit" and a.period == b.period


def _distinct_events(a: ClaimView, b: ClaimView, qa: str, qb: str,
                     lexicon: Lexicon) -> Judged | None:
    if ratio(a, b) > SCOPE_RATIO:
        return None
    reason = lexicon.say("scope_event", a=a.period_sort, b=b.period_sort)
    return Judged(a, b, "different_scope", lexicon.say("link_scope", a=qa, b=qb, reasons=reason))
