"""What a duration measures: a person's age ("Nahel, 17 ans,", "âgé de 17 ans", "des
enfants de moins de 15 ans") or the noun after "de" ("quatre ans de prison", "cinq ans
d'inéligibilité", "deux mois de crise"); cue words in ``context_subject.toml``
``[durations]``."""

from __future__ import annotations

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import lemma_of, nounish, subject_at


def duration_subject(toks: tuple[Tok, ...], fig: Figure,
                     data: SubjectData) -> tuple[str | None, int | None, str]:
    """``(subject, noun index, rule)`` of a duration: ``age`` (the data's age subject),
    ``duration_of`` (the noun after "de"), else no subject (``no_subject_kind``)."""
    if fig.mention.unit in data.age_units and _is_age(toks, fig, data):
        return data.age_subject, None, "age"
    j = fig.last
    if j + 1 < len(toks) and toks[j].lower in grammar().de and nounish(toks[j + 1], data):
        lem = lemma_of(toks[j + 1], data)
        if lem not in data.time_nouns and lem not in data.not_subjects:
            return subject_at(toks, j + 1, data), j + 1, "duration_of"
    return None, None, "no_subject_kind"


def _is_age(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    before = [t.lower for t in toks[max(0, fig.first - 3) : fig.first]]
    if any(w in data.age_markers for w in before):
        return True  # "âgé de 17 ans", "est âgé entre 14 et 18 ans"
    if len(before) >= 2 and before[-1] in grammar().de and before[-2] in data.age_holders:
        return True  # "des enfants de moins de 15 ans"
    after = toks[fig.last].text if fig.last < len(toks) else ""
    # "Nahel, 17 ans, ...": a name, a comma, the age, a comma or the sentence's end.
    return (fig.first >= 2 and toks[fig.first - 1].text == ","
            and toks[fig.first - 2].pos == "PROPN" and after in {",", ")", ".", ""})
