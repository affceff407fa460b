"""The YAML the importer writes reads back, through the project's own reader, as the same text."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from prfaqgen.importing.assemble import Placed
from prfaqgen.importing.emitter import emit
from prfaqgen.spec.yaml_reader import read_spec_text

# Text a draft can hold: any character but surrogates and NUL (the readers refuse those).
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=60)


def _spec(one_line: str, prose: str, term: str) -> dict[str, Any]:
    return {
        "prfaq": 1,
        "title": one_line or "x",
        "meta": {"author": "A", "date": date(2026, 1, 2), "version": "0.10"},
        "press_release": {"headline": one_line or "x", "summary": prose or "x"},
        "faq": {"external": [{"q": one_line or "x", "a": prose or "x"}]},
        "glossary": {term or "x": prose or "x"},
    }


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, TEXT)
def test_every_value_reads_back_as_written(one_line: str, prose: str, term: str) -> None:
    data = _spec(one_line.replace("\n", " "), prose, term.replace("\n", " "))
    text = emit(Placed(data), "draft.md")
    read = read_spec_text(text, "x.yaml")
    assert not [d for d in read.diagnostics if d.is_error], (text, read.diagnostics)
    back = read.data
    pr = back["press_release"]
    assert back["title"] == data["title"]
    assert pr["headline"] == data["press_release"]["headline"]
    assert back["faq"]["external"][0]["q"] == data["faq"]["external"][0]["q"]
    assert back["meta"]["version"] == "0.10"
    assert back["meta"]["date"] == "2026-01-02"
    # Prose comes back whole; a literal block adds one final newline and drops blank edges.
    for got in (pr["summary"], back["faq"]["external"][0]["a"], *back["glossary"].values()):
        expected = data["press_release"]["summary"]
        assert got in (expected, expected.strip("\n") + "\n")
    assert list(back["glossary"]) == list(data["glossary"])
