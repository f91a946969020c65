"""Two figures joined as one metric only through two of its names in ``[families]``
("61 200 faillites" / "près de 61 000 défaillances d'entreprises"; "la dette" /
"l'endettement"): the link says so in its explanation, so that an editor sees that the tie
between the two metrics is a list of synonyms, not the same word read on both sides.

A figure's name is its subject's lemma when the family came from its subject (not from what
happened to a generic count, "53 personnes tuées", nor from a head's complement, "le taux de
réussite"); two figures of one family named by two different lemmas were joined through the
list."""

from __future__ import annotations

from dataclasses import replace

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.relations import Judged


def synonym_names(a: ClaimView, b: ClaimView) -> tuple[str, str] | None:
    """The two names of one metric family that tie ``a`` and ``b`` (their subjects' lemmas),
    or None: two families, a family not read from both subjects, or one name on both sides."""
    if not a.family or a.family != b.family:
        return None
    if a.subject_family != a.family or b.subject_family != b.family:
        return None
    names = lemma(a.subject), lemma(b.subject)
    return names if all(names) and names[0] != names[1] else None


def with_synonym_note(judged: Judged, lexicon: Lexicon) -> Judged:
    """``judged`` with the note of :func:`synonym_names` after its explanation, when the two
    figures were joined through two names of their metric (``different_scope`` links too:
    the names are why they met)."""
    names = synonym_names(judged.a, judged.b)
    if names is None:
        return judged
    note = lexicon.say("link_synonyms", a=names[0], b=names[1])
    return replace(judged, explanation=f"{judged.explanation} {note}")
