"""``factcheck check``: the main job (claims, links, flags, sums) from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, SEEDS_DIR

from factcheck.cli import main
from factcheck.crossref.reader_links import READER_LINK_COLUMNS
from factcheck.models import CLAIM_COLUMNS, FLAG_COLUMNS

DRAFT_A = (
    "Dans le même temps, l'administration Biden a annoncé une nouvelle aide militaire à "
    "l'Ukraine, d'un montant de 988 millions de dollars."
)
DRAFT_B = (
    "Washington débloque 988 milliards de dollars d'aide militaire supplémentaire pour "
    "Kiev, selon l'administration Biden."
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_csv(out / f"{n}.csv") for n in ("claims", "links", "flags", "sums")}


def test_check_help(runner) -> None:
    result = runner.invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "flags.csv" in result.output


def _reports_as_promised(links: pd.DataFrame, claims: pd.DataFrame,
                         facts: pd.DataFrame) -> None:
    """What the tables promise of a fact's reports: links.csv has one ``fact`` row for each
    of its figures (facts.csv's ``claim_ids``), and ``n_reports`` counts one report a
    figure, except that a headline given apart and its own article's body giving the fact
    are one report of their article (so links rows equal the sum of ``n_reports`` only
    without titles)."""
    ids = [str(v).split("; ") for v in facts["claim_ids"]]
    rows = links[links["relation"] == "fact"]
    assert sorted(rows["claim_a"]) == sorted(c for group in ids for c in group)
    part = dict(zip(claims["claim_id"], claims["part"], strict=True))
    article = dict(zip(claims["claim_id"], claims["article_id"], strict=True))
    for group, n_reports in zip(ids, facts["n_reports"], strict=True):
        bodies = [c for c in group if part[c] != "title"]
        told = {article[c] for c in bodies}  # articles whose body gives the fact
        lone_titles = [c for c in group if part[c] == "title" and article[c] not in told]
        assert n_reports == len(bodies) + len(lone_titles)


@pytest.mark.slow
def test_check_on_the_seeds_writes_the_four_tables(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(main, ["check", str(SEEDS_DIR), "-o", str(out), "--excel-fr"])
    assert result.exit_code == 0, result.output
    tables = _tables(out)
    assert list(tables["claims"].columns[: len(CLAIM_COLUMNS)]) == list(CLAIM_COLUMNS)
    assert list(tables["links"].columns) == list(READER_LINK_COLUMNS)
    flag_columns = list(FLAG_COLUMNS)
    flag_columns.insert(flag_columns.index("claim_ids") + 1, "fact_ids")
    assert list(tables["flags"].columns) == flag_columns
    # The seeds are consistent: 46 = 17 + 12 + "le reste", the two 46 are the same.
    assert tables["flags"].empty, tables["flags"].to_dict("records")
    # links.csv: one row per figure to its fact, no pair of one fact; the two 46 share one.
    links, claims = tables["links"], tables["claims"]
    assert set(links["relation"]) == {"fact"}
    assert links["claim_a"].is_unique
    facts = pd.read_csv(out / "facts.csv")
    _reports_as_promised(links, claims, facts)
    fact_of = dict(zip(links["claim_a"], links["fact_a"], strict=True))
    forty_six = claims.loc[claims["surface"].astype(str) == "46", "claim_id"].tolist()
    assert len(forty_six) == 2 and fact_of[forty_six[0]] == fact_of[forty_six[1]]
    assert "cohérent" in " ".join(tables["sums"].astype(str).to_numpy().ravel())
    assert (out / "flags.excel-fr.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "articles lus" in result.output
    # The summary counts relations between facts; the two 46 are one fact reported twice.
    assert "0 relation entre faits" in result.output
    assert "2 rapportés plusieurs fois" in result.output


@pytest.mark.slow
def test_check_flags_a_scale_slip_between_two_articles(runner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DRAFT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(DRAFT_B, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "id,published\na,2024-12-08\nb,2024-12-08\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = runner.invoke(main, ["check", str(tmp_path), "-o", str(out), "--no-reference"])
    assert result.exit_code == 0, result.output
    tables = _tables(out)
    flags = tables["flags"]
    assert "scale_slip" in set(flags["type"]), flags.to_dict("records")
    assert "signalement" in result.output
    # The flag points at the facts of its figures, and the relation between them is kept in
    # links.csv with the fact of each side.
    slip = flags[flags["type"] == "scale_slip"].iloc[0]
    assert len(str(slip["fact_ids"]).split("; ")) == len(str(slip["claim_ids"]).split("; "))
    links = tables["links"]
    between = links[links["relation"] != "fact"]
    assert len(between) >= 1 and between["fact_a"].notna().all() and between["fact_b"].notna().all()
    assert set(between["fact_a"]) | set(between["fact_b"]) <= set(links["fact_a"])


def test_a_missing_input_is_reported_and_the_rest_checked(runner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        main,
        [
            "check",
            str(GOLD_DIR / "dev_corpus.jsonl"),
            str(tmp_path / "absent.txt"),
            "-o",
            str(out),
            "--no-context",
        ],
    )
    assert result.exit_code == 1
    assert "absent.txt" in result.output
    assert len(_tables(out)["claims"]) > 0


def test_a_bad_reference_file_is_a_usage_error(runner, tmp_path: Path) -> None:
    bad = tmp_path / "figures.csv"
    bad.write_text("ref_id,metric\nx,y\n", encoding="utf-8")
    result = runner.invoke(
        main, ["check", str(SEEDS_DIR), "-o", str(tmp_path / "out"), "--reference", str(bad)]
    )
    assert result.exit_code == 2
    assert "figures.csv" in result.output


def test_dashboard_command_launches_streamlit_with_extra_options(runner, monkeypatch) -> None:
    import factcheck.dashboard as dashboard

    calls: list[tuple[str, ...]] = []
    monkeypatch.setattr(dashboard, "launch", lambda args: calls.append(tuple(args)) or 0)
    result = runner.invoke(main, ["dashboard", "--server.port", "8502"])
    assert result.exit_code == 0, result.output
    assert calls == [("--server.port", "8502")]
    assert dashboard.streamlit_command(())[2:4] == ["streamlit", "run"]


def test_a_second_run_does_not_read_its_own_output(runner, tmp_path: Path) -> None:
    """"factcheck check . -o out" run twice in a folder: the first run's tables (inside the
    input folder) are neither articles nor errors; named explicitly, one is still an error."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "a.txt").write_text(DRAFT_A, encoding="utf-8")
    (folder / "b.txt").write_text(DRAFT_B, encoding="utf-8")
    for out in ("out", "out", "out2"):
        result = runner.invoke(
            main, ["check", str(folder), "-o", str(folder / out), "--excel-fr", "--no-context"]
        )
        assert result.exit_code == 0, result.output
        assert "error" not in result.output
        assert set(_tables(folder / out)["claims"].article_id) == {"a", "b"}
    extract = runner.invoke(
        main, ["extract", str(folder), "-o", str(folder / "claims.csv"), "--no-context"]
    )
    assert extract.exit_code == 0, extract.output
    explicit = runner.invoke(
        main, ["extract", str(folder / "out" / "claims.csv"), "-o", str(tmp_path / "x.csv")]
    )
    assert explicit.exit_code == 1
    assert "no 'text' column" in explicit.output


