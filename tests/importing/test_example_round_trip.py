"""The project's example, rendered to DOCX and imported back: every part, supporting ones too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from prfaqgen import render_spec
from prfaqgen.importing import import_draft
from tests.importing.conftest import REPO
from tests.importing.test_corpus_round_trip import normalised, same


def _both(tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any], str]:
    source = REPO / "specs" / "example.yaml"
    draft = render_spec(source, output=tmp_path, formats=["docx"]).outputs["docx"]
    result = import_draft(draft, tmp_path / "example.yaml")
    assert result.check.passed(strict=True), [d.format() for d in result.diagnostics]
    assert result.gaps == ()
    original = yaml.safe_load(source.read_text(encoding="utf-8"))
    return original, yaml.safe_load(result.text), result.text


def test_meta_and_the_supporting_parts_come_back(tmp_path: Path) -> None:
    original, back, _ = _both(tmp_path)
    meta = dict(original["meta"])
    meta["confidentiality"] = meta["confidentiality"].replace("-", "–")  # typography
    assert back["meta"] == meta
    assert set(back["customer"]) == set(original["customer"])
    for key, text in original["customer"].items():
        assert same(back["customer"][key], text) >= 0.97, key
    assert [normalised(t) for t in back["tenets"]] == [normalised(t) for t in original["tenets"]]
    assert back["metrics"] == original["metrics"]
    assert set(back["glossary"]) == set(original["glossary"])
    for term, text in original["glossary"].items():
        assert same(back["glossary"][term], text) >= 0.97, term
    assert [e["title"] for e in back["appendix"]] == [e["title"] for e in original["appendix"]]
    for new, old in zip(back["appendix"], original["appendix"], strict=True):
        assert same(new["body"], old["body"]) >= 0.97, old["title"]


def test_the_yaml_is_written_for_people(tmp_path: Path) -> None:
    _, _, text = _both(tmp_path)
    assert "  summary: |\n" in text  # prose as a literal block, not a folded quoted line
    assert "  # from paragraph " in text
    assert '  version: "0.4"\n' in text  # quoted, or YAML would read a number
    assert "\t" not in text
