"""One builder, two event sources: over libyaml's events it reads what it reads over PyYAML's.

prfaqgen/source/yaml_builder.py builds a spec from libyaml's parser events when
libyaml is there, and from PyYAML's pure-Python parser when it is not, or when
libyaml finds the file broken (PyYAML's words and marks explain it). The data,
every table of the source map and every remark must be the same over both, or
a finding would move when libyaml is installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given

from prfaqgen.source import yaml_builder
from prfaqgen.source.yaml_builder import MAX_DEPTH, ReadResult, read_spec_text
from prfaqgen.spec.scaffold import scaffold_text
from tests.e2e.e2e_helpers import CORPUS
from tests.spec.test_properties import FUZZ, mutated_example, yaml_documents

REPO = Path(__file__).resolve().parents[2]
SPECS = sorted((REPO / "specs").glob("*.yaml")) + sorted(CORPUS.glob("*.yaml"))
NAME = "spec.yaml"
DEEP = f"is nested deeper than {MAX_DEPTH} levels"

pytestmark = pytest.mark.skipif(yaml_builder._CParser is None, reason="PyYAML without libyaml")


def over(text: str, *, libyaml: bool) -> tuple[ReadResult, bool] | Exception:
    """What the builder makes of ``text`` over one parser's events (and whether the
    document is unusual), or what it raises."""
    try:
        return yaml_builder.build(text, NAME, libyaml=libyaml)
    except (yaml.YAMLError, UnicodeEncodeError) as exc:  # libyaml takes no lone surrogate
        return exc


def without_libyaml(text: str) -> ReadResult:
    """What the reader says when PyYAML has no libyaml."""
    original = yaml_builder._CParser
    yaml_builder._CParser = None
    try:
        return read_spec_text(text, NAME)
    finally:
        yaml_builder._CParser = original


def table(result: ReadResult) -> tuple[Any, ...]:
    found = result.source_map
    return (
        result.data,
        result.diagnostics,
        found.keys,
        found.values,
        found.blocks,
        found.scalars,
        found.source,
    )


def assert_same(text: str) -> bool:
    """Both builders agree on ``text``, and so do the reader with and without libyaml.

    True when the reader's result is the one built over libyaml's events.
    """
    fast, pure = over(text, libyaml=True), over(text, libyaml=False)
    read, alone = table(read_spec_text(text, NAME)), table(without_libyaml(text))
    if isinstance(fast, Exception):
        assert isinstance(pure, yaml.YAMLError), f"only libyaml refuses {text!r}: {fast}"
        assert read == alone
        return False
    result, unusual = fast
    if isinstance(pure, Exception):
        # What libyaml takes and PyYAML refuses. The reader takes libyaml's reading only
        # where it always did: a document with nothing to remark on and no tag.
        assert "found duplicate anchor" in str(pure) or "found character '\\t'" in str(pure)
        assert read == (alone if unusual else table(result))
        return not unusual
    assert table(result) == table(pure[0])
    assert unusual == pure[1]
    assert read == alone
    return not unusual


@pytest.mark.parametrize("path", SPECS, ids=[p.name for p in SPECS])
def test_the_example_and_corpus_specs_read_the_same_over_both_parsers(path: Path) -> None:
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


def lists(depth: int) -> str:
    return "[" * depth + "x" + "]" * depth


# Each remark, as text, the diagnostics (line, column, path, start of message) it gives.
REMARKS = [
    ("a: &x 1\nb: *x\n", [(2, 4, "b", "aliases (*x) are not allowed in idea specs")]),
    ("a: 1\n*x : 2\nb: 3\n", [(2, 1, "", "aliases (*x) are not allowed, also as keys")]),
    ("a: !!python/object:os.system x\n", [(1, 4, "a", "the YAML tag `!!python/object:os")]),
    ("a: !custom [1, *x]\nb: 1\n", [(1, 4, "a", "the YAML tag `!custom` is not allowed")]),
    ("!!int a: 1\nb: 2\n", [(1, 1, "", "the YAML tag `!!int` is not allowed on a key")]),
    ("!x a: 1\n", [(1, 1, "", "the YAML tag `!x` is not allowed on a key")]),
    ("a: !!str 1\n!!str b: !!int 2\n!!map c: ! 3\n", []),
    ("!custom\na: 1\n", [(1, 1, "", "the YAML tag `!custom` is not allowed")]),
    ("!!map\na: 1\n", []),
    ("a: 1\nb: 2\na: [*x, !bad 3]\n", [(3, 1, "a", "duplicate key `a` (first at line 1)")]),
    ("a:\n  b: 1\n  b: 2\n  b: 3\n", [(3, 3, "a.b", "duplicate key `b`"), (4, 3, "a.b", "dup")]),
    ("? [a]\n: *x\nb: 1\n", [(1, 3, "", "a key must be a plain name, not a list or mapping")]),
    ("{a: 1}: 2\nb: 3\n", [(1, 1, "", "a key must be a plain name")]),
    ("a: " + lists(MAX_DEPTH - 1) + "\n", []),
    (
        "a: " + lists(MAX_DEPTH + 5) + "\nb: *x\n",
        [(1, 44, "a" + "[0]" * 40, DEEP), (2, 4, "b", "")],
    ),
    ("a: " + "{k: " * 45 + "x" + "}" * 45 + "\n", [(1, 164, "a" + ".k" * 40, DEEP)]),
    (
        "".join(f"{' ' * i}k{i}:\n" for i in range(45)),
        [(42, 42, "k0" + "".join(f".k{i}" for i in range(1, 41)), DEEP)],
    ),
    ("", [(1, 1, "", "is empty")]),
    ("# only a comment\n", [(1, 1, "", "is empty")]),
    ("---\n...\n", [(1, 1, "", "is empty")]),
    ("~\n", [(1, 1, "", "is empty")]),
    ("*null\n", [(1, 1, "", "is empty")]),
    ("'~'\n", [(1, 1, "", "the top level is a single value")]),
    ("- a\n- *b\n", [(1, 1, "", "the top level is a list")]),
    ("  just text\n", [(1, 3, "", "the top level is a single value")]),
    ("*x\n", [(1, 1, "", "the top level is a single value")]),
    ("a: 1\n---\nb: 2\n", [(2, 1, "", "holds more than one YAML document")]),
    ("a: *x\n---\nb: [\n", [(2, 1, "", "holds more than one YAML document")]),
    ("a: &x 1\nb: &x 2\nc: *y\n", [(2, 4, "", "is not valid YAML: second occurrence")]),
    ("- &x 1\n- &x 2\n", [(2, 3, "", "is not valid YAML: second occurrence")]),
    ("a: &x 1\nb: !!str &x 2\n", [(2, 4, "", "is not valid YAML: second occurrence")]),
    ("a: 1\na: &x [&x 2]\n", [(2, 8, "", "is not valid YAML: second occurrence")]),
    ("a: &x 1\nb: *x\nc: [\n", [(4, 1, "", "is not valid YAML: expected the node content")]),
    ("a: 'unclosed\n", [(1, 4, "", "is not valid YAML: the quoted text that starts here")]),
    ("a: \x07\n", [(1, 4, "", "contains the control character U+0007")]),
    ("a: \ud800\nb: *x\n", [(1, 4, "", "contains the control character U+D800")]),
]


@pytest.mark.parametrize(("text", "expected"), REMARKS, ids=[repr(t[:24]) for t, _ in REMARKS])
def test_each_remark_reads_the_same_over_both_parsers(text: str, expected: list[Any]) -> None:
    result = read_spec_text(text, NAME)
    found = [(d.line, d.column, d.path, d.message) for d in result.diagnostics]
    assert len(found) == len(expected), found
    for (line, column, path, message), want in zip(found, expected, strict=True):
        assert (line, column, path) == want[:3]
        assert message.startswith(want[3])
    assert table(result) == table(without_libyaml(text))
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !custom 1\n!!int b: 2\n",
        "a: !!str 1\n",
        "a: 1\na: 2\n",
        "? [a]\n: 1\n",
        "a: " + lists(MAX_DEPTH + 2) + "\n",
        "- a\n",
        "",
    ],
)
def test_libyaml_events_build_unusual_documents_too(text: str) -> None:
    """The reader reads them again over PyYAML's parser, which has always read them; over
    libyaml's events the builder still builds them, and the same (assert_same)."""
    built = over(text, libyaml=True)
    assert isinstance(built, tuple)
    assert built[1], "unusual"
    assert not assert_same(text)


