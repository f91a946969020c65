"""Two figures joined as one metric only through two of its names in ``[families]``
("l'indemnité de transfert" / "le transfert" of one player; "12 décès" / "plus de 10
morts"): the link says so in its explanation, so that an editor sees that the tie
between the two metrics is a list of synonyms, not the same word read on both sides.

A figure's name is its subject, when ``[families]`` lists its lemma, one of its words, or a
name it opens ("indemnité" of "indemnité de transfert") for the family the figure has: not a
family read from what happened to a generic count ("53 personnes tuées"), from a strike cue
("25 % des professeurs en grève") or from a head's complement ("le taux de réussite"). Two
figures of one family with two such names that differ were joined through the list."""

from __future__ import annotations

from dataclasses import replace

from factcheck.crossref.cue_words import Lexicon, lemma
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.relations import Judged


def synonym_names(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> tuple[str, str] | None:
    """The two names of one metric family that tie ``a`` and ``b`` (their subjects, as
    written), or None: two families, a family not named by a subject, or one name on both
    sides."""
    if not a.family or a.family != b.family:
        return None
    la, lb = lemma(a.subject), lemma(b.subject)
    if la == lb or not (_named(la, a.family, lexicon) and _named(lb, b.family, lexicon)):
        return None
    return a.subject, b.subject


def _named(lem: str, family: str, lexicon: Lexicon) -> bool:
    """``[families]`` lists the lemma ``lem``, one of its words, or a name it opens, for
    ``family``."""
    families = lexicon.families
    if families.get(lem) == family or any(families.get(w) == family for w in lem.split()):
        return True
    return bool(lem) and any(name.startswith(f"{lem} ") and fam == family
                             for name, fam in families.items())


def with_synonym_note(judged: Judged, lexicon: Lexicon) -> Judged:
    """``judged`` with the note of :func:`synonym_names` after its explanation, when the two
    figures were joined through two names of their metric (``different_scope`` links too:
    the names are why they met)."""
    names = synonym_names(judged.a, judged.b, lexicon)
    if names is None:
        return judged
    note = lexicon.say("link_synonyms", a=names[0], b=names[1])
    return replace(judged, explanation=f"{judged.explanation} {note}")
