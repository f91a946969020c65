"""Two values of one metric set side by side in one sentence ("3,5 millions pour la CGT,
1,28 million selon le ministère"): most often several bodies' counts, or moments of one
count, that the cue readers did not tell apart. Shared by ``same_source`` and
``contradiction``: such a figure's source, when unread or read as the other value's, does not
establish which value a body gives for the fact another article reports. And
:func:`distinct_sources`: two named sources that are two bodies (the test every rival
reading shares: relations, answers, the rules)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from factcheck.context.names import same_source
from factcheck.crossref.cells import WORD
from factcheck.crossref.matching import ClaimView

SentenceKey = tuple[str, int | None]


def by_sentence(views: Mapping[str, ClaimView]) -> dict[SentenceKey, list[ClaimView]]:
    out: dict[SentenceKey, list[ClaimView]] = {}
    for v in views.values():
        if v.sentence_start is not None:
            out.setdefault((v.article_id, v.sentence_start), []).append(v)
    return out


def has_rival(x: ClaimView, sentences: Mapping[SentenceKey, list[ClaimView]],
              source_of: Callable[[ClaimView], bool]) -> bool:
    """Whether ``x``'s sentence gives another value of the same metric, for one period, no
    two places read (the elided count, "1,28 million", is often read without its place),
    neither a part nor a total ("23 drones : 14 au-dessus de Briansk, ..."), nor another
    outcome ("tués", "blessés"), whose source ``source_of`` accepts."""
    if x.role:
        return False
    return any(t.claim_id != x.claim_id and source_of(t)
               and t.dimension == x.dimension and t.family == x.family
               and not t.role and not (t.place and x.place and t.place != x.place)
               and t.period == x.period and t.outcome == x.outcome
               and t.value is not None and t.value != x.value
               for t in sentences.get((x.article_id, x.sentence_start), ()))


def _source_words(key: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(key) if len(w) >= 3)


def distinct_sources(a: ClaimView, b: ClaimView) -> bool:
    """Two named sources, neither a shorter name nor an alias of the other (``actors.toml``
    bodies, acronyms, last names): "la police" and "la CGT", not "l'armée de l'air" and
    "l'armée de l'air ukrainienne", nor "Insee" and "Institut national de la statistique"."""
    if not (a.source_key and b.source_key) or a.source_key == b.source_key:
        return False
    wa, wb = _source_words(a.source_key), _source_words(b.source_key)
    if not (wa and wb) or wa <= wb or wb <= wa:
        return False
    return not same_source(a.source, b.source)
