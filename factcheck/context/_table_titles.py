"""The titles of tables and the openers of lists: the lines without figures that name what
the rows or items below them count (see :mod:`.subject_lists` for the rows themselves).

* a table's title: a line without figures, short, with no final full stop ("Arrivées par la
  mer en Italie", "Tableau des médailles"), read between two sentences with figures
  (:func:`read_gap`, :func:`table_titles`); column headers (one or two words a line,
  "Décès") and notes ("(Source : …)", "Source : Insee") are no title;
* a list's opener: such a line ending with a colon, up to :data:`MAX_OPENER_WORDS` words
  ("Voici le nombre de noyades recensées depuis janvier :", :func:`opens_list`);
* the noun either names (:func:`heading_metric`).

Words in ``context_subject.toml`` ``[named_metrics]``."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.context.known_places import known_places
from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Tok
from factcheck.context.parallels import scope_opener_noun
from factcheck.context.phrases import lemma_of, subject_at
from factcheck.context.subject_lists import ENUMERATOR, PROSE_ENDS, named_metric_data
from factcheck.context.world import world_data
from factcheck.models import Article, Claim

#: Parts of speech that never head a title's noun phrase ("Selon la police :", "Parmi eux :";
#: a title's first noun may be tagged a verb: "Arrivées par la mer").
_NOT_HEADS = frozenset({"ADP", "ADV", "PRON", "SCONJ", "CCONJ", "DET", "AUX", "NUM"})

#: Words a table's title holds at least (shorter lines are column or row labels: "Décès",
#: "Pays d'arrivée") and at most (longer ones are prose).
MIN_HEADING_WORDS, MAX_HEADING_WORDS = 3, 12
#: Words a list's opener holds at most: a line without figures ending with a colon that names
#: the metric of the items below it ("Voici le nombre de noyades recensées par l'ONG depuis
#: janvier :") may be longer than a table's title.
MAX_OPENER_WORDS = 20


@dataclass(frozen=True, slots=True)
class GapReading:
    """What the lines without figures between two sentences with figures say of a table."""

    heading: tuple[int, str] | None  # offset in the gap and text of a table's title line
    breaks: bool  # a title or prose: the title read before no longer holds


def read_gap(gap: str) -> GapReading:
    """The last title line of ``gap`` after any prose line in it ("Arrivées par la mer en
    Italie"), and whether a title read earlier stops holding there."""
    heading, breaks, offset = None, False, 0
    for line in gap.split("\n"):
        text, at = line.strip(), offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
        words = len(text.split())
        if not text or ENUMERATOR.fullmatch(text):
            continue  # a rank cut off its row ("2.") is no prose
        if text.endswith(PROSE_ENDS) or (words > MAX_HEADING_WORDS
                                          and not opens_list(text, words)):
            heading, breaks = None, True  # prose
        elif text.startswith("(") or ":" in text.rstrip(":") or words < MIN_HEADING_WORDS:
            continue  # a note ("(Source : …)"), a label line, a column or row label
        elif text[0].isupper():
            heading, breaks = (at, text), True
    return GapReading(heading, breaks)


def opens_list(text: str, words: int) -> bool:
    """Whether a line without figures opens a list ("Voici le nombre de noyades recensées par
    l'ONG depuis janvier :"): it ends with a colon and holds no digit nor more than
    :data:`MAX_OPENER_WORDS` words."""
    return text.endswith(":") and words <= MAX_OPENER_WORDS \
        and not any(c.isdigit() for c in text)


def heading_metric(toks: tuple[Tok, ...], data: SubjectData, *,
                   nouns_only: bool = False) -> str | None:
    """The noun opening a table's title ("Arrivées par la mer en Italie" -> arrivée; "Tableau
    des médailles" -> médaille; "Nombre de blessés par région" -> blessé; "Le point sur les
    chiffres des manifestants" -> manifestant), or None for a name or a place ("Italie",
    "Martinique")."""
    d, g = named_metric_data(), grammar()
    if any(t.pos in ("VERB", "AUX") and t.verbform == "Fin" and t.lower not in d.heading_openers
           for t in toks):
        return None  # a clause ("Les projets répondent aux normes :"): a sentence, no title
    if (k := scope_opener_noun(toks, data)) is not None:
        return subject_at(toks, k, data)  # "Pour les autres accusés :", "Parmi les blessés :"
    k = 0
    while k < len(toks) and toks[k].lower in d.heading_openers:
        k += 1  # "Voici les chiffres des manifestants"
    while k < len(toks) and toks[k].lower in data.determiners:
        k += 1
    while k < len(toks) and (lemma_of(toks[k], data) in d.heading_wrappers
                             or lemma_of(toks[k], data) in data.containers):
        j = k + 1
        while j < len(toks) and toks[j].pos == "ADJ":
            j += 1
        if j >= len(toks) or (toks[j].lower not in g.de_links
                              and toks[j].lower not in d.heading_links):
            return None  # "Comparaison janvier-décembre": names no thing
        j += 1
        while j < len(toks) and (toks[j].lower in g.articles_after_de
                                 or toks[j].lower in data.determiners):
            j += 1
        k = j
    if k >= len(toks):
        return None
    t = toks[k]
    if not t.is_word or t.pos == "PROPN" or not t.text[1:].islower() \
            or t.lower in data.not_subjects or known_places(t.text) \
            or t.lower in world_data().actor_names or (nouns_only and t.pos != "NOUN") \
            or t.pos in _NOT_HEADS:
        return None  # a name ("SlideShare", "Italie"), a month, a place, "Selon la police :"
    return subject_at(toks, k, data)


def table_titles(
    article: Article, claims: list[Claim], texts: list[str]
) -> dict[int, tuple[bool, int | None]]:
    """For each sentence with figures, what the lines without figures before it say of a
    table: whether a title read earlier stops holding, and the index in ``texts`` of a new
    title line (appended to ``texts`` to be parsed)."""
    out: dict[int, tuple[bool, int | None]] = {}
    end = 0  # a title before the first figures is the page's or the article's
    for start in sorted({c.sentence_start for c in claims}):
        reading = read_gap(article.text[end:start]) if start > end > 0 else None
        if reading is not None and reading.breaks:
            title = None
            if reading.heading is not None:
                title = len(texts)
                texts.append(reading.heading[1])
            out[start] = (True, title)
        sentence = next(c.sentence for c in claims if c.sentence_start == start)
        end = max(end, start + len(sentence))
    return out
