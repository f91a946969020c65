"""The reading of a sentence's figures is read once per distinct sentence and figure layout
(:class:`factcheck.crossref.sentence_reading.SentenceReadings`): a figure of a sentence met
again (a wire copy, a dispatch taken up by another outlet) reads as it reads alone, and a
reading never passes to a group that differs in what the reading depends on."""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
import pytest
from crossref_helpers import frame_from_articles, gold_frame, same_value, view_fields

import factcheck.crossref.view_memo as view_memo_module
import factcheck.crossref.views as views_module
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.sentence_reading import SentenceReadings, read_sentence, reading_key
from factcheck.crossref.views import prepare_claims

LEXICON = load_lexicon()
#: Fields of a view that name its article or its claim (or the story of its article).
_OWN = {"claim_id", "article_id", "story", "compared_to", "title"}


class _Uncached(SentenceReadings):
    """Every group read afresh."""

    def __call__(self, members: list[dict], sentence: str):  # type: ignore[no-untyped-def]
        return read_sentence(members, sentence, self.lexicon)


#: An article of our own with a comparison ("contre"), which the gold articles lack.
COMPARED = {"id": "cmp1", "published": "2025-03-04",
            "text": "Prisons. Le nombre de détenus atteint 79 631 contre 78 969 le mois précédent.",
            "claims": [{"surface": "79 631", "kind": "count", "value": 79631.0,
                        "subject": "détenus"},
                       {"surface": "78 969", "kind": "count", "value": 78969.0,
                        "subject": "détenus"}]}


def _claims(with_context: bool) -> pd.DataFrame:
    return pd.concat([gold_frame(with_context=with_context), frame_from_articles([COMPARED])],
                     ignore_index=True)


def _copied(frame: pd.DataFrame, suffix: str) -> pd.DataFrame:
    copy = frame.copy()
    copy["article_id"] = copy["article_id"].astype(str) + suffix
    copy["claim_id"] = copy["claim_id"].astype(str) + suffix
    return copy


def _fields(views: list) -> dict[str, dict]:
    return {v.claim_id: view_fields(v) for v in views}


@pytest.mark.parametrize("with_context", [True, False])
def test_a_copied_article_reads_as_the_original_alone(with_context: bool) -> None:
    frame = _claims(with_context)
    alone = _fields(prepare_claims(frame, LEXICON))
    both = _fields(prepare_claims(pd.concat([frame, _copied(frame, "-copy")],
                                            ignore_index=True), LEXICON))
    assert len(both) == 2 * len(alone) > 50
    compared = 0
    for claim_id, original in alone.items():
        copy = both[claim_id + "-copy"]
        assert all(same_value(original[k], copy[k]) for k in original if k not in _OWN), claim_id
        # The figure it is set against is the copy's own, not the original's.
        assert copy["compared_to"] == (original["compared_to"] + "-copy"
                                       if original["compared_to"] else "")
        compared += bool(original["compared_to"])
    assert compared > 0


