"""Two figures described alike by words that differ only in form. The describing words of a
figure (``ClaimView.words``) are crude lemmas: lower case, the plural mark removed. The same
word is still written several ways around two figures of one fact: with or without its
accent and its feminine mark ("le tribunal a estimé le préjudice à 2,9 millions" / "le
Parlement estime le préjudice à 4,5 millions"; "les surfaces ont baissé de 10,7 %" / "la
baisse des surfaces (-10,7 %)"; "les rues françaises" / "dans l'Hexagone, les Français"). Its
form (:func:`word_form`: accents folded, the inflection endings of ``[description]
form_endings`` removed) is one, and so is the noun one figure is counted by when the other
names it as its complement ("les homicides, en hausse de 6 %" / "victimes d'homicide, soit
4 % d'augmentation": :func:`subject_named`). The describing-word test of
:func:`factcheck.crossref.relations.described_alike` reads them, and so do the pairs of one
amount under two nouns (:func:`named_forms`, :mod:`factcheck.crossref.renamed`); the words
themselves are left as they are."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from factcheck.crossref.cells import WORD
from factcheck.crossref.cue_tables import lemma
from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.matching import ClaimView

#: Letters an ending leaves at least: "mort"/"morte" are one form, "vue"/"vu" are not read.
MIN_FORM = 4


@lru_cache(maxsize=8192)
def word_form(word: str, endings: tuple[str, ...], kept: frozenset[str] = frozenset()) -> str:
    """``word`` without its accents and its inflection endings (``endings``, removed one
    after another while MIN_FORM letters remain): "estimé", "estime" and "estimées" ->
    "estim"; "française" and "françai" (the lemma of "français") -> "francai". A word of
    ``kept`` (``[description] form_kept``) names something no other form names ("marché",
    not "marche"; "partie", not "parti"): it is its own form, which no folded form meets."""
    if (own := lemma(word)) in kept:
        return "=" + own
    form = "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))
    stripped = True
    while stripped:
        stripped = False
        for ending in endings:
            if form.endswith(ending) and len(form) - len(ending) >= MIN_FORM:
                form = form[: len(form) - len(ending)]
                stripped = True
                break
    return form


def forms(words: Iterable[str], endings: tuple[str, ...],
          kept: frozenset[str] = frozenset()) -> frozenset[str]:
    """The forms (:func:`word_form`) of ``words``."""
    return frozenset(word_form(w, endings, kept) for w in words)


def subject_words(v: ClaimView) -> frozenset[str]:
    """The lemmas of the figure's subject noun phrase, words of four letters or more."""
    return frozenset(lemma(w) for w in WORD.findall(v.subject) if len(w) >= 4)


def _narrowed_victims(v: ClaimView, lexicon: Lexicon) -> bool:
    victims = lexicon.victims
    return victims is not None and (v.family or "").startswith(victims.family + "/")


def _names_a_metric(v: ClaimView, lexicon: Lexicon) -> bool:
    """The figure's subject names what it counts: not a duration or a date (a penalty's
    "deux ans"), not a generic noun ("personnes", ``[outcome_families] generic``; "faits",
    ``[tally_nouns]``), not the victims of an offence the sentence narrows, which keep a
    family of their own (``[victims]``: "victimes de violences conjugales" is no count of
    violences)."""
    if v.dimension.startswith(("duration", "date")) or not v.subject:
        return False
    lem = lemma(v.subject)
    if lem in lexicon.generic_subjects or lem in lexicon.tally_nouns:
        return False
    return not _narrowed_victims(v, lexicon)


def counted_forms(v: ClaimView, lexicon: Lexicon) -> dict[str, bool]:
    """The forms of the nouns ``v`` is counted by: its subject's words (True) and the
    complement its sentence gives that subject (False: "l'encours de la dette" -> "dette",
    "victimes d'homicide" -> "homicide"); none when the subject names no metric
    (:func:`_names_a_metric`) or the language gives no ``form_endings``."""
    endings = lexicon.form_endings
    if not endings or not _names_a_metric(v, lexicon):
        return {}
    kept = lexicon.form_kept
    names = dict.fromkeys(forms((v.complement,) if v.complement else (), endings, kept), False)
    names.update(dict.fromkeys(forms(subject_words(v), endings, kept), True))
    return names


def subject_named(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """The noun one figure is counted by is the complement of the other's subject ("les
    homicides" / "les victimes d'homicide"): its subject describes the other figure too."""
    fa, fb = counted_forms(a, lexicon), counted_forms(b, lexicon)
    return any(fb.get(form) is False for form, own in fa.items() if own) \
        or any(fa.get(form) is False for form, own in fb.items() if own)


def named_forms(v: ClaimView, lexicon: Lexicon) -> dict[str, bool]:
    """The nouns ``v`` is counted by (True: :func:`counted_forms`) and the words describing
    it (False), as forms, for the pairs of one amount under two nouns
    (:mod:`factcheck.crossref.renamed`: a figure counted by a noun meets one its sentence
    describes by that noun: "le virement de 44,8 milliards d'euros de fonds" / "des fonds de
    près de 45 milliards d'euros, issus d'un virement"). A duration or a date describes no
    metric (a penalty's "deux ans" beside the word "prison"), nor do the victims of an offence
    the sentence narrows."""
    names = counted_forms(v, lexicon)
    endings = lexicon.form_endings
    if endings and not v.dimension.startswith(("duration", "date")) \
            and not _narrowed_victims(v, lexicon):
        for form in forms(v.words, endings, lexicon.form_kept):
            names.setdefault(form, False)
    return names
