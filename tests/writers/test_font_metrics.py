"""The built-in fonts' shipped metrics (templates/theme/fonts/metrics.json) match the font files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from prfaqgen.builtin import templates_dir
from prfaqgen.writers.docx import measure

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_font_metrics", ROOT / "scripts" / "make_font_metrics.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_metrics_are_what_fonttools_reads_from_the_fonts() -> None:
    fonts = templates_dir() / "theme" / "fonts"
    shipped = (fonts / measure.BUILTIN_METRICS).read_text(encoding="utf-8")
    assert shipped == _script().build(fonts), "stale: run python scripts/make_font_metrics.py"


def test_a_builtin_font_is_measured_from_the_shipped_data_alike() -> None:
    carlito = templates_dir() / "theme" / "fonts" / "Carlito-Bold.ttf"
    shipped = measure._shipped(carlito)
    assert shipped is not None and shipped["family"] == "carlito" and shipped["bold"]
    read = measure.FontMetrics.read(carlito)
    from_data = measure.FontMetrics.from_data(shipped)
    for text in ("Review", "-$2.1M", "Yesterday", "Ünïcödé – “quotes”", "漢字"):
        assert from_data.width(text, 10) == read.width(text, 10)


def test_a_changed_font_file_is_read_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fonts = tmp_path / "theme" / "fonts"
    fonts.mkdir(parents=True)
    source = templates_dir() / "theme" / "fonts"
    (fonts / "Carlito-Regular.ttf").write_bytes((source / "Carlito-Bold.ttf").read_bytes())
    (fonts / measure.BUILTIN_METRICS).write_bytes((source / measure.BUILTIN_METRICS).read_bytes())
    monkeypatch.setattr(measure, "templates_dir", lambda: tmp_path)
    measure._builtin_fonts.cache_clear()
    try:
        assert measure._shipped(fonts / "Carlito-Bold.ttf") is None  # not shipped under that name
        assert measure._shipped(fonts / "Carlito-Regular.ttf") is None  # another size
    finally:
        measure._builtin_fonts.cache_clear()
