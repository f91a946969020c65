"""A plural subject pronoun that speaks ("Elles ont également affirmé que 50 personnes sont
portées disparues", "Ils ont précisé que ...") stands for the plural speaker of the sentence
before it, in its paragraph ("les autorités taïwanaises ont présenté un bilan"):
:func:`plural_speaker`. A singular body ("la préfecture") or a person is no antecedent of
"ils" or "elles", nor a speaker further back or of an earlier paragraph, nor one whose
sentence opens a clause with another plural ("Selon les autorités, les secouristes étaient
300": either may be "ils"). Unresolved, the pronoun names no one: the figure has no source
(``source.sources``, rule ``unsourced``), never the report's. Words from
``[attribution.plural]`` of ``context_source.toml``. Private to ``factcheck.context``
(``source.sources``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import load_data


@dataclass(frozen=True, slots=True)
class PluralData:
    pronouns: frozenset[str]  # "ils", "elles"
    endings: tuple[str, ...]  # a plural noun's endings ("autorités", "médias locaux")
    invariable: frozenset[str]  # singular nouns with a plural's ending ("pays", "corps")
    conjunctions: frozenset[str]  # "et": two speakers named together are plural
    determiners: frozenset[str]  # "les", "des", "ces": another plural's
    clause_openers: frozenset[str]  # ",", "que": where a clause's subject stands


@cache
def plural_data(code: str = "fr") -> PluralData:
    d = load_data(code, "context_source")["attribution"]["plural"]
    return PluralData(
        pronouns=frozenset(w.lower() for w in d["pronouns"]),
        endings=tuple(d["endings"]),
        invariable=frozenset(w.lower() for w in d["invariable"]),
        conjunctions=frozenset(w.lower() for w in d["conjunctions"]),
        determiners=frozenset(w.lower() for w in d["determiners"]),
        clause_openers=frozenset(w.lower() for w in d["clause_openers"]),
    )


def is_plural_pronoun(word: str) -> bool:
    """Whether ``word`` is a plural subject pronoun ("Elles", "ils")."""
    return word.lower() in plural_data().pronouns


def names_plural(name: str) -> bool:
    """Whether a source's name is plural: its head a lower-case noun with a plural's ending
    ("autorités taïwanaises", "organisateurs"; not "pays", not "Météo-France"), or two names
    joined by a conjunction ("Alain Durand et Léa Morel", "CFDT et Unsa"; not one body's name
    holding it, "ministère de l'Économie et des Finances")."""
    data = plural_data()
    words = name.split()
    if not words:
        return False
    if any(w.lower() in data.conjunctions and words[i - 1][:1].isupper()
           and words[i + 1][:1].isupper() for i, w in enumerate(words[1:-1], 1)):
        return True
    head = words[0]
    return _plural_noun(head, data)


def _plural_noun(word: str, data: PluralData) -> bool:
    """A lower-case noun with a plural's ending ("autorités"; not "pays")."""
    return word.isalpha() and word.islower() and word not in data.invariable \
        and word.endswith(data.endings)


#: The end of a sentence: a stop followed by a space.
_SENTENCE_END = re.compile(r"[.!?…]\s")


def plural_speaker(article_text: str, before: int,
                   speakers: list[tuple[int, str]] | None) -> str | None:
    """The plural speaker (``speakers``: offsets of their sentences and names) of the
    sentence right before offset ``before`` or of the pronoun's own sentence, in the same
    paragraph; of two named in one sentence, the first ("Les autorités ont annoncé [...],
    selon les médias locaux. Elles ont précisé": the authorities). Further back, another
    plural may have come between ("Les manifestants ont défilé. Ils ont affirmé"): None, as
    when there is none."""
    found: tuple[int, str] | None = None
    for pos, name in speakers or ():
        between = article_text[pos:before]
        if pos < before and "\n" not in between and len(_SENTENCE_END.findall(between)) <= 1 \
                and names_plural(name) and (found is None or pos > found[0]):
            found = (pos, name)
    if found is None or _other_plural(article_text, found[0], before, found[1]):
        return None
    return found[1]


#: A plural group: a determiner and the word after it.
_GROUP = re.compile(r"\b(?=(\w+)\s+(\w+))")


def _other_plural(text: str, at: int, before: int, name: str) -> bool:
    """Whether the speaker's sentence (from ``at``) opens a clause with a plural group that is
    not the speaker ``name`` ("Selon les autorités, les secouristes étaient 300", "Les guides
    ont annoncé que les refuges ouvraient"): another antecedent the pronoun may stand for. A
    plural object ("ont fermé les refuges") or a counted noun ("40 refuges") is none."""
    data = plural_data()
    end = _SENTENCE_END.search(text, at, before)
    sentence = text[at : end.end() if end else before]
    own = name.split()[0].lower()
    for m in _GROUP.finditer(sentence):
        if m.group(1).lower() not in data.determiners or m.group(2).lower() == own \
                or not _plural_noun(m.group(2), data):
            continue
        opener = sentence[: m.start()].rstrip()
        last = opener.split()[-1].lower() if opener.split() else ""
        if not opener or opener[-1] in data.clause_openers or last in data.clause_openers:
            return True
    return False
