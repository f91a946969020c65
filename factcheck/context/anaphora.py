"""A metric taken up again: "Ce chiffre était de 2 027", "Ces 60 milliards", "elle atteint
153,6 %". Such a figure measures what an earlier figure measured; :mod:`.subject` resolves it
to an earlier figure of the sentence, :mod:`factcheck.context` to the last figure of an earlier
sentence. Also the verbs of level, known from their forms when the small tagger misreads them
("les violences enregistrent une hausse", "enregistrent" tagged as an adverb). Words in
``context_subject.toml`` ``[anaphora]``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context._speech_words import FINITE_ENDINGS, PARTICIPLE_ENDINGS, regular_forms
from factcheck.context.lexicon import grammar, subject_data
from factcheck.context.mistags import restrictive_que
from factcheck.context.nlp import Figure, Tok
from factcheck.lang import load_data
from factcheck.models import Context, Kind

# Parts of speech a verb form misread by the tagger never stands for where it is.
_NOT_VERBS = frozenset({"DET", "PUNCT", "NUM", "PRON", "CCONJ", "SCONJ", "SYM", "ADP"})


@dataclass(frozen=True, slots=True)
class AnaphoraData:
    demonstratives: frozenset[str]
    metric_nouns: frozenset[str]
    pronouns: frozenset[str]
    clitics: frozenset[str]
    level_links: frozenset[str]
    level_verbs: frozenset[str]  # infinitives
    level_forms: frozenset[str]  # their conjugated forms
    determiners: frozenset[str]
    being_forms: frozenset[str]  # forms of "être": a verb of level only before "de"/"à"
    possessives: frozenset[str] = frozenset()
    possessive_metric_nouns: frozenset[str] = frozenset()
    relative_possessives: frozenset[str] = frozenset()
    definite_articles: frozenset[str] = frozenset()
    indefinite_pronouns: frozenset[str] = frozenset()
    definite_metric_nouns: frozenset[str] = frozenset()
    stating_bodies: frozenset[str] = frozenset()
    stating_verbs: frozenset[str] = frozenset()
    indefinite_articles: frozenset[str] = frozenset()
    mark_nouns: frozenset[str] = frozenset()  # "la barre des", "un record, à": context.marks
    novelty: frozenset[str] = frozenset()  # "Ces 12 400 nouveaux inscrits": context.taken_up


@cache
def anaphora_data(code: str = "fr") -> AnaphoraData:
    full = load_data(code, "context_subject")
    d = full["anaphora"]
    verbs = frozenset(d["level_verbs"])
    forms = set(regular_forms(set(verbs), FINITE_ENDINGS + PARTICIPLE_ENDINGS))
    return AnaphoraData(
        demonstratives=frozenset(d["demonstratives"]),
        novelty=frozenset(d.get("novelty", ())),
        metric_nouns=frozenset(d["metric_nouns"]),
        pronouns=frozenset(d["pronouns"]),
        clitics=frozenset(d["clitics"]),
        level_links=frozenset(d["level_links"]),
        level_verbs=verbs,
        level_forms=frozenset(forms | set(d["irregular_forms"])),
        determiners=frozenset(full["determiners"]),
        being_forms=frozenset(d["being_forms"]),
        possessives=frozenset(d.get("possessives", [])),
        possessive_metric_nouns=frozenset(d.get("possessive_metric_nouns", [])),
        relative_possessives=frozenset(d.get("relative_possessives", [])),
        definite_articles=frozenset(d.get("definite_articles", [])),
        indefinite_pronouns=frozenset(d.get("indefinite_pronouns", [])),
        definite_metric_nouns=frozenset(d.get("definite_metric_nouns", [])),
        stating_bodies=frozenset(d.get("stating_bodies", [])),
        stating_verbs=frozenset(d.get("stating_verbs", [])),
        indefinite_articles=frozenset(full.get("indefinite_articles", [])),
        mark_nouns=frozenset(d.get("mark_nouns", [])),
    )


def level_verb(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether the token at ``j`` is a verb of level: tagged a verb with such a lemma, or one
    of their forms the tagger misread, with no determiner (or adjective after one) before it
    ("les violences enregistrent", not "une baisse"). "être" only before "de"/"à" ("elle
    était de 5 %")."""
    d = anaphora_data()
    t = toks[j]
    low = t.lower.replace("’", "'")
    if t.pos in ("VERB", "AUX") and t.lemma in d.level_verbs:
        known = True
    elif low in d.level_forms and t.pos not in _NOT_VERBS:
        k = j - 1
        while k >= 0 and toks[k].pos == "ADJ":
            k -= 1
        known = not (k >= 0 and (toks[k].pos == "DET" or toks[k].lower in d.determiners))
    else:
        return False
    if known and (t.lemma == "être" or low in d.being_forms):
        nxt = toks[j + 1].lower.replace("’", "'") if j + 1 < len(toks) else ""
        return nxt in d.level_links
    return known


