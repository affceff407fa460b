"""The on-disk cache of compiled templates: the same output, used only when it is private.

Each test gets its own cache folder (PRFAQGEN_CACHE_DIR) and fresh environments,
and counts how often Jinja compiles a template: 0 means the cache served it.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import jinja2
import pytest

from prfaqgen.compose import environments
from prfaqgen.compose.compose import compose
from prfaqgen.spec.loader import load_spec

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
BUILTIN = "templates/prfaq.html.j2"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of the test's own; no environment made before is reused."""
    monkeypatch.setenv("PRFAQGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PRFAQGEN_NO_CACHE", raising=False)
    environments.clear_cache()
    yield tmp_path / "cache" / "templates"
    environments.clear_cache()


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files of the templates Jinja compiles from source, in order, relative to
    the repository (the built-in one) or by name (a test's own)."""
    files: list[str] = []
    original = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment,
        source: Any,
        name: Any = None,
        filename: Any = None,
        *a: Any,
        **k: Any,
    ) -> Any:
        path = Path(str(filename))
        files.append(str(path.relative_to(REPO)) if path.is_relative_to(REPO) else path.name)
        return original(self, source, name, filename, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return files


def fresh_html() -> str:
    """The example composed by a new environment, as a new process would."""
    environments.clear_cache()
    return compose(load_spec(EXAMPLE)).html


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.code"))


def test_a_second_process_loads_the_compiled_template_and_composes_the_same_html(
    folder: Path, compiles: list[str]
) -> None:
    first = fresh_html()
    assert compiles == [BUILTIN]
    assert len(entries(folder)) == 1
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    second = fresh_html()
    assert compiles == [BUILTIN]  # not compiled again
    assert second == first
    environments.clear_cache()


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda entry, folder: entry.chmod(0o666), id="entry-writable-by-others"),
        pytest.param(lambda entry, folder: folder.chmod(0o777), id="folder-writable-by-others"),
        pytest.param(
            lambda entry, folder: entry.write_bytes(entry.read_bytes()[:-40] + b"\x00" * 40),
            id="entry-damaged",
        ),
        pytest.param(
            lambda entry, folder: entry.write_bytes(b"prfaqgen compiled template 1\n" + b"x" * 99),
            id="entry-of-another-template",
        ),
    ],
)
def test_an_entry_anyone_else_could_have_written_or_that_does_not_match_is_not_used(
    folder: Path, compiles: list[str], spoil: object
) -> None:
    first = fresh_html()
    (entry,) = entries(folder)
    spoil(entry, folder)  # type: ignore[operator]
    assert fresh_html() == first
    assert compiles == [BUILTIN, BUILTIN]


def test_an_entry_reached_through_a_symbolic_link_is_not_used(
    folder: Path, compiles: list[str], tmp_path: Path
) -> None:
    first = fresh_html()
    (entry,) = entries(folder)
    elsewhere = tmp_path / "elsewhere.code"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert fresh_html() == first
    assert compiles == [BUILTIN, BUILTIN]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_an_entry_owned_by_another_user_is_not_used(folder: Path, compiles: list[str]) -> None:
    first = fresh_html()
    (entry,) = entries(folder)
    os.chown(entry, 4242, -1)
    assert fresh_html() == first
    assert compiles == [BUILTIN, BUILTIN]


def test_an_edited_template_is_compiled_again_and_both_versions_stay_right(
    folder: Path, compiles: list[str], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    template = templates / "prfaq.html.j2"
    loaded = load_spec(EXAMPLE)

    def lang(value: str) -> str:
        template.write_text(
            '{% extends "builtin/prfaq.html.j2" %}{% block lang %}' + value + "{% endblock %}",
            encoding="utf-8",
        )
        environments.clear_cache()
        return compose(loaded, templates=templates).html

    assert '<html lang="x-one">' in lang("x-one")
    assert '<html lang="x-two">' in lang("x-two")
    assert '<html lang="x-one">' in lang("x-one")  # the entry is the last version's
    assert '<html lang="x-one">' in lang("x-one")  # now from the cache
    # The user's template at each edit; the built-in one it extends, once.
    assert compiles == ["prfaq.html.j2", BUILTIN, "prfaq.html.j2", "prfaq.html.j2"]


def test_no_cache_turns_it_off(
    folder: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRFAQGEN_NO_CACHE", "1")
    assert fresh_html() == fresh_html()
    assert compiles == [BUILTIN, BUILTIN]
    assert not folder.exists()


def test_a_read_only_cache_folder_still_renders(
    folder: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("PRFAQGEN_CACHE_DIR", str(blocked))
    first = fresh_html()
    assert fresh_html() == first
    assert compiles == [BUILTIN, BUILTIN]


@pytest.mark.slow
def test_the_docx_is_byte_identical_with_a_cold_and_a_warm_cache(tmp_path: Path) -> None:
    env = {**os.environ, "PRFAQGEN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PRFAQGEN_NO_CACHE", None)
    outputs = []
    for run in ("cold", "warm"):
        subprocess.run(
            [sys.executable, "-m", "prfaqgen", "render", str(EXAMPLE), "--format", "docx,html"]
            + ["-o", str(tmp_path / run)],
            env=env,
            check=True,
            capture_output=True,
        )
        outputs.append(tmp_path / run / "example.docx")
    assert entries(tmp_path / "cache" / "templates")
    cold, warm = outputs
    assert warm.read_bytes() == cold.read_bytes()
    assert (tmp_path / "warm/example.html").read_bytes() == (
        tmp_path / "cold/example.html"
    ).read_bytes()
    headings = [
        p.text
        for p in docx.Document(str(warm)).paragraphs
        if p.style is not None and str(p.style.name).startswith("Heading")
    ]
    assert any("Frequently asked questions" in h for h in headings)


def test_the_cache_is_jinjas_file_system_cache_and_clears_its_own_entries(
    folder: Path, compiles: list[str]
) -> None:
    from prfaqgen.compose.template_cache import TemplateCodeCache

    cache = TemplateCodeCache(folder)
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    cache.clear()  # no folder yet: nothing to do, no error
    compose(load_spec(EXAMPLE))
    assert compiles == [BUILTIN]
    other = folder / "notes.txt"
    other.write_text("not an entry")
    assert any(p.suffix == ".code" for p in folder.iterdir())
    cache.clear()
    assert list(folder.iterdir()) == [other]
