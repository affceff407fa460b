"""The composed HTML, parsed once by the HTML5 parser both writers share.

WeasyPrint parses with tinyhtml5 (the WHATWG algorithm, as browsers do); the
DOCX writer walks lxml elements. Parsing the same string twice with two
parsers gave two different trees for malformed template markup (text foster-
parented out of a table, a block closing a paragraph), so the compose stage
parses once with tinyhtml5 and the DOCX writer reads a copy of that tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import lxml.html
import tinyhtml5
from lxml.html import HtmlElement

import prfaqgen.compose.tinyhtml5_internals  # noqa: F401  (tinyhtml5's pattern cache, fixed)


def parse_html(html: str) -> ET.Element:
    """The document tree, exactly as WeasyPrint builds it (no XHTML namespace)."""
    return tinyhtml5.parse(html, namespace_html_elements=False)


def to_lxml(root: ET.Element) -> HtmlElement:
    """An lxml.html copy of ``root``; comments are dropped, their tails kept.

    Iterative, so that a deeply nested template cannot exhaust the stack.
    """
    top = _element(_tag(root.tag) or "html", root)
    top.text = root.text
    stack: list[tuple[ET.Element, HtmlElement]] = [(root, top)]
    while stack:
        source, target = stack.pop()
        last: HtmlElement | None = None
        for child in source:
            tag = _tag(child.tag)
            if tag is None:  # a comment or processing instruction
                _append_text(target, last, child.tail)
                continue
            copy = _element(tag, child)
            copy.text = child.text
            copy.tail = child.tail
            target.append(copy)
            last = copy
            stack.append((child, copy))
    return top


def _tag(tag: object) -> str | None:
    if not isinstance(tag, str):
        return None
    return tag


def _element(tag: str, source: ET.Element) -> HtmlElement:
    """A copy of ``source`` without children; HTML5 allows tag and attribute
    names that XML cannot hold (``<a:b>``, ``"x"=1``): those become a <span>
    or are left out."""
    make = lxml.html.html_parser.makeelement
    try:
        el = make(tag)
    except ValueError:
        el = make("span")
    for name, value in source.attrib.items():
        try:
            el.set(name, value)
        except ValueError:
            continue
    return el


def _append_text(parent: HtmlElement, last: HtmlElement | None, text: str | None) -> None:
    if not text:
        return
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text
