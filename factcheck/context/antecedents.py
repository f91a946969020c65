"""The antecedent of a pronoun opening a sentence with a verb of level: "Le budget de la
région est le plus important de toutes les collectivités. Il s'élève à 1,7 milliard" measures
the budget, named in the sentence before, which has no figure of its own ("Le Gouvernement a
annoncé une hausse des tarifs. Elle sera de 8,6 %": the rise).

Kept cheap: a sentence without figures is parsed only when the next one opens with "il" or
"elle" and a form of a verb of level (:func:`opens_with_level_pronoun`, read on its text). The
antecedent is the first noun of that sentence heading its own noun phrase (not a complement
after a preposition, "de la région") that agrees with the pronoun in gender and number, and
is neither a name, a place, a person (a role, "le maire"; a noun of people, "les enfants")
nor a time noun: a person does not "s'élever à" an amount. A container hands over to the
noun it wraps ("Le montant de l'aide ... Il atteint" -> aide), and a body acting on another
candidate hands over to it ("Le conseil municipal a voté le budget primitif. Il s'élève à" ->
budget). Its owner goes with it as a qualifier: the complement after "de" up to a day or a time
noun ("le budget de la métropole lundi soir" -> métropole), else, after a possessive, the
sentence's subject ("La région Bretagne a voté son budget" -> région Bretagne). With no such
noun the figure is left to the metric read before (:mod:`.anaphora`). Words in
``context_subject.toml`` ``[anaphora]``.

Also a tally by names ("Lyon : 4 000") right after a sentence without figures: it counts that
sentence's first plural noun the categories count ("Les manifestants étaient nombreux dans les
grandes villes"), parsed only then (:func:`tally_noun`)."""

from __future__ import annotations

import re
from functools import cache

from factcheck.context._speech_words import speech_lemma
from factcheck.context._them import opens_with_them
from factcheck.context._time_data import time_word
from factcheck.context.anaphora import anaphora_data, pronoun_subject
from factcheck.context.known_places import known_places
from factcheck.context.lexicon import (
    SubjectData,
    grammar,
    source_data,
    subject_data,
)
from factcheck.context.nlp import Figure, Tok
from factcheck.context.pending import SubjectResult
from factcheck.context.phrases import (
    before_phrase,
    lemma_of,
    subject_at,
    topic_marker,
    unwrap_container,
)
from factcheck.context.qualifiers import qualifiers_after
from factcheck.context.resolution import is_role
from factcheck.context.subject_lists import counted_noun
from factcheck.context.world import world_data
from factcheck.lang import load_data
from factcheck.models import Context
from factcheck.text import sentence_spans

_WORDS = re.compile(r"[^\W\d_]+(?:'|’)?", re.UNICODE)
#: Words read after the pronoun for its verb ("Il s'est finalement établi à").
_VERB_WINDOW = 5
#: Words of a fronted complement before the pronoun's comma ("Au cours des douze derniers
#: mois, elles ont chuté de").
_FRONTED_WORDS = 8


@cache
def _how_many() -> re.Pattern[str]:
    """A question on a count ("Combien de", "combien d'"), read on the text: only in an
    article holding one is a sentence before one with figures looked at (:func:`asked_noun`)."""
    words = "|".join(sorted(subject_data().how_many))
    return re.compile(r"\b(?:" + words + r")\s+d(?:e\b|['’])", re.IGNORECASE)


def opens_with_level_pronoun(sentence: str) -> bool:
    """Whether ``sentence`` opens with "il"/"elle" and a form of a verb of level within its
    next words ("Il s'élève à", "Elle sera de", "Elle atteint"), read on the text alone; the
    pronoun may follow a short fronted complement closed by a comma ("Au cours des douze
    derniers mois, elles ont chuté de 6,6 %")."""
    d = anaphora_data()
    head = sentence[:160]
    words = [w.lower().replace("’", "'") for w in _WORDS.findall(head)]
    if words and words[0] not in d.pronouns and "," in head:
        fronted, rest = head.split(",", 1)
        if len(_WORDS.findall(fronted)) <= _FRONTED_WORDS:
            words = [w.lower().replace("’", "'") for w in _WORDS.findall(rest)]
    if not words or words[0] not in d.pronouns:
        return False
    return any(w in d.level_forms or w in d.being_forms for w in words[1:1 + _VERB_WINDOW])


