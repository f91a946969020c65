"""An amount that names its own act, for :mod:`.subject`: "2 millions d'euros ont été versés
à l'agence", "seuls 5 milliards ont été investis": the bare amount is the subject of a
passive whose participle says what was done with the money, so it measures that act
(``[act_amounts]`` of ``context_subject.toml``: versement, investissement), never the metric
of a figure before it ("La masse salariale a augmenté de 25 % [...] : 2,5 millions d'euros
ont été versés" counts no masse salariale) nor of the sentence before ("Un bénéfice de 21
milliards. US$16 milliards ont été distribués" -> distribution, not bénéfice).

The same verbs in the active, right before the bare amount they take as object ("les majors
ont retourné 111 milliards à leurs actionnaires", "La Région a versé 2 millions", "permettra de
récolter 25 milliards"), name the act too (not "économiser": its noun, économie, also names
the economy). Who did the act is the figure's doer (:func:`act_doer`): the clause subject
before the active verb ("la Région", "Paris"), the agent of a passive ("par l'État"), or
unknown ("?": a pronoun, no subject, a passive without agent). Two bodies' payments are
one act noun but two facts: cross-referencing keeps two different doers, or a doer unknown
on either side, from accusing (crossref/identity.py, the "doer" blocker).
An amount alone in brackets after a complement of such a verb that takes no object ("La Région
investira dans les transports (306 millions)") measures the act too. An amount after a
participle of a state of money and "à hauteur de" ("endettée à hauteur de 9 milliards") is
that state's level (:func:`state_amount`, ``[state_amounts]``: dette). An amount apposed to a
clause naming a noun of money gives that noun's level (:func:`clause_money_noun`)."""

from __future__ import annotations

from functools import cache

from factcheck.context._time_data import time_word
from factcheck.context.lexicon import grammar, subject_data
from factcheck.context.nlp import Figure, Tok
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


@cache
def _active_table(code: str = "fr") -> dict[str, str]:
    """The verbs of ``[act_amounts]`` read in the active too (not ``passive_only``)."""
    data = subject_data(code)
    return {verb: noun for verb, noun in data.act_amounts.items()
            if verb not in data.act_passive_only}


@cache
def _act_nouns(code: str = "fr") -> dict[str, str]:
    """Participle form -> noun of the act ("versés" -> "versement")."""
    out: dict[str, str] = {}
    for verb, noun in subject_data(code).act_amounts.items():
        stem = verb[:-2] + ("é" if verb.endswith("er") else "i")
        for ending in _PARTICIPLE_ENDINGS:
            out[stem + ending] = noun
    return out


@cache
def _state_nouns(code: str = "fr") -> dict[str, str]:
    """Participle form of ``[state_amounts]`` -> noun of the state ("endettée" -> "dette")."""
    return {verb[:-2] + "é" + ending: noun
            for verb, noun in subject_data(code).state_amounts.items() if verb.endswith("er")
            for ending in _PARTICIPLE_ENDINGS}


