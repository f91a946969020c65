"""Property-based tests of the context reader (``factcheck.context.annotate``, through
``pipeline.extract_claims`` as the pipeline calls it): on short articles of French news
fragments and random unicode, it never raises, keeps every figure as the scanner read it,
gives each a sentence that is a slice of the text and a well-formed context (known modality,
modes that go with their fields, an ordered period), the same every time; reading articles
in one batch (``annotate_many``) gives what reading them one by one gives. The long run is
``bench/fuzz.py``."""

from __future__ import annotations

from datetime import date

import pytest
from fuzz_text import NEWS_DATES, check_claim, mixed_text, news_text
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claim_rows import _bare_claims
from factcheck.context import annotate, annotate_many
from factcheck.models import Article
from factcheck.pipeline import extract_claims

ARTICLES = st.builds(
    Article,
    article_id=st.sampled_from(("a", "b", "c")),
    text=st.one_of(news_text(), mixed_text()),
    published=st.none() | NEWS_DATES,
)


@settings(max_examples=60, deadline=None)
@given(article=ARTICLES)
def test_context_of_any_article_is_well_formed(article: Article) -> None:
    claims = extract_claims(article)
    bare = _bare_claims(article)
    assert [c.mention for c in claims] == [c.mention for c in bare]
    for claim in claims:
        check_claim(article.text, claim)
    assert extract_claims(article) == claims


@settings(max_examples=25, deadline=None)
@given(articles=st.lists(ARTICLES, min_size=2, max_size=4))
def test_one_batch_reads_like_one_article_at_a_time(articles: list[Article]) -> None:
    pairs = [(a, _bare_claims(a)) for a in articles]
    assert annotate_many(pairs) == [annotate(a, claims) for a, claims in pairs]


# Inputs found by bench/fuzz.py that stopped the whole run or broke an invariant (shortened
# by hand): the text, the publication date, and the period the count "12" must get.
FUZZ_FOUND = {
    # A day 0 made timeref build an impossible date (ValueError): no period from it.
    "day zero": ("Le 0 janvier, 12 soldats sont morts.", date(2024, 3, 10),
                 (None, "2024-03-10")),
    "since day zero": ("Depuis le 0 mars 2023, 12 soldats sont morts.", date(2024, 3, 10),
                       ("2023-03-01", "2024-03-10")),
    "since day zero without a year": ("Depuis le 0 mars, 12 soldats sont morts.",
                                      date(2024, 3, 10), ("2024-03-01", "2024-03-10")),
    # Its neighbour, a day past the month's end, was already read as no date.
    "day past the month's end": ("Le 31 avril, 12 soldats sont morts.", date(2024, 5, 2),
                                 (None, "2024-05-02")),
    # "depuis 2019" in an article dated 2018 gave a period ending before it starts.
    "since a year after publication": ("Depuis 2019, 12 soldats sont morts.",
                                       date(2018, 5, 1), ("2019-01-01", None)),
    # Found while probing past the generator (now among its fragments): a year 0000 or
    # 9999 pushed a period off datetime's calendar (ValueError), and years written in
    # reverse gave a period ending before it starts.
    "since year zero": ("Depuis 0000, 12 soldats sont morts.", date(2024, 3, 10),
                        (None, "2024-03-10")),
    "month of year zero counted back": (
        "En mars 0000, 12 soldats, contre 10 le mois précédent.", date(2024, 3, 10),
        ("2024-03-01", "2024-03-10")),
    "winter of 9999": ("À l'hiver 9999, 12 soldats sont morts.", date(2024, 3, 10),
                       ("2023-12-21", "2024-03-10")),  # no year: this winter
    "years in reverse": ("Entre 2015 et 2010, 12 soldats sont morts.", date(2024, 3, 10),
                         ("2010-01-01", "2015-12-31")),
    # A placeholder publication date at the calendar's end is no reference.
    "published 9999-12-31": ("L'an prochain, 12 soldats seront morts.", date(9999, 12, 31),
                             (None, None)),
    "published 0001-01-01": ("Samedi prochain, 12 soldats seront morts.", date(1, 1, 1),
                             (None, None)),
}


@pytest.mark.parametrize("case", FUZZ_FOUND.values(), ids=FUZZ_FOUND.keys())
def test_fuzz_found_inputs(case: tuple) -> None:
    text, published, period = case
    claims = extract_claims(Article("x", text, published=published))
    for claim in claims:
        check_claim(text, claim)
    (twelve,) = [c for c in claims if c.mention.surface == "12"]
    assert (twelve.context.time_start, twelve.context.time_end) == period


def test_a_lone_surrogate_is_read_like_any_character() -> None:
    # Found by bench/fuzz.py: spaCy raised UnicodeEncodeError on a lone surrogate, which a
    # JSON corpus carries through ("\ud800" escapes), and the whole run stopped.
    text = "Selon le ministère, 46 drones \ud800 ont été abattus \udfe6."
    (claim,) = extract_claims(Article("x", text, published=date(2024, 3, 1)))
    check_claim(text, claim)
    assert claim.mention.surface == "46" and claim.context.source == "ministère"
