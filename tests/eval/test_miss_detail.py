"""The finer miss counters of ``factcheck eval`` (``factcheck.eval._miss_detail``): each label
on a small invented article whose figure is marked ``[[...]]``."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import pytest

from factcheck.eval._miss_detail import ArticleMap, source_miss, subject_miss
from factcheck.eval.evaluate import evaluate, format_report


def marked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without its ``[[...]]`` marks, and the spans they marked, in order."""
    spans, out, pos = [], [], 0
    while (i := text.find("[[", pos)) >= 0:
        j = text.index("]]", i)
        out.append(text[pos:i])
        start = sum(len(p) for p in out)
        out.append(text[i + 2:j])
        spans.append((start, start + j - i - 2))
        pos = j + 2
    out.append(text[pos:])
    return "".join(out), spans


def article(text: str, *rows: dict[str, Any]) -> tuple[ArticleMap, list[dict[str, Any]]]:
    """An article map and its gold figures: one per mark, with the fields of ``rows``."""
    plain, spans = marked(text)
    figures = [{"id": "a", "start": s, "end": e, "kind": "count", "subject": None,
                "attribution": None, "attribution_mode": None, **row}
               for (s, e), row in zip(spans, rows, strict=True)]
    return ArticleMap(plain, figures), figures


# --- subjects: where the gold's noun is written ------------------------------------------

@pytest.mark.parametrize(("text", "gold_subject", "where"), [
    ("La commune a voté [[12 millions]] d'euros de travaux.", "travaux", "its clause, right after"),
    ("La commune a voté [[12 millions]] d'euros pour la rénovation urgente de ses travaux.",
     "travaux", "its clause, after"),
    ("Le loyer moyen atteint [[850 euros]].", "loyer", "its clause, right before"),
    ("Le chiffre du petit groupe familial breton a atteint [[3 millions]].", "chiffre",
     "its clause, before"),
    ("Les ventes de vélos, selon la fédération, reculent de [[4 %]].", "vente",
     "another clause, before"),
    ("Ils sont [[30]], dit-on, les vacanciers restés au camping.", "vacancier",
     "another clause, after"),
    ("Les inscriptions progressent nettement ([[7 %]] sur un an).", "inscription",
     "before its parenthesis"),
    ("Les naissances ont encore reculé. Elles étaient [[640 000]].", "naissance",
     "the sentence before"),
    ("Les naissances ont encore reculé. Le pays vieillit. Elles étaient [[640 000]].",
     "naissance", "earlier in its paragraph"),
    ("Les exportations de vin au plus haut\nLe secteur se réjouit.\nElles ont atteint "
     "[[17 milliards]].", "exportation", "the lead"),
    ("Un titre sans rapport\nLes abonnés du réseau sont nombreux.\nLe week-end passe.\n"
     "Ils sont [[40 000]].", "abonné", "an earlier paragraph"),
    ("Ils étaient [[300]] samedi. Les manifestants ont défilé.", "manifestant",
     "only after its sentence"),
    ("Ils étaient [[300]] samedi.", "recette", "nowhere in the article"),
])
def test_subject_where(text: str, gold_subject: str, where: str) -> None:
    amap, (fig,) = article(text, {"subject": gold_subject})
    assert subject_miss(amap, fig, {"subject": None})["subject where"] == f"none, {where}"


# --- subjects: the word taken instead ----------------------------------------------------

