"""The parts of ``factcheck.dask_engine`` that need no cluster: how blocks are batched, and
the refusal of workers that run another factcheck version."""

from __future__ import annotations

import pytest

import factcheck
from factcheck import dask_engine
from factcheck.dask_engine import DaskUnavailable, batches


@pytest.mark.parametrize(
    ("sizes", "n"),
    [([], 4), ([2], 4), ([2, 3, 40, 2, 2, 5, 7], 3), ([5] * 10, 4), ([2, 2, 2], 8)],
)
def test_batches_cover_every_block_once_in_order(sizes: list[int], n: int) -> None:
    plan = batches(sizes, n)
    assert sorted(i for batch in plan for i in batch) == list(range(len(sizes)))
    assert len(plan) <= max(1, n)
    assert all(batch == sorted(batch) and batch for batch in plan)


def test_batches_even_out_the_work() -> None:
    # One block of 40 figures weighs more than the 30 small ones together: it is alone.
    plan = batches([40] + [3] * 30, 2)
    assert [0] in plan
    assert sorted(len(b) for b in plan) == [1, 30]
    # Equal blocks are dealt evenly.
    assert sorted(len(b) for b in batches([5] * 12, 4)) == [3, 3, 3, 3]


class _Client:
    def __init__(self, versions: dict[str, str]) -> None:
        self.versions = versions

    def run(self, fn):
        return self.versions


def test_workers_of_another_version_are_refused() -> None:
    this = factcheck.__version__
    dask_engine._check_versions(_Client({"tcp://w1:1": this, "tcp://w2:1": this}))
    with pytest.raises(DaskUnavailable, match=r"tcp://w2:1 \(0\.0\.1\)"):
        dask_engine._check_versions(_Client({"tcp://w1:1": this, "tcp://w2:1": "0.0.1"}))
