"""The dashboard's logic without Streamlit: corpus loading and hashing, statuses, filters,
links, evidence and exports."""

from __future__ import annotations

import io
import json

import dashboard_fakes as fakes
import pandas as pd
import pytest

from factcheck.dashboard import data, loading
from factcheck.dashboard.analysis import analyze_with_progress
from factcheck.dashboard.highlight import SpanStatus
from factcheck.models import Article
from factcheck.store import ReviewStore


@pytest.fixture
def analysis():
    articles = [*loading.load_folder(loading.default_corpus_dir()).articles,
                fakes.CONTRADICTING_ARTICLE]
    return fakes.fake_analyze(articles).analysis


def test_seeds_are_found_and_read():
    loaded = loading.load_folder(loading.default_corpus_dir())
    assert {a.article_id for a in loaded.articles} == {
        "000_920380b514dee3bb", "004_65a5d7e65e64810d"
    }
    assert loaded.errors == ()


def test_missing_folder_is_reported_in_french(tmp_path):
    loaded = loading.load_folder(tmp_path / "absent")
    assert loaded.articles == ()
    assert "absent" in loaded.errors[0] and "introuvable" in loaded.errors[0]


def test_oversized_upload_is_refused_by_name_and_others_still_read():
    loaded = loading.load_uploads(
        [("enorme.txt", b"x" * 2001), ("ok.txt", "Kiev a reçu 46 drones.".encode())],
        max_bytes=2000,
    )
    assert [a.article_id for a in loaded.articles] == ["ok"]
    assert "« enorme.txt »" in loaded.errors[0] and "trop volumineux" in loaded.errors[0]


@pytest.mark.parametrize("name", ["a.txt", "b.csv", "c.jsonl", "d.html"])
def test_uploads_of_every_supported_type(name):
    text = "Selon Moscou, 46 drones ont été abattus."
    payload = {
        "txt": text,
        "csv": f'id,text\nx,"{text}"\n',
        "jsonl": json.dumps({"id": "x", "text": text}) + "\n",
        "html": f"<html><body><p>{text}</p></body></html>",
    }[name.rsplit(".", 1)[1]]
    loaded = loading.load_uploads([(name, payload.encode("utf-8"))])
    assert loaded.errors == ()
    assert [a.text.strip() for a in loaded.articles] == [text]


