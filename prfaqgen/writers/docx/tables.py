"""HTML tables laid out on a Word grid: spans, header rows, rows kept whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.table import Table
from lxml.html import HtmlElement

from prfaqgen.writers.docx.ooxml import element

_SECTIONS = ("thead", "tbody", "tfoot")
_IGNORED = frozenset({"colgroup", "col"})
_MAX_SPAN = 63  # Word's column limit; also bounds a runaway rowspan
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


def finish_rows(table: Table, header_rows: int) -> None:
    """Repeat the header rows on every page; never split a row across pages."""
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(element("w:cantSplit"))
        if index < header_rows:
            tr_pr.append(element("w:tblHeader"))


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
