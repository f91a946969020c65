"""Benchmark: checking a 5,000-character draft against a 1,000-article corpus.

The corpus is the deterministic synthetic archive of ``bench/archive_corpus.py`` (many distinct
stories, seed articles and dev passages once each). The draft is a new article of one of the
archive's stories (``DRAFT_STORY``, four articles in the archive: a story of ordinary size),
opening with a figure that contradicts a seed article. The corpus claims are extracted once and
cached under ``bench/data/`` (keyed by the corpus hash), since the dashboard does the same
through ``st.cache_data``. Then:

* the blocking index is built once (``DraftChecker(...)``), as the dashboard does per corpus;
* the draft is checked several times (after one warm-up run that loads spaCy), timing its
  extraction and its cross-reference through the index;
* for comparison, one naive run cross-references the draft with the *whole* corpus, and the
  links and flags involving the draft are compared with the index's.

    python bench/bench_draft.py [--articles 1000] [--draft-chars 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from archive_corpus import archive_articles, follow_up  # noqa: E402

from factcheck.crossref.draft import DraftChecker, restrict_flags, restrict_links  # noqa: E402
from factcheck.crossref.engine import cross_reference  # noqa: E402
from factcheck.dashboard.loading import corpus_key  # noqa: E402
from factcheck.models import Article, stable_id  # noqa: E402
from factcheck.pipeline import claims_frame, draft_checker  # noqa: E402

CACHE_DIR = ROOT / "bench" / "data"
CONTRADICTION = "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev. "
#: The archive story the draft follows up (seed 0): story 16 has four articles; story 619, the
#: largest of the first 10,000 articles, has 209 (``--story 619``).
DRAFT_STORY, LARGE_STORY = 16, 619


def corpus(n_articles: int) -> list[Article]:
    return archive_articles(n_articles, seed=0)


def _code_key() -> str:
    """A hash of the package's code and language data: cached claims follow the extractor."""
    package = ROOT / "factcheck"
    files = sorted([*package.rglob("*.py"), *package.rglob("*.toml")])
    return stable_id(*(f.read_bytes() for f in files), length=12)


def corpus_claims(articles: list[Article], processes: int) -> pd.DataFrame:
    path = CACHE_DIR / f"draft_claims_{corpus_key(articles)[:12]}_{_code_key()}.pkl"
    if path.exists():
        print(f"corpus claims: read from {path.relative_to(ROOT)}")
        return pd.read_pickle(path)
    start = time.perf_counter()
    claims = claims_frame(articles, processes=processes, progress=True)
    print(f"corpus claims: extracted in {time.perf_counter() - start:.1f} s "
          f"({processes} process(es)), cached in {path.relative_to(ROOT)}")
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    claims.to_pickle(path)
    return claims


def draft_text(n_chars: int, story: int = DRAFT_STORY) -> str:
    """News text of about ``n_chars`` characters: a new article of the archive's story
    ``story``, opening with a figure that contradicts a seed article."""
    return (CONTRADICTION + follow_up(story, seed=0, n_chars=n_chars))[:n_chars]


class Timed:
    """Wraps the checker's steps to time each of them."""

    def __init__(self, checker: DraftChecker) -> None:
        self.checker = checker
        self.times: dict[str, list[float]] = {"extraction": [], "cross_reference": [],
                                               "total": []}
        checker._claims_fn = self._timing("extraction", checker._claims_fn)
        assert checker.engine is not None, "the project's cross-referencer is needed"
        checker.engine.check = self._timing(  # type: ignore[method-assign]
            "cross_reference", checker.engine.check
        )

    def _timing(self, name, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.times[name].append(time.perf_counter() - start)

        return timed

    def check(self, text: str):
        start = time.perf_counter()
        result = self.checker.check(text)
        self.times["total"].append(time.perf_counter() - start)
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--draft-chars", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--processes", type=int, default=1, help="for the corpus extraction")
    parser.add_argument("--story", type=int, default=DRAFT_STORY,
                        help="the archive story the draft follows up")
    args = parser.parse_args(argv)

    articles = corpus(args.articles)
    claims = corpus_claims(articles, args.processes)
    print(f"corpus: {len(articles)} articles, {sum(len(a.text) for a in articles):,} chars, "
          f"{len(claims):,} claims")

    start = time.perf_counter()
    checker = draft_checker(claims)
    print(f"blocking index: {checker.n_blocks:,} blocks, built in "
          f"{(time.perf_counter() - start) * 1000:.0f} ms (once per corpus)")

    text = draft_text(args.draft_chars, args.story)
    checker.check(text)  # warm-up: loads the spaCy pipeline and the language data
    timed = Timed(checker)
    for _ in range(args.runs):
        result = timed.check(text)
    print(f"draft: {len(text):,} chars, {len(result.claims)} claims, "
          f"{result.n_candidates:,} corpus claims compared "
          f"({result.n_candidates / max(len(claims), 1):.1%} of the corpus), "
          f"{len(result.links)} links, {len(result.flags)} flags")
    print(f"check, {args.runs} runs after a warm-up (median / min / max, ms):")
    for name, values in timed.times.items():
        ms = [v * 1000 for v in values]
        print(f"  {name:<16} {statistics.median(ms):8.0f} {min(ms):8.0f} {max(ms):8.0f}")

    draft_claims = result.claims
    start = time.perf_counter()
    links, flags = cross_reference(pd.concat([claims, draft_claims], ignore_index=True), None)
    naive = time.perf_counter() - start
    draft_ids = set(draft_claims["claim_id"])
    naive_flags = restrict_flags(flags, draft_ids)
    naive_links = restrict_links(links, draft_ids)
    same = (set(naive_flags["flag_id"]) == set(result.flags["flag_id"])
            and set(naive_links["link_id"]) == set(result.links["link_id"]))
    print(f"naive (cross_reference on corpus + draft, one run): {naive * 1000:.0f} ms; "
          f"same links and flags for the draft: {'yes' if same else 'NO'} "
          f"({len(naive_links)} links, {len(naive_flags)} flags)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