@pytest.mark.parametrize(("text", "golds", "predicted", "taken"), [
    ("Le budget atteint [[2 milliards]] et la dette [[5 milliards]].",
     [{"subject": "budget"}, {"subject": "dette"}], "budget", "another figure's subject"),
    ("Les loyers sont en hausse de [[3 %]].", [{"subject": "loyer"}], "hausse",
     "a noun of change"),
    ("La mairie dépense [[4 millions]] d'euros en voirie.", [{"subject": "voirie"}], "euro",
     "a unit or measure"),
    ("Le nombre de visiteurs dépasse [[20 000]].", [{"subject": "visiteur"}], "nombre",
     "a quantifier"),
    ("En Allemagne, les ventes reculent de [[2 %]].", [{"subject": "vente"}], "allemagne",
     "a place"),
    ("Le syndicat des pharmaciens recense [[80]] fermetures.",
     [{"subject": "fermeture", "attribution": "syndicat des pharmaciens"}], "syndicat",
     "a body or person"),
    ("Hier soir les Bleus ont marqué [[3]] buts.", [{"subject": "but"}], "bleu", "a name"),
    ("Le club a vendu [[3]] maillots.", [{"subject": "maillot"}], "vitrine", "another noun"),
])
def test_subject_taken(text: str, golds: list[dict[str, Any]], predicted: str,
                       taken: str) -> None:
    amap, figures = article(text, *golds)
    out = subject_miss(amap, figures[-1], {"subject": predicted})
    assert out["subject taken"] == taken
    assert out["subject where"].startswith("another, ")


@pytest.mark.parametrize(("text", "gold_subject", "predicted", "where"), [
    ("La dette de la ville atteint [[9 milliards]].", "dette", "ville",
     "right after the gold's noun"),
    ("Le bilan des victimes approche [[2 000]].", "victime", "bilan",
     "right before the gold's noun"),
    ("Les loyers montent. La ville compte [[3]] quartiers chers.", "loyer", "ville",
     "its clause, right before"),
    ("Les loyers montent. La ville compte depuis le début de l'année [[3]] quartiers chers.",
     "loyer", "ville", "its clause, before"),
    ("Les loyers montent. Ils gagnent [[3 %]].", "quartier", "loyer", "the sentence before"),
])
def test_subject_taken_where(text: str, gold_subject: str, predicted: str, where: str) -> None:
    amap, (fig,) = article(text, {"subject": gold_subject})
    assert subject_miss(amap, fig, {"subject": predicted})["subject taken where"] == where


def test_subject_kind() -> None:
    amap, (fig,) = article("Le stade ouvre le [[12 mai]].", {"subject": "ouverture",
                                                            "kind": "date"})
    assert subject_miss(amap, fig, {"subject": "stade"})["subject kind"] == \
        "another, date/year/ordinal"


# --- sources -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "where"), [
    ("Selon la préfecture, [[1 200]] personnes ont défilé.", "its sentence, before"),
    ("[[1 200]] personnes ont défilé, selon la préfecture.", "its sentence, after"),
    ("La préfecture a publié son décompte. On compte [[1 200]] personnes.",
     "the sentence before"),
    ("Décompte de la préfecture\nLe cortège part à midi.\nOn compte [[1 200]] personnes.",
     "the lead"),
    ("Un titre\nLa préfecture a compté.\nIl pleut.\nOn compte [[1 200]] personnes.",
     "an earlier paragraph"),
    ("On compte [[1 200]] personnes. La préfecture le confirme.", "only after its sentence"),
    ("On compte [[1 200]] personnes.", "nowhere in the article"),
])
def test_source_where(text: str, where: str) -> None:
    amap, (fig,) = article(text, {"attribution": "préfecture", "attribution_mode": "explicit"})
    out = source_miss(amap, fig, {"source": None}, "none")
    assert out["source where"] == f"none, gold explicit, {where}"
    assert "source reach" not in out  # only for inherited sources


