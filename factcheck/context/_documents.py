"""A document with its author as the subject of a sentence ("Les chiffres du ministère
montrent", "Localement, les chiffres remontés par les autorités attestent"): the author
speaks; a document without author speaking alone ("L'enquête révèle"); the author of the
outlet's own document ("notre sondage réalisé par Ipsos"). Private to ``factcheck.context``
(used by ``source``)."""

from __future__ import annotations

from factcheck.context._clean_name import clean_name
from factcheck.context._forward_speaker import forward
from factcheck.context._quotes import OPEN_CLOSE
from factcheck.context._speech_words import speech_words
from factcheck.context.lexicon import SourceData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.speakers import NP_END, inverted, names_author

_OPENING = 10  # words of an opening phrase before the subject ("Localement, les chiffres")


def _after_opening(toks: tuple[Tok, ...]) -> int:
    """Index after an opening phrase closed by a comma, without a verb ("Localement,", "À 3,2 %
    en 2024 et 2025,"), else 0."""
    for k, t in enumerate(toks[: _OPENING + 1]):
        if t.text == ",":
            return k + 1
        if t.pos in ("VERB", "AUX") or t.text in NP_END:
            return 0
    return 0


def document_subject(toks: tuple[Tok, ...], data: SourceData) -> list[Tok] | None:
    """A document with its author as the sentence's subject: "Les premières prévisions
    d'Agreste, établies au 1er juillet, sont conformes", "Les chiffres du ministère montrent"
    -> the noun phrase, whose author :func:`clean_name` keeps."""
    for start in dict.fromkeys((0, _after_opening(toks))):
        np = _document_at(toks, start, data)
        if np:
            return np
    return None


def _document_at(toks: tuple[Tok, ...], start: int, data: SourceData) -> list[Tok] | None:
    k = start
    while k < len(toks) and (toks[k].pos == "DET" or toks[k].lower in grammar().source_articles
                             or (toks[k].pos == "ADJ" and toks[k].lower not in data.documents)):
        k += 1
    if k + 2 >= len(toks) or not (toks[k].lower in data.documents
                                  or toks[k].lemma in data.documents):
        return None
    link = k + 1
    if link + 2 < len(toks) and toks[link].pos == "VERB" and toks[link].verbform == "Part":
        link += 1  # "les chiffres remontés par les autorités"
    elif link + 3 < len(toks) and toks[link].lower in grammar().de and toks[link + 1].pos \
            == "NOUN" and not names_author(toks[link + 1 : link + 2], data):
        link += 2  # "les projections de croissance du FMI"
    if toks[link].lower not in grammar().document_links:
        return None
    end = link + 1
    while end < len(toks) and toks[end].text not in NP_END and toks[end].pos not in (
        "VERB", "AUX"
    ):
        end += 1
    author = [t for t in toks[link + 1 : end] if t.pos != "DET" and t.lower not in
              grammar().source_articles]
    if not author or not (author[0].is_title or author[0].lower in data.heads):
        return None  # "Le chiffre d'affaires de l'hébergement": no author
    return list(toks[start:end])


def titled_document(np: list[Tok], data: SourceData) -> str | None:
    """A text named by its complement after "selon", with no author: "selon le projet de loi
    de finances" -> "projet de loi de finances" (``titled_documents``); up to the first word
    that is no part of the title (a preposition but "de", a number, a verb, a punctuation)."""
    g = grammar()
    k = 0
    while k < len(np) and (np[k].pos in ("DET", "ADJ") or np[k].lower in g.source_articles):
        k += 1
    if k + 2 >= len(np) or not (np[k].lower in data.titled_documents
                                or np[k].lemma in data.titled_documents):
        return None
    if np[k + 1].lower not in g.de or np[k + 2].pos != "NOUN" or np[k + 2].is_title:
        return None  # "selon le rapport" or "selon le rapport de l'OMS": no title, or an author
    end = k + 1
    while end < len(np) and (np[end].pos in ("NOUN", "ADJ", "DET") or np[end].lower in g.de) \
            and np[end].text not in NP_END:
        end += 1
    while end > k + 1 and (np[end - 1].lower in g.de or np[end - 1].pos == "DET"):
        end -= 1
    words = np[k:end]
    return "".join(t.text + (" " if i + 1 < len(words) and t.end < words[i + 1].start else "")
                   for i, t in enumerate(words))


_TITLE_WORDS = 15  # words of a quoted title at most


