"""Review views: flags with the review workflow, draft checking, downloads."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from factcheck.budget import SkippedArticle
from factcheck.crossref import DraftChecker, DraftResult
from factcheck.dashboard import data
from factcheck.dashboard import labels as L
from factcheck.dashboard.analysis import check_draft, left_out_message
from factcheck.dashboard.highlight import Span, SpanStatus
from factcheck.dashboard.widgets import (
    ViewContext,
    corpus_facts,
    describe_claim,
    flag_card,
    md,
    show_legend,
    show_text,
)
from factcheck.pipeline import draft_checker
from factcheck.store import Decision, StoreError

PAGE_SIZE = 10
_STATUS_FILTER = {"à revoir": ["open"], "confirmés": ["confirmed"], "écartés": ["dismissed"],
                  "tous": ["open", "confirmed", "dismissed"]}
ORPHANS_LABEL = "Relectures orphelines (signalements disparus après une nouvelle analyse)"
_ORPHAN_TABLE = {"flag_id": "Signalement", "status": "Statut", "explanation": "Explication",
                 "reviewer": "Relecteur", "decided_at": "Le (UTC)", "note": "Note",
                 "n_decisions": "Décisions"}


def _review_actions(ctx: ViewContext):
    def actions(flag: Mapping[str, object]) -> None:
        flag_id = str(flag["flag_id"])
        if flag.get("reviewer"):
            st.caption(
                f"Dernière décision : {L.label(L.FLAG_STATUS, flag.get('status'))} par "
                f"{md(flag['reviewer'])} le {md(flag['decided_at'])} (UTC)"
                + (f" — note : {md(flag['note'])}" if flag.get("note") else "")
            )
        if ctx.store is None:
            return
        note = st.text_input("Note", key=f"note-{flag_id}", placeholder="Vérification, source…")
        buttons = st.columns(4)
        decision = None
        if buttons[0].button("Confirmer", key=f"confirm-{flag_id}", type="primary"):
            decision = Decision.CONFIRMED
        if buttons[1].button("Écarter", key=f"dismiss-{flag_id}"):
            decision = Decision.DISMISSED
        if buttons[2].button("Ajouter la note", key=f"note-btn-{flag_id}"):
            decision = Decision.NOTE
        if flag.get("status") != "open" and buttons[3].button("Rouvrir", key=f"reopen-{flag_id}"):
            decision = Decision.REOPENED
        if decision is None:
            return
        if not ctx.reviewer:
            st.warning("Indiquez votre nom dans la barre latérale avant de relire.")
            return
        if decision is Decision.NOTE and not note.strip():
            st.warning("La note est vide.")
            return
        try:
            ctx.store.record(flag_id, decision, ctx.reviewer, note=note,
                             explanation=str(flag.get("explanation") or ""))
        except StoreError as exc:
            st.error(f"Relecture non enregistrée : {exc}")
            return
        st.session_state["review_saved"] = f"{L.label(L.DECISION, decision)} : {flag_id}"
        st.rerun()

    return actions


def flags_view(ctx: ViewContext) -> None:
    _flag_list(ctx)
    _orphaned_reviews(ctx)


def _orphaned_reviews(ctx: ViewContext) -> None:
    """Reviewed flags the current analysis no longer raises: listed, never deleted."""
    if ctx.store is None:
        return
    try:
        orphans = ctx.store.orphaned(ctx.flags.get("flag_id", []))
    except StoreError as exc:
        st.error(f"Relectures orphelines illisibles : {exc}")
        return
    if orphans.empty:
        return
    with st.expander(f"{ORPHANS_LABEL} : {len(orphans)}"):
        st.caption("Signalements relus absents de l'analyse actuelle (disparus après une "
                   "nouvelle analyse, ou venant d'articles qui ne sont pas chargés). Leurs "
                   "relectures restent dans la base.")
        orphans = orphans.assign(status=orphans["status"].map(
            lambda s: L.label(L.FLAG_STATUS, s)))
        st.dataframe(orphans[list(_ORPHAN_TABLE)].rename(columns=_ORPHAN_TABLE),
                     hide_index=True, width="stretch")


def _flag_list(ctx: ViewContext) -> None:
    saved = st.session_state.pop("review_saved", None)
    if saved:
        st.success(f"Relecture enregistrée ({saved}).")
    flags = ctx.flags
    if flags.empty:
        st.info("Aucun signalement dans ce corpus.")
        return
    counts = flags["status"].value_counts()
    st.caption(" · ".join(f"{L.FLAG_STATUS[s]} : {int(counts.get(s, 0))}" for s in L.FLAG_STATUS))
    col1, col2, col3, col4 = st.columns([1, 2, 2, 2])
    which = col1.selectbox("Statut", list(_STATUS_FILTER), key="flag_status")
    severities = col2.multiselect(
        "Gravité", list(L.SEVERITY), format_func=lambda s: L.SEVERITY[s], key="flag_severity",
        placeholder="Toutes"
    )
    types = col3.multiselect("Type", data.distinct_values(flags, "type"), key="flag_type",
                           placeholder="Tous")
    least = col4.slider("Confiance minimale", 0.0, 1.0, 0.0, 0.05, key="flag_confidence",
                        help="Masque les signalements dont les éléments (même source, même "
                        "lieu, même période…) lient le moins les deux chiffres.")
    shown = flags[flags["status"].isin(_STATUS_FILTER[which])]
    if least > 0 and "confidence" in shown:
        shown = shown[shown["confidence"].fillna(0) >= least]
    if severities:
        shown = shown[shown["severity"].isin(severities)]
    if types:
        shown = shown[shown["type"].isin(types)]
    shown = data.sort_flags(shown)
    if shown.empty:
        st.info("Aucun signalement avec ces critères.")
        return
    pages = (len(shown) - 1) // PAGE_SIZE + 1
    page = st.number_input("Page", 1, pages, 1, key="flag_page") if pages > 1 else 1
    st.caption(f"{len(shown)} signalement(s)")
    actions = _review_actions(ctx)
    start = (int(page) - 1) * PAGE_SIZE
    for flag in shown.iloc[start : start + PAGE_SIZE].to_dict("records"):
        flag_card(flag, ctx.claims, ctx.titles, actions)
    if ctx.store is not None:
        with st.expander("Historique des relectures"):
            history = ctx.store.history()
            history = history.assign(decision=history["decision"].map(
                lambda d: L.label(L.DECISION, d)))
            st.dataframe(history.rename(columns=dict(L.HISTORY_TABLE)), hide_index=True,
                         width="stretch")


@st.cache_resource(show_spinner=False, max_entries=4)
def _checker(
    corpus_key: str, _claims: pd.DataFrame, _reference: pd.DataFrame | None
) -> DraftChecker:
    """Blocking indexes over the corpus claims, built once per corpus (and reference)."""
    return draft_checker(_claims, _reference)


@st.cache_data(show_spinner=False, max_entries=16)
def _check(
    corpus_key: str, text: str, published: date | None, article_timeout: float | None,
    _claims: pd.DataFrame, _reference: pd.DataFrame | None,
) -> tuple[DraftResult, SkippedArticle | None]:
    return check_draft(_checker(corpus_key, _claims, _reference), text, published,
                       article_timeout)


def draft_view(ctx: ViewContext) -> None:
    with st.form("draft"):
        st.text_area("Texte du brouillon", height=220, key="draft_text",
                     placeholder="Collez ici l'article à vérifier avant publication…")
        st.date_input("Date de publication prévue", value=date.today(), key="draft_date",
                      format="DD/MM/YYYY")
        st.form_submit_button("Vérifier le brouillon", type="primary")
    text = st.session_state.get("draft_text", "") or ""
    if not text.strip():
        st.caption("Les chiffres du brouillon seront comparés à ceux du corpus.")
        return
    corpus_claims = ctx.claims.drop(columns=["status", "flag_ids"], errors="ignore")
    with st.spinner("Vérification du brouillon…"):
        result, left_out = _check(ctx.corpus_key, text, st.session_state.get("draft_date"),
                                  ctx.article_timeout, corpus_claims, ctx.reference)
    if left_out is not None:
        st.warning(left_out_message(left_out, "Brouillon"))
        return
    _show_draft(result, ctx)


def _show_draft(result: DraftResult, ctx: ViewContext) -> None:
    flagged = {cid for ids in result.flags.get("claim_ids", []) for cid in data.split_ids(ids)}
    figures = result.claims[result.claims["kind"] != "identifier"] if not result.claims.empty \
        else result.claims
    st.caption(
        f"{len(figures)} chiffre(s) dans le brouillon, {len(result.flags)} signalement(s), "
        f"{len(result.links)} lien(s) avec le corpus ({result.n_candidates} chiffres du corpus "
        "comparés)."
    )
    show_legend()
    spans = [
        Span(int(r["start"]), int(r["end"]),
             SpanStatus.FLAGGED if r["claim_id"] in flagged else SpanStatus.CONSISTENT,
             title=describe_claim(r), key=str(r["claim_id"]))
        for r in figures[data.claim_part(figures) == "body"].to_dict("records")
    ]
    show_text(result.article.text, spans)
    if result.flags.empty:
        st.success("Aucune incohérence trouvée avec le corpus.")
    claims = pd.concat([ctx.claims, result.claims.assign(status=[
        SpanStatus.FLAGGED.value if c in flagged else SpanStatus.CONSISTENT.value
        for c in result.claims["claim_id"]])], ignore_index=True)
    for flag in result.flags.assign(status="open").to_dict("records"):
        flag_card(flag, claims, {**ctx.titles, result.article.article_id: "Brouillon"})


def _downloads(name: str, label: str, frame: pd.DataFrame) -> None:
    col1, col2, col3 = st.columns([2, 1, 1])
    col1.markdown(f"**{label}** — {len(frame)} ligne(s)")
    col2.download_button("CSV", data.csv_bytes(frame), f"{name}.csv", "text/csv",
                         key=f"dl-{name}-csv")
    col3.download_button("CSV Excel (FR)", data.excel_fr_bytes(frame), f"{name}_excel_fr.csv",
                         "text/csv", key=f"dl-{name}-xlsfr")


def exports_view(ctx: ViewContext) -> None:
    st.caption("CSV : séparateur virgule, point décimal, UTF-8. CSV Excel (FR) : séparateur "
               "point-virgule, virgule décimale, UTF-8 avec BOM. Le statut de relecture est "
               "inclus. Un texte commençant par =, +, -, @, une tabulation ou un retour "
               "chariot est précédé d'une apostrophe, pour qu'un tableur ne l'exécute "
               "jamais comme une formule.")
    from factcheck.crossref.reader_links import flags_with_facts, reader_links

    # The same tables as ``factcheck check``: each figure's link to its fact rather than a row
    # per pair of reports, and the facts of each flag.
    facts = corpus_facts(ctx)
    _downloads("claims", "Chiffres", ctx.claims)
    _downloads("facts", "Faits", facts)
    _downloads("links", "Liens", data.links_with_status(
        reader_links(ctx.links, facts, ctx.claims), ctx.claims))
    _downloads("flags", "Signalements", flags_with_facts(ctx.flags, facts))
    if ctx.store is not None:
        _downloads("reviews", "Historique des relectures", ctx.store.history())
