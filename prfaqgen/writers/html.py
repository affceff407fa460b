"""The HTML writer: the composed document as one self-contained file.

The stylesheet is inlined and images become ``data:`` URLs, so the file can
be mailed or attached to a pull request on its own. Page furniture that only
paged media can place (running header and footer, the diagonal draft mark)
is shown as a plain banner on screen instead.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

import lxml.html

from prfaqgen.errors import RenderError
from prfaqgen.render.document import ComposedDocument
from prfaqgen.writers.local_files import local_path

# Fonts are not inlined (megabytes each): browsers fall back to Calibri or a sans-serif.
_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}\s*", re.IGNORECASE)
SCREEN_CSS = """
@media screen {
  body { max-width: 6.5in; margin: 1in auto; }
  .running-footer { display: none; }
  .running-header { color: #666; font-size: 9pt; margin-bottom: 1em; }
  .draft-mark { position: static; transform: none; font-size: 10pt; color: #a00;
                letter-spacing: 0.3em; opacity: 1; margin-bottom: 1em; }
}
"""


def render_html(doc: ComposedDocument) -> bytes:
    root = lxml.html.document_fromstring(doc.html)
    css = _FONT_FACE.sub("", doc.theme.stylesheet.read_text(encoding="utf-8"))
    if not doc.options.draft_mark:
        css += "\n.draft-mark { display: none; }\n"
    style = lxml.html.Element("style")
    style.text = css + SCREEN_CSS
    head = root.find("head")
    assert head is not None  # document_fromstring always builds a <head>
    head.append(style)
    for img in root.iter("img"):
        img.set("src", _data_url(img.get("src", ""), doc.resource_roots))
    return lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")


def _data_url(src: str, roots: tuple[Path, ...]) -> str:
    try:
        path = local_path(src, roots)
    except RenderError as exc:
        raise RenderError(f"image {src!r}: {exc}") from None
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RenderError(f"image {path} cannot be read ({exc.strerror or exc})") from None
    mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
