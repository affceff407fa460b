"""Never dropped: every paragraph, list, table and heading of a draft is somewhere in the spec.

Each block of the draft, as the reader sees it, must be found in the written YAML
(values and comments): the text itself, or for the parts the importer takes apart
(the dateline, an attribution, the author line) every word of it. Only the
labels that name a section ("Problem:", "Frequently asked questions") are used
up as cues.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prfaqgen import render_spec
from prfaqgen.importing import cues, import_draft
from prfaqgen.importing.docx_reader import read_docx
from tests.importing.conftest import REPO

_STRUCTURE = {"press release", "frequently asked questions", "customer questions"}
_STRUCTURE |= {"internal questions", "appendix", "the five customer questions"}
# The five customer questions are labels of the `customer` fields, as prfaqgen renders them.
_STRUCTURE |= {
    "who is the customer",
    "what is the customer problem or opportunity",
    "what is the most important customer benefit",
    "how do you know what customers need or want",
    "what does the customer experience look like",
}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august"}
_MONTHS |= {"september", "october", "november", "december"}


def _norm(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link or picture: its words
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def missing_blocks(draft: Path, spec_text: str) -> list[str]:
    haystack = _norm(spec_text)
    words = set(haystack.split())
    lost = []
    blocks = read_docx(draft, "x").blocks
    for block in [item for b in blocks for item in (b.items or [b])]:  # a list, item by item
        text = _norm(block.plain)
        if not text or text in _STRUCTURE or cues.label_key(block.plain):
            continue
        dated = cues.dateline(block.markdown)
        if dated is not None:
            text = _norm(dated.rest)
        elif (
            block.attribution or block.style == "Document Info" or block.kind == "table"
        ) and not (set(text.split()) - _MONTHS - words - {"author", "date", "status", "metric"}):
            continue  # taken apart (name and role, meta, metrics): every word is there
        if not dated:  # "Q3. " before a question and "B. " before an appendix entry are numbers
            text = _norm(re.sub(r"^[A-Z]\.\s+", "", cues.strip_question_number(block.plain)))
        if text not in haystack:
            lost.append(f"{block.where}: {block.plain[:80]}")
    return lost


def test_the_example_loses_nothing(tmp_path: Path) -> None:
    rendered = render_spec(REPO / "specs" / "example.yaml", output=tmp_path, formats=["docx"])
    draft = rendered.outputs["docx"]
    result = import_draft(draft, tmp_path / "example.yaml")
    assert missing_blocks(draft, result.text) == []
    assert result.check.loaded is not None


def test_the_corpus_loses_nothing(
    corpus_docx: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    for name, (_, draft) in corpus_docx.items():
        result = import_draft(draft, tmp_path / f"{name}.yaml")
        assert missing_blocks(draft, result.text) == [], name


@pytest.mark.parametrize("text", ["Owners and leads of 21,400 clinics.", "Date of launch: soon."])
def test_a_paragraph_that_starts_like_a_meta_line_is_kept(tmp_path: Path, text: str) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(f"# Acme launches Ledger today\n\n## Appendix\n\n{text}\n", encoding="utf-8")
    assert text in import_draft(draft, tmp_path / "d.yaml").text
