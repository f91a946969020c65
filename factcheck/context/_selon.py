"""The "selon X" / "d'après X" that applies to a figure, and X's words. Private to
``factcheck.context`` (used by ``source``)."""

from __future__ import annotations

from factcheck.context._clean_name import clean_name
from factcheck.context._documents import authorless, turned_before
from factcheck.context._memo import TokensMemo
from factcheck.context._speaker_tokens import count_opens_at, next_figure_at
from factcheck.context._speech_words import (
    speech_at,
    speech_words,
)
from factcheck.context.lexicon import SourceData, grammar, source_data, subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.resolution import is_role
from factcheck.context.speakers import NP_END
from factcheck.context.world import world_data

#: The phrases of the sentences read last: ``selon`` asks for them once per figure.
_PHRASES: TokensMemo[tuple[tuple[int, tuple[Tok, ...]], ...]] = TokensMemo()
#: Quotation marks opening a document's title ("l'enquête « Cadre de vie et sécurité »").
_QUOTE_MARKS = frozenset('"«“')


#: Words a "de source" after them completes as a noun complement ("l'eau de source").
_COMPLETED = frozenset({"NOUN", "ADJ", "DET", "NUM"})


def _source_adjective(word: str, data: SourceData) -> bool:
    """Whether "de source <word>" names a source: an adjective of a body or a side
    ("policière", "proche") or of a nationality ("américaine")."""
    return word in data.source_adjectives or word in world_data().actor_adjectives


def _selon_phrases(toks: tuple[Tok, ...], data: SourceData) -> list[tuple[int, list[Tok]]]:
    """Every "selon X" / "d'après X" of the sentence: (token index, X), found once per
    sentence for the shipped lexicon (each caller gets lists of its own)."""
    if data is not source_data():
        return _find_selon_phrases(toks, data)
    found = _PHRASES.get(toks, None, lambda: tuple(
        (k, tuple(np)) for k, np in _find_selon_phrases(toks, data)))
    return [(k, list(np)) for k, np in found]


def _find_selon_phrases(toks: tuple[Tok, ...], data: SourceData
                        ) -> list[tuple[int, list[Tok]]]:
    """Every "selon X" / "d'après X" of the sentence: (token index, X). A role with a name in
    apposition is that name ("selon le directeur général de la santé, Jérôme Salomon")."""
    variations = subject_data().variation_nouns | speech_words().depending_nouns
    depending = speech_words().depending_before
    g = grammar()
    out = []
    for k, t in enumerate(toks):
        phrase = t.lower
        if t.lower in g.apres and k > 0 and toks[k - 1].lower in g.elided_de:
            phrase = toks[k - 1].lower.replace("’", "'") + t.lower  # "d'après" split in two
        # "de source policière": an introducer of two words whose noun is the source's own
        # ("source policière"), read from that noun on; an adjective of a body or a side
        # after it ("produite de source renouvelable", "de source sûre" name nobody), and no
        # noun before it that "de source" completes ("l'eau de source minérale").
        by_noun = k > 0 and f"{toks[k - 1].lower} {t.lower}" in data.introducers \
            and k + 1 < len(toks) and _source_adjective(toks[k + 1].lower, data) \
            and (k < 2 or toks[k - 2].pos not in _COMPLETED)
        in_document = _document_intro(toks, k, data)
        if phrase not in data.introducers and t.lower not in data.introducers and not by_noun \
                and not in_document:
            continue
        if k + 1 < len(toks) and toks[k + 1].lower in data.not_after_introducer:
            continue
        if k + 2 < len(toks) and toks[k + 1].pos == "DET" and toks[k + 2].lower in variations:
            continue  # "selon les régions", "selon les contrats": depending on, not a source
        if k > 0 and toks[k - 1].lower in depending:
            continue  # "des dynamiques différentes selon les sources": depending on
        np = []
        j = k if by_noun else k + 1
        while j < len(toks) and toks[j].text not in NP_END and not next_figure_at(toks, j):
            if np and count_opens_at(toks, j):
                break  # "on recensait selon la police environ 8 500 personnes"
            if np and toks[j].pos == "AUX" and toks[j].verbform == "Fin":
                break  # "10 000 selon les organisateurs sont partis": the clause's own verb
                # (an auxiliary: the small tagger reads some adjectives as verbs)
            np.append(toks[j])
            j += 1
        if np and np[0].pos == "PRON" and not in_document:
            np = np[:1]  # "qui rapportera selon elle 25 milliards": the pronoun alone
        if in_document and not (j < len(toks) and toks[j].text == "," and clean_name(np, data)):
            continue  # "Dans un communiqué, la préfecture": no author, the speaker's
        if np and j < len(toks) and toks[j].text == ",":
            np = _apposed_name(toks, j, np)
        if np:
            out.append((k, np))
    return out


