"""The ``[lint]`` table of the project config, as a model the config reader validates.

Every value is checked here with pydantic, so that a bad rule id or threshold
is a ValidationError the config reader can point at its TOML line.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from prfaqgen.lint.ids import RULE_IDS

LintSeverity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def _check_rule_id(rule: str) -> str:
    if rule not in RULE_IDS:
        close = get_close_matches(rule, RULE_IDS, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        raise PydanticCustomError(
            "unknown_rule",
            "unknown rule id `{rule}`: {hint}the rules are listed in docs/lint-rules.md",
            {"rule": rule, "hint": hint},
        )
    return rule


class Thresholds(BaseModel):
    """Limits of the length rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence_words: Annotated[int, Field(ge=5, le=200)] = 30
    """long-sentence: a sentence with more words than this."""
    paragraph_words: Annotated[int, Field(ge=20, le=1000)] = 150
    """long-paragraph: a paragraph with more words than this."""
    headline_words: Annotated[int, Field(ge=3, le=60)] = 12
    headline_chars: Annotated[int, Field(ge=20, le=300)] = 100


class LintConfig(BaseModel):
    """Which writing checks run and how they grade; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    disable: tuple[str, ...] = ()
    """Rule ids that never run."""
    severity: dict[str, LintSeverity] = {}
    """Rule id -> the severity it reports with, instead of its default."""
    min_severity: LintSeverity = "info"
    """Findings below this level are not shown (they still count in the score)."""
    thresholds: Thresholds = Thresholds()
    weasel_words: tuple[str, ...] = ()
    """House weasel words, added to the built-in list."""
    hype_words: tuple[str, ...] = ()
    """House hype words, added to the built-in list."""
    banned_terms: dict[str, str] = {}
    """Term -> its replacement; reported by `jargon`."""
    product_names: tuple[str, ...] = ()
    """Names of the product and company that the problem paragraph must not use."""
    acronyms: tuple[str, ...] = ()
    """Acronyms every reader knows, never reported by `undefined-acronym`."""

    @field_validator("disable")
    @classmethod
    def _known_disabled(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_rule_id(rule) for rule in value)

    @field_validator("severity")
    @classmethod
    def _known_graded(cls, value: dict[str, LintSeverity]) -> dict[str, LintSeverity]:
        for rule in value:
            _check_rule_id(rule)
        return value

    @field_validator("weasel_words", "hype_words", "product_names", "acronyms")
    @classmethod
    def _no_blank_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not word.strip() for word in value):
            raise ValueError("holds an empty word: remove it")
        return tuple(word.strip() for word in value)

    @field_validator("banned_terms")
    @classmethod
    def _no_blank_terms(cls, value: dict[str, str]) -> dict[str, str]:
        if any(not term.strip() for term in value):
            raise ValueError("holds an empty term: remove it")
        return value

    def severity_of(self, rule: str, default: LintSeverity) -> LintSeverity:
        return self.severity.get(rule, default)
