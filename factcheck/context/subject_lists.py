"""Figures whose metric the layout or a named word gives rather than a noun next to them.

* a line of a list or table, "Label : N" with no noun after the figure: a bare plural noun as
  label names what is counted ("Sièges au total : 143", "Passagers à bord : 173"); any other
  label names an item of the list ("Renaissance : 98", "Habitat privé : 17 millions
  d'euros"), whose metric is the one carried from the lines before (an ellipsis);
* a scale named before the figure gives the noun it describes, "un séisme de magnitude 7,7"
  (the earthquake);
* the rows of a table under its title: a line without figures, short, with no final full stop
  ("Arrivées par la mer en Italie", "Tableau des médailles"), followed by lines of figures
  that name no metric ("Janvier", "5 273"; "Japon : 68 en or"), gives its head noun to their
  figures, until a sentence of prose. Here: what a row, a list's item or a rank is
  (:func:`is_row`, :func:`list_item`, :func:`opens_rank`); the titles and list openers
  themselves are read in :mod:`._table_titles`.

Not read as metrics (taken back twice, after review): a verb ("pourrait coûter 3 millions",
"contrôlé à 45 %"), a participle of use ("12 millions investis") or a poll score ("Bardella à
33 %"): each put a general metric (coût, contrôle, investissement, intention de vote) in place
of the thing, the project, the fire or the candidate, and two projects' costs or two
candidates' scores then contradicted each other.

Words in ``context_subject.toml`` ``[named_metrics]``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from factcheck.context.known_places import known_places
from factcheck.context.lexicon import SubjectData, grammar, subject_data
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import MAX_LABEL_WORDS, lemma_of, unwrap_container
from factcheck.context.world import world_data
from factcheck.lang import load_data
from factcheck.models import Claim, Context, Kind, Mention

#: Tokens a label may hold before its colon ("Lutte contre les îlots de chaleur, Paris Frais").
MAX_LINE_LABEL = 12


@dataclass(frozen=True, slots=True)
class NamedMetricData:
    bullets: frozenset[str]  # marks opening a line of a list ("-", "•")
    plural_endings: tuple[str, ...]  # a label noun in the plural ("Sièges", "Blessés")
    label_totals: frozenset[str]  # "Sièges total :": a metric even when tagged a name
    scale_nouns: frozenset[str]  # "de magnitude 7,7": a scale named before the figure
    heading_wrappers: frozenset[str]  # "Tableau des médailles": a title naming what it lists
    heading_links: frozenset[str]  # "Le point sur les chiffres": links besides "de"
    heading_openers: frozenset[str]  # "Voici les chiffres de": words before what is named
    total_openers: tuple[str, ...]  # "Au total, 200 000 manifestants": the parts' noun


@cache
def named_metric_data(code: str = "fr") -> NamedMetricData:
    d = load_data(code, "context_subject")["named_metrics"]
    return NamedMetricData(
        bullets=frozenset(d["bullets"]),
        plural_endings=tuple(d["plural_endings"]),
        label_totals=frozenset(d["label_totals"]),
        scale_nouns=frozenset(d["scale_nouns"]),
        heading_wrappers=frozenset(d["heading_wrappers"]),
        heading_links=frozenset(d["heading_links"]),
        heading_openers=frozenset(d["heading_openers"]),
        total_openers=tuple(d["total_openers"]),
    )


def line_label(toks: tuple[Tok, ...], fig: Figure) -> tuple[int, int, bool] | None:
    """The label of a line "Label : N", as a token range, when the figure opens its value
    right after the colon ("- Renaissance : 98", "• Logement social : 100 millions"), and
    whether the line is one of a list (a bullet or a line break before it)."""
    if fig.first < 2 or toks[fig.first - 1].text != ":":
        return None
    bullets = named_metric_data().bullets
    colon = fig.first - 1
    start = next((j + 1 for j in range(colon - 1, -1, -1)
                  if toks[j].pos == "SPACE" and "\n" in toks[j].text), 0)  # the line's start
    bulleted = start > 0
    while start < colon and toks[start].text in bullets:
        start, bulleted = start + 1, True
    if start + 2 < colon and ENUMERATOR.fullmatch(toks[start].text + toks[start + 1].text):
        start, bulleted = start + 2, True  # "2. Japon : 68": a ranked list
    if start >= colon or colon - start > MAX_LINE_LABEL or not toks[start].is_title:
        return None
    if any(t.pos == "NUM" or t.text == ":" for t in toks[start:colon]):
        return None  # "300 hectares d'espaces verts : plus de 100 millions": a figure's line
    if not bulleted and (colon - start > MAX_LABEL_WORDS or any(
            t.pos in ("VERB", "AUX", "DET") for t in toks[start:colon])):
        return None  # "Le taux le plus haut concernait les professeurs : 9,5 % n'ont pas"
    return start, colon, bulleted


def label_metric(toks: tuple[Tok, ...], label: tuple[int, int, bool],
                 data: SubjectData) -> int | None:
    """The noun a line's label names as what is counted: a bare plural noun opening the label
    ("Blessés graves : 12", "Sièges au total : 143"), not a name or an item ("Les
    Républicains", "Divers droite", "Horizons", "Nantes")."""
    d = named_metric_data()
    j, end, _ = label
    t = toks[j]
    if not t.lower.endswith(d.plural_endings) or t.lower in data.not_subjects:
        return None
    if known_places(t.text) or t.lower in world_data().actor_names:
        return None  # "Nantes : 65 000 (CGT)": a place's line of a tally
    # Tagged as a name, a capitalised plural is a noun when lowercase words qualify it
    # ("Blessés graves", "Sièges total"), not alone ("Horizons").
    described = any(x.is_word and not x.is_title for x in toks[j + 1:end])
    if t.pos != "NOUN" and not (t.pos == "PROPN" and described) \
            and t.lower not in data.people_participles and not counted_noun(t.lower):
        return None  # ("Blessés : 40", "Décès : 1", tagged as names, count what they say)
    return unwrap_container(toks, j, data)  # "Nombre de morts : 12"


def named_metric(
    toks: tuple[Tok, ...], fig: Figure, data: SubjectData
) -> tuple[str | None, int | None, str] | None:
    """What the layout or a word names as the metric of a figure with no noun after it:
    ``(subject, noun index, rule)``; a ``None`` subject with rule ``line_item`` for an item of
    a list, whose metric is carried from the line before (an ellipsis)."""
    if fig.mention.kind == Kind.ORDINAL:
        return None  # "Nahel : troisième nuit": a rank names its own noun
    if (label := line_label(toks, fig)) is not None:
        if fig.mention.kind == Kind.COUNT and (k := label_metric(toks, label, data)) is not None:
            return lemma_of(toks[k], data), k, "line_label"
        # An item of a list carries the metric of the lines before; a line labelled by a
        # name ("Comité olympique russe : 41 en or", "Le Havre : 40 000") the figure before
        # (an ellipsis): a team or a town is never what is counted; a single line keeps its
        # label's noun as the clause's ("Aide militaire : 3,4 milliards").
        if label[2]:
            return None, None, "line_item"
        return (None, None, "ellipsis") if name_label(toks, label) else None
    j = fig.first - 1
    if j >= 1 and toks[j].lower in grammar().de_links:
        j -= 1  # "de magnitudes de 5,5"
    if j >= 0 and toks[j].lower in named_metric_data().scale_nouns:
        # "un séisme de magnitude 7,7": the figure describes the earthquake, measured on the
        # scale (its unit); with no noun before the scale ("une magnitude de 6,1"), the scale.
        k = j - 1
        if k >= 1 and toks[k].lower in grammar().de_links and toks[k - 1].pos == "NOUN":
            return lemma_of(toks[k - 1], data), k - 1, "scale_noun"
        return lemma_of(toks[j], data), j, "scale_noun"
    return None


#: Kinds of the bare counts a total names (not dates, years or ranks).
_PART_KINDS = frozenset({Kind.COUNT, Kind.MONEY, Kind.QUANTITY})

#: Ends of a sentence of prose (a table's title has none: ``_table_titles.read_gap``).
PROSE_ENDS = (".", "!", "?", "…", "»", '"')
#: "1." opening a ranked line (also a rank cut off its row: ``_table_titles.read_gap``).
ENUMERATOR = re.compile(r"\d{1,3}[.)]")
_ENUMERATOR_OPEN = re.compile(r"\s*(?:\d{1,3}[.)]\s+)?")


def is_row(text: str, start: int, sentence: str) -> bool:
    """Whether a sentence with figures is a row of a table: a line of its own with no final
    full stop ("5 273", "Japon : 68 en or (125)"), not a rank opening a line ("1.")."""
    stripped = sentence.strip()
    line_start = text.rfind("\n", 0, start) + 1
    if not _ENUMERATOR_OPEN.fullmatch(text[line_start:start]):
        return False  # within a line; a rank opening the line is no part of it ("5. Japon")
    return not ENUMERATOR.fullmatch(stripped) and not is_prose(sentence)


def list_item(text: str, start: int, toks: tuple[Tok, ...]) -> bool:
    """Whether the sentence at ``start`` is an item of a list: a line of its own opened by a
    bullet ("- 4 ont été condamnés à neuf ans de prison."), prose or not."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(toks) \
        and toks[0].text in named_metric_data().bullets


def names_nothing(toks: tuple[Tok, ...], figs: list[Figure]) -> bool:
    """Whether a row's figures stand alone, with no word after the first one but other
    figures and brackets ("5 273", "Catégorie A 42 489 44 371", "481 (route centrale)"): a
    word after it names what the row counts ("- 10 % de PIB en moins", "- 357 millions
    engagés"), and the table's title is then only a section's."""
    inside = {k for f in figs for k in range(f.first, f.last + 1)}
    depth = 0
    for k in range(figs[0].first, len(toks)):
        t = toks[k]
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and k not in inside and t.is_word:
            return False
    return True


def opens_rank(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``[start, end)`` of ``text`` is the rank opening a line ("5.
    Japon : 68"): it counts nothing, neither the line before's metric nor its table's."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end:end + 1] in (".", ")") \
        and (end + 1 >= len(text) or text[end + 1].isspace())


def is_prose(sentence: str) -> bool:
    """A sentence of prose: words closed by a full stop; a table's title stops there."""
    stripped = sentence.strip()
    return stripped.endswith(PROSE_ENDS) and len(re.findall(r"\w+", stripped)) >= 3


def name_label(toks: tuple[Tok, ...], label: tuple[int, int, bool]) -> bool:
    """Whether a line's label is a name: every word capitalised but the particles of names
    ("Comité Olympique Russe", "Le Havre", "Clermont Ferrand"), a lone word only when tagged
    a name or a known place ("Japon", "Nantes"; not "Objectif")."""
    g = grammar()
    words = [t for t in toks[label[0]:label[1]] if t.is_word]
    if not words or words[0].lower in subject_data().people_participles \
            or counted_noun(words[0].lower) \
            or label_metric(toks, label, subject_data()) is not None:
        return False  # "Blessés : 40", "Décès : 2": what the line counts
    if len(words) == 1 and words[0].pos != "PROPN" and not known_places(words[0].text):
        return False  # "Objectif : 3 000": a common noun opening the line, capitalised
    return all(
        t.is_title or t.lower.replace("’", "'") in g.de_links or t.lower in g.articles_after_de
        for t in words)


def counted_noun(word: str) -> bool:
    """Whether a label word is a noun the categories count ("décès", "morts", "victimes"),
    whatever the tagger reads a capitalised word as."""
    subjects = _category_subjects()
    return word in subjects or (word[-1:] in ("s", "x") and word[:-1] in subjects)


@cache
def _category_subjects() -> frozenset[str]:
    return frozenset(x for c in world_data().categories for x in c.subjects)


def same_order(m: Mention, figures: list[tuple[float | None, Kind, Context]]) -> Context | None:
    """The last figure of the sentence before of the kind and order of size of a bare figure
    opening its sentence: "… 66 millions d'habitants … dans cinq départements. 63,9 millions
    vivent en métropole" continues the inhabitants, not the departments."""
    if not m.value:
        return None
    for value, kind, c in reversed(figures):
        if kind == m.kind and value and 0.1 <= abs(m.value / value) <= 10:
            return c
    return None


def other_kind(m: Mention, figures: list[tuple[float | None, Kind, Context]],
               metrics: list[tuple[float | None, Context]], carried: Context | None
               ) -> Context | None:
    """What a bare amount opening its sentence continues when the sentence before counts
    only things of another kind ("les 183 élus régionaux ont adopté le budget. 3,5 milliards
    d'euros pour ..."): an amount of money is no count of people; it restates the earlier
    figure of its value (the headline's "budget de 3,5 milliards d'euros"), else nothing."""
    if m.kind is not Kind.MONEY or not m.value or not figures \
            or any(kind is Kind.MONEY for _, kind, _ in figures) \
            or not any(kind is Kind.COUNT for _, kind, _ in figures):
        return carried
    return restated(m.value, metrics)


def restated(value: float | None, metrics: list[tuple[float | None, Context]]
             ) -> Context | None:
    """The latest figure read of ``value`` that has a subject (``ArticleState.metrics``), the
    one a bare restatement of that value takes up ("Les 26,3 Mt annoncées par X")."""
    return next((c for v, c in reversed(metrics) if v == value and c.subject), None)


def named_by_total(text: str, claims: Sequence[Claim], contexts: list[Context | None]) -> None:
    """Bare counts of a sentence ("50 000 à Paris, 13 000 à Lyon, 8000 à Marseille") count
    what the next sentence's total counts when that one follows right after, opens with a
    total ("Au total, plus de 200 000 manifestants", ``total_openers``) and is larger than
    each of them; without a source of their own, they take the total's (``contexts`` updated
    in place)."""
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        by_sentence.setdefault(c.sentence_start, []).append(i)
    starts = sorted(by_sentence)
    openers = named_metric_data().total_openers
    for a, b in pairwise(starts):
        parts = [i for i in by_sentence[a] if claims[i].mention.kind in _PART_KINDS]
        if len(parts) < 2 or any(contexts[i] is None or contexts[i].subject for i in parts) \
                or len({claims[i].mention.kind for i in parts}) != 1:
            continue
        end = a + len(claims[parts[0]].sentence)
        head = claims[by_sentence[b][0]].sentence.lower().lstrip()
        if text[end:b].strip() or not head.startswith(openers):
            continue
        kind = claims[parts[0]].mention.kind
        total = next((i for i in sorted(by_sentence[b], key=lambda i: claims[i].mention.start)
                      if claims[i].mention.kind == kind), None)
        whole = contexts[total] if total is not None else None
        value = claims[total].mention.value if total is not None else None
        if whole is None or not whole.subject or not value or any(
                (claims[i].mention.value or 0) >= value for i in parts):
            continue
        for i in parts:
            ctx = contexts[i]
            if ctx is None:
                continue
            ctx = replace(ctx, subject=whole.subject, qualifiers=whole.qualifiers,
                          category=whole.category)
            if ctx.source is None and whole.source:
                # "[...]. Au total, 6 000 grévistes selon la CGT": the parts are the CGT's too.
                ctx = replace(ctx, source=whole.source, source_mode="inherited")
            contexts[i] = ctx


def in_total_opener(toks: tuple[Tok, ...], j: int) -> bool:
    """Whether token ``j`` ends an adverbial opener of a total ("Au total, 310 suspects",
    "En tout, 40 blessés"; ``total_openers``) heading its clause: no noun counted before
    the figure, never its metric."""
    for opener in named_metric_data().total_openers:
        words = opener.split()
        i = j - len(words) + 1
        if i < 0 or [t.lower for t in toks[i : j + 1]] != words:
            continue
        if i == 0 or toks[i - 1].pos == "PUNCT":
            return True
    return False
