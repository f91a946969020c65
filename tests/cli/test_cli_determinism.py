"""``factcheck check`` is deterministic: the same corpus gives byte-identical files across runs
and across ``--processes`` values.

Each run is a fresh interpreter with its own ``PYTHONHASHSEED``, so an output that depended
on the iteration order of a set or of a dict filled from one (string hashes change from one
process to the next) would differ between runs; ``--processes 2`` adds the order in which
workers return their chunks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLD_DIR, SEEDS_DIR

#: (hash seed, processes) of each run; the first is the one the others are held against.
RUNS: tuple[tuple[str, int], ...] = (("1", 1), ("2", 1), ("3", 2))

#: Every file ``check --excel-fr`` writes.
OUTPUT_FILES = tuple(
    f"{name}{suffix}"
    for name in ("claims", "links", "flags", "sums", "facts")
    for suffix in (".csv", ".excel-fr.csv")
)


def _check(workdir: Path, hash_seed: str, processes: int) -> subprocess.CompletedProcess[str]:
    """``factcheck check`` on the seeds and the dev passages, writing to ``workdir/out``."""
    workdir.mkdir(parents=True)
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(SEEDS_DIR),
         str(GOLD_DIR / "dev_corpus.jsonl"), "-o", "out", "--excel-fr",
         "--processes", str(processes)],
        cwd=workdir, env=env, capture_output=True, text=True, check=False,
    )


@pytest.mark.slow
def test_check_output_is_byte_identical_across_runs_and_processes(tmp_path: Path) -> None:
    runs = {}
    for hash_seed, processes in RUNS:
        workdir = tmp_path / f"seed{hash_seed}-p{processes}"
        result = _check(workdir, hash_seed, processes)
        assert result.returncode == 0, result.stderr
        runs[(hash_seed, processes)] = (workdir / "out", result.stdout)
    first_dir, first_summary = runs[RUNS[0]]
    assert sorted(p.name for p in first_dir.iterdir()) == sorted(OUTPUT_FILES)
    claims = (first_dir / "claims.csv").read_bytes()
    assert claims.count(b"\n") > 50  # the seeds and the dev passages were read
    for run, (out_dir, summary) in runs.items():
        assert sorted(p.name for p in out_dir.iterdir()) == sorted(OUTPUT_FILES), run
        for name in OUTPUT_FILES:
            assert (out_dir / name).read_bytes() == (first_dir / name).read_bytes(), (run, name)
        assert summary == first_summary, run
