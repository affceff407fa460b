"""Hostile specs get located errors in the spec stage, so `validate` and `render` agree."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import pytest

from prfaqgen.spec import check_spec

SPEC = """\
prfaq: 1
title: {title}
meta:
  author: A
  date: 2026-11-22
  tags: [{tag}]
press_release:
  headline: H
  summary: |
    S

    {image}
  problem: P
  solution: So
  customer_quotes: [{{text: T, role: CFO}}]
faq: {{internal: [{{q: "Why?", a: Because.}}]}}
"""


def write_spec(folder: Path, title: str = "Ledger", tag: str = "x", image: str = "") -> Path:
    path = folder / "spec.yaml"
    path.write_text(SPEC.format(title=title, tag=tag, image=image), encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    return [d.format() for d in check_spec(path).errors]


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims a size its few bytes of pixels do not hold."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)


def lying_png(width: int, height: int) -> bytes:
    data = _chunk(b"IDAT", zlib.compress(b"\x00" * 8)) + _chunk(b"IEND", b"")
    return png_header(width, height) + data


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return png_header(width, height) + _chunk(b"IDAT", zlib.compress(rows)) + _chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\a", "0007"), ("\\v", "000B"), ("\\e", "001B"), ("\\uFFFE", "FFFE"), ("\\uD800", "D800")],
)
def test_a_character_no_document_can_hold_is_refused_at_its_field(tmp_path, escape, code):
    path = write_spec(tmp_path, title=f'"Gap{escape}fill"')
    assert errors(path) == [
        f"{path}:2:8: title: contains the control or non-character U+{code}, which PDF and "
        "DOCX cannot hold: remove it (check for a stray YAML escape such as \\a, \\e or \\u)"
    ]


def test_a_control_character_in_a_tag_is_refused_at_the_tag(tmp_path):
    path = write_spec(tmp_path, tag='"a\\x01b"')
    (only,) = errors(path)
    assert only.startswith(
        f"{path}:6:10: meta.tags[0]: contains the control or non-character U+0001"
    )


def test_tab_and_newlines_are_fine(tmp_path):
    path = write_spec(tmp_path, title='"Gap\\tfill"')
    assert errors(path) == []


def test_errors_do_not_hide_warnings(tmp_path):
    path = write_spec(tmp_path, title='"Gap\\afill"')
    result = check_spec(path)
    assert len(result.errors) == 1
    assert [d.path for d in result.warnings][:2] == [
        "press_release.call_to_action",
        "press_release.how_it_works",
    ]


def test_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert errors(fifo) == [
        f"{fifo}:1:1: is not a regular file (a pipe or device?): name a .yaml file"
    ]


IMAGE_LINE = 12


def image_error(tmp_path: Path, src: str) -> str:
    path = write_spec(tmp_path, image=f"![chart]({src})")
    (only,) = errors(path)
    prefix = f"{path}:{IMAGE_LINE}:5: press_release.summary: "
    assert only.startswith(prefix), only
    return only.removeprefix(prefix)


def test_a_nul_in_an_image_path_is_a_located_error(tmp_path):
    assert image_error(tmp_path, "a%00b.png") == (
        "image `a%00b.png` has a NUL character in its path: give the image file's real "
        "relative path"
    )


def test_a_missing_image_is_reported_by_validate(tmp_path):
    assert image_error(tmp_path, "none.png").startswith("image `none.png` was not found")


def test_an_image_symlinked_out_of_the_folder_is_refused(tmp_path):
    inner = tmp_path / "spec"
    inner.mkdir()
    (tmp_path / "secret.png").write_bytes(png(2, 2))
    (inner / "chart.png").symlink_to(tmp_path / "secret.png")
    assert image_error(inner, "chart.png").startswith("image `chart.png` is outside the spec's")


def test_a_url_image_is_refused(tmp_path):
    assert image_error(tmp_path, "https://example.com/a.png").startswith(
        "image `https://example.com/a.png` is a URL"
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("t.png", png(40, 40)[:60], "is not a readable PNG image"),
        ("t.jpg", b"\xff\xd8\xff\xe0garbage", "is not a readable JPEG image"),
        ("t.gif", b"GIF89a\x10\x00", "is not a readable GIF image"),
        ("t.png", b"\xff\xd8\xff\xe0" + b"\x00" * 40, "is not a readable PNG image"),
        ("t.png", lying_png(30000, 30000), "has more than 40,000,000 pixels: scale it down"),
        ("t.png", lying_png(8000, 8000), "is 8000x8000 pixels, over the limit of 40,000,000"),
        ("t.png", lying_png(40, 40), "is not a readable PNG image"),
    ],
)
def test_bad_image_content_is_reported_at_the_image_line(tmp_path, name, data, message):
    import weasyprint  # noqa: F401 - it makes Pillow lenient; the check must not be

    (tmp_path / name).write_bytes(data)
    assert image_error(tmp_path, name).startswith(f"image `{name}` {message}")


def test_an_image_named_png_holding_a_gif_is_refused(tmp_path):
    from PIL import Image

    Image.new("RGB", (4, 4)).save(tmp_path / "t.png", format="GIF")
    assert image_error(tmp_path, "t.png") == (
        "image `t.png` is named as a PNG file but holds GIF data: give it the right "
        "extension or convert it"
    )


def test_a_good_image_is_resolved_to_its_real_path(tmp_path):
    (tmp_path / "ok.png").write_bytes(png(4, 4))
    result = check_spec(write_spec(tmp_path, image="![chart](ok.png)"))
    assert result.errors == []
    assert result.loaded is not None
    assert result.loaded.images == {"ok.png": (tmp_path / "ok.png").resolve()}


def test_a_huge_headline_is_refused_at_its_line(tmp_path):
    path = write_spec(tmp_path, title="x" * 100_000)
    assert errors(path) == [
        f"{path}:2:8: title: is 100,000 characters long, over the limit of 50,000: shorten "
        "it or split it into several fields (see docs/limits.md)"
    ]


def test_a_long_one_line_field_is_refused_at_its_line(tmp_path):
    path = write_spec(tmp_path, title="x" * 2_001)
    assert errors(path) == [
        f"{path}:2:8: title: is 2,001 characters long; a one-line field holds at most "
        "2,000: shorten it (see docs/limits.md)"
    ]


def test_a_huge_code_block_is_refused_at_its_field(tmp_path):
    block = "\n".join(["```"] + ["x"] * 100_000 + ["```"])
    path = write_spec(tmp_path, image=block.replace("\n", "\n    "))
    assert errors(path) == [
        f"{path}:9:12: press_release.summary: has 100,004 lines, over the limit of 3,000: "
        "shorten it (see docs/limits.md)"
    ]


def test_a_hundred_thousand_list_items_are_refused(tmp_path):
    items = "\n    ".join(["- i"] * 100_000)
    path = write_spec(tmp_path, image=items)
    assert errors(path) == [
        f"{path}:9:12: press_release.summary: has 100,002 lines, over the limit of 3,000: "
        "shorten it (see docs/limits.md)"
    ]


def test_emphasis_nested_hundreds_deep_is_refused(tmp_path):
    path = write_spec(tmp_path, image="*" * 500 + "x" + "*" * 500)
    assert errors(path) == [
        f"{path}:9:12: press_release.summary: has a run of 500 `*` characters: emphasis may "
        "nest at most 12 markers deep; escape them as `\\*` or shorten the run "
        "(see docs/limits.md)"
    ]


def test_a_rule_of_asterisks_is_fine(tmp_path):
    path = write_spec(tmp_path, image="*" * 40)
    assert errors(path) == []


@pytest.mark.parametrize(
    ("style", "line", "column"),
    [("|", 7, 26), (">", 7, 26), ("plain", 6, 26), ('"', 6, 26)],
)
def test_an_image_inside_a_paragraph_is_reported_at_its_own_line_and_column(
    tmp_path: Path, style: str, line: int, column: int
) -> None:
    head = "prfaq: 1\ntitle: T\nmeta: {author: A, date: 2026-11-22}\npress_release:\n"
    body = "The first line of the problem\nand the second holds ![x](nope.png) here."
    if style in "|>":
        field = f"  problem: {style}\n" + "".join(f"    {t}\n" for t in body.splitlines())
    elif style == '"':
        lines = body.splitlines()
        field = f'  problem: "{lines[0]}\n    {lines[1]}"\n'
    else:
        lines = body.splitlines()
        field = f"  problem: {lines[0]}\n    {lines[1]}\n"
    rest = (
        "  headline: H\n  summary: S\n  solution: S\n"
        "  customer_quotes: [{text: q, name: n, role: r}]\nfaq: {external: [{q: Q, a: A}]}\n"
    )
    path = tmp_path / "idea.yaml"
    path.write_text(head + field + rest, encoding="utf-8")
    (only,) = errors(path)
    assert only.startswith(f"{path}:{line}:{column}: press_release.problem: image `nope.png` "), (
        only
    )
