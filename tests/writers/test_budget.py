"""The six-page budget: arithmetic on anchors, then on real layouts."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.measure.budget import PageBudget, measure_budget
from prfaqgen.writers.pdf import AnchorPosition, PdfRender

MakeDoc = Callable[..., ComposedDocument]
Render = Callable[[ComposedDocument], PdfRender]


def at(page: int, fraction: float, starts_page: bool = False) -> AnchorPosition:
    return AnchorPosition(page=page, fraction=fraction, starts_page=starts_page)


def layout(anchors: dict[str, AnchorPosition], fill: tuple[float, ...]) -> PdfRender:
    return PdfRender(data=b"", page_count=len(fill), anchors=anchors, page_fill=fill)


FULL = {
    "press-release": at(0, 0.1),
    "faq": at(0, 0.9),
    "supporting": at(3, 0.5),
    "appendix": at(5, 0.02, starts_page=True),
    "document-end": at(6, 0.4),
}


def test_parts_measured_between_their_anchors():
    budget = measure_budget(layout(FULL, (1, 1, 1, 1, 0.75, 1, 0.4)))
    # The header block above the press release counts with it.
    assert budget.press_release == pytest.approx(0.9)
    assert budget.faq == pytest.approx(2.6)
    # The appendix starts a page: the supporting parts end where page 5's text ends.
    assert budget.supporting == pytest.approx(1.25)
    # Only the press release and the FAQ count toward the six pages.
    assert budget.body == pytest.approx(3.5)
    assert budget.appendix == 2
    assert budget.total_pages == 7
    assert budget.notes == ()
    assert budget.problems() == []


def test_press_release_over_one_page_is_a_problem():
    anchors = {**FULL, "faq": at(1, 0.3)}
    budget = measure_budget(layout(anchors, (1, 1, 1, 1, 0.75, 1, 0.4)))
    assert budget.press_release == pytest.approx(1.3)
    assert budget.problems() == [
        "the press release takes 1.3 pages; the method keeps it under one page: "
        "cut it or move detail into the FAQ"
    ]


def test_body_over_six_pages_is_a_problem():
    anchors = {
        "press-release": at(0, 0.1),
        "faq": at(0, 0.8),
        "document-end": at(6, 0.25),
    }
    budget = measure_budget(layout(anchors, (1,) * 6 + (0.25,)))
    assert budget.body == pytest.approx(6.25)
    (problem,) = budget.problems()
    assert problem.startswith("the press release and FAQ take 6.25 pages")
    assert "within six" in problem


def test_exactly_at_the_limits_is_fine():
    anchors = {"press-release": at(0, 0.05), "faq": at(1, 0.0), "document-end": at(6, 0.0)}
    assert measure_budget(layout(anchors, (1,) * 7)).problems() == []


def test_missing_anchors_leave_figures_out_with_a_note():
    anchors = {"press-release": at(0, 0.1), "document-end": at(2, 0.5)}
    budget = measure_budget(layout(anchors, (1, 1, 0.5)))
    assert budget.press_release is None
    assert budget.faq is None
    assert budget.supporting is None
    assert budget.appendix is None
    assert budget.body == pytest.approx(2.5)
    assert budget.notes == (
        'the appendix is not measured: no element has the id "appendix"',
        'the press release is not measured: no element has the id "faq"',
        'the FAQ is not measured: no element has the id "faq"',
        'the supporting material is not measured: no element has the id "supporting"',
    )


def test_nothing_measurable_without_an_end():
    budget = measure_budget(layout({"faq": at(0, 0.5)}, (0.7,)))
    assert (budget.press_release, budget.faq, budget.body) == (None, None, None)
    assert any('"document-end"' in note for note in budget.notes)


def test_anchors_out_of_order_are_not_measured():
    anchors = {"press-release": at(0, 0.0), "faq": at(2, 0.5), "supporting": at(1, 0.5)}
    budget = measure_budget(layout({**anchors, "document-end": at(3, 0.1)}, (1, 1, 1, 0.1)))
    assert budget.faq is None
    assert 'the FAQ is not measured: "supporting" comes before "faq"' in budget.notes


def test_as_dict_is_json_and_rounded():
    budget = PageBudget(
        total_pages=4, press_release=1.23456, faq=2.0, supporting=None, body=3.2345, appendix=1
    )
    data = budget.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["press_release"] == 1.23
    assert data["body"] == 3.23
    assert data["supporting"] is None
    assert data["appendix"] == 1
    assert data["problems"] == budget.problems()
    assert data["notes"] == []


@pytest.mark.slow
def test_short_press_release_fits(make_doc: MakeDoc, render: Render):
    result = render(make_doc())
    budget = measure_budget(result)
    assert budget.press_release is not None and 0.3 < budget.press_release < 1
    assert budget.faq is not None and budget.supporting is not None
    assert budget.body == pytest.approx(budget.press_release + budget.faq)
    assert budget.appendix == 1
    assert budget.total_pages == result.page_count
    assert budget.problems() == []
    assert budget.notes == ()


@pytest.mark.slow
def test_long_press_release_is_reported(make_doc: MakeDoc, render: Render):
    short = measure_budget(render(make_doc()))
    budget = measure_budget(render(make_doc(extra_paragraphs=8)))
    assert short.press_release is not None and budget.press_release is not None
    assert budget.press_release > 1
    assert budget.press_release > short.press_release
    assert budget.problems()[0].startswith("the press release takes ")


@pytest.mark.slow
def test_long_faq_breaks_the_six_pages(make_doc: MakeDoc, render: Render):
    budget = measure_budget(render(make_doc(extra_questions=45)))
    assert budget.body is not None and budget.body > 6
    assert budget.press_release is not None and budget.press_release < 1
    assert [problem.split(" take ")[0] for problem in budget.problems()] == [
        "the press release and FAQ"
    ]
    assert budget.appendix == 1