def _document_intro(toks: tuple[Tok, ...], k: int, data: SourceData) -> bool:
    """"Dans" (``document_introducers``) opening the sentence or a clause, right before an
    article (no demonstrative: "Dans ce document [...] contesté par la maire", one named
    before) and a document noun: "Dans le baromètre Ifop pour le JDD, ...", "..., et dans
    une étude de l'Insee, ..." (its words must end at a comma); not "assurent dans un
    communiqué Paul Martin et Anne Roux", whose names are the speakers."""
    return toks[k].lower in data.document_introducers and k + 2 < len(toks) \
        and (k == 0 or toks[k - 1].pos in ("PUNCT", "CCONJ")) \
        and toks[k + 1].lower in grammar().source_articles \
        and (toks[k + 2].lower in data.documents or toks[k + 2].lemma in data.documents)


_OPENING = frozenset({"«", "“"})
_CLOSING = frozenset({"»", "”"})


def _after_quotation(toks: tuple[Tok, ...], k: int, starts: list[int]) -> bool:
    """ "3,8 milliards pour la crise « la plus grave de notre temps » selon l'ONU": a "selon"
    right after a quotation without figures is the quotation's."""
    if k == 0 or toks[k - 1].text not in _CLOSING:
        return False
    opened = next((j for j in range(k - 2, -1, -1) if toks[j].text in _OPENING), None)
    return opened is not None and not any(opened < s < k for s in starts)


def open_bracket(toks: tuple[Tok, ...], k: int) -> int | None:
    """Index of the bracket token ``k`` sits in (the parenthesis still open before it, closed
    after it or not), else None."""
    depth = 0
    for j in range(k - 1, -1, -1):
        depth += (toks[j].text == ")") - (toks[j].text == "(")
        if depth < 0:
            return j
    return None


def _bracket_opens(toks: tuple[Tok, ...], start: int, end: int) -> bool:
    """Whether a bracket opens between tokens ``start`` and ``end`` and is still open at
    ``end``: what is said inside is the aside's, not the figure's before it."""
    depth = 0
    for t in toks[start:end]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _apposed_name(toks: tuple[Tok, ...], comma: int, np: list[Tok]) -> list[Tok]:
    """ "le directeur général de la santé, Jérôme Salomon,": the name of two words or more
    after a role, closed by punctuation; else the role's words ``np``."""
    words = [t for t in np if t.pos != "DET" and t.lower not in grammar().source_articles]
    if not words or not is_role(words[0].lower):
        return np
    k = comma + 1
    particles = grammar().name_particles
    while k < len(toks) and toks[k].is_word and (
            toks[k].is_title or (toks[k].lower in particles and k > comma + 1)):
        k += 1
    if k - (comma + 1) >= 2 and (k == len(toks) or toks[k].text in NP_END):
        return list(toks[comma + 1 : k])
    return np