def test_what_only_libyaml_takes_is_taken_only_without_a_remark_as_before() -> None:
    """libyaml takes a tab between tokens and an anchor given twice, PyYAML's parser and
    composer refuse them; libyaml's reading was only ever used for a document with no
    remark and no tag, and still is."""
    for clean, data in (
        ("a: x\ty\n", {"a": "x\ty"}),
        ("a: &x 1\nb: &x 2\n", {"a": "1", "b": "2"}),
    ):
        assert read_spec_text(clean, NAME).data == data
        assert assert_same(clean)
        for unusual in (clean + "a: 2\n", clean + "c: !!str 3\n", clean + "c: *x\n"):
            [refused] = read_spec_text(unusual, NAME).diagnostics
            assert refused.message.startswith("is not valid YAML:")
            assert not assert_same(unusual)
    [refused] = without_libyaml("a: &x 1\nb: &x 2\n").diagnostics
    assert (refused.line, refused.column) == (2, 4)
    assert refused.message == (
        "is not valid YAML: second occurrence (found duplicate anchor 'x'; first occurrence)"
    )


def test_an_empty_value_at_the_end_of_a_file_without_a_final_line_break() -> None:
    """libyaml puts it on a line after the last, PyYAML after the last character."""
    for text in ("? ", "a: 1\n? !!str ", "a: 1\n? b"):
        assert_same(text)
    assert read_spec_text("a: 1\n? b", NAME).source_map.values[("b",)] == (2, 4)


