"""Where things fell on WeasyPrint's pages: text lines, page fill, line numbers.

WeasyPrint has no public API for the position of a line, so this module walks
the laid-out box tree of each page (``Page._page_box``, an internal of
WeasyPrint 70, reached through prfaqgen.writers.pdf_internals). The PDF writer uses it
to number the lines of the body for reviewers and to measure the six-page
budget on the real layout.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from weasyprint.document import Page
from weasyprint.draw import draw_page
from weasyprint.formatting_structure import boxes
from weasyprint.pdf.stream import Stream

from prfaqgen.writers.pdf_internals import page_box as box_of

#: Lines whose baselines are closer than this (CSS px) get one number: the
#: cells of a table row, a list marker and its item. Also keeps numbers apart.
SAME_LINE_PX = 8.0
#: Gap between the right end of a line number and the text column (CSS px).
NUMBER_GAP_PX = 14.0
#: Page furniture: repeated on every page, never part of the reviewed text.
FURNITURE_CLASSES = frozenset({"draft-mark", "running-header", "running-footer"})


@dataclass(frozen=True)
class PageScan:
    """The body of one laid-out page, in CSS px from the top of the page."""

    content_x: float
    content_y: float
    content_height: float
    baselines: tuple[float, ...]
    first_top: float | None
    last_bottom: float | None

    def fraction(self, y: float) -> float:
        """``y`` as a fraction of the content area: 0 at its top, 1 at its bottom."""
        if self.content_height <= 0:
            return 0.0
        return min(1.0, max(0.0, (y - self.content_y) / self.content_height))

    @property
    def fill(self) -> float:
        """How far down the content area the body reaches (0 for an empty page)."""
        return 0.0 if self.last_bottom is None else self.fraction(self.last_bottom)


def scan_page(page: Page) -> PageScan:
    """Collect the text-line baselines and the extent of the body of ``page``."""
    page_box = box_of(page)
    baselines: list[float] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for box in _body_boxes(page_box):
        if isinstance(box, boxes.LineBox):
            tops.append(box.position_y)
            bottoms.append(box.position_y + box.height)
            if _has_text(box):
                baselines.append(box.position_y + box.baseline)
        elif isinstance(box, boxes.ReplacedBox):
            tops.append(box.position_y)
            bottoms.append(box.position_y + box.margin_height())
    return PageScan(
        content_x=page_box.content_box_x(),
        content_y=page_box.content_box_y(),
        content_height=page_box.height,
        baselines=_distinct_lines(baselines),
        first_top=min(tops, default=None),
        last_bottom=max(bottoms, default=None),
    )


def _body_boxes(box: boxes.Box) -> Iterator[boxes.Box]:
    """Every box of the page body: margin boxes and fixed furniture left out."""
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.MarginBox) or _is_furniture(child):
            continue
        yield child
        yield from _body_boxes(child)


def _is_furniture(box: boxes.Box) -> bool:
    if box.style["position"] == "fixed":
        return True
    if box.element is None:
        return False
    return not FURNITURE_CLASSES.isdisjoint((box.element.get("class") or "").split())


def _has_text(line: boxes.LineBox) -> bool:
    stack: list[boxes.Box] = list(line.children)
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TextBox) and box.text.strip():
            return True
        stack.extend(getattr(box, "children", ()))
    return False


def _distinct_lines(baselines: list[float]) -> tuple[float, ...]:
    kept: list[float] = []
    for baseline in sorted(baselines):
        if not kept or baseline - kept[-1] >= SAME_LINE_PX:
            kept.append(baseline)
    return tuple(kept)


def overlay_html(scans: Sequence[PageScan]) -> str:
    """One overlay page per laid-out page: the line numbers, counting on.

    Each number's box starts at its line's baseline; :func:`baseline_shift`
    measures how far the number's own baseline lies below that, and the
    overlay is painted moved up by as much.
    """
    pages: list[str] = []
    number = 0
    for scan in scans:
        width = max(scan.content_x - NUMBER_GAP_PX, 0.0)
        numbers = []
        for baseline in scan.baselines:
            number += 1
            numbers.append(f'<div class="n" style="top:{baseline:.3f}px">{number}</div>')
        pages.append(f'<div class="p" style="width:{width:.3f}px">{"".join(numbers)}</div>')
    return f"<!DOCTYPE html><html><body>{''.join(pages)}</body></html>"


def overlay_css(page_width: float, page_height: float) -> str:
    """Page size of the overlay and the look of the numbers: small and grey."""
    return (
        f"@page {{ size: {page_width:.3f}px {page_height:.3f}px; margin: 0 }}"
        "body { margin: 0 }"
        ".p { position: relative; height: 0; break-before: page }"
        ".p:first-child { break-before: auto }"
        ".n { position: absolute; left: 0; right: 0; text-align: right;"
        " font-size: 7.5pt; line-height: 1; font-weight: normal; font-style: normal;"
        " color: #808080 }"
    )


def baseline_shift(overlay_pages: Sequence[Page], scans: Sequence[PageScan]) -> float:
    """How far (CSS px) the numbers' baselines fell below their lines' baselines."""
    for overlay, scan in zip(overlay_pages, scans, strict=True):
        lines = [box for box in _body_boxes(box_of(overlay)) if isinstance(box, boxes.LineBox)]
        if lines:
            return lines[0].position_y + lines[0].baseline - scan.baselines[0]
    return 0.0


class NumberedPage(Page):
    """A laid-out page that paints its line numbers over itself.

    Links, anchors and bookmarks stay those of the original page, so the PDF
    outline and internal links are untouched.
    """

    def __init__(self, page: Page, overlay: Page, shift: float) -> None:
        self.__dict__.update(page.__dict__)
        self._overlay = overlay
        self._shift = shift

    def paint(self, stream: Stream, scale: float = 1) -> None:
        """Paint the page, then its numbers moved onto the lines' baselines."""
        super().paint(stream, scale)
        with stream.stacked():
            stream.transform(a=scale, d=scale, f=-self._shift * scale)
            draw_page(self._overlay._page_box, stream)
