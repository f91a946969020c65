"""``--engine dask`` writes the same bytes as the default engine: ``check`` (the four tables
and their French Excel copies) and ``extract``, on a local cluster of two workers and on a
running cluster given by ``--scheduler``; and its errors name what is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOLD_DIR, SEEDS_DIR

from factcheck.cli import main

INPUTS = (str(SEEDS_DIR), str(GOLD_DIR / "dev_corpus.jsonl"))
CHECK_FILES = tuple(f"{name}{suffix}" for name in ("claims", "links", "flags", "sums", "facts")
                    for suffix in (".csv", ".excel-fr.csv"))
EXTRACT_FILES = ("claims.csv",)


def _factcheck(workdir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``factcheck ARGS`` in a fresh interpreter, in ``workdir``."""
    workdir.mkdir(parents=True, exist_ok=True)
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=workdir,
                          env={**os.environ}, capture_output=True, text=True, check=False)


def _check(workdir: Path, *engine: str) -> Path:
    result = _factcheck(workdir, "check", *INPUTS, "-o", "out", "--excel-fr", "-q", *engine)
    assert result.returncode == 0, result.stderr
    return workdir / "out"


def _extract(workdir: Path, *engine: str) -> Path:
    for name in EXTRACT_FILES:
        result = _factcheck(workdir, "extract", *INPUTS, "-o", f"out/{name}", "-q", *engine)
        assert result.returncode == 0, result.stderr
    return workdir / "out"


@pytest.fixture(scope="module")
def local_check(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _check(tmp_path_factory.mktemp("local-check"))


@pytest.fixture(scope="module")
def cluster():
    """A running cluster of two worker processes, as ``dask scheduler``/``dask worker``
    would give, for ``--scheduler``."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as running:
        yield running


def _same_files(expected: Path, got: Path, names: tuple[str, ...]) -> None:
    assert sorted(p.name for p in got.iterdir()) == sorted(names)
    for name in names:
        assert (got / name).read_bytes() == (expected / name).read_bytes(), name


@pytest.mark.slow
def test_check_on_a_local_dask_cluster_writes_the_same_bytes(
        tmp_path: Path, local_check: Path) -> None:
    pytest.importorskip("distributed")
    assert (local_check / "claims.csv").read_bytes().count(b"\n") > 50
    assert (local_check / "links.csv").read_bytes().count(b"\n") > 10
    assert (local_check / "flags.csv").read_bytes().count(b"\n") > 2
    _same_files(local_check, _check(tmp_path, "--engine", "dask", "--processes", "2"),
                CHECK_FILES)


@pytest.mark.slow
def test_check_on_a_running_cluster_writes_the_same_bytes(
        tmp_path: Path, local_check: Path, cluster) -> None:
    got = _check(tmp_path, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    _same_files(local_check, got, CHECK_FILES)


@pytest.mark.slow
def test_extract_on_a_local_dask_cluster_writes_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    expected = _extract(tmp_path / "local")
    _same_files(expected, _extract(tmp_path / "dask", "--engine", "dask"), EXTRACT_FILES)


def test_engine_dask_without_the_extra_names_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    output = tmp_path / "claims.csv"
    result = CliRunner().invoke(
        main, ["extract", str(SEEDS_DIR), "-o", str(output), "--engine", "dask"])
    assert not output.exists()
    assert result.exit_code == 1
    assert "pip install 'factcheck[dask]'" in result.output
    assert "distributed" in result.output


def test_scheduler_needs_engine_dask(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["extract", str(SEEDS_DIR), "-o", str(tmp_path / "claims.csv"), "--scheduler",
               "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output and "--engine dask" in result.output


def test_unreachable_scheduler_is_a_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    from factcheck import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", 1)
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    result = CliRunner().invoke(
        main, ["check", str(SEEDS_DIR), "-o", str(tmp_path / "out"), "--engine", "dask",
               "--scheduler", address])
    assert not (tmp_path / "out" / "claims.csv").exists()
    assert result.exit_code == 1
    assert f"cannot connect to the Dask scheduler at {address}" in result.output


@pytest.mark.slow
def test_the_dask_analysis_keeps_the_views_of_the_one_process_run(cluster) -> None:
    """``Analysis.views`` (what facts and sums are built from without reading the claims
    again) comes back from the cluster run as from the one-process run."""
    from distributed import Client

    from factcheck import dask_engine, pipeline
    from factcheck.corpus import read_corpus

    articles = list(read_corpus([SEEDS_DIR]).articles)
    local = pipeline.analyze(articles, with_context=False)
    with Client(cluster) as client:
        remote = dask_engine.analyze(articles, client=client, with_context=False)
    # A story is a set answered by its run's index: compared as the articles it holds.
    def settled(views):
        return [replace(v, story=frozenset(v.story)) for v in views]

    assert local.views and settled(remote.views) == settled(local.views)
