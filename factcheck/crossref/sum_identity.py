"""Whether a parts/total structure found in a sentence really is one: identity before accusation.

`structures.py` finds a figure followed by a cue and an enumeration; that shape also fits lists
that are not breakdowns. Before the sum is checked, these signs say the structure is not
established, and its status becomes ``uncertain`` (kept for display, never a ``sum_mismatch``):

* ``other_thing`` (asked by ``structures`` of a sum that does not hold, see
  :func:`other_thing`): a part whose counted thing is of another metric family than the
  total's ("400 élèves, dont 650 repas"), and nothing says it is a sub-category of it (an
  outcome within the total's, a population group of a count of people, a family the total's
  generic name covers, parts each at a place of its own, two parts or more each naming its
  component by a complement, crossref/sum_clauses.py): after "dont" or ":" the sentence
  may go on to something else, and such a sum accuses the article of nothing;
* ``alternatives``: two parts or more each over half the total ("25 millions de tonnes :
  25,17 Mt selon l'un, 25,6 Mt selon l'autre"; "12 400 habitants : 12 100 en 2015, 11 800 en
  2010"). Two parts of a whole cannot each be more than half of it: unless each is at a
  place of its own (a split by place, checked), these are competing estimates, or values of
  other dates, of the same quantity;
* ``competing_sources``: the parts are attributed to different sources (estimates side by side;
  when every part names its own source in its sentence, each a different one, they are rival
  counts of one fact and no structure at all, see :func:`rival_counts`);
* ``shares_of_answers``: shares of a counted population listed after ":" that add up to less
  than 100 % ("1 005 personnes interrogées : 34 % pour, 41 % contre"): the answers or
  categories left unlisted (no opinion, others) make the rest; more than 100 % stays checked;
* ``rates_of_subgroups``: a share "dont" a share naming a population of its own ("28 % des
  agents, dont 44 % des enseignants du primaire"): the rate of a subgroup, which may exceed
  the overall rate;
* ``groups_of_members``: a part counting groups of what the total counts ("9 000 policiers,
  dont 30 compagnies"; "40 000 personnes, à l'appel notamment de huit syndicats");
* ``compared_values``: a part set against the one before it ("contre", "au lieu de", "alors
  que" right before it: "75 % des trains vendredi, contre 50 % jeudi"), or shares of a whole
  each of a time of its own the total's period does not cover: one value at two moments or
  places, never two parts (parts of a 100 % whole are of one time);
* ``other_period``: the total is dated and a part read in a later sentence or line is not
  established to be of its time: dated before it, or with no date of its own ("cinq médailles en
  1960. Depuis, des succès, notamment à Atlanta (15 médailles d'or)");
* ``taken_up``: parts that do not hold, listed in the next sentence with nothing but a
  pronoun taking up the total's noun ("140 interventions. L'Espagne en compte 60, l'Italie 50
  et le Portugal 40"): figures of other places or actors, maybe, not its pieces (given by
  ``structures`` for a sum that does not hold, crossref/sum_lists.py).
"""

from __future__ import annotations

from typing import Protocol

import regex

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.scope import place_key
from factcheck.crossref.sum_clauses import components_of, net_components
from factcheck.crossref.sum_groups import group_part, split_category

#: A part over this fraction of its total is "of the order of the total": two such parts cannot
#: both be parts of it (their sum alone exceeds it), so the list gives alternatives.
ALTERNATIVE_SHARE = 0.5
#: How many parts of the order of the total make a list of alternatives.
MIN_ALTERNATIVES = 2
#: Every reason :func:`unestablished` gives (each has its ``sum_uncertain_<reason>`` text).
REASONS = ("other_thing", "compared_values", "alternatives", "competing_sources",
           "shares_of_answers", "rates_of_subgroups", "groups_of_members", "other_period",
           "taken_up")
#: Where the words right after a figure stop describing it.
_DESCRIPTION_END = regex.compile(r"[,;.!?(]| et ", regex.V1)


class Sentence(Protocol):
    """A sentence with its figures (``structures._Sentence``)."""

    start: int
    text: str
    members: tuple[ClaimView, ...]


