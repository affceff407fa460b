"""Whatever a Markdown draft holds, import gives a spec that validates: never a traceback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from prfaqgen.importing import import_draft

# Pieces people's drafts are made of, in any order.
PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "### ",
        "**",
        "*",
        "_",
        "Q: ",
        "A: ",
        "Q1. ",
        "Answer: ",
        "> ",
        "- ",
        "1. ",
        "“",
        "”",
        '"',
        " — ",
        " - ",
        "said ",
        "Dana Kim, VP",
        "Problem:",
        "Solution:",
        "FAQ",
        "Internal FAQ",
        "Appendix",
        "Summary",
        "About Acme",
        "SEATTLE, WA – March 1, 2027 – ",
        "Acme launches Ledger",
        "Ledger",
        "?",
        ".",
        ",",
        ":",
        "|",
        "| --- |",
        "![x](y.png)",
        "[a](http://b)",
        "```",
        "\n",
        "\n\n",
        "\n\n",
        " ",
        "word",
        "Author: Priya",
        "Date: 2026-01-02",
        "---\n",
        "   ",
        "\t",
        "`",
        "\\",
        "é",
        "#",
        "Tenets",
        "Glossary",
        "Success metrics",
    ]
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(PIECES, min_size=1, max_size=80))
@example(pieces=["**", "\n", "Q: ", "\\"])  # a "Q:" cue with nothing to ask: no empty question
@example(pieces=["### ", "Q1. ", "\n", "A: ", "Yes."])  # a bare numbered heading
def test_any_markdown_draft_gives_a_valid_spec(tmp_path: Path, pieces: list[str]) -> None:
    text = "".join(pieces)
    if not text.strip():
        return
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    result = import_draft(draft, tmp_path / "draft.yaml")
    assert not result.check.errors, (text, [d.format() for d in result.check.errors])
