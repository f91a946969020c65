"""A container with no complement before its figure ("un montant de", "un prix de") and the
clause subject before it: the container hands over to that subject (what it describes), or
keeps its own word when the subject is the agent of an act on it ("Le club a proposé un
montant de 80 millions" -> montant, "le jury s'est entendu sur un prix de 4 500 euros" ->
prix), for :func:`factcheck.context.nouns.noun_before_de`.

Only the containers of a deal's terms keep their word so (``containers``); a mark a metric
reaches ("Le chômage a retrouvé un niveau de 7,5 %") always hands over. Nor does an agent
read when the subject is a measured quantity ("Les dépenses ont retrouvé un montant de") or
the verb one of level (``level_verbs`` of ``[anaphora]``; a pronominal verb of state: "le
déficit s'est stabilisé à un montant de"), a passive or a copula ("a été fixé à un montant
de"). Words in ``context_subject.toml`` ``[container_agents]``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context.anaphora import anaphora_data, level_verb
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Tok
from factcheck.context.phrases import lemma_of
from factcheck.lang import load_data


@dataclass(frozen=True, slots=True)
class ContainerAgentData:
    containers: frozenset[str]  # a deal's terms: "montant", "prix", "somme"
    pronominal_level_verbs: frozenset[str]  # "se stabiliser", "se maintenir"
    measured: frozenset[str]  # subjects that measure, never act


@cache
def container_agent_data(code: str = "fr") -> ContainerAgentData:
    full = load_data(code, "context_subject")
    d = full["container_agents"]
    measured = set(d["measured_subjects"]) | set(full["change_nouns"]) \
        | set(full["containers"]) | set(anaphora_data(code).metric_nouns)
    return ContainerAgentData(
        containers=frozenset(d["containers"]),
        pronominal_level_verbs=frozenset(d["pronominal_level_verbs"]),
        measured=frozenset(measured),
    )


def agent_before(toks: tuple[Tok, ...], h: int, end: int, container: str,
                 data: SubjectData) -> bool:
    """Whether the noun at ``h`` is the subject of an active verb before ``end`` that acts
    on the container ``container`` (a lemma) after it: the agent, not what the container
    describes (see the module docstring)."""
    d = container_agent_data()
    if container not in d.containers or lemma_of(toks[h], data) in d.measured:
        return False
    g = grammar()
    verbs = [i for i in range(h + 1, end) if toks[i].pos in ("VERB", "AUX")]
    if not any(toks[i].verbform == "Fin" for i in verbs):
        return False  # "un prêt à Kiev, d'un montant de": the container's own phrase
    for i in verbs:
        if level_verb(toks, i):
            return False
        if toks[i].lemma in d.pronominal_level_verbs and _reflexive(toks, i, h):
            return False  # "s'est stabilisé à un montant de": a state of the subject
        if toks[i].lemma in g.copula_lemmas \
                and not (i > 0 and toks[i - 1].lower in g.reflexive_clitics):
            return False  # a passive or a copula; "s'est accordé" is active
    return True


def _reflexive(toks: tuple[Tok, ...], i: int, h: int) -> bool:
    """Whether a reflexive clitic stands before the verb at ``i``, over its auxiliary and
    adverbs ("se maintient", "s'est stabilisé", "ne s'est jamais stabilisé"), after ``h``."""
    clitics = grammar().reflexive_clitics
    k = i - 1
    while k > h and toks[k].pos in ("AUX", "ADV"):
        k -= 1
    return k > h and toks[k].lower in clitics
