"""The diff DOCX: Word tracked changes that, accepted, give exactly the new document."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from prfaqgen.diffing import diff_specs
from tests.diffing.conftest import (
    AUTHOR,
    NS,
    Diffed,
    Pair,
    body_xml,
    paragraphs,
    resolve_all,
    w,
)

pytestmark = pytest.mark.slow


def test_changes_are_tracked_with_author_and_date(diffed: Diffed) -> None:
    root = body_xml(diffed.outputs["docx"])
    inserted = root.xpath("//w:ins", namespaces=NS)
    deleted = root.xpath("//w:del", namespaces=NS)
    assert inserted and deleted
    for mark in inserted + deleted:
        assert mark.get(w("author")) == AUTHOR
        assert mark.get(w("date")) == "2026-11-29T00:00:00Z"  # the new spec's meta.date
    ids = [mark.get(w("id")) for mark in inserted + deleted]
    assert len(set(ids)) == len(ids)
    words_in = {t.text for t in root.xpath("//w:ins/w:r/w:t", namespaces=NS)}
    words_out = {t.text for t in root.xpath("//w:del/w:r/w:delText", namespaces=NS)}
    assert "immediately " in words_in and "patient" in words_in
    assert "patients" in words_out and "22" in words_out
    assert not root.xpath("//w:del//w:t", namespaces=NS)  # deleted text is w:delText


def test_a_changed_sentence_keeps_its_unchanged_words_untracked(diffed: Diffed) -> None:
    root = body_xml(diffed.outputs["docx"])
    (p,) = [
        p
        for p in root.iter(w("p"))
        if "waitlisted" in "".join(t.text or "" for t in p.iter(w("t")))
        and "pilot" in "".join(t.text or "" for t in p.iter(w("t")))
    ]
    plain = "".join(t.text for t in p.xpath("./w:r/w:t", namespaces=NS))
    assert "Northfork Clinic Software today launched Gapfill" in plain
    assert p.find("w:pPr/w:rPr/w:ins", NS) is None  # the paragraph itself is not new


def test_whole_questions_have_their_paragraph_marks_tracked(diffed: Diffed) -> None:
    root = body_xml(diffed.outputs["docx"])
    gone = root.xpath("//w:p[w:pPr/w:rPr/w:del]", namespaces=NS)
    new = root.xpath("//w:p[w:pPr/w:rPr/w:ins]", namespaces=NS)
    text = ["".join(p.itertext()) for p in gone]
    assert text[0] == "Q6. What if two patients reply at the same time?"
    assert any(t.startswith("Gapfill books the reply it receives first") for t in text)
    assert "Q7. Can patients choose which openings they hear about?" in [
        "".join(p.itertext()) for p in new
    ]


def test_accepting_every_change_gives_the_new_document(diffed: Diffed) -> None:
    accepted = resolve_all(copy.deepcopy(body_xml(diffed.outputs["docx"])), accept=True)
    assert not accepted.xpath("//w:ins | //w:del | //w:delText", namespaces=NS)
    assert paragraphs(accepted) == paragraphs(body_xml(diffed.new_docx))


def test_rejecting_every_change_gives_the_old_document(diffed: Diffed) -> None:
    rejected = resolve_all(copy.deepcopy(body_xml(diffed.outputs["docx"])), accept=False)
    assert paragraphs(rejected) == paragraphs(body_xml(diffed.old_docx))


def test_source_date_epoch_dates_the_changes(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    result = diff_specs(pair.old, pair.new, output=tmp_path, formats=["docx"], author="A")
    marks = body_xml(result.outputs["docx"]).xpath("//w:ins | //w:del", namespaces=NS)
    assert {m.get(w("date")) for m in marks} == {"2023-11-14T22:13:20Z"}
