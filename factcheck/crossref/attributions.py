"""Attribution incises of a sentence: ", a précisé le parquet", "selon la préfecture",
"d'après l'Insee". Who said a figure is what a copy of a sentence most often edits (drops,
moves, names otherwise): two sentences' words are compared without them
(``identity._same_wording``). Openers are ``[wording] attribution_openers`` of crossref.toml
and the verbs of speech of the context stage (after a comma, with or without their
auxiliary); an incise runs to the next clause mark or the end and holds no digit."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._speech_words import speech_words
from factcheck.lang import load_data

__all__ = ["without_attributions"]

#: What ends an incise: a clause mark or the sentence's end (no digit inside it).
_BODY = r"[^\d,;:.()«»\"]*(?=[,;:.()«»\"]|$)"


def _alternation(words: set[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _incise(code: str = "fr") -> regex.Pattern[str]:
    openers = load_data(code, "crossref").get("wording", {}).get("attribution_openers", [])
    words = speech_words(code)
    verbs = _alternation({*words.participles, *words.finite})
    auxiliaries = _alternation(set(words.auxiliaries))
    return regex.compile(
        rf"(?:(?<![^\s,;(])(?:{_alternation(set(openers))})\s{_BODY}"
        rf"|(?<=,)\s*(?:(?:{auxiliaries})\s+)?(?:{verbs})(?!\w){_BODY})",
        regex.IGNORECASE | regex.V1)


def without_attributions(sentence: str, code: str = "fr") -> str:
    """``sentence`` with its attribution incises blanked out."""
    return _incise(code).sub(" ", sentence)