def clause_pronoun(toks: tuple[Tok, ...]) -> int | None:
    """The index of the pronoun "il"/"elle"/"ils"/"elles" heading the sentence's main clause:
    its first word, or the first after a fronted complement closed by a comma ("Lors du
    précédent mandat, elle", "En 2022, ils"): a phrase opened by a preposition or an adverb,
    of a few words, without a finite verb."""
    pronouns = anaphora_data().pronouns
    if not toks:
        return None
    if toks[0].lower in pronouns:
        return 0
    if toks[0].pos not in ("ADP", "ADV"):
        return None
    for c in range(1, min(len(toks) - 1, _FRONTED_WORDS + 1)):
        if toks[c].text == ",":
            return c + 1 if toks[c + 1].lower in pronouns else None
        if toks[c].pos in ("VERB", "AUX") and toks[c].verbform == "Fin":
            return None
    return None


def topic_pronoun_noun(toks: tuple[Tok, ...], fig: Figure, data: SubjectData) -> int | None:
    """The noun of a fronted topic ("Côté chômage,", "Du côté des dépenses,";
    ``topic_markers``) that the pronoun heading the main clause right after it takes up,
    when the figure completes that pronoun's verb of level and the pronoun agrees with the
    noun in gender and number ("Côté inflation, elle a atteint 2,3 %" -> inflation); None
    otherwise."""
    m = next((k for k in (0, 1) if k < len(toks) and topic_marker(toks, k, data)), None)
    if m is None or (m == 1 and toks[0].pos not in ("ADP", "DET")):
        return None
    comma = next((c for c in range(m + 1, min(len(toks) - 1, m + _FRONTED_WORDS))
                  if toks[c].text == ","), None)
    if comma is None or toks[comma + 1].lower not in anaphora_data().pronouns \
            or not pronoun_subject(toks, fig):
        return None
    if m == 0 and comma == 2 and toks[1].is_word:
        if toks[1].lower in world_data().actor_adjectives:
            return None  # "Côté français,": a side, not a metric
        nouns = [1]  # "Côté inflation,": the one word of a bare topic, whatever its tag
    else:
        nouns = [j for j in range(m + 1, comma) if toks[j].pos in ("NOUN", "PROPN")]
        if not nouns or any(toks[j].pos in ("VERB", "AUX") and toks[j].verbform == "Fin"
                            for j in range(m + 1, comma)):
            return None
    x, p = nouns[0], toks[comma + 1]
    n = toks[x]  # the small tagger leaves some topic nouns without features ("chômage")
    if n.is_title or (n.gender and p.gender and n.gender != p.gender) \
            or (n.number and p.number and n.number != p.number):
        return None
    return x


def pronoun_antecedent(
    toks: tuple[Tok, ...], fig: Figure, previous: tuple[Tok, ...]
) -> tuple[str, tuple[str, ...]] | None:
    """The subject and qualifiers of the antecedent, in ``previous``, of the pronoun heading
    ``toks`` (:func:`clause_pronoun`) when the figure completes its verb of level, or None."""
    p = clause_pronoun(toks)
    if p is None or not pronoun_subject(toks, fig):
        return None
    k = antecedent_noun(previous, toks[p].gender, toks[p].number, subject_data())
    if k is None:
        return None
    if lemma_of(previous[k], subject_data()) in subject_data().containers:
        k = unwrap_container(previous, k, subject_data())  # "Le montant de l'aide"
    owner = _owner(previous, k) or _possessor(previous, k)
    if owner and any(w[:1].isupper() for w in owner.split()) and not known_places(owner):
        # "Le budget du PSG [...]. Il s'élève à 800 millions": the owner's name leaves with
        # the sentence before, and the short sentence of the figure would read alike in
        # an article on another club's budget; a place is kept as the figure's place.
        return None
    quals = [*qualifiers_after(previous, k), *([owner] if owner else [])]
    return subject_at(previous, k, subject_data()), tuple(dict.fromkeys(quals))


