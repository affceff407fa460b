"""A rendered example DOCX, and the same annotated by reviewers as Word does."""

from __future__ import annotations

from pathlib import Path

import pytest

from prfaqgen.render.compose import compose
from prfaqgen.spec.loader import LoadedSpec, check_spec
from prfaqgen.writers.docx import render_docx
from tests.comments.word_markup import Change, Comment, annotate

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
MINIMAL = REPO / "tests" / "e2e" / "specs" / "minimal.yaml"
PRESS = REPO / "tests" / "e2e" / "specs" / "press.yaml"

COMMENTS = [
    Comment(
        "Gapfill to refill",
        "Tom Becker",
        "Is 'refill' the word clinics use?",
        replies=[("Marisol Vega", "Yes: every owner we interviewed said it.")],
    ),
    Comment(
        "$49 per therapist per month",
        "Tom Becker",
        "What does a clinic pay if it has one therapist?",
    ),
    Comment("filled 60 more visits", "Aiko Tanaka", "Is 60 from the pilot data?"),
    Comment("Frequently asked questions", "Aiko Tanaka", "Put the internal FAQ first?"),
    Comment("Portland, Oregon", "Priya Natarajan", "Not Seattle?", resolved=True),
]
CHANGES = [
    Change("insertion", "today launched", "Priya Natarajan", text=" quietly"),
    Change("deletion", "independent", "Priya Natarajan"),
]


def load(path: Path) -> LoadedSpec:
    checked = check_spec(path)
    assert checked.loaded is not None, checked.errors
    return checked.loaded


def render(path: Path) -> bytes:
    return render_docx(compose(load(path)))


@pytest.fixture(scope="session")
def example_docx() -> bytes:
    return render(EXAMPLE)


@pytest.fixture(scope="session")
def reviewed_docx(example_docx: bytes) -> bytes:
    return annotate(example_docx, COMMENTS, CHANGES)


@pytest.fixture
def reviewed(reviewed_docx: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "example-reviewed.docx"
    path.write_bytes(reviewed_docx)
    return path