@pytest.mark.parametrize(("text", "golds", "given", "whose", "reach"), [
    ("Selon l'Insee, le chômage atteint [[7 %]]. Les prix montent de [[2 %]].",
     [{"attribution": "Insee"}, {}], "Insee", "an earlier figure's source",
     "its paragraph, 1 sentence back"),
    ("Les prix montent de [[2 %]].\nSelon l'Insee, le chômage atteint [[7 %]].",
     [{}, {"attribution": "Insee"}], "Insee", "a later figure's source", "not written before"),
    ("La Banque de France l'annonce.\nUn autre fait.\nLes prix montent de [[2 %]].",
     [{}], "Banque de France", "no figure's source", "2+ paragraphs back"),
    ("La Banque de France l'annonce.\nLes prix montent de [[2 %]].",
     [{}], "Banque de France", "no figure's source", "1 paragraph back"),
])
def test_source_given_is_and_reach(text: str, golds: list[dict[str, Any]], given: str,
                                   whose: str, reach: str) -> None:
    amap, figures = article(text, *golds)
    fig = next(f for f in figures if f["attribution"] is None)
    out = source_miss(amap, fig, {"source": given, "source_mode": "inherited"}, "extra")
    assert out["source given is"] == f"extra inherited, {whose}"
    assert out["source reach"] == f"extra inherited, {reach}"
    assert "source where" not in out  # the gold names no source


@pytest.mark.parametrize(("text", "kind", "place", "kind_class"), [
    ("« Nous avons vendu [[500]] voitures », dit le patron.", "count", "in a quotation",
     "count"),
    ("Le marché recule en [[2024]]\nLe patron s'inquiète.", "year", "in the lead",
     "date/year/ordinal"),
    ("Un titre\nLes ventes reculent de [[3 %]].", "percent", "in the body", "percent"),
])
def test_source_figure_and_kind(text: str, kind: str, place: str, kind_class: str) -> None:
    amap, (fig,) = article(text, {"kind": kind, "attribution": "patron",
                                  "attribution_mode": "inherited"})
    out = source_miss(amap, fig, {"source": "Ministère", "source_mode": "explicit"}, "another")
    assert out["source figure"] == f"another explicit, {place}"
    assert out["source kind"] == f"another explicit, {kind_class}"
    assert out["source given where"] == "another explicit, nowhere in the article"


# --- through evaluate: counted beside the existing labels, only with the texts ------------

def test_evaluate_counts_the_detail_only_with_texts() -> None:
    text, spans = marked("Selon l'Insee, le chômage atteint [[7 %]]. Les prix montent de "
                         "[[2 %]] en un an.")
    gold = [{"id": "a", "start": s, "end": e, "kind": "percent", "value": v, "unit": "%",
             "approx": "none", "low": None, "high": None, **extra}
            for (s, e), v, extra in zip(spans, (7, 2), (
                {"subject": "chômage", "attribution": "Insee", "attribution_mode": "explicit"},
                {"subject": "prix", "attribution": None, "attribution_mode": None}),
                strict=True)]
    claims = pd.DataFrame([{"article_id": "a", "start": s, "end": e, "kind": "percent",
                            "value": float(v), "low": math.nan, "high": math.nan, "unit": "%",
                            "approx": "none", "subject": subj, "source": "Insee",
                            "source_mode": mode}
                           for (s, e), v, subj, mode in zip(spans, (7, 2), ("chômage", "hausse"),
                                                            ("explicit", "inherited"),
                                                            strict=True)])
    bare = evaluate(gold, claims)
    report = evaluate(gold, claims, texts={"a": text})
    # The labels reported before stay as they were.
    for name in ("subject", "source", "source given"):
        assert report.misses.get(name) == bare.misses.get(name)
    assert "subject where" not in bare.misses
    assert report.misses["subject where"] == {"another, its clause, right before": 1}
    assert report.misses["subject taken"] == {"a noun of change": 1}
    assert report.misses["source given is"] == {"extra inherited, an earlier figure's source": 1}
    assert report.misses["source reach"] == {"extra inherited, its paragraph, 1 sentence back": 1}
    shown = format_report(report)
    assert "subject misses, where the gold's noun is written: another, its clause, right " \
           "before 1" in shown
    assert "Insee" not in shown.split("Errors")[0]  # counts only, never a word of the text