def _owner(toks: tuple[Tok, ...], k: int) -> str:
    """The complement naming whose the antecedent is ("Le budget de la région Bretagne" ->
    "région Bretagne", "la dette de la ville de Lyon" -> "ville de Lyon"): two pronouns'
    figures of two owners are never one metric."""
    g = grammar()
    j = k + 1
    while j < len(toks) and toks[j].pos == "ADJ":
        j += 1
    if j >= len(toks) or toks[j].lower not in g.de_links:
        return ""
    words: list[str] = []
    j += 1
    while j < len(toks):
        t = toks[j]
        if time_word(t):
            break  # "le budget de la métropole lundi soir": the day is no part of the owner
        if t.pos in ("NOUN", "PROPN", "ADJ") or (t.is_title and t.is_word):
            words.append(t.text)
        elif not (t.lower in g.articles_after_de or t.pos == "DET"
                  or (t.lower in g.de_links and words)):
            break
        j += 1
    while words and words[-1].lower() in g.de_links:
        words.pop()
    return " ".join(words)


def _possessor(toks: tuple[Tok, ...], k: int) -> str:
    """Whose the antecedent is when a possessive says it ("La région Bretagne a voté son
    budget" -> "région Bretagne"): the noun phrase opening the sentence, its subject."""
    if k == 0 or toks[k - 1].lower not in anaphora_data().possessives:
        return ""
    g = grammar()
    words: list[str] = []
    for t in toks[:k - 1]:
        if not words and (t.pos == "PUNCT" or time_word(t)):
            continue  # "Mardi, la région [...]"
        if words and (t.lower in g.de_links or t.lower in g.articles_after_de):
            continue  # "Le département du Gers" -> "département Gers", as _owner reads it
        if t.pos in ("AUX", "VERB", "PUNCT", "ADP") or time_word(t):
            break
        if t.pos in ("NOUN", "PROPN", "ADJ") or (t.is_title and t.is_word and t.i > 0):
            words.append(t.text)
    return " ".join(words)


def antecedent_noun(toks: tuple[Tok, ...], gender: str, number: str,
                    data: SubjectData) -> int | None:
    """The first noun of ``toks`` heading its noun phrase that agrees with a pronoun of
    ``gender`` and ``number`` and may be measured (see the module's docstring)."""
    if not gender or not number:
        return None
    found = []
    for k, t in enumerate(toks):
        if t.pos != "NOUN":
            continue
        j = before_phrase(toks, k)
        if j >= 0 and toks[j].pos == "ADP":
            continue  # "de la région": a complement
        if lemma_of(t, data) in _act_nouns():
            k = unwrap_container(toks, k, data)  # "l'adoption du budget": the budget
        if _agrees(toks, k, gender, number) and measurable(toks[k], data) \
                and not _speaks(toks, k):
            found.append(k)
    found = _acted_upon(toks, found)
    # A container names a metric ("le ministère a détaillé le nombre de véhicules
    # incendiés. Il est passé de 935 à 1 031" -> véhicule); else the first noun.
    return next((k for k in found if lemma_of(toks[k], data) in data.containers),
                found[0] if found else None)


def _acted_upon(toks: tuple[Tok, ...], found: list[int]) -> list[int]:
    """A body acting on a noun ("Le conseil municipal a voté mardi le budget primitif. Il
    s'élève à 480 millions"): what it voted, not the council, is measured; a body (``heads``
    of ``[resolution]`` in context_source.toml) leaves the candidates when a verb follows it
    and another candidate follows that verb."""
    heads = source_data().heads
    out = []
    for n, k in enumerate(found):
        verb = next((j for j in range(k + 1, len(toks)) if toks[j].pos == "VERB"), None)
        body = toks[k].lower in heads or (toks[k].lemma or "") in heads
        if body and verb is not None and any(later > verb for later in found[n + 1:]):
            continue
        out.append(k)
    return out


def _agrees(toks: tuple[Tok, ...], k: int, gender: str, number: str) -> bool:
    """Gender and number of the noun at ``k`` against a pronoun's; an invariable noun ("le
    fonds", tagged plural) takes the number of its determiner."""
    t = toks[k]
    if t.pos != "NOUN" or t.gender != gender:
        return False
    return t.number == number or (k > 0 and toks[k - 1].pos == "DET"
                                  and toks[k - 1].number == number)


@cache
def _act_nouns() -> frozenset[str]:
    return frozenset(load_data("fr", "context_subject")["anaphora"]["act_nouns"])


def _speaks(toks: tuple[Tok, ...], k: int) -> bool:
    """Whether the noun at ``k`` is the subject of a verb of speech ("le ministère a
    détaillé"): a speaker, not what is measured."""
    j = k + 1
    while j < len(toks) and j <= k + 4 and toks[j].pos in ("ADJ", "AUX", "ADV", "PRON"):
        j += 1
    return j < len(toks) and speech_lemma(toks[j], source_data()) is not None


