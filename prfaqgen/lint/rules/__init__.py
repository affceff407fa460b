"""The registry: every writing check, by its stable id."""

from __future__ import annotations

from prfaqgen.lint.rule import Rule
from prfaqgen.lint.rules.parts import PART_RULES
from prfaqgen.lint.rules.words import WORD_RULES

RULES: dict[str, Rule] = {rule.id: rule for rule in (*WORD_RULES, *PART_RULES)}
