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


# Elements that run code, load other documents or redirect: dropped with their content.
_ACTIVE = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link")
# Attributes that make a browser load something; a remote or script value is dropped.
_LOADING = ("src", "srcset", "href", "action", "formaction", "poster", "data", "background")


def render_html(doc: ComposedDocument) -> bytes:
    root = lxml.html.document_fromstring(doc.html)
    _make_inert(root)
    css = _FONT_FACE.sub("", doc.theme.stylesheet.read_text(encoding="utf-8"))
    css += doc.theme.look.css()  # theme.toml's fonts and colours, as in the PDF
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


def _make_inert(root: lxml.html.HtmlElement) -> None:
    """Drop what a user template could use to run code or reach the network.

    Dropped, not escaped: ``<script>`` and other active elements, ``on*`` event
    handlers, ``<meta http-equiv>``, and any loading attribute or style whose
    value is remote or ``javascript:``. Plain links (``<a href="https://...">``)
    stay: a reader follows them on purpose; nothing loads them.
    """
    for element in list(root.iter(*_ACTIVE)):
        element.drop_tree()
    for element in list(root.iter("meta")):
        if element.get("http-equiv") is not None:
            element.drop_tree()
    for element in list(root.iter("style")):
        if _REMOTE_CSS.search(element.text or ""):
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if _active_attribute(name.lower(), value, element.tag == "a"):
                del element.attrib[name]


_REMOTE_CSS = re.compile(r"url\s*\(|@import|expression\s*\(", re.IGNORECASE)
_SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript)\s*:", re.IGNORECASE)


def _active_attribute(name: str, value: str, is_link: bool) -> bool:
    if name.startswith("on"):
        return True
    if name == "style":
        return bool(_REMOTE_CSS.search(value))
    return name in _LOADING and _remote(value, keep_links=is_link)


def _remote(value: str, keep_links: bool) -> bool:
    if _SCRIPT_SCHEME.match(value.replace("\x00", "")):
        return True
    if keep_links:
        return False
    lowered = value.strip().lower()
    if lowered.startswith(("file:", "data:")):  # local files are checked by _data_url
        return False
    return lowered.startswith("//") or ":" in lowered.split("/", 1)[0]


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
