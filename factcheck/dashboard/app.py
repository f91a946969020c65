"""The editors' dashboard (Streamlit): sidebar, corpus, cached analysis, then one view.

Run it with ``streamlit run dashboard.py`` from the repository, ``factcheck dashboard``, or
``streamlit run`` on this file (``factcheck.dashboard.app_path()``). Layout and widgets only:
the logic lives in ``factcheck.dashboard.data`` and the modules it calls.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from factcheck.dashboard import analysis as corpus_analysis
from factcheck.dashboard import data, loading
from factcheck.dashboard import labels as L
from factcheck.dashboard.paths import FolderRefused, check_root, resolve_folder
from factcheck.dashboard.settings import (
    SECTION,
    Settings,
    SettingsError,
    read_settings,
    reviewer_identity,
)
from factcheck.dashboard.views_archive import archive_view
from factcheck.dashboard.views_read import articles_view, figures_view, timeline_view
from factcheck.dashboard.views_review import draft_view, exports_view, flags_view
from factcheck.dashboard.widgets import ViewContext, md
from factcheck.models import Article
from factcheck.store import ReviewStore, StoreError, resolve_db_path

REVIEWER_ENV_VAR = "FACTCHECK_REVIEWER"

ARCHIVE_VIEW = L.VIEWS[-1]
_VIEWS = dict(
    zip(
        L.VIEWS[:-1],
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
def _cached_folder(
    path: str, root: str | None, signature: tuple[tuple[str, int, int], ...]
) -> loading.CorpusLoad:
    return loading.load_folder(path, root)


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_upload(name: str, payload: bytes) -> loading.CorpusLoad:
    return loading.load_uploads([(name, payload)])


@st.cache_data(show_spinner=False, max_entries=4)
def _cached_reference() -> tuple[pd.DataFrame | None, str | None]:
    return data.load_reference_figures()


@st.cache_data(show_spinner=False, max_entries=8)
def _cached_analysis(
    corpus_key: str, reference_key: str, article_timeout: float | None,
    _articles: tuple[Article, ...], _reference: pd.DataFrame | None,
) -> corpus_analysis.CorpusAnalysis:
    """Keyed on the content hashes of the corpus and of the reference figures, and on the
    time budget of one article; the progress bar is replayed on a cache hit."""
    bar = st.progress(0.0, text="Extraction des chiffres…")

    def progress(done: int, total: int) -> None:
        text = f"Extraction des chiffres : {done}/{total} articles"
        bar.progress(done / max(total, 1), text=text)

    analysis = corpus_analysis.analyze_with_progress(
        list(_articles), progress, reference=_reference, article_timeout=article_timeout)
    bar.progress(1.0, text="Recoupement terminé")
    return analysis


def _load_folder(path: Path, root: Path | None = None) -> loading.CorpusLoad:
    if not path.exists():
        return loading.CorpusLoad((), (f"{path} : dossier ou fichier introuvable.",))
    return _cached_folder(str(path), str(root) if root else None, _folder_signature(path))


def _secrets_section() -> Mapping[str, object]:
    """The ``[factcheck]`` section of ``secrets.toml``; empty when there is no such file."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        section = st.secrets.get(SECTION)
    except (FileNotFoundError, KeyError, TypeError):
        return {}
    return dict(section) if isinstance(section, Mapping) else {}


def _auth_configured() -> bool:
    try:
        return bool(st.secrets.load_if_toml_exists() and st.secrets.get("auth"))
    except (FileNotFoundError, KeyError, TypeError):
        return False


def _identity(settings: Settings) -> str | None:
    """The reviewer's name from ``st.user`` (``st.login``) or the login proxy's header."""
    try:
        user = st.user.to_dict()
    except Exception:  # no script context, or an older Streamlit without st.user
        user = {}
    try:
        headers: Mapping[str, str] = st.context.headers
    except Exception:  # no request (AppTest)
        headers = {}
    return reviewer_identity(user, headers, settings.identity_header)


@dataclass(frozen=True, eq=False)
class _Choices:
    view: str
    reviewer: str
    loads: list[loading.CorpusLoad]
    use_reference: bool


def _reviewer(sidebar, settings: Settings) -> str:
    sidebar.subheader("Relecture")
    identity = _identity(settings)
    if identity:
        sidebar.caption(f"Relecteur : **{md(identity)}** (identifiant de connexion)")
        if _auth_configured() and sidebar.button("Se déconnecter", key="logout"):
            st.logout()
    else:
        if _auth_configured() and sidebar.button("Se connecter", key="login"):
            st.login()
        identity = sidebar.text_input(
            "Votre nom (relecteur)", value=os.environ.get(REVIEWER_ENV_VAR, ""), key="reviewer"
        )
    db = resolve_db_path(settings.db_path)
    sidebar.caption(
        f"Base des relectures : {md(db.name)}",
        help="Fixée par l'administrateur (FACTCHECK_DB ou [factcheck] db_path dans "
        ".streamlit/secrets.toml).",
    )
    return identity.strip()


