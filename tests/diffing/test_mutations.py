"""Seeded edits of the example spec: accepting every change always gives the new render,
rejecting every change the old one (paragraphs, their styles and text, tables included)."""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from prfaqgen.diffing import diff_specs
from prfaqgen.pipeline import render_spec
from prfaqgen.spec.loader import check_spec
from tests.diffing.conftest import EXAMPLE, body_xml, paragraphs, resolve_all

pytestmark = pytest.mark.slow

_WORDS = [
    "alpha",
    "beta",
    "*gamma*",
    "**delta**",
    "`code`",
    "epsilon,",
    "zeta.",
    "[link](https://x.example)",
]
_FIXED = {"prfaq", "date", "launch_date", "by", "status", "decision"}


def _mutate(value: Any, rng: random.Random) -> Any:
    """Words inserted, deleted and replaced, paragraphs added, list items dropped and copied."""
    if isinstance(value, str):
        if len(value) < 3 or rng.random() < 0.5:
            return value
        words = value.split(" ")
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(words) + 1)
            edit = rng.choice(["insert", "delete", "replace", "paragraph"])
            if edit == "insert":
                words.insert(at, rng.choice(_WORDS))
            elif edit == "delete" and len(words) > 2 and at < len(words):
                del words[at]
            elif edit == "replace" and at < len(words):
                words[at] = rng.choice(_WORDS)
            elif edit == "paragraph" and "\n" in value:
                words.insert(at, "\n\nA new paragraph here.\n\n")
        return " ".join(words)
    if isinstance(value, list):
        items = [_mutate(item, rng) for item in value]
        if len(items) > 1 and rng.random() < 0.3:
            del items[rng.randrange(len(items))]
        if items and rng.random() < 0.3:
            items.insert(rng.randrange(len(items) + 1), copy.deepcopy(rng.choice(items)))
        return items
    if isinstance(value, dict):
        return {k: v if k in _FIXED else _mutate(v, rng) for k, v in value.items()}
    return value


@pytest.mark.parametrize("seed", [3, 11, 21, 22])
def test_accept_all_gives_the_new_render_and_reject_all_the_old(seed: int, tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for _ in range(20):  # the first edit that leaves a valid spec
        edited = yaml.safe_dump(_mutate(data, rng), allow_unicode=True, sort_keys=False)
        new.write_text(edited, encoding="utf-8")
        if check_spec(new).loaded is not None:
            break
    else:
        pytest.fail("no valid edit")
    diffed = diff_specs(old, new, output=tmp_path / "diff", formats=["docx"], author="A")
    assert diffed.changes.changes
    plain = tmp_path / "plain"
    old_docx = render_spec(old, output=plain, formats=["docx"]).outputs["docx"]
    new_docx = render_spec(new, output=plain, formats=["docx"]).outputs["docx"]
    tracked = diffed.outputs["docx"]
    assert paragraphs(resolve_all(body_xml(tracked), accept=True)) == paragraphs(body_xml(new_docx))
    assert paragraphs(resolve_all(body_xml(tracked), accept=False)) == paragraphs(
        body_xml(old_docx)
    )
