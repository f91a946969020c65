"""What one sentence leaves for the sentences that follow (:func:`record_sentence`): the
speakers and the report's source it names, what that report measured, the places it names,
the table title or list opener that still holds, and the metrics a later figure may take up
(``_report.ArticleState``). Private to ``factcheck.context`` (called by
``_sentence._sentence_contexts`` once the sentence's contexts are read)."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.context._background import counted_forces, measures_nature
from factcheck.context._figure_traits import SITUATED_KINDS
from factcheck.context._place_scope import compared_places, parts_only_places
from factcheck.context._quotes import in_quote
from factcheck.context._report import ArticleState
from factcheck.context._table_titles import heading_metric
from factcheck.context.lexicon import subject_data
from factcheck.context.names import contrasts_sources, same_source
from factcheck.context.nlp import Figure, Tok
from factcheck.context.resolution import resolve_source, speaks_as_person, speaks_for_body
from factcheck.context.source import UNNAMED, SourceResult
from factcheck.context.subject_lists import is_prose, list_item
from factcheck.models import MEASURE_KINDS, Context


def record_sentence(
    text: str, start: int, sentence: str, toks: tuple[Tok, ...], figs: Sequence[Figure],
    srcs: Sequence[SourceResult], out: Sequence[Context], state: ArticleState, *,
    is_line: bool, on_own_line: bool,
) -> None:
    """Update ``state`` after the sentence at ``start`` of ``text``, whose figures ``figs``
    were read with sources ``srcs`` and contexts ``out``; ``is_line``: the sentence is a
    line "Label : N"; ``on_own_line``: it stands on a line of its own."""
    # A body named in passing ("qu'Arvalis, dont les prévisions ...") or cited inside a
    # quotation keeps its own figures but does not take over the report that follows. A
    # body acting on its figure ("Le conseil régional a voté un budget de 1,8 milliard")
    # takes it over only when no source was named before it in the article: it opens the
    # story, whose figures it goes on giving ("Les transports en absorbent 420 millions").
    opens = not state.speakers and state.report is None
    takes = [src.takes_over or (opens and src.rule == "acting_body") for src in srcs]
    counted = [c.source for c, take in zip(out, takes, strict=True)
               if c.source and c.source_mode == "explicit" and take]
    state.speakers.extend((start, name) for name in counted)
    # The sources this sentence names for its own figures, taking the report over or not: a
    # speaker read again in it (for a date of it: "le 9 mars, le syndicat avait compté 30 000
    # marcheurs, contre 8 000 selon la préfecture") is the same naming, not a second one: it
    # neither reopens the report the sentence's contrast closed, nor makes the body speak
    # again (``comment``), nor hands the report to a body named in passing or as an agent.
    named_here = [c.source for c in out if c.source and c.source_mode == "explicit"]
    # Figures in quotation marks ("« 85 000 personnes » ont été refoulées, a indiqué le
    # ministre"), whichever rule read their speaker.
    quoted = all(src.rule == "quote" or in_quote(text, f.mention.start) is not None
                 for c, f, src, take in zip(out, figs, srcs, takes, strict=True)
                 if c.source and c.source_mode == "explicit" and take)
    if counted and ((quoted and state.keeps_report(counted))
                    or state.relays_report(counted, text[state.report_at : start])):
        # A person quoted with figures of their own ("« On a vu 120 familles », a raconté le
        # maire") keeps them, but the report stays the body's named for its figures; so
        # does a news agency relaying that report ("(14 838), rapporte l'AFP").
        counted = []
    # What the report measured, for the sections that follow (``_sections``).
    state.measured(False, [(c.subject, f.mention.unit) for c, f in zip(out, figs, strict=True)
                           if c.source_mode == "inherited" and c.source == state.report])
    if counted:
        contrast = contrasts_sources(c.source for c in out if c.source_mode == "explicit")
        state.report, state.report_counts = (None if contrast else counted[-1]), True
        state.report_quoted = state.report_paragraph = False
        state.report_acting = not any(src.takes_over for c, src in zip(out, srcs, strict=True)
                                      if c.source and c.source_mode == "explicit")
        # A person quoted with figures of their own speaks for their paragraph (``_report``);
        # a spokesperson reads the body's communiqué, which goes on.
        state.report_speech = quoted and speaks_as_person(counted[-1]) \
            and not speaks_for_body(counted[-1])
        state.report_at = start
        state.report_kinds = frozenset(
            f.mention.kind for c, f, take in zip(out, figs, takes, strict=True)
            if c.source_mode == "explicit" and take)
        state.report_forces = counted_forces(
            c.subject for c, take in zip(out, takes, strict=True)
            if c.source_mode == "explicit" and take)
        state.report_weather = any(
            measures_nature(f.mention, c.subject, toks, f.first, f.last)
            for c, f, take in zip(out, figs, takes, strict=True)
            if c.source_mode == "explicit" and take)
        state.measured(True, [(c.subject, f.mention.unit)
                              for c, f, take in zip(out, figs, takes, strict=True)
                              if c.source_mode == "explicit" and take])
    if not counted and any(src.rule == UNNAMED for src in srcs):
        # "408 interpellations ont eu lieu, selon un bilan définitif": the figures come from
        # no source the article named; the report named before stops there.
        state.report, state.report_counts, state.report_kinds = None, False, frozenset()
    reported = state.report
    for src in srcs:
        if (name := resolve_source(src.speaker, [s for _, s in state.speakers], text)) \
                and not any(same_source(name, n) for n in named_here):
            state.speakers.append((start, name))
            state.comment(name, at=start)
    if state.report != reported and state.report_at == start:
        # Named in a sentence whose figures it did not take ("Le FMI a relevé ses prévisions
        # de croissance, qui atteindraient 3,3 %"): they are still what its report measures.
        state.measured(True, [(c.subject, f.mention.unit) for c, f in zip(out, figs, strict=True)
                              if f.mention.kind in MEASURE_KINDS])
    # "7,4 % en France contre 3,1 % en Allemagne": the term of a comparison is no place
    # the report goes on about.
    # A part's place ("120 000 agriculteurs, dont 40 000 à Paris") neither.
    explicit = [c.place for c in out if c.place and c.place_mode == "explicit"]
    if explicit:
        state.compared = compared_places(sentence)
        parts = parts_only_places(sentence, toks, [(f.first, f.last) for f in figs], [
            c.place if c.place_mode == "explicit" else None for c in out])
        state.places.extend(p for p in explicit if p not in state.compared and p not in parts)
        state.parts_places = parts
    state.last_end = start + len(sentence)
    state.last_toks = toks
    if is_prose(sentence) and not (state.heading_opens_list
                                   and list_item(text, start, toks)):
        # A table's title holds for its rows, not past prose; a list's opener for its items
        # ("- 4 ont été condamnés à neuf ans de prison.").
        state.heading = None
    elif on_own_line and sentence.rstrip().endswith(":") \
            and all(f.mention.kind not in SITUATED_KINDS for f in figs):
        # A title with a date, on its line, over a list ("Le point sur les chiffres des
        # manifestants le 31 janvier 2023 :").
        state.heading = heading_metric(toks, subject_data(), nouns_only=True)
    state.last_line = is_line and bool(out) and out[0].subject is not None
    # A count of days or years ("des 40 dernières années") is no metric a later sentence
    # takes up ("Ce niveau de 26,3 Mt").
    time_nouns = subject_data().time_nouns
    with_subject = [
        c for c, f in zip(out, figs, strict=True)
        if c.subject and c.subject not in time_nouns and f.mention.kind in SITUATED_KINDS
    ]
    state.last_subject = with_subject[-1] if with_subject else None
    state.last_figures = [(f.mention.value, f.mention.kind, c)
                          for c, f in zip(out, figs, strict=True) if c in with_subject]
    state.metrics.extend((f.mention.value, c) for c, f in zip(out, figs, strict=True)
                         if c.subject and c.subject not in time_nouns
                         and f.mention.kind in SITUATED_KINDS)
