"""The text summary: which parts and questions changed, were added or removed, and where."""

from __future__ import annotations

from pathlib import Path

from prfaqgen.diffing import SpecChanges
from prfaqgen.diffing.summary import compare_specs
from prfaqgen.spec.loader import load_spec
from tests.diffing.conftest import Pair


def changes(pair: Pair) -> SpecChanges:
    return compare_specs(load_spec(pair.old), load_spec(pair.new))


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_each_change_is_named_by_field_path_and_located_in_the_new_spec(pair: Pair) -> None:
    found = {(c.kind, c.path): c for c in changes(pair).changes}
    assert set(found) == {
        ("changed", "meta.date"),
        ("changed", "press_release.summary"),
        ("removed", "faq.external[5]"),
        ("changed", "faq.external[5].a"),
        ("added", "faq.external[6]"),
        ("changed", "metrics[1].target"),
    }
    assert found["changed", "meta.date"].line == line_of(pair.new, "  date: 2026-11-29")
    assert found["added", "faq.external[6]"].line == line_of(pair.new, "Can patients choose")
    assert found["added", "faq.external[6]"].label == (
        "Can patients choose which openings they hear about?"
    )
    removed = found["removed", "faq.external[5]"]
    assert removed.label == "What if two patients reply at the same time?"
    assert removed.line == line_of(pair.new, "  external:")  # where it stood: its list
    assert found["changed", "faq.external[5].a"].label == (
        "What happens to a patient who does not reply?"
    )


def test_the_printed_summary(pair: Pair) -> None:
    summary = changes(pair)
    lines = summary.lines()
    assert lines[0] == f"{pair.new}: 6 changes since {pair.old}"
    line = line_of(pair.new, "Can patients choose")
    assert (
        f"{pair.new}:{line}:7: added faq.external[6]: "
        '"Can patients choose which openings they hear about?"'
    ) in lines
    assert lines[-1] == "parts changed: meta, press_release, faq, metrics"
    assert summary.as_dict()["sections"] == ["meta", "press_release", "faq", "metrics"]


def test_no_changes(pair: Pair) -> None:
    same = compare_specs(load_spec(pair.old), load_spec(pair.old))
    assert same.changes == ()
    assert same.lines() == [f"{pair.old}: no changes since {pair.old}"]


def test_a_removed_part_and_a_changed_list_of_words(tmp_path: Path, pair: Pair) -> None:
    text = pair.old.read_text(encoding="utf-8").replace("the fewest texts", "the fewest messages")
    start = text.index("glossary:")
    end = text.index("\n\n", start)
    new = tmp_path / "new.yaml"
    new.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    found = {
        (c.kind, c.path): c for c in compare_specs(load_spec(pair.old), load_spec(new)).changes
    }
    assert set(found) == {("removed", "glossary"), ("changed", "tenets")}
    assert found["changed", "tenets"].line == line_of(new, "tenets:")
