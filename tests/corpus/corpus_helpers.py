"""Shared inputs and helpers of the corpus reading tests (``tests/corpus/test_corpus_*.py``)."""

from __future__ import annotations

from pathlib import Path

from factcheck.corpus.reader import CorpusResult

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[2] / "seeds"

DRONES = "Selon le ministère russe de la Défense, 17 drones ont été interceptés."
# Every character here is one cp1252 byte; all but œ, €, ’ and Œ are in latin-1 too.
ACCENTS = (
    "À Kyiv, l’État a reçu « près de 1,2 milliard d’euros » : ça coûte 40 € par foyer, "
    "précise le ministère. Œuvre de cœur, dit-il ; c’était en août, à Noël déjà."
)
ACCENTS_LATIN1 = (
    "À Kyiv, le ministère a reçu « près de 1,2 milliard » : ça coûte 40 euros par foyer, "
    "précise l'État. Déjà en août, à Noël, été après été."
)


def by_id(result: CorpusResult) -> dict[str, object]:
    return {article.article_id: article for article in result.articles}


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
