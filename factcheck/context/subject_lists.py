"""Figures whose metric the layout or a named word gives rather than a noun next to them.

* a line of a list or table, "Label : N" with no noun after the figure: a bare plural noun as
  label names what is counted ("Sièges au total : 143", "Passagers à bord : 173"); any other
  label names an item of the list ("Renaissance : 98", "Habitat privé : 17 millions
  d'euros"), whose metric is the one carried from the lines before (an ellipsis);
* a scale named before the figure gives the noun it describes, "un séisme de magnitude 7,7"
  (the earthquake).

Not read as metrics (taken back twice, after review): a verb ("pourrait coûter 3 millions",
"contrôlé à 45 %"), a participle of use ("12 millions investis") or a poll score ("Bardella à
33 %"): each put a general metric (coût, contrôle, investissement, intention de vote) in place
of the thing, the project, the fire or the candidate, and two projects' costs or two
candidates' scores then contradicted each other.

Words in ``context_subject.toml`` ``[named_metrics]``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from factcheck.context.lexicon import SubjectData, grammar
from factcheck.context.nlp import Figure, Tok
from factcheck.context.phrases import MAX_LABEL_WORDS, lemma_of, unwrap_container
from factcheck.context.where import known_places
from factcheck.context.world import world_data
from factcheck.lang import load_data
from factcheck.models import Kind

#: Tokens a label may hold before its colon ("Lutte contre les îlots de chaleur, Paris Frais").
MAX_LINE_LABEL = 12


@dataclass(frozen=True, slots=True)
class NamedMetricData:
    bullets: frozenset[str]  # marks opening a line of a list ("-", "•")
    plural_endings: tuple[str, ...]  # a label noun in the plural ("Sièges", "Blessés")
    label_totals: frozenset[str]  # "Sièges total :": a metric even when tagged a name
    scale_nouns: frozenset[str]  # "de magnitude 7,7": a scale named before the figure


@cache
def named_metric_data(code: str = "fr") -> NamedMetricData:
    d = load_data(code, "context_subject")["named_metrics"]
    return NamedMetricData(
        bullets=frozenset(d["bullets"]),
        plural_endings=tuple(d["plural_endings"]),
        label_totals=frozenset(d["label_totals"]),
        scale_nouns=frozenset(d["scale_nouns"]),
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
            and t.lower not in data.people_participles and not _counted_noun(t.lower):
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
        # An item of a list carries the metric of the lines before; a single line keeps
        # its label's noun as the clause's ("Aide militaire : 3,4 milliards").
        return (None, None, "line_item") if label[2] else None
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


def _counted_noun(word: str) -> bool:
    """Whether a label word is a noun the categories count ("décès", "morts", "victimes"),
    whatever the tagger reads a capitalised word as."""
    subjects = {x for c in world_data().categories for x in c.subjects}
    return word in subjects or (word[-1:] in ("s", "x") and word[:-1] in subjects)
