"""Shared fixtures and paths for the test suite."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
import types
from datetime import date
from pathlib import Path

import pytest
import regex

from factcheck.models import Kind, Mention

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
GOLD_DIR = ROOT / "reference" / "gold"
# The shared evaluation data sits beside the project checkout; tests using it skip without it.
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def has_module(name: str) -> bool:
    """Whether a project module exists yet (modules are written in parallel)."""
    return importlib.util.find_spec(name) is not None


def requires_shared_eval() -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        not SHARED_EVAL.is_dir(), reason=f"shared evaluation data not found at {SHARED_EVAL}"
    )


# A deliberately simple stand-in for factcheck.extract.scanner.extract_mentions: digits (with
# French thousands spaces and decimal comma), optionally followed by "%". On simple sentences
# its output is what the real extractor must give too.
_NUMBER = regex.compile(r"\d+(?:(?: (?=\d{3}\b)|,(?=\d))\d+)*(?: ?%)?")


def fake_extract_mentions(text: str, published: date | None = None) -> list[Mention]:
    mentions = []
    for m in _NUMBER.finditer(text):
        surface = m.group()
        percent = surface.endswith("%")
        number = surface.rstrip("% ").replace(" ", "").replace(",", ".")
        value = float(number)
        mentions.append(
            Mention(
                start=m.start(),
                end=m.end(),
                surface=surface,
                kind=Kind.PERCENT if percent else Kind.COUNT,
                value=value,
                low=value,
                high=value,
                unit="%" if percent else None,
                number_start=m.start(),
                number_end=m.start() + len(surface.rstrip("% ")),
                rule="test-fake",
            )
        )
    return mentions


def _module(name: str, **attrs: object) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__spec__ = importlib.machinery.ModuleSpec(name, None)
    for key, value in attrs.items():
        setattr(module, key, value)
    return module


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Always use the stand-in extractor (deterministic pipeline tests)."""
    monkeypatch.setitem(
        sys.modules,
        "factcheck.extract.scanner",
        _module("factcheck.extract.scanner", extract_mentions=fake_extract_mentions),
    )


@pytest.fixture
def extractor(monkeypatch: pytest.MonkeyPatch) -> str:
    """The real extractor when factcheck.extract.scanner exists, else the stand-in. Tests using it
    only assert what both must do on plain sentences. Returns which one is used."""
    if has_module("factcheck.extract.scanner"):
        return "real"
    monkeypatch.setitem(
        sys.modules,
        "factcheck.extract.scanner",
        _module("factcheck.extract.scanner", extract_mentions=fake_extract_mentions),
    )
    return "fake"


def install_fake_module(
    monkeypatch: pytest.MonkeyPatch, name: str, **attrs: object
) -> types.ModuleType:
    """Put a stand-in module in ``sys.modules`` for the duration of a test."""
    module = _module(name, **attrs)
    monkeypatch.setitem(sys.modules, name, module)
    return module


FRENCH_TEXT = (
    "Selon l'ONU, 46 drones ont été abattus dans la nuit. "
    "Le taux de chômage atteint 12,5 % dans la région.\n"
    "Aucun chiffre ici."
)
