"""Reading one figure's source through the whole pipeline, for the context tests of
articles written in our own words (lead restatements, intertitles, narration)."""

from __future__ import annotations

from factcheck.models import Article
from factcheck.pipeline import claims_frame


def source_of(text: str, surface: str) -> tuple[object, object]:
    """The source and source mode of the first figure written ``surface`` in ``text``."""
    claims = claims_frame([Article("t", text)])
    row = claims[claims.surface == surface].iloc[0]
    return row["source"], row["source_mode"]


def assert_source(text: str, surface: str, expected: str | None) -> object:
    """The figure's source is ``expected``, or none when ``expected`` is None (a missing cell
    is None or NaN); returns its source mode."""
    source, mode = source_of(text, surface)
    if expected is None:
        assert source is None or source != source  # None or NaN: no source
    else:
        assert source == expected
    return mode


def assert_inherited_or_none(text: str, surface: str, expected: str | None) -> None:
    """The figure takes ``expected`` as an inherited source, or none when ``expected`` is
    None (a missing cell is None or NaN)."""
    mode = assert_source(text, surface, expected)
    if expected is not None:
        assert mode == "inherited"
