"""Inconsistency rules, one module each; importing the package registers them all."""

from __future__ import annotations

import importlib
import pkgutil

from factcheck.crossref.rules.base import CheckContext, Rule, register, registered_rules

_NOT_RULES = frozenset({"base"})

#: Modules holding the built-in rules: every module of this package but the base.
DEFAULT_RULE_MODULES: tuple[str, ...] = tuple(
    f"{__name__}.{info.name}"
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name)
    if info.name not in _NOT_RULES
)


def load_default_rules() -> None:
    for module in DEFAULT_RULE_MODULES:
        importlib.import_module(module)


load_default_rules()

__all__ = ["DEFAULT_RULE_MODULES", "CheckContext", "Rule", "register", "registered_rules"]
