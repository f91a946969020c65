"""The store's key index (``factcheck.archive.key_index``): written with each batch, the only
place an addition finds the stored articles and facts its keys meet, and capped for
stories; an addition gives what the engine gave before the index."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from addition_outcome import CASES, OUTCOME, outcome

from factcheck.archive import add_to_store, open_store
from factcheck.archive.layout import MANIFEST, STORE_FORMAT_VERSION
from factcheck.archive.neighbours import story_mates
from factcheck.crossref.cue_words import load_lexicon
from factcheck.models import Article

# One local story told by three outlets on consecutive days, and an unrelated article.
FIRE = [
    Article("feu-1", "Incendie à Plouguerneau : 1 250 hectares de landes ont brûlé près de la "
            "chapelle Saint-Gonvel, selon les pompiers du Finistère. Le maire, Yannick "
            "Kerbrat, a fait évacuer 340 habitants du hameau de Korrejou.",
            title="Incendie à Plouguerneau", source="Le Télégramme",
            published=date(2024, 7, 1)),
    Article("feu-2", "À Plouguerneau, l'incendie des landes de la chapelle Saint-Gonvel a "
            "parcouru 1 250 hectares. Les 340 habitants évacués du hameau de Korrejou ont "
            "regagné leurs maisons, a indiqué le maire Yannick Kerbrat.",
            title="Plouguerneau : retour des habitants", source="Ouest-France",
            published=date(2024, 7, 2)),
    Article("feu-3", "Plouguerneau : le feu de landes de Saint-Gonvel, 1 250 hectares selon "
            "les pompiers, est fixé. Yannick Kerbrat remercie les 80 pompiers venus du "
            "Finistère et de Korrejou.",
            title="Le feu de Plouguerneau fixé", source="France Bleu Breizh Izel",
            published=date(2024, 7, 3)),
]
BUDGET = Article("budget", "Le conseil municipal de Montbéliard a voté un budget de 48 millions "
                 "d'euros pour 2025, dont 9 millions d'investissements.",
                 title="Montbéliard vote son budget", source="L'Est républicain",
                 published=date(2024, 12, 12))


def _rows(store: Path, sql: str) -> list[tuple]:
    with open_store(store) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("case", CASES)
def test_an_addition_gives_what_the_engine_before_the_key_index_gave(case) -> None:
    """Links, flags, copies and current facts of an addition to a small store, against those
    the store engine of commit 1ce611c (no key index, no cap) gave on the same articles
    (``addition_outcome.py`` says how the file was made)."""
    expected = json.loads(OUTCOME.read_text(encoding="utf-8"))[case]
    got = json.loads(json.dumps(outcome(*CASES[case])))
    assert got == expected, (
        "the store's addition differs from the saved outcome; if a change of the cross-"
        "referencing rules (not of the store) moved it, check that the one-shot `check` moved "
        "the same way, then write the file again with that commit (addition_outcome.py)")
    assert got["flags"] and got["facts"]  # a real comparison


def test_each_batch_writes_its_keys_to_the_index(tmp_path) -> None:
    add_to_store(tmp_path, [*FIRE[:2], BUDGET], with_context=False)
    copy = Article("feu-1-repris", FIRE[0].text, title=FIRE[0].title, source="Autre",
                   published=date(2024, 7, 4))
    add_to_store(tmp_path, [FIRE[2], copy], with_context=False)
    story = _rows(tmp_path, "SELECT key, article_id, day, batch FROM story_index")
    stored = _rows(tmp_path, "SELECT article_id, unnest(story_keys), published, batch "
                             "FROM articles")
    assert sorted(story) == sorted((k, a, date.fromisoformat(p), b) for a, k, p, b in stored)
    # The copy's figures all repeat its original's: it has no story words of its own.
    assert {a for _, a, _, _ in story} == {"feu-1", "feu-2", "feu-3", "budget"}
    bands = _rows(tmp_path, "SELECT band, article_id FROM band_index")
    originals = _rows(tmp_path, "SELECT unnest(lsh_bands), article_id FROM articles "
                                "WHERE copy_of IS NULL")
    assert sorted(bands) == sorted(originals) and bands
    assert "feu-1-repris" not in {a for _, a in bands}  # a copy is not indexed
    facts = _rows(tmp_path, "SELECT unnest(claim_ids), fact_id, batch FROM facts")
    assert sorted(_rows(tmp_path, "SELECT claim_id, fact_id, batch FROM fact_index")) == \
        sorted(facts)
    # Each partition is sorted by its key.
    for batch in ("000001", "000002"):
        keys = [k for k, *_ in _rows(tmp_path, "SELECT key FROM story_index WHERE batch = "
                                               f"'{batch}'")]
        assert keys == sorted(keys)


def _drop(store: Path, table: str) -> None:
    for part in (store / table).glob("batch=*"):
        shutil.rmtree(part)


@pytest.mark.parametrize("table", ["story_index", "band_index", "fact_index"])
def test_an_addition_finds_stored_neighbours_through_the_index(tmp_path, table) -> None:
    """The same addition with one index table taken out of the store misses what that table
    finds (story mates, the original of a copy, the fact a figure joins): the index, not
    the wide tables, is what is read."""
    copy = Article("feu-1-repris", FIRE[0].text, title=FIRE[0].title, source="Autre",
                   published=date(2024, 7, 4))
    results = {}
    for kept in (True, False):
        store = tmp_path / f"kept-{kept}"
        add_to_store(store, FIRE[:2], with_context=False)
        if not kept:
            _drop(store, table)
        add_to_store(store, [FIRE[2], copy], with_context=False)
        results[kept] = {
            "band_index": _rows(store, "SELECT article_id, copy_of FROM articles "
                                       "WHERE copy_of IS NOT NULL"),
            "fact_index": _rows(store, "SELECT count(*) FROM facts WHERE batch = '000002' "
                                       "AND len(replaces) > 0"),
        }
    assert results[True]["band_index"] == [("feu-1-repris", "feu-1")]
    assert results[True]["fact_index"][0][0] > 0  # stored facts joined by new figures
    if table == "story_index":  # a story changes no column here: ask story_mates itself
        store = tmp_path / "stories"
        add_to_store(store, FIRE[:2], with_context=False)
        mates = []
        for _ in range(2):
            with open_store(store) as con:
                mates.append(story_mates(con, [("feu-3", "2024-07-03", FIRE[2].text)],
                                         load_lexicon().stories).mates["feu-3"])
            _drop(store, "story_index")
        assert mates == [{"feu-1", "feu-2"}, set()]
    else:
        assert results[False][table] != results[True][table]


def test_stored_story_candidates_are_capped_most_shared_words_first(tmp_path) -> None:
    add_to_store(tmp_path, [*FIRE[:2], BUDGET], with_context=False)
    settings = load_lexicon().stories
    texts = [("feu-3", "2024-07-03", FIRE[2].text)]
    with open_store(tmp_path) as con:
        uncapped = story_mates(con, texts, settings, cap=1000)
        met_all = con.execute("SELECT article_id FROM met ORDER BY 1").fetchall()
        capped = story_mates(con, texts, settings, cap=1)
        met_one = con.execute("SELECT article_id FROM met").fetchall()
        shared = dict(con.execute(
            "SELECT article_id, count(*) FROM story_index WHERE key IN (SELECT key FROM "
            "new_words) GROUP BY article_id").fetchall())
    assert uncapped.mates["feu-3"] == {"feu-1", "feu-2"}
    assert [a for a, in met_all] == ["feu-1", "feu-2"]
    best = max(sorted(shared), key=lambda a: shared[a])
    assert met_one == [(best,)] and capped.mates["feu-3"] == {best}


def test_readding_stored_articles_changes_no_file(tmp_path) -> None:
    add_to_store(tmp_path, [*FIRE, BUDGET], with_context=False)
    before = {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    summary = add_to_store(tmp_path, [FIRE[1], BUDGET], with_context=False)
    assert summary.batch is None and summary.n_present == 2
    assert {p: p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()} == before
    assert any("story_index" in str(p) for p in before)


def test_a_store_without_the_key_index_is_refused(tmp_path) -> None:
    """A store of format 3 (before the index) would meet nothing: it is refused, untouched."""
    add_to_store(tmp_path, [BUDGET], with_context=False)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest["format_version"] = 3
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    from factcheck.archive import StoreError

    with pytest.raises(StoreError, match=f"format version 3.*reads format version "
                                         f"{STORE_FORMAT_VERSION} only"):
        add_to_store(tmp_path, FIRE, with_context=False)
    assert not (tmp_path / "articles" / "batch=000002").exists()


# An earthquake's toll, stored; later reports of it carry no publication date.
QUAKE = Article("seisme-abruzzes", "Séisme de magnitude 6,4 dans les Abruzzes : au moins 37 "
                "morts et 212 blessés selon la protection civile italienne, et 2 000 sans-abri "
                "dans les villages de montagne, où 40 répliques ont été ressenties.",
                title="Séisme dans les Abruzzes", source="AFP", published=date(2016, 8, 24))
HOSPITALS = ("Les hôpitaux de L'Aquila débordent après les répliques : {} y ont été admis "
             "depuis la secousse de la nuit, dont une vingtaine dans un état grave.")


@pytest.mark.parametrize(("figure", "day", "mate"), [
    ("212 blessés", "", True),  # a distinctive figure of the stored report
    ("des dizaines de blessés", "", False),  # the words of an earthquake only
    ("des dizaines de blessés", "2016-08-25", True),  # both dated, within the window
], ids=["shared_figure", "no_mark", "dated"])
def test_an_undated_addition_meets_a_stored_article_as_a_full_run_does(tmp_path, figure, day,
                                                                       mate) -> None:
    from factcheck.crossref.stories import find_stories

    add_to_store(tmp_path, [QUAKE], with_context=False)
    settings = load_lexicon().stories
    text = HOSPITALS.format(figure)
    with open_store(tmp_path) as con:
        (stored_text,), = con.execute("SELECT story_text FROM articles").fetchall()
        got = story_mates(con, [("new", day, text)], settings).mates["new"]
    full = find_stories([("seisme-abruzzes", "2016-08-24", stored_text), ("new", day, text)],
                        settings)
    assert full.same("new", "seisme-abruzzes") is mate
    assert got == ({"seisme-abruzzes"} if mate else set())
