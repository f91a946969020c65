"""What the report's source does not cover: a figure with no source of its own takes the
source named earlier in the article only when it belongs to that report (``_sentence``).
Three kinds of figures do not: the background of a sentence set in an earlier time ("En
2014, le maire sortant avait totalisé 21 786 voix"), which is the journalist's, and forces
deployed ("11 000 policiers et gendarmes étaient mobilisés") and measures of the weather
("des rafales à 214 km/h"), which a body counting marchers or casualties does not state.
Words from ``[background]`` of ``context_source.toml``.
Private to ``factcheck.context``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Tok
from factcheck.context.subject_lists import named_metric_data
from factcheck.context.where import category_of
from factcheck.lang import load_data
from factcheck.models import Kind, Mention


@dataclass(frozen=True, slots=True)
class BackgroundData:
    auxiliary: str
    tense: str
    passive: frozenset[str]
    between: frozenset[str]
    forces: frozenset[str]
    deployment: frozenset[str]
    deployment_nouns: frozenset[str]
    members: frozenset[str] = frozenset()  # "agents": forces only with a force's complement
    complements: frozenset[str] = frozenset()  # "de police", "des forces de l'ordre"
    weather_units: frozenset[str] = frozenset()  # "°C"
    recall_relatives: frozenset[str] = frozenset()  # "qui", "où": a clause recalling the past
    reflexive_auxiliary: str = ""  # "être" in "s'étaient retrouvés"
    reflexive_clitics: frozenset[str] = frozenset()  # "se", "s'"
    weather_category: str = ""  # the category of a weather measure's subject ("vent")
    # Endings of a participle the tagger reads as a noun or an adjective ("dénombré"), or as
    # a verb or an auxiliary that is no participle ("fait").
    noun_endings: tuple[str, ...] = ()
    verb_endings: tuple[str, ...] = ()
    # Openings of a paragraph or a sentence that recalls what the reader should know ("Pour
    # rappel", "Rappelons que"): the journalist's explainer, not the report.
    recall_openers: tuple[str, ...] = ()
    # Openings of a paragraph that turns the story to another thread ("Par ailleurs",
    # "D'autre part"): the report named before does not reach past it.
    thread_openers: tuple[str, ...] = ()
    # Words of a toll the forces may be given ("blessés", "abattus"), the lemmas of the verbs
    # linking them to the forces ("être") and the marks closing the forces' clause.
    outcomes: frozenset[str] = frozenset()
    outcome_links: frozenset[str] = frozenset()
    outcome_stops: frozenset[str] = frozenset()


@cache
def background_data(code: str = "fr") -> BackgroundData:
    source = load_data(code, "context_source")
    d = source["background"]
    outcomes = source.get("described", {}).get("outcomes", {})
    return BackgroundData(
        auxiliary=d["pluperfect_auxiliary"],
        tense=d["pluperfect_tense"],
        passive=frozenset(d["passive_participles"]),
        between=frozenset(d["between_auxiliary"]),
        forces=frozenset(w.lower() for w in d["deployed_forces"]),
        deployment=frozenset(w.lower() for w in d["deployment_verbs"]),
        deployment_nouns=frozenset(w.lower() for w in d["deployment_nouns"]),
        members=frozenset(w.lower() for w in d.get("deployed_members", [])),
        complements=frozenset(w.lower() for w in d.get("force_complements", [])),
        weather_units=frozenset(d.get("weather_units", [])),
        recall_relatives=frozenset(d.get("recall_relatives", [])),
        reflexive_auxiliary=d.get("reflexive_auxiliary", ""),
        reflexive_clitics=frozenset(d.get("reflexive_clitics", [])),
        weather_category=d.get("weather_category", ""),
        noun_endings=tuple(d.get("participle_noun_endings", ())),
        verb_endings=tuple(d.get("participle_verb_endings", ())),
        recall_openers=tuple(w.lower() for w in d.get("recall_openers", ())),
        thread_openers=tuple(w.lower() for w in d.get("thread_openers", ())),
        outcomes=frozenset(w.lower() for words in outcomes.values() for w in words)
        | frozenset(w.lower() for w in d.get("forces_outcomes", ())),
        outcome_links=frozenset(d.get("outcome_links", ())),
        outcome_stops=frozenset(d.get("outcome_stops", ())),
    )


#: Tokens after a noun of staff ("agents") within which its complement names a force.
_COMPLEMENT_REACH = 4
#: Tokens after a figure within which the forces it counts are named ("2 autres pompiers").
_FORCES_REACH = 3


def _is_force(subject: str, toks: tuple[Tok, ...], data: BackgroundData,
              first: int | None = None) -> int | None:
    """The index of the token naming the forces ``subject`` counts, if it counts forces:
    a force ("policiers"), or a noun of staff with a force's complement after it ("agents de
    police"; not "agents hospitaliers", workers), else None. The figure's own noun when it
    follows the figure at token ``first`` closely ("Un pompier qui intervenait a été
    percuté, 2 autres pompiers ..."), else the first one of the sentence."""
    subject = subject.lower()
    if subject in data.forces:
        named = [t.i for t in toks if t.lemma.lower() in data.forces]
    elif subject in data.members:
        named = [t.i for t in toks if t.lemma.lower() in data.members and any(
            u.lower in data.complements for u in toks[t.i + 1 : t.i + 1 + _COMPLEMENT_REACH])]
        if not named:
            return None
    else:
        return None
    if first is not None:
        own = next((i for i in named if first <= i <= first + _FORCES_REACH), None)
        if own is not None:
            return own
    return named[0] if named else len(toks)


def _toll_of_forces(toks: tuple[Tok, ...], at: int, data: BackgroundData) -> bool:
    """Whether the clause of the forces named at token ``at`` gives them a toll: a word of
    an outcome right after them or after a linking verb ("ont été légèrement blessés",
    "sont portés disparus", "ont été abattus"), before a mark closing their clause or another
    figure ("mobilisés, dont deux ont été blessés" is another figure's toll; "intervenus
    pour évacuer les blessés" gives the forces none)."""
    prev = toks[at] if at < len(toks) else None
    for t in toks[at + 1 :]:
        if t.lower in data.outcome_stops or t.pos == "NUM" or t.text[:1].isdigit():
            return False
        if t.lower in data.outcomes and prev is not None and (
                prev.i == at or prev.lemma in data.outcome_links):
            return True
        if t.pos != "ADV":
            prev = t
    return False


def _pluperfect(toks: tuple[Tok, ...]) -> int | None:
    """The index of the sentence's first finite verb when it is the auxiliary of an active
    pluperfect ("avait totalisé", "avait néanmoins dégagé"; not "avaient été enregistrés")."""
    data = background_data()
    t = next((t for t in toks if t.verbform == "Fin" and t.pos in ("AUX", "VERB")), None)
    if t is None or t.lemma != data.auxiliary or t.tense != data.tense:
        return None
    nxt = _after_auxiliary(toks, t, data)
    if nxt is not None and nxt.lower not in data.passive and _participle(nxt, data):
        return t.i
    return None


def _participle(u: Tok, data: BackgroundData) -> bool:
    """Whether a word after an auxiliary is its participle, whatever the small tagger read:
    tagged so, a verb or an adverb with a lemma of its own ("dénombré" -> "dénombrer"), or a
    word with a participle's shape ("avait dénombré" read as a noun, "avait dépensé" as a
    pronoun, "avaient fait état" with
    "fait" read as an auxiliary)."""
    if u.verbform == "Part" or (u.pos in ("VERB", "ADV") and u.lemma != u.lower):
        return True
    if not u.lower.isalpha():
        return False
    if u.pos in ("NOUN", "ADJ", "PRON"):  # "avait dépensé" read as a pronoun too
        return u.lower.endswith(data.noun_endings)
    return u.pos in ("VERB", "AUX") and u.lower.endswith(data.verb_endings)


def _after_auxiliary(toks: tuple[Tok, ...], t: Tok, data: BackgroundData) -> Tok | None:
    """The first word after the auxiliary ``t`` past the adverbs between ("avait déjà
    totalisé", "avait auparavant établi"): an adverb is walked over unless it is a
    participle misread."""
    return next((u for u in toks[t.i + 1 :]
                 if u.lower not in data.between
                 and not (u.pos == "ADV" and not _participle(u, data))), None)


def _active_pluperfect_at(toks: tuple[Tok, ...], t: Tok, data: BackgroundData) -> bool:
    """Whether the finite verb ``t`` is the auxiliary of an active pluperfect: "avait fait"
    (not "avaient été comptées"), or a reflexive's "s'étaient retrouvés"."""
    if t.tense != data.tense:
        return False
    if t.lemma == data.reflexive_auxiliary:
        if t.i == 0 or toks[t.i - 1].lower not in data.reflexive_clitics:
            return False
    elif t.lemma != data.auxiliary:
        return False
    nxt = _after_auxiliary(toks, t, data)
    return nxt is not None and nxt.lower not in data.passive and _participle(nxt, data)


def recalled(toks: tuple[Tok, ...], first: int, earlier_year: bool) -> bool:
    """Whether the figure at token ``first`` sits in a relative clause recalling an earlier
    event in the pluperfect, in a sentence naming a year before the article's
    (``earlier_year``): "rappelant le naufrage de 1994 qui avait fait 852 victimes", "autant
    qu'en 1999, où 3 millions de foyers s'étaient retrouvés sans courant". The clause opens at
    the nearest "qui" or "où" before the figure, and no other finite verb stands between its
    verb and the figure. Not a passive ("où 160 000 personnes avaient été comptées", which
    may be the report's own term of comparison)."""
    if not earlier_year:
        return False
    data = background_data()
    opener = next((t.i for t in reversed(toks[:first]) if t.lower in data.recall_relatives),
                  None)
    if opener is None:
        return False
    finite = [t for t in toks[opener + 1 :] if t.verbform == "Fin" and t.pos in ("AUX", "VERB")]
    if not finite or not _active_pluperfect_at(toks, finite[0], data):
        return False
    return not any(t.i < first for t in finite[1:])


def set_earlier(toks: tuple[Tok, ...], earlier_year: bool = False) -> bool:
    """Whether a sentence is set in an earlier time: a fronted phrase without a verb closed
    by a comma, then a main verb in the pluperfect ("Lors du premier tour, le candidat avait
    totalisé 35 %"; not a passive, "La veille, 300 cas avaient été enregistrés"); or a main
    verb in the pluperfect in a sentence naming a year before the article's
    (``earlier_year``: "L'édition 2021 avait enregistré une baisse à 88,4 %" in 2023; not "Les
    chiffres avaient connu un repli au 1er août", the report's last month)."""
    aux = _pluperfect(toks)
    if aux is None:
        return False
    if earlier_year:
        return True
    comma = next((t.i for t in toks if t.text == ","), None)
    return comma is not None and 0 < comma < aux


def recall_aside(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of ``text`` is in a recall the journalist makes for
    the reader: a paragraph opened by words of recall ("Pour rappel, le pass est exigé dans
    les lieux de plus de 50 personnes", "Rappelons que seuls 50 % des professeurs ...": every
    sentence of it), or a sentence so opened. What the reader is reminded of (a rule, the way
    a count is made, an earlier event) is no figure of the report the article goes on
    telling."""
    openers = background_data().recall_openers
    if not openers:
        return False
    para = text.rfind("\n", 0, start) + 1
    return any(_opens(text[at : at + 40], openers) for at in {para, start})


def thread_changed(text: str, named_at: int, start: int) -> bool:
    """Whether a paragraph opened by words turning the story to another thread ("Par
    ailleurs, le succès des festivals ne se dément pas", ``thread_openers``) stands between
    the sentence at ``named_at`` that named the report's source and the one at ``start``
    (the figure's own paragraph included): what follows it is no longer that report's, until
    a source is named again."""
    openers = background_data().thread_openers
    if not openers or start <= named_at:
        return False
    at = text.find("\n", named_at, start)
    while at != -1:
        if _opens(text[at + 1 : at + 41], openers):
            return True
        at = text.find("\n", at + 1, start)
    return False


def _opens(head: str, openers: tuple[str, ...]) -> bool:
    words = head.lstrip(" \t\"«“'-–—•").lower().replace("’", "'")
    return any(words.startswith(o) and not words[len(o) : len(o) + 1].isalpha()
               for o in openers)


def deployed(subject: str | None, toks: tuple[Tok, ...], first: int | None = None) -> bool:
    """Whether a figure (at token ``first``) counts forces deployed: its subject a force
    ("policiers", "gendarmes") with a verb of deployment after the forces named ("étaient
    mobilisés, dont 4 000 à Paris") or a noun of deployment before them ("un dispositif
    de"); not "le ministre a engagé 80 000 policiers", where the subject who deploys them
    states the figure, nor forces their clause gives a toll ("Trois pompiers ont été blessés
    alors qu'ils intervenaient": :func:`_toll_of_forces`), casualties of the report."""
    data = background_data()
    at = _is_force(subject, toks, data, first) if subject is not None else None
    if at is None or _toll_of_forces(toks, at, data):
        return False
    return any((t.i < at and t.lower in data.deployment_nouns) or (t.i > at and (
        t.lemma.lower() in data.deployment or t.lower in data.deployment)) for t in toks)


def counted_forces(subjects: Iterable[str | None]) -> bool:
    """Whether the figures a source was named for count forces themselves (or staff:
    a body that counts its agents covers what it says of them)."""
    data = background_data()
    forces = data.forces | data.members
    return any(s is not None and s.lower() in forces for s in subjects)


def weather(mention: Mention, subject: str | None) -> bool:
    """Whether a figure measures the weather: a quantity in a unit of the weather ("24 °C")
    or whose subject is of the weather's category ("des rafales à 214 km/h", "des cumuls de
    pluie de 20 mm"); a speed of another subject ("il roulait à 150 km/h") is not one."""
    if mention.kind != Kind.QUANTITY:
        return False
    data = background_data()
    return mention.unit in data.weather_units or (
        bool(data.weather_category)
        and category_of(subject, (), mention.kind) == data.weather_category)


#: Words between a scale and its figure ("de magnitude supérieure à 6", "d'une magnitude
#: comprise entre 5 et 7").
_SCALE_REACH = 3


def on_scale(toks: tuple[Tok, ...], first: int, last: int | None = None) -> bool:
    """Whether the figure at tokens ``[first, last)`` is read on a scale named right before
    it ("un séisme de magnitude 7,5", "une magnitude de 6,3", "de magnitude supérieure à 6"):
    the strength of the event itself, which seismologists measure, not a count. A bare
    figure coordinated with one on a scale is on it too ("de magnitude 7,1 et 5,8", "de 6,2
    ou 6,4": ``coordinators`` of ``context_grammar.toml``); one with a unit or a noun of its
    own is not ("de magnitude 6,8 et 300 blessés": :func:`_bare`)."""
    scales = named_metric_data().scale_nouns
    for j in range(first - 1, max(first - 1 - _SCALE_REACH, -1), -1):
        t = toks[j]
        if t.lower in scales:
            return True
        if j == first - 1 and j > 0 and t.lower in grammar().coordinators \
                and _number(toks[j - 1]) and _bare(toks, first, last) \
                and on_scale(toks, j - 1):
            return True
        if not (t.lower in grammar().de_links or t.pos in ("ADP", "ADJ", "ADV")
                or t.verbform == "Part"):
            return False
    return False


def _number(t: Tok) -> bool:
    return t.pos == "NUM" or t.text[:1].isdigit()


def _bare(toks: tuple[Tok, ...], first: int, last: int | None) -> bool:
    """Whether the figure at tokens ``[first, last)`` is a bare number: only numbers in its
    span (no unit: "30 km") and no noun right after it ("300 blessés"). Without ``last``,
    its span ends at the first word that is no number."""
    end = last if last is not None else next(
        (t.i for t in toks[first:] if not _number(t)), len(toks))
    if not all(_number(t) for t in toks[first:end]):
        return False
    return end >= len(toks) or toks[end].pos not in ("NOUN", "PROPN")


def measures_nature(mention: Mention, subject: str | None, toks: tuple[Tok, ...],
                    first: int, last: int | None = None) -> bool:
    """Whether a figure measures nature: the weather (:func:`weather`) or an earthquake's
    magnitude (:func:`on_scale`). A body named for a count (victims, homes without power)
    does not state it; the weather service or the seismological institute named for one
    does, and covers the ones that follow."""
    return weather(mention, subject) or on_scale(toks, first, last)
