"""Each idea's page in the comparison holds the whole idea: nothing spills onto the next page.

The corpus's long specs are what would spill. An idea's page ends with its
"Full document:" line, so from the first idea's page on, every page holds
exactly one such line, one page per rendered idea, in the PDF and in the DOCX
as LibreOffice lays it out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prfaqgen.cli import main
from tests.e2e.e2e_helpers import CORPUS
from tests.e2e.test_e2e_libreoffice import convert

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
END_OF_IDEA = "Full document:"


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The portfolio of the example and every corpus spec; how many ideas were rendered."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    ideas = tmp_path_factory.mktemp("idea-pages") / "ideas"
    ideas.mkdir()
    shutil.copyfile(REPO / "specs" / "example.yaml", ideas / "example.yaml")
    for spec in sorted(CORPUS.glob("*.yaml")):
        shutil.copyfile(spec, ideas / spec.name)
    out = ideas.parent / "out"
    result = CliRunner().invoke(
        main,
        ["portfolio", str(ideas), "-o", str(out), "--jobs", "2"],
        env={"SOURCE_DATE_EPOCH": "1795000000"},
    )
    assert isinstance(result.exception, SystemExit | None), result.output
    rendered = len(list(out.glob("*.pdf"))) - 2  # less portfolio.pdf and binder.pdf
    assert rendered >= 5, result.output
    return out, rendered


def assert_one_idea_a_page(pages: list[str], ideas: int) -> None:
    counts = [page.count(END_OF_IDEA) for page in pages]
    first = next(i for i, n in enumerate(counts) if n)
    assert counts[first:] == [1] * ideas, counts


def test_each_idea_page_of_the_pdf_holds_the_whole_idea(comparison: tuple[Path, int]) -> None:
    out, ideas = comparison
    pages = [page.extract_text() for page in PdfReader(out / "portfolio.pdf").pages]
    assert_one_idea_a_page(pages, ideas)


@pytest.mark.client
def test_each_idea_page_of_the_docx_holds_the_whole_idea_in_libreoffice(
    comparison: tuple[Path, int], tmp_path: Path
) -> None:
    out, ideas = comparison
    pdf = convert((out / "portfolio.docx").read_bytes(), tmp_path, "portfolio")
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert_one_idea_a_page(pages, ideas)
