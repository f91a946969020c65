"""Base class, context and registry of inconsistency rules.

A rule is a small class with a ``name`` (also its module name and the flag type it raises), a
French ``description`` for editors, and one method, :meth:`Rule.check`, that reads a
:class:`CheckContext` and yields :class:`~factcheck.models.Flag` records. Decorating it with
:func:`register` adds it to the registry; every module of ``factcheck.crossref.rules`` is
imported when the package is, so adding a rule is adding a module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from factcheck.crossref.cue_words import Lexicon
from factcheck.crossref.headlines import HeadlineReading
from factcheck.crossref.matching import ClaimView
from factcheck.crossref.relations import Judged
from factcheck.crossref.structures import SumStructure
from factcheck.models import Flag, stable_id


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything a rule may read: the claims table, comparable figures by claim id, the
    judged pairs, the parts/total structures, the reference figures and what each headline
    figure is to its own body (``headlines``: the readings the engine judged the headlines
    with, read once, :func:`factcheck.crossref.headlines.headline_readings`)."""

    claims: pd.DataFrame
    views: Mapping[str, ClaimView]
    judged: tuple[Judged, ...]
    structures: tuple[SumStructure, ...]
    reference: pd.DataFrame | None
    lexicon: Lexicon
    headlines: tuple[HeadlineReading, ...]


class Rule(ABC):
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str] = "medium"
    #: Confidence of this rule's flags when the rule does not compute one per flag.
    confidence: ClassVar[float] = 0.5

    @abstractmethod
    def check(self, ctx: CheckContext) -> Iterable[Flag]:
        """Yield the flags this rule raises on ``ctx``."""

    def flag(self, claim_ids: Sequence[str], article_ids: Sequence[str], explanation: str,
             evidence: Sequence[str], severity: str | None = None, key: str = "",
             confidence: float | None = None) -> Flag:
        """A flag whose id depends only on the sorted claim ids, the rule and ``key``."""
        ids = tuple(sorted(dict.fromkeys(claim_ids)))
        conf = self.confidence if confidence is None else round(confidence, 2)
        severity = severity or self.severity
        if severity == "high" and conf < 0.5:
            severity = "medium"  # an accusation on thin evidence is not shown as high
        parts = (*ids, self.name, key) if key else (*ids, self.name)
        return Flag(
            flag_id=stable_id(*parts),
            type=self.name,
            severity=severity,
            claim_ids=ids,
            article_ids=tuple(sorted(dict.fromkeys(article_ids))),
            explanation=explanation,
            evidence=tuple(dict.fromkeys(e for e in evidence if e)),
            confidence=conf,
        )


_REGISTRY: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the registry (its name must be unique)."""
    name = getattr(cls, "name", None)
    if not name or not getattr(cls, "description", None):
        raise TypeError(f"rule {cls.__qualname__} needs a name and a description")
    if name in _REGISTRY and _REGISTRY[name] is not cls:
        raise ValueError(f"two rules are named {name!r}")
    _REGISTRY[name] = cls
    return cls


def registered_rules() -> dict[str, type[Rule]]:
    return dict(sorted(_REGISTRY.items()))
