"""Render each corpus spec to DOCX, import it back: every required part, >= 97% the same text."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from prfaqgen import check_spec_text
from prfaqgen.importing import import_draft

REQUIRED = ("summary", "problem", "solution")


def normalised(text: str) -> str:
    """The words only: Markdown marks, typographic quotes and spacing do not count."""
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    text = text.replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    # A link is its words and its address, whether written inline or by reference.
    text = re.sub(r"^\[[^\]]+\]:\s*\S+\s*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", text)
    text = re.sub(r"[*_`#>|\\]|-{3,}|^\s*[-+]\s|^\s*\d+[.)]\s", " ", text, flags=re.MULTILINE)
    return " ".join(text.split()).strip(" \"'")


def same(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, normalised(a), normalised(b), autojunk=False).ratio()


def test_every_valid_corpus_spec_comes_back_from_its_docx(
    corpus_docx: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    assert corpus_docx, "the corpus has no valid spec to render"
    for name, (spec_path, docx_path) in corpus_docx.items():
        original: dict[str, Any] = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
        result = import_draft(docx_path, tmp_path / f"{name}.yaml")
        check = check_spec_text(result.text, f"{name}.yaml", base=tmp_path)
        assert check.loaded is not None, (name, [d.format() for d in check.errors])
        assert not [g for g in result.gaps if g.required], (name, result.gaps)
        back: dict[str, Any] = yaml.safe_load(result.text)
        assert back["title"] == original["title"], name
        assert back["meta"]["author"] == original["meta"]["author"], name
        assert back["meta"]["date"] == original["meta"]["date"], name
        pr, old = back["press_release"], original["press_release"]
        assert same(pr["headline"], old["headline"]) >= 0.97, name
        for part in REQUIRED:
            assert same(pr[part], old[part]) >= 0.97, (name, part, pr[part][:200])
        assert pr.get("location") == old.get("location"), name
        assert pr.get("launch_date") == old.get("launch_date"), name
        old_quotes = [q["text"] for q in old["customer_quotes"]]
        new_quotes = [q["text"] for q in pr["customer_quotes"]]
        assert same(" ".join(new_quotes), " ".join(old_quotes)) >= 0.97, name
        if "leader_quote" in old:
            assert same(pr["leader_quote"]["text"], old["leader_quote"]["text"]) >= 0.97, name
        for group in ("external", "internal"):
            old_faq = original["faq"].get(group, [])
            new_faq = back["faq"].get(group, [])
            assert [normalised(q["q"]) for q in new_faq] == [normalised(q["q"]) for q in old_faq], (
                name,
                group,
            )
            for new, previous in zip(new_faq, old_faq, strict=True):
                assert same(new["a"], previous["a"]) >= 0.97, (name, group, new["q"])


@pytest.mark.parametrize("part", ["call_to_action", "how_it_works", "subheadline"])
def test_recommended_parts_present_in_the_corpus_come_back(
    corpus_docx: dict[str, tuple[Path, Path]], tmp_path: Path, part: str
) -> None:
    for name, (spec_path, docx_path) in corpus_docx.items():
        original = yaml.safe_load(spec_path.read_text(encoding="utf-8"))["press_release"]
        if part not in original:
            continue
        back = yaml.safe_load(import_draft(docx_path, tmp_path / "x.yaml").text)
        assert same(back["press_release"][part], original[part]) >= 0.97, (name, part)
