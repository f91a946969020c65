"""The claims store (``factcheck.archive``): checking articles in batches against the store
gives the links, flags and facts of one run over all of them; re-adding changes nothing; a
store of another format version is refused and left untouched."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import GOLD_DIR, SEEDS_DIR

from factcheck.archive import StoreError, add_to_store, open_store
from factcheck.archive.facts_update import CURRENT_FACTS_SQL
from factcheck.archive.layout import MANIFEST, STORE_FORMAT_VERSION
from factcheck.archive.schema import ViewFormatError, view_from_json, view_to_json
from factcheck.corpus import read_corpus
from factcheck.crossref.cue_words import load_lexicon
from factcheck.crossref.facts import build_facts
from factcheck.crossref.reader_links import between_facts
from factcheck.crossref.stories import profile
from factcheck.crossref.story_places import ArticleWhere
from factcheck.crossref.views import prepare_claims
from factcheck.models import Article
from factcheck.pipeline import analyze, claims_frame


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    return list(read_corpus([SEEDS_DIR, GOLD_DIR / "dev_corpus.jsonl"]).articles)


@pytest.fixture(scope="module")
def full_run(corpus):
    analysis = analyze(corpus)
    return analysis, build_facts(analysis.claims, analysis.links)


def _stored(store: Path):
    with open_store(store) as con:
        return (con.execute("SELECT * FROM links").df(), con.execute("SELECT * FROM flags").df(),
                con.execute(CURRENT_FACTS_SQL).df(), con.execute("SELECT * FROM claims").df())


def _snapshot(store: Path) -> dict[str, bytes]:
    return {str(p.relative_to(store)): p.read_bytes() for p in sorted(store.rglob("*"))
            if p.is_file()}


SPLITS = {
    "halves": lambda arts: (arts[: len(arts) // 2], arts[len(arts) // 2 :]),
    "halves, second first": lambda arts: (arts[len(arts) // 2 :], arts[: len(arts) // 2]),
    "alternate": lambda arts: (arts[::2], arts[1::2]),
}


@pytest.mark.slow
@pytest.mark.parametrize("split", SPLITS)
def test_two_batches_give_the_links_flags_and_facts_of_one_run(tmp_path, corpus, full_run,
                                                                split) -> None:
    first, second = SPLITS[split](corpus)
    add_to_store(tmp_path, first)
    summary = add_to_store(tmp_path, second)
    assert summary.n_added == len(second) and summary.n_stored_before == len(first)
    assert summary.n_candidates > 0  # stored figures were read back and compared
    analysis, facts = full_run
    links, flags, stored_facts, claims = _stored(tmp_path)
    # Reports of one fact are the facts' claim_ids (compared below); links keeps the rest.
    assert set(links["link_id"]) == set(between_facts(analysis.links)["link_id"])
    assert not links["relation"].isin(["same", "compatible"]).any()
    assert set(flags["flag_id"]) == set(analysis.flags["flag_id"])
    assert sorted(flags["explanation"]) == sorted(analysis.flags["explanation"])
    assert {f: tuple(ids) for f, ids in zip(stored_facts["fact_id"], stored_facts["claim_ids"],
                                            strict=True)} == \
        {f: tuple(ids) for f, ids in zip(facts["fact_id"], facts["claim_ids"], strict=True)}
    assert set(claims["claim_id"]) == set(analysis.claims["claim_id"])
    assert len(analysis.links) > 20 and len(analysis.flags) >= 3  # a real comparison


@pytest.mark.slow
def test_readding_stored_articles_changes_nothing(tmp_path, corpus) -> None:
    add_to_store(tmp_path, corpus[:10])
    before = _snapshot(tmp_path)
    summary = add_to_store(tmp_path, corpus[:10])
    assert summary.batch is None and summary.n_present == 10 and summary.n_added == 0
    assert _snapshot(tmp_path) == before
    # Some known, some new: only the new ones make a batch.
    summary = add_to_store(tmp_path, corpus[5:12])
    assert (summary.n_present, summary.n_added, summary.batch) == (5, 2, "000002")
    with open_store(tmp_path) as con:
        n = con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchall()
    assert n == [(12, 12)]


def test_an_id_stored_with_another_text_is_left_out(tmp_path) -> None:
    add_to_store(tmp_path, [Article("a1", "Le bilan est de 46 morts.")], with_context=False)
    summary = add_to_store(tmp_path, [Article("a1", "Le bilan est de 47 morts."),
                                      Article("a2", "Le bilan est de 48 morts.")],
                           with_context=False)
    assert summary.conflicts == ("a1",) and summary.n_added == 1
    with open_store(tmp_path) as con:
        texts = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
    assert texts["a1"] == "Le bilan est de 46 morts."


@pytest.mark.parametrize("version", [STORE_FORMAT_VERSION + 1, STORE_FORMAT_VERSION - 1, 0, None])
def test_a_store_of_another_format_version_is_refused_untouched(tmp_path, version) -> None:
    add_to_store(tmp_path, [Article("a1", "Le bilan est de 46 morts.")], with_context=False)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    manifest["format_version"] = version
    manifest["factcheck_version"] = "9.9.9"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    before = _snapshot(tmp_path)
    with pytest.raises(StoreError) as caught:
        add_to_store(tmp_path, [Article("a2", "Le bilan est de 48 morts.")], with_context=False)
    message = str(caught.value)
    assert str(tmp_path) in message and f"version {version}" in message
    assert f"format version {STORE_FORMAT_VERSION}" in message and "9.9.9" in message
    assert _snapshot(tmp_path) == before


def test_a_folder_that_is_not_a_store_is_refused(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(StoreError, match="not a factcheck store"):
        add_to_store(tmp_path, [Article("a1", "46 morts.")], with_context=False)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_an_interrupted_batch_is_never_read_and_is_cleared(tmp_path) -> None:
    add_to_store(tmp_path, [Article("a1", "Le bilan est de 46 morts.")], with_context=False)
    stray = tmp_path / "articles" / "batch=000002"
    stray.mkdir()
    (stray / "part.parquet").write_bytes((tmp_path / "articles" / "batch=000001" /
                                          "part.parquet").read_bytes())
    with open_store(tmp_path) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchall() == [(1,)]
    summary = add_to_store(tmp_path, [Article("a2", "Le bilan est de 48 morts.")],
                           with_context=False)
    assert summary.batch == "000002"
    with open_store(tmp_path) as con:
        rows = con.execute("SELECT article_id, batch FROM articles ORDER BY 1").fetchall()
    assert rows == [("a1", "000001"), ("a2", "000002")]


def test_manifest_records_versions_and_batches(tmp_path) -> None:
    add_to_store(tmp_path, [Article("a1", "Le bilan est de 46 morts.")], with_context=False)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format_version"] == STORE_FORMAT_VERSION
    assert manifest["factcheck_version"]
    assert [b["batch"] for b in manifest["batches"]] == ["000001"]
    assert manifest["batches"][0]["articles"] == 1


@pytest.mark.slow
def test_stored_views_read_back_as_prepared(corpus) -> None:
    views = prepare_claims(claims_frame(corpus))
    assert views
    for view in views:
        assert view_from_json(view_to_json(view)) == replace(view, story=frozenset())


def test_where_each_article_happens_is_stored_with_its_views(corpus) -> None:
    """The article's event places (crossref/story_places.py) go into the stored view and
    come back as read; a view stored before them reads back with none (set apart from no
    article), and a stored record of other fields is refused."""
    views = [v for v in prepare_claims(claims_frame(corpus)) if v.where is not None]
    assert views, "the seeds name places: their views carry where their events happen"
    for view in views:
        data = json.loads(view_to_json(view))
        assert set(data["where"]) == {f.name for f in fields(ArticleWhere)}
        assert view_from_json(view_to_json(view)).where == view.where
        del data["where"]
        assert view_from_json(json.dumps(data)).where is None
        data["where"] = {"places": []}
        with pytest.raises(ViewFormatError, match="where"):
            view_from_json(json.dumps(data))


def test_each_article_keeps_its_story_profile_as_computed(tmp_path, corpus) -> None:
    """The word profile read back at each later addition is the one of the article's story
    text, word for word and in the same order (so its norm sums the same floats)."""
    add_to_store(tmp_path, corpus[:12], with_context=False)
    settings = load_lexicon().stories
    with open_store(tmp_path) as con:
        rows = con.execute("SELECT story_text, story_words, story_weights FROM articles "
                           "WHERE story_text IS NOT NULL").fetchall()
    assert len(rows) >= 6
    for text, words, weights in rows:
        expected = profile(text, settings)
        assert expected and list(zip(words, weights, strict=True)) == list(expected.items())


@pytest.mark.slow
def test_near_copies_give_the_links_flags_and_facts_of_one_run(tmp_path, corpus) -> None:
    """Copies whose repeated figures are left out of the judging, and a figure they add
    judged like any other: the batch is prepared once, the copies again without their
    repeated figures, and gives what one run gives."""
    originals = [a for a in corpus if a.published and len(a.text) > 1500][:8]
    copies = [replace(a, article_id=f"{a.article_id}-copie", source="Reprise",
                      text=a.text + " Le chantier a coûté 12 millions d'euros, selon la mairie.")
              for a in originals[:3]]
    articles = [*originals, *copies]
    add_to_store(tmp_path, originals[:4])
    add_to_store(tmp_path, [*originals[4:], *copies])
    analysis = analyze(articles)
    facts = build_facts(analysis.claims, analysis.links)
    links, flags, stored_facts, claims = _stored(tmp_path)
    with open_store(tmp_path) as con:
        copy_of = dict(con.execute("SELECT article_id, copy_of FROM articles "
                                   "WHERE copy_of IS NOT NULL").fetchall())
    assert copy_of == {c.article_id: c.article_id.removesuffix("-copie") for c in copies}
    assert set(links["link_id"]) == set(between_facts(analysis.links)["link_id"])
    assert set(flags["flag_id"]) == set(analysis.flags["flag_id"])
    assert {f: tuple(ids) for f, ids in zip(stored_facts["fact_id"], stored_facts["claim_ids"],
                                            strict=True)} == \
        {f: tuple(ids) for f, ids in zip(facts["fact_id"], facts["claim_ids"], strict=True)}
    assert set(claims["claim_id"]) == set(analysis.claims["claim_id"])


def test_a_view_with_qualifiers_reads_back() -> None:
    """Pairs held in a frozenset (the qualifiers of a counted thing: (set, value)) come back
    as pairs, not as the lists JSON stores."""
    text = ("À Brest, 12 personnes ont été hospitalisées, dont 3 en réanimation, "
            "selon la préfecture.")
    views = prepare_claims(claims_frame([Article("q1", text)]))
    assert any(v.qualifiers for v in views)
    for view in views:
        assert view_from_json(view_to_json(view)) == replace(view, story=frozenset())


def test_a_view_whose_counted_noun_is_unsaid_reads_back() -> None:
    """A narrowing left unknown (None: "9,5 % selon le ministère" says no noun) comes back as
    None, and a stated one as the same set."""
    text = ("La grève a été suivie par 40 % des enseignants selon le syndicat, "
            "9,5 % selon le ministère.")
    views = prepare_claims(claims_frame([Article("n1", text)]))
    assert any(v.narrowing is None for v in views)
    assert any(v.narrowing is not None for v in views)
    for view in views:
        assert view_from_json(view_to_json(view)) == replace(view, story=frozenset())


def _as_stored_before_doer(store: Path) -> None:
    """Rewrite a store's claims as a format 7 store written before the ``doer`` column and
    the ``doer`` and ``projected_by_date`` view fields."""
    for path in (store / "claims").rglob("*.parquet"):
        table = pq.read_table(path)
        views = [json.dumps({k: v for k, v in json.loads(text).items()
                             if k not in ("doer", "projected_by_date")})
                 for text in table.column("view").to_pylist()]
        table = table.drop_columns(["doer"])
        table = table.set_column(table.schema.get_field_index("view"), "view",
                                 pa.array(views, pa.string()))
        pq.write_table(table, path)


def test_a_store_written_before_the_doer_column_loads_and_grows(tmp_path) -> None:
    add_to_store(tmp_path, [Article("a1", "La Région a versé 2 millions d'euros aux communes.")])
    _as_stored_before_doer(tmp_path)
    summary = add_to_store(
        tmp_path, [Article("a2", "L'État a versé 2 millions d'euros aux communes.")])
    assert summary.n_added == 1
    with open_store(tmp_path) as con:
        doers = dict(con.execute("SELECT article_id, doer FROM claims").fetchall())
    assert doers == {"a1": None, "a2": "état"}


def test_a_stored_view_without_a_later_field_reads_back_with_its_default() -> None:
    view = prepare_claims(claims_frame([Article("a1", "Le bilan est de 46 morts.")]))[0]
    data = json.loads(view_to_json(view))
    for later in ("doer", "projected_by_date", "term", "cause", "names", "source_names"):
        del data[later]
    back = view_from_json(json.dumps(data))
    assert back.doer == "" and back.projected_by_date is False
    assert back.term == () and back.cause == frozenset()
    assert back.names == () and back.source_names == ()
    with pytest.raises(ViewFormatError, match="unknown_field"):
        view_from_json(json.dumps({**data, "unknown_field": 1}))


def test_headlines_given_apart_give_the_links_flags_and_facts_of_one_run(tmp_path) -> None:
    """Articles with a headline apart from their text (tests/crossref/data/headlines.json):
    each headline read against its own body in its batch, a repeated headline never met
    again by a later batch: the store gives what one run gives."""
    cases = json.loads((Path(__file__).resolve().parents[1] / "crossref" / "data"
                        / "headlines.json").read_text(encoding="utf-8"))
    articles = [Article(c["name"], c["text"], title=c["title"], source="La Gazette test",
                        published=date(2026, 5, 4)) for c in cases]
    add_to_store(tmp_path, articles[::2])
    add_to_store(tmp_path, articles[1::2])
    analysis = analyze(articles)
    facts = build_facts(analysis.claims, analysis.links)
    links, flags, stored_facts, claims = _stored(tmp_path)
    assert set(links["link_id"]) == set(between_facts(analysis.links)["link_id"])
    contradicted = sum(c["relation"] == "contradiction" for c in cases)
    assert set(flags["flag_id"]) == set(analysis.flags["flag_id"]) and len(flags) == contradicted
    assert {f: tuple(ids) for f, ids in zip(stored_facts["fact_id"], stored_facts["claim_ids"],
                                            strict=True)} == \
        {f: tuple(ids) for f, ids in zip(facts["fact_id"], facts["claim_ids"], strict=True)}
    assert set(claims.loc[claims["part"] == "title", "claim_id"]) == set(
        analysis.claims.loc[analysis.claims["part"] == "title", "claim_id"])
