"""Every rule fires at an exact line and column on a bad spec, and not on a good one."""

from __future__ import annotations

import pytest

from prfaqgen.lint.rules import RULES
from prfaqgen.settings.rule_ids import RULE_IDS
from tests.lint.base import lint_text, spec_text, where

# rule id -> (changes making the spec bad, the text the finding must point at)
BAD: dict[str, tuple[dict[str, str], str]] = {
    "weasel-word": (
        {"answer": "        $30 per user, significantly less than others.\n"},
        "significantly",
    ),
    "hype-word": ({"answer": "        $30 a month for a revolutionary ledger.\n"}, "revolutionary"),
    "adjective-without-data": ({"answer": "        It is cheaper than a bookkeeper.\n"}, "cheaper"),
    "jargon": ({"answer": "        $30 a month; we utilize bank feeds.\n"}, "utilize"),
    "long-sentence": (
        {"answer": "        $30 a month " + "and it also works for you " * 6 + "today.\n"},
        "$30",
    ),
    "long-paragraph": (
        {"answer": "        $30 a month. " + "Ask us for 1 more. " * 40 + "\n"},
        "$30",
    ),
    "passive-voice": ({"answer": "        $30 a month is charged by Tally.\n"}, "is charged"),
    "undefined-acronym": (
        {"answer": "        $30 a month, paid through the ACH network.\n"},
        "ACH",
    ),
    "problem-names-solution": (
        {"problem": "  problem: |\n    Controllers spend 6 days a month without Ledgerline.\n"},
        "Ledgerline.",
    ),
    "quote-without-substance": (
        {"customer": "    - text: I love it, it is great.\n      name: Bo Lind\n"},
        "text: I love",
    ),
    "headline-length": (
        {
            "headline": "Tally launches Ledgerline so that every controller at every firm "
            "can close "
            "the books and go home early"
        },
        "Tally launches",
    ),
    "subheadline-missing-customer": (
        {"subheadline": "Close the month in 1 day instead of 6."},
        "subheadline:",
    ),
    "dateline-missing": ({"dateline": "  location: Austin, Texas\n"}, "press_release:"),
    "placeholder-left": ({"answer": "        $30 a month; TODO check the fee.\n"}, "TODO"),
    "faq-answer-empty-hedge": ({"answer": "        It depends.\n"}, "a: |"),
    "faq-missing-hard-question": (
        {"internal": "    - q: Who is the customer?\n      a: Controllers at 40-person firms.\n"},
        "internal:",
    ),
    "metric-without-target-date": (
        {"extra": "metrics:\n  - name: Close time\n    target: 1 day\n"},
        "target:",
    ),
}


def test_every_rule_has_a_case_and_the_registry_matches_the_ids() -> None:
    assert tuple(RULES) == RULE_IDS
    budget_rules = {"press-release-over-one-page", "body-over-six-pages"}
    assert set(BAD) | budget_rules == set(RULE_IDS)


def test_the_clean_spec_has_no_finding() -> None:
    result = lint_text(spec_text())
    assert [f.format() for f in result.findings] == []
    assert result.score.total == 100


@pytest.mark.parametrize("rule", sorted(BAD))
def test_rule_fires_at_the_word(rule: str) -> None:
    changes, needle = BAD[rule]
    text = spec_text(**changes)
    found = [f for f in lint_text(text).findings if f.rule == rule]
    assert found, f"{rule} did not fire"
    line, column = where(text, needle)
    assert (found[0].line, found[0].column) == (line, column)
    assert found[0].severity == RULES[rule].severity


@pytest.mark.parametrize("rule", sorted(BAD))
def test_rule_is_silent_on_good_text(rule: str) -> None:
    assert not [f for f in lint_text(spec_text()).findings if f.rule == rule]
