"""Reviewers' comments and tracked changes land at the spec line and column they are on."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from prfaqgen.cli import main
from prfaqgen.review import ReviewFinding, read_review
from tests.comments.conftest import EXAMPLE, PRESS, load, render
from tests.comments.word_markup import Comment, W, annotate


def _by_text(findings: tuple[ReviewFinding, ...]) -> dict[str, ReviewFinding]:
    return {f.text: f for f in findings}


def _source_at(line: int, column: int, length: int) -> str:
    """The spec text at a 1-based line and column, to show the place is the right one."""
    text = EXAMPLE.read_text(encoding="utf-8").splitlines()[line - 1]
    return text[column - 1 : column - 1 + length]


def test_comments_land_at_the_line_and_column_of_the_words_they_are_on(reviewed: Path) -> None:
    found = _by_text(read_review(reviewed, load(EXAMPLE)).findings)

    headline = found["Is 'refill' the word clinics use?"]
    assert (headline.line, headline.column, headline.path) == (22, 32, "press_release.headline")
    assert (headline.end_line, headline.end_column) == (22, 49)
    assert _source_at(22, 32, 17) == "Gapfill to refill" == headline.anchor
    assert headline.author == "Tom Becker"

    answer = found["What does a clinic pay if it has one therapist?"]
    assert (answer.line, answer.column, answer.path) == (77, 9, "faq.external[0].a")
    assert _source_at(77, 9, 27) == "$49 per therapist per month"

    quote = found["Is 60 from the pilot data?"]
    assert (quote.line, quote.column) == (58, 9)
    assert quote.path == "press_release.customer_quotes[0].text"
    assert _source_at(58, 9, 21) == "filled 60 more visits"


def test_replies_are_shown_under_their_parent_not_as_findings(reviewed: Path) -> None:
    findings = read_review(reviewed, load(EXAMPLE)).findings
    texts = [f.text for f in findings]
    assert "Yes: every owner we interviewed said it." not in texts
    parent = _by_text(findings)["Is 'refill' the word clinics use?"]
    assert [(r.author, r.text) for r in parent.replies] == [
        ("Marisol Vega", "Yes: every owner we interviewed said it.")
    ]


def test_tracked_changes_are_reported_with_author_at_their_place(reviewed: Path) -> None:
    found = _by_text(read_review(reviewed, load(EXAMPLE)).findings)
    inserted = found[" quietly"]
    assert (inserted.kind, inserted.author) == ("insertion", "Priya Natarajan")
    # Right after "today launched" in the summary's first line.
    assert (inserted.line, inserted.column) == (28, 45)
    assert _source_at(28, 31, 14) == "today launched"
    deleted = found["independent"]
    assert (deleted.kind, deleted.line, deleted.column) == ("deletion", 28, 78)
    assert _source_at(28, 78, 11) == "independent"


def test_a_comment_on_template_text_is_placed_at_the_nearest_field_with_a_note(
    reviewed: Path,
) -> None:
    found = _by_text(read_review(reviewed, load(EXAMPLE)).findings)
    heading = found["Put the internal FAQ first?"]
    assert (heading.line, heading.column, heading.path) == (75, 10, "faq.external[0].q")
    assert "Frequently asked questions" in heading.note
    # The dateline is the template's, made of the location: found there.
    dateline = found["Not Seattle?"]
    assert (dateline.line, dateline.column, dateline.path) == (24, 13, "press_release.location")
    assert dateline.resolved


def test_the_command_prints_located_lines_replies_and_a_summary(reviewed: Path) -> None:
    result = CliRunner().invoke(main, ["comments", str(reviewed), str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    spec = str(EXAMPLE)
    assert f"{spec}:22:32: comment (Tom Becker): \"Is 'refill' the word clinics use?\"" in lines
    reply = lines.index(
        f"{spec}:22:32: comment (Tom Becker): \"Is 'refill' the word clinics use?\""
    )
    assert (
        lines[reply + 1] == '    reply (Marisol Vega): "Yes: every owner we interviewed said it."'
    )
    assert (
        f'{spec}:77:9: comment (Tom Becker): "What does a clinic pay if it has one therapist?"'
        in lines
    )
    assert f'{spec}:28:45: insertion (Priya Natarajan): "quietly"' in lines
    assert "5 comments, 1 insertion, 1 deletion" in result.stderr


def test_json_output_holds_places_anchors_and_replies(reviewed: Path) -> None:
    result = CliRunner().invoke(main, ["comments", str(reviewed), str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 7  # 5 comments and 2 changes; the reply is inside its parent
    first = data[0]
    assert first["kind"] == "comment" and first["author"] == "Tom Becker"
    assert (first["line"], first["column"], first["path"]) == (22, 32, "press_release.headline")
    assert first["anchor"] == "Gapfill to refill"
    assert first["replies"][0]["author"] == "Marisol Vega"


def test_github_output_is_one_escaped_notice_per_finding(reviewed: Path) -> None:
    result = CliRunner().invoke(
        main, ["comments", str(reviewed), str(EXAMPLE), "--format", "github"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 7
    headline = lines[0]
    assert headline.startswith(
        f"::notice file={EXAMPLE},line=22,col=32,endLine=22,endColumn=49,title=comment::"
    )
    # The reply is on the same annotation; the line break escaped as GitHub wants.
    assert '%0A    reply (Marisol Vega): "Yes: every owner we interviewed said it."' in headline
    assert any(",title=deletion::deletion (Priya Natarajan)" in line for line in lines)


def test_an_edited_spec_still_gets_each_finding_at_its_new_line(
    reviewed: Path, tmp_path: Path
) -> None:
    edited = tmp_path / "example.yaml"
    source = EXAMPLE.read_text(encoding="utf-8")
    edited.write_text("# Reviewed on 1 December.\n" + source, encoding="utf-8")
    result = CliRunner().invoke(main, ["comments", str(reviewed), str(edited)])
    assert result.exit_code == 0, result.output
    assert "changed since" in result.stderr
    assert f"{edited}:23:32: comment (Tom Becker)" in result.stdout


def test_a_document_with_no_comments_prints_none(example_docx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "clean.docx"
    path.write_bytes(example_docx)
    result = CliRunner().invoke(main, ["comments", str(path), str(EXAMPLE)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "0 comments" in result.stderr


def test_supporting_parts_are_placed_too(example_docx: bytes, tmp_path: Path) -> None:
    """A tenet (a list item), a metric (a table cell), a glossary entry, an appendix title."""
    path = tmp_path / "supporting.docx"
    path.write_bytes(
        annotate(
            example_docx,
            [
                Comment("never books over a block", "Tom Becker", "tenet"),
                Comment("Late cancellations refilled", "Tom Becker", "metric"),
                Comment("A no-show is not", "Tom Becker", "glossary"),
                Comment("Financial model", "Tom Becker", "appendix"),
            ],
        )
    )
    found = {f.text: f for f in read_review(path, load(EXAMPLE)).findings}
    assert (found["tenet"].line, found["tenet"].column, found["tenet"].path) == (
        218,
        45,
        "tenets[1]",
    )
    assert _source_at(218, 45, 24) == "never books over a block"
    assert (found["metric"].line, found["metric"].column) == (223, 11)
    assert found["metric"].path == "metrics[0].name"
    assert (found["glossary"].line, found["glossary"].column) == (244, 73)
    assert found["glossary"].path == "glossary.Late cancellation"
    assert (found["appendix"].line, found["appendix"].column) == (249, 12)


def test_a_title_the_template_typeset_still_matches_its_spec(tmp_path: Path) -> None:
    """press.yaml's title has straight quotes; the document's has curly ones."""
    path = tmp_path / "press.docx"
    path.write_bytes(render(PRESS))
    result = read_review(path, load(PRESS))
    assert result.findings == () and result.warnings == ()


def test_a_range_start_written_before_the_field_bookmark_is_in_that_field(
    example_docx: bytes, tmp_path: Path
) -> None:
    """Word may put commentRangeStart ahead of a bookmark start at the same place."""
    marked = annotate(
        example_docx, [Comment("Northfork launches Gapfill", "Tom Becker", "whole headline")]
    )
    with zipfile.ZipFile(io.BytesIO(marked)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    start = root.find(f".//{{{W}}}commentRangeStart")
    paragraph = start.getparent()
    paragraph.remove(start)
    paragraph.insert(1, start)  # right after w:pPr, before the hidden bookmark
    assert paragraph[2].get(f"{{{W}}}name", "").startswith("_pf")
    parts["word/document.xml"] = etree.tostring(root)
    path = tmp_path / "moved.docx"
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    (finding,) = read_review(path, load(EXAMPLE)).findings
    assert (finding.line, finding.column, finding.path) == (22, 13, "press_release.headline")
    assert finding.note == ""
