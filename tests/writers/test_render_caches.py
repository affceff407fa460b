"""Per-process caches (template, theme, subset fonts) never change what a render gives.

A batch reuses the compiled template, the parsed theme with its fonts and the
subset fonts; these tests prove the bytes are those of a fresh process, and
that an edited template or theme is read again.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

from prfaqgen.compose.compose import compose
from prfaqgen.pipeline import render_spec, warm_up
from prfaqgen.settings import Settings
from prfaqgen.spec.loader import load_spec

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
MINIMAL = REPO / "tests" / "e2e" / "specs" / "minimal.yaml"
CARLITO = REPO / "templates" / "theme" / "fonts" / "Carlito-Regular.ttf"


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    loaded = load_spec(MINIMAL)
    builtin = compose(loaded).html
    # A template added to a folder already in use is seen.
    assert 'lang="x-one"' not in compose(loaded, templates=folder).html
    (folder / "prfaq.html.j2").write_text(
        '{% extends "builtin/prfaq.html.j2" %}{% block lang %}x-one{% endblock %}',
        encoding="utf-8",
    )
    first = compose(loaded, templates=folder).html
    (folder / "prfaq.html.j2").write_text(
        '{% extends "builtin/prfaq.html.j2" %}{% block lang %}x-second{% endblock %}',
        encoding="utf-8",
    )
    second = compose(loaded, templates=folder).html
    assert '<html lang="x-one">' in first
    assert '<html lang="x-second">' in second and "x-one" not in second
    assert compose(loaded).html == builtin


def test_the_markdown_filters_render_the_spec_at_hand(tmp_path: Path) -> None:
    """The cached environment is shared; each spec's prose is its own."""
    other = tmp_path / "other.yaml"
    other.write_text(
        MINIMAL.read_text("utf-8").replace("Acme launches Ledger", "Acme launches *Abacus*"),
        encoding="utf-8",
    )
    first = compose(load_spec(MINIMAL)).html
    second = compose(load_spec(other)).html
    assert "<em>Abacus</em>" in second and "Abacus" not in first


@pytest.mark.slow
def test_subsetting_is_independent_of_libharfbuzz_subset(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """WeasyPrint would use libharfbuzz-subset where installed; prfaqgen never does."""
    from weasyprint.pdf import fonts

    class Unavailable:
        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"libharfbuzz-subset was used: {name}")

    plain = render_spec(MINIMAL, output=tmp_path / "a", formats=["pdf"]).outputs["pdf"]
    monkeypatch.setattr(fonts, "harfbuzz_subset", Unavailable())
    with_hb = render_spec(MINIMAL, output=tmp_path / "b", formats=["pdf"]).outputs["pdf"]
    assert with_hb.read_bytes() == plain.read_bytes()


@pytest.mark.slow
def test_subset_font_equals_weasyprints_fonttools_subset(monkeypatch: pytest.MonkeyPatch) -> None:
    """Deleting the dropped tables first gives the very font WeasyPrint's path gives."""
    from weasyprint.pdf.fonts import Font

    from prfaqgen.writers.pdf_fonts import clear_cache, subset_font

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    class Face:
        def __init__(self) -> None:
            self.file_content = CARLITO.read_bytes()
            self.index = 0
            self.missing: dict[int, int] = {}
            self.family = "Carlito"

    gids = {gid: None for gid in (3, 17, 36, 68, 69, 70, 1000)}
    reference, ours, again = Face(), Face(), Face()
    Font._fonttools_subset(reference, gids, False)
    clear_cache()
    subset_font(ours, gids, False)
    subset_font(again, gids, False)  # from the cache
    assert ours.file_content == reference.file_content == again.file_content
    assert len(ours.file_content) < len(CARLITO.read_bytes()) / 5


SEPARATE = textwrap.dedent(
    """\
    import sys
    from prfaqgen.pipeline import render_spec
    render_spec(sys.argv[1], output=sys.argv[2])
    """
)


@pytest.mark.slow
def test_a_batch_in_one_process_gives_the_bytes_of_separate_processes(tmp_path: Path) -> None:
    specs = [EXAMPLE, MINIMAL]
    for spec in specs:
        subprocess.run(
            [sys.executable, "-c", SEPARATE, str(spec), str(tmp_path / "separate")],
            check=True,
            timeout=300,
        )
    # The same document dated otherwise, first: its fonts are stamped with its own date,
    # and must not be reused for the example.
    text = EXAMPLE.read_text(encoding="utf-8")
    dated = tmp_path / "dated" / EXAMPLE.name
    dated.parent.mkdir()
    dated.write_text(re.sub(r"(?m)^  date: .*$", "  date: 2025-01-15", text, count=1), "utf-8")
    assert dated.read_text(encoding="utf-8") != text
    warm_up(Settings())
    render_spec(dated, output=tmp_path / "other")
    for spec in specs:
        render_spec(spec, output=tmp_path / "batch")
    for spec in specs:
        for suffix in (".pdf", ".docx"):
            name = spec.stem + suffix
            assert (tmp_path / "batch" / name).read_bytes() == (
                tmp_path / "separate" / name
            ).read_bytes(), name


@pytest.mark.slow
def test_an_edited_theme_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(REPO / "templates" / "theme", folder / "theme")
    css = folder / "theme" / "theme.css"
    first = render_spec(MINIMAL, output=tmp_path / "a", formats=["pdf"], templates=folder)
    css.write_text(css.read_text("utf-8") + "\nbody { font-size: 30pt }\n", encoding="utf-8")
    second = render_spec(MINIMAL, output=tmp_path / "b", formats=["pdf"], templates=folder)
    assert first.budget is not None and second.budget is not None
    assert first.budget.press_release is not None and second.budget.press_release is not None
    assert second.budget.press_release > 1.5 * first.budget.press_release
    text = PdfReader(io.BytesIO(second.outputs["pdf"].read_bytes())).pages[0].extract_text()
    assert "Ledger" in text
