"""The six-page budget, measured on the laid-out PDF rather than guessed from words.

Working Backwards keeps the press release under one page and the press release
plus FAQ within six; what follows the FAQ does not count. The optional
supporting parts (the five customer questions, tenets, success metrics,
glossary) are reference material the reader consults, like the appendix, so
they are measured and reported on their own but not counted in the six.
The parts are found by the element ids of docs/templates.md. Lengths are in
pages of content area: 0.87 is 87% of the text block of one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prfaqgen.writers.pdf import AnchorPosition, PdfRender

PRESS_RELEASE_LIMIT = 1.0
BODY_LIMIT = 6.0


@dataclass(frozen=True)
class PageBudget:
    """How many pages each part of one PR/FAQ takes; ``None`` when not measurable."""

    total_pages: int
    press_release: float | None
    faq: float | None
    supporting: float | None
    body: float | None
    """Press release + FAQ, from the top of page 1: what counts toward the six pages."""
    appendix: int | None
    """Whole pages from the page the appendix starts on to the end."""
    notes: tuple[str, ...] = ()
    """Why a figure is missing."""

    def problems(self) -> list[str]:
        """The limits of the method this document breaks, as advice to its author."""
        return [p for p in (self.press_release_problem(), self.body_problem()) if p]

    def press_release_problem(self) -> str | None:
        if self.press_release is None or round(self.press_release, 2) <= PRESS_RELEASE_LIMIT:
            return None
        return (
            f"the press release takes {_pages(self.press_release)} pages; the method "
            "keeps it under one page: cut it or move detail into the FAQ"
        )

    def body_problem(self) -> str | None:
        if self.body is None or round(self.body, 2) <= BODY_LIMIT:
            return None
        return (
            f"the press release and FAQ take {_pages(self.body)} pages; "
            "the method keeps them within six: cut answers or move data and detail "
            "into the appendix"
        )

    def as_dict(self) -> dict[str, object]:
        """The figures for a JSON report, lengths rounded to 2 decimals."""
        return {
            "total_pages": self.total_pages,
            "press_release": _rounded(self.press_release),
            "faq": _rounded(self.faq),
            "supporting": _rounded(self.supporting),
            "body": _rounded(self.body),
            "appendix": self.appendix,
            "limits": {"press_release": PRESS_RELEASE_LIMIT, "body": BODY_LIMIT},
            "problems": self.problems(),
            "notes": list(self.notes),
        }


def measure_budget(render: PdfRender) -> PageBudget:
    """Measure each part of ``render`` between the anchors that start the parts."""
    measure = _Measure(render.anchors, render.page_fill)
    appendix = render.anchors.get("appendix")
    if appendix is None:
        measure.notes.append('the appendix is not measured: no element has the id "appendix"')
    return PageBudget(
        total_pages=render.page_count,
        press_release=measure.part("press release", "press-release", ("faq",), from_top=True),
        faq=measure.part("FAQ", "faq", ("supporting", "appendix", "document-end")),
        supporting=measure.part("supporting material", "supporting", ("appendix", "document-end")),
        body=measure.part("press release + FAQ", None, ("supporting", "appendix", "document-end")),
        appendix=None if appendix is None else render.page_count - appendix.page,
        notes=tuple(measure.notes),
    )


class _Measure:
    """Distances between anchors, in pages of content area."""

    def __init__(self, anchors: dict[str, AnchorPosition], fill: Sequence[float]) -> None:
        self._anchors = anchors
        self._fill = fill
        self.notes: list[str] = []

    def part(
        self, label: str, start: str | None, ends: tuple[str, ...], *, from_top: bool = False
    ) -> float | None:
        """From ``start`` to the first of ``ends`` present; from the top of page 1
        when ``start`` is ``None`` or ``from_top`` (``start`` must still exist)."""
        if start is not None and start not in self._anchors:
            self.notes.append(f'the {label} is not measured: no element has the id "{start}"')
            return None
        end = next((name for name in ends if name in self._anchors), None)
        if end is None:
            ids = " or ".join(f'"{name}"' for name in ends)
            self.notes.append(f"the {label} is not measured: no element has the id {ids}")
            return None
        begin = 0.0
        if start is not None and not from_top:
            begin = self._anchors[start].page + self._anchors[start].fraction
        length = self._end(self._anchors[end]) - begin
        if length < 0:
            self.notes.append(f'the {label} is not measured: "{end}" comes before "{start}"')
            return None
        return length

    def _end(self, anchor: AnchorPosition) -> float:
        """Where the part before ``anchor`` ends: after its last line.

        A part followed by a page break ends where the text of its last page
        ends, not at the bottom of that page.
        """
        if anchor.starts_page and anchor.page > 0:
            return anchor.page - 1 + self._fill[anchor.page - 1]
        return anchor.page + anchor.fraction


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _pages(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
