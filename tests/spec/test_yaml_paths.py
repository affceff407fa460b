"""The reader's two paths agree: libyaml's fast path builds what the pure-Python path builds.

The fast path (second half of prfaqgen/source/yaml_builder.py) only takes documents it can build
without a remark, and hands every other one to the pure-Python path. For the
documents it takes, the data and every position in the source map must be the
same as that path's, or a finding would move when libyaml is installed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given

from prfaqgen.source import yaml_builder as yaml_events
from prfaqgen.source.locations import SourceMap
from prfaqgen.source.yaml_builder import MAX_DEPTH, ReadResult, read_spec_text
from prfaqgen.spec.scaffold import scaffold_text
from tests.e2e.e2e_helpers import CORPUS
from tests.spec.test_properties import FUZZ, mutated_example, yaml_documents

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted((REPO / "specs").glob("*.yaml")) + sorted(CORPUS.glob("*.yaml"))

pytestmark = pytest.mark.skipif(not yaml_events.available(), reason="PyYAML without libyaml")


def pure_python(text: str) -> ReadResult:
    original = yaml_events.available
    yaml_events.available = lambda: False  # type: ignore[assignment]
    try:
        return read_spec_text(text, "spec.yaml")
    finally:
        yaml_events.available = original  # type: ignore[assignment]


def fast(text: str) -> tuple[object, SourceMap] | None:
    """What the fast path builds, or None when it hands the document on."""
    source_map = SourceMap(source=text)
    try:
        return yaml_events.build(text, source_map, MAX_DEPTH), source_map
    except yaml_events.Unusual:
        return None


def assert_same(text: str) -> bool:
    """True when the fast path took ``text`` (and built exactly what the slow one did)."""
    built = fast(text)
    slow = pure_python(text)
    if built is None:
        return False
    data, source_map = built
    assert slow.diagnostics == [], "the fast path took a document the slow one remarks on"
    assert data == slow.data
    assert source_map.keys == slow.source_map.keys
    assert source_map.values == slow.source_map.values
    assert source_map.blocks == slow.source_map.blocks
    assert source_map.scalars == slow.source_map.scalars
    return True


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_the_example_and_corpus_specs_take_the_fast_path_and_read_the_same(path: Path) -> None:
    assert assert_same(path.read_text("utf-8"))


def test_the_scaffold_and_every_scalar_style_read_the_same() -> None:
    assert assert_same(scaffold_text("Ledger", "Priya Raman", date(2026, 11, 23)))
    text = (
        "prfaq: 1\r\ntitle: “Ledger” — plain\r\n"
        "meta: {author: 'A ''quoted'' one', date: \"2026\"}\n"
        "press_release:\n  summary: >\n    folded\n    text\n\n  problem: |\n\n      indented\n"
        "      second\n  solution: |-\n    kept\n  headline: ~\ntags: [a, 'b', \"c\", ]\n"
        "empty:\nlist:\n- x\n-\n- - nested\n"
    )
    assert assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an alias
        "a: !!str 1\n",  # a tag
        "a: 1\na: 2\n",  # a duplicate key
        "? [a]\n: 1\n",  # a complex key
        "a: 1\n---\nb: 2\n",  # two documents
        "- a\n",  # not a mapping
        "a: 'unclosed\n",  # an error
        "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",  # too deep
        "a: \x07\n",  # a control character
    ],
)
def test_anything_to_remark_on_is_handed_to_the_pure_python_path(text: str) -> None:
    assert fast(text) is None


@FUZZ
@given(text=yaml_documents())
def test_generated_documents_read_the_same_on_both_paths(text: str) -> None:
    assert_same(text)


@FUZZ
@given(text=mutated_example())
def test_mutated_examples_read_the_same_on_both_paths(text: str) -> None:
    assert_same(text)
