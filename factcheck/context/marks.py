"""A mark named in place of the metric: a figure given as a bar, a threshold passed, a record
or a bare "chiffre" ("le nombre d'emplois menacés repasse la barre des 37 000", "le bénéfice
net a atteint un record, à 18,6 milliards", "281 000 manifestants selon la police, quand la
CGT évoque le chiffre de 900 000") measures the metric that reaches that mark, never the mark
itself: a bar, a record or a "chiffre" is no metric an editor could compare.

The metric is, in order: the subject of the clause whose verb takes the mark as its object
("le bénéfice net a atteint un record" -> bénéfice), when it is a plain noun (not a body or a
person that only states the figure: "la CGT évoque le chiffre de"); else the nearest figure
before it in its sentence, of the same kind ("200 000 manifestants ... contre un chiffre de
46 000"); else the figure is left to the metric of the sentence before, of its kind
(``definite_metric_open``, read as "le chiffre était de"), the mark staying when there is
none. A figure after its mark is never bare: it takes no later figure's noun ("la barre
des 5 milliards, tandis que les ventes ont reculé de 3 %") unless neither its clause nor a
figure before names what reaches the mark ("le chiffre dépasse le cap des 5 millions, avec
5,03 millions de chômeurs"). The mark's own
figures in an apposition ("un record, à 18,6 milliards, en hausse de 11 %") follow it. Words
in ``context_subject.toml`` ``[anaphora]`` ``mark_nouns``."""

from __future__ import annotations

from dataclasses import replace

from factcheck.context._stating_bodies import speaker_noun
from factcheck.context.anaphora import anaphora_data
from factcheck.context.antecedents import measurable
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.nouns import governing_verb
from factcheck.context.pending import SubjectResult
from factcheck.context.phrases import head_before, subject_at

#: Words a mark and its figure may stand apart by ("la barre des", "un record, à").
_BETWEEN = 3


def marks_figure(toks: tuple[Tok, ...], k: int, fig: Figure) -> bool:
    """Whether the noun at ``k`` is a mark whose value the figure gives: right before it, only
    articles, prepositions, adjectives or a comma between ("la barre des 37 000", "le chiffre
    de 900 000", "un record, à 18,6 milliards", "la barre symbolique des 2 euros")."""
    between = toks[k + 1:fig.first]
    if k >= fig.first or len(between) > _BETWEEN:
        return False
    de = grammar().de_links
    return all(t.pos in ("DET", "ADP", "ADJ") or t.text == "," or t.lower.replace("’", "'") in de
               for t in between)


def _mark_before(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The mark right before the figure ("la barre des 5 milliards"), if any."""
    for k in range(fig.first - 1, max(fig.first - 2 - _BETWEEN, -1), -1):
        if toks[k].pos == "NOUN" and subject_at(toks, k, data) in anaphora_data().mark_nouns \
                and marks_figure(toks, k, fig):
            return k
    return None


def _marking_clause(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int | None:
    """The subject of the clause whose verb takes the mark at ``k`` as its object ("Le
    bénéfice net a atteint un record" -> bénéfice): a common noun heading the clause, with no
    other finite verb, infinitive or gerund between it and that verb (not a noun of a relative
    clause: "le nombre de migrants ayant trouvé la mort en tentant de rejoindre l'Europe a
    atteint"), and no body, person or place (who states the figure, not what it measures)."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("DET", "ADJ"):
        j -= 1
    v = governing_verb(toks, j + 1)
    if v is None:
        return None
    h = head_before(toks, v, data)
    if h is None:
        return None
    t = toks[h]
    if t.pos != "NOUN" or t.text.isupper() or not measurable(t, data) \
            or speaker_noun(toks, h) or subject_at(toks, h, data) in anaphora_data().mark_nouns:
        return None
    if any((toks[i].pos in ("VERB", "AUX") and toks[i].verbform in ("Inf", "Ger"))
           or (toks[i].pos == "VERB" and toks[i].verbform == "Fin") for i in range(h + 1, v)):
        return None
    return h


def marked_metrics(toks: tuple[Tok, ...], figs: list[Figure], subs: list[SubjectResult],
                   data: SubjectData) -> list[SubjectResult]:
    """``subs`` with each figure read from a mark given the metric that reaches it (see the
    module's docstring)."""
    marks = anaphora_data().mark_nouns
    out = list(subs)
    for m, s in enumerate(subs):
        forward = s.rule == "ellipsis" and s.antecedent is not None and s.antecedent > m
        if forward:
            # "a franchi la barre des 5 milliards, tandis que les ventes ont reculé de 3 %":
            # a figure after its mark is not bare, and takes no later figure's noun when the
            # clause or a figure before names what reaches the mark.
            k = _mark_before(toks, figs[m], data)
            if k is None:
                continue
        elif (k := s.noun) is None or s.subject is None or s.antecedent is not None \
                or s.subject not in marks or not marks_figure(toks, k, figs[m]):
            continue
        h = _marking_clause(toks, k, data)
        if h is not None:
            new = SubjectResult(subject_at(toks, h, data), h, (), "marked_metric")
        elif (e := next((e for e in range(m - 1, -1, -1)
                         if (r := subs[e]).subject is not None and r.noun != k
                         and figs[e].mention.kind == figs[m].mention.kind
                         and r.subject not in marks),
                        None)) is not None:
            r = subs[e]
            new = SubjectResult(r.subject, r.noun, r.qualifiers, "marked_metric", antecedent=e)
        elif forward:
            continue  # "le chiffre dépasse le cap des 5 millions, avec 5,03 millions de chômeurs"
        else:
            # read as "le chiffre était de": the metric of the sentence before, of its kind;
            # with none, the mark stays (it names the figure's kind of mark, nothing else)
            new = SubjectResult(subject_at(toks, k, data), k, (), "definite_metric_open")
        out[m] = new
        for n, t in enumerate(subs):
            if n != m and t.noun == k and t.antecedent == m:
                # "un record, à 18,6 milliards, en hausse de 11 %": the change follows it.
                out[n] = replace(new, rule=t.rule, antecedent=m) \
                    if new.rule == "marked_metric" \
                    else SubjectResult(None, None, (), "anaphora_open", antecedent=m)
            elif n > m and t.noun == k and t.rule == "clause_subject" \
                    and new.rule == "marked_metric":
                # "a franchi la barre des 3 100 milliards, soit 45 000 euros par Français":
                # a later figure of the clause read the mark as its subject, the metric too.
                out[n] = replace(new, rule=t.rule, antecedent=m)
    return out
