"""Turning the words found for a speaker into a name (:func:`clean_name`: articles, titles,
documents and trailing clauses dropped) and telling whether a document's link opens with
its author (:func:`names_author`). Private to ``factcheck.context`` (``speakers``
re-exports both)."""

from __future__ import annotations

from factcheck.context._name_place import place_in_name
from factcheck.context._source_head import after_glued_line, drop_openers, has_source_head
from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Tok


def clean_name(words: list[Tok], data: SourceData, check_head: bool = True) -> str | None:
    """Text of a source noun phrase, without article, title or trailing clause; None when
    it names no person, body, outlet or document (``check_head``, :mod:`._source_head`)."""
    g = grammar()
    toks = after_glued_line(list(words))
    w = speech_words()
    for cleft in w.cleft_starts:  # "c'est TotalEnergies qui annonçait"
        if tuple(t.lower for t in toks[: len(cleft)]) == cleft:
            toks = toks[len(cleft) :]
    while toks and toks[0].lower in w.clause_openers:
        toks = toks[1:]  # "à Pau, où la préfecture a dénombré": the subject follows
    toks = _without_adverbs(drop_openers(toks))
    while toks and (toks[0].pos == "DET" or toks[0].lower in g.source_articles):
        toks = toks[1:]
    if len(toks) > 2 and toks[0].lower in w.quantifier_heads and toks[1].pos in ("ADP", "DET"):
        toks = toks[2:]  # "la plupart des indicateurs": the indicators
    if not toks:
        return None
    if len(toks) > 1 and toks[0].lower.strip("-") == "t" and (
            toks[0].pos == "PRON" or toks[1].lower.strip("-") in data.pronouns):
        toks = toks[1:]  # the euphonic "-t" of "déclare-t-il" ("précise t-il": a noun "t")
    if toks[0].pos == "PRON" and toks[0].lower.split("-")[-1] in data.pronouns:
        return toks[0].text  # "déclare-t-il pour le moment": the pronoun, resolved later
    # A document hands over to its author: "une (nouvelle) étude (publiée) par/du X".
    d = 0
    while (
        d < len(toks) - 1
        and toks[d].pos == "ADJ"
        and not toks[d].is_title
        and toks[d].lower not in data.documents  # "le dernier recensement" (tagged ADJ)
    ):
        d += 1
    if toks[d].lemma in data.documents or toks[d].lower in data.documents:
        if d + 1 < len(toks) and toks[d + 1].is_title:  # "un sondage Ifop pour Le Figaro"
            k = d + 1
            while k < len(toks) and toks[k].is_title:
                k += 1
            return _join(toks[d + 1 : k])
        links = [j for j in range(d + 1, len(toks) - 1) if toks[j].lower in g.document_links]
        # "les projections de croissance du FMI": the link to a name or a body, not to the
        # document's own complement ("de croissance").
        own = [j for j in links if toks[j].lower in g.de and toks[j + 1].pos == "NOUN"
               and not toks[j + 1].is_title and toks[j + 1].lower not in data.heads]
        # "les résultats du second tour communiqués par le ministère": an agent ("par")
        # names the author, whatever complement the document had before it.
        # Not the reader of a document ("des chiffres du ministère consultés par l'AFP").
        agents = [j for j in links if toks[j].lower in g.agent_preps
                  and j > 0 and toks[j - 1].pos in ("VERB", "ADJ")
                  and toks[j - 1].lower not in w.reader_participles]
        authors = [j for j in links if j not in own and j not in agents]
        if any(_relays(toks[j - 1], w.relay_participles) for j in agents):
            # "les chiffres de l'Insee relayés par Les Echos": the author named with "de"
            # wrote it, the agent of a verb of relay only passes it on.
            relay = min(j for j in agents if _relays(toks[j - 1], w.relay_participles))
            before = [j for j in authors if j < relay - 1
                      and names_author(toks[j + 1 : relay - 1], data)]
            for j in before:  # the author's words, up to the participle
                inner = clean_name(toks[j + 1 : relay - 1], data)
                if inner:
                    return inner
        for j in agents + authors or links:
            inner = clean_name(toks[j + 1 :], data)
            if inner:
                return inner
        return None
    # Cut a trailing participle clause: "... Studies publiée fin janvier".
    full = toks
    for j in range(1, len(toks)):
        if toks[j].is_title and toks[j - 1].is_title and toks[j].lower in data.stops:
            continue  # "Jean-Marc Selon": a capitalised cue word after a name is its word
        if place_in_name(toks, 0, j) > j:
            continue  # "la Direction générale des étrangers en France": its own place
        if toks[j].lower in data.stops or toks[j].lower in data.document_verbs or (
                toks[j].lower in g.verb_coordinators and j + 1 < len(toks)
                and toks[j + 1].lower in w.member_possessives):  # "la CGT et ses militants"
            toks = toks[:j]
            break
    toks = _before_when(toks, data)
    toks = _before_participle(toks, full)
    toks = _before_clause(toks, data)
    while toks and toks[-1].pos in ("ADP", "DET", "PUNCT", "CCONJ") and not (
        toks[-1].text == ")" and any(t.text == "(" for t in toks)  # "service (SSMSI)"
    ) and not (toks[-1].pos == "ADP" and len(toks) > 1 and toks[-1].is_title
               and toks[-2].is_title):  # "Jean-Marc Selon": a surname, no preposition
        toks = toks[:-1]
    if not toks:
        return None
    # Titles before a proper name: "président américain Donald Trump" -> Donald Trump.
    # A capitalised title before a capitalised adjective is the body's own name ("Agence
    # Nationale de Lutte Anti-Incendie", "Institut National"), not a title before a name.
    own_name = len(toks) > 1 and toks[0].is_title and toks[1].is_title and (
        toks[1].pos == "ADJ" or (len(toks) > 2 and toks[2].pos == "ADP"))
    if not own_name and (toks[0].lower in data.titles
                         or (toks[0].text.isupper() and len(toks) > 2)):
        j = 0
        while j < len(toks) and (not toks[j].is_title or toks[j].lower in data.titles):
            j += 1
        titles_only = all(t.lower in data.titles or t.pos == "ADJ" for t in toks[:j])
        names_only = all(t.is_title or t.lower in g.name_particles for t in toks[j:])
        if 0 < j < len(toks) and titles_only and names_only:
            toks = toks[j:]
    if check_head and not has_source_head(toks, data):
        return None  # "la migration masculine explique": no person, body, outlet or document
    return _join(toks)


