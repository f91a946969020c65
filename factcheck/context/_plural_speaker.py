"""A plural subject pronoun that speaks ("Elles ont également affirmé que 50 personnes sont
portées disparues", "Ils ont précisé que ...") stands for the plural speaker of the sentence
before it, in its paragraph ("les autorités taïwanaises ont présenté un bilan"):
:func:`plural_speaker`. A singular body ("la préfecture") or a person is no antecedent of
"ils" or "elles", nor a speaker further back or of an earlier paragraph. Words from
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


@cache
def plural_data(code: str = "fr") -> PluralData:
    d = load_data(code, "context_source")["attribution"]["plural"]
    return PluralData(
        pronouns=frozenset(w.lower() for w in d["pronouns"]),
        endings=tuple(d["endings"]),
        invariable=frozenset(w.lower() for w in d["invariable"]),
        conjunctions=frozenset(w.lower() for w in d["conjunctions"]),
    )


def is_plural_pronoun(word: str) -> bool:
    """Whether ``word`` is a plural subject pronoun ("Elles", "ils")."""
    return word.lower() in plural_data().pronouns


def names_plural(name: str) -> bool:
    """Whether a source's name is plural: its head a lower-case noun with a plural's ending
    ("autorités taïwanaises", "organisateurs"; not "pays", not "Météo-France"), or two names
    joined by a conjunction ("Alain Durand et Léa Morel")."""
    data = plural_data()
    words = name.split()
    if not words:
        return False
    if any(w.lower() in data.conjunctions for w in words[1:-1]):
        return True
    head = words[0]
    return head.isalpha() and head.islower() and head not in data.invariable \
        and head.endswith(data.endings)


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
    return found[1] if found else None
