"""A body named, in a sentence without figures, as the one that establishes or publishes the
statistics that follow ("Le ministère de l'Intérieur établit chaque année des statistiques
sur les titres délivrés", "La direction générale a mis en place un calendrier de publication
des statistiques annuelles"): the report's source for the figures of that text
(:func:`statistics_publisher`, read by ``_sentence_speaker``). Words in
``[statistics_publisher]`` of ``context_source.toml``. Private to ``factcheck.context``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context.nlp import Tok
from factcheck.lang import load_data

_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”", "(", ")"})


@dataclass(frozen=True)
class _Words:
    verbs: frozenset[str]  # lemmas: "établir", "publier", "diffuser"
    verb_forms: frozenset[str]  # their finite forms, "établit" (tagged a noun at times)
    nouns: frozenset[str]  # what is published: "statistiques", "données"
    acts: frozenset[str]  # a noun of publishing before them: "publication", "diffusion"
    negations: frozenset[str]
    clause_openers: frozenset[str]  # "qui", "que": a clause of its own


@cache
def _words(code: str = "fr") -> _Words:
    d = load_data(code, "context_source").get("statistics_publisher", {})
    return _Words(*(frozenset(w.casefold() for w in d.get(k, []))
                    for k in ("verbs", "verb_forms", "nouns", "acts", "negations",
                              "clause_openers")))


def statistics_nouns() -> frozenset[str]:
    """The nouns of published statistics, for the cheap test before parsing a sentence."""
    return _words().nouns


def statistics_publisher(toks: tuple[Tok, ...]) -> list[Tok] | None:
    """The subject of the sentence's first finite verb when that verb establishes or
    publishes statistics (a verb of ``verbs`` whose object holds a noun of ``nouns``, or any
    verb whose object holds a noun of ``acts`` then one of ``nouns``: "a mis en place un
    calendrier de publication des statistiques"); not negated, and the subject no pronoun.
    The subject is read back from the verb to a comma or the sentence's start ("Conformément
    au code, la direction générale a mis en place" -> "la direction générale")."""
    w = _words()
    v = next((k for k, t in enumerate(toks) if (t.pos in ("VERB", "AUX")
              and t.verbform == "Fin") or t.lower in w.verb_forms), None)
    if v is None or v == 0:
        return None
    main = v
    while main < len(toks) and toks[main].pos in ("AUX", "ADV"):
        main += 1  # "a récemment établi"
    if main >= len(toks) or toks[main].pos != "VERB":
        main = v
    act = toks[main].lemma.casefold() in w.verbs or toks[v].lower in w.verb_forms
    found = False
    for t in toks[v : ]:
        if t.text in _CLAUSE_ENDS or t.lower in w.clause_openers:
            break
        if t.lower in w.negations:
            return None
        if t.lower in w.acts:
            act = True
        elif t.lower in w.nouns and act:
            found = True
            break
    if not found:
        return None
    s = v
    while s > 0 and toks[s - 1].text not in (",", ".", ";", ":", "!", "?", "«", "»"):
        s -= 1
    np = list(toks[s:v])
    if not np or np[0].pos == "PRON" or any(t.lower in w.negations for t in np):
        return None
    return np
