"""The person or body a sentence without figures names as speaking, for the quantities of
the report that follows (:func:`sentence_speaker`), and the cheap test run before parsing
such a sentence (:func:`names_a_speaker`). Private to ``factcheck.context`` (used by
``source``, which re-exports both)."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._documents import document_subject
from factcheck.context._forward_speaker import forward
from factcheck.context._publisher import statistics_nouns, statistics_publisher
from factcheck.context._selon import selon
from factcheck.context._speech_words import relative_antecedent, speech_words
from factcheck.context._trie import trie
from factcheck.context.lexicon import SourceData, source_data
from factcheck.context.names import fullest_name, is_body, is_common_group, is_generic_source
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import clean_name, inverted

_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "«", "»", '"', "“", "”"})


def _cue_words() -> tuple[set[str], set[str], set[str], set[str]]:
    """The words, the stems, the auxiliaries and the participles of :func:`_cue_pattern`."""
    data = source_data()
    derived = speech_words()
    words = {*data.introducers, *data.speech_forms, *data.document_verbs,
             *derived.finite, *derived.report_forms, *statistics_nouns()}
    stems = {v[:-2] for v in data.speech_verbs if " " not in v and len(v) >= 6}
    return words, stems, set(derived.auxiliaries), set(derived.participles)


@cache
def _cue_pattern() -> regex.Pattern[str]:
    """Introducers, forms of verbs of speech, and the stems of their lemmas ("annonc" for
    "a annoncé", "annonçait" aside: the test is only a filter before parsing)."""
    words, stems, auxiliaries, participles = _cue_words()
    alternatives = [regex.escape(w) + r"(?!\w)" for w in sorted(words, key=len, reverse=True)]
    alternatives += [regex.escape(st) + r"\w*" for st in sorted(stems, key=len, reverse=True)]
    # "», a noté Jérôme Salomon": a participle of speech after its auxiliary.
    aux = "|".join(regex.escape(a) for a in sorted(auxiliaries, key=len, reverse=True))
    parts = "|".join(regex.escape(w) for w in sorted(participles, key=len, reverse=True))
    if aux and parts:
        alternatives.append(rf"(?:{aux})(?:-t-\w+)?\s+(?:{parts})(?!\w)")
    return regex.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", regex.IGNORECASE)


@cache
def _cue_trie() -> regex.Pattern[str]:
    """:func:`_cue_pattern` with its alternatives merged by their common beginnings
    (:func:`._trie.trie`): it finds a match in the same sentences, several times faster (the
    ``regex`` module tries a plain alternation's hundreds of words one by one at every
    word). A stem's trailing letters are left out: ``stem\\w*`` matches where ``stem`` does."""
    words, stems, auxiliaries, participles = _cue_words()
    alternatives = [trie({**{w: r"(?!\w)" for w in words}, **{st: "" for st in stems}})]
    if auxiliaries and participles:
        alternatives.append(trie(dict.fromkeys(auxiliaries, "")) + r"(?:-t-\w+)?\s+"
                            + trie(dict.fromkeys(participles, r"(?!\w)")))
    return regex.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")", regex.IGNORECASE)


def names_a_speaker(sentence: str) -> bool:
    """Cheap test before parsing a sentence without figures: does it hold an introducer
    ("selon", "d'après") or a form of a verb of speech ("a annoncé", "indique")?"""
    return _cue_trie().search(sentence) is not None


def sentence_speaker(article_text: str, toks: tuple[Tok, ...], common: bool = False
                     ) -> str | None:
    """The person or body a sentence without figures names as speaking ("Le service
    statistique SSMSI a publié jeudi son bilan annuel", "selon l'Insee, la saison a été
    bonne"), for the quantities of the report that follows. Without a figure to anchor it,
    only a name holding a capital or a body named by its head noun ("a indiqué la
    préfecture", "la chambre régionale des comptes critique") is taken ("la hausse se
    poursuit" names nobody); None for a pronoun or no name. A document with its author as
    subject speaks for its author ("Les prévisions d'Agreste sont conformes"). With
    ``common``, also a group named by one common noun ("les élus ont dénoncé",
    ``names.is_common_group``), whose report covers only its paragraph (``_report``)."""
    data = source_data()
    phrases = [np for rule in (_selon_first, _speech_first, document_subject)
               if (np := rule(toks, data))]
    if not phrases and (np := statistics_publisher(toks)):
        phrases = [np]  # "Le ministère établit des statistiques annuelles": their publisher
    for np in phrases:
        if relative_antecedent(toks, np):
            continue  # "qu'Arvalis, dont les prévisions ...": named in passing
        if np[0].lower in _first_person():
            np = _relayed_document(toks, np, data) or np
        name = clean_name(np, data)
        if name and name.lower().split("-")[-1] not in data.pronouns \
                and (any(ch.isupper() for ch in name) or is_generic_source(name)
                     or is_body(name) or (common and is_common_group(name))):
            return fullest_name(name, article_text)
    return None


@cache
def _first_person() -> frozenset[str]:
    return frozenset(source_data().first_person)


def _relayed_document(toks: tuple[Tok, ...], np: list[Tok], data: SourceData
                      ) -> list[Tok] | None:
    """ "Nous publions le bilan de Santé publique France": the outlet relays a document; its
    author is the report's source."""
    for k in range(np[-1].i + 1, len(toks) - 2):
        t = toks[k]
        if t.text in _CLAUSE_ENDS:
            return None
        if t.lower in data.documents or t.lemma in data.documents:
            j = k + 1
            while j < len(toks) - 1 and toks[j].pos == "ADJ":
                j += 1  # "le bilan hebdomadaire de"
            if toks[j].lower in data.document_links:
                return list(toks[k:])
    return None


def _selon_first(toks: tuple[Tok, ...], data: SourceData) -> list[Tok] | None:
    end = Figure(None, len(toks), len(toks))  # type: ignore[arg-type]
    return selon(toks, [end], 0, data)


def _speech_first(toks: tuple[Tok, ...], data: SourceData) -> list[Tok] | None:
    return forward(toks, len(toks), data) or inverted(toks, 0, data)