def _relays(t: Tok, relay: frozenset[str]) -> bool:
    """Whether the participle before an agent is a verb of relay ("relayés", "publié")."""
    return t.lemma in relay or t.lower in relay


def _without_adverbs(toks: list[Tok]) -> list[Tok]:
    """Without a linking adverb glued before or after the name ("écrit en outre Santé
    publique France", "selon les mêmes sources ainsi"): lower-case words of ``name_adverbs``
    at either end."""
    adverbs = speech_words().name_adverbs
    changed = True
    while changed and toks:
        changed = False
        for adv in adverbs:
            n = len(adv)
            if len(toks) > n and tuple(t.lower for t in toks[:n]) == adv \
                    and not toks[0].is_title:
                toks, changed = toks[n:], True
            elif len(toks) > n and tuple(t.lower for t in toks[-n:]) == adv \
                    and not toks[-n].is_title:
                toks, changed = toks[:-n], True
    return toks


def _before_when(toks: list[Tok], data: SourceData) -> list[Tok]:
    """A determiner and a lower-case word of time after a noun say when, no part of the name:
    "recensés par la direction la veille", "selon la préfecture ce matin" (not "Le Soir")."""
    for j in range(1, len(toks) - 1):
        if toks[j].pos == "DET" and not toks[j].is_title and not toks[j + 1].is_title \
                and toks[j + 1].lower in data.leading_time_words \
                and toks[j - 1].pos in ("NOUN", "PROPN", "ADJ"):
            return toks[:j]
    return toks


def _before_participle(toks: list[Tok], full: list[Tok]) -> list[Tok]:
    """A participle after a body's noun opens a clause about it, no part of its name: "le
    Centre d'opérations d'urgence créé après le séisme", "le réseau de stations exploité en
    temps réel" (a capitalised word is left: a name's word the tagger misread). ``full`` is
    the phrase before its cut at a stop word, ``toks`` its beginning."""
    for j in range(2, len(toks)):
        t = toks[j]
        if t.pos == "VERB" and t.verbform == "Part" and not t.is_title \
                and toks[j - 1].pos in ("NOUN", "PROPN") and not _name_participle(full, j):
            return toks[:j]
    return toks


def _name_participle(toks: list[Tok], j: int) -> bool:
    """The participle at ``j`` is a word of a body's own name that opens with capitalised
    words and goes on in lower case ("l'Union nationale des familles endeuillées"): it
    agrees with the lower-case noun right before it, and closes the phrase or is followed
    only by a capitalised complement ("des familles endeuillées de France"). A clause about
    the body goes on in lower case ("le Centre d'opérations d'urgence créé après le
    séisme") or agrees with the head, not with the noun before ("créé" after "urgence")."""
    noun, part = toks[j - 1], toks[j]
    if noun.is_title or not any(t.is_title for t in toks[:j - 1]):
        return False
    if not (noun.gender and noun.number and (noun.gender, noun.number)
            == (part.gender, part.number)):
        return False
    rest = toks[j + 1 :]
    if rest and rest[0].lower in grammar().de:
        rest = [t for t in rest[1:] if t.pos != "DET"]
        return bool(rest) and all(t.is_title for t in rest)
    return not rest


def _before_clause(toks: list[Tok], data: SourceData) -> list[Tok]:
    """A source is a noun phrase: words running into a verb of their own or a negation ("les
    autorités n'étaient toutefois pas en mesure", "nous avions comptabilisé", "la situation
    sanitaire est critique") are a piece of clause, no name (nothing is returned).
    Capitalised words are not looked at (the small tagger reads some names' words as verbs),
    nor a "finite verb" that is its own lemma: an adjective the tagger misread ("selon la
    compagnie ferroviaire"), a French verb's finite form never being its infinitive; right
    after a capitalised word it is a verb ("The Lancet porte sur"), an adjective agreeing
    with a name's lower-case noun only. A demonstrative pronoun (``not_source_words``: "les
    projections de l'institution rejoignent celles de la Banque") stands in a clause too."""
    for i, t in enumerate(toks):
        after_name = i > 0 and toks[i - 1].is_title
        if t.is_title or (t.pos == "VERB" and t.verbform == "Fin" and t.lemma == t.lower
                          and not after_name):
            continue
        if (t.pos in ("VERB", "AUX") and t.verbform in ("Fin", "Inf")) \
                or t.lower in data.speech_negations or t.lower in data.not_source_words:
            return []
    return toks


def names_author(toks: tuple[Tok, ...] | list[Tok], data: SourceData) -> bool:
    """The words after a document's link open with a name or a body's head noun."""
    g = grammar()
    first = next((t for t in toks if t.pos != "DET" and t.lower not in g.source_articles), None)
    return first is not None and (first.is_title or first.lower in data.heads
                                  or first.lemma in data.heads)


def _join(toks: list[Tok]) -> str:
    out = ""
    prev: Tok | None = None
    for t in toks:
        if prev is not None and prev.end < t.start:
            out += " "
        out += t.text
        prev = t
    return out.strip()
