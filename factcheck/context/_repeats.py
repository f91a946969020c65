"""A figure of the headline or the lead repeated further down with its source: the headline
"Au moins 400 civils tués" and the lead say it without one, the body says "Selon des sources
sécuritaires, au moins 400 civils ont été tués". One figure, one source. Likewise an
intertitle's figure ("3 000 habitants coupés du monde") restated in its section ("plus de
3 000 habitants de la péninsule sont toujours isolés, selon les autorités"). Private to
``factcheck.context``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from factcheck.context._narration import DescribedData, described_data, intertitle
from factcheck.context._sections import lead_end
from factcheck.context.lexicon import subject_data
from factcheck.models import MEASURE_KINDS, Claim, Context


def sourced_further_down(claims: Sequence[Claim], contexts: list[Context | None]) -> None:
    """Give each figure without a source (none named before it, so in the headline or the
    lead) the source of the first later figure of the same kind, value, unit and subject
    whose source the article names in its own sentence (``contexts`` updated in place)."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].mention.start)
    for pos, i in enumerate(order):
        ctx, m = contexts[i], claims[i].mention
        if ctx is None or ctx.source is not None or m.kind not in MEASURE_KINDS:
            continue
        for j in order[pos + 1 :]:
            other = contexts[j]
            if other is None or other.source_mode != "explicit" or claims[j].sentence_start \
                    == claims[i].sentence_start:
                continue
            if _same_figure(claims[i], claims[j]) and (
                    ctx.subject is None or other.subject is None
                    or ctx.subject == other.subject):
                contexts[i] = replace(ctx, source=other.source, source_mode="inherited")
                break


def lead_restated(text: str, claims: Sequence[Claim], contexts: list[Context | None]) -> None:
    """Give each figure of the lead (the headline and the first paragraph of prose) named
    without a source the source of the figure that restates it further on with its source
    in its own sentence: the first later figure of the same kind and unit whose value is
    within a title's rounding, in the section's reach ("Nouvel An : 1 100 voitures
    brûlées" over "plus de 1 150 voitures ont brûlé, selon le ministère"; "une trentaine de
    blessés" then "Selon la préfecture, 29 personnes ont été blessées"). The two must count
    the same thing, or one of them people in general ("personnes"); a lead figure whose
    first restatement has no source of its own keeps none (``contexts`` updated in
    place)."""
    data, generic = described_data(), subject_data().generic_nouns
    lead = lead_end(text)
    order = sorted(range(len(claims)), key=lambda i: claims[i].mention.start)
    for pos, i in enumerate(order):
        ctx, m = contexts[i], claims[i].mention
        if m.start >= lead:
            break
        if ctx is None or ctx.source is not None or m.kind not in MEASURE_KINDS \
                or not m.value:
            continue
        j = _restatement(claims, contexts, order, pos, data)
        other = None if j is None else contexts[j]
        if other is not None and other.source_mode == "explicit" \
                and _same_count(ctx, other, generic, data.stem_letters) \
                and not _other_outcome(ctx, other, data.outcomes):
            contexts[i] = replace(ctx, source=other.source, source_mode="inherited")


def _restatement(claims: Sequence[Claim], contexts: list[Context | None], order: list[int],
                 pos: int, data: DescribedData,
                 stop: Callable[[int], bool] = lambda j: False) -> int | None:
    """The first figure after ``order[pos]``, in another sentence, that restates it as a title
    rounds it: same kind and unit, a value within ``title_rounding``; looked for up to the
    section's reach (``section_chars`` past its sentence) or the first figure ``stop``
    accepts. None when there is none."""
    i = order[pos]
    m = claims[i].mention
    end = claims[i].sentence_start + len(claims[i].sentence)
    for j in order[pos + 1 :]:
        o, other = claims[j].mention, contexts[j]
        if stop(j) or o.start - end > data.section_chars:
            return None
        if other is None or claims[j].sentence_start == claims[i].sentence_start \
                or o.kind != m.kind or o.unit != m.unit or not o.value:
            continue
        if abs(o.value - m.value) <= data.title_rounding * abs(o.value):
            return j
    return None


def _same_count(a: Context, b: Context, generic: frozenset[str], letters: int) -> bool:
    """Whether two figures count the same thing: the same subject (or one unread), or people
    in general on one side, of the other's category ("Dix morts" and "10 personnes ont perdu
    la vie") or whose state names the other's subject ("500 interpellations" and "505
    personnes ont été interpellées"); not "5 foyers" and "cinq personnes ont péri"."""
    if a.subject is None or b.subject is None or a.subject == b.subject:
        return True
    if a.subject in generic:
        a, b = b, a
    if b.subject not in generic or a.subject is None:
        return False
    if a.category is not None and a.category == b.category:
        return True
    stem = a.subject[:letters].casefold()
    return any(q.casefold().startswith(stem) for q in b.qualifiers)


def _other_outcome(a: Context, b: Context, outcomes: dict[str, str]) -> bool:
    """Whether the two figures say different things happened to the people counted ("200
    morts" and "210 personnes blessées"), each read from its noun and its state's words."""
    def read(c: Context) -> set[str]:
        words = [c.subject or "", *(w for q in c.qualifiers for w in q.lower().split())]
        return {outcomes[w] for w in words if w in outcomes}
    x, y = read(a), read(b)
    return bool(x) and bool(y) and x.isdisjoint(y)


def _same_figure(a: Claim, b: Claim) -> bool:
    """Same kind, value and unit (the same words when a value was not read)."""
    m, o = a.mention, b.mention
    if m.value is None or o.value is None:
        return m.kind == o.kind and m.surface.casefold() == o.surface.casefold()
    return (o.kind, o.value, o.unit) == (m.kind, m.value, m.unit)


def intertitles_restated(text: str, claims: Sequence[Claim],
                         contexts: list[Context | None]) -> None:
    """Give each figure of an intertitle (``_narration.intertitle``: it inherits nothing) the
    source of the first figure of its section, up to the next intertitle, that restates it:
    same kind and unit, a value within the rounding a title allows ("Près de 20 000
    guérisons" over "19 337 personnes ont été guéries"). An intertitle whose figure the
    section does not restate ("23 interpellations et quelques tensions" over an account of
    the clashes) is the outlet's summary and keeps no source (``contexts`` updated in
    place)."""
    data = described_data()
    order = sorted(range(len(claims)), key=lambda i: claims[i].mention.start)
    titled = {i for i in order
              if intertitle(text, claims[i].sentence_start, claims[i].sentence)}
    for pos, i in enumerate(order):
        ctx, m = contexts[i], claims[i].mention
        if i not in titled or ctx is None or ctx.source is not None \
                or m.kind not in MEASURE_KINDS or m.value is None:
            continue
        start = claims[i].sentence_start
        j = _restatement(claims, contexts, order, pos, data,  # up to the next intertitle
                         stop=lambda j, s=start: j in titled and claims[j].sentence_start != s)
        other = None if j is None else contexts[j]
        if other is not None and other.source is not None:
            contexts[i] = replace(ctx, source=other.source, source_mode="inherited")
