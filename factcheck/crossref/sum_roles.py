"""The roles sums give figures: the parts and totals that
:func:`~factcheck.crossref.structures.find_structures` found are marked on the claim views, and
a part without a place from context takes the proper nouns right after it ("14 au-dessus de
Briansk" only meets other figures about Briansk)."""

from __future__ import annotations

from dataclasses import replace

import regex

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.scope import place_key
from factcheck.crossref.structures import SumStructure
from factcheck.crossref.sum_sentences import Sentence as _Sentence
from factcheck.crossref.sum_sentences import by_article as _sentences
from factcheck.crossref.sum_sentences import rel as _rel

_CAPITALISED = regex.compile(r"(?<!\w)\p{Lu}[\p{L}'-]+", regex.V1)
_PART_PLACE_END = regex.compile(r"[,;.!?]| et ", regex.V1)


def part_place(part: ClaimView, s: _Sentence, lexicon: Lexicon) -> str:
    """Proper nouns right after a part ("14 au-dessus de la région de Briansk" → briansk)."""
    rest = s.text[_rel(part, s)[1] :]
    cut = _PART_PLACE_END.search(rest)
    segment = rest[: cut.start()] if cut else rest
    return " ".join(place_key(m.group(0), lexicon) for m in _CAPITALISED.finditer(segment))


def _term_of_its_own(part: ClaimView, total: ClaimView) -> bool:
    """A length of time with a qualifier its whole lacks ("dont deux ferme")."""
    return part.dimension == "duration" and bool(part.qualifiers - total.qualifiers)


def with_roles(views: list[ClaimView], structures: list[SumStructure],
               lexicon: Lexicon) -> list[ClaimView]:
    """Mark parts and totals; a part without a place from context gets the proper nouns that
    follow it, so that "14 au-dessus de Briansk" only meets other figures about Briansk."""
    totals = {st.total_id for st in structures}
    by_id = {v.claim_id: v for v in views}
    # A part with its own outcome ("dont 130 abattus" of 176 launched) is a figure of its own,
    # comparable with others; a part like the total ("dont 14 au-dessus de Briansk") is not.
    # So is a length of time qualified apart from its whole ("quatre ans de prison dont deux
    # ferme"): the term to be served, which other reports give alone ("deux ans ferme").
    parts = {pid for st in structures for pid in st.part_ids
             if not (by_id[pid].outcome and by_id[st.total_id].outcome
                     and by_id[pid].outcome != by_id[st.total_id].outcome)
             and not _term_of_its_own(by_id[pid], by_id[st.total_id])}
    where = {pid: by_id[st.total_id].place for st in structures for pid in st.part_ids}
    by_sentence = {(s.start, v.claim_id): s for sents in _sentences(views).values()
                   for s in sents for v in s.members}
    out = []
    for v in views:
        if v.claim_id in parts:
            place = v.place
            if not place and v.sentence_start is not None:
                place = part_place(v, by_sentence[(v.sentence_start, v.claim_id)], lexicon)
            place = place or where.get(v.claim_id, "")  # "Le Burundi a 173 cas (39 [...])"
            out.append(replace(v, role="part", place=place))
        elif v.claim_id in totals:
            out.append(replace(v, role="total"))
        else:
            out.append(v)
    return out
