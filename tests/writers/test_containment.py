"""Writers never carry active content or files from outside the tree into the output."""

from __future__ import annotations

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
    "markup", ['<a rel="attachment" href=".env">a</a>', '<link rel="attachment" href=".env">']
)
def test_an_attachment_never_embeds_a_file_in_the_pdf(tmp_path: Path, render, markup):
    from prfaqgen.writers.pdf import render_pdf

    (tmp_path / ".env").write_text("SECRET=hunter2\n", encoding="utf-8")
    html = f"<!DOCTYPE html><html><head></head><body><p>Hi</p>{markup}</body></html>"
    doc = composed_document(html=html, base_dir=tmp_path, roots=(tmp_path,))
    with pytest.raises(RenderError) as caught:
        render_pdf(doc)
    assert str(caught.value) == (
        f"refusing to read {tmp_path.resolve() / '.env'}: a template may use only images, "
        "and the theme's own stylesheets and fonts (an attachment or other file is never "
        "embedded)"
    )


@pytest.mark.slow
def test_a_failed_pdf_render_leaves_no_weasyprint_font_folder(tmp_path: Path, monkeypatch):
    import tempfile

    from prfaqgen.writers.pdf import render_pdf

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / ".env").write_text("SECRET=1\n", encoding="utf-8")
    html = '<!DOCTYPE html><html><head></head><body><a rel="attachment" href=".env">a</a>'
    doc = composed_document(html=html + "</body></html>", base_dir=tmp_path, roots=(tmp_path,))
    with pytest.raises(RenderError):
        render_pdf(doc)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".env"]
