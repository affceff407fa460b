"""Every use of WeasyPrint beyond its public API, in one place.

WeasyPrint is pinned ``>=70,<71`` (pyproject.toml; 70.0 in constraints.txt).
Three things it offers no public way to do are done here:

- ``html_from_tree``: ``weasyprint.HTML`` only takes sources to parse; it would
  parse the composed string again with the same parser (tinyhtml5, no XHTML
  namespace). This sets the same attributes its constructor sets after parsing,
  so that both writers read one tree. A ``<base href>`` in a template is
  ignored: the base URL is the spec's folder.
- ``embedding_fonts``: while a PDF is written, WeasyPrint's ``Font.subset`` is
  swapped for prfaqgen.writers.pdf_fonts.subset_font (fontTools on every
  machine, cached; see there).
- ``page_box``: the laid-out box tree of a page (``Page._page_box``), which
  prfaqgen.writers.pdf_layout walks to find text lines.

:data:`RELIED_ON` lists the WeasyPrint functions this stands in for, with a
digest of their source as read from 70.0: tests/test_third_party_internals.py
fails, naming them, when an upgrade changes one (see prfaqgen.third_party).
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import cssselect2
from weasyprint import HTML
from weasyprint.document import Page
from weasyprint.pdf import fonts as weasy_fonts
from weasyprint.urls import URLFetcher

#: WeasyPrint functions relied on -> the digest of their source (WeasyPrint 70.0).
RELIED_ON = {
    # html_from_tree sets what this constructor sets after parsing
    "weasyprint:HTML.__init__": "5f19f40b81837f87",
    # swapped by embedding_fonts; subset_font keeps the fontTools options of the second
    "weasyprint.pdf.fonts:Font.subset": "61ed6bc2e9a7e43a",
    "weasyprint.pdf.fonts:Font._fonttools_subset": "1faa45f3c4cae67e",
    # sets the _page_box that page_box reads
    "weasyprint.document:Page.__init__": "56afceec729bf2c1",
}

_patch_lock = threading.RLock()


def html_from_tree(tree: ET.Element, base_url: str, url_fetcher: URLFetcher) -> HTML:
    """An ``HTML`` document for ``tree``, as ``HTML(string=...)`` would build it."""
    html = HTML.__new__(HTML)
    html.base_url = base_url
    html.url_fetcher = url_fetcher
    html.media_type = "print"
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(tree, content_language=None)
    html.etree_element = html.wrapper_element.etree_element
    return html


def page_box(page: Page) -> Any:
    """The laid-out box tree of ``page`` (a ``PageBox``)."""
    return page._page_box


def _font_subset(self: Any, to_unicode: dict[int, Any], hinting: bool) -> None:
    from prfaqgen.writers.pdf_fonts import subset_font

    subset_font(self, to_unicode, hinting)


@contextmanager
def embedding_fonts() -> Iterator[None]:
    """While writing a PDF, subset its fonts with prfaqgen.writers.pdf_fonts.subset_font."""
    with _patch_lock:
        original = weasy_fonts.Font.subset
        weasy_fonts.Font.subset = _font_subset
        try:
            yield
        finally:
            weasy_fonts.Font.subset = original