def quoted_document(toks: tuple[Tok, ...], np: list[Tok], data: SourceData) -> str | None:
    """A document after "selon" named by its title in quotation marks, no author: "selon la
    dernière enquête « Cadre de vie et sécurité »" -> "enquête « Cadre de vie et sécurité »"
    (a document noun, ``documents``, then its adjectives, then a title opening with a capital
    and closed by its quotation mark). None when the quotation does not follow the noun, when
    the noun is a word of speech ("selon ses propres mots « … »", ``quotation_nouns``) or when
    the title's author follows it ("« … » publiée par la Dares", "« … » de la Fondation X":
    the author's, left to the other rules)."""
    head = next((t for t in np if t.lower in data.documents), None)
    if head is None or head.lower in data.quotation_nouns:
        return None
    k = head.i + 1
    while k < len(toks) and toks[k].pos == "ADJ" and toks[k].text not in OPEN_CLOSE:
        k += 1
    if k + 1 >= len(toks) or toks[k].text not in OPEN_CLOSE or not toks[k + 1].is_title:
        return None
    close = OPEN_CLOSE[toks[k].text]
    end = next((j for j in range(k + 2, min(len(toks), k + 2 + _TITLE_WORDS))
                if toks[j].text == close), None)
    if end is None or _author_after(toks, end + 1, data):
        return None
    words = [head, *toks[k : end + 1]]
    return "".join(t.text + (" " if i + 1 < len(words) and t.end < words[i + 1].start else "")
                   for i, t in enumerate(words))


def _author_after(toks: tuple[Tok, ...], k: int, data: SourceData) -> bool:
    """Whether the tokens from ``k`` name a title's author: a link ("de", "par",
    ``title_author_links``), maybe after a participle ("publiée par", "réalisé par")."""
    if k < len(toks) and toks[k].pos in {"VERB", "ADJ"} and toks[k].lower.endswith(
            ("é", "ée", "és", "ées", "it", "ite")):
        k += 1
    return k < len(toks) and toks[k].lower.replace("’", "'") in data.title_author_links


def document_alone(toks: tuple[Tok, ...], fig: Figure, data: SourceData) -> list[Tok] | None:
    """A document without author as the subject of a verb of speech states the figure
    itself: "L'enquête révèle un détournement de 4 millions", "..., estime l'étude" -> the
    document ("enquête", "étude"), a kind of source that ties no figure across articles."""
    np = inverted(toks, fig.last, data) or forward(toks, fig.first, data)
    if not np:
        return None
    g = grammar()
    words = [t for t in np if t.pos not in ("DET", "ADJ") and t.lower not in g.source_articles]
    if len(words) != 1 or not (words[0].lower in data.documents
                               or words[0].lemma in data.documents):
        return None
    if words[0].lower in data.not_sources:
        return None  # "Le bilan note que": a word that names nobody, the report's source holds
    return words


def made_by(np: list[Tok], data: SourceData) -> list[Tok] | None:
    """The author of an outlet's own document, written after a participle attaching it and
    "par" ("notre estimation réalisée par Ipsos pour France Télévisions" -> Ipsos: the
    pollster measures, the outlet commissions): the words from "par" on, else None ("nos
    informations": the outlet itself asserts)."""
    for j in range(1, len(np) - 2):
        if np[j].lower in data.document_verbs and np[j + 1].lower in grammar().agent_preps:
            author = np[j + 2 :]
            end = next((k for k, t in enumerate(author) if k and t.lower in data.agent_stops),
                       len(author))  # "... pour France Télévisions": whom it was made for
            return author[:end]
    return None


def authorless(np: list[Tok], data: SourceData) -> bool:
    """Whether the words after "selon" name a document with a determiner and no author: "le
    bilan publié mardi", "un rapport rendu public lundi", "son décompte", "ce bilan" (not "le
    rapport de la Cour des comptes", nor a titled text, "le projet de loi de finances")."""
    if not np or (np[0].pos != "DET" and np[0].lower not in grammar().source_articles):
        return False
    k = 0
    while k < len(np) and (np[k].pos in ("DET", "ADJ") or np[k].lower in
                           grammar().source_articles) and np[k].lower not in data.documents:
        k += 1
    if k >= len(np) or not (np[k].lower in data.documents or np[k].lemma in data.documents):
        return False
    return clean_name(np, data) is None and titled_document(np, data) is None


def turned_before(toks: tuple[Tok, ...], starts: list[int], start: int, end: int) -> bool:
    """Whether another figure and then a turn ("mais", "contre", "seulement", "alors que":
    ``clause_contrasts``, ``contrast_terms``, ``channel_turns``) come between tokens ``start``
    and ``end``: a "selon X" before them does not reach the figure at ``end`` ("Selon les
    syndicats, 12 000 personnes ont défilé, mais 4 500 seulement d'après le comptage")."""
    w = speech_words()
    turns = w.clause_contrasts | w.contrast_terms | w.channel_turns
    first = min((s for s in starts if start <= s < end), default=None)
    return first is not None and any(t.lower in turns for t in toks[first:end])
