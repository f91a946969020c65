"""Words that narrow what a figure counts: adjectives and participles after its noun
("drones ukrainiens", "soldats tués, blessés ou portés disparus"), a bare "de" + noun
complement ("élèves de terminale"), the participle of a relative clause ("familles qui ont été
relogées") and a passive or copular predicate ("43 000 soldats avaient été tués")."""

from __future__ import annotations

from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Figure, Tok


def qualifiers_after(toks: tuple[Tok, ...], k: int, *, adjectives: bool = True) -> list[str]:
    """Adjectives and participles after the noun at ``k`` (with ``adjectives``, a bare "de" +
    noun complement and a relative clause too), then a passive or copular predicate
    ("soldats ukrainiens avaient été tués" -> ukrainiens, tués)."""
    out: list[str] = []
    j = k + 1
    n = len(toks)
    g = grammar()

    def modifier(j: int, coordinated: bool) -> bool:
        t = toks[j]
        if not t.is_word or t.is_title or t.verbform in ("Fin", "Inf"):
            return False
        if t.pos in ("ADJ", "VERB"):
            return True
        # "tués, blessés ou portés disparus": a coordinated participle tagged as a noun.
        return coordinated and t.pos == "NOUN" and t.lower.endswith(g.participle_endings)

    def participles(j: int) -> int:
        coordinated = False
        while j < n:
            if modifier(j, coordinated):
                word = toks[j].text
                if toks[j].pos == "VERB" and j + 1 < n and toks[j + 1].pos == "ADJ":
                    word = f"{word} {toks[j + 1].text}"
                    j += 1
                out.append(word)
                j += 1
                coordinated = False
            elif toks[j].lower in g.coordinators and out and j + 1 < n and modifier(j + 1, True):
                j += 1
                coordinated = True
            else:
                break
        return j

    if adjectives:
        j = participles(j)
        if (j + 1 < n and toks[j].lower in g.de and toks[j + 1].is_word
                and not toks[j + 1].is_title and (toks[j + 1].pos == "NOUN" or (
                    # (the tagger often reads the noun as an adjective: "de terminale"; an
                    # adjective before a noun is a determiner's: "de nouveaux cas")
                    toks[j + 1].pos == "ADJ" and (j + 2 >= n or toks[j + 2].pos != "NOUN")))):
            # A bare "de" + noun classifies the counted noun ("élèves de terminale", "cas de
            # dengue"); with an article it names an owner or a place ("de la CGT"): not read.
            joiner = "" if toks[j].text.endswith(("'", "’")) else " "
            out.append(f"{toks[j].text}{joiner}{toks[j + 1].text}")
            j = participles(j + 2)
        if j + 1 < n and toks[j].lower in g.relative_subjects and (
                toks[j + 1].pos == "AUX" or toks[j + 1].lower in g.aux_forms):
            j += 1  # "personnes qui ont été relogées": the relative clause's participle
    else:
        while j < n and toks[j].pos not in ("AUX", "VERB", "PUNCT"):
            j += 1
    aux = j
    while j < n and (toks[j].pos == "AUX" or toks[j].lower in g.aux_adverbs):
        j += 1
    if j > aux:
        participles(j)
    return out


def _head_of_de(toks: tuple[Tok, ...], first: int) -> str | None:
    """The noun governing the figure's phrase through "de": "la mort de 3 soldats"."""
    g = grammar()
    j = first - 1
    while j >= 0 and toks[j].pos == "ADV":
        j -= 1
    if j > 0 and toks[j].lower in g.de and toks[j - 1].pos == "NOUN" and not toks[j - 1].is_title:
        return toks[j - 1].lower
    return None


def qualify(toks: tuple[Tok, ...], fig: Figure, noun: int | None, own: bool) -> tuple[str, ...]:
    quals: list[str] = []
    if own and noun is not None:
        quals = qualifiers_after(toks, noun)
        head = _head_of_de(toks, fig.first)
        if head is not None:  # "la mort de 3 soldats", "la destruction de 32 drones"
            quals.append(head)
        j = fig.first - 1
        while j >= 0 and toks[j].pos == "ADV":
            j -= 1
        if (
            j > 0
            and toks[j].pos == "VERB"
            and toks[j].verbform == "Part"
            and toks[j - 1].pos in ("AUX", "VERB")
        ):
            quals.insert(0, toks[j].text)
    elif noun is not None and noun < fig.first:
        quals = qualifiers_after(toks, noun)
    else:
        quals = qualifiers_after(toks, fig.last - 1, adjectives=False)
    seen: list[str] = []
    for q in quals:
        if q not in seen:
            seen.append(q)
    return tuple(seen)


def is_predicate(toks: tuple[Tok, ...], noun: int | None, word: str) -> bool:
    """Whether ``word`` came from the antecedent's verb, not from its noun phrase."""
    if noun is None:
        return False
    j = noun + 1
    while (
        j < len(toks)
        and toks[j].pos in ("ADJ", "VERB", "PUNCT", "CCONJ")
        and toks[j].verbform != "Fin"
    ):
        if toks[j].text == word.split()[0]:
            return False
        if toks[j].pos == "PUNCT" and toks[j].lower != ",":
            break
        j += 1
    return True
