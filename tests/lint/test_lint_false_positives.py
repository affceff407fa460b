"""Text that looked like a finding on real specs and is not one (issue 16, point 6)."""

from __future__ import annotations

import pytest

from prfaqgen.lint import LintConfig
from prfaqgen.portfolio.rows import writing_score
from prfaqgen.spec.loader import check_spec_text
from tests.lint.base import lint_text, spec_text, where

TABLE = (
    "        Our three plans compare as follows.\n"
    "\n"
    "        | Plan | Who it is for | What the controller gets each month |\n"
    "        | --- | --- | --- |\n"
    "        | Starter | firms of up to ten people with one bank account | matching, rules and"
    " a monthly close checklist |\n"
    "        | Growth | firms of up to forty people with several bank accounts | everything in"
    " Starter and approvals |\n"
    "\n"
    "        Each plan costs $30 per user per month.\n"
)


def rules_at(text: str, rule: str, config: LintConfig | None = None) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in lint_text(text, config).findings if f.rule == rule]


def test_a_markdown_table_is_not_a_sentence_or_a_paragraph() -> None:
    text = spec_text(answer=TABLE)
    assert rules_at(text, "long-sentence") == []
    assert rules_at(text, "long-paragraph", LintConfig()) == []


def test_a_table_cell_is_still_text_and_the_prose_around_it_still_counts() -> None:
    cell = TABLE.replace("with several bank accounts", "with very many bank accounts")
    text = spec_text(answer=cell)
    assert rules_at(text, "weasel-word") == [where(text, "very many"), where(text, "many bank")]
    long = "        Each plan " + "and each seat " * 12 + "costs $30 per user per month.\n"
    text = spec_text(
        answer=TABLE.replace("        Each plan costs $30 per user per month.\n", long)
    )
    assert rules_at(text, "long-sentence") == [where(text, "Each plan and")]


def test_a_table_in_a_code_block_is_code_as_the_renderer_reads_it() -> None:
    answer = "        ```\n        | a | b |\n        | - | - |\n        ```\n"
    assert lint_text(spec_text(answer=answer)).score.total == 100


@pytest.mark.parametrize(
    "sentence",
    [
        "The prep list is then ready.",
        "The prep list is now ready for the controller.",
        "The ledger is then open to every controller.",
        "Controllers are frustrated by the monthly close.",
        "The close is often seven days long.",
        "The feed is even faster than a spreadsheet.",
    ],
)
def test_an_adjective_after_be_is_not_passive_voice(sentence: str) -> None:
    assert rules_at(spec_text(answer=f"        {sentence} $30 a month.\n"), "passive-voice") == []


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("The patient is booked by Tally.", "is booked by"),
        ("The list is then sent to the controller.", "is then sent"),
        ("The export is not deleted.", "is not deleted"),
        ("The feed was first introduced in 2020.", "was first introduced"),
        ("The line is then being matched by the feed.", "being matched by"),
        ("A report is written for every close.", "is written"),
    ],
)
def test_a_participle_after_be_is_passive_voice_even_after_adverbs(
    sentence: str, shown: str
) -> None:
    text = spec_text(answer=f"        {sentence} $30 a month.\n")
    found = [f for f in lint_text(text).findings if f.rule == "passive-voice"]
    assert [(f.line, f.column) for f in found] == [where(text, shown)]
    assert found[0].message == f"`{shown}` is passive voice: who does it?"
    assert found[0].end_column == found[0].column + len(shown)


def _titled(title: str, answer: str) -> str:
    return spec_text(answer=f"        {answer}\n").replace("title: Ledgerline", f"title: {title}")


def test_words_of_the_product_title_are_not_judged_wherever_the_name_appears() -> None:
    text = _titled("Quick Close", "Quick Close sends the prep list to the controller.")
    findings = lint_text(text).findings
    assert [f.format() for f in findings] == []
    text = _titled("Quick Close", "Quick Close sends a quick list to the controller.")
    assert rules_at(text, "adjective-without-data") == [where(text, "quick list")]


def test_a_lower_case_phrase_that_spells_the_name_is_still_a_claim() -> None:
    text = _titled("Quick Close", "It makes a quick close possible.")
    assert rules_at(text, "adjective-without-data") == [where(text, "quick close")]


def test_product_names_from_the_config_are_exempt_from_the_word_lists() -> None:
    answer = "Seamless Pay charges $30 a month, and a seamless import is free."
    text = spec_text(answer=f"        {answer}\n")
    assert len(rules_at(text, "hype-word")) == 2
    config = LintConfig(product_names=("Seamless Pay",))
    assert rules_at(text, "hype-word", config) == [where(text, "seamless import")]


def test_portfolio_top_findings_list_errors_and_warnings_never_info() -> None:
    passive = "        $30 a month is charged by Tally; the fee is set by the plan.\n"
    checked = check_spec_text(spec_text(answer=passive), "spec.yaml")
    assert checked.loaded is not None
    score, top = writing_score(checked.loaded)
    assert score == 100 and top == []
    noisy = "        $30 a month is charged by Tally, significantly less; TODO.\n"
    checked = check_spec_text(spec_text(answer=noisy), "spec.yaml")
    assert checked.loaded is not None
    score, top = writing_score(checked.loaded)
    assert [entry.split(": ")[1] for entry in top] == ["placeholder-left", "weasel-word"]
