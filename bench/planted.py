"""Synthetic corpora with planted inconsistencies and their ground truth, for benchmarks.

A corpus of ``n`` articles is the background archive of ``bench/archive_corpus.py`` (many
distinct stories of a few articles each) with *planted stories* mixed in: a planted story is
one local event (a forest fire, a flood, a strike, a town's budget, a school-canteen poisoning;
``[[story_kind]]`` in ``synthetic_fr.toml``) covered by two to four articles published the same
day or the next. The articles of a story share its town, people and (invented) company names,
and each repeats the story's main fact, with the same figure and the same source. Half of these
stories are *planted*: one of their articles, never the first, has the fact's figure wrong, in
one of three ways:

* ``scale``: a scale slip ×1000 (« 12 millions d'euros » written « 12 milliards d'euros »);
* ``digits``: two neighbouring digits swapped (« 1 250 hectares » written « 1 520 »);
* ``count``: another count from the same source the same day (« 340 habitants » against
  « 510 »).

The ground truth (``Story`` records) gives every fact's span in every article of every story,
so a benchmark can tell how many planted figures the checker flags against another article of
their story (recall), and how many flags it raises between two *right* copies of a fact (false
flags on repeated facts). The same ``(n, seed)`` always gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from archive_corpus import archive_articles
from synthetic_writer import DAYS, contracted, synthetic_data

from factcheck.models import Article, stable_id
from factcheck.text import normalize

#: Planted inconsistencies per 1,000 articles (as many unplanted stories come with them).
PLANTED_PER_1000 = 10
MUTATIONS = ("scale", "digits", "count")
_MARK = "\u2063FACT\u2063"  # invisible separator: never in a template
_SPACES = (" ", "\u202f", "\u00a0")


@dataclass(frozen=True, slots=True)
class FactSpan:
    """Where one article of a story gives the story's main fact."""

    article_id: str
    start: int  # of the bare number, in the article's text
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class Story:
    """One story: its articles, the fact in each of them, and the planted error if any."""

    story_id: str
    kind: str
    facts: tuple[FactSpan, ...]
    mutation: str | None = None  # None: every article gives the right figure
    planted: FactSpan | None = None  # the wrong figure

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(f.article_id for f in self.facts)


@lru_cache(maxsize=1)
def _kinds() -> tuple[dict[str, Any], ...]:
    return tuple(synthetic_data()["story_kind"])


def _words() -> dict[str, list[str]]:
    return synthetic_data()["story_words"]


def _fill(template: str, values: dict[str, str]) -> str:
    return contracted(template.format_map(values))


def _digits(n: int, rng: random.Random) -> str:
    return f"{n:,}".replace(",", rng.choice(_SPACES))


def swap_digits(n: int, rng: random.Random) -> int | None:
    """``n`` with two neighbouring different digits swapped (never a leading zero), or None
    when every pair is equal."""
    s = str(n)
    pairs = [i for i in range(len(s) - 1) if s[i] != s[i + 1] and not (i == 0 and s[1] == "0")]
    if not pairs:
        return None
    i = rng.choice(pairs)
    return int(s[:i] + s[i + 1] + s[i] + s[i + 2 :])


def _other_count(n: int, rng: random.Random) -> int:
    """Another count, 30 to 80 % above or 25 to 45 % below, rounded like ``n``."""
    factor = rng.uniform(1.3, 1.8) if rng.random() < 0.6 else rng.uniform(0.55, 0.75)
    other = round(n * factor, -1 if n >= 100 else 0)
    return int(other) if other != n else n + 7


def _fact_surface(kind: dict[str, Any], value: int, scale: str, rng: random.Random) -> str:
    if kind["fact_kind"] == "money":
        return f"{value} {scale}"
    return _digits(value, rng)


