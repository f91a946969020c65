"""Shared fixtures and paths for the test suite."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import random
import sys
import threading
import time
import types
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

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


#: The mark of an article whose figure extraction stalls under ``slow_extract_mentions``.
SLOW_EXTRACTION = "EXTRACTION LENTE"
#: Seconds a stalled step would run without a time budget to stop it.
STALL = 60


def spin(seconds: float) -> None:
    """A stalled step: busy for ``seconds`` of wall time (the budget counts processor time)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def slow_extract_mentions(text: str, published: date | None = None) -> list[Mention]:
    """``fake_extract_mentions``, stalled for ``STALL`` seconds on a text marked
    ``SLOW_EXTRACTION`` (the time budget tests)."""
    if SLOW_EXTRACTION in text:
        spin(STALL)
    return fake_extract_mentions(text, published)

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
def fake_dashboard_engines(monkeypatch: pytest.MonkeyPatch):
    """The dashboard app on the stand-in engines of ``dashboard_fakes`` (analysis, claims,
    cross-referencing of drafts), with Streamlit's caches cleared before and after the test."""
    import dashboard_fakes as fakes
    import streamlit as st

    from factcheck import pipeline
    from factcheck.crossref import draft
    from factcheck.dashboard import analysis

    monkeypatch.setattr(analysis, "analyze_with_progress", fakes.fake_analyze)
    monkeypatch.setattr(pipeline, "claims_frame", fakes.fake_claims_frame)
    monkeypatch.setattr(draft, "_default_crossref", fakes.fake_cross_reference)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()

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


#: Sentences of French news carrying figures, for long articles (``long_news_text``).
NEWS_SENTENCES = (
    "Selon le ministère de l'Intérieur, {n} personnes ont été évacuées dans la nuit de "
    "samedi à dimanche.",
    "Le budget de la métropole atteint {m} millions d'euros en {y}, en hausse de {p} % sur "
    "un an.",
    "D'après l'Insee, le taux de chômage a reculé de 0,{d} point à {p} % au troisième "
    "trimestre.",
    "Près de {n} manifestants ont défilé le {day} mars à Lyon, selon la préfecture.",
    "L'entreprise prévoit de supprimer entre {a} et {b} postes d'ici à {y}, a annoncé sa "
    "direction.",
    "« Nous avons reçu {n} demandes en deux semaines », a déclaré la maire de Rennes.",
    "La facture énergétique a bondi de {p} % en {y}, à {m} milliards d'euros, selon les "
    "douanes.",
)


def long_news_text(n_chars: int, seed: int = 0) -> str:
    """A long article of at least ``n_chars`` characters: French news sentences with figures
    (counts, money, rates, dates, ranges, quotes), drawn the same way for the same seed."""
    rng = random.Random(seed)
    sentences: list[str] = []
    size = 0
    while size < n_chars:
        sentence = rng.choice(NEWS_SENTENCES).format(
            n=f"{rng.randint(2, 90_000):,}".replace(",", " "), m=rng.randint(2, 900),
            y=rng.randint(2015, 2030), p=f"{rng.randint(1, 30)},{rng.randint(0, 9)}",
            d=rng.randint(1, 9), day=rng.randint(1, 28), a=rng.randint(10, 200),
            b=rng.randint(201, 900))
        sentences.append(sentence)
        size += len(sentence) + 1
    return " ".join(sentences)


def in_thread(fn: Callable[[], Any]) -> Any:
    """``fn()`` run in a new thread (as the dashboard's script or a Dask task runs): its
    result, or the exception it raised."""
    out: list[Any] = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # handed back to the test (ArticleTimeout too)
            out.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out[0]
