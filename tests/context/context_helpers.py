"""Shared by the context tests: an article and its claims from a text whose figures are marked
by hand (``[surface|kind|resolved]``), so the tests exercise the context rules alone, whatever
the figure extractor finds."""

from __future__ import annotations

from datetime import date

import regex

from factcheck.extract.scanner import extract_mentions
from factcheck.models import Approx, Article, Claim, Kind, Mention, claim_id_for
from factcheck.text import sentence_at, sentence_spans

_MARK = regex.compile(r"\[([^\[\]|]+)(?:\|([a-z]+))?(?:\|([^\[\]]+))?\]")


def marked_article(
    text: str, published: str | None = None, article_id: str = "t"
) -> tuple[Article, list[Claim]]:
    """Article and claims from a text with figures marked ``[surface|kind|resolved]``."""
    plain = ""
    mentions = []
    pos = 0
    for m in _MARK.finditer(text):
        plain += text[pos : m.start()]
        start = len(plain)
        plain += m.group(1)
        kind = Kind(m.group(2) or "count")
        # A duration's or a quantity's unit as the scanner reads it ("16 ans" is in years,
        # "850 hectares" in ha).
        unit = next((x.unit for x in extract_mentions(m.group(1)) if x.kind == kind), None) \
            if kind in (Kind.DURATION, Kind.QUANTITY) else None
        mentions.append(
            Mention(
                start, len(plain), m.group(1), kind, None, unit=unit, approx=Approx.NONE,
                resolved=m.group(3),
            )
        )
        pos = m.end()
    plain += text[pos:]
    article = Article(
        article_id, plain, published=date.fromisoformat(published) if published else None
    )
    spans = sentence_spans(plain)
    claims = []
    for mention in mentions:
        s, e = sentence_at(spans, mention.start)
        claims.append(Claim(article_id, claim_id_for(article_id, mention), mention, plain[s:e], s))
    return article, claims
