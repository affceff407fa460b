"""HTML tables laid out on a Word grid: spans, header rows, rows kept whole.

The grid is written as WordprocessingML in one pass, row by row, with
``gridSpan`` and ``vMerge`` for spans: python-docx's ``table.cell()`` and
``merge()`` walk the whole table on every call, which made a 800-row table take
minutes. Columns are sized from their content as a browser sizes an auto-layout
table, measured with the cell font's own glyph widths, so that no word breaks
inside a cell (no "Revie/w"), unless the HTML gives widths.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree
from lxml.html import HtmlElement

from prfaqgen.writers.docx.ooxml import element, new_element

_SECTIONS = ("thead", "tbody", "tfoot")
_IGNORED = frozenset({"colgroup", "col"})
_MAX_SPAN = 63  # Word's column limit; also bounds a runaway rowspan
_WIDTH = re.compile(r"(?:^|;)\s*width\s*:\s*([0-9.]+)\s*%", re.IGNORECASE)
_TEXT_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center)", re.IGNORECASE)
_ALIGNMENTS = {
    "left": WD_PARAGRAPH_ALIGNMENT.LEFT,
    "right": WD_PARAGRAPH_ALIGNMENT.RIGHT,
    "center": WD_PARAGRAPH_ALIGNMENT.CENTER,
}


@dataclass(frozen=True)
class Cell:
    """One <th>/<td> at its place on the grid."""

    element: HtmlElement
    row: int
    col: int
    rows: int
    cols: int

    @property
    def is_header(self) -> bool:
        return self.element.tag == "th"


@dataclass
class Layout:
    """Where every cell of one HTML table goes on a rectangular Word grid."""

    rows: int = 0
    cols: int = 0
    header_rows: int = 0
    cells: list[Cell] = field(default_factory=list)
    captions: list[HtmlElement] = field(default_factory=list)
    strays: list[HtmlElement] = field(default_factory=list)


def layout(table: HtmlElement) -> Layout:
    """Place the cells of ``table``; thead rows (or leading all-<th> rows) are the header.

    Rows come in display order: thead, then body rows, then tfoot.
    ``captions`` and ``strays`` (anything else inside the table) are written
    around the table so that no text is lost.
    """
    result = Layout()
    groups: dict[str, list[HtmlElement]] = {name: [] for name in _SECTIONS}
    for child in table:
        if not isinstance(child.tag, str) or child.tag in _IGNORED:
            continue
        if child.tag == "caption":
            result.captions.append(child)
        elif child.tag == "tr":
            groups["tbody"].append(child)
        elif child.tag in _SECTIONS:
            groups[child.tag].extend(tr for tr in child if tr.tag == "tr")
        else:
            result.strays.append(child)
    rows = groups["thead"] + groups["tbody"] + groups["tfoot"]
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("th", "td"):
                continue
            while (r, c) in taken:
                c += 1
            span_rows = min(_span(td, "rowspan"), len(rows) - r)
            span_cols = _span(td, "colspan")
            taken.update((r + dr, c + dc) for dr in range(span_rows) for dc in range(span_cols))
            result.cells.append(Cell(td, r, c, span_rows, span_cols))
            c += span_cols
    result.rows = len(rows)
    result.cols = max((col + 1 for _, col in taken), default=0)
    result.header_rows = len(groups["thead"]) or _leading_header_rows(rows)
    return result


@dataclass(frozen=True)
class CellText:
    """How the text of a cell is measured: its fonts, sizes, and the cell's padding."""

    body: Measure
    bold: Measure
    code: Measure
    size: float
    """Points, of the cells' paragraph style."""
    code_size: float
    padding: int
    """Twips: the cell's left and right margins and a rule."""


class Measure(Protocol):
    def width(self, text: str, size_pt: float) -> int: ...


