"""The dashboard's corpus loading, without Streamlit: a folder, uploaded files (each within
its size, all within the deployment's limits), merged under unique ids, and a content key for
the analysis cache. Messages are in French and name the file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.dashboard.paths import links_leaving
from factcheck.models import Article, stable_id

SEEDS_ENV_VAR = "FACTCHECK_SEEDS"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_TYPES: tuple[str, ...] = ("txt", "html", "htm", "csv", "jsonl")


@dataclass(frozen=True, eq=False)
class CorpusLoad:
    articles: tuple[Article, ...]
    errors: tuple[str, ...]  # one line per problem, naming the file


def default_corpus_dir() -> Path:
    """``$FACTCHECK_SEEDS``, else the repository's ``seeds/``, else ``./seeds``."""
    env = os.environ.get(SEEDS_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    repo_seeds = Path(__file__).resolve().parents[2] / "seeds"
    return repo_seeds if repo_seeds.is_dir() else Path("seeds")


def load_folder(
    path: str | os.PathLike[str], root: str | os.PathLike[str] | None = None
) -> CorpusLoad:
    """Articles of a folder (or file). With a ``root`` (a shared deployment), files that are
    symbolic links leading out of it are skipped and reported."""
    from factcheck.corpus import read_corpus

    folder = Path(path).expanduser()
    if not folder.exists():
        return CorpusLoad((), (f"{folder} : dossier ou fichier introuvable.",))
    leaving = links_leaving(folder, root) if root is not None and folder.is_dir() else []
    result = read_corpus([folder], skip=leaving)
    errors = [str(e) for e in result.errors] + [
        f"{link.relative_to(folder)} : lien vers un fichier hors du dossier des corpus, ignoré."
        for link in leaving
    ]
    return CorpusLoad(tuple(result.articles), tuple(errors))


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"« {name} » : fichier trop volumineux ({size / 1e6:.1f} Mo, "
        f"limite {max_bytes / 1e6:.0f} Mo) ; il n'a pas été ajouté."
    )


def load_uploads(
    files: Iterable[tuple[str, bytes]], max_bytes: int = MAX_UPLOAD_BYTES
) -> CorpusLoad:
    """Articles of uploaded files; a file over ``max_bytes`` is refused with a French
    message naming it, the others are still read."""
    from factcheck.corpus import articles_from_upload

    articles: list[Article] = []
    errors: list[str] = []
    for name, data in files:
        if len(data) > max_bytes:
            errors.append(_too_large(name, len(data), max_bytes))
            continue
        result = articles_from_upload(name, data, max_bytes=max_bytes)
        articles.extend(result.articles)
        errors.extend(str(e) for e in result.errors)
    return CorpusLoad(tuple(articles), tuple(errors))


def admit_uploads(
    files: Sequence[tuple[str, int]],
    max_count: int,
    max_total: int,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> tuple[list[int], list[str]]:
    """Which uploaded files (name, size), in order, are read: each at most ``max_bytes``,
    at most ``max_count`` of them and ``max_total`` bytes together. Returns the indexes
    admitted and one French message per reason naming the files refused."""
    admitted: list[int] = []
    messages: list[str] = []
    over_count: list[str] = []
    over_total: list[str] = []
    total = 0
    for index, (name, size) in enumerate(files):
        if size > max_bytes:
            messages.append(_too_large(name, size, max_bytes))
        elif len(admitted) >= max_count:
            over_count.append(name)
        elif total + size > max_total:
            over_total.append(name)
        else:
            admitted.append(index)
            total += size
    if over_count:
        messages.append(
            f"{_names(over_count)} : non ajouté(s), {max_count} fichiers déposés au plus "
            "(réglage FACTCHECK_MAX_UPLOADS)."
        )
    if over_total:
        messages.append(
            f"{_names(over_total)} : non ajouté(s), {max_total / 1e6:.0f} Mo au plus pour "
            "l'ensemble des fichiers déposés (réglage FACTCHECK_MAX_UPLOAD_TOTAL_MB)."
        )
    return admitted, messages


def _names(names: Sequence[str], shown: int = 5) -> str:
    quoted = ", ".join(f"« {n} »" for n in names[:shown])
    rest = len(names) - shown
    return f"{quoted} et {rest} autre(s)" if rest > 0 else quoted


def merge_articles(*groups: Iterable[Article]) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """All articles of several loads, under unique ids by the corpus reader's rule
    (``factcheck.corpus.results.Sink``): a later article with an id already loaded is kept
    with a suffix derived from its text (``d01~3fa2b1``), and a message says so. The very
    same article loaded twice (same id, text, metadata and file) is kept once, as the reader
    reads a file named twice once."""
    from factcheck.corpus.results import Sink

    sink = Sink(on_error=lambda _problem: None)  # the messages below are in French
    loaded: set[Article] = set()
    first_origin: dict[str, str] = {}
    articles: list[Article] = []
    messages: list[str] = []
    for group in groups:
        for article in group:
            shown = article.origin or article.article_id
            if article in loaded:
                messages.append(f"{shown} : article « {article.article_id} » déjà chargé "
                                "(même fichier, même texte), gardé une fois.")
                continue
            loaded.add(article)
            kept = sink.article(article, shown)
            if kept.article_id != article.article_id:
                messages.append(
                    f"{shown} : identifiant « {article.article_id} » déjà pris (par "
                    f"{first_origin[article.article_id]}) ; cet article est gardé aussi, "
                    f"sous l'identifiant « {kept.article_id} »."
                )
            first_origin.setdefault(kept.article_id, shown)
            articles.append(kept)
    return tuple(articles), tuple(messages)


def corpus_key(articles: Iterable[Article]) -> str:
    """A hash of the corpus content: equal corpora give equal keys, whatever their origin."""
    parts = [
        stable_id(a.article_id, a.text, a.title, a.source, a.url, a.published, length=40)
        for a in articles
    ]
    return stable_id(*sorted(parts), length=40)