def demonstrative_metric(toks: tuple[Tok, ...], k: int | None) -> bool:
    """ "Ce chiffre", "ce montant", "ce niveau": a metric noun after a demonstrative; "son
    montant", "dont le nombre" with no complement after it."""
    if k is None or k == 0:
        return False
    d = anaphora_data()
    t = toks[k]
    if (t.lemma in d.metric_nouns or t.lower in d.metric_nouns) \
            and toks[k - 1].lower in d.demonstratives:
        return True
    bare = k + 1 >= len(toks) or toks[k + 1].lower.replace("’", "'") not in grammar().de_links
    owned = toks[k - 1].lower in d.possessives or (
        # "700 000 réfugiés, dont le nombre devrait atteindre 1 million": "dont le" owns
        k >= 2 and toks[k - 1].lower.replace("’", "'") in d.definite_articles
        and toks[k - 2].lower in d.relative_possessives)
    return bare and owned \
        and (t.lemma in d.possessive_metric_nouns or t.lower in d.possessive_metric_nouns)


def definite_metric(toks: tuple[Tok, ...], k: int | None) -> bool:
    """ "Le chiffre était de 5,2 % en 2022", "La veille, le bilan était de 8": a general metric
    noun after a definite article (or an indefinite one opening the sentence: "Un niveau
    inédit depuis 2015, contre 42 000 en 2022"), with no complement (adjectives aside: "le
    bilan provisoire"), heading the clause of the figure. It names no metric of its own but
    the one the sentences before gave a figure of ("le bilan de l'attaque", "le nombre de
    morts" name theirs)."""
    if k is None or k == 0:
        return False
    d = anaphora_data()
    t = toks[k]
    if t.lemma not in d.definite_metric_nouns and t.lower not in d.definite_metric_nouns:
        return False
    article = toks[k - 1].lower.replace("’", "'")
    # "Un montant légèrement supérieur à celui de l'an passé (1,7 milliard)", "Un niveau
    # inédit depuis 2015": an indefinite one opening the sentence restates the one before.
    if article not in d.definite_articles and not (k == 1 and article in d.indefinite_articles):
        return False
    j = k + 1
    while j < len(toks) and toks[j].pos == "ADJ":
        j += 1
    return j >= len(toks) or toks[j].lower.replace("’", "'") not in grammar().de_links


def definite_antecedent(last: list[tuple[float | None, Kind, Context]], kind: Kind,
                        any_kind: bool) -> Context | None:
    """What a general noun with a definite article takes up ("Un an plus tôt, le chiffre
    était de 7,1 %"), among the figures of the sentence before (``last``: value, kind,
    context): the first of the same ``kind`` (its main metric, not an aside's part: "1,9
    milliard (1,3 de fonctionnement et 500 millions d'investissement)"), of any kind for a
    change (``any_kind``: "Le chiffre est en baisse de 2 %"); never a noun of change or
    another general noun."""
    general = subject_data().change_nouns | anaphora_data().definite_metric_nouns
    return next((c for _, k, c in last if (any_kind or k == kind) and c.subject not in general),
                None)


