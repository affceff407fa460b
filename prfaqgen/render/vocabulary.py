"""The HTML vocabulary: the elements and classes that both writers understand.

The compose stage warns about template markup outside it, the DOCX writer maps
it to Word styles and formatting, and docs/templates.md shows the tables that
:func:`markdown_tables` prints (a test keeps the page and this module in step).
The PDF writer understands any HTML and CSS WeasyPrint does; keeping to this
vocabulary is what makes the DOCX say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One row of the vocabulary: HTML, and what it becomes in Word."""

    tags: tuple[str, ...]
    html: str
    word: str


HEADING_STYLES = {
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "h4": "Heading 3",
    "h5": "Heading 3",
    "h6": "Heading 3",
}
# A class on a <p> or heading that names its Word style (the first one that matches).
CLASS_STYLES = {
    "title": "Title",
    "subtitle": "Subtitle",
    "doc-meta": "Document Info",
    "label": "Section Label",
    "headline": "Headline",
    "attribution": "Attribution",
}
# A class on a <blockquote> that names the style of its plain paragraphs.
QUOTE_CLASS_STYLES = {"quotation": "Quotation"}
CONTAINERS = frozenset({"section", "div", "header", "article", "footer", "main", "nav", "aside"})
# HTML phrasing elements: written inside the current paragraph. Those outside
# the vocabulary are written as their text, like <span>.
_PHRASING_NAMES = (
    "a abbr b bdi bdo br cite code data del dfn em i img ins kbd label mark q s samp "
    "small span strong sub sup time u var wbr"
)
PHRASING = frozenset(_PHRASING_NAMES.split())
# Elements that are never document content.
SKIPPED = frozenset({"script", "style", "template", "head", "title", "meta", "link"})
# The document's own frame.
DOCUMENT = frozenset({"html", "body"})
# Written into the page header and footer by the DOCX writer, not into the body.
PAGE_PARTS = frozenset({"running-header", "running-footer", "draft-mark"})
# <span class="..."> that stand for a field Word computes when it lays out pages.
FIELDS = {"page-number": "PAGE", "page-count": "NUMPAGES"}

BLOCKS: tuple[Entry, ...] = (
    Entry(
        tuple(HEADING_STYLES),
        "`<h1>`, `<h2>`, `<h3>` (`<h4>`-`<h6>` become Heading 3)",
        "Heading 1, Heading 2, Heading 3",
    ),
    Entry(
        ("p",),
        "`<p>`; `<p class=...>` (or a heading with it): "
        + ", ".join(f"`{c}`" for c in CLASS_STYLES),
        "Normal; " + ", ".join(CLASS_STYLES.values()),
    ),
    Entry(
        ("blockquote",),
        '`<blockquote>` (its paragraphs); `<blockquote class="quotation">`',
        "Quote (one left rule per quote); Quotation (no rule)",
    ),
    Entry(
        ("ul", "ol", "li"),
        "`<ul>` / `<ol>` items, nested up to 3 levels",
        "List Bullet, List Bullet 2, List Bullet 3 / List Number, List Number 2, "
        "List Number 3 (deeper lists use the level 3 styles); every `<ol>` restarts at 1 "
        "(or at its `start`); an item's further paragraphs are List Continue, "
        "List Continue 2, List Continue 3",
    ),
    Entry(
        ("dl", "dt", "dd"),
        "`<dl>` with `<dt>` and `<dd>`",
        "Definition Term (bold) and Definition (indented)",
    ),
    Entry(("pre",), "`<pre>` (its lines)", "Source Code, one box per block"),
    Entry(
        ("table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col"),
        "`<table>` with `<thead>`/`<tbody>`/`<tr>`/`<th>`/`<td>`",
        "a Word table in the Table Grid style, cell paragraphs in Compact, columns sized "
        'from their content (or from `style="width: N%"` on `<col>`/`<th>`, and on the '
        "table); header cells bold and repeated on each page; `colspan`/`rowspan` become "
        "merged cells; a `<caption>` is a paragraph before the table; 8pt after the table",
    ),
    Entry(
        ("img",),
        "`<img src alt>`",
        "an inline picture, scaled to fit the text width, `alt` as its description; PNG, "
        "JPEG, GIF, BMP or TIFF from a `file://` URL inside the spec or theme folder, or a "
        "`data:` URL of at most 5 MB",
    ),
    Entry(("hr",), "`<hr>`", "an empty paragraph with a bottom border"),
    Entry(
        tuple(sorted(CONTAINERS)),
        ", ".join(f"`<{t}>`" for t in sorted(CONTAINERS)),
        "containers: their children are written in order",
    ),
)

INLINE: tuple[Entry, ...] = (
    Entry(("strong", "b"), "`<strong>`, `<b>`", "bold"),
    Entry(("em", "i", "cite"), "`<em>`, `<i>`, `<cite>`", "italic"),
    Entry(("code", "kbd", "samp"), "`<code>`, `<kbd>`, `<samp>`", "the character style Code"),
    Entry(
        ("a",),
        "`<a href>`",
        "a hyperlink in the Hyperlink character style (`#id` links point to that bookmark)",
    ),
    Entry(("sup",), "`<sup>`", "superscript"),
    Entry(("sub",), "`<sub>`", "subscript"),
    Entry(("del", "s"), "`<del>`, `<s>`", "struck through"),
    Entry(("u", "ins"), "`<u>`, `<ins>`", "underlined"),
    Entry(
        ("ins", "del"),
        '`<ins class="change">`, `<del class="change">` (`data-author`, `datetime`)',
        "a tracked insertion or deletion (`w:ins`, `w:del`), as `prfaqgen diff` writes them; "
        'a block with `class="diff-ins"` or `"diff-del"` has its paragraph marks (a table '
        "row: the row) tracked too",
    ),
    Entry(("mark",), "`<mark>`", "highlighted (yellow)"),
    Entry(("q",), "`<q>`", "its text in quotation marks"),
    Entry(("br",), "`<br>`", "a line break"),
    Entry(
        ("span", "small", "abbr", "time"),
        "`<span>`, `<small>`, `<abbr>`, `<time>`",
        "its text",
    ),
)

ELEMENTS = frozenset(tag for entry in (*BLOCKS, *INLINE) for tag in entry.tags) | SKIPPED | DOCUMENT
INLINE_ELEMENTS = frozenset(tag for entry in INLINE for tag in entry.tags) | {"img"}


def markdown_tables() -> str:
    """The Blocks and Inline tables of docs/templates.md, as this module defines them."""

    def table(entries: tuple[Entry, ...], right: str) -> Iterator[str]:
        yield f"| HTML | {right} |"
        yield "| --- | --- |"
        for entry in entries:
            yield f"| {entry.html} | {entry.word} |"

    return "\n".join(
        [
            "Blocks:",
            "",
            *table(BLOCKS, "Word"),
            "",
            "Inline:",
            "",
            *table(INLINE, "Word"),
            "",
        ]
    )
