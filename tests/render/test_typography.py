"""Typographic punctuation: what the reader sees, and what stays as typed."""

from __future__ import annotations

import pytest

from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.typography import smart_text


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ('Acme launches "Quick Close"', "Acme launches “Quick Close”"),
        ("It's the team's tool", "It’s the team’s tool"),
        ("Sam O'Neill", "Sam O’Neill"),
        ("clients' books", "clients’ books"),
        ("in the '90s", "in the ’90s"),
        ("'single' quotes", "‘single’ quotes"),
        ("Confidential - internal use only", "Confidential – internal use only"),
        ("pages 5--6", "pages 5–6"),
        ("a pause --- then", "a pause — then"),
        ("self-serve, 1-800-555-0142", "self-serve, 1-800-555-0142"),
        ("options (a), (b), (c)", "options (a), (b), (c)"),
        ("see https://x.example/a--b's - ok", "see https://x.example/a--b's – ok"),
    ],
)
def test_plain_text(typed: str, printed: str) -> None:
    assert smart_text(typed) == printed


def render(text: str) -> str:
    return str(MarkdownRenderer({}).block(text)).strip()


def test_markdown_prose_gets_curly_quotes_and_dashes() -> None:
    assert render('He said "now" - it\'s done --- finally.') == (
        "<p>He said “now” – it’s done — finally.</p>"
    )


def test_code_and_link_targets_are_untouched() -> None:
    html = render('Run `tally sync --since "last week"` - see [the "docs"](https://e.x/a--b).')
    assert "<code>tally sync --since &quot;last week&quot;</code>" in html
    assert 'href="https://e.x/a--b"' in html
    assert "– see" in html and "“docs”" in html
    block = render('```\nx = "a" -- b\n```')
    assert "x = &quot;a&quot; -- b" in block


def test_quotes_around_links_and_code_open_and_close() -> None:
    assert render('"[Gapfill](https://g.example)" and "`code`"') == (
        '<p>“<a href="https://g.example">Gapfill</a>” and “<code>code</code>”</p>'
    )


def test_autolinks_and_bare_urls_keep_their_hyphens() -> None:
    html = render("<https://e.x/a--b> and https://f.x/c--d")
    assert ">https://e.x/a--b</a>" in html and "https://f.x/c--d" in html


def test_a_quotation_opens_and_closes_across_paragraphs() -> None:
    html = str(MarkdownRenderer({}).quotation("First part.\n\nSecond part."))
    assert html.strip() == "<p>“First part.</p>\n<p>Second part.”</p>"