def state_amount(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The noun of the state a bare amount gives the level of, after its participle and "de"
    or "à hauteur de" ("la commune est endettée à hauteur de 40 millions" -> dette), else
    None."""
    if fig.mention.kind != Kind.MONEY:
        return None
    for link in subject_data().state_amount_links:
        j = fig.first - len(link)
        if j > 0 and tuple(t.lower for t in toks[j:fig.first]) == link:
            return _state_nouns().get(toks[j - 1].lower)
    return None


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
    found = _act(toks, fig)
    return found[0] if found else None


def act_doer(sentence: str, toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """Who did the act a bare amount measures, as written: the active verb's subject ("La
    Région a versé" -> "Région", "Le conseil départemental de la Gironde a emprunté" ->
    "conseil départemental de la Gironde"), the passive's agent ("versés par l'État" ->
    "État"), "?" when the text names none this reader can tell (a pronoun, "on", a passive
    without agent), None when the amount names no act."""
    found = _act(toks, fig)
    if found is None:
        return None
    _noun, verb, passive = found
    span = _agent(toks, verb) if passive else _subject(toks, verb)
    return sentence[toks[span[0]].start:toks[span[1]].end] if span else "?"


def _act(toks: tuple[Tok, ...], fig: Figure) -> tuple[str, int, bool] | None:
    """(noun of the act, index of its verb, whether passive), else None."""
    if fig.mention.kind != Kind.MONEY:
        return None
    if fig.first > 0 and (toks[fig.first - 1].lower in grammar().de_links
                          or toks[fig.first - 1].pos == "ADP"):
        return None  # "une enveloppe de 2 millions a été versée": the enveloppe's
    passive = _passive_act(toks, fig)
    if passive is not None:
        return passive[0], passive[1], True
    active = _active_act(toks, fig) or _bracket_act(toks, fig)
    return (active[0], active[1], False) if active is not None else None


def _passive_act(toks: tuple[Tok, ...], fig: Figure) -> tuple[str, int] | None:
    j = fig.last
    if j >= len(toks) or toks[j].pos != "AUX" or toks[j].verbform != "Fin":
        return None
    j += 1
    adverbs = 0
    while j < len(toks) and (toks[j].pos == "ADV" or toks[j].pos == "AUX"):
        if toks[j].pos == "ADV":
            if adverbs == _MAX_ADVERBS:
                return None
            adverbs += 1
        j += 1
    if j >= len(toks) or (noun := _act_nouns().get(toks[j].lower)) is None:
        return None
    return noun, j


def _active_act(toks: tuple[Tok, ...], fig: Figure) -> tuple[str, int] | None:
    """"a versé 2 millions", "devra verser 258 millions": the verb right before the amount,
    over at most two adverbs; not a participle of the passive ("a été versé 2 millions"). A
    form of the verb the tagger reads as an adverb ("Le département emprunte 3 millions") is
    the verb, not an adverb walked over."""
    j = fig.first - 1
    adverbs = 0
    while j >= 0 and toks[j].pos == "ADV" and adverbs < _MAX_ADVERBS \
            and toks[j].lower not in _active_forms():
        adverbs += 1
        j -= 1
    if j < 0:
        return None
    verb = toks[j]
    if verb.pos == "VERB" and verb.lemma in _active_table():
        noun = _active_table()[verb.lemma]
    elif (verb.pos in _VERB_LIKE or verb.pos == "ADV") and verb.lower in _active_forms() \
            and (j == 0 or toks[j - 1].pos != "DET"):
        noun = _active_forms()[verb.lower]
    else:
        return None
    if j > 0 and toks[j - 1].lower in ("été", "être"):
        return None
    return noun, j


def _bracket_act(toks: tuple[Tok, ...], fig: Figure) -> tuple[str, int] | None:
    """An amount alone in brackets after a complement of an active verb of the act that takes
    no object, only complements ("La Région investira dans les transports (306 millions) et
    dans la santé (120 millions)"): how much of the act goes there. Not after an object
    ("versera des subventions (2 millions)": the subventions') nor past another verb."""
    if fig.first < 2 or toks[fig.first - 1].text != "(" or fig.last >= len(toks) \
            or toks[fig.last].text != ")":
        return None
    for j in range(fig.first - 2, -1, -1):
        t = toks[j]
        if t.text in (";", ":", "«", "»") or t.pos == "AUX":
            return None
        if t.pos != "VERB":
            continue
        noun = _active_table().get(t.lemma) or _active_forms().get(t.lower)
        if noun is None:
            return None
        k = j + 1
        while k < fig.first and toks[k].pos == "ADV":
            k += 1
        after = toks[k]  # "des", "du" after the verb open an object, not a complement
        return (noun, j) if after.pos == "ADP" and after.lower not in grammar().de_links \
            else None
    return None


def _subject(toks: tuple[Tok, ...], verb: int) -> tuple[int, int] | None:
    """The first and last token of the clause subject before an active verb: from its first
    name or noun not after a preposition, back to the clause's mark, to its last name, noun or
    adjective before the verb; None for a pronoun or no subject."""
    k = verb - 1
    while k >= 0 and toks[k].text not in _CLAUSE_MARKS:
        k -= 1
    head = None
    for i in range(k + 1, verb):
        t = toks[i]
        if t.pos == "PRON" and t.lower not in subject_data().act_object_clitics:
            head = None  # "elle a versé", "qui a versé": a pronoun stands for the doer
            break
        if time_word(t):
            head = None  # "Lundi la Région a versé", "Le 12 mars la Région": when, not who
            continue
        if head is None and (t.pos in ("PROPN", "NOUN") or _misread_noun(toks, i)) \
                and not _after_preposition(toks, i):
            head = i
    if head is None:
        return None
    end = next((i for i in range(head, verb) if toks[i].pos == "NUM"), verb)
    last = max(i for i in range(head, end) if toks[i].pos in ("PROPN", "NOUN", "ADJ")
               or i == head)
    return head, last  # not past a figure: "une hausse des cotisations à 15 % permettra"


def subject_span(toks: tuple[Tok, ...], verb: int) -> tuple[int, int] | None:
    """The clause subject before the active verb at ``verb`` (:func:`_subject`)."""
    return _subject(toks, verb)


def _misread_noun(toks: tuple[Tok, ...], k: int) -> bool:
    """A word right after a determiner the tagger misreads ("Le département emprunte":
    "département" tagged an adverb) heads the noun phrase."""
    return k > 0 and toks[k - 1].pos == "DET" and toks[k].pos in ("ADV", "ADJ", "VERB")


def _agent(toks: tuple[Tok, ...], participle: int) -> tuple[int, int] | None:
    """The first and last token of the agent of a passive right after its participle
    ("versés par l'État"), its determiner left out."""
    j = participle + 1
    if j >= len(toks) or toks[j].lower != "par":
        return None
    j += 1
    while j < len(toks) and toks[j].pos == "DET":
        j += 1
    k = j
    while k < len(toks) and toks[k].pos in ("PROPN", "NOUN", "ADJ"):
        k += 1
    return (j, k - 1) if k > j else None


def _after_preposition(toks: tuple[Tok, ...], k: int) -> bool:
    j = k - 1
    while j >= 0 and toks[j].pos in ("DET", "ADJ"):
        j -= 1
    return j >= 0 and toks[j].pos == "ADP"


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
    nouns = subject_data().clause_money_nouns
    for k in range(j - 1, -1, -1):
        t = toks[k]
        if t.pos == "PUNCT" or t.pos == "NUM":
            return None
        if t.pos == "NOUN" and t.lemma in nouns:
            return k
    return None
