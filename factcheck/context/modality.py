"""How sure a figure is (``modality``) and the rule that decided it (``modality_rule``).

Rules, first that fires wins:

* ``negation``: "pas", "et non", "loin des", "contrairement aux" right before the figure (not
  "pas moins de") -> denied;
* ``conditional_modal``: "pourrait atteindre", "devrait dépasser" -> projected;
* ``conditional_mood``: a verb in the conditional in the figure's clause ("auraient été tués",
  "seraient hors service") -> conditional;
* ``future_tense`` / ``projection_word`` ("d'ici", "prévoit", "objectif") -> projected;
* ``estimate_word``: "environ", "quelque", "estimé à", "une fourchette de" -> estimated;
* ``source``: a source was found -> reported;
* ``default``: asserted.

A figure with no verb of its own in its clause ("dont quelque 325 000 morts") takes the
modality of the figure it elaborates, which ``factcheck.context`` passes as ``inherited``,
unless its clause says "now" ("contre 86,40 euros actuellement").
"""

from __future__ import annotations

from factcheck.context._time_data import ModalityData, modality_data
from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok

_CLAUSE_END = frozenset({",", ";", ":", "(", ")", "«", "»", '"', "“", "”", ".", "!", "?"})


def clause(toks: tuple[Tok, ...], fig: Figure) -> tuple[int, int]:
    """Token range ``[a, b)`` of the clause around ``fig`` (between punctuation or "que")."""
    starts = _CLAUSE_END | grammar().clause_start_words
    a = fig.first
    while a > 0 and toks[a - 1].lower not in starts:
        a -= 1
    b = fig.last
    while b < len(toks) and toks[b].lower not in _CLAUSE_END:
        b += 1
    return a, b


def _phrase_in(words: list[str], phrases: tuple[str, ...]) -> str | None:
    text = " " + " ".join(words).replace("' ", "'") + " "
    split = text.replace("'", "' ")  # "d'environ": "environ" after an elided "de"
    for p in phrases:
        if f" {p} " in text or f" {p} " in split:
            return p
    return None


def _phrase_at_end(words: list[str], phrases: tuple[str, ...]) -> bool:
    text = " " + " ".join(words).replace("' ", "'")
    return any(text.endswith(" " + p) for p in phrases)


def _conditional_form(word: str, data: ModalityData) -> bool:
    return word.endswith(data.conditional_endings) and not word.endswith(
        data.not_conditional_endings
    )


def _future_form(word: str, data: ModalityData) -> bool:
    return word.endswith(data.future_endings) and not word.endswith(data.not_future_endings)


def modality(
    toks: tuple[Tok, ...],
    fig: Figure,
    source: str | None,
    inherited: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """``(modality, rule)`` for one figure."""
    data = modality_data()
    first_words = [t.lower for t in toks[fig.first : fig.last]]
    before = [t.lower for t in toks[max(0, fig.first - 3) : fig.first]]
    bounded = bool(first_words) and first_words[0] in data.negation_bounds
    if not bounded and _phrase_at_end(before, data.negations):
        return "denied", "negation"
    a, b = clause(toks, fig)
    verbs = [  # not the figure's own words ("1,95 euro" tagged as a future verb)
        t
        for t in toks[a:b]
        if t.pos in ("VERB", "AUX")
        and t.verbform in ("Fin", "Inf", "Part")
        and not fig.first <= t.i < fig.last
    ]
    finite = [t for t in verbs if t.verbform == "Fin"]
    for t in finite:
        if t.mood == "Cnd" or _conditional_form(t.lower, data):
            if t.lemma in data.projection_modals:
                return "projected", "conditional_modal"
            return "conditional", "conditional_mood"
    if any(t.tense == "Fut" or _future_form(t.lower, data) for t in finite):
        return "projected", "future_tense"
    words = [t.lower for t in toks[a:b]]
    if _phrase_in(words, data.projection_words):
        return "projected", "projection_word"
    present = _phrase_in(words, data.present_words)  # "contre 86,40 euros actuellement"
    if not finite and inherited is not None and inherited[0] != "reported" and not present:
        return inherited[0], f"{inherited[1]} (inherited)"
    before = [t.lower for t in toks[max(a, fig.first - data.window) : fig.last]]
    if _phrase_in(before, data.estimate_words):
        return "estimated", "estimate_word"
    if source:
        return "reported", "source"
    return "asserted", "default"
