"""The stable ids of the writing checks (the registry in rules/ must match; a test checks).

Kept apart from the rules so that the config model validates ids without
importing every rule (``validate`` builds Settings and must start fast).
"""

from __future__ import annotations

RULE_IDS: tuple[str, ...] = (
    "weasel-word",
    "hype-word",
    "adjective-without-data",
    "jargon",
    "long-sentence",
    "long-paragraph",
    "passive-voice",
    "undefined-acronym",
    "problem-names-solution",
    "quote-without-substance",
    "headline-length",
    "subheadline-missing-customer",
    "dateline-missing",
    "placeholder-left",
    "faq-answer-empty-hedge",
    "faq-missing-hard-question",
    "metric-without-target-date",
    "press-release-over-one-page",
    "body-over-six-pages",
)
