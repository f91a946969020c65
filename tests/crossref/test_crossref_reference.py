"""reference/figures.csv and load_reference: every entry sourced and well formed, bad files
rejected with the file, line and problem named."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from factcheck.crossref.reference import DEFAULT_REFERENCE_PATH, REFERENCE_COLUMNS, load_reference

GOOD_ROW = {
    "ref_id": "x", "metric": "m", "subject": "aide", "kind": "money", "actor": "A",
    "actor_aliases": "", "period_start": "2024-12-07", "period_end": "2024-12-07",
    "match_days": "10", "value": "988000000", "low": "", "high": "", "unit": "USD",
    "source_name": "S", "source_url": "https://example.org", "source_date": "2024-12-07",
    "confidence": "primary", "note": "",
}


def test_project_reference_loads_and_every_entry_is_sourced() -> None:
    ref = load_reference()
    assert tuple(ref.columns) == REFERENCE_COLUMNS
    assert len(ref) >= 3
    for row in ref.to_dict("records"):
        assert row["source_name"] and row["source_url"].startswith("https://")
        assert row["confidence"] in {"primary", "secondary"}
    assert "2022-02-24" in set(ref.period_start)
    usai = ref[ref.ref_id == "usai-2024-12-07"].iloc[0]
    assert float(usai["value"]) == 988_000_000 and usai["unit"] == "USD"


def test_readme_documents_every_column() -> None:
    readme = (DEFAULT_REFERENCE_PATH.parent / "README.md").read_text(encoding="utf-8")
    for column in REFERENCE_COLUMNS:
        assert f"`{column}`" in readme, column


def _write(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "figures.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"period_start": "7/12/2024"}, "not an ISO date"),
        ({"value": "988 millions"}, "is not a number"),
        ({"source_name": ""}, "'source_name' is empty"),
        ({"value": ""}, "needs value or low/high"),
    ],
    ids=["date", "number", "source", "value"],
)
def test_bad_rows_are_rejected_naming_file_and_line(tmp_path: Path, change: dict,
                                                     message: str) -> None:
    path = _write(tmp_path, [GOOD_ROW, {**GOOD_ROW, "ref_id": "y", **change}])
    with pytest.raises(ValueError) as err:
        load_reference(path)
    assert str(path) in str(err.value) and "line 3" in str(err.value)
    assert message in str(err.value)


def test_missing_columns_duplicates_and_missing_file(tmp_path: Path) -> None:
    path = _write(tmp_path, [{k: v for k, v in GOOD_ROW.items() if k != "unit"}])
    with pytest.raises(ValueError, match="missing column"):
        load_reference(path)
    path = _write(tmp_path, [GOOD_ROW, GOOD_ROW])
    with pytest.raises(ValueError, match="duplicate ref_id"):
        load_reference(path)
    with pytest.raises(ValueError, match="cannot read"):
        load_reference(tmp_path / "absent.csv")


def test_a_newsroom_file_is_used(tmp_path: Path) -> None:
    from crossref_helpers import frame_from_articles

    from factcheck.crossref.engine import cross_reference

    row = {**GOOD_ROW, "ref_id": "budget", "subject": "budget", "kind": "money",
           "actor": "Ville de Lyon", "actor_aliases": "Lyon", "period_start": "2025-01-01",
           "period_end": "2025-12-31", "value": "1100000000", "unit": "EUR"}
    reference = load_reference(_write(tmp_path, [row]))
    frame = frame_from_articles([{
        "id": "n1", "published": "2025-02-03",
        "text": "Le budget de Lyon atteint 1,3 milliard d'euros cette année.",
        "claims": [{"surface": "1,3 milliard d'euros", "kind": "money", "value": 1.3e9,
                    "unit": "EUR", "subject": "budget"}],
    }])
    _, flags = cross_reference(frame, reference)
    assert list(flags.type) == ["reference_mismatch"]
    _, flags = cross_reference(frame)
    assert flags.empty
