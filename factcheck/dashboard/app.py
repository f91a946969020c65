"""The editors' dashboard (Streamlit): sidebar, corpus, cached analysis, then one view.

Run it with ``streamlit run dashboard.py`` from the repository, ``factcheck dashboard``, or
``streamlit run`` on this file (``factcheck.dashboard.app_path()``). Layout and widgets only:
the logic lives in ``factcheck.dashboard.data`` and the modules it calls.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from factcheck.dashboard import data
from factcheck.dashboard import labels as L
from factcheck.dashboard.views_read import articles_view, figures_view, timeline_view
from factcheck.dashboard.views_review import draft_view, exports_view, flags_view
from factcheck.dashboard.widgets import ViewContext
from factcheck.models import Article
from factcheck.store import ReviewStore, StoreError, resolve_db_path

REVIEWER_ENV_VAR = "FACTCHECK_REVIEWER"

_VIEWS = dict(
    zip(
        L.VIEWS,
        (articles_view, figures_view, flags_view, draft_view, timeline_view, exports_view),
        strict=True,
    )
)


def _folder_signature(path: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times under ``path``: the folder's cache key."""
    if path.is_file():
        stat = path.stat()
        return ((path.name, stat.st_size, stat.st_mtime_ns),)
    entries = []
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = Path(root) / name
            try:
                stat = full.stat()
            except OSError:
                continue
            entries.append((str(full.relative_to(path)), stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


@st.cache_data(show_spinner=False, max_entries=16)
def _cached_folder(path: str, signature: tuple[tuple[str, int, int], ...]) -> data.CorpusLoad:
    return data.load_folder(path)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_upload(name: str, payload: bytes) -> data.CorpusLoad:
    return data.load_uploads([(name, payload)])


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_reference() -> tuple[pd.DataFrame | None, str | None]:
    return data.load_reference_figures()


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_analysis(
    corpus_key: str, reference_key: str, _articles: tuple[Article, ...],
    _reference: pd.DataFrame | None,
):
    """Keyed on the content hashes of the corpus and of the reference figures; the progress
    bar is replayed on a cache hit."""
    bar = st.progress(0.0, text="Extraction des chiffres…")

    def progress(done: int, total: int) -> None:
        text = f"Extraction des chiffres : {done}/{total} articles"
        bar.progress(done / max(total, 1), text=text)

    analysis = data.analyze_with_progress(list(_articles), progress, reference=_reference)
    bar.progress(1.0, text="Recoupement terminé")
    return analysis


def _load_folder(path: str) -> data.CorpusLoad:
    folder = Path(path).expanduser()
    if not folder.exists():
        return data.CorpusLoad((), (f"{folder} : dossier ou fichier introuvable.",))
    return _cached_folder(str(folder), _folder_signature(folder))


def _sidebar() -> tuple[str, str, str, list[data.CorpusLoad], bool]:
    sidebar = st.sidebar
    sidebar.title("factcheck")
    view = sidebar.radio("Vue", L.VIEWS, key="view")
    sidebar.subheader("Relecture")
    reviewer = sidebar.text_input(
        "Votre nom (relecteur)", value=os.environ.get(REVIEWER_ENV_VAR, ""), key="reviewer"
    )
    db_path = sidebar.text_input(
        "Base des relectures (SQLite)", value=str(resolve_db_path()), key="db_path",
        help="Chemin du fichier SQLite ; par défaut la variable FACTCHECK_DB ou "
        ".factcheck/reviews.sqlite3 dans le dossier courant.",
    )
    sidebar.subheader("Corpus")
    loads: list[data.CorpusLoad] = []
    if sidebar.checkbox("Articles d'exemple (seeds)", value=True, key="use_seeds"):
        loads.append(_load_folder(str(data.default_corpus_dir())))
    folder = sidebar.text_input("Ajouter un dossier (chemin)", key="folder").strip()
    if folder:
        loads.append(_load_folder(folder))
    uploads = sidebar.file_uploader(
        "Ajouter des articles",
        type=list(data.UPLOAD_TYPES),
        accept_multiple_files=True,
        key="uploads",
        help=f"Fichiers txt, html, csv ou jsonl ; {data.MAX_UPLOAD_BYTES // 2**20} Mo au plus "
        "par fichier.",
    )
    for upload in uploads or []:
        loads.append(_cached_upload(upload.name, upload.getvalue()))
    use_reference = sidebar.checkbox(
        "Comparer aux chiffres de référence", value=True, key="use_reference",
        help="Chiffres vérifiés de reference/figures.csv (source et date pour chacun).",
    )
    return view, reviewer.strip(), db_path.strip(), loads, use_reference


def main() -> None:
    st.set_page_config(page_title="factcheck · tableau de bord", page_icon="🔎", layout="wide")
    view, reviewer, db_path, loads, use_reference = _sidebar()
    articles, duplicates = data.merge_articles(*(load.articles for load in loads))
    problems = [e for load in loads for e in load.errors] + list(duplicates)
    if problems:
        with st.sidebar.expander(f"⚠️ {len(problems)} problème(s) de lecture", expanded=True):
            for problem in problems:
                st.text(problem)
    if not articles:
        st.info("Aucun article : cochez les articles d'exemple, indiquez un dossier ou "
                "déposez des fichiers dans la barre latérale.")
        return
    reference, reference_error = _cached_reference() if use_reference else (None, None)
    if reference_error:
        st.sidebar.warning(f"Chiffres de référence non utilisés : {reference_error}")
    key = f"{data.corpus_key(articles)}-{data.frame_key(reference)}"
    with st.status("Analyse du corpus…", expanded=False) as status:
        analysis = _cached_analysis(key, data.frame_key(reference), articles, reference)
        status.update(
            label=f"Corpus analysé : {len(articles)} articles, {len(analysis.claims)} chiffres, "
            f"{len(analysis.flags)} signalements",
            state="complete",
        )
    try:
        store = ReviewStore(db_path or None)
        current = store.current()
    except StoreError as exc:
        st.error(f"Base des relectures inutilisable : {exc}")
        store, current = None, pd.DataFrame(columns=["flag_id", "status", "reviewer",
                                                      "decided_at", "note"])
    flags = data.flags_with_reviews(analysis.flags, current)
    claims = data.claims_with_status(analysis.claims, flags)
    ctx = ViewContext(
        corpus_key=key,
        articles=analysis.articles,
        claims=claims,
        links=analysis.links,
        flags=flags,
        store=store,
        reviewer=reviewer,
        reference=reference,
    )
    st.header(view)
    _VIEWS[view](ctx)


if __name__ == "__main__":
    main()