def measurable(t: Tok, data: SubjectData) -> bool:
    if t.is_title and t.i > 0:
        return False  # a name the tagger reads as a noun
    lemma = t.lemma or t.lower
    return not (
        lemma in data.not_subjects or t.lower in data.not_subjects
        or lemma in data.time_nouns or t.lower in data.time_nouns
        or t.lower in data.age_holders or lemma in data.age_holders
        or t.lower in data.people_participles or is_role(t.lower) or is_role(lemma)
        or known_places(t.text) or t.lower in world_data().actor_names
    )


_NAME_TALLY = re.compile(r"^\s*[^\W\d_][^:\n]{0,40}\s:\s*\d")


def opens_name_tally(sentence: str) -> bool:
    """Whether ``sentence`` opens like a line of a tally labelled by a name ("Lyon : 4 000",
    "Le Havre : 40 000 selon la CGT"), read on its text."""
    return bool(_NAME_TALLY.match(sentence)) and sentence.lstrip()[:1].isupper()


def tally_noun(before: tuple[Tok, ...]) -> str | None:
    """What a tally labelled by names counts when the sentence before it, without figures,
    names it: its first plural noun heading its phrase that the categories count ("Les
    manifestants étaient nombreux dans les grandes villes. Lyon : 4 000" -> manifestant; not
    "Les syndicats ont appelé à manifester. Lyon : 4 000")."""
    data = subject_data()
    for k, t in enumerate(before):
        if t.pos != "NOUN" or t.number != "Plur":
            continue
        j = before_phrase(before, k)
        if j >= 0 and before[j].pos == "ADP":
            continue
        if counted_noun(t.lower) and not is_role(t.lower):
            return subject_at(before, k, data)
    return None


def asked_noun(before: tuple[Tok, ...]) -> str | None:
    """What a question on a count asks for ("Combien de logements ont été construits l'an
    dernier ?" -> logement): the noun after "combien de" in a sentence ending with "?"; the
    bare figures of the sentence right after answer it."""
    data = subject_data()
    if not before or before[-1].text != "?":
        return None
    for k in range(len(before) - 2):
        if before[k].lower in data.how_many and before[k + 1].lower.replace("’", "'") \
                in grammar().de and before[k + 2].pos == "NOUN":
            return subject_at(before, k + 2, data)
    return None


def queue_antecedents(text: str, sentences: dict[int, str], texts: list[str]) -> dict[int, int]:
    """For each sentence with figures (``sentences``: start -> text) opening with a pronoun of
    a verb of level or a name's tally line ("Lyon : 4 000"), the index in ``texts`` of the
    sentence before it when that one has no figures (appended to ``texts`` to be parsed)."""
    openers = {s for s, sentence in sentences.items()
               if opens_with_level_pronoun(sentence) or opens_name_tally(sentence)
               or opens_with_them(sentence)}
    asking = _how_many().search(text) is not None
    if not openers and not asking:
        return {}
    spans = sentence_spans(text)
    out: dict[int, int] = {}
    for start in sorted(sentences if asking else openers):
        before = [s for s in spans if s[1] <= start]
        if not before or before[-1][0] in sentences:
            continue
        previous = text[before[-1][0]:before[-1][1]]
        if start in openers or (previous.rstrip().endswith("?")
                                and _how_many().search(previous) is not None):
            # (an answer to "Combien de ... ?", :func:`asked_noun`)
            out[start] = len(texts)
            texts.append(previous)
    return out


def taken_up(sub: SubjectResult, toks: tuple[Tok, ...], fig: Figure, out: list[Context],
             named_here: set[int], before: tuple[Tok, ...] | None
             ) -> tuple[str, tuple[str, ...]] | None:
    """Subject and qualifiers of a figure left to an earlier metric (``anaphora_open``) whose
    sentence opens with "il"/"elle" and a verb of level it completes, from its antecedent in
    ``before`` (:func:`pronoun_antecedent`); a figure continuing one so read in its sentence
    (``named_here``: "Elle sera de 8,6 % [...] et de 9,8 %") takes the same."""
    if sub.antecedent is not None and sub.antecedent in named_here:
        c = out[sub.antecedent]
        return (c.subject, c.qualifiers) if c.subject else None
    return pronoun_antecedent(toks, fig, before) if before is not None else None
