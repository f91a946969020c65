"""Attribution incises of a sentence: ", a précisé le parquet", "selon la préfecture",
"d'après l'Insee". Who said a figure is what a copy of a sentence most often edits (drops,
moves, names otherwise): two sentences' words are compared without them
(``identity._same_wording``). An incise names who speaks: an opener of
``[wording] attribution_openers`` of crossref.toml ("selon", "d'après"), or a verb of saying
of ``[wording] saying_verbs`` right after a comma (with or without its auxiliary), then the
speaker: a capitalised name ("Enedis", "l'Insee") or a determiner and a noun of the source
lexicon (bodies, roles, outlets of the context stage, and ``[wording] speakers``). "selon les
cas", "selon un calcul", ", note le rapport" name no speaker and stay in the sentence. An
incise runs to the next clause mark or the end and holds no digit."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import source_data
from factcheck.lang import load_data

__all__ = ["without_attributions"]

#: What ends an incise: a clause mark or the sentence's end (no digit inside it).
_BODY = r"[^\d,;:.()«»\"]*(?=[,;:.()«»\"]|$)"
#: Determiners before a speaker's noun ("le parquet", "leur avocate", "l'Insee").
_DETERMINERS = ("le", "la", "les", "l'", "l’", "un", "une", "des", "du", "d'", "d’", "son",
                "sa", "ses", "leur", "leurs", "cette", "ce", "ces")


def _alternation(words: set[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _incise(code: str = "fr") -> regex.Pattern[str]:
    wording = load_data(code, "crossref").get("wording", {})
    openers = _alternation(set(wording.get("attribution_openers", [])))
    verbs = _alternation(set(wording.get("saying_verbs", [])))
    auxiliaries = _alternation(set(speech_words(code).auxiliaries))
    data = source_data(code)
    nouns = _alternation({*data.titles, *data.heads, *data.relay_outlets,
                          *wording.get("speakers", [])})
    dets = _alternation(set(_DETERMINERS))
    # The speaker: a determiner and a known noun, or a capitalised word (a name).
    speaker = rf"(?:(?:(?:{dets})\s*)?(?-i:\p{{Lu}})|(?:{dets})\s*(?:{nouns})(?!\w))"
    return regex.compile(
        rf"(?:(?<![^\s,;(])(?:{openers})\s+(?={speaker}){_BODY}"
        rf"|(?<=,)\s*(?:(?:{auxiliaries})\s+)?(?:{verbs})(?!\w)\s+(?={speaker}){_BODY})",
        regex.IGNORECASE | regex.V1)


def without_attributions(sentence: str, code: str = "fr") -> str:
    """``sentence`` with its attribution incises blanked out."""
    return _incise(code).sub(" ", sentence)
