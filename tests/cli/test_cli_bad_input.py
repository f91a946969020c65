"""Bad input on the command line: one message on stderr naming the input and the problem,
everything else processed, and the exit status saying whether every input was read (0) or
not (1). Also the time budget of one article (``--article-timeout``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import install_fake_module, slow_extract_mentions

from factcheck.cli import main
from factcheck.export import read_table
from factcheck.pipeline import budget_by_alarm

GOOD = "Selon l'ONU, 46 drones ont été abattus dans la nuit de dimanche à lundi."
ACCENTS = "À Noël, l'État a reçu « près de 1,2 milliard d'euros » : ça coûte 40 € par foyer."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"


def _jsonl(*rows: object) -> str:
    return "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows)


# name, content (None: nothing written), exit status, the one stderr line's ending, and the
# article ids (besides "bon") the table must hold.
CASES = [
    ("absent.txt", None, 1, "absent.txt: cannot read: no such file or directory", set()),
    ("vide.txt", b"", 1, "vide.txt: cannot read: empty file", set()),
    ("rapport.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\n", 1,
     "rapport.pdf: cannot read: unsupported file type '.pdf' (supported: .csv, .htm, .html, "
     ".jsonl, .md, .ndjson, .parquet, .txt)", set()),
    ("rapport.txt", b"%PDF-1.4\n1 0 obj << >> endobj\n", 1,
     "rapport.txt: cannot read: binary file (PDF document), not text", set()),
    ("photo.txt", PNG, 1, "photo.txt: cannot read: binary file (PNG image), not text", set()),
    ("mixte.txt", GOOD.encode()[:20] + b"\xff" + "é à ç".encode() + b" 17 drones", 0,
     "warning: {path}: 1 byte not valid UTF-8 (first at byte 20), read as cp1252", {"mixte"}),
    ("export.txt", ACCENTS.encode("cp1252"), 0, None, {"export"}),
    ("page.html", b"<style>p::after { content: '99 drones' }</style><script>var n = 500;"
     b"</script><p>Au moins 17 drones abattus.</p>", 0, None, {"page"}),
    ("sans-texte.csv", "id,contenu\n1,17 drones\n", 1,
     "sans-texte.csv: cannot read: no 'text' column (columns: id, contenu)", set()),
    ("doublons.csv", 'id,text\nd1,"17 drones abattus."\nd1,"6 drones abattus."\n', 0,
     "warning: {path}: line 3: duplicate article id 'd1' (first read from {path}:2); this one "
     "kept as 'd1~", {"d1", "d1~"}),
    ("lot.jsonl", _jsonl({"id": "j1", "text": "17 drones."}, '{"id": "j2", "text": ',
                         {"id": "j3", "text": "6 drones."}), 1,
     "lot.jsonl: line 2: invalid JSON (", {"j1", "j3"}),
    ("dates.jsonl", _jsonl({"id": "j4", "published": "hier soir", "text": "6 drones."}), 1,
     "dates.jsonl: line 1: invalid date 'hier soir' in 'published' (article kept without a "
     "date)", {"j4"}),
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize(("name", "content", "status", "message", "ids"), CASES,
                         ids=[case[0] for case in CASES])
def test_bad_input_one_message_and_the_rest_processed(
    runner, tmp_path: Path, extractor, name: str, content: str | bytes | None, status: int,
    message: str | None, ids: set[str]
) -> None:
    good = tmp_path / "bon.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    if isinstance(content, str):
        bad.write_text(content, encoding="utf-8")
    elif content is not None:
        bad.write_bytes(content)
    out = tmp_path / "out" / "claims.jsonl"
    result = runner.invoke(main, ["extract", str(bad), str(good), "-o", str(out),
                                  "--no-context"])
    assert result.exit_code == status, result.output
    lines = result.stderr.splitlines()
    if message is None:
        assert lines == []
    else:
        assert len(lines) == 1, lines
        expected = message.format(path=bad)
        if not expected.startswith("warning: "):
            expected = f"error: {tmp_path}/{expected}"
        assert lines[0].startswith(f"factcheck: {expected}"), lines[0]
    table = read_table(out)
    read = set(table["article_id"])
    assert "bon" in read and 46 in table.loc[table["article_id"] == "bon", "value"].tolist()
    expected_ids = {i for i in ids if not i.endswith("~")}
    assert expected_ids <= read
    if "d1~" in ids:  # the duplicate row kept under its own id
        assert any(i.startswith("d1~") for i in read)
    if name == "page.html":
        assert table.loc[table["article_id"] == "page", "value"].tolist() == [17]
    if name == "export.txt":
        assert "1,2 milliard d'euros" in " ".join(table["sentence"])


def test_folder_without_articles(runner, tmp_path: Path, extractor) -> None:
    empty = tmp_path / "vide"
    empty.mkdir()
    (empty / "notes.rtf").write_text("{\\rtf1 17 drones}", encoding="utf-8")
    good = tmp_path / "bon.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", str(empty), str(good), "-o", str(out),
                                  "--no-context"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"factcheck: error: {empty}: cannot read: no article in this folder (files read: "
        ".csv, .htm, .html, .jsonl, .md, .ndjson, .parquet, .txt)"
    ]
    assert set(read_table(out)["article_id"]) == {"bon"}
    alone = runner.invoke(main, ["extract", str(empty), "-o", str(tmp_path / "x.csv")])
    assert alone.exit_code == 1 and "nothing written" in alone.stderr


def test_fifty_megabyte_text_file_is_refused(runner, tmp_path: Path, extractor) -> None:
    big = tmp_path / "archives.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // (len(GOOD.encode()) + 1) + 1):
            handle.write(GOOD + "\n")
    good = tmp_path / "bon.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", str(big), str(good), "-o", str(out),
                                  "--no-context"])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"factcheck: error: {big}: cannot read: too long for one article (")
    assert "split it into several files, or into rows of a CSV or JSONL table" in line
    assert set(read_table(out)["article_id"]) == {"bon"}


@pytest.mark.slow
def test_extract_on_a_table_of_100000_rows(runner, tmp_path: Path, extractor) -> None:
    table = tmp_path / "lot.jsonl"
    with table.open("w", encoding="utf-8") as handle:
        for n in range(100_000):
            handle.write(json.dumps({"id": f"r{n}", "text": f"Bilan : {n + 1} sinistrés."},
                                    ensure_ascii=False) + "\n")
    out = tmp_path / "claims.csv"
    result = runner.invoke(main, ["extract", str(table), "-o", str(out), "--no-context"])
    assert result.exit_code == 0, result.output
    assert "100000 articles lus" in result.stdout
    claims = read_table(out)
    assert len(claims) == 100_000
    assert claims["value"].tolist()[-1] == 100_000


# --- time budget ----------------------------------------------------------------------------------


@pytest.mark.skipif(not budget_by_alarm(), reason="needs Unix signals")
@pytest.mark.parametrize(("command", "how"), [("extract", "option"), ("extract", "env"),
                                              ("check", "option")])
def test_an_article_over_its_time_budget_is_reported_and_skipped(
    runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, how: str
) -> None:
    install_fake_module(monkeypatch, "factcheck.extract.scanner",
                        extract_mentions=slow_extract_mentions)
    lot = tmp_path / "lot.jsonl"
    lot.write_text(_jsonl({"id": "a", "text": GOOD},
                          {"id": "lent", "text": "EXTRACTION LENTE : 17 drones."},
                          {"id": "b", "text": "Le taux atteint 12,5 % dans la région."}),
                   encoding="utf-8")
    out = tmp_path / "out"
    args = [command, str(lot), "-o", str(out / "claims.csv" if command == "extract" else out),
            "--no-context"]
    env = {}
    if how == "option":
        args += ["--article-timeout", "0.5"]
    else:
        env = {"FACTCHECK_ARTICLE_TIMEOUT": "0.5"}
    if command == "check":
        args.append("--no-reference")
    result = runner.invoke(main, args, env=env)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"factcheck: error: {lot}:2: article 'lent' exceeded its time budget of 0.5 s "
        "of processor time (figure extraction); skipped"
    ]
    assert "1 article non traité : temps maximal par article dépassé" in result.stdout
    assert set(read_table(out / "claims.csv")["article_id"]) == {"a", "b"}


def test_article_timeout_is_in_the_help(runner) -> None:
    for command in ("extract", "check"):
        result = runner.invoke(main, [command, "--help"])
        assert "--article-timeout" in result.output
        assert "FACTCHECK_ARTICLE_TIMEOUT" in result.output
    assert runner.invoke(main, ["extract", "x.txt", "--article-timeout", "-1"]).exit_code == 2
