"""A DOCX that cannot be used gets one clear error line and exit code 1, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from tests.comments.conftest import EXAMPLE, MINIMAL, render


def _run(document: Path, spec: Path = EXAMPLE) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["comments", str(document), str(spec)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stderr


def _with_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.namelist():
            target.writestr(item, source.read(item))
        target.writestr(name, content)
    return out.getvalue()


def test_a_pdf_renamed_docx_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "review.docx"
    path.write_bytes(b"%PDF-1.7\n" + b"0" * 2000)
    code, err = _run(path)
    assert code == 1
    assert f"{path}: cannot read the reviewed document: it is not a readable DOCX file" in err


def test_a_zip_bomb_is_refused_before_it_inflates(example_docx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_with_part(example_docx, "word/media/huge.bin", b"\0" * (21 * 1024 * 1024)))
    assert path.stat().st_size < 1024 * 1024
    code, err = _run(path)
    assert code == 1
    assert "word/media/huge.bin inflates beyond 20,971,520 bytes" in err


def test_a_macro_enabled_document_is_refused(example_docx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "macro.docx"
    path.write_bytes(_with_part(example_docx, "word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro"))
    code, err = _run(path)
    assert code == 1
    assert "it contains macros" in err


def test_a_part_with_entities_is_refused(example_docx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "entities.docx"
    bad = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:comments/>'
    path.write_bytes(_with_part(example_docx, "word/comments.xml", bad))
    code, err = _run(path)
    assert code == 1
    assert "word/comments.xml declares a DOCTYPE or entities" in err


def test_a_word_file_prfaqgen_did_not_render_says_so(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph("Our plan for next year.")
    document.save(str(path))
    code, err = _run(path)
    assert code == 1
    assert "was not rendered by prfaqgen" in err


@pytest.mark.slow
def test_a_docx_rendered_from_another_spec_names_both(tmp_path: Path) -> None:
    path = tmp_path / "minimal.docx"
    path.write_bytes(render(MINIMAL))
    code, err = _run(path)
    assert code == 1
    assert "was rendered from a spec titled" in err
    assert 'is titled "Gapfill"' in err


def test_an_invalid_spec_is_reported_as_validate_does(reviewed: Path, tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("prfaq: 1\ntitle: [\n", encoding="utf-8")
    code, err = _run(reviewed, spec)
    assert code == 1
    assert f"{spec}:" in err
