"""The « Archive » view: a claims store (``factcheck check --store DIR``) browsed page by page.

The store is set by the administrator (``FACTCHECK_STORE`` or ``[factcheck] store_dir``),
never from the page. Each page is one DuckDB query over the store's Parquet files
(:mod:`factcheck.archive.pages`): an archive of millions of figures is never loaded whole.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from factcheck.archive import StoreError, open_store
from factcheck.archive import pages as P
from factcheck.dashboard.widgets import md

_TABS = ("Faits", "Chiffres", "Signalements", "Chronologie")

_FACT_COLUMNS = {
    "metric": "Indicateur", "subject": "Sujet", "place": "Lieu", "value": "Valeur",
    "low": "Min", "high": "Max", "n_reports": "Rapports", "n_articles": "Articles",
    "sources": "Sources", "outlets": "Médias", "first_published": "Premier rapport le",
    "first_outlet": "Premier média", "variants": "Formulations", "fact_id": "Fait",
}
_FIGURE_COLUMNS = {
    "published": "Publié le", "outlet": "Média", "title": "Article", "surface": "Chiffre",
    "subject": "Sujet", "place": "Lieu", "source": "Source", "sentence": "Phrase",
    "claim_id": "Chiffre (id)",
}
_FLAG_COLUMNS = {
    "type": "Type", "severity": "Gravité", "confidence": "Confiance",
    "explanation": "Explication", "articles": "Articles", "batch": "Lot",
}
_TIMELINE_COLUMNS = {
    "date": "Date", "subject": "Sujet", "place": "Lieu", "value": "Valeur",
    "n_reports": "Rapports", "first_outlet": "Premier média", "variants": "Formulations",
}


def archive_view(store_dir: Path | None) -> None:
    """The view; ``store_dir`` from the settings (None: not configured)."""
    if store_dir is None:
        st.info("Aucune archive configurée. L'administrateur indique le dossier d'une archive "
                "construite par « factcheck check --store DOSSIER » dans FACTCHECK_STORE ou "
                "dans [factcheck] store_dir de .streamlit/secrets.toml.")
        return
    try:
        with open_store(store_dir) as con:
            _show(con)
    except StoreError as exc:
        st.error(f"Archive illisible : {md(exc)}")


def _show(con) -> None:
    counts = P.store_counts(con)
    period = (f", publiés du {counts.first_published} au {counts.last_published}"
              if counts.first_published else "")
    st.caption(f"{counts.articles} articles en {counts.batches} lot(s){period} ; "
               f"{counts.claims} chiffres, {counts.facts} faits, {counts.flags} signalements.")
    tab = st.radio("Parcourir", _TABS, horizontal=True, key="archive_tab")
    if tab == "Faits":
        search = st.text_input("Rechercher (indicateur, sujet, lieu, source, formulation)",
                               key="archive_fact_search")
        several = st.checkbox("Seulement les faits rapportés plusieurs fois", value=True,
                              key="archive_fact_repeated")
        _paged("facts", lambda n, size: P.facts_page(con, search, 2 if several else 1, n, size),
               _FACT_COLUMNS)
    elif tab == "Chiffres":
        search = st.text_input("Rechercher (chiffre, sujet, source, phrase, titre)",
                               key="archive_figure_search")
        _paged("figures", lambda n, size: P.figures_page(con, search, n, size), _FIGURE_COLUMNS)
    elif tab == "Signalements":
        types = P.flag_types(con)
        chosen = st.selectbox("Type", ["(tous)", *types], key="archive_flag_type")
        confidence = st.slider("Confiance minimale", 0.0, 1.0, 0.0, 0.05,
                               key="archive_flag_confidence")
        flag_type = None if chosen == "(tous)" else chosen
        _paged("flags", lambda n, size: P.flags_page(con, flag_type, confidence, n, size),
               _FLAG_COLUMNS)
    else:
        search = st.text_input("Indicateur, sujet ou lieu à suivre dans le temps",
                               key="archive_timeline_search")
        if not search.strip():
            st.info("Indiquez un indicateur (par exemple « drones » ou « chômage ») pour voir "
                    "ses faits dans le temps, un point par fait à son premier rapport.")
            return
        page = _paged("timeline", lambda n, size: P.timeline_page(con, search, n, size),
                      _TIMELINE_COLUMNS)
        if page is not None and len(page.rows):
            chart = page.rows.assign(date=page.rows["date"].astype(str))
            st.scatter_chart(chart, x="date", y="value")


def _paged(name: str, fetch, columns: dict[str, str]) -> P.Page | None:
    """One page of a table with its navigation; the page number is kept per table."""
    size = st.select_slider("Lignes par page", options=[25, 50, 100, 200],
                            value=P.DEFAULT_PAGE_SIZE, key=f"archive_{name}_size")
    key = f"archive_{name}_page"
    number = int(st.session_state.setdefault(key, 1))
    page = fetch(number, size)
    if number > page.pages:  # the filters changed: back to the last page there is
        st.session_state[key] = page.pages
        page = fetch(page.pages, size)
    st.number_input(f"Page (sur {page.pages})", min_value=1, max_value=page.pages, step=1,
                    key=key)
    if page.total == 0:
        st.info("Aucune ligne avec ces critères.")
        return page
    first = page.offset + 1
    st.caption(f"Lignes {first} à {page.offset + len(page.rows)} sur {page.total}.")
    shown = page.rows[[c for c in columns if c in page.rows.columns]].rename(columns=columns)
    st.dataframe(shown, hide_index=True, use_container_width=True)
    return page
