"""Block HTML (headings, paragraphs, quotes, lists, code, tables) as Word blocks.

The mapping is the vocabulary table of docs/templates.md. Anything outside it
is written as paragraphs of its text: a template mistake shows in the output
instead of silently losing words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.html import HtmlElement

from prfaqgen.writers.docx.context import Context, Pending
from prfaqgen.writers.docx.inline import PHRASING, SKIPPED, InlineWriter, Node, field_of
from prfaqgen.writers.docx.ooxml import bottom_border
from prfaqgen.writers.docx.tables import cell_alignment, finish_rows, layout

Container = Document | BlockItemContainer  # the body, a table cell, a header or footer

HEADINGS = {
    "h1": "Heading 1",
    "h2": "Heading 2",
    "h3": "Heading 3",
    "h4": "Heading 3",
    "h5": "Heading 3",
    "h6": "Heading 3",
}
CONTAINERS = frozenset({"section", "div", "header", "article", "footer"})
_P_CLASSES = {"title": "Title", "subtitle": "Subtitle"}

# Written by page.py into the section's header and footer, not the body.
PAGE_PARTS = frozenset({"running-header", "running-footer", "draft-mark"})


@dataclass(frozen=True)
class Scope:
    """What the blocks being written inherit from the elements around them."""

    base: str = "Normal"  # style of plain paragraphs (Quote inside a blockquote, ...)
    level: int = 0  # list nesting depth
    bold: bool = False  # inside a table header cell


def child_nodes(el: HtmlElement) -> list[Node]:
    """The text and child elements of ``el`` in order; tails become text nodes."""
    nodes: list[Node] = [el.text] if el.text else []
    for child in el:
        if (
            isinstance(child.tag, str)
            and child.tag not in SKIPPED
            and not (PAGE_PARTS & set(child.classes))
        ):
            nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def _is_block(node: Node) -> bool:
    return not isinstance(node, str) and node.tag not in PHRASING


def _has_content(nodes: Sequence[Node]) -> bool:
    """Whether inline nodes would show anything: text, a picture, a break, a field."""
    for node in nodes:
        if isinstance(node, str):
            if node.strip():
                return True
        elif node.text_content().strip() or any(
            e.tag in ("img", "br") or field_of(e) for e in node.iter() if isinstance(e.tag, str)
        ):
            return True
    return False


class BlockWriter:
    """Writes HTML blocks into one python-docx container, in document order."""

    def __init__(
        self,
        ctx: Context,
        container: Container,
        pending: Pending | None = None,
        reuse: Paragraph | None = None,
    ) -> None:
        self.ctx = ctx
        self.container = container
        self.pending = pending if pending is not None else Pending()
        self._reuse = reuse  # a cell's own empty paragraph, filled before adding others

    def write_children(self, el: HtmlElement, scope: Scope) -> None:
        """Write the content of ``el``: blocks, and loose inline runs as paragraphs."""
        self._write_nodes(child_nodes(el), scope)

    def finish(self) -> None:
        """Bookmark ids that no paragraph followed (``<div id="document-end">``) at the end."""
        if self.pending.ids:
            self.pending.page_break = False
            paragraphs = self.container.paragraphs
            if paragraphs:
                self.pending.apply(paragraphs[-1], self.ctx)
            else:
                self._paragraph("Normal")

    def _write_nodes(self, nodes: Sequence[Node], scope: Scope) -> None:
        loose: list[Node] = []
        for node in nodes:
            if _is_block(node):
                self._inline_paragraph(loose, scope.base, scope)
                loose = []
                self._block(node, scope)
            else:
                loose.append(node)
        self._inline_paragraph(loose, scope.base, scope)

    def _block(self, el: HtmlElement, scope: Scope) -> None:
        if el.get("id"):
            self.pending.ids.append(el.get("id"))
        if "page-break" in el.classes:
            self.pending.page_break = True
        own = el.get("data-docx-style")
        tag = el.tag
        if tag in HEADINGS:
            self._inline_paragraph(child_nodes(el), own or HEADINGS[tag], scope)
        elif tag == "p":
            named = next((_P_CLASSES[c] for c in el.classes if c in _P_CLASSES), None)
            self._inline_paragraph(child_nodes(el), own or named or scope.base, scope)
        elif tag == "blockquote":
            self.write_children(el, replace(scope, base=own or "Quote"))
        elif tag in ("ul", "ol"):
            self._list(el, own, scope)
        elif tag == "pre":
            self._pre(el, own or "Source Code")
        elif tag == "table":
            self._table(el, own or "Table Grid", scope)
        elif tag == "hr":
            bottom_border(self._paragraph(own or scope.base)._p.get_or_add_pPr())
        elif tag in CONTAINERS or any(_is_block(n) for n in child_nodes(el)):
            self.write_children(el, replace(scope, base=own or scope.base))
        else:
            self._inline_paragraph(child_nodes(el), own or scope.base, scope)

    def _paragraph(self, style: str | BaseStyle) -> Paragraph:
        if isinstance(style, str):
            style = self.ctx.styles.paragraph(style)
        if self._reuse is not None:
            paragraph, self._reuse = self._reuse, None
            paragraph.style = style
        else:
            paragraph = self.container.add_paragraph(style=style)
        self.pending.apply(paragraph, self.ctx)
        return paragraph

    def _inline_paragraph(self, nodes: Sequence[Node], style_name: str, scope: Scope) -> None:
        if _has_content(nodes):
            paragraph = self._paragraph(style_name)
            InlineWriter(self.ctx, paragraph, bold=scope.bold).write(nodes)

    def _list(self, el: HtmlElement, own: str | None, scope: Scope) -> None:
        """List items; each <ol> gets its own numbering so that it starts afresh."""
        level = min(scope.level + 1, 3)
        suffix = "" if level == 1 else f" {level}"
        kind = "List Number" if el.tag == "ol" else "List Bullet"
        style = self.ctx.styles.paragraph(own or kind + suffix)
        numbering = self.ctx.styles.restart_numbering(style, _start(el)) if el.tag == "ol" else None
        inner = replace(scope, base="List Continue" + suffix, level=level)
        for node in child_nodes(el):
            if not isinstance(node, str) and node.tag == "li":
                self._item(node, style, numbering, inner)
            else:
                self._write_nodes([node], inner)

    def _item(
        self,
        li: HtmlElement,
        style: BaseStyle,
        numbering: tuple[int, int] | None,
        inner: Scope,
    ) -> None:
        """One numbered or bulleted paragraph, then the item's further blocks."""
        if li.get("id"):
            self.pending.ids.append(li.get("id"))
        nodes = child_nodes(li)
        split = next((i for i, n in enumerate(nodes) if _is_block(n)), len(nodes))
        lead, rest = nodes[:split], nodes[split:]
        first = rest[0] if rest else None
        if (
            not _has_content(lead)
            and isinstance(first, HtmlElement)
            and first.tag == "p"
            and not first.get("data-docx-style")
        ):
            # A "loose" Markdown list wraps each item in <p>: its first
            # paragraph is the item's own.
            if first.get("id"):
                self.pending.ids.append(first.get("id"))
            lead, rest = child_nodes(first), rest[1:]
        paragraph = self._paragraph(li.get("data-docx-style") or style)
        if numbering is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = numbering[1]
            num_pr.get_or_add_numId().val = numbering[0]
        InlineWriter(self.ctx, paragraph, bold=inner.bold).write(lead)
        self._write_nodes(rest, inner)

    def _pre(self, el: HtmlElement, style_name: str) -> None:
        """One paragraph per line, spaces and tabs kept."""
        text = el.text_content()
        if text.startswith("\n"):
            text = text[1:]
        for line in text.splitlines() or [""]:
            paragraph = self._paragraph(style_name)
            if line:
                paragraph.add_run(line)

    def _table(self, el: HtmlElement, style_name: str, scope: Scope) -> None:
        grid = layout(el)
        for caption in grid.captions:
            self._inline_paragraph(child_nodes(caption), scope.base, scope)
        if grid.cells:
            table = self._new_table(grid.rows, grid.cols)
            table.style = self.ctx.styles.table(style_name)
            compact = self.ctx.styles.paragraph("Compact")
            for p in table._tbl.xpath("./w:tr/w:tc/w:p"):
                Paragraph(p, table).style = compact
            for index, placed in enumerate(grid.cells):
                cell = table.cell(placed.row, placed.col)
                if placed.rows > 1 or placed.cols > 1:
                    end = table.cell(placed.row + placed.rows - 1, placed.col + placed.cols - 1)
                    cell = cell.merge(end)
                # The first cell's first paragraph takes the table's page break and ids.
                pending = self.pending if index == 0 else None
                writer = BlockWriter(self.ctx, cell, pending, reuse=cell.paragraphs[0])
                base = placed.element.get("data-docx-style") or "Compact"
                writer.write_children(placed.element, Scope(base, bold=placed.is_header))
                align = cell_alignment(placed.element)
                for paragraph in cell.paragraphs if align is not None else ():
                    paragraph.alignment = align
            finish_rows(table, grid.header_rows)
        self._write_nodes(grid.strays, scope)

    def _new_table(self, rows: int, cols: int) -> Table:
        if isinstance(self.container, (Document, _Cell)):
            return self.container.add_table(rows, cols)
        return self.container.add_table(rows, cols, self.ctx.text_width)


def _start(ol: HtmlElement) -> int:
    try:
        return max(0, int(ol.get("start", "1")))
    except ValueError:
        return 1