def selon(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData, *, far: bool = True
) -> list[Tok] | None:
    """The "selon X" that applies to figure ``n``: one between it and the next figure
    ("80 000 selon la préfecture, 400 000 selon la CGT"), else the nearest before it, else
    the first after it ("32 drones, dont 14 ... et 6 ..., selon le ministère"); with
    ``far`` False, not one after a later figure of another clause ("La CGT annonce 700 000
    manifestants, ils étaient 81 000 selon la préfecture": the verb before the first figure
    comes first) nor one after a later figure set against it ("la CGT table sur 250 000
    personnes, contre 75 000 selon la préfecture": the other term's)."""
    phrases = _selon_phrases(toks, data)
    if not phrases:
        return None
    fig = figs[n]
    # "8 000 à Toulouse (contre 50 000 d'après les syndicats), 4 000 à Marseille": a
    # "selon" inside brackets is for the figures inside them only.
    # "Entre 615 000 (selon l'Intérieur) et 1,8 million": a bracket of its own after the
    # figure, with no other figure before the "selon", is the figure's.
    mine = open_bracket(toks, fig.first)
    starts = [f.first for f in figs]

    def applies(k: int) -> bool:
        if _after_quotation(toks, k, starts):
            return False
        b = open_bracket(toks, k)
        return b in (None, mine) or (
            b >= fig.last and not any(fig.last <= s < k for s in starts))

    phrases = [(k, np) for k, np in phrases if applies(k)
               and not _announces_after_colon(toks, k, np, fig, starts)]
    if not phrases:
        return None
    chosen = _chosen(toks, figs, n, phrases, data, far=far)
    if chosen is not None and authorless(chosen, data):
        # "Selon la préfecture, 12 maisons ont été inondées, d'après le bilan publié mardi":
        # a document naming no author is the channel of the body named before it in the
        # sentence, not a source replacing that body.
        named = [(k, np) for k, np in phrases if k < fig.first and not authorless(np, data)
                 and clean_name(np, data)]
        if named and not turned_before(toks, starts, named[-1][0], fig.first) \
                and (far or not _clause_between(
                toks, named[-1][0] + len(named[-1][1]) + 1, fig.first, data)):
            return named[-1][1]
    return chosen


def _chosen(
    toks: tuple[Tok, ...], figs: list[Figure], n: int, phrases: list[tuple[int, list[Tok]]],
    data: SourceData, *, far: bool,
) -> list[Tok] | None:
    """The "selon X" that applies to figure ``n`` among ``phrases`` (see :func:`selon`)."""
    fig = figs[n]
    nxt = figs[n + 1].first if n + 1 < len(figs) else len(toks)
    own = [np for k, np in phrases if _right_before(toks, k, np, fig)]
    if own:
        # "selon la police environ 3 500 personnes et selon la CGT près de 9 000": a "selon"
        # whose name ends where the figure opens is the figure's, not the next one's.
        return own[-1]
    between = [np for k, np in phrases if fig.last <= k < nxt]
    if between:
        return between[0]
    before = [(k, np) for k, np in phrases if k < fig.first]
    if before:
        k, np = before[-1]
        if not far and _clause_between(toks, k + len(np) + 1, fig.first, data):
            return None  # "D'après X, 281 000 ..., tandis que la CGT évoque 900 000"
        return np
    k = phrases[0][0]
    if _bracket_opens(toks, fig.last, k):
        return None  # "8 000 à Toulouse (contre 50 000 d'après les syndicats)": the aside's
    if _rival_before(toks, figs, n, k):
        return None  # "3,5 millions pour la CGT, 1,28 million selon le ministère": the rival's
    if _items_own(toks, figs, n, k, [j for j, _ in phrases]):
        return None  # "8 000 morts : 5 894 en Turquie, selon l'Afad, et 1 932 ...": the item's
    w = speech_words()
    if not far and k >= nxt and any(
        (t.verbform == "Fin" and t.pos in ("VERB", "AUX"))
        or t.lower in w.contrast_terms or t.lower in w.clause_contrasts
        for t in toks[fig.last : nxt]
    ):
        return None  # a clause of its own between ("..., ils étaient 81 000 selon X")
    return phrases[0][1]


