"""Writers never carry active content or files from outside the tree into the output."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from prfaqgen.errors import RenderError
from prfaqgen.writers.html import render_html

from .conftest import composed_document

HOSTILE = """<!DOCTYPE html><html><head><title>T</title>
<link rel="stylesheet" href="https://evil.example/a.css">
<meta http-equiv="refresh" content="0; url=https://evil.example/">
<style>@import url(https://evil.example/b.css);</style>
</head><body>
<script>alert(1)</script>
<p onclick="steal()" onmouseover="steal()" style="background:url(https://evil.example/c)">Hi</p>
<iframe src="https://evil.example/"></iframe>
<a href="javascript:alert(1)">j</a>
<a href="https://ok.example/docs">a plain link</a>
<video poster="https://evil.example/p.png"></video>
</body></html>"""


def test_html_output_drops_scripts_handlers_and_remote_references():
    out = render_html(composed_document(html=HOSTILE)).decode("utf-8")
    for active in (
        "<script",
        "alert(1)",
        "onclick",
        "onmouseover",
        "evil.example",
        "<iframe",
        "http-equiv",
        "javascript:",
    ):
        assert active not in out, active
    assert '<a href="https://ok.example/docs">a plain link</a>' in out
    assert "<p>Hi</p>" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    "markup",
    [
        '<a rel="attachment" href=".env">a</a>',
        '<a rel="nofollow Attachment" href=".env">a</a>',
        '<link rel="attachment" href=".env">',
    ],
)
def test_an_attachment_never_embeds_a_file_in_the_pdf(tmp_path: Path, render, markup):
    from pypdf import PdfReader

    from prfaqgen.writers.pdf import render_pdf

    (tmp_path / ".env").write_text("SECRET=hunter2\n", encoding="utf-8")
    html = f"<!DOCTYPE html><html><head></head><body><p>Hi</p>{markup}</body></html>"
    doc = composed_document(html=html, base_dir=tmp_path, roots=(tmp_path,))
    data = render_pdf(doc).data
    reader = PdfReader(io.BytesIO(data))
    assert "Hi" in reader.pages[0].extract_text()
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    assert not any(
        "/FileAttachment" in str(a.get_object()) for a in reader.pages[0].get("/Annots", [])
    )
    assert b"hunter2" not in data and b"SECRET" not in data


@pytest.mark.slow
def test_any_other_file_a_template_names_is_refused_by_name(tmp_path: Path, render):
    from prfaqgen.writers.pdf import render_pdf

    (tmp_path / ".env").write_text("SECRET=hunter2\n", encoding="utf-8")
    html = '<!DOCTYPE html><html><head></head><body><img src=".env" alt="x"></body></html>'
    doc = composed_document(html=html, base_dir=tmp_path, roots=(tmp_path,))
    with pytest.raises(RenderError) as caught:
        render_pdf(doc)
    assert str(caught.value) == (
        f"refusing to read {tmp_path.resolve() / '.env'}: a template may use only images, "
        "and the theme's own stylesheets and fonts (an attachment or other file is never "
        "embedded)"
    )


def test_an_attachment_in_a_template_is_a_warning_at_its_line(tmp_path: Path) -> None:
    from prfaqgen.compose.markup_scan import scan_templates

    (tmp_path / "prfaq.html.j2").write_text(
        '{% extends "prfaqgen:prfaq.html.j2" %}\n'
        "{% block about %}\n"
        '  <p><a href="x.pdf" rel="attachment">terms</a></p>\n'
        '  <LINK REL=attachment href=".env">\n'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    found = [d for d in scan_templates(tmp_path) if "attachment" in d.message]
    assert [(d.line, d.column, d.severity) for d in found] == [(3, 6, "warning"), (4, 3, "warning")]
    assert found[0].file == str(tmp_path / "prfaq.html.j2")
    assert found[0].message.startswith('rel="attachment" is refused: prfaqgen never embeds a file')


@pytest.mark.slow
def test_a_failed_pdf_render_leaves_no_weasyprint_font_folder(tmp_path: Path, monkeypatch):
    import tempfile

    from prfaqgen.writers.pdf import render_pdf

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / ".env").write_text("SECRET=1\n", encoding="utf-8")
    html = '<!DOCTYPE html><html><head></head><body><img src=".env" alt="x">'
    doc = composed_document(html=html + "</body></html>", base_dir=tmp_path, roots=(tmp_path,))
    with pytest.raises(RenderError):
        render_pdf(doc)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".env"]
