"""A clean spec to mutate: each test changes one field so that one rule fires or not."""

from __future__ import annotations

from prfaqgen.lint import LintConfig, LintResult, lint_spec
from prfaqgen.spec.loader import check_spec_text

CLEAN: dict[str, str] = {
    "headline": "Tally launches Ledgerline to close the monthly books in one day",
    "subheadline": "Controllers at 40-person firms close the month in 1 day instead of 6.",
    "dateline": "  location: Austin, Texas\n  launch_date: 2027-03-01\n",
    "problem": (
        "  problem: |\n"
        "    A controller at a 40-person firm spends 6 days closing each month.\n"
        "    She copies 900 bank lines into a spreadsheet by hand.\n"
    ),
    "leader": (
        "  leader_quote:\n"
        "    text: In 30 interviews, controllers told us the close eats a week.\n"
        "    name: Ana Ruiz\n"
    ),
    "customer": (
        "    - text: We closed March in 1 day, and I went home at 5 every night.\n"
        "      name: Bo Lind\n"
    ),
    "answer": "        $30 per user per month, with no setup fee.\n",
    "internal": (
        "    - q: What are the top three reasons this will fail?\n"
        "      a: Banks may block feeds; 4 of 5 banks we asked said yes.\n"
        "    - q: What are the economics and the cost to build it?\n"
        "      a: 4 people for 6 months, $0.5 million; 80% gross margin.\n"
    ),
    "extra": "",
}

TEMPLATE = """prfaq: 1
title: Ledgerline
meta:
  author: Ana Ruiz
  date: 2026-11-22
press_release:
  headline: {headline}
  subheadline: {subheadline}
{dateline}  summary: |
    Tally today launched Ledgerline, which matches bank lines to the ledger.
{problem}  solution: |
    Ledgerline matches 96% of bank lines in 2 minutes.
{leader}  customer_quotes:
{customer}faq:
  external:
    - q: How much does it cost?
      a: |
{answer}  internal:
{internal}{extra}"""


def spec_text(**changes: str) -> str:
    return TEMPLATE.format(**{**CLEAN, **changes})


def lint_text(text: str, config: LintConfig | None = None, **kwargs: object) -> LintResult:
    checked = check_spec_text(text, "spec.yaml")
    assert checked.loaded is not None, [d.format() for d in checked.diagnostics]
    return lint_spec(checked.loaded, config, **kwargs)  # type: ignore[arg-type]


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``, found without YAML."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1
