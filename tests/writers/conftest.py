"""Fixtures for the writer tests: composed documents as the compose stage hands them over.

``fixtures/composed.html`` is a short PR/FAQ written by hand in the vocabulary of
docs/templates.md. Two comments in it mark where tests insert generated text:
``<!-- PRESS-RELEASE-EXTRA -->`` and ``<!-- FAQ-EXTRA -->``.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pypdf import PdfReader

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.look import Theme
from prfaqgen.options import RenderOptions

if TYPE_CHECKING:
    from prfaqgen.writers.pdf import PdfRender

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
THEME_DIR = REPO / "templates" / "theme"
SOURCE_DATE = datetime(2026, 11, 21, 8, 0, 0)

_SENTENCE = (
    "Controllers at companies with 50 to 500 employees spend 5 working days every month "
    "matching bank transactions to ledger entries by hand, and paragraph {n} says so again. "
)


def press_release_paragraphs(count: int) -> str:
    """``count`` paragraphs of about 80 words each."""
    return "".join(f"<p>{_SENTENCE.format(n=n) * 3}</p>\n" for n in range(count))


def faq_questions(count: int, first: int = 5) -> str:
    """``count`` numbered FAQ questions, each with a three-sentence answer."""
    return "".join(
        f'<h3 class="question" id="q-{n}">{n}. What does question {n} ask?</h3>\n'
        f"<p>{_SENTENCE.format(n=n) * 3}</p>\n"
        for n in range(first, first + count)
    )


def builtin_theme() -> Theme:
    """The built-in theme of the repository."""
    return Theme(
        stylesheet=THEME_DIR / "theme.css",
        reference_docx=THEME_DIR / "reference.docx",
        fonts_dir=THEME_DIR / "fonts",
    )


def composed_document(
    *,
    html: str | None = None,
    extra_paragraphs: int = 0,
    extra_questions: int = 0,
    base_dir: Path = FIXTURES,
    roots: tuple[Path, ...] = (FIXTURES,),
    **options: object,
) -> ComposedDocument:
    """The fixture document (or ``html``), with generated text and render options."""
    text = html if html is not None else (FIXTURES / "composed.html").read_text("utf-8")
    extra = press_release_paragraphs(extra_paragraphs)
    text = text.replace("<!-- PRESS-RELEASE-EXTRA -->", extra)
    text = text.replace("<!-- FAQ-EXTRA -->", faq_questions(extra_questions))
    return ComposedDocument(
        html=text,
        base_dir=base_dir,
        theme=builtin_theme(),
        options=RenderOptions(**options),  # type: ignore[arg-type]
        source_date=SOURCE_DATE,
        resource_roots=roots,
    )


@pytest.fixture(scope="session")
def make_doc() -> Callable[..., ComposedDocument]:
    """:func:`composed_document`, for tests."""
    return composed_document


@pytest.fixture(scope="session")
def render() -> Callable[[ComposedDocument], PdfRender]:
    """:func:`render_pdf`, remembered per document: a render takes about a second.

    Imported here so that the other writers' tests never load WeasyPrint.
    """
    from prfaqgen.writers.pdf import render_pdf

    return functools.cache(render_pdf)


@pytest.fixture(scope="session")
def read_pdf() -> Callable[[PdfRender], PdfReader]:
    """Read a rendered PDF back with pypdf."""

    def read(result: PdfRender) -> PdfReader:
        return PdfReader(io.BytesIO(result.data))

    return read
