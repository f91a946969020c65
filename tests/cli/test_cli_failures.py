"""An article whose figures raise an exception does not lose the run: ``check`` and
``extract`` name it on stderr (id, origin, exception type and message; the traceback with
``$FACTCHECK_DEBUG``), write the other articles' figures and exit with status 1."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import fake_extract_mentions, install_fake_module

from factcheck.budget import DEBUG_ENV
from factcheck.cli import main
from factcheck.export import read_table


def _extract(text: str, published: date | None = None):
    if "PIÈGE" in text:
        raise ZeroDivisionError("division by zero")
    return fake_extract_mentions(text, published)


@pytest.fixture
def lot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    install_fake_module(monkeypatch, "factcheck.extract.scanner", extract_mentions=_extract)
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    path = tmp_path / "lot.jsonl"
    rows = [{"id": "a", "text": "Selon l'ONU, 46 drones ont été abattus."},
            {"id": "piege", "text": "PIÈGE : 17 drones."},
            {"id": "b", "text": "Le taux atteint 12,5 % dans la région."}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("processes", ["1", "2"])
@pytest.mark.parametrize("command", ["extract", "check"])
def test_an_article_that_fails_is_named_and_the_others_written(
        lot: Path, tmp_path: Path, command: str, processes: str) -> None:
    out = tmp_path / "out"
    target = out / "claims.csv" if command == "extract" else out
    args = [command, str(lot), "-o", str(target), "--no-context", "--processes", processes]
    if command == "check":
        args.append("--no-reference")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"factcheck: error: {lot}:2: article 'piege' failed (figure extraction): "
        "ZeroDivisionError: division by zero; skipped"
    ]
    assert "1 article non traité" in result.stdout
    assert list(read_table(out / "claims.csv")["article_id"]) == ["a", "b"]


def test_the_debug_variable_adds_the_traceback(lot: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(lot), "-o", str(tmp_path / "c.csv"),
                                       "--no-context"], env={DEBUG_ENV: "1"})
    assert result.exit_code == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert 'raise ZeroDivisionError("division by zero")' in result.stderr
