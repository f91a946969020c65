"""Bodies, roles and places that state a figure, for ``factcheck.context.pending`` and the
clause readers: a noun heading the clause of a bare share or count ("Le gouvernement visait
4,9 %", "la ministre espère 7 %", "La région affiche 9,8 %") that states or aims at a figure of
a metric named before (:func:`speaker_noun`), unless it acts on what the figure counts by no
verb of stating ("La police a interpellé 12", :func:`acts_on_count`). Split from
``pending``; words in ``context_subject.toml`` and ``context_source.toml``."""

from __future__ import annotations

from functools import cache

from factcheck.context._narration import described_data
from factcheck.context._speech_words import (
    FINITE_ENDINGS,
    PARTICIPLE_ENDINGS,
    regular_forms,
    speech_words,
)
from factcheck.context.anaphora import anaphora_data
from factcheck.context.lexicon import source_data, subject_data
from factcheck.context.nlp import Tok
from factcheck.context.resolution import is_role
from factcheck.models import Kind

#: Figures a body or a role states of a metric named before ("Le gouvernement visait 4,9 %",
#: "Le ministère annonce 1,08 million"): not amounts, which a body pays or receives.
STATED_KINDS = frozenset({Kind.PERCENT, Kind.COUNT})


def speaker_noun(toks: tuple[Tok, ...], k: int | None) -> bool:
    """Whether the noun at ``k`` names a body or a person that states or aims at figures
    ("le gouvernement", "la ministre": ``stating_bodies`` of ``[anaphora]``, ``roles`` of
    ``[resolution]`` in context_source.toml, a role in the singular), or a place where it is
    counted ("la région", ``place_nouns`` of ``[described]``, in the singular), counted by no
    figure ("les chefs d'établissement", "171 entreprises" are what is counted)."""
    if k is None or toks[k].pos != "NOUN":
        return False
    if k > 0 and (toks[k - 1].pos == "NUM" or any(c.isdigit() for c in toks[k - 1].text)):
        return False
    word, bodies = toks[k].lemma or toks[k].lower, anaphora_data().stating_bodies
    if word in bodies or toks[k].lower in bodies:
        return True  # "les syndicats revendiquent 3,5 millions"
    # "la ministre", "La région de Koursk a été la plus touchée, avec 30" (not "les maires",
    # "les communes touchées sont 40": what is counted)
    return toks[k].number != "Plur" and (is_role(word) or word in described_data().place_nouns)


def acts_on_count(toks: tuple[Tok, ...], k: int, first: int) -> bool:
    """Whether the body, role or place at ``k`` (a :func:`speaker_noun`) gives the figure at
    ``first`` by no verb of speech, counting, forecast or level (``stating_verbs``: "annonce",
    "visait", "revendiquent", "affiche"; known by its form too where the small tagger
    misreads it) between them: it acts on what the figure counts ("La police a interpellé
    12", "la commission a invalidé 3 %", "La région a perdu 12 000"), which is neither itself
    nor the metric of the sentence before.

    Any word between the two counts, with no determiner guard, unlike
    ``_counting_place._counting_verb``: a noun of the same form states as well as the verb ("La
    commune a fait le compte : 300 logements"); and the verbs are all those of stating, not
    only of counting (:func:`stating_verbs`)."""
    lemmas, forms = stating_verbs()
    return not any(t.lemma in lemmas or t.lower in forms for t in toks[k + 1 : first]
                   if t.pos not in ("DET", "PUNCT", "NUM", "PRON", "ADP", "CCONJ", "SCONJ"))


@cache
def stating_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs by which a body gives a figure (lemmas, and their regular forms): of speech,
    of counting, of forecast, of level, and ``stating_verbs`` of ``[anaphora]`` ("crier à
    3,5 millions")."""
    lemmas = frozenset({*source_data().speech_verbs, *speech_words().counting_verbs,
                        *subject_data().forecast_verbs, *anaphora_data().level_verbs,
                        *anaphora_data().stating_verbs})
    forms = regular_forms(set(lemmas), FINITE_ENDINGS + PARTICIPLE_ENDINGS)
    return lemmas, frozenset(forms)
