"""Context accuracy on the gold figures of the seeds and the dev passages (printed with -s).

Claims are built from the gold spans (so the scores measure the context rules alone), and
again from the figure extractor's own mentions when ``factcheck.extract.scanner`` is present.
Targets: on the seeds every gold subject is right and every gold attribution is found as
source; on the dev passages subject and source accuracy are at least 0.9 each. Accuracy
counts every gold figure: a subject or source where gold has none is an error too.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from factcheck.context import annotate_many, same_source
from factcheck.models import Approx, Article, Claim, Kind, Mention, claim_id_for
from factcheck.text import normalize, sentence_at, sentence_spans

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "reference" / "gold"
SEEDS = ROOT / "seeds"


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def gold_articles() -> tuple[list[Article], dict[str, list[dict[str, Any]]]]:
    articles = []
    with (SEEDS / "metadata.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = normalize((SEEDS / f"{row['id']}.txt").read_text(encoding="utf-8"))
            articles.append(
                Article(row["id"], text, published=date.fromisoformat(row["published"]))
            )
    for row in _jsonl(GOLD / "dev_corpus.jsonl"):
        articles.append(
            Article(row["id"], row["text"], published=date.fromisoformat(row["published"]))
        )
    gold: dict[str, list[dict[str, Any]]] = {}
    for name in ("seeds_mentions.jsonl", "dev_mentions.jsonl"):
        for row in _jsonl(GOLD / name):
            gold.setdefault(row["id"], []).append(row)
    for rows in gold.values():
        rows.sort(key=lambda r: r["start"])
    return articles, gold


def _claims_from_gold(article: Article, rows: list[dict[str, Any]]) -> list[Claim]:
    spans = sentence_spans(article.text)
    claims = []
    for g in rows:
        m = Mention(
            g["start"],
            g["end"],
            g["surface"],
            Kind(g["kind"]),
            g.get("value"),
            unit=g.get("unit"),
            approx=Approx(g.get("approx") or "none"),
        )
        s, e = sentence_at(spans, m.start)
        claims.append(
            Claim(article.article_id, claim_id_for(article.article_id, m), m, article.text[s:e], s)
        )
    return claims


def _score(
    articles: list[Article],
    gold: dict[str, list[dict[str, Any]]],
    claims: list[list[Claim]],
    part: str,
) -> dict[str, Any]:
    total = subj = src = 0
    errors = []
    attributions = attributions_found = 0
    for article, annotated in zip(articles, claims, strict=True):
        if (part == "seeds") != article.article_id[0].isdigit():
            continue
        for g in gold.get(article.article_id, []):
            match = [
                c for c in annotated if c.mention.start < g["end"] and g["start"] < c.mention.end
            ]
            total += 1
            if not match:
                errors.append(f"{article.article_id} {g['surface']!r}: figure not found")
                continue
            ctx = match[0].context
            ok_subject = ctx.subject == g.get("subject")
            ok_source = same_source(ctx.source, g.get("attribution"))
            subj += ok_subject
            src += ok_source
            if g.get("attribution"):
                attributions += 1
                attributions_found += ok_source
            if not (ok_subject and ok_source):
                errors.append(
                    f"{article.article_id} {g['surface']!r}: subject {ctx.subject!r} (gold "
                    f"{g.get('subject')!r}), source {ctx.source!r} (gold {g.get('attribution')!r})"
                )
    return {
        "figures": total,
        "subject": subj / total,
        "source": src / total,
        "attributions": attributions,
        "attributions_found": attributions_found,
        "errors": errors,
    }


def _report(label: str, score: dict[str, Any]) -> None:
    print(
        f"\n{label}: {score['figures']} figures, subject accuracy {score['subject']:.3f}, "
        f"source accuracy {score['source']:.3f}, gold attributions found "
        f"{score['attributions_found']}/{score['attributions']}"
    )
    for e in score["errors"]:
        print("   ", e)


@pytest.fixture(scope="module")
def gold_claims() -> tuple[list[Article], dict[str, list[dict[str, Any]]], list[list[Claim]]]:
    articles, gold = gold_articles()
    pairs = [(a, _claims_from_gold(a, gold.get(a.article_id, []))) for a in articles]
    return articles, gold, annotate_many(pairs)


def test_seeds_subjects_and_attributions(gold_claims) -> None:
    articles, gold, claims = gold_claims
    score = _score(articles, gold, claims, "seeds")
    _report("seeds (gold spans)", score)
    by_id = {a.article_id: c for a, c in zip(articles, claims, strict=True)}
    for art_id, rows in gold.items():
        if not art_id[0].isdigit():
            continue
        for g, claim in zip(rows, by_id[art_id], strict=True):
            if g.get("subject"):
                assert claim.context.subject == g["subject"], g["surface"]
            if g.get("attribution"):
                assert same_source(claim.context.source, g["attribution"]), g["surface"]


def test_dev_accuracy(gold_claims) -> None:
    articles, gold, claims = gold_claims
    score = _score(articles, gold, claims, "dev")
    _report("dev (gold spans)", score)
    assert score["subject"] >= 0.9
    assert score["source"] >= 0.9


def test_accuracy_with_the_figure_extractor() -> None:
    pytest.importorskip("factcheck.extract.scanner",
                        reason="the figure extractor is not in the tree")
    pipeline = pytest.importorskip("factcheck.pipeline", reason="the pipeline is not in the tree")
    articles, gold = gold_articles()
    claims = annotate_many([(a, pipeline.extract_claims(a, with_context=False)) for a in articles])
    for part in ("seeds", "dev"):
        score = _score(articles, gold, claims, part)
        _report(f"{part} (extracted figures)", score)
        assert score["subject"] >= 0.9
        assert score["source"] >= 0.9
