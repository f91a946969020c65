"""The dashboard app through Streamlit's AppTest: every view, filters, reviews that survive a
restart, draft checking, escaping of untrusted text, exports.

Extraction and cross-referencing are replaced by the small hand-checked stand-ins of
``dashboard_fakes`` (they have their own tests); ``test_dashboard_engines.py`` runs the app on
the real engines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import dashboard_fakes as fakes
import pytest
from streamlit.testing.v1 import AppTest

from factcheck.dashboard import loading
from factcheck.dashboard.labels import VIEWS
from factcheck.store import ReviewStore

APP = str(Path(__file__).resolve().parents[2] / "dashboard.py")


def _shown(at: AppTest) -> list[str]:
    """Markdown and escaped-HTML text of the page (explanations are shown as HTML)."""
    return [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]


@pytest.fixture
def env(monkeypatch, tmp_path, fake_dashboard_engines):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "reviews.sqlite3"))
    monkeypatch.setenv("FACTCHECK_CORPUS_ROOT", str(tmp_path))
    monkeypatch.delenv("FACTCHECK_REVIEWER", raising=False)
    monkeypatch.delenv("FACTCHECK_SEEDS", raising=False)
    return tmp_path


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60).run()


def _view(at: AppTest, view: str) -> AppTest:
    at.sidebar.radio(key="view").set_value(view).run()
    assert not at.exception, at.exception
    return at


def _with_folder(at: AppTest, folder: Path) -> AppTest:
    at.sidebar.text_input(key="folder").input(str(folder)).run()
    return at


@pytest.fixture
def extra_folder(env):
    folder = env / "extra"
    folder.mkdir()
    (folder / "washington.txt").write_text(fakes.CONTRADICTING_ARTICLE.text, encoding="utf-8")
    return folder


def _html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def _marks(body: str) -> list[str]:
    return re.findall(r"<mark[^>]*>(.*?)</mark>", body)


@pytest.mark.parametrize("view", [v for v in VIEWS if v != "Archive"])
def test_every_view_opens_on_the_seeds(env, view):
    at = _view(_app(), view)
    assert not at.error
    assert at.header[0].value == view
    assert "Corpus analysé : 2 articles" in at.status[0].label  # the status box


def test_the_archive_view_opens_without_analysing_the_corpus(env):
    # It browses a store (tests/dashboard/test_dashboard_archive.py), not the loaded articles.
    at = _view(_app(), "Archive")
    assert not at.error and at.header[0].value == "Archive"
    assert not at.status


def test_articles_view_highlights_figures_and_shows_the_chosen_one(env):
    at = _view(_app(), "Articles")
    at.selectbox(key="article").set_value("004_65a5d7e65e64810d").run()
    text_body = next(b for b in _html_bodies(at) if 'class="fc-text"' in b)
    # The seed's figures known to the stand-in extractor, identifiers excluded.
    assert sorted(_marks(text_body)) == sorted(
        ["46 drones", "46 drones", "17 drones", "400 000 soldats", "988 millions de dollars",
         "20 janvier"]
    )
    assert 'data-status="flagged"' not in text_body  # nothing is flagged in the seeds
    at.selectbox(key="figure-004_65a5d7e65e64810d").set_value(_first_claim("46 drones")).run()
    details, links = at.dataframe[0].value, at.dataframe[1].value
    assert dict(zip(details["Champ"], details["Valeur"], strict=True))["Catégorie"] == (
        "drones abattus"
    )
    assert list(links["Relation"]) == ["identique"]
    assert list(links["Chiffre lié"]) == ["46 drones"]
    body = next(b for b in _html_bodies(at) if 'class="fc-text"' in b)
    assert body.count("outline") == 1  # the chosen figure


def _first_claim(surface: str) -> str:
    articles = loading.load_folder(loading.default_corpus_dir()).articles
    claims = fakes.fake_claims_frame(list(articles))
    return str(claims[claims["surface"] == surface]["claim_id"].iloc[0])


def _figure_count(at: AppTest) -> int:
    caption = next(c.value for c in at.caption if "chiffre(s) sur" in c.value)
    return int(caption.split()[0])


def test_figures_view_filters(env, extra_folder):
    at = _view(_with_folder(_app(), extra_folder), "Chiffres")
    total = _figure_count(at)
    assert total == len(at.dataframe[0].value) > 5
    at.text_input(key="f_search").input("belgorod").run()  # case and accents folded
    assert list(at.dataframe[0].value["Chiffre"]) == ["17 drones"]
    at.text_input(key="f_search").input("").run()
    at.multiselect(key="f_kinds").set_value(["money"]).run()
    assert sorted(at.dataframe[0].value["Chiffre"]) == [
        "988 milliards de dollars", "988 millions de dollars"
    ]
    at.multiselect(key="f_kinds").set_value([]).run()
    at.checkbox(key="f_flagged").check().run()
    assert set(at.dataframe[0].value["Statut"]) == {"signalé, à revoir"}
    assert _figure_count(at) == 2
    at.checkbox(key="f_flagged").uncheck().run()
    at.multiselect(key="f_categories").set_value(["drones abattus"]).run()
    assert _figure_count(at) == 3
    at.multiselect(key="f_articles").set_value(["washington"]).run()
    assert _figure_count(at) == 0


def _flag_buttons(at: AppTest, prefix: str) -> list:
    return [b for b in at.button if b.key and b.key.startswith(prefix)]


def test_review_is_saved_and_read_back_after_a_restart(env, extra_folder):
    at = _view(_with_folder(_app(), extra_folder), "Signalements")
    assert any("facteur 1000" in t for t in _shown(at))
    at.sidebar.text_input(key="reviewer").input("Camille Martin").run()
    flag_id = _flag_buttons(at, "confirm-")[0].key.removeprefix("confirm-")
    at.text_input(key=f"note-{flag_id}").input("Le Pentagone parle de millions").run()
    _flag_buttons(at, "confirm-")[0].click().run()
    assert not at.exception
    assert "Relecture enregistrée" in at.success[0].value
    assert not _flag_buttons(at, "confirm-")  # no open flag left in the default filter

    restarted = _view(_with_folder(_app(), extra_folder), "Signalements")
    restarted.selectbox(key="flag_status").set_value("confirmés").run()
    assert any("confirmé" in t for t in _shown(restarted))
    caption = next(c.value for c in restarted.caption if "Dernière décision" in c.value)
    assert "Camille Martin" in caption and "millions" in caption
    history = ReviewStore(env / "reviews.sqlite3").history()
    assert list(history[["flag_id", "decision", "reviewer"]].itertuples(index=False)) == [
        (flag_id, "confirmed", "Camille Martin")
    ]
    claims = restarted.sidebar.radio(key="view").set_value("Chiffres").run()
    claims.checkbox(key="f_flagged").check().run()
    assert set(claims.dataframe[0].value["Statut"]) == {"erreur confirmée"}


def test_review_without_a_name_is_not_saved(env, extra_folder):
    at = _view(_with_folder(_app(), extra_folder), "Signalements")
    _flag_buttons(at, "dismiss-")[0].click().run()
    assert "votre nom" in at.warning[0].value
    assert ReviewStore(env / "reviews.sqlite3").history().empty


def test_dismiss_then_reopen(env, extra_folder):
    at = _view(_with_folder(_app(), extra_folder), "Signalements")
    at.sidebar.text_input(key="reviewer").input("Léa").run()
    _flag_buttons(at, "dismiss-")[0].click().run()
    at.selectbox(key="flag_status").set_value("écartés").run()
    _flag_buttons(at, "reopen-")[0].click().run()
    at.selectbox(key="flag_status").set_value("à revoir").run()
    assert len(_flag_buttons(at, "confirm-")) == 1
    history = ReviewStore(env / "reviews.sqlite3").history()
    assert list(history["decision"]) == ["dismissed", "reopened"]


def test_draft_with_a_contradicting_figure_is_flagged(env):
    at = _view(_app(), "Vérifier un brouillon")
    at.text_area(key="draft_text").input(fakes.CONTRADICTING_ARTICLE.text)
    at.button[0].click().run()
    assert not at.exception
    body = next(b for b in _html_bodies(at) if 'class="fc-text"' in b)
    flagged = re.findall(r'<mark[^>]*data-status="flagged"[^>]*>(.*?)</mark>', body)
    assert flagged == ["988 milliards de dollars"]
    assert any("facteur 1000" in t for t in _shown(at))
    assert not _flag_buttons(at, "confirm-")  # draft flags are not reviewed


def test_consistent_draft_gets_no_flag(env):
    at = _view(_app(), "Vérifier un brouillon")
    at.text_area(key="draft_text").input("Moscou dit avoir abattu 46 drones ukrainiens.")
    at.button[0].click().run()
    assert any("Aucune incohérence" in s.value for s in at.success)


@pytest.mark.parametrize(
    "payload",
    ["<script>alert('x')</script>", '<img src=x onerror="alert(1)">'],
)
def test_html_in_an_added_article_is_shown_as_text(env, payload):
    folder = env / "evil"
    folder.mkdir()
    (folder / "evil.html.txt").write_text(
        f"{payload}\nSelon Kiev, 46 drones ont été abattus. {payload}", encoding="utf-8"
    )
    at = _view(_with_folder(_app(), folder), "Articles")
    at.selectbox(key="article").set_value("evil.html").run()
    body = next(b for b in _html_bodies(at) if 'class="fc-text"' in b)
    assert "<script" not in body and "<img" not in body
    assert "&lt;script&gt;" in body or "&lt;img" in body
    assert _marks(body) == ["46 drones"]


def test_timeline_view_draws_the_chosen_metric(env):
    at = _view(_app(), "Chronologie")
    metric = at.selectbox(key="metric")
    drones = next(o for o in metric.options if "drones abattus" in o)
    metric.set_value(drones).run()
    chart = next(el for el in at.main if el.type == "vega_lite_chart")
    marks = re.findall(r'"mark": ?\{"type": ?"(\w+)"', chart.proto.spec)
    assert sorted(marks) == ["point", "rule"]  # values, and intervals as ranges
    # One point per fact by default: the two reports of "46 drones" are one fact.
    table = at.dataframe[0].value
    assert sorted(zip(table["Chiffre"], table["Rapports du fait"], strict=True)) == [
        ("17 drones", 1), ("46 drones", 2)]
    at.checkbox(key="per_fact").uncheck().run()
    table = at.dataframe[0].value
    assert sorted(table["Chiffre"]) == ["17 drones", "46 drones", "46 drones"]


def test_exports_view_offers_csv_and_french_excel_for_every_table(env):
    at = _view(_app(), "Exports")
    keys = sorted(el.key for el in at.get("download_button"))
    assert keys == sorted(
        f"dl-{name}-{fmt}" for name in ("claims", "facts", "links", "flags", "reviews")
        for fmt in ("csv", "xlsfr")
    )


def test_packaged_app_runs_without_the_repository_shim(env):
    from factcheck.dashboard import app_path

    at = AppTest.from_file(str(app_path()), default_timeout=60).run()
    assert not at.exception
    assert at.header[0].value == "Articles"


def test_low_confidence_flags_can_be_hidden(env, extra_folder):
    at = _view(_with_folder(_app(), extra_folder), "Signalements")
    assert any("confiance 0,80" in t for t in _shown(at))
    at.slider(key="flag_confidence").set_value(0.9).run()
    assert not _flag_buttons(at, "confirm-")
    assert any("Aucun signalement avec ces critères" in i.value for i in at.info)
    at.slider(key="flag_confidence").set_value(0.5).run()
    assert len(_flag_buttons(at, "confirm-")) == 1


@pytest.mark.parametrize(("doer", "shown"), [("région", "région"), ("?", "inconnu"),
                                             (None, "—")])
def test_a_chosen_figure_names_the_doer_of_its_act(doer, shown) -> None:
    from factcheck.dashboard.views_read import _claim_details

    details = _claim_details({"surface": "2 millions d'euros", "doer": doer})
    assert dict(zip(details["Champ"], details["Valeur"], strict=True))[
        "Auteur de l'opération"] == shown


@pytest.mark.parametrize(("mode", "basis", "shown"), [
    ("explicit", "sentence", "Colmar"),
    ("inherited", "lead", "Colmar (déduit du titre et du chapeau)"),
    ("inherited", "article", "Colmar (déduit de l'article)"),
    ("inherited", "report", "Colmar (repris d'une phrase précédente)"),
])
def test_a_chosen_figure_tells_an_inherited_place(mode, basis, shown) -> None:
    from factcheck.dashboard.views_read import _claim_details

    details = _claim_details({"surface": "3 %", "place": "Colmar", "place_mode": mode,
                              "place_basis": basis})
    assert dict(zip(details["Champ"], details["Valeur"], strict=True))["Lieu"] == shown


def test_a_headline_given_apart_is_shown_above_the_text_with_its_figures(env):
    # A table row's title is the headline: shown above the text, its own figures marked at
    # offsets in the title, the text's figures in the text (escaped like any article text).
    folder = env / "titled"
    folder.mkdir()
    row = {"id": "kiev-drones", "title": "<b>Kiev</b> : 46 drones abattus en une nuit",
           "text": "Selon Moscou, 17 drones ont été abattus au-dessus de la Crimée."}
    (folder / "lot.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    at = _view(_with_folder(_app(), folder), "Articles")
    at.selectbox(key="article").set_value("kiev-drones").run()
    bodies = _html_bodies(at)
    headline = next(b for b in bodies if 'class="fc-headline"' in b)
    text = next(b for b in bodies if 'class="fc-text"' in b)
    assert _marks(headline) == ["46 drones"] and "&lt;b&gt;Kiev" in headline
    assert _marks(text) == ["17 drones"]


def test_an_article_without_a_headline_shows_none(env):
    at = _view(_app(), "Articles")
    at.selectbox(key="article").set_value("004_65a5d7e65e64810d").run()
    assert not any('class="fc-headline"' in b for b in _html_bodies(at))