def _plant(kind: dict[str, Any], value: int, rng: random.Random) -> tuple[str, int, str]:
    """(mutation, wrong value, scale word) for a planted article of a story."""
    mutation = rng.choice(kind["mutations"])
    if mutation == "scale":
        return mutation, value, "milliards"
    if mutation == "digits":
        swapped = swap_digits(value, rng)
        if swapped is not None:
            return mutation, swapped, "millions"
        mutation = "count" if "count" in kind["mutations"] else "scale"
        if mutation == "scale":
            return mutation, value, "milliards"
    return mutation, _other_count(value, rng), "millions"


def _story_values(kind: dict[str, Any], rng: random.Random) -> tuple[dict[str, str], int]:
    words = _words()
    low, high = kind["fact_range"]
    value = rng.randint(low, high)
    while swap_digits(value, rng) is None:  # every fact can take any mutation
        value = rng.randint(low, high)
    company = rng.choice(words["company_head"]) + rng.choice(words["company_tail"])
    values = {
        "town": rng.choice(words["town"]),
        "first": rng.choice(words["first"]),
        "last": rng.choice(words["last"]),
        "company": company.capitalize(),
        "detail": str(rng.randint(12, 95)),
        "detail2": str(rng.randint(110, 980)),
    }
    return values, value


def _article(
    kind: dict[str, Any], values: dict[str, str], fact: str, rng: random.Random, title: str
) -> tuple[str, int, int]:
    """(text, start, end of the fact's number) of one article of a story."""
    body = [_fill(rng.choice(kind["fact"]), {**values, "fact": _MARK})]
    body += [_fill(t, values) for t in rng.sample(kind["detail"], rng.randint(1, 2))]
    body += [_fill(t, values) for t in rng.sample(kind["plain"], rng.randint(1, 2))]
    first, rest = body[0], body[1:]
    rng.shuffle(rest)
    lines = [_fill(title, values), " ".join([first, *rest[:1]]), " ".join(rest[1:])]
    raw = "\n".join(line for line in lines if line)
    start = raw.index(_MARK)
    number = fact.split(" ")[0] if kind["fact_kind"] == "money" else fact
    # normalize() maps one character to one (offsets hold): no-break spaces become spaces.
    return normalize(raw.replace(_MARK, fact)), start, start + len(number)


def make_story(index: int, seed: int, planted: bool) -> tuple[list[Article], Story]:
    """The articles of one story (2 to 4) and its ground truth."""
    rng = random.Random(f"story-{seed}-{index}")
    kind = rng.choice(_kinds())
    values, value = _story_values(kind, rng)
    day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 800))
    values["weekday"] = DAYS[day.weekday()]
    n = rng.randint(2, 4)
    wrong = rng.randrange(1, n) if planted else -1
    mutation = None
    titles = rng.sample(kind["title"], min(n, len(kind["title"])))
    articles, facts = [], []
    planted_span = None
    for i in range(n):
        fact_value, scale = value, "millions"
        if i == wrong:
            mutation, fact_value, scale = _plant(kind, value, rng)
        surface = _fact_surface(kind, fact_value, scale, rng)
        text, start, end = _article(kind, values, surface, rng, titles[i % len(titles)])
        article_id = stable_id("story", seed, index, i, text)
        published = day + timedelta(days=rng.randint(0, 1))
        articles.append(
            Article(article_id=article_id, text=text, title=text.split("\n", 1)[0],
                    published=published, source="synthetic", origin=f"story-{kind['name']}")
        )
        span = FactSpan(article_id, start, end, text[start:end])
        facts.append(span)
        if i == wrong:
            planted_span = span
    story = Story(stable_id("story", seed, index), kind["name"], tuple(facts), mutation,
                  planted_span)
    return articles, story


def background(n_articles: int, seed: int) -> list[Article]:
    """The first ``n_articles`` of the synthetic archive of ``seed``
    (``bench/archive_corpus.py``: many distinct stories, each covered by a few articles)."""
    return archive_articles(n_articles, seed)


