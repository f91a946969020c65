"""Shared pieces of the dashboard's layout: the view context and the flag card."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from factcheck.dashboard import data
from factcheck.dashboard import labels as L
from factcheck.dashboard.highlight import (
    Span,
    SpanStatus,
    escape_markdown,
    headline_html,
    highlight_html,
    legend_html,
    link_html,
)
from factcheck.store import ReviewStore


@dataclass(frozen=True, eq=False)
class ViewContext:
    """What every view needs, computed once per script run."""

    corpus_key: str
    articles: pd.DataFrame
    claims: pd.DataFrame  # with ``status`` and ``flag_ids``
    links: pd.DataFrame
    flags: pd.DataFrame  # with ``status``, ``reviewer``, ``decided_at``, ``note``
    store: ReviewStore | None  # None when the database cannot be opened
    reviewer: str
    reference: pd.DataFrame | None = None
    article_timeout: float | None = None  # seconds of one article's budget (None: no limit)

    @property
    def titles(self) -> dict[object, str]:
        return {r["article_id"]: article_title(r) for r in self.articles.to_dict("records")}

    @property
    def statuses(self) -> dict[str, SpanStatus]:
        return {
            cid: SpanStatus(s) for cid, s in zip(self.claims["claim_id"], self.claims["status"],
                                                 strict=True)
        }


@st.cache_data(show_spinner=False, max_entries=4)
def _corpus_facts(corpus_key: str, _claims: pd.DataFrame, _links: pd.DataFrame) -> pd.DataFrame:
    # Computed once per corpus (``corpus_key`` names it; the tables are not hashed).
    from factcheck.crossref.facts import build_facts

    return build_facts(_claims, _links)


@st.cache_data(show_spinner=False, max_entries=4)
def _corpus_titles(corpus_key: str, _claims: pd.DataFrame) -> frozenset[str]:
    from factcheck.crossref.headlines import title_ids

    return title_ids(_claims)


def corpus_titles(ctx: ViewContext) -> frozenset[str]:
    """The claim ids of the corpus's headline figures (``crossref.headlines.title_ids``)."""
    return _corpus_titles(ctx.corpus_key, ctx.claims)


def corpus_facts(ctx: ViewContext) -> pd.DataFrame:
    """The facts table of the corpus (:mod:`factcheck.crossref.facts`), shared by the timeline
    and the downloads."""
    return _corpus_facts(ctx.corpus_key, ctx.claims, ctx.links)


def md(text: object) -> str:
    """Text from articles or analysis, safe to put in Markdown."""
    return escape_markdown("" if text is None else str(text))


def show_plain(text: object, strong: bool = False, small: bool = False) -> None:
    """Text from articles or analysis as escaped HTML: no Markdown, so no link or image is
    ever made from it."""
    style = "font-weight:600;" if strong else ""
    style += "font-size:0.85rem;color:#6b6b6b;" if small else ""
    body = html.escape("" if text is None else str(text), quote=True)
    st.html(f'<div class="fc-plain" style="{style}">{body}</div>')


def describe_claim(row: Mapping[str, object]) -> str:
    """A one-line plain-text description of a claim (tooltips, option labels)."""
    parts = [str(row.get("surface") or "")]
    kind = L.label(L.KIND, row.get("kind"))
    if kind:
        parts.append(kind)
    subject = row.get("subject")
    if isinstance(subject, str) and subject:
        parts.append(subject)
    return " — ".join(parts)


def article_title(row: Mapping[str, object]) -> str:
    """The title, else the start of the text's first line, else the id."""
    title = row.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    text = row.get("text")
    if isinstance(text, str) and text.strip():
        first = text.strip().splitlines()[0]
        return first if len(first) <= 70 else first[:69].rstrip() + "…"
    return str(row.get("article_id") or "")


def article_label(row: Mapping[str, object]) -> str:
    title = article_title(row)
    extras = [str(v) for v in (row.get("source"), row.get("published")) if isinstance(v, str) and v]
    return f"{title} ({', '.join(extras)})" if extras else str(title)


def article_meta_html(row: Mapping[str, object]) -> str:
    """Source, date and address of an article as escaped HTML; the address is a link only
    when it is an http(s) one."""
    parts = [html.escape(str(v), quote=True) for v in (row.get("source"), row.get("published"))
             if isinstance(v, str) and v.strip()]
    url = row.get("url")
    if isinstance(url, str) and url.strip():
        parts.append(link_html(url, "lire l'article en ligne"))
    return '<div class="fc-meta" style="font-size:0.85rem;color:#6b6b6b">' + " · ".join(
        parts) + "</div>"


def show_legend() -> None:
    st.html(legend_html(L.SPAN_STATUS))


def show_headline(title: object, spans: list[Span]) -> None:
    """The headline given apart from the text, figures highlighted (nothing without one)."""
    if isinstance(title, str) and title.strip():
        st.html(headline_html(title, spans))


def show_text(text: str, spans: list[Span]) -> None:
    """Article or draft text, escaped, figures highlighted (never raw HTML)."""
    st.html(highlight_html(text, spans))


def sentence_html_spans(row: Mapping[str, object], status: SpanStatus) -> list[Span]:
    """The claim's figure as a span inside its own sentence."""
    try:
        offset = int(row["start"]) - int(row["sentence_start"])  # type: ignore[arg-type]
        length = int(row["end"]) - int(row["start"])  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return []
    return [Span(offset, offset + length, status, title=describe_claim(row))]


def show_evidence(
    flag: Mapping[str, object], claims: pd.DataFrame, articles: Mapping[object, str]
) -> None:
    """The flag's evidence sentences side by side, each with its article and date."""
    evidence = data.flag_evidence(flag, claims)
    if evidence.empty:
        st.caption("Aucune phrase à l'appui.")
        return
    statuses = dict(zip(claims["claim_id"], claims["status"], strict=True))
    columns = st.columns(min(len(evidence), 3))
    for i, row in enumerate(evidence.to_dict("records")):
        with columns[i % len(columns)]:
            title = articles.get(row.get("article_id"), "") or "Phrase citée"
            show_plain(title, strong=True)
            meta = [str(v) for v in (row.get("article_source"), row.get("published"))
                    if isinstance(v, str) and v]
            if meta:
                show_plain(" · ".join(meta), small=True)
            status = SpanStatus(statuses.get(row.get("claim_id"), SpanStatus.FLAGGED.value))
            sentence = str(row.get("sentence") or "")
            show_text(sentence, sentence_html_spans(row, status) if row.get("claim_id") else [])


def flag_header(flag: Mapping[str, object]) -> str:
    severity = str(flag.get("severity") or "")
    colour = L.SEVERITY_COLOUR.get(severity, "gray")
    confidence = flag.get("confidence")
    shown = ""
    if isinstance(confidence, (int, float)) and confidence == confidence:  # not NaN
        shown = f" · confiance {confidence:.2f}".replace(".", ",")
    return (
        f":{colour}-badge[Gravité {L.label(L.SEVERITY, severity)}] · {md(flag.get('type'))} · "
        f"{L.label(L.FLAG_STATUS, flag.get('status', 'open'))}{shown}"
    )


def flag_card(
    flag: Mapping[str, object],
    claims: pd.DataFrame,
    articles: Mapping[object, str],
    actions: Callable[[Mapping[str, object]], None] | None = None,
) -> None:
    """One flag: severity, explanation, evidence side by side, then review ``actions``."""
    with st.container(border=True):
        st.markdown(f"**{flag_header(flag)}**")
        show_plain(flag.get("explanation"))
        show_evidence(flag, claims, articles)
        if actions is not None:
            actions(flag)
