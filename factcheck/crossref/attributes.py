"""An attribute of a named person stated again across one story: "la mort de Nahel, 17 ans"
in one outlet and "Nahel, 17 ans, tué lors d'un contrôle" in another. An age is no metric
(``[attributes]`` of ``crossref.toml``: it gets no family and meets no other figure by its
block), and a duration ("17 ans") is too common to be met by its value alone; given right
after the name of whom it describes, set off by a comma, the name ties the two reports.

Only ``same`` links come of it, which no rule reads; two ages given for one name are not
compared (a birthday, a typo or two people: nothing says which).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.matching import ClaimView, same_story
from factcheck.crossref.relations import value_relation

#: A capitalised name (one or more words) and the comma that sets the attribute after it.
_BEARER = regex.compile(r"(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s*,\s*$", regex.V1)
#: Largest group of figures stating one attribute of one name that is paired.
MAX_GROUP = 50


def bearer(v: ClaimView) -> str:
    """The name ``v`` is set after ("Nahel, 17 ans" -> "nahel"), "" when none."""
    if v.sentence_start is None:
        return ""
    before = v.sentence[: v.start - v.sentence_start]
    found = _BEARER.search(before)
    if not found or not before[: found.start(1)].strip():
        # None, or the name opens the sentence: a capital that may be any first word.
        return ""
    return found.group(1).casefold()


def attribute_key(v: ClaimView, lexicon: Lexicon) -> tuple | None:
    """The key under which figures giving one value of an attribute after one name meet
    (dimension, name, bounds), None for a figure that is no attribute set after a name."""
    if v.modality == "denied" or lemma(v.subject) not in lexicon.attribute_subjects:
        return None
    name = bearer(v)
    return (v.dimension, name, v.lo, v.hi) if name else None


def attribute_pairs(views: list[ClaimView], lexicon: Lexicon
                    ) -> Iterator[tuple[ClaimView, ClaimView]]:
    """Pairs of figures of one story giving one value of an attribute (an age) right after
    one name."""
    groups: dict[tuple, list[ClaimView]] = defaultdict(list)
    for v in views:
        key = attribute_key(v, lexicon)
        if key is not None:
            groups[key].append(v)
    for members in groups.values():
        if len(members) > MAX_GROUP:
            continue
        members.sort(key=lambda v: (v.article_id, v.start))
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if value_relation(a, b) == "same" and same_story(a, b, lexicon):
                    yield a, b
