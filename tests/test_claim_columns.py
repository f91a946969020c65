"""The claims table gathered chunk by chunk as columns (``claim_rows.ClaimColumns``) is the
table of all the rows at once, and the cyclic collector is left as it was found
(``crossref.engine.quiet_collector``)."""

from __future__ import annotations

import gc
import threading
from datetime import date

import pandas as pd
import pytest
from conftest import SEEDS_DIR

from factcheck.claim_rows import ALL_CLAIM_COLUMNS, ClaimColumns, claim_row, extract_claims
from factcheck.corpus import read_corpus
from factcheck.crossref.engine import quiet_collector
from factcheck.models import Article

ARTICLES = [
    Article("a1", "Le 9 décembre 2024, 46 drones ont été lancés, dont 17 abattus. "
            "Le 9 décembre 2024, 46 drones ont été lancés.", title="Nuit", source="AFP",
            published=date(2024, 12, 9)),
    Article("a2", "Le chômage atteint 7,4 % selon l'Insee, contre 7,3 % un an plus tôt.",
            published=date(2024, 12, 10)),
    Article("a3", "Pas un seul chiffre."),
    Article("a4", "Près de 3 millions d'euros, environ 12 %, le vol AF 447 à 23h30."),
]


def _rows(articles: list[Article]) -> list[dict]:
    return [claim_row(a, c) for a in articles for c in extract_claims(a, with_context=False)]


def _seed_rows() -> list[dict]:
    if not SEEDS_DIR.is_dir():
        pytest.skip("seeds folder absent")
    return _rows(read_corpus([str(SEEDS_DIR)]).articles)


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
@pytest.mark.parametrize("source", ["articles", "seeds"])
def test_columns_in_chunks_give_the_table_of_all_rows(chunk: int, source: str) -> None:
    rows = _rows(ARTICLES) if source == "articles" else _seed_rows()
    assert rows
    expected = pd.DataFrame(
        {c: pd.Series([r[c] for r in rows], dtype=_dtype(c, rows), name=c)
         for c in ALL_CLAIM_COLUMNS}, columns=list(ALL_CLAIM_COLUMNS))
    columns = ClaimColumns()
    for start in range(0, len(rows), chunk):
        columns.add(rows[start:start + chunk])
    columns.add([])
    table = columns.frame()
    assert columns.n_rows == len(rows)
    pd.testing.assert_frame_equal(table, expected)
    assert table.dtypes.to_dict() == expected.dtypes.to_dict()


def _dtype(column: str, rows: list[dict]) -> str:
    numbers = {"start": "int64", "end": "int64", "sentence_start": "int64",
               "value": "float64", "low": "float64", "high": "float64",
               "number_start": "Int64", "number_end": "Int64"}
    return numbers.get(column, "object")


def test_equal_strings_are_one_object_and_ids_stay_apart() -> None:
    rows = _rows(ARTICLES[:1])
    columns = ClaimColumns()
    for row in rows:
        columns.add([row])
    table = columns.frame()
    same_sentence = table[table["sentence"] == table["sentence"].iloc[0]]
    assert len(same_sentence) >= 2
    assert len({id(s) for s in same_sentence["sentence"]}) == 1
    assert len({id(p) for p in table["published"]}) == 1
    assert table["claim_id"].is_unique


def test_no_rows_gives_the_empty_table_with_its_dtypes() -> None:
    full = ClaimColumns()
    full.add(_rows(ARTICLES))
    empty = ClaimColumns().frame()
    assert len(empty) == 0
    assert empty.dtypes.to_dict() == full.frame().dtypes.to_dict()


def test_quiet_collector_freezes_stages_and_leaves_the_collector_as_found() -> None:
    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    with quiet_collector() as settle:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        # Young collections run, full ones are held off.
        assert gc.get_threshold()[:2] == thresholds[:2]
        assert gc.get_threshold()[2] > 10**6
        built = [[i] for i in range(1000)]
        with quiet_collector():  # nested: the outer one unfreezes
            settle()
            assert gc.get_freeze_count() >= frozen + len(built)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds
    assert gc.isenabled()


def test_quiet_collector_puts_the_thresholds_back_after_an_error() -> None:
    thresholds = gc.get_threshold()
    try:
        with quiet_collector(), quiet_collector():
            raise ValueError("a stage failed")
    except ValueError:
        pass
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0


def test_quiet_collector_blocks_of_two_threads_leave_the_collector_as_found() -> None:
    # A enters, B enters and leaves, A leaves: the thresholds B found quiet are not kept.
    thresholds = gc.get_threshold()
    a_in, b_done = threading.Event(), threading.Event()

    def first() -> None:
        with quiet_collector():
            a_in.set()
            b_done.wait(5)

    def second() -> None:
        a_in.wait(5)
        with quiet_collector():
            assert gc.get_threshold()[2] > 10**6
        b_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert gc.get_threshold() == thresholds
    assert gc.get_freeze_count() == 0