def _folder(sidebar, settings: Settings) -> loading.CorpusLoad | None:
    """The folder typed in the sidebar, read only below the configured corpus root."""
    if settings.corpus_root is None:
        sidebar.caption(
            "Ajout d'un dossier du serveur désactivé : aucun dossier des corpus n'est "
            "configuré (FACTCHECK_CORPUS_ROOT)."
        )
        return None
    try:
        root = check_root(settings.corpus_root)
    except FolderRefused as exc:
        sidebar.warning(f"Ajout d'un dossier désactivé : {md(exc)}")
        return None
    entered = sidebar.text_input(
        "Ajouter un dossier", key="folder",
        help=f"Chemin d'un sous-dossier du dossier des corpus « {root.name} ».",
    ).strip()
    if not entered:
        return None
    try:
        folder = resolve_folder(root, entered)
    except FolderRefused as exc:
        return loading.CorpusLoad((), (f"Dossier refusé : {exc}",))
    return _load_folder(folder, root)


def _uploads(sidebar, settings: Settings) -> list[loading.CorpusLoad]:
    uploads = sidebar.file_uploader(
        "Ajouter des articles",
        type=list(loading.UPLOAD_TYPES),
        accept_multiple_files=True,
        key="uploads",
        help=f"Fichiers txt, html, csv ou jsonl ; {loading.MAX_UPLOAD_BYTES // 2**20} Mo au plus "
        f"par fichier, {settings.max_uploads} fichiers et "
        f"{settings.max_upload_total_bytes // 1_000_000} Mo au plus en tout.",
    ) or []
    admitted, refused = loading.admit_uploads(
        [(upload.name, upload.size) for upload in uploads],
        settings.max_uploads, settings.max_upload_total_bytes,
    )
    loads = [_cached_upload(uploads[i].name, uploads[i].getvalue()) for i in admitted]
    if refused:
        loads.append(loading.CorpusLoad((), tuple(refused)))
    return loads


def _sidebar(settings: Settings) -> _Choices:
    sidebar = st.sidebar
    sidebar.title("factcheck")
    view = sidebar.radio("Vue", L.VIEWS, key="view")
    reviewer = _reviewer(sidebar, settings)
    sidebar.subheader("Corpus")
    loads: list[loading.CorpusLoad] = []
    if sidebar.checkbox("Articles d'exemple (seeds)", value=True, key="use_seeds"):
        loads.append(_load_folder(loading.default_corpus_dir()))
    folder = _folder(sidebar, settings)
    if folder is not None:
        loads.append(folder)
    loads.extend(_uploads(sidebar, settings))
    use_reference = sidebar.checkbox(
        "Comparer aux chiffres de référence", value=True, key="use_reference",
        help="Chiffres vérifiés de reference/figures.csv (source et date pour chacun).",
    )
    return _Choices(view, reviewer, loads, use_reference)


def main() -> None:
    st.set_page_config(page_title="factcheck · tableau de bord", page_icon="🔎", layout="wide")
    try:
        settings = read_settings(os.environ, _secrets_section())
    except SettingsError as exc:
        st.error(f"Configuration du tableau de bord invalide : {md(exc)}")
        st.stop()
    choices = _sidebar(settings)
    view, reviewer, loads = choices.view, choices.reviewer, choices.loads
    if view == ARCHIVE_VIEW:  # the store, by pages: no corpus analysis needed
        st.header(view)
        archive_view(settings.store_dir)
        return
    articles, duplicates = loading.merge_articles(*(load.articles for load in loads))
    problems = [e for load in loads for e in load.errors] + list(duplicates)
    if problems:
        with st.sidebar.expander(f"⚠️ {len(problems)} problème(s) de lecture", expanded=True):
            for problem in problems:
                st.text(problem)
    if not articles:
        st.info("Aucun article : cochez les articles d'exemple, indiquez un dossier ou "
                "déposez des fichiers dans la barre latérale.")
        return
    reference, reference_error = _cached_reference() if choices.use_reference else (None, None)
    if reference_error:
        st.sidebar.warning(f"Chiffres de référence non utilisés : {md(reference_error)}")
    key = f"{loading.corpus_key(articles)}-{data.frame_key(reference)}"
    with st.status("Analyse du corpus…", expanded=False) as status:
        done = _cached_analysis(key, data.frame_key(reference), settings.article_timeout,
                                articles, reference)
        analysis = done.analysis
        status.update(
            label=f"Corpus analysé : {len(articles)} articles, {len(analysis.claims)} chiffres, "
            f"{len(analysis.flags)} signalements"
            + (f", {len(done.left_out)} article(s) non analysé(s)" if done.left_out else ""),
            state="complete",
        )
    if done.left_out:
        with st.sidebar.expander(f"⚠️ {len(done.left_out)} article(s) non analysé(s)",
                                 expanded=True):
            for skipped in done.left_out:
                st.text(corpus_analysis.left_out_message(skipped))
    try:
        store = ReviewStore(settings.db_path)
        current = store.current()
    except StoreError as exc:
        st.error(f"Base des relectures inutilisable : {md(exc)}")
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
        article_timeout=settings.article_timeout,
    )
    st.header(view)
    _VIEWS[view](ctx)


if __name__ == "__main__":
    main()
