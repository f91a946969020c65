"""A place inside a body's own name: "la Direction générale des étrangers en France (DGEF)",
"l'Office des migrations en Suisse". The words that end a source (``stops`` of
``[attribution]``: "en") otherwise cut such a name short, as if the place said where
the body spoke ("la CGT en Bretagne", "le préfet, à Lyon"). Private to
``factcheck.context`` (``_clean_name``, ``speakers`` and ``resolution``)."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import grammar
from factcheck.context.nlp import Tok
from factcheck.context.world import world_data


def place_in_name(toks: Sequence[Tok], start: int, j: int) -> int:
    """Index past the place that the preposition at ``j`` brings into the body's name begun
    at ``start``; ``j`` when it brings none. The name opens with a head of
    ``place_named_heads`` ("Direction", "Office") followed by words of its own before the
    preposition, with no comma nor verb between (then the place says where it acted); the
    preposition is followed by a known place, glued words only ("Nouvelle-Aquitaine"). The
    head is capitalised, or an acronym in brackets right after the place confirms the full
    name ("la direction générale des étrangers en France (DGEF)")."""
    w = speech_words()
    if j + 1 >= len(toks) or toks[j].lower not in w.name_place_preps:
        return j
    g = grammar()
    h = start
    while h < j and (toks[h].pos == "DET" or toks[h].lower in g.source_articles):
        h += 1
    if h >= j - 1:
        return j  # the head alone before the place: "l'agence en France"
    head = toks[h]
    if not _named_head(head.text, head.lemma):
        return j
    if any(t.text == "," or (t.pos in ("VERB", "AUX") and not t.is_title)
           for t in toks[h + 1 : j]):
        return j
    if not toks[j + 1].is_title:
        return j
    k = next((e for e in range(min(len(toks), j + 6), j + 1, -1)  # the longest known place
              if _known_place(_text(toks[j + 1 : e]))), j)  # "Côte d'Ivoire", "Nouvelle-Aquitaine"
    if k == j:
        return j
    acronym = k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" \
        and toks[k + 1].text.isupper()
    return k if head.is_title or acronym else j


def place_ends_name(words: list[str], i: int) -> bool:
    """Whether the word at ``i`` of a source's text brings the place of the body's own name:
    the place closes the name, or an acronym in brackets follows it ("Direction générale des
    étrangers en France (DGEF) du ministère"); the words of :func:`place_in_name`, read on a
    name already cut."""
    if not i < len(words) - 1 or words[i].lower() not in speech_words().name_place_preps:
        return False
    h, head = _head_word(words)
    if i < h + 2 or not _named_head(head) or not head[:1].isupper():
        return False  # the head alone before the place, or no head of a named body
    if any(x.endswith(",") for x in words[:i]):
        return False
    rest = words[i + 1 :]
    for n in range(min(len(rest), 4), 0, -1):  # the longest known place after the preposition
        if _known_place(" ".join(rest[:n])):
            after = rest[n:]  # nothing, or an acronym then the body's complement ("du ministère")
            return not after or (after[0].startswith("(") and after[0].endswith(")")
                                 and after[0][1:-1].isupper())
    return False


def _head_word(words: list[str]) -> tuple[int, str]:
    """The index and the text of the first word of a name that is no article, the article
    an elided one glues to it taken off ("L'Office" -> "Office")."""
    articles = grammar().source_articles
    elided = tuple(a for a in articles if a[-1:] in "'’")
    for h, word in enumerate(words):
        if word.lower() in articles:
            continue
        glued = next((a for a in elided if word.lower().startswith(a) and len(word) > len(a)), "")
        return h, word[len(glued) :]
    return len(words), ""


def _named_head(word: str, lemma: str = "") -> bool:
    """Whether ``word`` (its ``lemma`` when the parser gives one) is a head of
    ``place_named_heads`` ("Direction"), in the plural too ("Directions", the lemma endings
    of ``lemma_suffixes``): the one head test of :func:`place_in_name` and
    :func:`place_ends_name`."""
    heads = speech_words().place_named_heads
    low = word.lower()
    if low in heads or lemma.lower() in heads:
        return True
    return any(low.endswith(end) and low[: len(low) - len(end)] + base in heads
               for end, base in grammar().lemma_suffixes)


def _known_place(name: str) -> bool:
    """A place of ``places.toml`` ("France", "Nouvelle-Aquitaine")."""
    world = world_data()
    return name.lower() in world.places or name in world.places_as_written


def _text(toks: Sequence[Tok]) -> str:
    """The words of ``toks`` as written: a space only where the text has one."""
    return "".join((" " if n and t.start > toks[n - 1].end else "") + t.text
                   for n, t in enumerate(toks))
