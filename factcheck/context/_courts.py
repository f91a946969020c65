"""The court whose sentence a figure is ("Marine Le Pen a été condamnée à quatre ans de
prison" -> the court named in the sentence, else the first one of the article). Private to
``factcheck.context.source``."""

from __future__ import annotations

from functools import cache

import regex

from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import grammar, source_data
from factcheck.context.nlp import Figure, Tok


@cache
def _court_pattern() -> regex.Pattern[str]:
    courts = "|".join(regex.escape(c) for c in speech_words().courts)
    return regex.compile(rf"(?<!\w)(?:{courts})(?!\w)[^.;:!?()«»\"\n,]*", regex.IGNORECASE)


def court_of(article_text: str, sentence_start: int, toks: tuple[Tok, ...],
           fig: Figure) -> str | None:
    """A sentence passed ("Marine Le Pen a été condamnée à quatre ans de prison") is the
    court's: the court named in the sentence ("par le tribunal correctionnel de Paris"),
    else the first one named in the article; None without a verb of judgment before the
    figure or a court named, and None for a figure the verb does not pass (see
    :func:`_passed_by_verb`)."""
    w = speech_words()
    verbs = [v for v, t in enumerate(toks[: fig.first])
             if t.lemma in w.judgment_verbs or t.lower in w.judgment_forms]
    if not verbs or not _passed_by_verb(toks, verbs[-1], fig):
        return None
    end = sentence_start + (toks[-1].end if toks else 0)
    found = list(_court_pattern().finditer(article_text, 0, end))
    own = [m for m in found if m.start() >= sentence_start]
    if own:
        found = own
    elif found:
        found = found[:1]  # the court that tried the case is named first ("une cour d'appel
        # pourrait" comes later)
    else:
        return None
    data = source_data()
    words: list[str] = []
    for word in found[-1].group(0).split():
        if words and (word.lower() in data.stops or word.lower() in data.not_source_words
                      or word.lower() in data.leading_time_words or len(words) >= 6):
            break
        words.append(word)
    return " ".join(words) or None


def _passed_by_verb(toks: tuple[Tok, ...], v: int, fig: Figure) -> bool:
    """Whether the verb of judgment at ``v`` may pass the figure: not the ones it condemns,
    its object right after it ("la décision de condamner les 51 accusés"), nor a figure of
    a clause of its own after it ("ont été condamnés à huit ans alors que douze avaient été
    requis": a contrast or a subordinate clause, or a finite verb, between them)."""
    between = toks[v + 1: fig.first]
    if all(t.pos == "DET" for t in between):
        return False
    w = speech_words()
    g = grammar()
    return not any(t.lower in w.clause_contrasts or t.lower in g.clause_start_words
                   or (t.pos in ("VERB", "AUX") and t.verbform == "Fin"
                       and not (i and between[i - 1].pos == "DET"))  # "l'accusé": a noun
                   for i, t in enumerate(between))
