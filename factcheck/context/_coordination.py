"""Coordination inside a speaker's words: a body's name with two complements joined by
"et", a verb of report coordinated after another verb. Private to ``factcheck.context``
(used by ``speakers``)."""

from __future__ import annotations

from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Tok


def first_verb_subject_end(toks: tuple[Tok, ...], coord: int, data: SourceData) -> int:
    """For a verb of speech whose subject is left out after the coordinator at ``coord``,
    the index of the last word of the first verb's subject ("le FMI est devenu ... et a
    relevé", also past a comma before the coordinator: "l'Insee a revu son scénario, et
    anticipe"); ``coord`` itself when no finite verb without a figure or a boundary between
    comes before it."""
    g = grammar()
    k = coord - 1
    if k > 0 and toks[k].text == ",":
        k -= 1
    while k >= 0 and toks[k].pos not in ("VERB", "AUX"):
        if toks[k].lower in g.speaker_boundaries or toks[k].pos == "NUM" \
                or toks[k].text[:1].isdigit():
            return coord
        k -= 1
    if k < 0 or toks[k].verbform not in ("Fin", "Part"):
        return coord
    while k >= 0 and (toks[k].pos in ("VERB", "AUX", "ADV") or toks[k].lower in data.verb_fillers):
        k -= 1
    if k < 0 or toks[k].lower in g.speaker_boundaries:
        return coord
    return k


def joins_complements(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether the coordinator at ``j`` joins two complements of one body's name
    ("Organisation de coopération et de développement économiques"): a complement after it,
    a common noun before it, and a capitalised head with its own complement just before."""
    g = grammar()
    if toks[j].lower not in g.verb_coordinators or j + 1 >= len(toks) or j < 3:
        return False
    if toks[j + 1].lower not in g.de or toks[j - 1].pos != "NOUN" or toks[j - 1].is_title:
        return False
    return any(toks[k].is_title and toks[k].pos in ("NOUN", "PROPN") and toks[k + 1].lower in g.de
               for k in range(max(0, j - 4), j - 1))