def _announces_after_colon(toks: tuple[Tok, ...], k: int, np: list[Tok], fig: Figure,
                           starts: list[int]) -> bool:
    """Whether the "selon X" at ``k``, after the figure, ends on a colon that opens figures of
    its own ("Avec le scrutin à deux tours, les résultats sont les suivants, selon le
    ministère : 32 % pour ..."): it announces what follows, not the figure before it. Only
    when a clause of its own stands between the figure and the "selon" (a comma closes the
    figure's before the one opening the "selon"): "8 000 personnes sont mortes, selon l'Afad :
    5 894 en Turquie ..." is the total's source, its list after the colon."""
    colon = np[-1].i + 1 if np else k + 1
    return k > fig.first and colon < len(toks) and toks[colon].text == ":" \
        and any(s > colon for s in starts) \
        and any(t.text in (",", ";") for t in toks[fig.last : k - 1])


def _rival_before(toks: tuple[Tok, ...], figs: list[Figure], n: int, k: int) -> bool:
    """Whether the "selon" at ``k`` follows a later figure right after it, its noun elided,
    past a comma from figure ``n`` ("3,5 millions de manifestants pour la CGT, 1,28 million
    selon le ministère"; "de source syndicale, 1,28 million selon ..."): a count set as
    the rival of figure ``n``, whose "selon" is its own, not one shared by a list ("32
    drones, dont 14 ... et 6 au-dessus de Koursk, selon le ministère": a word or a comma
    before the "selon"). A figure of another kind is no rival ("aux 10 millions de
    réfugiés ..., un record inégalé depuis 20 ans selon l'ONU")."""
    fig = figs[n]
    for other in figs[n + 1 :]:
        if other.last == k:  # of the same kind: "un record depuis 20 ans selon l'ONU" no
            return other.mention.kind == fig.mention.kind \
                and any(t.text == "," for t in toks[fig.last : other.first])
    return False


def _items_own(toks: tuple[Tok, ...], figs: list[Figure], n: int, k: int,
               starts: list[int]) -> bool:
    """Whether the "selon" at ``k``, the first after figure ``n``, is that of an item of the
    list after it: a later figure stands between them and another follows the "selon", with
    a list colon between figure ``n`` and the next figure ("près de 8 000 morts : 5 894 en
    Turquie, selon l'Afad, et 1 932 en Syrie": the Turkish count's) or a "selon" of its own
    for a later item ("..., 5 894 en Turquie, selon l'Afad, et 1 932 en Syrie, selon
    Damas"). A "selon" closing the list ("32 drones, dont 14 ... et 6 ..., selon le
    ministère") still covers the whole."""
    later = [f for f in figs[n + 1 :] if f.first < k]
    if not later or not any(f.first > k for f in figs[n + 1 :]):
        return False
    colon = any(t.text in grammar().list_colons for t in toks[figs[n].last : later[0].first])
    return colon or any(j > k and any(k < f.first < j for f in figs) for j in starts)


def _right_before(toks: tuple[Tok, ...], k: int, np: list[Tok], fig: Figure) -> bool:
    """Whether the "selon" at ``k``, its name ``np``, ends where ``fig`` opens: only words
    opening a count between ("selon la police environ 3 500", "selon la CGT près de 9 000")."""
    end = k + 1 + len(np)
    if end > fig.first or not np or np[-1] is not toks[end - 1]:
        return False  # a name after the figure, or a name in apposition, not right before
    openers = speech_words().figure_openers | grammar().elided_de | {"de"}
    return all(t.lower in openers for t in toks[end : fig.first])


_CLAUSE_MARKS = frozenset({":", ";"})


def _clause_between(toks: tuple[Tok, ...], start: int, end: int, data: SourceData) -> bool:
    """Whether a conjunction opening a clause with a finite verb of its own (or a verb of
    speech, whatever its tag) comes between tokens ``start`` and ``end``, or a colon or a
    semicolon opening a clause with a verb of speech ("détruit selon le média : les habitants
    indiquent que 80 %"): a "selon X" before it is another clause's. A colon after the
    "selon" phrase alone introduces the figures ("selon X : 3 000 personnes ont défilé")."""
    w = speech_words()
    opened = colon = False
    for i in range(start, end):
        t = toks[i]
        if t.lower in w.clause_contrasts:
            opened = True
        elif t.text in _CLAUSE_MARKS:
            colon = True
        elif (opened or colon) and (
                (opened and t.pos in ("VERB", "AUX") and t.verbform == "Fin")
                or (speech_at(toks, i, data) is not None
                    and (opened or not _restrictive_relative(toks, i, start, data)))):
            return True
    return False


