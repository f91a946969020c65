"""Reading views: articles with highlighted figures, the figures table, the timeline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from factcheck.crossref import timeline
from factcheck.dashboard import data
from factcheck.dashboard import labels as L
from factcheck.dashboard.highlight import SpanStatus
from factcheck.dashboard.widgets import (
    ViewContext,
    article_label,
    article_meta_html,
    corpus_facts,
    corpus_titles,
    describe_claim,
    md,
    show_headline,
    show_legend,
    show_text,
)


def _french_table(frame: pd.DataFrame, columns: dict[str, str] | object) -> pd.DataFrame:
    mapping = dict(columns)  # type: ignore[call-overload]
    present = [c for c in mapping if c in frame.columns]
    out = frame[present].rename(columns=mapping)
    return out


def _claim_details(row: dict[str, object]) -> pd.DataFrame:
    values = []
    for column, name in L.CLAIM_FIELDS.items():
        value = row.get(column)
        if column == "kind":
            value = L.label(L.KIND, value)
        elif column == "approx":
            value = L.label(L.APPROX, value)
        elif column == "modality":
            value = L.label(L.MODALITY, value)
        elif column == "role":
            value = L.label(L.ROLE, value) if value else None
        elif column in ("value", "low", "high"):
            value = L.french_number(value)
        elif column == "place" and value and row.get("place_mode") == "inherited":
            # "Lyon (déduit de l'article)": not written with the figure.
            how = L.PLACE_BASIS.get(str(row.get("place_basis") or ""), "non écrit avec le chiffre")
            value = f"{value} ({how})"
        elif column == "doer" and value == "?":
            value = "inconnu"  # an act whose doer the text leaves unsaid ("Elle a versé")
        if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
            value = "—"
        values.append((name, str(value)))
    return pd.DataFrame(values, columns=["Champ", "Valeur"])


def articles_view(ctx: ViewContext) -> None:
    if ctx.articles.empty:
        st.info("Aucun article.")
        return
    records = ctx.articles.to_dict("records")
    by_id = {str(r["article_id"]): r for r in records}
    article_id = st.selectbox(
        "Article", list(by_id), format_func=lambda a: article_label(by_id[a]), key="article"
    )
    article = by_id[article_id]
    st.html(article_meta_html(article))
    claims = ctx.claims[ctx.claims["article_id"] == article_id]
    figures = claims[claims["kind"] != "identifier"]
    counts = figures["status"].value_counts()
    st.caption(
        " · ".join(f"{L.SPAN_STATUS[s]} : {int(counts.get(s.value, 0))}" for s in L.SPAN_STATUS)
    )
    options = [None, *figures["claim_id"]]
    rows = {str(r["claim_id"]): r for r in figures.to_dict("records")}
    selected = st.selectbox(
        "Chiffre",
        options,
        format_func=lambda c: "— choisir un chiffre —" if c is None else _figure_option(rows[c]),
        key=f"figure-{article_id}",
    )
    show_legend()
    text_col, detail_col = st.columns([3, 2])
    with text_col:
        for part in ("title", "body"):
            spans = data.spans_for_article(
                ctx.claims, article_id, ctx.statuses, selected, describe=describe_claim,
                part=part)
            if part == "title":
                show_headline(article.get("title"), spans)
            else:
                show_text(str(article["text"]), spans)
    with detail_col:
        if selected is None:
            st.caption("Choisissez un chiffre pour voir ce qu'il mesure et ses liens.")
            return
        row = rows[selected]
        st.markdown(f"**{md(row['surface'])}** — {L.SPAN_STATUS[SpanStatus(row['status'])]}")
        st.dataframe(_claim_details(row), hide_index=True, width="stretch")
        links = data.claim_links(ctx.links, ctx.claims, selected)
        st.markdown(f"**Liens avec d'autres chiffres** ({len(links)})")
        if links.empty:
            st.caption("Aucun lien avec un autre chiffre du corpus.")
        else:
            links = links.assign(relation=links["relation"].map(lambda r: L.label(L.RELATION, r)))
            st.dataframe(_french_table(links, L.LINK_TABLE), hide_index=True, width="stretch")


def _figure_option(row: dict[str, object]) -> str:
    sentence = str(row.get("sentence") or "")
    short = sentence if len(sentence) <= 80 else sentence[:77] + "…"
    return f"{describe_claim(row)} · {L.SPAN_STATUS[SpanStatus(row['status'])]} · « {short} »"


def figures_view(ctx: ViewContext) -> None:
    claims = ctx.claims
    titles = {
        str(r["article_id"]): article_label(r) for r in ctx.articles.to_dict("records")
    }
    col1, col2, col3, col4 = st.columns(4)
    article_ids = col1.multiselect(
        "Articles", list(titles), format_func=lambda a: titles[a], key="f_articles",
        placeholder="Tous",
    )
    categories = col2.multiselect(
        "Catégories", data.distinct_values(claims, "category"), key="f_categories",
        placeholder="Toutes"
    )
    kinds = col3.multiselect(
        "Types", data.distinct_values(claims, "kind"),
        format_func=lambda k: L.label(L.KIND, k), key="f_kinds", placeholder="Tous",
    )
    sources = col4.multiselect("Sources citées", data.distinct_values(claims, "source"),
                               key="f_sources", placeholder="Toutes")
    col5, col6 = st.columns([3, 1])
    search = col5.text_input("Rechercher (chiffre, phrase, sujet, article)", key="f_search")
    flagged_only = col6.checkbox("Signalés seulement", key="f_flagged")
    shown = data.filter_claims(
        claims,
        article_ids=article_ids,
        categories=categories,
        kinds=kinds,
        sources=sources,
        flagged_only=flagged_only,
        search=search,
    )
    st.caption(f"{len(shown)} chiffre(s) sur {len(claims)}")
    table = shown.assign(
        status=shown["status"].map(lambda s: L.SPAN_STATUS[SpanStatus(s)]),
        kind=shown["kind"].map(lambda k: L.label(L.KIND, k)),
        modality=shown["modality"].map(lambda m: L.label(L.MODALITY, m)),
        title=shown["article_id"].map(ctx.titles),
    )
    st.dataframe(_french_table(table, L.CLAIM_TABLE), hide_index=True, width="stretch")


def timeline_view(ctx: ViewContext) -> None:
    metrics = timeline.metrics_table(ctx.claims)
    if metrics.empty:
        st.info("Aucun chiffre mesurable dans le corpus.")
        return
    labels = {
        m: f"{lab} — {n} chiffre(s), {a} article(s)"
        for m, lab, n, a in zip(
            metrics["metric_id"], metrics["label"], metrics["n_claims"], metrics["n_articles"],
            strict=True,
        )
    }
    metric = st.selectbox(
        "Mesure suivie", list(labels), format_func=lambda m: labels[m], key="metric"
    )
    frame = timeline.timeline_frame(ctx.claims, metric)
    frame["title"] = frame["article_id"].map(ctx.titles)
    if frame.empty:
        st.info("Aucun de ces chiffres n'est daté (ni période, ni date de publication).")
        return
    fact_of, reports = data.facts_index(corpus_facts(ctx))
    # A headline and its own body's figure are one report: the body's point, headline noted.
    frame = timeline.one_point_per_report(frame, fact_of, corpus_titles(ctx))
    if st.checkbox("Un point par fait (son premier rapport)", value=True, key="per_fact",
                   help="Les chiffres qui rapportent le même fait (même valeur, même mesure, "
                   "même histoire) sont réunis : le premier rapport daté est montré, avec "
                   "le nombre de rapports."):
        frame = timeline.one_point_per_fact(frame, fact_of, reports)
    else:
        frame = frame.assign(n_reports=frame["claim_id"].map(
            lambda c: int(reports.get(fact_of.get(str(c), ""), 1))))
    st.altair_chart(timeline.timeline_chart(frame, title=metrics.set_index("metric_id")
                                            .loc[metric, "label"]), width="stretch")
    st.caption("Les traits verticaux montrent les fourchettes (borne basse – borne haute).")
    table = frame.assign(date=frame["date"].dt.strftime("%d/%m/%Y")).rename(columns={
        "date": "Date", "source": "Source", "surface": "Chiffre", "value": "Valeur",
        "low": "Bas", "high": "Haut", "title": "Article", "sentence": "Phrase",
        "n_reports": "Rapports du fait", "headline": "Au titre",
    })
    st.dataframe(
        table[["Date", "Source", "Chiffre", "Valeur", "Bas", "Haut", "Rapports du fait",
               "Au titre", "Article", "Phrase"]],
        hide_index=True, width="stretch",
    )
