"""What the claim views of one claims table share (:class:`ViewMemo`): sentence-level
readings, the stories of articles, and one object for each equal value."""

from __future__ import annotations

from factcheck.crossref.bodies import name_runs
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.scope import _sentence_words, _word_set, place_key, sentence_places
from factcheck.crossref.sentence_reading import SentenceReadings
from factcheck.crossref.stories import StoryIndex, StoryMates, profile
from factcheck.crossref.story_places import ArticleWhere


class ViewMemo:
    """What the views of one claims table share: sentence-level readings, the stories of
    articles, and one object for each equal value (cue sets, word sets, periods, short
    strings), so that a million views do not hold a million copies of the same few."""

    def __init__(self, lexicon: Lexicon, stories: StoryIndex,
                 uses: dict[str, int] | None = None):
        self.lexicon = lexicon
        self.stories = stories
        self.readings = SentenceReadings(lexicon, uses)
        self.mates: dict[str, StoryMates] = {}
        self.per_sentence: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self.profiles: dict[str, tuple[tuple[str, float], ...]] = {}
        self._values: dict[object, object] = {}
        self._known: dict[tuple[str, str], frozenset[str]] = {}
        self._outcomes: dict[str, frozenset[str]] = {}
        self._inside: dict[str, frozenset[str]] = {}
        self._places: dict[str, str] = {}
        self._names: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._less: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}
        self.releases: dict[str, str] = {}  # each article's release stages
        self.where: dict[str, ArticleWhere] = {}  # where each article's event happens
        self.latest: dict[str, str] = {}  # the latest day each article names
        #: the dates of each sentence (article, text): offsets, start, end (since_starts.py)
        self.dates: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}

    def one(self, value):  # type: ignore[no-untyped-def]
        """The first object met equal to ``value`` (strings, frozensets, tuples of strings:
        never floats, whose equal values -0.0 and 0.0 are two)."""
        return self._values.setdefault(value, value)

    def sentence(self, sentence: str) -> None:
        if sentence not in self.per_sentence:
            lexicon = self.lexicon
            self.per_sentence[sentence] = (self.one(sentence_places(sentence, lexicon)),
                                           _sentence_words(sentence, lexicon))
            self.profiles[sentence] = tuple(
                self.one(pair) for pair in sorted(profile(sentence, lexicon.stories).items()))

    def article(self, article_id: str) -> StoryMates:
        if article_id not in self.mates:
            self.mates[article_id] = self.stories.mates(article_id)
        return self.mates[article_id]

    def known(self, subject: str, source: str) -> frozenset[str]:
        key = (subject, source)
        if key not in self._known:
            self._known[key] = _word_set(subject, source)
        return self._known[key]

    def less(self, words: frozenset[str], known: frozenset[str]) -> frozenset[str]:
        """``words - known``, one object for equal answers (``words`` itself when nothing is
        removed)."""
        if known.isdisjoint(words):
            return self.one(words)
        key = (words, known)
        if key not in self._less:
            self._less[key] = self.one(words - known)
        return self._less[key]

    def outcomes(self, qualifiers: str) -> frozenset[str]:
        """Outcome cues of a figure's qualifiers ("tués;blessés")."""
        if qualifiers not in self._outcomes:
            self._outcomes[qualifiers] = frozenset(
                name for q in qualifiers.split(";")
                for *_, name in self.lexicon.outcome.find(q))
        return self._outcomes[qualifiers]

    def only_inside(self, sentence: str) -> frozenset[str]:
        """The outcome names ``sentence`` holds only inside longer cues ("perdu" of "ont
        perdu la vie"), read once for all its figures."""
        if sentence not in self._inside:
            self._inside[sentence] = self.one(self.lexicon.outcome.only_inside(sentence))
        return self._inside[sentence]

    def names(self, text: str) -> tuple[tuple[str, ...], ...]:
        """The names of ``text`` (crossref/bodies.py), one object for equal answers."""
        if text not in self._names:
            self._names[text] = self.one(name_runs(text, self.lexicon.bodies.group_words,
                                                   self.lexicon.bodies.not_names))
        return self._names[text]

    def place(self, place: str) -> str:
        if place not in self._places:
            self._places[place] = self.one(place_key(place, self.lexicon))
        return self._places[place]
