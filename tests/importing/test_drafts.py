"""Drafts written by hand in the styles people use, in Markdown and in Word."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import yaml
from click.testing import CliRunner

from prfaqgen import check_spec
from prfaqgen.cli import main
from prfaqgen.importing import import_draft

MARKDOWN = """# Ledger

**Author:** Priya Raman
**Date:** 2026-11-22

## Acme launches Ledger, month-end close in one day for small finance teams

*Small finance teams close the books in one day instead of five.*

SEATTLE, WA – March 1, 2027 – Acme today launched **Ledger**, a close tool for teams of 2 to 10.

**Problem:** Small finance teams spend 5 days each month reconciling accounts by hand.

**Solution:** Ledger matches 90% of transactions for them. See [the docs](https://example.com).

"We built Ledger because our own team lost a week every month," said Dana Kim, VP, Acme.

1. Connect the bank feed.
2. Review the matches.

> "I closed March in a day." — Maria Lopez, Controller at a design firm

To get started, visit acme.example/ledger.

## FAQ

Q: How much does Ledger cost?
A: $20 per user per month.

Q: Does it work with QuickBooks?

A: Yes, from day one.

## Internal FAQ

1. What are the top three reasons this will fail?

   Adoption, accuracy and price.

## Pricing notes

| Plan | Price |
| --- | --- |
| Team | $20 |
"""


def _imported(tmp_path: Path, draft: Path, *args: str) -> tuple[dict[str, Any], str]:
    target = tmp_path / "out" / "ledger.yaml"
    result = CliRunner().invoke(main, ["import", str(draft), "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    loaded = check_spec(target)
    assert loaded.loaded is not None, [d.format() for d in loaded.errors]
    return yaml.safe_load(target.read_text(encoding="utf-8")), result.stderr


def test_a_markdown_draft_with_bold_labels_and_q_a_lines(tmp_path: Path) -> None:
    draft = tmp_path / "ledger.md"
    draft.write_text(MARKDOWN, encoding="utf-8")
    spec, report = _imported(tmp_path, draft)
    pr = spec["press_release"]
    assert spec["title"] == "Ledger"
    assert spec["meta"]["author"] == "Priya Raman"
    assert str(spec["meta"]["date"]) == "2026-11-22"
    assert pr["headline"].startswith("Acme launches Ledger")
    assert pr["subheadline"].startswith("Small finance teams close")
    assert (pr["location"], str(pr["launch_date"])) == ("SEATTLE, WA", "2027-03-01")
    assert pr["summary"] == "Acme today launched **Ledger**, a close tool for teams of 2 to 10."
    assert pr["problem"].startswith("Small finance teams spend 5 days")
    assert "[the docs](https://example.com)" in pr["solution"]
    assert pr["leader_quote"] == {
        "text": "We built Ledger because our own team lost a week every month",
        "name": "Dana Kim",
        "role": "VP, Acme",
    }
    assert pr["how_it_works"] == "1. Connect the bank feed.\n2. Review the matches.\n"
    assert pr["customer_quotes"][0]["name"] == "Maria Lopez"
    assert pr["call_to_action"] == "To get started, visit acme.example/ledger."
    assert [q["q"] for q in spec["faq"]["external"]] == [
        "How much does Ledger cost?",
        "Does it work with QuickBooks?",
    ]
    assert spec["faq"]["external"][1]["a"] == "Yes, from day one."
    assert spec["faq"]["internal"][0]["a"] == "Adoption, accuracy and price."
    # A section it has no place for is kept, as an appendix entry.
    assert spec["appendix"][0]["title"] == "Pricing notes"
    assert "| Team | $20 |" in spec["appendix"][0]["body"]
    assert "0 required and 0 recommended part(s) not found, valid" in report


def _word_draft(path: Path) -> None:
    document = docx.Document()
    document.core_properties.author = "Priya Raman"
    document.add_heading("Ledger", level=0)
    document.add_heading("Acme launches Ledger for small finance teams", level=1)
    document.add_paragraph("Seattle, WA – March 1, 2027 – Acme today launched Ledger.")
    heading = document.add_paragraph()
    heading.add_run("Problem").bold = True
    document.add_paragraph("Closing the books takes 5 days.")
    heading = document.add_paragraph()
    heading.add_run("Solution").bold = True
    paragraph = document.add_paragraph("Ledger matches ")
    paragraph.add_run("90%").bold = True
    paragraph.add_run(" of transactions ")
    paragraph.add_run("for you").italic = True
    paragraph.add_run(".")
    document.add_paragraph("Connect a bank feed", style="List Bullet")
    document.add_paragraph("Review the matches", style="List Bullet")
    heading = document.add_paragraph()
    heading.add_run("Customer quote").bold = True
    document.add_paragraph("“I closed March in a day.” — Maria Lopez, Controller")
    document.add_heading("Frequently asked questions", level=1)
    document.add_paragraph("1. How much does it cost?")
    document.add_paragraph("$20 per user per month.")
    document.add_paragraph("2. Does it work offline?")
    document.add_paragraph("No.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Plan", "Price"
    table.cell(1, 0).text, table.cell(1, 1).text = "Team", "$20"
    document.save(str(path))


def test_a_word_draft_with_heading_styles_bold_lines_and_numbered_questions(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "ledger.docx"
    _word_draft(draft)
    spec, report = _imported(tmp_path, draft)
    pr = spec["press_release"]
    assert spec["title"] == "Ledger"
    assert spec["meta"]["author"] == "Priya Raman"
    assert pr["headline"] == "Acme launches Ledger for small finance teams"
    assert pr["location"] == "Seattle, WA"
    assert pr["summary"] == "Acme today launched Ledger."
    assert pr["problem"] == "Closing the books takes 5 days."
    assert pr["solution"] == (
        "Ledger matches **90%** of transactions *for you*.\n\n"
        "- Connect a bank feed\n- Review the matches\n"
    )
    assert pr["customer_quotes"] == [
        {"text": "I closed March in a day.", "name": "Maria Lopez", "role": "Controller"}
    ]
    faq = spec["faq"]["external"]
    assert [q["q"] for q in faq] == ["How much does it cost?", "Does it work offline?"]
    assert faq[1]["a"].startswith("No.\n\n| Plan | Price |")
    # The gap report locates what it did not find.
    assert "press_release.leader_quote: recommended part not found" in report
    assert "faq.internal" in report


def test_missing_required_parts_are_todos_that_validate_warns_about(tmp_path: Path) -> None:
    draft = tmp_path / "thin.md"
    draft.write_text("# Acme launches Ledger for small finance teams today\n\nJust one line.\n")
    target = tmp_path / "thin.yaml"
    result = import_draft(draft, target)
    required = {g.path for g in result.gaps if g.required}
    assert {"press_release.problem", "press_release.solution", "faq"} <= required
    assert not result.check.errors
    todo_warnings = [d for d in result.check.warnings if "scaffold text" in d.message]
    assert {d.path for d in todo_warnings} >= {"press_release.problem", "press_release.solution"}
    assert "TODO:" in yaml.safe_load(result.text)["press_release"]["problem"]


def test_an_existing_spec_is_not_overwritten_without_force(tmp_path: Path) -> None:
    draft = tmp_path / "ledger.md"
    draft.write_text(MARKDOWN, encoding="utf-8")
    target = tmp_path / "ledger.yaml"
    target.write_text("mine\n")
    refused = CliRunner().invoke(main, ["import", str(draft), "-o", str(target)])
    assert refused.exit_code == 1
    assert "already exists; use --force" in refused.stderr
    assert target.read_text() == "mine\n"
    forced = CliRunner().invoke(main, ["import", str(draft), "-o", str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    assert target.read_text().startswith("# Imported from ledger.md")


def test_the_same_draft_gives_the_same_bytes(tmp_path: Path) -> None:
    draft = tmp_path / "ledger.md"
    draft.write_text(MARKDOWN, encoding="utf-8")
    first = import_draft(draft, tmp_path / "a.yaml").text
    assert import_draft(draft, tmp_path / "a.yaml").text == first


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def test_pictures_are_saved_beside_the_spec_and_the_spec_validates(tmp_path: Path) -> None:
    picture = tmp_path / "mock.png"
    picture.write_bytes(PNG)
    document = docx.Document()
    document.add_heading("Ledger", level=0)
    document.add_heading("Acme launches Ledger for small finance teams", level=1)
    document.add_heading("Appendix", level=1)
    document.add_heading("Mock-up", level=2)
    document.add_picture(str(picture))
    draft = tmp_path / "ledger.docx"
    document.save(str(draft))
    spec, _ = _imported(tmp_path, draft)
    body = spec["appendix"][0]["body"]
    assert spec["appendix"][0]["title"] == "Mock-up"
    assert body == "![](ledger-images/image1.png)"
    assert (tmp_path / "out" / "ledger-images" / "image1.png").read_bytes() == PNG


def test_a_markdown_picture_is_copied_and_a_web_picture_becomes_a_link(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "flow.png").write_bytes(PNG)
    draft = tmp_path / "ledger.md"
    draft.write_text(
        "# Acme launches Ledger for small finance teams\n\n## Appendix\n\n## Flow\n\n"
        "![the flow](pics/flow.png)\n\n![logo](https://example.com/logo.png)\n",
        encoding="utf-8",
    )
    spec, _ = _imported(tmp_path, draft)
    body = spec["appendix"][0]["body"]
    assert "![the flow](ledger-images/image1.png)" in body
    assert "[logo](https://example.com/logo.png)" in body
    assert "![logo]" not in body


def test_a_word_faq_written_as_a_bulleted_list_with_answers_nested(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Acme launches Ledger for small finance teams", level=1)
    document.add_paragraph("Seattle, WA – March 1, 2027 – Acme today launched Ledger.")
    document.add_heading("FAQ", level=1)
    document.add_paragraph("What does it cost?", style="List Bullet")
    document.add_paragraph("$20 per user per month.", style="List Bullet 2")
    document.add_paragraph("Who is it for", style="List Bullet")
    document.add_paragraph("Teams of 2 to 10.", style="List Bullet 2")
    document.add_paragraph("Controllers too.", style="List Bullet 2")
    draft = tmp_path / "ledger.docx"
    document.save(str(draft))
    spec, _ = _imported(tmp_path, draft)
    assert spec["faq"]["external"] == [
        {"q": "What does it cost?", "a": "- $20 per user per month."},
        {"q": "Who is it for", "a": "- Teams of 2 to 10.\n- Controllers too.\n"},
    ]


def test_a_question_cue_with_nothing_to_ask_is_text_not_an_empty_question(tmp_path: Path) -> None:
    """A bare ``Q1.`` list item or ``Q:`` line: the spec written must validate."""
    draft = tmp_path / "ledger.md"
    draft.write_text(
        "# Ledger\n\n## FAQ\n\n- What does it cost?\n  Ten dollars.\n- Q1.\n  Per month.\n"
        "\nQ: \\\n",
        encoding="utf-8",
    )
    spec, _ = _imported(tmp_path, draft)
    assert spec["faq"]["external"] == [
        {"q": "What does it cost?", "a": "Ten dollars.\n\nQ1.\nPer month.\n\nQ: \\\n"}
    ]


def test_comments_in_the_draft_are_reported_as_not_imported(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Acme launches Ledger for small finance teams", level=1)
    paragraph = document.add_paragraph("Seattle, WA – March 1, 2027 – Acme today launched Ledger.")
    document.add_comment(paragraph.runs, text="Which teams?", author="Tom Becker")
    draft = tmp_path / "ledger.docx"
    document.save(str(draft))
    result = CliRunner().invoke(main, ["import", str(draft), "-o", str(tmp_path / "l.yaml")])
    assert f"{draft}: not imported: 1 reviewer comment(s)" in result.stderr
    assert "# - 1 reviewer comment(s)" in (tmp_path / "l.yaml").read_text(encoding="utf-8")


def test_the_gap_report_points_at_each_todo_in_the_spec(tmp_path: Path) -> None:
    draft = tmp_path / "thin.md"
    draft.write_text("# Acme launches Ledger for small finance teams today\n\nJust one line.\n")
    target = tmp_path / "thin.yaml"
    result = CliRunner().invoke(main, ["import", str(draft), "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    match = re.search(
        rf"{re.escape(str(draft))}: press_release.problem: required part not found "
        rf"\(looked in the press release, line 3 to line 3\); wrote a TODO in its place at "
        rf"{re.escape(str(target))}:(\d+)",
        result.stderr,
    )
    assert match, result.stderr
    assert lines[int(match.group(1)) - 1].strip().startswith('problem: "TODO:')


def test_spaces_at_line_ends_become_what_commonmark_reads_and_prose_stays_a_block(
    tmp_path: Path,
) -> None:
    draft = tmp_path / "ledger.md"
    long = "Ledger matches 90% of transactions for them, so the team reviews only the rest."
    draft.write_text(
        "# Acme launches Ledger for small finance teams\n\n"
        f"Seattle, WA – March 1, 2027 – Acme launched Ledger. \n\nClosing takes 5 days.\n\n"
        f"{long}  \nExceptions come to one screen. \n",
        encoding="utf-8",
    )
    result = import_draft(draft, tmp_path / "l.yaml")
    assert f"  solution: |\n    {long}\\\n    Exceptions come to one screen.\n" in result.text
    assert yaml.safe_load(result.text)["press_release"]["summary"] == "Acme launched Ledger."
