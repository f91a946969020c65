"""Small, hand-checked tables for the dashboard tests: the seed articles' key figures as
claims, and a stand-in cross-referencer, so the dashboard's own behaviour (highlighting,
filters, reviews, exports, draft restriction) is tested independently of the extraction and
cross-referencing engines, which have their own tests."""

from __future__ import annotations

from datetime import date

import pandas as pd

from factcheck.models import (
    FLAG_COLUMNS,
    LINK_COLUMNS,
    Approx,
    Article,
    Claim,
    Context,
    Kind,
    Mention,
    claim_id_for,
    stable_id,
)
from factcheck.pipeline import ALL_CLAIM_COLUMNS, claim_row
from factcheck.text import sentence_at, sentence_spans

# surface, kind, value, low, high, unit, approx, subject, category, source
FIGURES: tuple[tuple, ...] = (
    ("988 millions de dollars", Kind.MONEY, 988e6, 988e6, 988e6, "USD", Approx.NONE,
     "aide", "aide militaire", "administration Biden"),
    ("988 milliards de dollars", Kind.MONEY, 988e9, 988e9, 988e9, "USD", Approx.NONE,
     "aide", "aide militaire", "Washington"),
    ("46 drones", Kind.COUNT, 46, 46, 46, None, Approx.NONE, "drone", "drones abattus",
     "ministère russe de la Défense"),
    ("17 drones", Kind.COUNT, 17, 17, 17, None, Approx.NONE, "drone", "drones abattus",
     "ministère russe de la Défense"),
    ("400 000 soldats", Kind.COUNT, 400000, 400000, 400000, None, Approx.NONE, "soldat",
     "soldats tués", "Donald Trump"),
    ("plus de 400 000 soldats", Kind.COUNT, 400000, 400000, None, None, Approx.LOWER,
     "soldat", "soldats tués", "Kiev"),
    ("une semaine", Kind.DURATION, 7, 7, 7, "day", Approx.NONE, "pause", None, None),
    ("20 janvier", Kind.DATE, None, None, None, None, Approx.NONE, None, None, None),
    ("BM-35", Kind.IDENTIFIER, None, None, None, None, Approx.NONE, None, None, None),
)


def claims_for(article: Article) -> list[Claim]:
    """Claims for every occurrence of a known figure in ``article`` (longest first): in its
    headline given apart (``title``, claims of part "title") first, then in its text."""
    head = Article(article.article_id, article.title) if article.title else None
    return (_claims_in(head, "title") if head else []) + _claims_in(article, "body")


def _claims_in(article: Article, part: str) -> list[Claim]:
    taken: list[tuple[int, int]] = []
    claims = []
    spans = sentence_spans(article.text)
    for surface, kind, value, low, high, unit, approx, subject, category, source in sorted(
        FIGURES, key=lambda f: -len(f[0])
    ):
        pos = article.text.find(surface)
        while pos >= 0:
            end = pos + len(surface)
            if not any(s < end and pos < e for s, e in taken):
                taken.append((pos, end))
                mention = Mention(pos, end, surface, kind, value, low, high, unit, approx)
                s_start, s_end = sentence_at(spans, pos)
                claims.append(
                    Claim(
                        article.article_id,
                        claim_id_for(article.article_id, mention, part),
                        mention,
                        article.text[s_start:s_end],
                        s_start,
                        Context(subject=subject, category=category, source=source,
                                time_end=None),
                        part,
                    )
                )
            pos = article.text.find(surface, pos + 1)
    return sorted(claims, key=lambda c: c.mention.start)


def fake_claims_frame(articles: list[Article], **_options: object) -> pd.DataFrame:
    """The claims of ``articles`` (``claims_frame``'s options, such as the time budget, are
    accepted and have nothing to bound here)."""
    rows = [claim_row(a, c) for a in articles for c in claims_for(a)]
    return pd.DataFrame(rows, columns=list(ALL_CLAIM_COLUMNS))


def _key(row: dict) -> tuple:
    return tuple(None if pd.isna(row[c]) else row[c] for c in ("category", "kind", "unit"))


def fake_cross_reference(
    claims: pd.DataFrame, reference: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Same category, kind and unit: equal values are ``same``, values a thousand times
    apart (millions/milliards) a ``contradiction`` with a high-severity flag."""
    links, flags = [], []
    rows = claims[claims["category"].notna()].to_dict("records")
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if _key(a) != _key(b):
                continue
            if a["value"] == b["value"]:
                relation = "same"
            elif max(a["value"], b["value"]) / min(a["value"], b["value"]) == 1000:
                relation = "contradiction"
            else:
                continue
            ids = (a["claim_id"], b["claim_id"])
            explanation = f"« {a['surface']} » contre « {b['surface']} »"
            links.append((stable_id("link", *ids), *ids, relation, explanation))
            if relation == "contradiction":
                flags.append((stable_id("flag", *ids), "scale_mismatch", "high", ids,
                              (a["article_id"], b["article_id"]),
                              f"Écart d'un facteur 1000 : {explanation}.",
                              (a["sentence"], b["sentence"]), 0.8))
    return (pd.DataFrame(links, columns=list(LINK_COLUMNS)),
            pd.DataFrame(flags, columns=list(FLAG_COLUMNS)))


def fake_analyze(articles, on_progress=None, reference=None, batch=16, article_timeout=None):
    from factcheck.dashboard.analysis import CorpusAnalysis
    from factcheck.pipeline import Analysis, articles_frame

    articles = list(articles)
    if on_progress is not None:
        on_progress(len(articles), len(articles))
    claims = fake_claims_frame(articles)
    links, flags = fake_cross_reference(claims)
    return CorpusAnalysis(Analysis(articles_frame(articles), claims, links, flags))


CONTRADICTING_ARTICLE = Article(
    article_id="washington-aide",
    text=(
        "Washington débloque 988 milliards de dollars d'aide militaire pour Kiev.\n"
        "L'annonce a été faite samedi par le Pentagone."
    ),
    title="Washington débloque une aide record",
    source="Le Quotidien",
    published=date(2024, 12, 8),
)
