"""Typed access to the words of time and of mood (``lang/<code>/context_time.toml``,
``context_modality.toml``), read through :func:`factcheck.lang.load_data`: weekdays, months,
seasons, relative and anchored periods for ``timeref`` and the report dates; negations,
projections, estimates and the endings of future and conditional forms for ``modality``.
Split from ``lexicon``, whose list and table readers it uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context.lexicon import _table, _words, subject_data
from factcheck.context.nlp import Tok
from factcheck.lang import LanguageDataError, load_data


@dataclass(frozen=True, slots=True)
class ModalityData:
    negations: tuple[str, ...]
    negation_bounds: frozenset[str]
    projection_modals: frozenset[str]
    projection_words: tuple[str, ...]
    estimate_words: tuple[str, ...]
    window: int
    future_endings: tuple[str, ...]
    not_future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    not_conditional_endings: tuple[str, ...]
    present_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimeData:
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    seasons: dict[str, tuple[str, str]]
    anchors: dict[str, str]
    since_relative: dict[str, str]
    relative: dict[str, str]
    quarters: dict[str, int]
    semesters: dict[str, int]
    words: dict[str, tuple[str, ...]]  # [patterns]: slot -> words
    year_parts: dict[str, tuple[str, str]]  # "fin" -> ("10-01", "12-31")
    speech_form_suffixes: tuple[tuple[str, str], ...]


@cache
def modality_data(code: str = "fr") -> ModalityData:
    d = load_data(code, "context_modality")
    f = "context_modality"
    return ModalityData(
        negations=tuple(sorted(_words(d, "negations", f), key=len, reverse=True)),
        negation_bounds=_words(d, "negation_bounds", f),
        projection_modals=_words(d, "projection_modals", f),
        projection_words=tuple(sorted(_words(d, "projection_words", f), key=len, reverse=True)),
        estimate_words=tuple(sorted(_words(d, "estimate_words", f), key=len, reverse=True)),
        window=int(d.get("window", 8)),
        future_endings=tuple(_words(d, "future_endings", f)),
        not_future_endings=tuple(_words(d, "not_future_endings", f)),
        conditional_endings=tuple(_words(d, "conditional_endings", f)),
        not_conditional_endings=tuple(_words(d, "not_conditional_endings", f)),
        present_words=tuple(sorted(_words(d, "present_words", f), key=len, reverse=True)),
    )


@cache
def time_data(code: str = "fr") -> TimeData:
    d = load_data(code, "context_time")
    f = "context_time"
    seasons = {}
    for name, span in _table(d, "seasons", f).items():
        if not (isinstance(span, list) and len(span) == 2):
            raise LanguageDataError(f"{f}.toml: season '{name}' must be [first MM-DD, last MM-DD]")
        seasons[name.lower()] = (str(span[0]), str(span[1]))
    return TimeData(
        weekdays=tuple(w.lower() for w in d.get("weekdays", [])),
        months=tuple(m.lower() for m in d.get("months", [])),
        seasons=seasons,
        anchors={k.lower(): str(v) for k, v in _table(d, "anchors", f).items()},
        since_relative={k.lower(): str(v) for k, v in _table(d, "since_relative", f).items()},
        relative={k.lower(): str(v) for k, v in _table(d, "relative", f).items()},
        quarters={k.lower(): int(v) for k, v in _table(d, "quarters", f).items()},
        semesters={k.lower(): int(v) for k, v in _table(d, "semesters", f).items()},
        words={
            k: tuple(str(w) for w in v)
            for k, v in _table(d, "patterns", f).items()
            if k != "speech_form_suffixes"
        },
        year_parts={
            k.lower(): (str(v[0]), str(v[1])) for k, v in _table(d, "year_parts", f).items()
        },
        speech_form_suffixes=tuple(
            (str(a), str(b)) for a, b in _table(d, "patterns", f).get("speech_form_suffixes", [])
        ),
    )


def time_word(t: Tok) -> bool:
    """A day, a month or a time noun ("lundi", "soir", "mars"): when, never whose or who."""
    data, when = subject_data(), time_data()
    return t.lower in when.weekdays or t.lower in when.months \
        or t.lower in data.time_nouns or (t.lemma or t.lower) in data.time_nouns