@pytest.mark.parametrize("with_context", [True, False])
def test_views_are_the_same_without_the_cache(with_context: bool,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _claims(with_context)
    # A copy whose figures have other subjects: the same sentences, other families.
    other = _copied(frame, "-other")
    other["subject"] = other["subject"].map(lambda s: "" if isinstance(s, str) and s else "prix")
    frame = pd.concat([frame, _copied(frame, "-copy"), other], ignore_index=True)
    cached = prepare_claims(frame, LEXICON)
    monkeypatch.setattr(view_memo_module, "SentenceReadings", _Uncached)
    fresh = prepare_claims(frame, LEXICON)
    assert len(cached) == len(fresh) > 150
    _assert_same_views(cached, fresh)


def _members(sentence: str, figures: list[tuple[str, str, str, str | None]]) -> list[dict]:
    """Rows of ``sentence``'s figures ``(surface, dimension, subject, family)``, as prepared."""
    rows = []
    for i, (surface, dim, subject, family) in enumerate(figures):
        start = sentence.index(surface)
        rows.append({"claim_id": f"c{i}", "_rel_start": start, "_rel_end": start + len(surface),
                     "_dim": dim, "_family": family, "subject": subject})
    return rows


#: One sentence, two layouts of its figures that read differently: by family (describing
#: words, cue owners), by dimension (qualifier clause), by a subject naming a metric or not
#: (a bare figure after a comparison cue).
LAYOUTS = [
    ("Le parti a obtenu 182 sièges, la majorité absolue est fixée à 289 sièges.",
     [("182 sièges", "count", "sièges", "sièges"), ("289 sièges", "count", "sièges", "sièges")],
     [("182 sièges", "count", "sièges", "sièges"),
      ("289 sièges", "count", "majorité", "majorité")]),
    ("Au moins 12 personnes ont été tuées et 30 blessées, selon un bilan provisoire.",
     [("12", "count", "morts", "victimes"), ("30", "count", "blessés", "victimes")],
     [("12", "count", "morts", "morts"), ("30", "count", "blessés", "blessés")]),
    ("Le bénéfice net a reculé de 21 % à 7 milliards d'euros, hors éléments exceptionnels.",
     [("21 %", "share", "bénéfice", "bénéfice"),
      ("7 milliards", "money:EUR", "bénéfice", "bénéfice")],
     [("21 %", "money:EUR", "bénéfice", "bénéfice"),
      ("7 milliards", "money:EUR", "bénéfice", "bénéfice")]),
    ("79 631 personnes sont incarcérées contre 78 969 le mois précédent.",
     [("79 631", "count", "détenus", "détenus"), ("78 969", "count", "", None)],
     [("79 631", "count", "détenus", "détenus"), ("78 969", "count", "visiteurs", None)]),
]


@pytest.mark.parametrize("sentence,first,second", LAYOUTS, ids=[s[:30] for s, *_ in LAYOUTS])
def test_a_reading_does_not_pass_to_another_layout(sentence: str, first: list,
                                                   second: list) -> None:
    readings = SentenceReadings(LEXICON)
    a, b = _members(sentence, first), _members(sentence, second)
    assert reading_key(a, sentence, LEXICON) != reading_key(b, sentence, LEXICON)
    got_a, got_b = readings(a, sentence), readings(b, sentence)
    assert got_a == read_sentence(_members(sentence, first), sentence, LEXICON)
    assert got_b == read_sentence(_members(sentence, second), sentence, LEXICON)
    assert len(readings) == 2


def test_the_layouts_do_read_differently() -> None:
    differ = [read_sentence(_members(s, x), s, LEXICON) != read_sentence(_members(s, y), s,
                                                                         LEXICON)
              for s, x, y in LAYOUTS]
    assert all(differ)


@pytest.mark.parametrize("sentence,first,second", LAYOUTS, ids=[s[:30] for s, *_ in LAYOUTS])
def test_a_group_met_again_gets_the_reading_and_family_of_the_first(
        sentence: str, first: list, second: list) -> None:
    readings = SentenceReadings(LEXICON)
    for figures in (first, second):
        once, again = _members(sentence, figures), _members(sentence, figures)
        for i, m in enumerate(again):
            m["claim_id"] = f"other-{i}"  # another article's claims: ids play no part
        got_once = readings(once, sentence)
        got_again = readings(again, sentence)
        assert got_again is got_once
        assert [m["_family"] for m in again] == [m["_family"] for m in once]
    assert len(readings) == 2


# --- Readings dropped at their sentence's last figure (``uses``) -----------------------------


@pytest.mark.parametrize("sentence,first,second", LAYOUTS, ids=[s[:30] for s, *_ in LAYOUTS])
def test_a_sentence_s_readings_are_dropped_after_its_last_figure(
        sentence: str, first: list, second: list) -> None:
    readings = SentenceReadings(LEXICON, uses={sentence: len(first) + len(second) + 2})
    got_first = readings(_members(sentence, first), sentence)
    readings(_members(sentence, second), sentence)
    readings.done(sentence, len(first) + len(second))
    assert len(readings) == 2  # two figures still to come: both layouts held
    again = _members(sentence, first)
    assert readings(again, sentence) is got_first
    readings.done(sentence, 2)
    assert len(readings) == 0
    # Asked for once more (a count that fell short): read again, the same.
    later = _members(sentence, first)
    assert readings(later, sentence) == got_first
    assert [m["_family"] for m in later] == [m["_family"] for m in again]


def test_without_uses_or_for_an_uncounted_sentence_nothing_is_dropped() -> None:
    sentence, first, _ = LAYOUTS[0]
    for readings in (SentenceReadings(LEXICON),
                     SentenceReadings(LEXICON, uses={"Une autre phrase.": 1})):
        readings(_members(sentence, first), sentence)
        readings.done(sentence, 10)
        assert len(readings) == 1


class _Kept(SentenceReadings):
    """The caches :func:`prepare_claims` made, kept for the test to look at."""

    made: ClassVar[list[SentenceReadings]] = []

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        _Kept.made.append(self)


@pytest.mark.parametrize("chunk_rows", [20, 50_000])
def test_prepare_claims_holds_no_reading_at_the_end_and_reads_the_same(
        chunk_rows: int, monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _claims(with_context=False)
    frame = pd.concat([frame, _copied(frame, "-copy")], ignore_index=True)
    monkeypatch.setattr(views_module, "_CHUNK_ROWS", chunk_rows)
    monkeypatch.setattr(view_memo_module, "SentenceReadings", _Kept)
    _Kept.made.clear()
    cached = prepare_claims(frame, LEXICON)
    assert len(_Kept.made) == 1 and len(_Kept.made[0]) == 0
    monkeypatch.setattr(view_memo_module, "SentenceReadings", _Uncached)
    fresh = prepare_claims(frame, LEXICON)
    assert len(cached) == len(fresh) > 100
    _assert_same_views(cached, fresh)


def _assert_same_views(cached: list, fresh: list) -> None:
    """Each view read with the cache equals, field for field, the one read without it."""
    for a, b in zip(cached, fresh, strict=True):
        fa, fb = view_fields(a), view_fields(b)
        assert all(same_value(fa[k], fb[k]) for k in fa), a.claim_id