def unestablished(total: ClaimView, parts: list[ClaimView], mode: str, ps: Sentence,
                  ts: Sentence, lexicon: Lexicon) -> str | None:
    """Why ``parts`` (of sentence ``ps``) are not established as parts of ``total`` (of
    sentence ``ts``): a reason key, or None."""
    places = [_located(p, ps, lexicon) for p in parts]
    bases = [_own_base(p, total, ps, ts, lexicon) for p in parts]
    shares_of_whole = parts[0].dimension == "share" and total.dimension != "share"
    if len(parts) >= 2 and (_compared(parts, ps, lexicon)
                            or (shares_of_whole and _own_times(total, parts))):
        return "compared_values"
    if not shares_of_whole and total.lo > 0 and len(parts) >= MIN_ALTERNATIVES:
        large = [i for i, p in enumerate(parts) if p.lo > ALTERNATIVE_SHARE * total.hi]
        located = {places[i] for i in large if places[i]}
        # Parts at as many places ("dont 25 à Lyon et 30 à Grenoble" of 40) split the total
        # by place: the sum is checked. Estimates and dates of one total have no place each.
        if len(large) >= MIN_ALTERNATIVES and len(located) < len(large):
            return "alternatives"
    if len(parts) >= 2 and len(set(_named_sources(parts))) >= 2:
        return "competing_sources"
    if shares_of_whole and mode == "exhaustive" and sum(p.hi for p in parts) < 100:
        return "shares_of_answers"
    if total.dimension == "share" and all(p.dimension == "share" for p in parts) \
            and mode != "exhaustive" and any(
                base or (p.subject and total.subject and p.subject != total.subject)
                for p, base in zip(parts, bases, strict=True)):
        return "rates_of_subgroups"
    groups = lexicon.group_nouns
    if total.subject and lemma(total.subject) not in groups \
            and any(lemma(p.subject) in groups for p in parts if p.subject):
        return "groups_of_members"
    back = lexicon.back_partial is not None and lexicon.back_partial.match(ps.text)
    if ps is not ts and not back and any(not _same_time(total, p) for p in parts):
        return "other_period"
    return None


def other_thing(total: ClaimView, parts: list[ClaimView], ps: Sentence,
                lexicon: Lexicon) -> bool:
    """Whether some part counts another thing than ``total`` (reason ``other_thing``, asked of
    a sum that does not hold only: a sum that holds accuses nothing, and after "dont" a part
    often names a sub-category in a noun of its own, "309 personnes interpellées, dont 134
    placées en garde à vue"). Parts each at a place of its own ("dont 180 000 abonnés en
    Bretagne, 90 000 en Normandie") split the total by place, whatever noun they name."""
    places = [_located(p, ps, lexicon) for p in parts]
    if len(parts) >= 2 and all(places) and len(set(places)) == len(places):
        return False
    if net_components(total, parts, ps):
        return True  # "un bénéfice de 45 M€, dont 60 M€ de plus-values" (sum_clauses.py)
    if components_of(total, parts, ps):
        return False  # "45 M€, dont 38 M€ de part fixe et 9 M€ de bonus" (sum_clauses.py)
    return any(_other_thing(total, p, lexicon) for p in parts)


def _other_thing(total: ClaimView, part: ClaimView, lexicon: Lexicon) -> bool:
    """Whether ``part`` counts another thing than ``total``: both subjects of a known family,
    two families, and nothing makes the part a sub-category: neither an outcome its subject
    names within the total's ("pertes, dont 7 000 tués"), a population group of a count of
    people ("civils, dont 659 enfants"), nor the total's generic name covering the part's
    family (``[metric_names.families]``: "personnes, dont 12 morts")."""
    tf, pf = total.subject_family, part.subject_family
    if not (tf and pf) or tf == pf:
        return False
    if part.dimension == "share" and total.dimension != "share":
        return False  # "80 000 spectateurs, dont 55 % de femmes": a share of the total itself
    # What the subjects themselves say happened ("12 000 pertes, dont 7 000 tués"): an outcome
    # the total's covers. (Not the outcome cues of the sentence: each is given to the nearest
    # figure of every family, so a part of another thing gets the total's word too.)
    po = {name for *_, name in lexicon.outcome.find(part.subject)}
    to = {name for *_, name in lexicon.outcome.find(total.subject)}
    if po and to and po != to and po <= covered_outcomes(frozenset(to)):
        return False
    if group_part(part, total):
        return False  # "1 200 élèves, soit 650 filles et 550 garçons": split by sex
    if split_category(part, total):
        return False  # "740 détenus, dont 512 prévenus": a category of the population
    if _counts_people(total, lexicon) and lemma(part.subject) in _group_lemmas(lexicon):
        return False  # "12 164 civils tués, dont 659 enfants": a group of the people counted
    name = lexicon.metric_names.get(lemma(total.subject))
    return not (name and lexicon.metric_families.get(pf) == name)


def _counts_people(total: ClaimView, lexicon: Lexicon) -> bool:
    """A count of people: a generic subject ("personnes") or a family a generic name covers
    (``[metric_names.families]``: civils, morts, manifestants...)."""
    return lemma(total.subject) in lexicon.generic_subjects \
        or (total.subject_family or "") in lexicon.metric_families


def _group_lemmas(lexicon: Lexicon) -> frozenset[str]:
    """The population groups of ``[scope.population]`` as subject lemmas ("enfant")."""
    return frozenset(lemma(g) for g in lexicon.population.groups)


def covered_outcomes(outcome: frozenset[str]) -> frozenset[str]:
    """Outcomes a total covers: losses ("pertes") cover the killed, wounded and missing."""
    covered = set(outcome)
    if "lost" in outcome:
        covered |= {"killed", "wounded", "missing"}
    if "launched" in outcome:  # drones launched: shot down, lost, or on target
        covered |= {"downed", "lost"}
    return frozenset(covered)