@pytest.mark.slow
def test_summary_counts_undated_articles_and_copies(runner, tmp_path: Path) -> None:
    wire = ("Le bilan des inondations qui ont frappé la vallée s'est alourdi jeudi à 23 morts, "
            "selon la préfecture, qui fait aussi état de 140 blessés dont 12 dans un état "
            "grave. Plus de 2 000 personnes ont été évacuées et 800 pompiers restent mobilisés.")
    (tmp_path / "a.txt").write_text(wire, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Crues : " + wire, encoding="utf-8")
    (tmp_path / "c.txt").write_text("Le maire a compté 300 sinistrés.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("id,published\na,2025-03-06\nb,2025-03-07\n",
                                           encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["check", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 article sans date de publication" in result.output
    assert "1 article repris par d'autres" in result.output
    claims = pd.read_csv(out / "claims.csv")
    assert set(claims.loc[claims["article_id"] == "b", "copy_of"]) == {"a"}
    assert claims.loc[claims["article_id"] != "b", "copy_of"].isna().all()
    links = pd.read_csv(out / "links.csv")
    # Each figure of the copy points at the fact it repeats, and says it is a copy.
    of_copy = links[links["claim_a"].isin(claims.loc[claims["article_id"] == "b", "claim_id"])]
    assert len(of_copy) >= 4
    assert of_copy["explanation"].str.contains("reprend l'article a").all()
    assert pd.read_csv(out / "flags.csv").empty


TITLED = [
    {"id": "crue_a", "title": "Crue de la Dordogne : 85 maisons inondées",
     "text": "La Dordogne a inondé 85 maisons à Bergerac dans la nuit, selon la mairie. "
             "Les écoles restent fermées.", "published": "2026-03-02", "source": "Le Courrier"},
    {"id": "crue_b", "text": "À Bergerac, la Dordogne a inondé 85 maisons dans la nuit, selon "
     "la mairie. Les habitants ont été relogés.", "published": "2026-03-02",
     "source": "La Gazette"},
]


def test_check_counts_a_headline_and_its_body_as_one_report(runner, tmp_path: Path) -> None:
    """A headline given apart (a table's ``title``) over its own body's figure: both figures
    have their ``fact`` row in links.csv, and their article makes one report of the fact;
    another article's copy makes a second. Three rows, two reports."""
    lot = tmp_path / "lot.jsonl"
    lot.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in TITLED) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(main, ["check", str(lot), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    tables = _tables(out)
    links, claims = tables["links"], tables["claims"]
    facts = pd.read_csv(out / "facts.csv")
    _reports_as_promised(links, claims, facts)
    house = claims[claims["surface"].astype(str) == "85"]
    assert sorted(zip(house["article_id"], house["part"], strict=True)) == [
        ("crue_a", "body"), ("crue_a", "title"), ("crue_b", "body")]
    fact = facts[facts["claim_ids"].astype(str).str.contains(house["claim_id"].iloc[0])]
    assert fact[["n_reports", "n_articles"]].values.tolist() == [[2, 2]]
    assert len(links[links["relation"] == "fact"]) == 3
