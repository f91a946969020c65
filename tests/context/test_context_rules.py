"""Context rules on real French news phrasing, parametrized from
``tests/context/data/context_*.toml``.

Each case gives a text whose figures are marked ``[surface|kind|resolved]`` (kind defaults to
count, resolved is optional), the index of the figure under test (``figure``, default 0) and
the expected context fields. Figures are marked by hand so that these tests exercise the
context rules alone, whatever the figure extractor finds.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from context_helpers import marked_article

from factcheck.context import annotate, annotate_many, same_source
from factcheck.models import Article, Claim, Kind, Mention, claim_id_for

DATA = Path(__file__).parent / "data"


def load_cases(name: str) -> list[Any]:
    with (DATA / f"context_{name}.toml").open("rb") as fh:
        cases = tomllib.load(fh)["case"]
    return [pytest.param(c, id=c.get("id") or c["text"][:50]) for c in cases]


def context_of(case: dict[str, Any]):
    article, claims = marked_article(case["text"], case.get("published"))
    assert claims, "the case marks no figure"
    return annotate(article, claims)[case.get("figure", 0)].context


@pytest.mark.parametrize("case", load_cases("subject"))
def test_subject(case: dict[str, Any]) -> None:
    ctx = context_of(case)
    expected = None if case["subject"] == "__none__" else case["subject"]
    assert ctx.subject == expected
    for q in case.get("qualifiers", []):
        assert q in ctx.qualifiers, f"{q!r} missing from {ctx.qualifiers}"
    for q in case.get("not_qualifiers", []):
        assert not any(q in x for x in ctx.qualifiers), f"{q!r} read in {ctx.qualifiers}"
    if "doer" in case:
        assert ctx.doer == (None if case["doer"] == "__none__" else case["doer"])


@pytest.mark.parametrize("case", load_cases("source"))
def test_source(case: dict[str, Any]) -> None:
    ctx = context_of(case)
    expected = case.get("source")
    if expected == "__none__":
        assert ctx.source is None
    else:
        assert ctx.source == expected
    if "source_mode" in case:
        assert ctx.source_mode == case["source_mode"]


@pytest.mark.parametrize("case", load_cases("modality"))
def test_modality(case: dict[str, Any]) -> None:
    ctx = context_of(case)
    assert ctx.modality == case["modality"], ctx.modality_rule
    if "rule" in case:
        assert ctx.modality_rule == case["rule"]


@pytest.mark.parametrize("case", load_cases("time"))
def test_time(case: dict[str, Any]) -> None:
    ctx = context_of(case)

    def want(key: str) -> str | None:
        return None if case[key] == "__none__" else case[key]

    assert (ctx.time_start, ctx.time_end) == (want("start"), want("end"))
    if "basis" in case:
        assert ctx.time_basis == want("basis")


def _probe_cases() -> list[Any]:
    """The period probe: own-words passages; a case with ``miss`` names a mechanism still
    read wrong and is expected to fail (strictly: a fix shows as an unexpected pass)."""
    with (DATA / "context_period_probe.toml").open("rb") as fh:
        cases = tomllib.load(fh)["case"]
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["miss"])]
                         if "miss" in c else []) for c in cases]


@pytest.mark.parametrize("case", _probe_cases())
def test_period_probe(case: dict[str, Any]) -> None:
    test_time(case)


@pytest.mark.parametrize("case", load_cases("where"))
def test_actor_place_category(case: dict[str, Any]) -> None:
    ctx = context_of(case)
    for field in ("actor", "place", "place_mode", "place_basis", "category"):
        if field in case:
            expected = case[field] or None
            assert getattr(ctx, field) == expected, f"{field}: {getattr(ctx, field)!r}"


with (DATA / "context_same_source.toml").open("rb") as _fh:
    _SAME = tomllib.load(_fh)


@pytest.mark.parametrize(("a", "b"), _SAME["same"])
def test_same_source_true(a: str, b: str) -> None:
    assert same_source(a, b) and same_source(b, a)


@pytest.mark.parametrize(("a", "b"), _SAME["different"])
def test_same_source_false(a: str, b: str) -> None:
    assert not same_source(a, b) and not same_source(b, a)


def test_same_source_none() -> None:
    assert same_source(None, None)
    assert not same_source("Insee", None)
    assert not same_source(None, "Insee")


def test_marked_article_offsets() -> None:
    article, claims = marked_article("Selon l'ONU, [2 500|count] civils. Puis [3|count] autres.")
    assert [article.text[c.mention.start : c.mention.end] for c in claims] == ["2 500", "3"]
    assert claims[1].sentence == "Puis 3 autres."


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("", 0, 0),  # empty sentence
        ("12", 0, 2),  # the figure alone
        ("Selon", 0, 5),  # a figure span on a non-figure word
        ("« 300 000 »", 2, 9),  # only quotes around it
        ("Il y a 3 ans.", 40, 45),  # a span outside its sentence
        ("d'ici", 0, 5),
    ],
)
def test_odd_claims_do_not_break_annotation(sentence: str, start: int, end: int) -> None:
    mention = Mention(start, end, sentence[start:end] or "?", Kind.COUNT, 1.0)
    article = Article("odd", sentence)
    claim = Claim("odd", claim_id_for("odd", mention), mention, sentence, 0)
    (out,) = annotate(article, [claim])
    assert out.claim_id == claim.claim_id
    assert out.context.modality in {
        "asserted",
        "reported",
        "estimated",
        "conditional",
        "projected",
        "denied",
    }


def test_annotate_many_keeps_order_and_articles_apart() -> None:
    a1, c1 = marked_article("Selon l'ONU, [2 500] civils ont été tués.", "2025-01-15", "a1")
    a2, c2 = marked_article("[17] drones ont été abattus, a indiqué Moscou.", "2024-12-08", "a2")
    out = annotate_many([(a1, c1), (a2, c2), (a1, [])], batch_size=1)
    assert [len(x) for x in out] == [1, 1, 0]
    assert out[0][0].context.source == "ONU" and out[0][0].context.subject == "civil"
    assert out[1][0].context.source == "Moscou" and out[1][0].context.subject == "drone"


@pytest.mark.parametrize("case", load_cases("basis"))
def test_basis(case: dict[str, Any]) -> None:
    """The basis of a rate or a change ("sur un an", "par rapport à 2019")."""
    expected = None if case["basis"] == "__none__" else case["basis"]
    assert context_of(case).basis == expected


# A demonstrative before a bare figure restates the last figure of that value
# (factcheck.context.anaphora), whatever figures came between.

_TEXT = (
    "Le fonds a reçu une dotation de [40 milliards d'euros|money] en 2021. "
    "Le déficit a atteint [12 milliards d'euros|money]. "
    "Ces [40 milliards|money] n'ont jamais été dépensés."
)


def test_demonstrative_figure_takes_the_figure_of_equal_value() -> None:
    article, claims = marked_article(_TEXT)
    values = (40e9, 12e9, 40e9)
    claims = [replace(c, mention=replace(c.mention, value=v))
              for c, v in zip(claims, values, strict=True)]
    out = annotate(article, claims)
    assert [c.context.subject for c in out] == ["dotation", "déficit", "dotation"]


def test_without_values_the_last_figure_read() -> None:
    article, claims = marked_article(_TEXT)
    assert annotate(article, claims)[2].context.subject == "déficit"


# A bare figure opening a sentence continues the figure of the sentence before that has its
# kind and order of size, not merely the last one read (``same_order``).
_ORDER_TEXT = (
    "Au 1er janvier, l'île compte [850 000] habitants répartis dans [quatre] cantons. "
    "[610 000] vivent sur la côte et [240 000] dans les terres."
)


def _order_subjects(values: tuple[float | None, ...]) -> list[str | None]:
    article, claims = marked_article(_ORDER_TEXT)
    claims = [replace(c, mention=replace(c.mention, value=v))
              for c, v in zip(claims, values, strict=True)]
    return [c.context.subject for c in annotate(article, claims)]


def test_opening_figure_takes_the_figure_of_its_order_of_size() -> None:
    assert _order_subjects((850e3, 4, 610e3, 240e3))[2:] == ["habitant", "habitant"]


def test_opening_figure_of_no_matching_order_takes_the_last_figure() -> None:
    assert _order_subjects((850e3, 4, 6, 2))[2] == "canton"


def test_without_values_the_opening_figure_takes_the_last_figure() -> None:
    assert _order_subjects((None, None, None, None))[2] == "canton"


# Bare counts by place whose noun the next sentence gives with their total
# (``subject_lists.named_by_total``): only counts each smaller than a total that follows right
# after them and opens with "Au total".
def _total_subjects(text: str, values: tuple[float | None, ...]) -> list[str | None]:
    article, claims = marked_article(text)
    claims = [replace(c, mention=replace(c.mention, value=v))
              for c, v in zip(claims, values, strict=True)]
    return [c.context.subject for c in annotate(article, claims)]


_PARTS = ("Le cortège est parti à [14 heures|time]. "
          "[3 000] à Tours, [1 200] à Blois et [400] à Vendôme. ")


def test_bare_counts_take_the_noun_of_the_total_after_them() -> None:
    text = _PARTS + "Au total, près de [6 000] grévistes ont défilé dans le département."
    assert _total_subjects(text, (14, 3e3, 1.2e3, 400, 6e3))[1:] == ["gréviste"] * 4


def test_bare_counts_larger_than_the_total_are_not_its_parts() -> None:
    text = _PARTS + "Au total, [800] policiers étaient mobilisés."
    assert _total_subjects(text, (14, 3e3, 1.2e3, 400, 800))[1:4] == [None] * 3


def test_bare_counts_before_a_sentence_that_is_no_total_keep_no_noun() -> None:
    text = _PARTS + "Près de [6 000] grévistes ont défilé dans le département."
    assert _total_subjects(text, (14, 3e3, 1.2e3, 400, 6e3))[1:4] == [None] * 3


# A bare amount opening a sentence after a sentence that counts only people or things
# (``subject_lists.other_kind``): no count of people measures money; it restates the earlier
# figure of its value (the headline), else it takes nothing from the sentence before.
_AMOUNT_TEXT = (
    "Le conseil départemental adopte un budget de [1,2 milliard d'euros|money]. "
    "Réunis en séance, les [54|count] conseillers départementaux ont voté le texte. "
    "[1,2 milliard d'euros|money] « pour les solidarités et les collèges », a résumé le président."
)


def _amount_subjects(values: tuple[float | None, ...]) -> list[str | None]:
    article, claims = marked_article(_AMOUNT_TEXT)
    claims = [replace(c, mention=replace(c.mention, value=v))
              for c, v in zip(claims, values, strict=True)]
    return [c.context.subject for c in annotate(article, claims)]


def test_opening_amount_restates_the_earlier_amount_of_its_value() -> None:
    assert _amount_subjects((1.2e9, 54, 1.2e9))[2] == "budget"


def test_opening_amount_of_no_earlier_value_takes_no_count_of_people() -> None:
    assert _amount_subjects((1.1e9, 54, 1.2e9))[2] is None
