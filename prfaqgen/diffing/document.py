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
# margin beside every block with a change.
DIFF_CSS = """
ins.change { color: #1a5fb4; text-decoration: underline; text-decoration-color: #1a5fb4; }
del.change { color: #b3261e; text-decoration: line-through; text-decoration-color: #b3261e; }
.diff-ins:not(tr), .diff-del:not(tr), .diff-changed:not(tr),
tr.diff-ins > :first-child, tr.diff-del > :first-child, tr.diff-changed > :first-child {
  position: relative;
}
.diff-ins:not(tr)::before, .diff-del:not(tr)::before, .diff-changed:not(tr)::before,
tr.diff-ins > :first-child::before, tr.diff-del > :first-child::before,
tr.diff-changed > :first-child::before {
  content: ""; position: absolute; left: -0.2in; top: 0; bottom: 0;
  border-left: 2.5pt solid #1a5fb4;
}
li.diff-ins::before, li.diff-del::before, li.diff-changed::before,
li > .diff-ins::before, li > .diff-del::before, li > .diff-changed::before { left: -0.5in; }
.diff-del:not(tr)::before, tr.diff-del > :first-child::before { border-left-color: #b3261e; }
td.diff-changed::before, th.diff-changed::before { content: none; }
tr.diff-changed > .diff-changed:first-child::before { content: ""; }
.diff-ins .diff-ins::before, .diff-ins .diff-del::before, .diff-ins .diff-changed::before,
.diff-del .diff-ins::before, .diff-del .diff-del::before, .diff-del .diff-changed::before,
.diff-changed .diff-changed::before { content: none; }
h1.diff-del, h2.diff-del, h3.diff-del, h4.diff-del, h5.diff-del, h6.diff-del,
.diff-del h1, .diff-del h2, .diff-del h3, .diff-del h4, .diff-del h5, .diff-del h6 {
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
