"""Shards split by name, not order; the manifest key follows every input of a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from prfaqgen.errors import PortfolioError
from prfaqgen.portfolio.discovery import Filters, Shard, find_specs
from prfaqgen.portfolio.manifest import Manifest, read_manifest, spec_key, write_manifest
from prfaqgen.settings import Settings
from prfaqgen.themes import load_theme

NAMES = [f"team-{i}/idea-{i}.yaml" for i in range(40)]


def test_shards_partition_the_specs_whatever_their_order() -> None:
    shards = [Shard(i, 3) for i in (1, 2, 3)]
    taken = [[n for n in NAMES if s.takes(n)] for s in shards]
    assert sorted(sum(taken, [])) == sorted(NAMES)
    assert all(taken), "each of 3 shards gets some of 40 specs"
    reordered = [[n for n in reversed(NAMES) if s.takes(n)] for s in shards]
    assert [sorted(t) for t in reordered] == [sorted(t) for t in taken]


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "a/b", "1-2", "1/2/3"])
def test_a_bad_shard_is_refused_with_the_form_to_use(text: str) -> None:
    with pytest.raises(PortfolioError, match="--shard"):
        Shard.parse(text)


def test_specs_are_named_by_their_path_below_the_folder(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/b/x.yaml", "a/y.yml", ".hidden/z.yaml", "a/notes.txt"):
        (tmp_path / name).write_text("prfaq: 1\n")
    assert [c.name for c in find_specs([tmp_path])] == ["a/b/x.yaml", "a/y.yml"]


def test_filters_need_one_value_of_each_given() -> None:
    f = Filters(status=("review",), tags=("Payments",))
    assert f.admits("review", "fund", ["payments", "x"])
    assert not f.admits("draft", "fund", ["payments"])
    assert not f.admits("review", "fund", ["ops"])
    assert Filters().admits("draft", "pending", [])


def test_the_key_changes_with_the_spec_an_image_or_the_settings(tmp_path: Path) -> None:
    spec = tmp_path / "a.yaml"
    image = tmp_path / "chart.png"
    spec.write_text("prfaq: 1\n")
    image.write_bytes(b"one")
    theme = load_theme(None, None)
    settings = Settings()
    first = spec_key(spec, [image], settings, theme)
    assert spec_key(spec, [image], settings.with_changes(output=tmp_path / "x"), theme) == first
    assert spec_key(spec, [image], settings.with_changes(paper="a4"), theme) != first
    image.write_bytes(b"two")
    second = spec_key(spec, [image], settings, theme)
    assert second != first
    spec.write_text("prfaq: 1\ntitle: changed\n")
    assert spec_key(spec, [image], settings, theme) not in (first, second)


def test_an_unreadable_manifest_renders_everything_again(tmp_path: Path) -> None:
    path = tmp_path / "portfolio-manifest.json"
    path.write_text("{not json")
    assert read_manifest(path).entries == {}
    with pytest.raises(PortfolioError, match="not a readable portfolio manifest"):
        read_manifest(path, required=True)
    write_manifest(path, Manifest(comparison_key="k"))
    assert read_manifest(path, required=True).comparison_key == "k"


def test_the_cover_title_defaults_to_the_folder_name_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prfaqgen.portfolio.run import _default_name

    (tmp_path / "Q3 ideas").mkdir()
    monkeypatch.chdir(tmp_path)
    assert _default_name((Path("Q3 ideas"),)) == "Q3 ideas"
    monkeypatch.chdir(tmp_path / "Q3 ideas")
    assert _default_name((Path("."),)) == "Q3 ideas"


def test_warnings_and_history_survive_the_manifest(tmp_path: Path) -> None:
    from prfaqgen.diagnostics import Diagnostic
    from prfaqgen.portfolio.rows import failed_row

    warning = Diagnostic("a.yaml", 3, 1, "faq", "recommended part is missing", "warning")
    manifest = Manifest(history={"a.yaml": [{"date": "2026-11-18", "fit": 3}]})
    manifest.record("a.yaml", "k", failed_row("a.yaml", [], "boom"), [warning])
    write_manifest(tmp_path / "m.json", manifest)
    again = read_manifest(tmp_path / "m.json")
    assert again.warnings("a.yaml") == (warning,)
    assert again.history == manifest.history
    assert again.rows()[0].error == "a.yaml: boom"