def _restrictive_relative(toks: tuple[Tok, ...], v: int, start: int, data: SourceData
                          ) -> bool:
    """Whether the verb at ``v`` is that of a relative with no comma before its pronoun,
    a clitic, an auxiliary or a negation between ("selon l'Ifop : les Français qui déclarent
    avoir réduit leurs achats sont 45 %", "qui se disent", "qui ont déclaré", "qui ne se
    sont pas dits"): it says which people are counted, in the noun phrase, and opens no
    clause of its own."""
    k = v - 1
    while k > start and k >= v - 4 and (
            toks[k].pos in ("PRON", "AUX") or toks[k].lower in data.speech_negations) \
            and toks[k].lower not in speech_words().relatives:
        k -= 1  # "qui se disent", "qui s'en disent", "qui ont déclaré", "qui n'ont pas dit"
    return k > start and toks[k].lower in speech_words().relatives \
        and toks[k - 1].text != ","


def announced(toks: tuple[Tok, ...], figs: list[Figure], n: int, data: SourceData
              ) -> list[Tok] | None:
    """ "le ministère de la santé a fait une annonce selon laquelle 7 000 personnes ...": the
    subject of the clause whose object is the announcement ("annonce", "bilan", ...), for the
    figures after "selon" + relative pronoun; nobody after a denial or a negation ("a démenti
    un bilan selon lequel")."""
    fig = figs[n]
    for k in range(1, min(fig.first, len(toks) - 1)):
        if toks[k].lower not in data.introducers or \
                toks[k + 1].lower not in data.relative_pronouns:
            continue
        noun = toks[k - 1]
        if noun.lower not in data.announcements and noun.lemma not in data.announcements:
            continue
        v = k - 2
        while v >= 0 and not (toks[v].pos in ("VERB", "AUX") and toks[v].verbform == "Fin"):
            if toks[v].text in NP_END:
                return None
            v -= 1
        if v < 0 or any(t.lower in data.speech_negations or t.lemma in data.denials
                        for t in toks[v:k]):
            return None
        j = v - 1
        while j >= 0 and toks[j].pos in ("NOUN", "PROPN", "DET", "ADP", "ADJ") \
                and toks[j].text not in NP_END:
            j -= 1
        subject = list(toks[j + 1 : v])
        return subject if any(t.pos in ("NOUN", "PROPN") for t in subject) else None
    return None


def bracketed_counter(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The body that counts a figure, named alone in brackets right after it: "Strasbourg :
    22 000 (CGT) / 10 500 selon la police", "entre 800 (préfecture) et 1 500 (organisateurs)".
    Only a body that counts (``counters``): "481 (route centrale)", "(en milliers)" name
    nobody."""
    j = fig.last
    if j >= len(toks) or toks[j].text != "(":
        return None
    close = next((k for k in range(j + 1, min(j + 6, len(toks))) if toks[k].text == ")"), None)
    inside = toks[j + 1 : close] if close is not None else ()
    if not inside or not all(t.is_word for t in inside) \
            or inside[0].lower not in speech_words().counters:
        return None
    return " ".join(t.text for t in inside)


def unnamed_document(toks: tuple[Tok, ...], np: list[Tok], data: SourceData) -> bool:
    """Whether the words after "selon" name a document new to the story and no author: "un
    bilan définitif", "les dernières données", "des chiffres publiés mercredi" (a document
    noun, an indefinite article or a word of the latest edition before it, ``unnamed_markers``;
    not "le bilan", the report's own)."""
    head = next((k for k, t in enumerate(np) if t.lower in data.documents), None)
    if head is None or not any(t.lower in data.unnamed_markers for t in np[:head]):
        return False
    # "selon la dernière enquête « Cadre de vie et sécurité »": a document named by its title
    after = toks[np[head].i + 1 : np[-1].i + 2]
    return not any(t.is_title or t.text in _QUOTE_MARKS for t in after)
