"""Language data, kept apart from the engines.

Each language is a folder of TOML files (``factcheck/lang/<code>/``). Engines never hold a
word of the language: they read it through :func:`load_language` (numbers, scales, units,
currencies, approximators, dates) or :func:`load_data` (any other data file, e.g. context).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).parent


class LanguageDataError(ValueError):
    """A language data file is missing or malformed."""


@cache
def load_data(code: str, name: str) -> dict[str, Any]:
    """Parsed content of ``lang/<code>/<name>.toml`` (cached)."""
    path = LANG_DIR / code / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise LanguageDataError(f"{path}: language data file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{path}: invalid TOML: {exc}") from exc


@cache
def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))