def column_widths(grid: Layout, table: HtmlElement, available: int, text: CellText) -> list[int]:
    """Column widths in twips: given percentages, else sized from the cells' text.

    As in a browser's automatic layout, every column gets at least its longest
    word and the rest of the width goes where the text is longest; a table
    whose text fits stays narrower than the page unless it asks for 100%. When
    the longest words of all columns together are wider than the page, only
    the columns with the longest words give way (their words must break anyway).
    """
    cols = grid.cols
    given = _percent(table)
    total = available * min(given, 100) // 100 if given else available
    shortest = [text.padding] * cols
    longest = [text.padding] * cols
    for cell in grid.cells:
        if cell.cols != 1:
            continue
        word, line = _text_widths(cell, text)
        shortest[cell.col] = max(shortest[cell.col], word + text.padding)
        longest[cell.col] = max(longest[cell.col], line + text.padding)
    fixed = _column_percents(grid, table)
    if fixed:
        rest = max(total - sum(total * p // 100 for p in fixed.values()), 0)
        free = [c for c in range(cols) if c not in fixed]
        weights = sum(longest[c] for c in free) or 1
        return [
            total * fixed[c] // 100 if c in fixed else rest * longest[c] // weights
            for c in range(cols)
        ]
    if sum(longest) <= total:
        if not given:
            return longest
        return [w * total // sum(longest) for w in longest]
    if sum(shortest) >= total:
        return _capped(shortest, total)
    slack = total - sum(shortest)
    extra = [big - small for big, small in zip(longest, shortest, strict=True)]
    share = sum(extra) or 1
    return [small + slack * e // share for small, e in zip(shortest, extra, strict=True)]


def _capped(shortest: list[int], total: int) -> list[int]:
    """``shortest`` with the widest columns cut to one cap so that they sum to ``total``.

    Narrow columns keep their longest word whole; the width is taken from the
    columns whose words are longest (a file name, a URL), which break anyway.
    """
    order = sorted(shortest)
    left = total
    for i, width in enumerate(order):
        cap = left // (len(order) - i)
        if width > cap:
            return [min(w, cap) for w in shortest]
        left -= width
    return list(shortest)


def _text_widths(cell: Cell, text: CellText) -> tuple[int, int]:
    """(longest word, longest line) of a cell in twips.

    A word runs on across formatting ("**-**$2.1M" is one word); a line ends at
    a ``<br>`` or a block (a paragraph, a list item).
    """
    kind = "bold" if cell.is_header else "body"
    space = text.body.width(" ", text.size)
    longest_word = longest_line = word = line = 0
    for piece, piece_kind in _pieces(cell.element, kind):
        if piece is None:
            longest_word, longest_line = max(longest_word, word), max(longest_line, line)
            word = line = 0
            continue
        measure, size = _font(text, piece_kind)
        parts = _WORD_GAP.split(piece)
        for i, part in enumerate(parts):
            if i % 2:  # white space between words
                longest_word = max(longest_word, word)
                word = 0
                line += space if line else 0
                continue
            if part:
                width = measure.width(part, size)
                word += width
                line += width
    return max(longest_word, word), max(longest_line, line)


def words(text: str) -> list[str]:
    """The pieces of ``text`` a line may not break inside.

    Only white space separates them: "-$2.1M" is one piece (its minus and
    currency sign stay with the number), and so is "2026-11-22".
    """
    return [w for w in _WORD_GAP.split(text)[::2] if w]


def _font(text: CellText, kind: str) -> tuple[Measure, float]:
    if kind == "code":
        return text.code, text.code_size
    return (text.bold if kind == "bold" else text.body), text.size


_WORD_GAP = re.compile(r"([ \t\n\r\f\v\u200b]+)")  # not U+00A0: a no-break space joins
_BOLD_TAGS = frozenset({"b", "strong", "th"})
_CODE_TAGS = frozenset({"code", "kbd", "samp", "pre"})
_LINE_ENDS = frozenset({"br", "p", "div", "li", "ul", "ol", "pre", "blockquote", "dd", "dt"})


def _pieces(el: HtmlElement, kind: str) -> list[tuple[str | None, str]]:
    """The text of ``el`` in pieces, each with its kind (body, bold, code);
    ``None`` where a line ends."""
    out: list[tuple[str | None, str]] = []
    if el.tag in _CODE_TAGS:
        kind = "code"
    elif el.tag in _BOLD_TAGS and kind != "code":
        kind = "bold"
    if el.text:
        out.append((el.text, kind))
    for child in el:
        if isinstance(child.tag, str):
            ends = child.tag in _LINE_ENDS
            if ends:
                out.append((None, kind))
            out.extend(_pieces(child, kind))
            if ends:
                out.append((None, kind))
        if child.tail:
            out.append((child.tail, kind))
    return out


def cell_padding(
    style: BaseOxmlElement | None, lookup: Callable[[str], BaseOxmlElement | None]
) -> int:
    """The left and right margins of a table style's cells and one rule, in twips.

    Follows ``w:basedOn``; Word's own default margins are 0.08 inch a side.
    """
    left = right = None
    rule = 0
    seen = 0
    while style is not None and seen < 10:
        seen += 1
        margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        if margins is not None:
            left = left if left is not None else _twips(margins, "w:left", "w:start")
            right = right if right is not None else _twips(margins, "w:right", "w:end")
        borders = style.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
        if borders is not None and not rule:
            sizes = [int(b.get(qn("w:sz"), "0") or 0) for b in borders]
            rule = max(sizes, default=0) * 20 // 8  # eighths of a point
        based = style.find(qn("w:basedOn"))
        style = lookup(based.get(qn("w:val"), "")) if based is not None else None
    return (108 if left is None else left) + (108 if right is None else right) + rule


def _twips(margins: etree._Element, *tags: str) -> int | None:
    for tag in tags:
        found = margins.find(qn(tag))
        if found is not None and found.get(qn("w:type"), "dxa") == "dxa":
            try:
                return int(found.get(qn("w:w"), "0"))
            except ValueError:
                return None
    return None


def table_xml(
    grid: Layout, widths: list[int], style_id: str, indent: int = 0
) -> tuple[BaseOxmlElement, list[tuple[Cell, BaseOxmlElement]]]:
    """A ``w:tbl`` for ``grid``, and each placed cell with its ``w:tc``, in one pass.

    Rows never split across pages; header rows repeat on every page.
    """
    tbl = new_element("w:tbl")
    tbl_pr = new_element("w:tblPr")
    tbl_pr.append(element("w:tblStyle", val=style_id))
    tbl_pr.append(element("w:tblW", w=str(sum(widths)), type="dxa"))
    if indent:
        tbl_pr.append(element("w:tblInd", w=str(indent), type="dxa"))
    tbl_pr.append(element("w:tblLayout", type="fixed"))
    tbl_pr.append(
        element(
            "w:tblLook",
            val="04A0",
            firstRow="1",
            lastRow="0",
            firstColumn="1",
            lastColumn="0",
            noHBand="0",
            noVBand="1",
        )
    )
    tbl.append(tbl_pr)
    tbl_grid = new_element("w:tblGrid")
    for width in widths:
        tbl_grid.append(element("w:gridCol", w=str(width)))
    tbl.append(tbl_grid)
    origins = {(cell.row, cell.col): cell for cell in grid.cells}
    covered: dict[tuple[int, int], Cell] = {}
    for cell in grid.cells:
        for dr in range(1, cell.rows):
            covered[(cell.row + dr, cell.col)] = cell
    placed: list[tuple[Cell, BaseOxmlElement]] = []
    for r in range(grid.rows):
        tr = new_element("w:tr")
        tr_pr = new_element("w:trPr")
        tr_pr.append(element("w:cantSplit"))
        if r < grid.header_rows:
            tr_pr.append(element("w:tblHeader"))
        tr.append(tr_pr)
        c = 0
        while c < grid.cols:
            origin = origins.get((r, c))
            above = covered.get((r, c)) if origin is None else None
            spanning = origin or above
            span = min(spanning.cols if spanning is not None else 1, grid.cols - c)
            tc = _tc(
                sum(widths[c : c + span]),
                span,
                "restart" if origin and origin.rows > 1 else "continue" if above else None,
            )
            tr.append(tc)
            if origin is not None:
                placed.append((origin, tc))
            c += span
        tbl.append(tr)
    return tbl, placed


def _tc(width: int, span: int, merge: str | None) -> BaseOxmlElement:
    tc = new_element("w:tc")
    tc_pr = new_element("w:tcPr")
    tc_pr.append(element("w:tcW", w=str(width), type="dxa"))
    if span > 1:
        tc_pr.append(element("w:gridSpan", val=str(span)))
    if merge is not None:
        tc_pr.append(element("w:vMerge", val=merge))
    tc.append(tc_pr)
    tc.append(new_element("w:p"))
    return tc


def _percent(el: HtmlElement) -> int | None:
    found = _WIDTH.search(el.get("style", ""))
    return int(float(found.group(1))) if found else None


def _column_percents(grid: Layout, table: HtmlElement) -> dict[int, int]:
    """Percent widths of ``<col style="width: N%">``, else of the first row's cells."""
    cols = table.xpath("./colgroup/col | ./col")
    found = {i: p for i, col in enumerate(cols) if (p := _percent(col)) is not None}
    if not found:
        found = {
            cell.col: p
            for cell in grid.cells
            if cell.row == 0 and cell.cols == 1 and (p := _percent(cell.element)) is not None
        }
    return {c: p for c, p in found.items() if c < grid.cols}


def cell_alignment(td: HtmlElement) -> WD_PARAGRAPH_ALIGNMENT | None:
    """The alignment a Markdown table column asks for (``| ---: |`` -> right)."""
    found = _TEXT_ALIGN.search(td.get("style", ""))
    return _ALIGNMENTS[found.group(1).lower()] if found else None


def _span(td: HtmlElement, name: str) -> int:
    try:
        return max(1, min(int(td.get(name, "1")), _MAX_SPAN))
    except ValueError:
        return 1


def _leading_header_rows(rows: list[HtmlElement]) -> int:
    count = 0
    for tr in rows:
        cells = [td for td in tr if td.tag in ("th", "td")]
        if not cells or any(td.tag != "th" for td in cells):
            break
        count += 1
    return count
