"""The one settings object the CLI builds and the pipeline takes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from prfaqgen.errors import SettingsError
from prfaqgen.options import RenderOptions
from prfaqgen.settings import Settings
from prfaqgen.settings.lint import LintConfig, Thresholds


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


def test_a_bad_value_from_the_python_api_is_a_clear_error_not_a_writer_failure(
    tmp_path: Path,
) -> None:
    import prfaqgen

    with pytest.raises(prfaqgen.PrfaqgenError) as raised:
        prfaqgen.render_spec(
            Path(__file__).parent.parent / "specs/example.yaml", paper="A5", output=tmp_path
        )
    assert isinstance(raised.value, SettingsError)
    assert str(raised.value) == "Settings.paper = 'A5': must be one of letter, a4"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Settings(paper="A5"), "Settings.paper = 'A5': must be one of letter, a4"),
        (
            lambda: Settings().with_changes(draft_mark="no", budget=1),
            "Settings.draft_mark = 'no': must be true or false, not str\n"
            "Settings.budget = 1: must be true or false, not int",
        ),
        (lambda: Settings(formats=("pdf", "xml")), "Settings.formats = ('pdf', 'xml'): 'xml':"),
        (lambda: RenderOptions(paper="A4"), "RenderOptions.paper = 'A4': must be one of"),
        (
            lambda: LintConfig(disable=("no-such-rule",)),
            "LintConfig.disable.0 = 'no-such-rule': unknown rule id `no-such-rule`",
        ),
        (
            lambda: Thresholds(sentence_words=1),
            "Thresholds.sentence_words = 1: must be a whole number from 5 to 200",
        ),
    ],
)
def test_records_are_checked_when_built(build: Callable[[], object], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        build()
    assert str(raised.value).startswith(message)


def test_records_built_in_python_are_converted_like_config_values() -> None:
    settings = Settings(output="out", formats=["pdf", "html"])  # type: ignore[arg-type]
    assert (settings.output, settings.formats) == (Path("out"), ("pdf", "html"))


def test_no_formats_from_python_means_measure_only() -> None:
    """The CLI's `render --format json` and lint's budget render ask for no file."""
    assert Settings().with_changes(formats=[], budget=True).formats == ()
