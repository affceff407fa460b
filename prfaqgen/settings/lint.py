"""The ``[lint]`` table of the project config, as a record the config reader validates.

Every value is checked by its kind, so that a bad rule id or threshold is a
problem the config reader can point at its TOML line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from prfaqgen.diagnostics import closest
from prfaqgen.settings.rule_ids import RULE_IDS
from prfaqgen.validation import (
    Checked,
    Choice,
    Integer,
    ListOf,
    MapOf,
    Record,
    Refused,
    Text,
    typed,
)

LintSeverity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITY = Choice(*SEVERITY_RANK)


def _known_rule(rule: str) -> str:
    if rule not in RULE_IDS:
        close = closest(rule, RULE_IDS)
        hint = f"did you mean `{close}`? " if close else ""
        raise Refused(
            "unknown_rule",
            f"unknown rule id `{rule}`: {hint}the rules are listed in docs/lint-rules.md",
        )
    return rule


def _word(value: str) -> str:
    if not value.strip():
        raise Refused("blank_word", "is an empty word: remove it")
    return value.strip()


def _term(value: str) -> str:
    if not value.strip():
        raise Refused("blank_term", "is an empty term: remove it")
    return value


WORDS = ListOf(Text(_word), as_tuple=True)


@dataclass(frozen=True, kw_only=True)
class Thresholds(Checked):
    """Limits of the length rules."""

    sentence_words: int = typed(
        Integer(5, 200), "long-sentence: a sentence with more words than this.", default=30
    )
    paragraph_words: int = typed(
        Integer(20, 1000), "long-paragraph: a paragraph with more words than this.", default=150
    )
    headline_words: int = typed(Integer(3, 60), "Words in a headline, at most.", default=12)
    headline_chars: int = typed(Integer(20, 300), "Characters in a headline, at most.", default=100)


@dataclass(frozen=True, kw_only=True)
class LintConfig(Checked):
    """Which writing checks run and how they grade; unknown keys are errors."""

    disable: tuple[str, ...] = typed(
        ListOf(Text(_known_rule), as_tuple=True), "Rule ids that never run.", default=()
    )
    severity: dict[str, LintSeverity] = typed(
        MapOf(SEVERITY, _known_rule),
        "Rule id -> the severity it reports with, instead of its default.",
        default_factory=dict,
    )
    min_severity: LintSeverity = typed(
        SEVERITY,
        "Findings below this level are not shown (they still count in the score).",
        default="info",
    )
    thresholds: Thresholds = typed(Record(Thresholds), default_factory=Thresholds)
    weasel_words: tuple[str, ...] = typed(
        WORDS, "House weasel words, added to the built-in list.", default=()
    )
    hype_words: tuple[str, ...] = typed(
        WORDS, "House hype words, added to the built-in list.", default=()
    )
    banned_terms: dict[str, str] = typed(
        MapOf(Text(), _term), "Term -> its replacement; reported by `jargon`.", default_factory=dict
    )
    product_names: tuple[str, ...] = typed(
        WORDS,
        "Names of the product and company that the problem paragraph must not use.",
        default=(),
    )
    acronyms: tuple[str, ...] = typed(
        WORDS, "Acronyms every reader knows, never reported by `undefined-acronym`.", default=()
    )

    def severity_of(self, rule: str, default: LintSeverity) -> LintSeverity:
        return self.severity.get(rule, default)
