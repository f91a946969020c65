"""A synthetic news archive: many distinct stories, each covered by a few articles.

``bench/synthetic.py`` writes articles sentence by sentence from one shared vocabulary, which
suits extraction benchmarks but not cross-referencing: every article there names the same
handful of people, places and weapons, so the whole corpus reads as one giant story, and the
story and rare-word prefilters of the cross-referencer find nothing to narrow. A real archive
is many stories. Here each *story* draws, from ``synthetic_fr.toml``:

* a topic (``[[topic]]``): the sentence templates holding one of its markers (and those of no
  topic), and its own words;
* a place and local people (``[story_words]``: a town, a first and last name, an invented
  company) and actors (two people, an organisation, a source, a region, a city, a country),
  fixed for the story;
* a date between 2016 and 2025; its articles are published over the next three days.

A story's sentences are filled once, figures included: its articles repeat them, as the
coverage of one story does, and add a new sentence now and then. Story sizes follow a Zipf-like
(Pareto) law: most stories have one to three articles, a few have dozens, the largest are capped
at ``MAX_STORY``. The real texts of ``synthetic.py`` (seed articles and dev passages) appear once
each, at seeded places. The same ``(n_articles, seed)`` always gives the same archive, and an
archive is a prefix of a larger one of the same seed (story by story).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import lru_cache

from synthetic import PLAIN_SHARE, real_texts
from synthetic_writer import SlotWriter, synthetic_data

from factcheck.models import Article, stable_id
from factcheck.text import normalize

#: Pareto shape of story sizes (mean about 3 articles) and the largest story.
STORY_SHAPE = 1.5
MAX_STORY = 250
FIRST_DAY, DAYS = date(2016, 1, 1), 3650
#: A story's sentence templates: figure sentences of its topic, and plain ones.
N_SENTENCES, N_PLAIN = 7, 4
#: Chance that a sentence of an article is new (not in the story's pool).
NEW_SENTENCE = 0.15
_ACTORS = ("person", "org", "source", "region", "city", "country", "say")


@lru_cache(maxsize=1)
def _topics() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(name, figure templates, words) of each topic."""
    data = synthetic_data()
    markers = {t["name"]: t["markers"] for t in data["topic"]}
    untagged = [s for s in data["templates"]["sentence"]
                if not any(m in s for ms in markers.values() for m in ms)]
    return tuple(
        (t["name"],
         tuple([s for s in data["templates"]["sentence"] if any(m in s for m in t["markers"])]
               + untagged),
         tuple(t["words"]))
        for t in data["topic"]
    )


def story_size(rng: random.Random) -> int:
    return min(MAX_STORY, int(rng.paretovariate(STORY_SHAPE)))


class _Story:
    """One background story: its vocabulary, its date and its pool of filled sentences."""

    def __init__(self, index: int, seed: int) -> None:
        rng = self.rng = random.Random(f"archive-{seed}-{index}")
        data = synthetic_data()
        self.size = story_size(rng)
        self.day = FIRST_DAY + timedelta(days=rng.randint(0, DAYS))
        name, templates, topic_words = rng.choice(_topics())
        self.topic = name
        local = data["story_words"]
        words = dict(data["words"])
        for key in _ACTORS:
            words[key] = rng.sample(data["words"][key], 2)
        company = rng.choice(local["company_head"]) + rng.choice(local["company_tail"])
        words.update(town=[rng.choice(local["town"])], first=[rng.choice(local["first"])],
                     last=[rng.choice(local["last"])], company=[company.capitalize()],
                     topic_word=rng.sample(topic_words, 3))
        self.writer = SlotWriter(rng, self.day)
        self.writer.words = words
        bg = data["background"]
        self.templates = rng.sample(templates, min(N_SENTENCES, len(templates)))
        self.plain = rng.sample(data["templates"]["plain"], N_PLAIN)
        self.local_plain = bg["local_plain"]
        self.titles = rng.sample(data["templates"]["title"], 2)
        fill = self.writer.fill
        self.facts = [fill(t) for t in self.templates]
        self.local = [fill(rng.choice(bg["local"])), fill(rng.choice(bg["topical"]))]
        self.title = [fill(t) for t in self.titles]

    def _sentence(self, rng: random.Random, used: set[str]) -> str:
        if rng.random() < PLAIN_SHARE:
            return self.writer.fill(rng.choice([*self.plain, rng.choice(self.local_plain)]))
        left = [s for s in self.facts if s not in used]
        if not left or rng.random() < NEW_SENTENCE:
            return self.writer.fill(rng.choice(self.templates))
        used.add(sentence := rng.choice(left))
        return sentence

    def article(self, k: int) -> tuple[str, date]:
        """The text and publication date of the story's ``k``-th article."""
        rng = self.rng
        published = self.day + timedelta(days=min(3, k // 2 + rng.randint(0, 1)))
        self.writer.published = published
        used: set[str] = set()
        lines = [rng.choice(self.title), " ".join([*self.local, self._sentence(rng, used)])]
        for _ in range(rng.randint(2, 6)):
            lines.append(" ".join(self._sentence(rng, used) for _ in range(rng.randint(1, 4))))
        return "\n".join(lines), published


def archive_articles(n_articles: int, seed: int = 0) -> list[Article]:
    """``n_articles`` articles of background stories, story after story, with the real texts
    (seed articles and dev passages) once each at seeded places."""
    seeds, dev = real_texts()
    real = [*seeds, *dev][: max(0, n_articles // 50)]
    articles: list[Article] = []
    index = 0
    while len(articles) < n_articles - len(real):
        story = _Story(index, seed)
        for k in range(story.size):
            text, published = story.article(k)
            text = normalize(text)
            articles.append(Article(
                article_id=stable_id("archive", seed, index, k, text), text=text,
                title=text.split("\n", 1)[0], published=published, source="synthetic",
                origin=f"archive-{story.topic}"))
        index += 1
    articles = articles[: n_articles - len(real)]
    rng = random.Random(f"archive-real-{seed}")
    for origin, text, published in real:
        text = normalize(text)
        articles.insert(rng.randint(0, len(articles)), Article(
            article_id=stable_id(origin, seed, text), text=text, published=published,
            source="synthetic", origin=origin))
    return articles


def follow_up(index: int, seed: int = 0, n_chars: int = 0) -> str:
    """A new article of the archive's story ``index`` (after the ones the archive holds),
    at least ``n_chars`` long: what a journalist writing on a story in the news drafts."""
    story = _Story(index, seed)
    for k in range(story.size):
        story.article(k)
    text, k = story.article(story.size)[0], story.size + 1
    while len(text) < n_chars:
        text += "\n" + story.article(k)[0].split("\n", 1)[1]
        k += 1
    return text


def stories_of(n_articles: int, seed: int = 0) -> list[tuple[int, str, int]]:
    """(index, topic, size) of the stories an archive of ``n_articles`` draws from."""
    out, total, index = [], 0, 0
    while total < n_articles:
        story = _Story(index, seed)
        out.append((index, story.topic, story.size))
        total += story.size
        index += 1
    return out