class CountingParser:
    """libyaml's parser, counting the events the builder asks it for."""

    asked = 0

    def __init__(self, text: str) -> None:
        self.parser = yaml_builder_parser(text)

    def get_event(self) -> Any:
        CountingParser.asked += 1
        return self.parser.get_event()


yaml_builder_parser = yaml_builder._CParser


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[CountingParser]]:
    CountingParser.asked = 0
    monkeypatch.setattr(yaml_builder, "_CParser", CountingParser)
    yield CountingParser


@pytest.mark.parametrize("opener", ["[", "{a: "])
@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
def test_absurd_nesting_stops_the_reading_early_with_one_remark(
    counting: type[CountingParser], opener: str, closed: bool
) -> None:
    """Both parsers slow down with each level of flow nesting, so the builder does not read
    10 000 levels to their end: it stops a few hundred levels down, over either parser."""
    closer = "]" if opener == "[" else "}"
    text = "prfaq: 1\ntitle: " + opener * 10_000 + ("x" + closer * 10_000 if closed else "")
    result = read_spec_text(text, NAME)
    column = 8 + MAX_DEPTH * len(opener)
    path = "title" + ("[0]" * MAX_DEPTH if opener == "[" else ".a" * MAX_DEPTH)
    assert [(d.line, d.column, d.path, d.message) for d in result.diagnostics] == [
        (2, column, path, DEEP)
    ]
    assert result.data is None
    assert counting.asked < 3 * yaml_builder.MAX_READ_DEPTH
    assert table(result) == table(without_libyaml(text))


@FUZZ
@given(text=yaml_documents())
def test_generated_documents_read_the_same_over_both_parsers(text: str) -> None:
    assert_same(text)


@FUZZ
@given(text=mutated_example())
def test_mutated_examples_read_the_same_over_both_parsers(text: str) -> None:
    assert_same(text)
