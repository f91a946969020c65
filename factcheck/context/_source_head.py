"""What may be a source: a person, a body, an outlet or a document (issue 12). Private to
``factcheck.context`` (:func:`factcheck.context._clean_name.clean_name` calls it on the words
it kept).

* :func:`drop_openers`: a conjunction opening the clause before its subject ("Si la
  préfecture a annoncé") is no part of the name;
* :func:`after_glued_line`: two lines glued without their break ("à travers la FranceLa
  préfecture de police"): the source is in the second line;
* :func:`has_source_head`: the words' head is a name (a capitalised word that is no
  conjunction, preposition or number) or a lower-case noun naming a body, a role, people,
  an outlet or a document (``heads``, ``roles``, ``descriptions``, ``titles``,
  ``documents`` and ``source_heads`` of ``context_source.toml``); anything else ("la
  migration masculine", "deux catégories", "les victoires des handballeurs") is a piece of
  the sentence.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Tok
from factcheck.lang import load_data

# A lower-case letter glued to a capitalised article: the break between two lines lost
# ("FranceLa préfecture"), not a name's inner capital ("LaLiga", "BlaBlaCar").
_GLUED = re.compile(r"[a-zà-ÿ]{2}(?=(?:La|Le|Les|L['’]|Un|Une|Des|Selon|D['’]après)$)")
# Parts of speech that never open a name, even capitalised at a sentence's start.
_NOT_NAME_POS = frozenset({"ADP", "SCONJ", "CCONJ", "NUM", "VERB", "AUX", "PRON", "ADV"})


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str],
                      frozenset[str]]:
    src = load_data("fr", "context_source")
    res = src.get("resolution", {})
    more = src.get("attribution_more", {})
    heads = {w.lower() for key in ("heads", "roles", "source_heads") for w in res.get(key, [])}
    heads |= {d.lower().split()[0] for d in res.get("descriptions", [])}
    openers = frozenset(w.lower() for w in more.get("name_openers", []))
    endings = tuple(w.lower() for w in res.get("source_head_endings", []))
    cardinals = frozenset(w.lower() for w in load_data("fr", "numbers").get("cardinals", []))
    parts = frozenset(w.lower() for w in res.get("part_markers", []))
    return frozenset(heads), openers, endings, cardinals, parts


def _a_part_of(toks: list[Tok]) -> bool:
    """ "Sept des vingt-deux communes": a number of a set opening the words."""
    cardinals = _lists()[3]
    return len(toks) > 1 and all(p in cardinals for p in toks[0].lower.split("-")) \
        and toks[1].lower in _lists()[4]


def drop_openers(toks: list[Tok]) -> list[Tok]:
    """ "Si la préfecture a annoncé": the conjunction before the subject dropped; so are an
    adverb after its preposition ("en outre Santé publique France") and a single-word
    addressee before the speaker's noun phrase ("à l'AFP des sources gouvernementales")."""
    openers = _lists()[1]
    addressee = grammar().addressee_preps
    while len(toks) > 1:
        if toks[0].lower in openers:
            toks = toks[1:]
        elif toks[0].pos == "ADP" and toks[1].pos == "ADV" and not toks[1].is_title:
            toks = toks[2:]  # "en outre"
        elif toks[0].lower in addressee:
            k = 1
            while k < len(toks) and toks[k].pos == "DET":
                k += 1
            if k + 1 < len(toks) and toks[k].is_title and toks[k + 1].pos == "DET":
                toks = toks[k + 1 :]
            else:
                break
        else:
            break
    return toks


def after_glued_line(toks: list[Tok]) -> list[Tok]:
    """The words after a lost line break: a token ending with a capitalised article or cue
    glued to the end of a word ("FranceLa") opens the second line's phrase."""
    for k in range(len(toks) - 1, -1, -1):
        m = _GLUED.search(toks[k].text)
        if m and k + 1 < len(toks):
            return toks[k + 1 :]
    return toks


def has_source_head(toks: list[Tok], data: SourceData) -> bool:
    """Whether the words name a person, a body, an outlet or a document (see the module)."""
    if not toks:
        return False
    if _a_part_of(toks):
        return False  # "Huit des trente-quatre communes": a number counting what follows
    if toks[0].is_title:  # "En attendant", "À travers": a circumstance, no name
        return toks[0].pos not in ("ADP", "SCONJ", "CCONJ")
    g = grammar()
    heads, _, endings, _, _ = _lists()
    for k, t in enumerate(toks):
        if t.is_title:
            return True  # "quotidien madrilène AS": an outlet's name after its kind
        low = t.lower.removeprefix("ex-")
        if t.pos == "DET" or low in g.source_articles:
            continue
        if low in heads or t.lemma in heads or low in data.heads or low in data.titles \
                or low in data.documents or t.lemma in data.documents:
            return True
        if t.pos == "NOUN" and low.endswith(endings):
            return True  # "épidémiologistes", "enquêteurs", "représentants": people
        if t.pos in ("ADJ", "NUM"):
            continue  # "le principal syndicat", "trois instituts de sondage"
        # "le dernier bulletin de Santé publique France": a body named after the noun
        return any(x.is_title for x in toks[k + 1 :])
    return False
