"""What ``watch`` compares to find the changes a restarting watcher missed."""

from __future__ import annotations

import os
from pathlib import Path

from prfaqgen.watching import _changed, fingerprints


def test_an_edit_in_the_same_clock_tick_and_size_is_still_a_change(tmp_path: Path) -> None:
    spec = tmp_path / "idea.yaml"
    spec.write_text("title: Ledger A\n")
    stamp = spec.stat().st_mtime_ns
    before = fingerprints([tmp_path], set())
    spec.write_text("title: Ledger B\n")  # same size
    os.utime(spec, ns=(stamp, stamp))  # and the same mtime, as within one tick
    assert _changed(before, fingerprints([tmp_path], set())) == {spec}


def test_outputs_hidden_files_and_new_or_removed_files(tmp_path: Path) -> None:
    config = tmp_path / "prfaqgen.toml"  # a watched file, not folder
    config.write_text('paper = "a4"\n')
    tmp_path = tmp_path / "specs"
    tmp_path.mkdir()
    (tmp_path / "idea.yaml").write_text("prfaq: 1\n")
    (tmp_path / "old.png").write_bytes(b"png")
    out = tmp_path / "out"
    out.mkdir()
    before = fingerprints([tmp_path, config], {out})

    (out / "idea.pdf").write_bytes(b"%PDF")  # the render's own output
    (tmp_path / ".idea.yaml.swp").write_bytes(b"editor")  # an editor's swap file
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "index").write_bytes(b"git")
    assert _changed(before, fingerprints([tmp_path, config], {out})) == set()

    (tmp_path / "old.png").unlink()
    (tmp_path / "new.png").write_bytes(b"png")
    config.write_text('paper = "letter"\n')
    assert _changed(before, fingerprints([tmp_path, config], {out})) == {
        tmp_path / "old.png",
        tmp_path / "new.png",
        config,
    }
