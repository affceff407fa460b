"""WeasyPrint's HTML object built from the tree the compose stage parsed.

``weasyprint.HTML`` only takes sources to parse; it would parse the composed
string again with the same parser (tinyhtml5, no XHTML namespace). This sets
the same attributes its constructor sets after parsing (WeasyPrint 70, pinned
in constraints.txt), so that both writers read one tree. A ``<base href>`` in a
template is ignored: the base URL is the spec's folder.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import cssselect2
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def html_from_tree(tree: ET.Element, base_url: str, url_fetcher: URLFetcher) -> HTML:
    """An ``HTML`` document for ``tree``, as ``HTML(string=...)`` would build it."""
    html = HTML.__new__(HTML)
    html.base_url = base_url
    html.url_fetcher = url_fetcher
    html.media_type = "print"
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(tree, content_language=None)
    html.etree_element = html.wrapper_element.etree_element
    return html
