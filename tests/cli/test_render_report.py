"""The render report: results on stdout, problems on stderr, a summary, and --budget."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from prfaqgen.cli.report import budget_line, render_summary
from prfaqgen.measure.budget import PageBudget
from tests.cli.conftest import modules_after

REPO = Path(__file__).resolve().parents[2]


def test_budget_line_counts_press_release_and_faq_and_names_the_rest() -> None:
    budget = PageBudget(
        total_pages=7, press_release=0.93, faq=3.2, supporting=1.25, body=4.13, appendix=2
    )
    assert budget_line(budget) == (
        "pages: press release 0.93 of 1, press release + FAQ 4.13 of 6, "
        "supporting parts 1.25 (not counted), appendix 2 (not counted), 7 in all"
    )


def test_budget_line_without_supporting_parts_or_appendix() -> None:
    budget = PageBudget(
        total_pages=2, press_release=None, faq=1.0, supporting=None, body=1.5, appendix=None
    )
    assert budget_line(budget) == (
        "pages: press release ? of 1, press release + FAQ 1.5 of 6, no appendix, 2 in all"
    )


def test_summary_line() -> None:
    assert render_summary(3, 1, 2) == "3 rendered, 1 failed, 2 warnings"
    assert render_summary(1, 0, 1) == "1 rendered, 0 failed, 1 warning"


def test_budget_flag_is_documented_with_its_default(runner: CliRunner) -> None:
    result = runner.invoke(main, ["render", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--budget / --no-budget" in text
    assert "Default: measured when a PDF is written or with --format json alone" in text
    assert "never loads WeasyPrint" in text


@pytest.mark.slow
def test_folder_render_results_on_stdout_problems_on_stderr_and_a_summary(
    write: Callable[[str, str], Path],
    in_tmp: Path,
    minimal_spec: str,
    invalid_spec: str,
) -> None:
    write("specs/a.yaml", minimal_spec)
    write("specs/b.yaml", invalid_spec)
    result = CliRunner().invoke(main, ["render", "specs", "-o", "out", "--format", "docx"])
    assert result.exit_code == 1
    # stdout: what was written, nothing else (no budget: a DOCX-only render).
    assert result.stdout.splitlines() == ["specs/a.yaml: out/a.docx"]
    err = result.stderr.splitlines()
    warned = [line for line in err if ": warning: " in line]
    # The invalid spec's warnings are shown beside its errors, and counted.
    assert sum(line.startswith("specs/a.yaml:") for line in warned) == 7
    assert any(line.startswith("specs/b.yaml:") for line in warned)
    assert any(line.startswith("specs/b.yaml:1:1: ") for line in err)
    assert err[-1] == f"1 rendered, 1 failed, {len(warned)} warnings"
    assert docx.Document("out/a.docx").core_properties.title == "Ledger"
    assert not Path("out/b.docx").exists()


@pytest.mark.slow
def test_no_budget_with_a_pdf_prints_no_pages(
    write: Callable[[str, str], Path], in_tmp: Path, complete_spec: str
) -> None:
    write("a.yaml", complete_spec)
    result = CliRunner().invoke(
        main, ["render", "a.yaml", "-o", "out", "--format", "pdf", "--no-budget"]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "a.yaml: out/a.pdf\n"
    assert Path("out/a.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.slow
def test_budget_of_a_docx_only_render_is_measured_on_the_pdf_layout(
    write: Callable[[str, str], Path], in_tmp: Path, complete_spec: str
) -> None:
    write("a.yaml", complete_spec)
    result = CliRunner().invoke(
        main, ["render", "a.yaml", "-o", "out", "--format", "docx", "--budget", "--report", "json"]
    )
    assert result.exit_code == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    assert set(entry["outputs"]) == {"docx"}
    assert entry["pages"]["total_pages"] == 2  # the FAQ starts on page 2
    assert 0 < entry["pages"]["press_release"] <= 1
    assert not Path("out/a.pdf").exists()


BIG_LIBRARIES = {"weasyprint", "fontTools", "docx"}


def loaded_libraries(cwd: Path, *args: str) -> str:
    """Run ``prfaqgen ARGS`` in a fresh process; which of the big libraries it imported."""
    return ",".join(sorted({m.split(".")[0] for m in modules_after(cwd, *args)} & BIG_LIBRARIES))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("formats", "loaded"), [("docx", "docx"), ("html", ""), ("docx,html", "docx")]
)
def test_a_docx_or_html_render_never_imports_weasyprint(
    write: Callable[[str, str], Path], tmp_path: Path, complete_spec: str, formats: str, loaded: str
) -> None:
    write("a.yaml", complete_spec)
    assert (
        loaded_libraries(tmp_path, "render", "a.yaml", "-o", "out", "--format", formats) == loaded
    )
    assert {p.suffix for p in (tmp_path / "out").iterdir()} == {f".{f}" for f in formats.split(",")}


@pytest.mark.slow
def test_budget_asked_for_loads_weasyprint(
    write: Callable[[str, str], Path], tmp_path: Path, complete_spec: str
) -> None:
    write("a.yaml", complete_spec)
    args = ("render", "a.yaml", "-o", "out", "--format", "html", "--budget")
    assert "weasyprint" in loaded_libraries(tmp_path, *args).split(",")