def _compared(parts: list[ClaimView], s: Sentence, lexicon: Lexicon) -> bool:
    """Whether a part is set against the one before it: a cue of ``[structure] alternatives``
    ("contre", "au lieu de") right before it ("75 % vendredi, contre 50 % jeudi"), no
    separator between them ("38 % contre et 10 % sans opinion": the answer, then a part)."""
    for p in parts[:-1]:
        gap = _after(p, s)
        cues = list(lexicon.sum_alternatives.finditer(gap))
        rest = gap[cues[-1].end():] if cues else ""
        if cues and len(rest) <= lexicon.comparison_reach \
                and not lexicon.separators.search(rest):
            return True
    return False


def _own_times(total: ClaimView, parts: list[ClaimView]) -> bool:
    """Whether shares of a whole are dated each at a time of its own (two dates or more) that
    the total's own period does not cover: a rate on two days is no split of one whole ("75 %
    vendredi, 50 % jeudi"); "60 % au premier semestre, 40 % au second" of a year's sales is."""
    spans = {(p.period[1], p.period[2] or p.period[1]) for p in parts
             if p.period[0] == "explicit" and len(p.period) > 2}
    if len(spans) < 2:
        return False
    if total.period[0] != "explicit" or len(total.period) < 3:
        return True
    t_start, t_end = total.period[1], total.period[2] or total.period[1]
    return not all(t_start and t_start <= start and end <= t_end for start, end in spans)


def _same_time(total: ClaimView, part: ClaimView) -> bool:
    """Whether ``part``, in a sentence after the one of a dated ``total``, may be of its time:
    dated, and not before it. (In the total's own sentence the dates read for a part may come
    from an aside, "350 cas (contre 966 en 2018), dont 100": no sentence of its own, no doubt.)"""
    if total.period[0] != "explicit":
        return True
    if part.period[0] != "explicit":
        return False
    # Only a part dated before its total's time is out of it: a total's date may be the start
    # of a running count ("plus de 300 000 depuis son ouverture en 2018").
    t_start = total.period[1]
    p_start = part.period[1] or (part.period[2] if len(part.period) > 2 else "")
    # ... and one dated after a closed period of the total ("cinq médailles en 1960", then
    # "à Atlanta 1996 (15 médailles d'or)"): a running count has no such end before it.
    t_end = total.period[2] if len(total.period) > 2 else ""
    if t_start and t_end and p_start and t_end < p_start:
        return False
    return not t_start or not p_start or t_start <= p_start


def _located(part: ClaimView, s: Sentence, lexicon: Lexicon) -> str:
    """The known place right after ``part``, before the next figure ("25 à Lyon"), or ""."""
    rest = _after(part, s)
    cut = _DESCRIPTION_END.search(rest)
    found = lexicon.locative.search(rest[: cut.start()] if cut else rest)
    return place_key(found.group("place"), lexicon) if found else ""


def _base(v: ClaimView, s: Sentence, lexicon: Lexicon) -> str:
    """The population a share is taken of, as written after it ("des techniciens de
    maintenance" of "47 % des techniciens de maintenance"), or ""."""
    if v.dimension != "share" or all(m.claim_id != v.claim_id for m in s.members):
        return ""
    rest = _after(v, s)
    found = lexicon.share_base.match(rest)
    if not found:
        return ""
    cut = _DESCRIPTION_END.search(rest, found.end())
    return " ".join((rest[: cut.start()] if cut else rest).lower().split())


def _own_base(part: ClaimView, total: ClaimView, ps: Sentence, ts: Sentence,
              lexicon: Lexicon) -> bool:
    """A share of a population other than its total's: "26 % des techniciens, dont 47 % des
    techniciens de maintenance" (not "30 % du PIB, dont 10 % du PIB vers l'UE")."""
    base = _base(part, ps, lexicon)
    return bool(base) and base != _base(total, ts, lexicon)


def _after(v: ClaimView, s: Sentence) -> str:
    """The text of ``s`` from the end of ``v`` to the next figure."""
    idx = position(s, v)
    end = s.members[idx + 1].start - s.start if idx + 1 < len(s.members) else len(s.text)
    return s.text[v.end - s.start : end]


def position(s: Sentence, v: ClaimView) -> int:
    """Index of ``v`` among the figures of ``s``, by claim (a part may be read with the unit of
    its total, :mod:`factcheck.crossref.sum_elision`, and so differ from the sentence's view)."""
    return next(i for i, m in enumerate(s.members) if m.claim_id == v.claim_id)


def rival_counts(parts: list[ClaimView]) -> bool:
    """Whether every part names its own source in its sentence, each a different one ("26,3 Mt
    [...] : 25,17 Mt pour Argus Media, 25,6 Mt pour Stratégie Grains"): rival counts of one fact
    (sources that disagree), no breakdown, so no structure is kept."""
    keys = _named_sources(parts)
    return len(parts) >= 2 and len(keys) == len(parts) and len(set(keys)) == len(keys)


def _named_sources(parts: list[ClaimView]) -> list[str]:
    """The sources the parts name in their own sentences (carried-over ones left out)."""
    return [p.source_key for p in parts if p.source_mode == "explicit" and p.source_key]
