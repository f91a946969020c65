"""An amount that names its own act, for :mod:`.subject`: "2 millions d'euros ont été versés
à l'agence", "seuls 5 milliards ont été investis": the bare amount is the subject of a
passive whose participle says what was done with the money, so it measures that act
(``[act_amounts]`` of ``context_subject.toml``: versement, investissement), never the metric
of a figure before it ("La masse salariale a augmenté de 25 % [...] : 2,5 millions d'euros
ont été versés" counts no masse salariale) nor of the sentence before ("Un bénéfice de 21
milliards. US$16 milliards ont été distribués" -> distribution, not bénéfice).

The same verbs in the active, right before the bare amount they take as object ("les majors
ont retourné 111 milliards à leurs actionnaires", "permettra de récolter 25 milliards"), name
the act too (not "économiser": its noun, économie, also names the economy), unless the
clause names a body before the verb ("La Région a versé 2 millions", "Paris devra
verser"): the act alone would make two bodies' payments one metric, so such an amount keeps
the reading that names the body.
An amount apposed to a clause naming a noun of money gives that noun's level
(:func:`clause_money_noun`)."""

from __future__ import annotations

from functools import cache

from factcheck.context._stating_bodies import speaker_noun
from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.lang import load_data
from factcheck.models import Kind

#: Adverbs walked over between the auxiliary and the participle ("ont déjà été versés"), and
#: between an active verb and its amount ("a déjà versé", "a encore emprunté").
_MAX_ADVERBS = 2
_PARTICIPLE_ENDINGS = ("", "e", "s", "es")
#: Finite, infinitive and participle endings of a first-group verb, to know its forms the
#: tagger misreads ("la ville dépense 12 millions", "dépense" tagged a noun).
_FIRST_GROUP_ENDINGS = ("e", "ent", "er", "era", "eront", "erait", "eraient", "ait", "aient",
                        "é", "ée", "és", "ées", "ant")
#: Parts of speech a misread form of such a verb may carry; not a determiner or a preposition.
_VERB_LIKE = frozenset({"VERB", "NOUN", "ADJ", "PROPN"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "(", ")", "«", "»", "\"", "–", "—"})


def _table(code: str) -> dict[str, str]:
    table = load_data(code, "context_subject").get("act_amounts", {})
    return {verb: noun for verb, noun in table.items() if isinstance(noun, str)}


@cache
def _active_table(code: str = "fr") -> dict[str, str]:
    """The verbs of ``[act_amounts]`` read in the active too (not ``passive_only``)."""
    passive_only = set(load_data(code, "context_subject").get("act_amounts", {})
                       .get("passive_only", ()))
    return {verb: noun for verb, noun in _table(code).items() if verb not in passive_only}


@cache
def _act_nouns(code: str = "fr") -> dict[str, str]:
    """Participle form -> noun of the act ("versés" -> "versement")."""
    out: dict[str, str] = {}
    for verb, noun in _table(code).items():
        stem = verb[:-2] + ("é" if verb.endswith("er") else "i")
        for ending in _PARTICIPLE_ENDINGS:
            out[stem + ending] = noun
    return out


@cache
def _active_forms(code: str = "fr") -> dict[str, str]:
    """Conjugated form of a first-group verb of the table -> noun of its act."""
    out = {}
    for verb, noun in _active_table(code).items():
        if verb.endswith("er"):
            for ending in _FIRST_GROUP_ENDINGS:
                out.setdefault(verb[:-2] + ending, noun)
    return out


def act_of_amount(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The noun of the act a bare amount is the passive subject or the object of, else None."""
    if fig.mention.kind != Kind.MONEY:
        return None
    if fig.first > 0 and (toks[fig.first - 1].lower in grammar().de_links
                          or toks[fig.first - 1].pos == "ADP"):
        return None  # "une enveloppe de 2 millions a été versée": the enveloppe's
    return _passive_act(toks, fig) or _active_act(toks, fig)


def _passive_act(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    j = fig.last
    if j >= len(toks) or toks[j].pos != "AUX" or toks[j].verbform != "Fin":
        return None
    j += 1
    adverbs = 0
    while j < len(toks) and (toks[j].pos == "ADV" or toks[j].pos == "AUX") \
            and adverbs <= _MAX_ADVERBS:
        adverbs += toks[j].pos == "ADV"
        j += 1
    return _act_nouns().get(toks[j].lower) if j < len(toks) else None


def _active_act(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """"a versé 2 millions", "devra verser 258 millions": the verb right before the amount,
    over at most two adverbs; not a participle of the passive ("a été versé 2 millions")."""
    j = fig.first - 1
    adverbs = 0
    while j >= 0 and toks[j].pos == "ADV" and adverbs < _MAX_ADVERBS:
        adverbs += 1
        j -= 1
    if j < 0:
        return None
    verb = toks[j]
    if verb.pos == "VERB" and verb.lemma in _active_table():
        noun = _active_table()[verb.lemma]
    elif verb.pos in _VERB_LIKE and verb.lower in _active_forms() \
            and (j == 0 or toks[j - 1].pos != "DET"):
        noun = _active_forms()[verb.lower]
    else:
        return None
    if j > 0 and toks[j - 1].lower in ("été", "être"):
        return None
    if _named_doer(toks, j):
        return None
    return noun


def _named_doer(toks: tuple[Tok, ...], verb: int) -> bool:
    """Whether the clause names a body, a place or a name before the verb ("La Région a
    versé", "Paris devra verser", "le département a remboursé"): the act alone would make two
    bodies' payments one metric, so the amount keeps the reading that names the body."""
    for k in range(verb - 1, -1, -1):
        t = toks[k]
        if t.text in _CLAUSE_MARKS:
            return False
        if t.pos == "PROPN" or (t.pos == "NOUN" and (t.is_title or speaker_noun(toks, k))):
            return True
    return False


@cache
def _clause_money_nouns(code: str = "fr") -> frozenset[str]:
    return frozenset(load_data(code, "context_subject").get("clause_money", {}).get("nouns", ()))


def clause_money_noun(toks: tuple[Tok, ...], fig: Figure) -> int | None:
    """The noun of money a bare amount gives the level of, named in the clause the amount
    is apposed to after a comma, alone with "à" or after a present participle ("le groupe a
    renoué avec les bénéfices au premier semestre, engrangeant 5,8 milliards", "..., à 5,8
    milliards" -> bénéfice, not the group); the nearest one back to the clause's mark, no
    figure between (``[clause_money]`` of ``context_subject.toml``), else None."""
    if fig.mention.kind != Kind.MONEY:
        return None
    j = fig.first - 1
    participle = toks[j].pos == "VERB" and toks[j].lower.endswith("ant") if j > 0 else False
    if j <= 0 or not (toks[j].lower == "à" or participle):
        return None
    j -= 1
    if toks[j].text != ",":
        return None
    nouns = _clause_money_nouns()
    for k in range(j - 1, -1, -1):
        t = toks[k]
        if t.pos == "PUNCT" or t.pos == "NUM":
            return None
        if t.pos == "NOUN" and t.lemma in nouns:
            return k
    return None
