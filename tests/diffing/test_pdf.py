"""The diff PDF: new words underlined in colour, old ones struck through, a change bar."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from prfaqgen.diffing import diff_specs
from prfaqgen.diffing.document import DIFF_CSS, diff_document
from prfaqgen.diffing.words import Mark
from prfaqgen.spec.loader import load_spec
from tests.diffing.conftest import Diffed, Pair

pytestmark = pytest.mark.slow


def test_the_composed_document_marks_words_and_blocks(pair: Pair) -> None:
    doc = diff_document(load_spec(pair.old), load_spec(pair.new), Mark("A", "2026-11-29T00:00:00Z"))
    tree = doc.tree
    style = "".join(s.text or "" for s in tree.iter("style"))
    assert style == DIFF_CSS
    assert "text-decoration: underline" in DIFF_CSS and "line-through" in DIFF_CSS
    assert "border-left: 2.5pt solid" in DIFF_CSS  # the change bar of list items, rows
    assert "linear-gradient(to right, #1a5fb4 2.5pt" in DIFF_CSS  # of paragraphs, headings
    inserted = ["".join(e.itertext()) for e in tree.iter("ins")]
    deleted = ["".join(e.itertext()) for e in tree.iter("del")]
    assert "immediately " in inserted and "8" in inserted
    assert "patients" in deleted and "10" in deleted
    classes = [c for e in tree.iter() for c in (e.get("class") or "").split()]
    assert {"diff-ins", "diff-del", "diff-changed"} <= set(classes)


def test_the_pdf_shows_old_and_new_words(diffed: Diffed) -> None:
    reader = PdfReader(diffed.outputs["pdf"])
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "immediately" in text and "every" in text  # inserted
    assert "Q6. What if two patients reply at the same time?" in text  # deleted, struck
    assert "Q7. Can patients choose which openings they hear about?" in text
    assert "Nothing changes for them, and nobody calls them." in text
    # A changed paragraph is read in its place, not after the rest of its page.
    assert text.index("waitlisted patientspatient") < text.index("A five-therapist clinic")
    titles: list[str] = []

    def walk(entries: list[object]) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(str(getattr(entry, "title", "")))

    walk(reader.outline)
    assert "Q7. Can patients choose which openings they hear about?" in titles
    assert not any(
        "What if two patients" in t for t in titles
    )  # a deleted question is not a bookmark


def test_the_same_specs_give_the_same_bytes(pair: Pair, diffed: Diffed, tmp_path: Path) -> None:
    again = diff_specs(pair.old, pair.new, output=tmp_path, author="Ana Ruiz")
    for fmt in ("pdf", "docx"):
        assert again.outputs[fmt].read_bytes() == diffed.outputs[fmt].read_bytes(), fmt
