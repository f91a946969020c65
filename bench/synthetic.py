"""A deterministic synthetic corpus of French news articles, for benchmarks.

Articles are built from the sentence templates and vocabulary of ``synthetic_fr.toml``: real
news phrasing with figures of every kind (counts in digits and in words, money with scales and
currencies, percents, approximators, ranges, dates, times, durations, ordinals, identifiers,
fractions, quantities with units), attributions and quotes. The two seed articles
(``seeds/*.txt``) and the dev passages (``reference/gold/dev_corpus.jsonl``) are mixed in, so
the corpus also carries the texts the project is tested on.

The same ``(n_chars, seed)`` always gives the same corpus::

    python bench/synthetic.py --chars 1200000 -o bench/data/corpus.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from synthetic_writer import SlotWriter, synthetic_data

from factcheck.models import Article, stable_id
from factcheck.text import normalize

ROOT = Path(__file__).resolve().parent.parent

#: Share of generated sentences without figures. With it the corpus has about 10 figures per
#: 1,000 characters, between the seed articles (about 3) and the dev passages (about 17).
PLAIN_SHARE = 0.45


def _generated(rng: random.Random) -> tuple[str, date]:
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 800))
    writer = SlotWriter(rng, published)
    templates = synthetic_data()["templates"]
    lines = [writer.fill(rng.choice(templates["title"]))]
    for _ in range(rng.randint(3, 8)):
        k = rng.randint(1, 4)
        picks = [
            rng.choice(templates["plain"])
            if rng.random() < PLAIN_SHARE
            else rng.choice(templates["sentence"])
            for _ in range(k)
        ]
        lines.append(" ".join(writer.fill(t) for t in picks))
    return "\n".join(lines), published


@lru_cache(maxsize=1)
def real_texts() -> tuple[tuple[tuple[str, str, date | None], ...], ...]:
    """(seed articles, dev passages) as (id, text, published) triples."""
    meta: dict[str, date] = {}
    with (ROOT / "seeds" / "metadata.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            meta[row["id"]] = date.fromisoformat(row["published"])
    seeds = tuple(
        (p.stem, p.read_text(encoding="utf-8"), meta.get(p.stem))
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    )
    dev = []
    with (ROOT / "reference" / "gold" / "dev_corpus.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                dev.append((rec["id"], rec["text"], date.fromisoformat(rec["published"])))
    return seeds, tuple(dev)


def synthetic_articles(n_chars: int, seed: int = 0) -> list[Article]:
    """Articles totalling at least ``n_chars`` characters of text, the same for the same seed.

    Every tenth article is a seed article and every tenth a dev passage (in turn); the rest
    are generated from the templates.
    """
    rng = random.Random(seed)
    seeds, dev = real_texts()
    articles: list[Article] = []
    total = 0
    i = 0
    while total < n_chars:
        if i % 10 == 3:
            origin, text, published = seeds[(i // 10) % len(seeds)]
        elif i % 10 == 7:
            origin, text, published = dev[(i // 10) % len(dev)]
        else:
            origin = "synthetic"
            text, published = _generated(rng)
        text = normalize(text)
        articles.append(
            Article(
                article_id=stable_id(origin, seed, i, text),
                text=text,
                published=published,
                source="synthetic",
                origin=origin,
            )
        )
        total += len(text)
        i += 1
    return articles


def write_jsonl(articles: list[Article], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            rec = {
                "id": a.article_id,
                "published": a.published.isoformat() if a.published else None,
                "language": a.language,
                "text": a.text,
            }
            if a.title:
                rec["title"] = a.title
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--chars",
        type=int,
        default=1_200_000,
        help="minimum total characters of text (default 1,200,000)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, default=Path("bench/data/corpus.jsonl"))
    args = parser.parse_args(argv)
    articles = synthetic_articles(args.chars, args.seed)
    write_jsonl(articles, args.output)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars:,} characters -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