def restated_metric(toks: tuple[Tok, ...], k: int | None) -> bool:
    """A metric noun with no complement ("un chiffre en baisse de 14 %", "ce montant"): it
    restates a figure read elsewhere rather than naming what is measured."""
    if k is None:
        return False
    t = toks[k]
    if t.lemma not in anaphora_data().metric_nouns and t.lower not in anaphora_data().metric_nouns:
        return False
    return k + 1 >= len(toks) or toks[k + 1].lower.replace("’", "'") not in grammar().de_links


def demonstrative_figure(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """ "Ces 60 milliards": a demonstrative right before the figure, not in a complement ("le
    transfert de ces 60 milliards" is the transfer)."""
    j = fig.first - 1
    if j < 0 or toks[j].lower not in anaphora_data().demonstratives:
        return False
    return j == 0 or toks[j - 1].lower.replace("’", "'") not in grammar().de_links


def restated_figure(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """ "Les 26,3 Mt annoncées par X constituent ...": a definite article opening the sentence
    right before a figure without a noun restates a figure of that value read before."""
    return fig.first == 1 and toks[0].lower.replace("’", "'") in anaphora_data().definite_articles


def pronoun_subject(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether the figure completes a verb of level whose subject is "il"/"elle" ("elle
    atteint 153,6 %", "Elle atteint ou dépasse même les 200 %", "Il se monte à")."""
    return _level_pronoun(toks, fig) in anaphora_data().pronouns


def subject_pronoun_between(toks: tuple[Tok, ...], k: int, v: int) -> bool:
    """Whether a subject pronoun "il"/"elle"/"ils"/"elles" stands between a noun ``k`` and
    the verb ``v`` after it, so that the noun is no subject of that verb ("Lors des
    législatives, elle avait grimpé"); not a pronoun that agrees with the noun in gender and
    number, which takes up a fronted topic ("Concernant les chefs d'établissement, ils sont
    30 %"), nor one set between commas ("La dette, elle, a grimpé")."""
    pronouns = anaphora_data().pronouns
    for j in range(k + 1, v):
        p = toks[j]
        if p.lower in pronouns and p.pos == "PRON":
            restating = toks[j - 1].text == "," and j + 1 < len(toks) and toks[j + 1].text == ","
            n = toks[k]
            agrees = (not n.gender or not p.gender or n.gender == p.gender) \
                and (not n.number or not p.number or n.number == p.number)
            return not restating and not agrees
    return False


def indefinite_subject(toks: tuple[Tok, ...], fig: Figure) -> bool:
    """Whether the figure completes a verb of level whose subject is the indefinite "on" of
    speech ("On est à 3,2 pour la seule finale"): the metric under discussion."""
    return _level_pronoun(toks, fig) in anaphora_data().indefinite_pronouns


def _level_pronoun(toks: tuple[Tok, ...], fig: Figure) -> str | None:
    """The pronoun subject of the verb of level the figure completes, lower-cased, if any."""
    d = anaphora_data()
    j = fig.first - 1
    while j >= 0 and (toks[j].pos in ("DET", "ADP", "ADV") or toks[j].lower in d.clitics
                      or toks[j].lower.replace("’", "'") in d.level_links
                      or restrictive_que(toks, j)):  # "elle n'avait atteint que 47,5 %"
        j -= 1
    seen = False
    while j >= 0 and (level_verb(toks, j) or toks[j].pos in ("AUX", "CCONJ", "ADV")
                      or toks[j].lower.replace("’", "'") in d.clitics):
        seen = seen or level_verb(toks, j)
        j -= 1
    return toks[j].lower if seen and j >= 0 else None