def test_merge_keeps_both_articles_of_an_id_as_the_reader_does(tmp_path):
    from factcheck.corpus import read_corpus

    for folder, text in (("a", "46 drones abattus."), ("b", "47 drones abattus.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(text, encoding="utf-8")
    read_together = read_corpus([tmp_path / "a", tmp_path / "b"]).articles
    loads = [loading.load_folder(tmp_path / "a"), loading.load_folder(tmp_path / "b")]
    articles, messages = loading.merge_articles(*(load.articles for load in loads))
    assert [(a.article_id, a.text) for a in articles] == [
        (a.article_id, a.text) for a in read_together]
    assert articles[1].article_id.startswith("x~") and articles[1].text == "47 drones abattus."
    assert len(messages) == 1
    assert "« x » déjà pris" in messages[0] and f"« {articles[1].article_id} »" in messages[0]
    assert str(tmp_path / "a") in messages[0] and str(tmp_path / "b") in messages[0]


def test_merge_keeps_the_same_article_loaded_twice_once():
    a = Article("x", "un", origin="seeds/x.txt")
    upload = Article("x", "un", origin="upload.txt")  # same text, another file: both kept
    articles, messages = loading.merge_articles([a, Article("y", "trois")], [a, upload])
    assert [x.article_id for x in articles] == ["x", "y", articles[2].article_id]
    assert articles[2].article_id.startswith("x~") and articles[2].origin == "upload.txt"
    assert "déjà chargé" in messages[0] and "upload.txt" in messages[1]


def test_corpus_key_depends_on_content_only():
    a, b = Article("x", "46 drones"), Article("y", "17 drones")
    assert loading.corpus_key([a, b]) == loading.corpus_key([b, a])
    assert loading.corpus_key([a]) != loading.corpus_key([Article("x", "47 drones")])
    assert loading.corpus_key([a]) != loading.corpus_key([a, b])


def test_analysis_in_batches_reports_progress(monkeypatch):
    import factcheck.pipeline as pipeline

    monkeypatch.setattr(pipeline, "claims_frame", fakes.fake_claims_frame)
    articles = [Article(f"a{i}", f"Moscou: {i} drones et 46 drones.") for i in range(5)]
    steps: list[tuple[int, int]] = []
    result = analyze_with_progress(articles, lambda d, t: steps.append((d, t)), batch=2)
    assert steps == [(2, 5), (4, 5), (5, 5)]
    assert len(result.analysis.claims) == 5 and len(result.analysis.articles) == 5
    assert result.left_out == ()


def _reviewed(analysis, tmp_path, decisions=()):
    store = ReviewStore(tmp_path / "r.sqlite3")
    for flag_id, decision in decisions:
        store.record(flag_id, decision, "Camille")
    return data.flags_with_reviews(analysis.flags, store.current())


def test_claim_statuses_follow_reviews(analysis, tmp_path):
    (flag_id,) = analysis.flags["flag_id"]
    flagged = set(analysis.flags.iloc[0]["claim_ids"])
    for decisions, expected in (
        ((), SpanStatus.FLAGGED),
        (((flag_id, "confirmed"),), SpanStatus.CONFIRMED),
        (((flag_id, "dismissed"),), SpanStatus.DISMISSED),
    ):
        flags = _reviewed(analysis, tmp_path / expected.value, decisions)
        claims = data.claims_with_status(analysis.claims, flags)
        by_status = claims.groupby("status")["claim_id"].apply(set).to_dict()
        assert by_status[expected.value] == flagged
        assert set(claims[claims["flag_ids"] != ""]["claim_id"]) == flagged
        assert (claims["status"] == SpanStatus.CONSISTENT.value).sum() == len(claims) - 2


def test_flags_carry_reviewer_and_time(analysis, tmp_path):
    (flag_id,) = analysis.flags["flag_id"]
    flags = _reviewed(analysis, tmp_path, [(flag_id, "confirmed")])
    row = flags.iloc[0]
    assert (row["status"], row["reviewer"]) == ("confirmed", "Camille")
    assert row["decided_at"]
    assert _reviewed(analysis, tmp_path / "empty").iloc[0]["status"] == "open"


def test_filters_combine(analysis, tmp_path):
    claims = data.claims_with_status(analysis.claims, _reviewed(analysis, tmp_path))
    assert data.filter_claims(claims).equals(claims)
    assert list(data.filter_claims(claims, search="BELGOROD")["surface"]) == ["17 drones"]
    assert sorted(data.filter_claims(claims, search="defense")["surface"]) == [
        "17 drones", "46 drones", "46 drones"
    ]  # "Défense", in the source
    money = data.filter_claims(claims, kinds=["money"])
    assert sorted(money["surface"]) == ["988 milliards de dollars", "988 millions de dollars"]
    assert len(data.filter_claims(claims, flagged_only=True)) == 2
    assert list(data.filter_claims(claims, kinds=["money"], article_ids=["washington-aide"])[
        "surface"]) == ["988 milliards de dollars"]
    assert data.filter_claims(claims, sources=["Washington"], categories=["drones abattus"]).empty


def test_claim_links_give_the_other_side(analysis):
    claims = analysis.claims
    first_46 = claims[claims["surface"] == "46 drones"].iloc[0]["claim_id"]
    links = data.claim_links(analysis.links, claims, first_46)
    assert list(links["relation"]) == ["same"]
    assert list(links["surface"]) == ["46 drones"]
    assert links.iloc[0]["other_claim"] != first_46


def test_flag_evidence_lists_both_sentences_with_articles(analysis):
    evidence = data.flag_evidence(analysis.flags.iloc[0].to_dict(), analysis.claims)
    assert sorted(evidence["article_id"]) == ["004_65a5d7e65e64810d", "washington-aide"]
    assert all("988" in s for s in evidence["sentence"])
    assert set(evidence["published"]) == {"2024-12-08"}


def test_spans_skip_identifiers_and_mark_the_selection(analysis):
    claims = analysis.claims
    article = "000_920380b514dee3bb"
    ids = claims[(claims["article_id"] == article) & (claims["kind"] != "identifier")]
    spans = data.spans_for_article(claims, article, {}, selected=ids.iloc[0]["claim_id"])
    assert len(spans) == len(ids)
    assert [s.selected for s in spans].count(True) == 1
    assert "BM-35" in set(claims[claims["article_id"] == article]["surface"])


def test_exports_flatten_tuples_and_french_excel_variant(analysis, tmp_path):
    flags = _reviewed(analysis, tmp_path)
    plain = data.csv_bytes(flags).decode("utf-8")
    assert "status" in plain.splitlines()[0] and "open" in plain
    assert "; " in plain  # claim ids joined
    claims = data.claims_with_status(analysis.claims, flags)
    excel = data.excel_fr_bytes(claims)
    assert excel.startswith("\ufeff".encode())
    header, *rows = excel.decode("utf-8-sig").splitlines()
    assert header.split(";")[:2] == ["article_id", "claim_id"]
    assert "status" in header.split(";")
    row_988 = next(r for r in rows if "988 millions" in r)
    assert "988000000,0" in row_988  # decimal comma
    back = pd.read_csv(io.BytesIO(excel), sep=";", decimal=",", encoding="utf-8-sig")
    assert len(back) == len(claims)


def test_links_with_status(analysis, tmp_path):
    claims = data.claims_with_status(analysis.claims, _reviewed(analysis, tmp_path))
    links = data.links_with_status(analysis.links, claims)
    contradiction = links[links["relation"] == "contradiction"].iloc[0]
    assert (contradiction["status_a"], contradiction["status_b"]) == ("flagged", "flagged")


def test_reference_figures_load_or_say_why(tmp_path):
    frame, error = data.load_reference_figures()
    assert error is None and len(frame) > 0
    missing, error = data.load_reference_figures(tmp_path / "absent.csv")
    assert missing is None and "absent.csv" in error and "introuvable" in error
    bad = tmp_path / "bad.csv"
    bad.write_text("ref_id,metric\nx,y\n", encoding="utf-8")
    broken, error = data.load_reference_figures(bad)
    assert broken is None and "bad.csv" in error


def test_frame_key_follows_content():
    frame, _ = data.load_reference_figures()
    assert data.frame_key(frame) == data.frame_key(frame.copy())
    changed = frame.copy()
    changed.loc[0, "value"] = "1"
    assert data.frame_key(changed) != data.frame_key(frame)
    assert data.frame_key(None) == "none"


def test_app_ships_in_the_package_with_its_launch_command():
    from factcheck.dashboard import app_path, streamlit_command

    assert app_path().name == "app.py" and app_path().is_file()
    command = streamlit_command(["--server.port", "8600"])
    assert command[1:5] == ["-m", "streamlit", "run", str(app_path())]
    assert command[-2:] == ["--server.port", "8600"]  # given options come last and win
    assert command[command.index("--server.maxUploadSize") + 1] == "5"


def test_flags_are_sorted_by_confidence_then_severity() -> None:
    from factcheck.dashboard.data import sort_flags

    flags = pd.DataFrame({"flag_id": ["a", "b", "c", "d"],
                          "severity": ["low", "high", "high", "medium"],
                          "confidence": [0.9, 0.4, 0.8, None]})
    assert list(sort_flags(flags)["flag_id"]) == ["a", "c", "b", "d"]


def test_articles_left_out_are_worded_in_french_naming_their_file():
    from factcheck.budget import failed, over_budget
    from factcheck.dashboard.analysis import left_out_message

    article = Article("d02", "17 drones.", origin="lot.jsonl:2")
    assert left_out_message(over_budget(article, 2.5, "figure extraction")) == (
        "lot.jsonl:2 : article « d02 » non analysé : la lecture des chiffres a dépassé le "
        "temps de calcul permis pour un article (2,5 s, réglage FACTCHECK_ARTICLE_TIMEOUT).")
    assert left_out_message(failed(article, ValueError("boom"), "context")) == (
        "lot.jsonl:2 : article « d02 » non analysé : erreur pendant la lecture du contexte "
        "(ValueError: boom).")
    assert left_out_message(over_budget(article, 30, "context"), "Brouillon").startswith(
        "Brouillon non analysé : la lecture du contexte a dépassé")
