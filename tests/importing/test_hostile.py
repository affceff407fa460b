"""Unknown or hostile drafts: a clear error naming the file and what to do, exit 1, no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from prfaqgen.cli import main


def _docx_bytes() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Hello")
    document.save(out)
    return out.getvalue()


def _with(parts: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, (replace or {}).get(name, source.read(name)))
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _macro_docx() -> bytes:
    types = zipfile.ZipFile(io.BytesIO(_docx_bytes())).read("[Content_Types].xml")
    types = types.replace(
        b"wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return _with({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}, {"[Content_Types].xml": types})


CASES = {
    "macro.docx": (_macro_docx, "carries macros"),
    "macro.docm": (_docx_bytes, "macro-enabled Word file"),
    "bomb.docx": (lambda: _with({"word/zeros.bin": b"\0" * (21 * 1024 * 1024)}), "inflates beyond"),
    "report.docx": (lambda: b"%PDF-1.7\n" + b"x" * 100, "it is a PDF, named .docx"),
    "garbage.md": (lambda: bytes(range(256)) * 4, "binary data (character U+0000 on line 1)"),
    "zip.md": (lambda: _docx_bytes(), "it is a zip package (such as a .docx), not Markdown text"),
    "latin1.md": (lambda: "Caf\u00e9 draft".encode("latin-1"), "not UTF-8 text (byte 4, line 1)"),
    "nul.md": (lambda: b"# Title\n\nText\x00more", "binary data (character U+0000 on line 3)"),
    "empty.docx": (lambda: b"", "it is empty"),
    "empty.md": (lambda: b"", "it is empty"),
    "notes.odt": (lambda: b"PK\x03\x04", "reads .docx and .md drafts, not .odt"),
    "entities.docx": (
        lambda: _with(
            {},
            {
                "word/styles.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x/>',
            },
        ),
        "declares a DOCTYPE or entities",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_draft_gets_a_clear_error(tmp_path: Path, name: str) -> None:
    make, expected = CASES[name]
    draft = tmp_path / name
    draft.write_bytes(make())
    target = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(draft), "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"{draft}: cannot import: ")
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists()


def test_a_100_mb_draft_is_refused_before_it_is_read(tmp_path: Path) -> None:
    draft = tmp_path / "huge.docx"
    with draft.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no disk used
    result = CliRunner().invoke(main, ["import", str(draft), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "it is 104,857,600 bytes, over the limit of 20,971,520 for a .docx draft" in (
        result.stderr
    )
