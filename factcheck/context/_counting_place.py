"""The place of a figure that a verb of counting gives: the known place opening the clause
of an active verb of counting before the figure, its subject ("la France comptait 78 969
détenus"). Read by :func:`factcheck.context.where.place_of` when no place stands between the
figure and the next quantity."""

from __future__ import annotations

from functools import lru_cache

import regex

from factcheck.context._speech_words import FINITE_ENDINGS, regular_forms
from factcheck.context.known_places import _subject_name_pattern, subject_place
from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.world import world_data


def counting_place(
    sentence: str, toks: tuple[Tok, ...], fig: Figure, low: int
) -> str | None:
    """The known place that opens the clause of an active verb of counting before the figure
    ("Au 1er septembre, la France comptait 78 969 détenus", "Le Burundi, frontalier de la
    RDC, a répertorié 173 cas"); not a passive ("ont été recensés"), nor for a figure after
    the verb's first quantity (token ``low`` ends the previous one: "(39 confirmés)" is a part
    of the 173 cases, where they are)."""
    g = grammar()
    for k in range(min(fig.first, len(toks)) - 1, low - 1, -1):
        if toks[k].lower in g.that:
            return None
        if _counting_verb(toks, k) and not (k > 0 and toks[k - 1].lemma == "être"):
            place = _clause_opening_place(sentence, toks[k].start)
            if place:
                return place
    return None


def _counting_verb(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether the token at ``k`` is an active verb of counting (``counting_verbs``), known by
    its lemma or finite form where the small tagger misreads it and no determiner precedes it
    ("La Syrie voisine compte 800 morts", "compte" tagged a noun; "le compte" stays a noun).

    Not one test with the two other checks of a verb known by its form, on purpose: their
    verbs and their places differ. :func:`factcheck.context._agents.counting_subject` wants
    the verb governing the figure (walked back to, finite or a participle after its
    auxiliary), whose subject is a body that counts (``counting_verbs`` of
    context_source.toml: "attendre", "revendiquer" name a source, not a place), its misread
    forms those of the verbs of speech; :func:`factcheck.context._stating_bodies.acts_on_count`
    takes any word of stating between a body and its figure, nouns of the same form too
    ("a fait le compte"). Here the verb may stand anywhere in the clause before the figure
    and its subject is a place, so a form after a determiner is a noun."""
    t = toks[k]
    if t.pos in ("VERB", "AUX"):  # "compte" lemmatised as itself
        return t.lemma in world_data().counting_verbs or t.lower in _counting_forms()
    known = t.lemma in world_data().counting_verbs or t.lower in _counting_forms()
    return known and t.pos != "PRON" and not (k > 0 and toks[k - 1].pos == "DET")


@lru_cache(maxsize=1)
def _counting_forms() -> frozenset[str]:
    """The finite forms of the regular verbs of counting ("compte", "recensait", "affiche")."""
    return frozenset(regular_forms(set(world_data().counting_verbs), FINITE_ENDINGS))


def _clause_opening_place(sentence: str, verb_start: int) -> str | None:
    """The known place opening the clause of the verb at ``verb_start`` (its subject)."""
    g = grammar()
    for m in _subject_name_pattern().finditer(sentence, 0, verb_start):
        lead = sentence[: m.start()].rstrip().replace("'", "' ").split()
        article = bool(lead) and lead[-1].lower() in g.definite_articles
        if article:
            lead = lead[:-1]
        if lead and not lead[-1].endswith(tuple(g.clause_marks)):
            continue  # not at the opening of a clause
        # Between the name and the verb: an apposition between commas, an auxiliary.
        gap = regex.sub(r"^\s*,[^,]*,", "", sentence[m.end() : verb_start])
        if len(gap.split()) > 2:
            continue
        place = subject_place(m.group(0), article)
        if place:
            return place
    return None
