"""Two readings of a total's neighbourhood for :mod:`factcheck.crossref.structures`, from
``[structure]`` of ``lang/<code>/crossref.toml``:

- groups that together make up any count of people (``complementary_groups``: girls and boys,
  women and men): such a group may be a part of a count whatever its noun (:func:`group_part`),
  two groups of one set may follow each other in a list, and a list naming exactly the groups
  of one set is a complete breakdown (:func:`complete_split`), even after "soit", which
  otherwise restates the figure before ("1 200 élèves, soit 650 filles et 550 garçons");
- categories that split one population one way, a list seldom naming them all
  (``category_splits``: detainees awaiting trial or convicted, people killed on the roads by
  how they travelled): two counts of one set may follow each other in a list
  (:func:`same_split`), and each is a part of a count of its population
  (:func:`split_category`), never a complete breakdown;
- a duration right after a total, joined by a word of ``span_links`` ("45 millions d'euros sur
  trois ans, répartis entre ..."), is the total's own span, not the first of its parts: the
  list starts after it (:func:`first_part`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from factcheck.crossref.cue_words import lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.sum_sentences import Sentence, between
from factcheck.lang import load_data

COUNT = "count"
DURATION = "duration"


@dataclass(frozen=True, slots=True)
class GroupCues:
    sets: tuple[frozenset[str], ...]  # lemmas of groups that make up a whole together
    #: (population, categories splitting it), subject lemmas
    categories: tuple[tuple[frozenset[str], frozenset[str]], ...]
    span: regex.Pattern[str]  # the whole text between a total and a duration of its span
    time_frames: frozenset[str]  # lemmas of time frames ("nuit", "journée")
    no_people: frozenset[str]  # lemmas of counts that number no people: time frames, acts
    #: a complement's preposition ending the text before a figure ("lors de", "en")
    opener: regex.Pattern[str]


@cache
def group_cues(code: str = "fr") -> GroupCues:
    data = load_data(code, "crossref").get("structure", {})
    sets = tuple(frozenset(lemma(w) for w in group)
                 for group in data.get("complementary_groups", ()))
    categories = tuple((frozenset(lemma(w) for w in split.get("population", ())),
                        frozenset(lemma(w) for w in split.get("categories", ())))
                       for split in data.get("category_splits", ()))
    links = "|".join(regex.escape(w) for w in data.get("span_links", ()))
    span = regex.compile(rf"\s*(?:{links})\s*" if links else r"(?!)", regex.V1 | regex.I)
    frames = frozenset(lemma(w) for w in data.get("time_frames", ()))
    acts = frozenset(lemma(w) for w in data.get("acts", ()))
    openers = "|".join(regex.escape(w) for w in sorted(data.get("complement_openers", ()),
                                                       key=len, reverse=True))
    opener = regex.compile(rf"(?<![\p{{L}}'’])(?:{openers})\s*$" if openers else r"(?!)",
                           regex.V1 | regex.I)
    return GroupCues(sets, categories, span, frames, frames | acts, opener)


def _group(v: ClaimView) -> frozenset[str] | None:
    word = lemma(v.subject) if v.subject else ""
    return next((g for g in group_cues().sets if word in g), None)


def counts_no_people(v: ClaimView) -> bool:
    """A count of time frames or of acts ("trois nuits", "onze opérations"): no people."""
    return bool(v.subject) and lemma(v.subject) in group_cues().no_people


def time_frame(v: ClaimView) -> bool:
    """A count of time frames ("trois nuits", "deux journées")."""
    return bool(v.subject) and lemma(v.subject) in group_cues().time_frames


def group_part(part: ClaimView, total: ClaimView) -> bool:
    """A count of one group of people ("650 filles") beside a count of something else that is
    no such group itself ("1 200 élèves") and numbers people (not "onze opérations", "trois
    nuits"): a possible part of it."""
    return part.dimension == COUNT == total.dimension and _group(part) is not None \
        and _group(total) is None and not counts_no_people(total)


def same_split(a: ClaimView, b: ClaimView) -> bool:
    """Two counts of groups of one set ("650 filles", "550 garçons"), or of two categories
    that split one population ("512 prévenus", "261 condamnés")."""
    if not a.dimension == COUNT == b.dimension:
        return False
    ga = _group(a)
    if ga is not None and ga == _group(b):
        return True
    wa, wb = (lemma(v.subject) if v.subject else "" for v in (a, b))
    return any(wa in cats and wb in cats for _, cats in group_cues().categories)


def split_category(part: ClaimView, total: ClaimView) -> bool:
    """A count of a category ("512 prévenus") of a count of the population its set splits
    ("740 détenus"): a part of it, whatever their families."""
    if not part.dimension == COUNT == total.dimension or not part.subject or not total.subject:
        return False
    wp, wt = lemma(part.subject), lemma(total.subject)
    return any(wp in cats and wt in whole for whole, cats in group_cues().categories)


def complete_split(total: ClaimView, parts: list[ClaimView]) -> bool:
    """The parts name each group of one set once, and no other thing: all of the total."""
    if len(parts) < 2 or not all(group_part(p, total) for p in parts):
        return False
    names = [lemma(p.subject) for p in parts]
    found = _group(parts[0])
    return len(set(names)) == len(names) and found is not None and set(names) == found


def first_part(s: Sentence, j: int) -> int:
    """Index of the figure of ``s`` that may open the list of parts of figure ``j``: the next
    one, or the one after it when the next is a duration of the total's span."""
    members = s.members
    if j + 2 < len(members) and members[j + 1].dimension == DURATION \
            and members[j].dimension != DURATION \
            and group_cues().span.fullmatch(between(s, members[j], members[j + 1])):
        return j + 2
    return j + 1
