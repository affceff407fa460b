"""The one settings object the CLI builds and the pipeline takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from prfaqgen.settings import Settings


def test_changes_are_typed_like_the_fields() -> None:
    settings = Settings().with_changes(output="review", formats=["pdf"], templates="tpl")
    assert settings.output == Path("review")
    assert settings.formats == ("pdf",)
    assert settings.templates == Path("tpl")


def test_an_unknown_setting_is_named() -> None:
    with pytest.raises(TypeError, match="unknown setting colour"):
        Settings().with_changes(colour="red")


@pytest.mark.parametrize(
    ("formats", "budget", "measured"),
    [
        (("pdf",), None, True),
        (("docx",), None, False),
        (("docx",), True, True),
        (("pdf",), False, False),
    ],
)
def test_the_budget_is_measured_when_a_pdf_is_written_unless_told(
    formats: tuple[str, ...], budget: bool | None, measured: bool
) -> None:
    assert Settings(formats=formats, budget=budget).measures_budget is measured


def test_render_options_carry_what_the_writers_need() -> None:
    options = Settings(paper="a4", draft_mark=False, line_numbers=True).render_options()
    assert (options.paper, options.draft_mark, options.line_numbers) == ("a4", False, True)
