"""Block HTML (headings, paragraphs, quotes, lists, code, tables) as Word blocks.

The mapping is the vocabulary table of docs/templates.md. Anything outside it
is written as paragraphs of its text: a template mistake shows in the output
instead of silently losing words.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Length, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.html import HtmlElement

from prfaqgen.compose.vocabulary import (
    CLASS_STYLES,
    CONTAINERS,
    HEADING_STYLES,
    PAGE_PARTS,
    QUOTE_CLASS_STYLES,
    SKIPPED,
)
from prfaqgen.writers.docx.context import Context, Pending
from prfaqgen.writers.docx.fields import FIELD_ATTRIBUTE
from prfaqgen.writers.docx.inline import PHRASING, InlineWriter, Node, field_of
from prfaqgen.writers.docx.internals import insert_table, paragraph_xml, run_xml
from prfaqgen.writers.docx.measure import cell_text
from prfaqgen.writers.docx.ooxml import bottom_border, insert_ordered, set_paragraph_style
from prfaqgen.writers.docx.revisions import Revision, block_revision, mark_paragraph, mark_row
from prfaqgen.writers.docx.tables import cell_alignment, column_widths, layout, table_xml

Container = Document | BlockItemContainer  # the body, a table cell, a header or footer

# The theme's margin below a table (theme.css `table { margin-bottom }`).
TABLE_SPACE_AFTER = Pt(8)
# The margin below a list (`ul, ol { margin-bottom }`), more than its items' own.
LIST_SPACE_AFTER = Pt(6)
# List levels step in by 0.3in (theme.css `ul, ol { padding-left }`).
LIST_INDENT = Inches(0.3)
# The margin below a code block (theme.css `pre { margin-bottom }`).
CODE_SPACE_AFTER = Pt(6)
# A quote inside a quote steps in by the outer one's margin and padding
# (theme.css `blockquote { margin-left: 0.25in; padding-left: 0.15in }`).
NESTED_QUOTE_INDENT = Inches(0.4)


@dataclass(frozen=True)
class Scope:
    """What the blocks being written inherit from the elements around them."""

    base: str = "Normal"  # style of plain paragraphs (Quote inside a blockquote, ...)
    level: int = 0  # list nesting depth
    bold: bool = False  # inside a table header cell
    variant: bool = False  # the second of two bordered blocks in a row: a distinct border
    quote: str | None = None  # the style of the blockquote around (its rule and indent)
    quote_depth: int = 0  # blockquotes around: a quote in a quote steps in
    revision: Revision | None = None  # inside a block a diff inserted or deleted


def child_nodes(el: HtmlElement) -> list[Node]:
    """The text and child elements of ``el`` in order; tails become text nodes."""
    nodes: list[Node] = [el.text] if el.text else []
    for child in el:
        if (
            isinstance(child.tag, str)
            and child.tag not in SKIPPED
            and PAGE_PARTS.isdisjoint(child.get("class", "").split())  # = child.classes
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
        path = el.get(FIELD_ATTRIBUTE)
        if not path:
            self._write_block(el, scope)
            return
        self.pending.fields.append(path)
        self._write_block(el, scope)
        if path in self.pending.fields:  # nothing was written for it
            self.pending.fields.remove(path)
        else:
            self.ctx.marks.close(self.ctx.last_paragraph, path)

    def _write_block(self, el: HtmlElement, scope: Scope) -> None:
        if el.get("id"):
            self.pending.ids.append(el.get("id"))
        if "page-break" in el.classes:
            self.pending.page_break = True
        if "landscape" in el.classes:
            from prfaqgen.writers.docx.page import write_landscape

            write_landscape(self, el, scope)
            return
        own = el.get("data-docx-style")
        tag = el.tag
        revision = block_revision(el)
        if revision is not None:
            scope = replace(scope, revision=revision)
        named = next((CLASS_STYLES[c] for c in el.classes if c in CLASS_STYLES), None)
        if tag in HEADING_STYLES:
            self._inline_paragraph(child_nodes(el), own or named or HEADING_STYLES[tag], scope)
        elif tag == "p":
            self._inline_paragraph(child_nodes(el), own or named or scope.base, scope)
        elif tag == "blockquote":
            quoted = next(
                (QUOTE_CLASS_STYLES[c] for c in el.classes if c in QUOTE_CLASS_STYLES), None
            )
            style = own or quoted or "Quote"
            inner = replace(
                scope,
                base=style,
                variant=self._flip(),
                quote=style,
                quote_depth=scope.quote_depth + 1,
            )
            self.write_children(el, inner)
        elif tag in ("ul", "ol"):
            self._list(el, own, scope)
        elif tag == "dl":
            self._definitions(el, scope)
        elif tag == "pre":
            self._pre(el, own or "Source Code", self._flip(), scope.revision)
        elif tag == "table":
            self._table(el, own or "Table Grid", scope)
        elif tag == "hr":
            rule = self._paragraph(own or scope.base)
            bottom_border(rule._p.get_or_add_pPr())
            if scope.revision is not None:
                mark_paragraph(rule, scope.revision, self.ctx.revisions)
        elif tag in CONTAINERS or any(_is_block(n) for n in child_nodes(el)):
            self.write_children(el, replace(scope, base=own or scope.base))
        else:
            self._inline_paragraph(child_nodes(el), own or scope.base, scope)

    def _flip(self) -> bool:
        """The border variant of the next bordered block (alternating)."""
        self.ctx.border_variant = not self.ctx.border_variant
        return self.ctx.border_variant

    def _paragraph(self, style: str | ParagraphStyle, scope: Scope | None = None) -> Paragraph:
        if isinstance(style, str):
            style = self.ctx.styles.paragraph(style)
        if self._reuse is not None:
            paragraph, self._reuse = self._reuse, None
        else:
            paragraph = self.container.add_paragraph()
        set_paragraph_style(paragraph, style)
        self.pending.apply(paragraph, self.ctx)
        self.ctx.last_paragraph = paragraph
        if scope is not None and scope.quote is not None and style.name != scope.quote:
            # A list or heading inside a quote: inside its rule and indent.
            quote = self.ctx.styles.paragraph(scope.quote)
            _inside_quote(paragraph, quote, scope.level)
            if scope.variant or _border_of(quote) is not None:
                _copy_border(paragraph, quote, nudge=scope.variant)
        elif scope is not None and scope.variant:
            _copy_border(paragraph, style, nudge=True)
        if scope is not None and scope.quote_depth > 1:
            fmt = paragraph.paragraph_format
            own = (
                fmt.left_indent
                if fmt.left_indent is not None
                else style.paragraph_format.left_indent
            )
            fmt.left_indent = Length((own or 0) + NESTED_QUOTE_INDENT * (scope.quote_depth - 1))
        if scope is not None and scope.revision is not None:
            mark_paragraph(paragraph, scope.revision, self.ctx.revisions)
        return paragraph

    def _inline_paragraph(self, nodes: Sequence[Node], style_name: str, scope: Scope) -> None:
        if _has_content(nodes):
            paragraph = self._paragraph(style_name, scope)
            italic = self._quote_italic(paragraph, scope)
            InlineWriter(self.ctx, paragraph, bold=scope.bold, italic=italic).write(nodes)

    def _quote_italic(self, paragraph: Paragraph, scope: Scope) -> bool:
        """A list item or heading inside an italic quote is italic like the quote."""
        if scope.quote is None or paragraph.style is None or paragraph.style.name == scope.quote:
            return False
        return bool(self.ctx.styles.paragraph(scope.quote).font.italic)

    def _definitions(self, dl: HtmlElement, scope: Scope) -> None:
        """``<dt>`` as a bold term, ``<dd>`` as an indented description."""
        for node in child_nodes(dl):
            if isinstance(node, str) or node.tag not in ("dt", "dd"):
                self._write_nodes([node], scope)
                continue
            if node.get("id"):
                self.pending.ids.append(node.get("id"))
            own = node.get("data-docx-style")
            style = own or ("Definition Term" if node.tag == "dt" else "Definition")
            inner = replace(scope, base=style, revision=block_revision(node) or scope.revision)
            self._write_nodes(child_nodes(node), inner)

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
        if scope.level == 0:
            self.pending.space_before = LIST_SPACE_AFTER

    def _item(
        self,
        li: HtmlElement,
        style: ParagraphStyle,
        numbering: tuple[int, int] | None,
        inner: Scope,
    ) -> None:
        """One numbered or bulleted paragraph, then the item's further blocks."""
        if li.get("id"):
            self.pending.ids.append(li.get("id"))
        inner = replace(inner, revision=block_revision(li) or inner.revision)
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
        paragraph = self._paragraph(li.get("data-docx-style") or style, inner)
        if numbering is not None:
            # CT_PPr makes get_or_add_numPr at run time; its stubs do not list it.
            num_pr = cast(Any, paragraph_xml(paragraph).get_or_add_pPr()).get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = numbering[1]
            num_pr.get_or_add_numId().val = numbering[0]
        italic = self._quote_italic(paragraph, inner)
        InlineWriter(self.ctx, paragraph, bold=inner.bold, italic=italic).write(lead)
        self._write_nodes(rest, inner)

    def _pre(
        self, el: HtmlElement, style_name: str, variant: bool, revision: Revision | None = None
    ) -> None:
        """One paragraph per line, spaces and tabs kept; one box per block."""
        text = el.text_content()
        if text.startswith("\n"):
            text = text[1:]
        paragraph = None
        for line in text.splitlines() or [""]:
            paragraph = self._paragraph(style_name, Scope(variant=variant, revision=revision))
            if line and revision is not None:
                _tracked_run(paragraph, line, revision, self.ctx)
            elif line:
                paragraph.add_run(line)
        if paragraph is not None:
            paragraph.paragraph_format.space_after = CODE_SPACE_AFTER

    def _table(self, el: HtmlElement, style_name: str, scope: Scope) -> None:
        """The table in one pass over its cells (linear in rows x columns)."""
        grid = layout(el)
        for caption in grid.captions:
            self._inline_paragraph(child_nodes(caption), scope.base, scope)
        if grid.cells:
            style = self.ctx.styles.table(style_name)
            indent = self._indent(scope)
            available = Length(self._available_width() - indent).twips
            widths = column_widths(
                grid, el, available, cell_text(self.ctx.styles, self.ctx.fonts, style)
            )
            tbl, placed = table_xml(grid, widths, style.style_id, Length(indent).twips)
            assert isinstance(tbl, CT_Tbl)
            self._insert_table(tbl)
            table = Table(tbl, self.container)
            compact = self.ctx.styles.paragraph("Compact")
            for p in tbl.xpath("./w:tr/w:tc/w:p"):
                set_paragraph_style(Paragraph(p, table), compact)
            for index, (cell, tc) in enumerate(placed):
                row_revision = _row_revision(cell.element) or scope.revision
                if row_revision is not None:
                    mark_row(
                        cast(BaseOxmlElement, tc.getparent()), row_revision, self.ctx.revisions
                    )
                word_cell = _Cell(cast(CT_Tc, tc), table)
                # The first cell's first paragraph takes the table's page break and ids.
                pending = self.pending if index == 0 else None
                writer = BlockWriter(self.ctx, word_cell, pending, reuse=word_cell.paragraphs[0])
                base = cell.element.get("data-docx-style") or "Compact"
                writer.write_children(cell.element, Scope(base, bold=cell.is_header))
                align = cell_alignment(cell.element)
                for paragraph in word_cell.paragraphs if align is not None else ():
                    paragraph.alignment = align
            self.pending.space_before = TABLE_SPACE_AFTER
        self._write_nodes(grid.strays, scope)

    def _indent(self, scope: Scope) -> int:
        """How far a table is indented: under its list item, inside its quote (EMU)."""
        indent = LIST_INDENT * scope.level
        if scope.quote is not None:
            indent += self.ctx.styles.paragraph(scope.quote).paragraph_format.left_indent or 0
        return int(indent)

    def _available_width(self) -> int:
        if isinstance(self.container, _Cell) and self.container.width is not None:
            return int(self.container.width)
        return int(self.ctx.text_width)

    def _insert_table(self, tbl: CT_Tbl) -> None:
        insert_table(self.container, tbl)


