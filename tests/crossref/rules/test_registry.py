"""The rule registry: every registered rule is documented and has its own test file, every
module of factcheck.crossref.rules is loaded, and a new rule is picked up with no change
elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from crossref_helpers import frame_from_articles

from factcheck.crossref import rules as rules_pkg
from factcheck.crossref.engine import cross_reference
from factcheck.crossref.rules import DEFAULT_RULE_MODULES, Rule, register, registered_rules
from factcheck.crossref.rules import base as rules_base

TESTS = Path(__file__).resolve().parent
RULES = registered_rules()


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_rule_has_a_test_file_and_a_description(name: str) -> None:
    assert (TESTS / f"test_{name}.py").is_file(), f"tests/crossref/rules/test_{name}.py is missing"
    cls = RULES[name]
    assert cls.description and cls.severity in {"high", "medium", "low"}
    assert cls.__module__ == f"factcheck.crossref.rules.{name}", (
        "one module per rule, named after it")


def test_every_rule_module_is_a_default_module_and_registers_a_rule() -> None:
    modules = sorted(p.stem for p in Path(rules_pkg.__file__).parent.glob("*.py")
                     if p.stem not in {"__init__", "base"})
    assert [m.rsplit(".", 1)[1] for m in DEFAULT_RULE_MODULES] == modules
    assert sorted(RULES) == modules


def test_the_flag_types_asked_for_are_covered() -> None:
    assert {"contradiction", "sum_mismatch", "cumulative_decrease", "scale_slip",
            "reference_mismatch", "same_source"} <= set(RULES)


def test_a_new_rule_needs_no_change_elsewhere() -> None:
    class LargeFigure(Rule):
        name = "large_figure_test_only"
        description = "Chiffre supérieur à un million (règle de test)."

        def check(self, ctx):
            for v in ctx.views.values():
                if (v.value or 0) > 1e6:
                    yield self.flag((v.claim_id,), (v.article_id,), f"« {v.surface} »",
                                    (v.sentence,))

    register(LargeFigure)
    try:
        frame = frame_from_articles([{
            "id": "x1", "published": "2025-01-01",
            "text": "Le HCR recense 6,3 millions de réfugiés.",
            "claims": [{"surface": "6,3 millions", "kind": "count", "value": 6300000,
                        "subject": "réfugié"}],
        }])
        _, flags = cross_reference(frame)
        assert list(flags.type) == ["large_figure_test_only"]
    finally:
        rules_base._REGISTRY.pop("large_figure_test_only")


def test_rules_need_a_name_and_a_description() -> None:
    class Nameless(Rule):
        def check(self, ctx):
            return []

    with pytest.raises(TypeError):
        register(Nameless)


def test_a_flag_on_thin_evidence_is_never_high() -> None:
    rule = registered_rules()["contradiction"]()
    thin = rule.flag(("a", "b"), ("x", "y"), "texte", ("phrase",), confidence=0.3)
    firm = rule.flag(("a", "b"), ("x", "y"), "texte", ("phrase",), confidence=0.8)
    assert (thin.severity, firm.severity) == ("medium", "high")
    assert thin.flag_id == firm.flag_id  # the id does not depend on the evidence
