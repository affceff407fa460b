"""An untrusted reference DOCX is bounded and cleaned: no active content reaches the output."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from prfaqgen.errors import RenderError
from prfaqgen.writers.docx import render_docx
from prfaqgen.writers.docx.reference import MAX_PART_BYTES, clean_reference

from .conftest import THEME_DIR, composed_document

SETTINGS_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/attachedTemplate" Target="file:///C:/evil.dotm" TargetMode="External"/>'
    "</Relationships>"
)


def hostile_reference(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    source = THEME_DIR / "reference.docx"
    target = tmp_path / "reference.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in extra:
                continue
            data = src.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/hyperlink" '
                    b'Target="https://evil.example/" TargetMode="External"/>'
                    b'<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/'
                    b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            out.writestr(info, data)
        for name, data in extra.items():
            out.writestr(name, data)
    return target


def test_macros_custom_xml_and_external_relationships_are_dropped(tmp_path: Path):
    path = hostile_reference(
        tmp_path,
        {
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro",
            "customXml/item1.xml": b"<secret>from another document</secret>",
            "word/_rels/settings.xml.rels": SETTINGS_RELS.encode(),
        },
    )
    cleaned = zipfile.ZipFile(io.BytesIO(clean_reference(path)))
    names = cleaned.namelist()
    assert "word/vbaProject.bin" not in names
    assert not any(n.startswith("customXml/") for n in names)
    assert "word/_rels/settings.xml.rels" not in names
    rels = cleaned.read("word/_rels/document.xml.rels")
    assert b"evil.example" not in rels and b"vbaProject" not in rels

    plain = composed_document(
        html="<html><head><title>T</title></head><body><p>Hi</p></body></html>"
    )
    doc = dataclasses.replace(plain, theme=dataclasses.replace(plain.theme, reference_docx=path))
    output = zipfile.ZipFile(io.BytesIO(render_docx(doc)))
    everything = b"".join(output.read(n) for n in output.namelist())
    for active in (b"vbaProject", b"evil.example", b"evil.dotm", b"from another document"):
        assert active not in everything


def test_a_part_that_inflates_beyond_the_limit_is_refused(tmp_path: Path):
    path = hostile_reference(tmp_path, {"word/zeros.bin": b"\0" * (MAX_PART_BYTES + 1)})
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(RenderError) as caught:
        clean_reference(path)
    assert str(caught.value) == (
        f"{path}: reference document refused: its part word/zeros.bin inflates beyond "
        "20,971,520 bytes; see docs/limits.md, or save a clean copy from Word"
    )


def test_entity_declarations_are_refused(tmp_path: Path):
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles/>'
    path = hostile_reference(tmp_path, {"word/numbering.xml": bomb})
    with pytest.raises(RenderError, match="its part word/numbering.xml declares a DOCTYPE"):
        clean_reference(path)


def test_an_oversized_reference_file_is_refused(tmp_path: Path):
    path = tmp_path / "reference.docx"
    path.write_bytes(b"PK" + b"\0" * (6 * 1024 * 1024))
    with pytest.raises(RenderError, match="it is 6,291,458 bytes, over the limit of 5,242,880"):
        clean_reference(path)
