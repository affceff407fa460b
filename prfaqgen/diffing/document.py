"""Compose the two specs with the same settings and merge them into one marked document."""

from __future__ import annotations

import lxml.html

from prfaqgen.diffing.blocks import merge_documents
from prfaqgen.diffing.words import Mark
from prfaqgen.render.compose import compose
from prfaqgen.render.document import ComposedDocument, RenderOptions, Theme
from prfaqgen.render.html_tree import to_lxml
from prfaqgen.spec.loader import LoadedSpec

# How the PDF (and the HTML file) show the changes, whatever the theme: words
# inserted underlined in colour, deleted struck through, and a bar in the left
# margin beside every block with a change. Paragraphs, headings and <div>s (no
# left margin in the theme) draw the bar as a background in a margin they
# borrow; other blocks (list items, quotes, table rows) as a positioned box,
# which a PDF text extractor reads after the rest of the page.
DIFF_CSS = """
ins.change { color: #1a5fb4; text-decoration: underline; text-decoration-color: #1a5fb4; }
del.change { color: #b3261e; text-decoration: line-through; text-decoration-color: #b3261e; }
:is(.diff-ins, .diff-del, .diff-changed):not(tr),
tr:is(.diff-ins, .diff-del, .diff-changed) > :first-child {
  position: relative;
}
:is(.diff-ins, .diff-del, .diff-changed):not(tr)::before,
tr:is(.diff-ins, .diff-del, .diff-changed) > :first-child::before {
  content: ""; position: absolute; left: -0.2in; top: 0; bottom: 0;
  border-left: 2.5pt solid #1a5fb4;
}
li:is(.diff-ins, .diff-del, .diff-changed)::before { left: -0.5in; }
.diff-del:not(tr)::before, tr.diff-del > :first-child::before { border-left-color: #b3261e; }
:is(td, th).diff-changed::before { content: none; }
tr.diff-changed > .diff-changed:first-child::before { content: ""; }
:is(p, div, h1, h2, h3, h4, h5, h6):is(.diff-ins, .diff-del, .diff-changed) {
  position: static; margin-left: -0.2in; padding-left: 0.2in;
  background: linear-gradient(to right, #1a5fb4 2.5pt, transparent 2.5pt) no-repeat;
}
:is(p, div, h1, h2, h3, h4, h5, h6).diff-del {
  background-image: linear-gradient(to right, #b3261e 2.5pt, transparent 2.5pt);
}
:is(p, div, h1, h2, h3, h4, h5, h6):is(.diff-ins, .diff-del, .diff-changed)::before {
  content: none;
}
li > :is(p, div, h1, h2, h3, h4, h5, h6):is(.diff-ins, .diff-del, .diff-changed) {
  margin-left: -0.5in; padding-left: 0.5in;
}
:is(.diff-ins, .diff-del, .diff-changed) :is(.diff-ins, .diff-del, .diff-changed)::before {
  content: none;
}
:is(.diff-ins, .diff-del, .diff-changed)
  :is(p, div, h1, h2, h3, h4, h5, h6):is(.diff-ins, .diff-del, .diff-changed) {
  margin-left: 0; padding-left: 0; background: none;
}
:is(h1, h2, h3, h4, h5, h6).diff-del, .diff-del :is(h1, h2, h3, h4, h5, h6) {
  bookmark-level: none;
}
"""


def diff_document(
    old: LoadedSpec,
    new: LoadedSpec,
    mark: Mark,
    options: RenderOptions | None = None,
    theme: Theme | None = None,
) -> ComposedDocument:
    """``new`` composed, with what changed since ``old`` marked for every writer."""
    old_doc = compose(old, options, theme=theme)
    new_doc = compose(new, options, theme=theme)
    merged = merge_documents(to_lxml(old_doc.tree), to_lxml(new_doc.tree), mark)
    head = merged.find("head")
    if head is None:
        head = merged.makeelement("head", {})
        merged.insert(0, head)
    style = head.makeelement("style", {})
    style.text = DIFF_CSS
    head.append(style)
    html = lxml.html.tostring(merged, doctype="<!DOCTYPE html>", encoding="unicode")
    roots = tuple(dict.fromkeys((*new_doc.resource_roots, *old_doc.resource_roots)))
    return ComposedDocument(
        html=html,
        base_dir=new_doc.base_dir,
        theme=new_doc.theme,
        options=new_doc.options,
        source_date=new_doc.source_date,
        resource_roots=roots,
        warnings=new_doc.warnings,
    )