def planted_corpus(
    n_articles: int, seed: int = 0, planted_per_1000: int = PLANTED_PER_1000
) -> tuple[list[Article], list[Story]]:
    """``n_articles`` articles: background articles with stories mixed in at seeded places,
    ``planted_per_1000`` planted stories per 1,000 articles (at least one) and as many
    unplanted ones; and the stories' ground truth."""
    n_planted = max(1, n_articles * planted_per_1000 // 1000)
    story_articles: list[Article] = []
    stories: list[Story] = []
    for index in range(2 * n_planted):
        articles, story = make_story(index, seed, planted=index % 2 == 0)
        story_articles.extend(articles)
        stories.append(story)
    rng = random.Random(f"mix-{seed}")
    corpus = background(max(0, n_articles - len(story_articles)), seed)
    for article in story_articles:
        corpus.insert(rng.randint(0, len(corpus)), article)
    return corpus, stories


# -- scoring ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Recall:
    planted: int
    found: int
    by_mutation: dict[str, tuple[int, int]]  # mutation -> (found, planted)
    flag_types: dict[str, int]  # flag type -> planted figures it found
    false_on_repeats: int  # flags between two right copies of a story's fact
    unclaimed: int  # planted figures the extraction did not read as a figure at all

    @property
    def rate(self) -> float:
        return self.found / self.planted if self.planted else 0.0


def _claim_at(claims: dict[str, list[tuple[int, int, str]]], span: FactSpan) -> str | None:
    for start, end, claim_id in claims.get(span.article_id, ()):
        if start <= span.start < end:
            return claim_id
    return None


def _ids(cell: object) -> set[str]:
    if isinstance(cell, (list, tuple, set)):
        return {str(x) for x in cell}
    return {x.strip() for x in str(cell).split(";") if x.strip()}


def score(
    stories: Iterable[Story],
    claims: Iterable[tuple[str, int, int, str]],
    flags: Iterable[tuple[object, object, str]],
) -> Recall:
    """Planted figures found: a flag holds the planted figure's claim and names another
    article of its story. ``claims`` are ``(article_id, start, end, claim_id)`` rows,
    ``flags`` ``(claim_ids, article_ids, type)`` rows (tuples or ``"; "``-joined text)."""
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for article_id, start, end, claim_id in claims:
        by_article.setdefault(str(article_id), []).append((int(start), int(end), str(claim_id)))
    flag_rows = [(_ids(c), _ids(a), str(t)) for c, a, t in flags]
    by_claim: dict[str, list[int]] = {}
    for i, (claim_ids, _, _) in enumerate(flag_rows):
        for claim_id in claim_ids:
            by_claim.setdefault(claim_id, []).append(i)
    planted = found = unclaimed = false_repeats = 0
    by_mutation: dict[str, list[int]] = {m: [0, 0] for m in MUTATIONS}
    flag_types: dict[str, int] = {}
    for story in stories:
        right = {_claim_at(by_article, f) for f in story.facts if f != story.planted} - {None}
        for i in {i for c in right for i in by_claim.get(c or "", ())}:
            if len(flag_rows[i][0] & right) >= 2:  # type: ignore[operator]
                false_repeats += 1
        if story.planted is None or story.mutation is None:
            continue
        planted += 1
        by_mutation[story.mutation][1] += 1
        claim_id = _claim_at(by_article, story.planted)
        if claim_id is None:
            unclaimed += 1
            continue
        others = set(story.article_ids) - {story.planted.article_id}
        hits = [flag_rows[i] for i in by_claim.get(claim_id, ()) if flag_rows[i][1] & others]
        if hits:
            found += 1
            by_mutation[story.mutation][0] += 1
            for kind in {t for _, _, t in hits}:
                flag_types[kind] = flag_types.get(kind, 0) + 1
    return Recall(
        planted, found, {m: (f, p) for m, (f, p) in by_mutation.items() if p}, flag_types,
        false_repeats, unclaimed,
    )