def _row_revision(cell: HtmlElement) -> Revision | None:
    """The revision of a cell's row, or of the row group (<thead>, <tbody>) around it."""
    row = cell.getparent()
    group = row.getparent() if row is not None else None
    for el in (row, group):
        revision = block_revision(el) if el is not None else None
        if revision is not None:
            return revision
    return None


def _tracked_run(paragraph: Paragraph, text: str, revision: Revision, ctx: Context) -> None:
    """``text`` as one run inside a ``w:ins``/``w:del`` (a line of a changed code block)."""
    wrapper = ctx.revisions.element(revision)
    paragraph_xml(paragraph).append(wrapper)
    run = paragraph.add_run(text)
    if revision.kind == "del":
        for t in run_xml(run).findall(qn("w:t")):
            t.tag = qn("w:delText")
    wrapper.append(run_xml(run))


def _border_of(style: ParagraphStyle) -> BaseOxmlElement | None:
    """The paragraph border ``style`` (or a style it is based on) draws."""
    current: ParagraphStyle | None = style
    while current is not None:
        ppr = current.element.pPr
        borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
        if borders is not None:
            return borders
        current = current.base_style
    return None


def _copy_border(paragraph: Paragraph, style: ParagraphStyle, *, nudge: bool) -> None:
    """``style``'s border on ``paragraph``; with ``nudge``, one shade off, because
    Word and LibreOffice join consecutive paragraphs with identical borders into
    one box, even when they come from separate blocks."""
    borders = _border_of(style)
    if borders is None:
        return
    own = copy.deepcopy(borders)
    if nudge:
        for side in own:
            side.set(qn("w:color"), _nudge(side.get(qn("w:color"), "auto")))
    insert_ordered(paragraph_xml(paragraph).get_or_add_pPr(), own)


def _inside_quote(paragraph: Paragraph, quote: ParagraphStyle, level: int) -> None:
    """Indent ``paragraph`` by the quote's indent (plus its list level's)."""
    indent = quote.paragraph_format.left_indent or 0
    fmt = paragraph.paragraph_format
    fmt.left_indent = Length(indent + LIST_INDENT * level)
    if level:
        # The marker hangs back to the quote's own indent, where Word draws
        # the left rule, so that the rule runs straight past the list.
        fmt.first_line_indent = Length(-LIST_INDENT * level)


def _nudge(color: str) -> str:
    """A colour the eye cannot tell from ``color`` but Word can."""
    if len(color) != 6:
        return "010101"
    try:
        value = int(color, 16)
    except ValueError:
        return "010101"
    return f"{value ^ 0x010101:06X}"


def _start(ol: HtmlElement) -> int:
    try:
        return max(0, int(ol.get("start", "1")))
    except ValueError:
        return 1
