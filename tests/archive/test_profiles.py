"""Stored word profiles made unit rows by DuckDB and numpy (``archive/profiles.py``) give the
matrix ``stories.unit_rows`` gives, bit for bit: same columns, same values."""

from __future__ import annotations

import random

import duckdb
import numpy as np
import pandas as pd
import pytest

from factcheck.archive.profiles import met_unit_rows
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.stories import profile, unit_rows

TEXTS = [
    "Incendie à Plouguerneau : 1 250 hectares brûlés près de la chapelle Saint-Gonvel.",
    "Œuvres d'art : le musée d'Écouen rouvre, 12 000 visiteurs attendus selon la DRAC.",
    "Zénith de Strasbourg : 8 500 spectateurs, un record pour l'orchestre Électro Zèbre.",
    "Le conseil municipal de Montbéliard a voté un budget de 48 millions d'euros.",
]


def _random_profiles(n: int, seed: int) -> list[dict[str, float]]:
    rng = random.Random(seed)
    words = ["é", "e", "z", "Z", "école", "ecole", "œuvre", "zèbre", "a", "ß", "日本", "ab"]
    words += [f"mot{i}" for i in range(60)]
    return [{w: rng.random() * rng.choice([1e-3, 1.0, 7.0])
             for w in rng.sample(words, rng.randint(1, 40))} for _ in range(n)]


def _met(profiles: list[dict[str, float]]) -> duckdb.DuckDBPyConnection:
    """A connection whose ``articles`` hold ``profiles`` (ids in reverse order of ``si``, so
    that reading by id would give another order) and whose ``met`` numbers them all."""
    con = duckdb.connect()
    ids = [f"a{len(profiles) - i:05d}" for i in range(len(profiles))]
    con.register("articles_df", pd.DataFrame({
        "article_id": ids, "story_words": [list(p) for p in profiles],
        "story_weights": [list(p.values()) for p in profiles]}))
    con.execute("CREATE TABLE articles AS SELECT article_id, story_words::VARCHAR[] AS "
                "story_words, story_weights::DOUBLE[] AS story_weights FROM articles_df")
    con.register("met_df", pd.DataFrame({"ni": [0] * len(ids), "si": range(len(ids)),
                                         "article_id": ids}).astype({"si": "int64"}))
    con.execute("CREATE TEMP TABLE met AS SELECT * FROM met_df")
    return con


@pytest.mark.parametrize(("n_new", "n_stored", "seed"), [(3, 50, 1), (0, 20, 2), (5, 0, 3),
                                                        (1, 500, 4)])
def test_same_matrix_as_unit_rows(n_new, n_stored, seed) -> None:
    profiles = _random_profiles(n_new + n_stored, seed)
    settings = load_lexicon().stories
    profiles[:0] = [profile(t, settings) for t in TEXTS]  # real profiles, new side
    new, stored = profiles[: n_new + len(TEXTS)], profiles[n_new + len(TEXTS):]
    ids, got = met_unit_rows(_met(stored), new)
    expected = unit_rows(new + stored)
    assert ids == [f"a{len(stored) - i:05d}" for i in range(len(stored))]
    assert got.shape == expected.shape
    assert np.array_equal(got.indptr, expected.indptr)
    assert np.array_equal(got.indices, expected.indices)
    assert got.data.tobytes() == expected.data.tobytes()  # the same floats, to the bit


def test_a_zero_profile_keeps_unit_norm_one() -> None:
    _, got = met_unit_rows(_met([{"b": 0.0, "a": 0.0}, {"c": 2.0}]), [])
    assert got.data.tolist() == [0.0, 0.0, 1.0] and got.indices.tolist() == [0, 1, 2]
