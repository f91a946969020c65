"""What a figure counts (``subject``) and the words that narrow it (``qualifiers``).

Rules, tried in order for each figure of a sentence (``rule`` names them):

* ``noun_after``: the noun right after the figure, possibly after "de"/"des"
  ("46 drones", "des dizaines de milliers de personnes", "près de 60 % des foyers",
  "988 milliards de dollars d'aide"), unless it is a base a share is taken of ("du PIB");
* ``noun_before``: "une enveloppe de 725 millions", "une hausse de 12,5 %"; a container
  ("d'un montant de", "le nombre de", "le prix du") hands over to the noun it wraps or, before
  it, the noun phrase it describes ("une nouvelle aide ..., d'un montant de" -> aide);
* ``clause_subject``: the figure completes a verb ("pourrait atteindre 2 millions",
  "s'est établi à 5,8 %"): the head of the nearest noun phrase before that is not a
  prepositional complement ("Le taux de chômage a reculé de" -> taux);
* ``apposition``: "soit 169,6 milliards" restates the previous figure's subject;
* ``ellipsis``: a bare figure after ",", ":", "dont", "et", "pas"... takes the subject of the
  nearest previous figure of the sentence ("17 drones ..., 12 dans la région de Koursk"),
  else of the next one ("Pas 300 000, pas 150 000 : 31 000 soldats");
* ordinals take the noun after them or the last noun before ("son premier à l'étranger");
  dates take an event noun they are attached to ("l'investiture de Donald Trump le 20
  janvier"); durations, times, years and identifiers have no subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context.durations import duration_subject
from factcheck.context.lexicon import SubjectData, grammar, subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import (
    head_before,
    lemma_of,
    mistagged_noun,
    nounish,
    number_word,
    subject_at,
    unwrap_container,
)
from factcheck.context.qualifiers import is_predicate, qualifiers_after, qualify
from factcheck.deadline import checkpoint
from factcheck.models import Kind

_CLOSING = frozenset({"»", '"', "”", ")"})
NO_SUBJECT_KINDS = frozenset({Kind.TIME, Kind.YEAR, Kind.IDENTIFIER})


@dataclass(frozen=True, slots=True)
class SubjectResult:
    subject: str | None
    noun: int | None  # token index of the subject noun, when in this sentence
    qualifiers: tuple[str, ...]
    rule: str
    antecedent: int | None = None  # index of the figure it was taken from


def noun_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    g = grammar()
    j = fig.last
    while j < len(toks) and toks[j].text in _CLOSING:  # "« plusieurs dizaines de milliers » de"
        j += 1
    if j < len(toks) and toks[j].lower in g.de_links:
        if not _links_with_de(toks, fig, data) and toks[j].lower in g.de:
            return None
        j += 1
        if (
            j < len(toks)
            and toks[j - 1].lower in g.de
            and (toks[j].lower in g.articles_after_de or toks[j].lower in data.determiners)
        ):
            j += 1  # "de la richesse", "de son territoire"
    if j < len(toks) and nounish(toks[j], data):
        lem = lemma_of(toks[j], data)
        if lem in data.bases or toks[j].lower in data.bases or lem in data.time_nouns:
            return None  # "5,8 % du PIB", "8 % fin 2025"
        return j
    return None


def _noun_inside(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """A noun inside a fraction: "un Français sur trois"."""
    if fig.mention.kind != Kind.FRACTION:
        return None
    for k in range(fig.first, fig.last):
        t = toks[k]
        if t.lower in data.scale_words or t.lemma in data.scale_words or number_word(t, data):
            continue
        if nounish(t, data) and (t.pos == "NOUN" or t.is_title):
            return k
    return None


def _shares_next_noun(toks: tuple[Tok, ...], fig: Figure, nxt: Figure) -> bool:
    """Whether only "à", "et" or "ou" separates the figure from the next one."""
    return nxt.first == fig.last + 1 and toks[fig.last].lower in grammar().range_links


def _links_with_de(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> bool:
    """Whether "de" after the figure introduces what it counts: after a unit, a percentage
    or a scale word ("2 millions de soldats"), not after a bare count ("12 de croisière")."""
    if fig.mention.kind != Kind.COUNT:
        return True
    return fig.last > 0 and toks[fig.last - 1].lower in data.scale_words


def _noun_before_de(toks: tuple[Tok, ...], first: int, data: SubjectData) -> int | None:
    g = grammar()
    j = first - 1
    if j < 0 or toks[j].lower not in g.de:
        return None
    j -= 1
    if j >= 0 and mistagged_noun(toks, j, data):
        pass  # "un nouveau gazoduc de": the small model made the noun a verb or adjective
    else:
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
    if j < 0 or toks[j].pos not in ("NOUN", "ADJ", "VERB") or toks[j].is_title:
        return None
    if j > 0 and (toks[j - 1].pos == "AUX" or toks[j - 1].lower in g.aux_forms):
        return None  # "a bondi de 18 %": a participle the model called a noun
    if toks[j].pos != "NOUN" and not mistagged_noun(toks, j, data):
        return None
    lem = lemma_of(toks[j], data)
    if lem in data.not_subjects or lem in data.time_nouns:
        return None
    if lem in data.containers:
        # "d'un montant de X": the noun phrase the container describes, before it.
        k = j - 1
        while k >= 0 and toks[k].lower in g.container_gap:
            k -= 1
        return head_before(toks, k + 1, data)
    return _phrase_head(toks, j, data)


#: Prepositions that join a complement to the noun it completes ("un taux de réussite au
#: baccalauréat", "une baisse de l'emprunt d'équilibre").
_COMPLEMENT_LINKS = frozenset({"de", "d'", "du", "des", "au", "aux"})
_MAX_COMPLEMENTS = 3


def _phrase_head(toks: tuple[Tok, ...], j: int, data: SubjectData) -> int:
    """The head of the noun phrase whose last noun is ``j``: back over its complements ("un
    taux de réussite au baccalauréat général de 95,7 %" measures the taux); a noun of change
    or estimate at the head hands over to its complement later (``subject_at``)."""
    chain = [j]
    for _ in range(_MAX_COMPLEMENTS):
        k = j - 1
        while k >= 0 and (toks[k].pos == "DET" or toks[k].lower in data.determiners):
            k -= 1
        if k < 1 or toks[k].lower not in _COMPLEMENT_LINKS:
            break
        h = k - 1
        while h >= 0 and toks[h].pos == "ADJ":
            h -= 1
        if h < 0 or toks[h].pos != "NOUN" or toks[h].is_title:
            break
        lem = lemma_of(toks[h], data)
        if lem in data.not_subjects or lem in data.time_nouns or lem in data.containers \
                or lem in data.packaging_nouns:
            break
        j = h
        chain.append(j)
    if len(chain) > 1 and lemma_of(toks[j], data) in data.wrapping_nouns:
        return chain[-2]  # "une baisse de l'emprunt d'équilibre de 17 %": the emprunt
    return j


def _object_after(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """A determiner and a noun right after the figure: the object of "estimer à X le coût"."""
    j = fig.last
    if j + 1 >= len(toks) or toks[j].pos != "DET" or toks[j].lower not in data.determiners:
        return None
    if toks[j + 1].pos != "NOUN" or toks[j + 1].is_title:
        return None
    lem = lemma_of(toks[j + 1], data)
    if lem in data.time_nouns or lem in data.not_subjects:
        return None
    if lem in data.containers or lem in data.wrapping_nouns:
        return unwrap_container(toks, j + 1, data)  # "estime à 4 730 le nombre de cas"
    return j + 1


def _container_after(toks: tuple[Tok, ...], start: int, data: SubjectData) -> int | None:
    """ "2,5 milliards d'euros : c'est le montant de l'aide": the noun a later container
    wraps."""
    for k in range(start, len(toks)):
        if toks[k].pos == "NOUN" and lemma_of(toks[k], data) in data.containers:
            inner = unwrap_container(toks, k, data)
            return inner if inner != k else None
    return None


def _change_phrase(toks: tuple[Tok, ...], k: int, data: SubjectData) -> int | None:
    """The first token of "en (léger) recul" when the noun at ``k`` is a noun of change in
    such an adverbial phrase, else None."""
    if lemma_of(toks[k], data) not in data.change_nouns:
        return None
    while k > 0 and toks[k - 1].pos == "ADJ":
        k -= 1
    if k > 0 and toks[k - 1].lower in data.change_markers:
        return k - 1
    return None


def _governing_verb(toks: tuple[Tok, ...], first: int) -> int | None:
    j = first - 1
    links = grammar().verb_links
    while j >= 0 and (toks[j].pos in ("ADP", "ADV") or toks[j].lower in links):
        j -= 1
    if j >= 0 and (toks[j].pos in ("VERB", "AUX") or toks[j].verbform == "Part"):
        return j
    return None


def subjects(toks: tuple[Tok, ...], figs: list[Figure]) -> list[SubjectResult]:
    """Subject and qualifiers of every figure of one sentence."""
    data = subject_data()
    pending: dict[int, str] = {}
    results: list[SubjectResult | None] = [None] * len(figs)
    for n, fig in enumerate(figs):
        checkpoint()  # the article's budget, outside the main thread (factcheck.deadline)
        kind = fig.mention.kind
        if kind in NO_SUBJECT_KINDS:
            results[n] = SubjectResult(None, None, (), "no_subject_kind")
            continue
        if kind == Kind.DATE:
            results[n] = _date_subject(toks, fig, data)
            continue
        if kind == Kind.DURATION:
            results[n] = _duration_subject(toks, fig, data)
            continue
        k = _noun_inside(toks, fig, data) or noun_after(toks, fig, data)
        rule = "noun_after"
        if k is None and n + 1 < len(figs) and _shares_next_noun(toks, fig, figs[n + 1]):
            # "de 70 000 à 35 000 habitants", "entre 10 et 15 % des centrales".
            k = noun_after(toks, figs[n + 1], data)
            rule = "shared_noun"
        if k is not None:
            quals = qualify(toks, fig, k, True)
            part_of = _part_of(toks, figs, results, n)
            if part_of is not None and (
                toks[k].pos == "ADJ" or toks[k].lower in data.part_states
            ):
                # "40 blessés, dont 12 graves": the part is of the whole's subject, in a state
                state = lemma_of(toks[k], data)
                quals = tuple(dict.fromkeys([*part_of.qualifiers, state]))
                results[n] = SubjectResult(part_of.subject, part_of.noun, quals, "part_state")
                continue
            prev = results[n - 1] if n > 0 else None
            if (part_of is None and prev is not None and prev.subject
                    and toks[k].lower in data.part_states):
                # "3 101 cas confirmés, 15 636 suspects": a bare state after a figure of the
                # sentence counts the same thing in another state.
                state = lemma_of(toks[k], data)
                results[n] = SubjectResult(prev.subject, prev.noun, (state,), "state_of_previous")
                continue
            if part_of is not None:
                # "9 personnes ont été tuées, dont deux enfants": the part shares the whole's
                # qualifiers.
                quals = tuple(dict.fromkeys([*quals, *part_of.qualifiers]))
            results[n] = SubjectResult(subject_at(toks, k, data), k, quals, rule)
            continue
        if kind == Kind.ORDINAL:
            k = next((j for j in range(fig.first - 1, -1, -1)
                      if toks[j].pos == "NOUN" and not toks[j].is_title), None)
            subj = lemma_of(toks[k], data) if k is not None else None
            results[n] = SubjectResult(subj, k, (), "ordinal_noun_before")
            continue
        k = _noun_before_de(toks, fig.first, data)
        if k is not None and (head := _change_phrase(toks, k, data)) is not None:
            # "un budget de 412 millions, en hausse de 4,2 %": the change of the figure
            # before it, or of the clause's subject ("Le trafic est en baisse de 3 %").
            # ("soit une hausse de 12,5 %" counts a rise: its subject stays "hausse".)
            if n > 0:
                pending[n] = "apposition"
                continue
            v = _governing_verb(toks, head)
            h = head_before(toks, v, data) if v is not None else None
            if h is not None:
                results[n] = SubjectResult(
                    subject_at(toks, h, data), h, qualify(toks, fig, h, False), "change_of"
                )
                continue
            pending[n] = "ellipsis"
            continue
        if k is not None:
            results[n] = SubjectResult(
                subject_at(toks, k, data), k, qualify(toks, fig, k, False), "noun_before"
            )
            continue
        prev = toks[fig.first - 1].lower if fig.first > 0 else ""
        if prev in data.appositions:
            pending[n] = "apposition"
            continue
        v = _governing_verb(toks, fig.first)
        if v is not None:
            # "X estime à 486 milliards le coût de": after a verb of assessment the object
            # names the metric, the clause subject the one who assesses.
            k = None
            if toks[v].lemma in data.object_first_verbs or toks[v].lower in data.object_first_verbs:
                k = _object_after(toks, fig, data)
            if k is None:
                k = head_before(toks, v, data)
            if k is None:
                k = _object_after(toks, fig, data)
            if k is not None:
                results[n] = SubjectResult(
                    subject_at(toks, k, data), k, qualify(toks, fig, k, False), "clause_subject"
                )
                continue
        pending[n] = "ellipsis"
    _resolve_pending(toks, figs, results, pending, data)
    return [r if r is not None else SubjectResult(None, None, (), "none") for r in results]


def _duration_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> SubjectResult:
    """A person's age or the noun a duration measures (:mod:`factcheck.context.durations`)."""
    subject, noun, rule = duration_subject(toks, fig, data)
    return SubjectResult(subject, noun, (), rule)


def _part_of(
    toks: tuple[Tok, ...], figs: list[Figure], results: list[SubjectResult | None], n: int
) -> SubjectResult | None:
    """The figure a "dont" part belongs to (the nearest previous one with a subject)."""
    j = figs[n].first - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    if j < 0 or toks[j].lower not in grammar().part_markers:
        return None
    for m in range(n - 1, -1, -1):
        r = results[m]
        if r is not None and r.subject is not None:
            return r
    return None


def _resolve_pending(
    toks: tuple[Tok, ...],
    figs: list[Figure],
    results: list[SubjectResult | None],
    pending: dict[int, str],
    data: SubjectData,
) -> None:
    def candidate(order: range, n: int) -> int | None:
        kinds = (figs[n].mention.kind,)
        for same_kind in (True, False):
            for m in order:
                r = results[m]
                if r is None or r.subject is None or figs[m].mention.kind == Kind.ORDINAL:
                    continue
                if not same_kind or figs[m].mention.kind in kinds:
                    return m
        return None

    for backward_first in (True, False):
        for n in sorted(pending):
            checkpoint()
            if results[n] is not None:
                continue
            m = candidate(range(n - 1, -1, -1), n)
            if m is None and not backward_first:
                m = candidate(range(n + 1, len(figs)), n)
            if m is None:
                continue
            ant = results[m]
            assert ant is not None
            own = qualifiers_after(toks, figs[n].last - 1, adjectives=False)
            inherited = [q for q in ant.qualifiers if not is_predicate(toks, ant.noun, q)]
            quals = tuple(dict.fromkeys([*inherited, *own]))
            results[n] = SubjectResult(ant.subject, ant.noun, quals, pending[n], antecedent=m)
    for n in pending:
        if results[n] is None:
            k = head_before(toks, figs[n].first, data)
            if k is None:
                k = _container_after(toks, figs[n].last, data)
            if k is not None:
                results[n] = SubjectResult(subject_at(toks, k, data), k, (), "clause_subject")
            else:
                # Left to the previous sentence ("12 canons. Et 6 autres suivront").
                own = tuple(qualifiers_after(toks, figs[n].last - 1, adjectives=False))
                results[n] = SubjectResult(None, None, own, "ellipsis_open")


def _date_subject(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> SubjectResult:
    j = fig.first - 1
    g = grammar()
    if j >= 0 and toks[j].lower in g.date_articles:
        j -= 1
    skipped = False
    while j >= 0 and toks[j].is_title and toks[j].pos in ("PROPN", "NOUN"):
        j -= 1
        skipped = True
    if skipped and j >= 0 and toks[j].lower in g.de_links:
        j -= 1
    if j >= 0 and toks[j].pos == "NOUN" and lemma_of(toks[j], data) in data.date_events:
        return SubjectResult(lemma_of(toks[j], data), j, (), "date_event")
    return SubjectResult(None, None, (), "date")
