"""Block-level diff of two composed documents: one document holding both, changes marked.

The body of each document is a tree of blocks (sections, headings, paragraphs,
lists, tables). Children are compared as sequences: identical blocks are kept,
the rest are paired by kind and wording and merged (recursively for
containers, word by word for paragraphs); what finds no partner is a whole
inserted or deleted block. Classes on the result say what changed:

* ``diff-ins`` / ``diff-del``: the block is new / gone (its text is in <ins>/<del>);
* ``diff-changed``: the block's own text has word changes;
* ``<ins class="change">`` / ``<del class="change">``: the words, with
  ``data-author`` and ``datetime``.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeAlias

import lxml.html
from lxml.html import HtmlElement

from prfaqgen.diffing.words import (
    Mark,
    Node,
    State,
    append_text,
    build,
    diff_pieces,
    has_changes,
    inline_nodes,
    pieces,
    plain_text,
)
from prfaqgen.render.vocabulary import PAGE_PARTS, PHRASING

INSERTED = "diff-ins"
DELETED = "diff-del"
CHANGED = "diff-changed"
# Blocks compared as a whole: their spacing is their content.
_WHOLE = frozenset({"pre", "colgroup", "svg", "math"})
# Pairing by wording is quadratic; past this many pairs, blocks pair by kind only.
_MAX_PAIRS = 250_000
_MIN_LIKENESS = 0.4


@dataclass(frozen=True)
class Run:
    """Loose inline content between blocks (or all of a paragraph's content)."""

    nodes: tuple[Node, ...]


Item: TypeAlias = HtmlElement | Run


def merge_documents(old: HtmlElement, new: HtmlElement, mark: Mark) -> HtmlElement:
    """``new`` (an lxml html root) with the changes from ``old`` marked; page parts from ``new``."""
    result = copy.deepcopy(new)
    body = result.find("body")
    old_body = old.find("body")
    new_body = new.find("body")
    if body is None or old_body is None or new_body is None:
        return result
    for child in list(body):
        body.remove(child)
    body.text = None
    parts = [c for c in new_body if isinstance(c.tag, str) and _is_page_part(c)]
    for part in parts:
        body.append(_detached(part))
    _merge_items(body, _items(old_body, skip_parts=True), _items(new_body, skip_parts=True), mark)
    return result


def _is_page_part(el: HtmlElement) -> bool:
    return not PAGE_PARTS.isdisjoint(el.classes)


def _items(el: HtmlElement, *, skip_parts: bool = False) -> list[Item]:
    """The children of ``el`` as blocks and runs of loose inline content."""
    items: list[Item] = []
    loose: list[Node] = []

    def flush() -> None:
        if plain_text(loose) or any(not isinstance(n, str) for n in loose):
            items.append(Run(tuple(loose)))
        loose.clear()

    for node in inline_nodes(el):
        if isinstance(node, str) or node.tag in PHRASING:
            loose.append(node)
            continue
        flush()
        if not (skip_parts and _is_page_part(node)):
            items.append(node)
    flush()
    return items


def _signature(item: Item) -> str:
    if isinstance(item, Run):
        return "\0".join(repr(p.key) for p in pieces(item.nodes))
    return lxml.html.tostring(item, encoding="unicode", with_tail=False)


def _kind(item: Item) -> tuple[str, ...]:
    if isinstance(item, Run):
        return ("#run",)
    kind = (item.tag, *sorted(c for c in item.classes if c != "page-break"))
    if item.tag == "tr":  # rows pair only with rows of the same cells
        kind += tuple(str(c.tag) for c in item if c.tag in ("td", "th"))
    elif item.tag == "li":
        # A "loose" item (its text in a <p>) and a tight one are written as
        # different paragraphs: one is replaced by the other, not merged.
        first = _items(item)[:1]
        kind += ("loose",) if first and isinstance(first[0], HtmlElement) else ()
    return kind


def _words(item: Item) -> list[str]:
    if isinstance(item, Run):
        return plain_text(item.nodes).split()
    return " ".join(item.itertext()).split()  # blocks' words apart, as they read


def _merge_items(parent: HtmlElement, old: list[Item], new: list[Item], mark: Mark) -> None:
    """Append ``old`` and ``new`` merged to ``parent``."""
    if len(old) == len(new) and all(_is_cell(i) for i in (*old, *new)):
        # The cells of a row (rows pair only with rows of the same cells): in order,
        # as a cell is never inserted or deleted alone. The row gets the change bar.
        for old_cell, new_cell in zip(old, new, strict=True):
            if _signature(old_cell) == _signature(new_cell):
                _append_item(parent, new_cell)
            else:
                _merge_pair(parent, old_cell, new_cell, mark)
        _add_class(parent, CHANGED)
        return
    matcher = SequenceMatcher(
        None, [_signature(i) for i in old], [_signature(i) for i in new], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for item in new[j1:j2]:
                _append_item(parent, item)
        else:
            _merge_range(parent, old[i1:i2], new[j1:j2], mark)


def _merge_range(parent: HtmlElement, old: list[Item], new: list[Item], mark: Mark) -> None:
    """Changed blocks: pair the likely revisions of each other, the rest are new or gone."""
    pairs = _pairs(old, new)
    i = j = 0
    for pi, pj in [*pairs, (len(old), len(new))]:
        for item in old[i:pi]:
            _append_whole(parent, item, "del", mark)
        for item in new[j:pj]:
            _append_whole(parent, item, "ins", mark)
        if pi < len(old) and pj < len(new):
            _merge_pair(parent, old[pi], new[pj], mark)
        i, j = pi + 1, pj + 1


def _pairs(old: Sequence[Item], new: Sequence[Item]) -> list[tuple[int, int]]:
    """The pairs (old index, new index), in order, that make the most alike blocks partners."""
    n, m = len(old), len(new)
    if n * m > _MAX_PAIRS:
        kinds = SequenceMatcher(None, [_kind(i) for i in old], [_kind(i) for i in new], False)
        return [(b.a + k, b.b + k) for b in kinds.get_matching_blocks() for k in range(b.size)]
    kinds_old = [_kind(i) for i in old]
    kinds_new = [_kind(i) for i in new]
    words_old = [Counter(_words(i)) for i in old]
    words_new = [Counter(_words(i)) for i in new]
    likeness = [
        [
            _likeness(old[a], new[b], words_old[a], words_new[b])
            if kinds_old[a] == kinds_new[b]
            else 0.0
            for b in range(m)
        ]
        for a in range(n)
    ]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            score = max(best[a + 1][b], best[a][b + 1])
            if likeness[a][b] > 0:
                score = max(score, likeness[a][b] + best[a + 1][b + 1])
            best[a][b] = score
    pairs = []
    a = b = 0
    while a < n and b < m:
        if likeness[a][b] > 0 and best[a][b] == likeness[a][b] + best[a + 1][b + 1]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return pairs


def _likeness(old: Item, new: Item, old_words: Counter[str], new_words: Counter[str]) -> float:
    """How alike two blocks are (0: not partners): same kind, and similar wording."""
    if _kind(old) != _kind(new):
        return 0.0
    if isinstance(old, HtmlElement) and isinstance(new, HtmlElement):
        if old.tag in _WHOLE or _table_shape(old) != _table_shape(new):
            return 0.0
        if old.tag == "section" and old.get("id") and old.get("id") == new.get("id"):
            return 2.0  # the same part of the document, however rewritten
        if old.tag in ("thead", "tbody", "tfoot"):
            return 2.0  # one of each to a table: its rows are what changed
    if not old_words and not new_words:
        return 1.0
    # The words both share, in proportion (word order aside: it is cheap, and
    # pairing needs only to tell a revision of a block from another block).
    shared = sum((old_words & new_words).values())
    ratio = 2 * shared / (old_words.total() + new_words.total())
    if isinstance(old, Run) or old.tag == "tr":
        # Rows of the same cells, and the loose text of one element (a list item's
        # own line): merged, unless a likelier pair, so that they keep their place.
        return max(ratio, 0.01)
    return ratio if ratio >= _MIN_LIKENESS else 0.0


def _is_cell(item: Item) -> bool:
    return isinstance(item, HtmlElement) and item.tag in ("td", "th")


def _table_shape(el: HtmlElement) -> int:
    """A table's column count; a table whose columns changed is replaced whole."""
    if el.tag != "table":
        return 0
    return max(
        (len(row.findall("th")) + len(row.findall("td")) for row in el.iter("tr")), default=0
    )


def _merge_pair(parent: HtmlElement, old: Item, new: Item, mark: Mark) -> None:
    if isinstance(old, Run) and isinstance(new, Run):
        _merge_run(parent, old, new, mark)
        return
    assert isinstance(old, HtmlElement) and isinstance(new, HtmlElement)
    merged = new.makeelement(new.tag, dict(new.attrib))
    parent.append(merged)
    old_items, new_items = _items(old), _items(new)
    if all(isinstance(i, Run) for i in (*old_items, *new_items)):
        # A paragraph, heading, list item or cell: its words.
        old_run = Run(tuple(inline_nodes(old)))
        new_run = Run(tuple(inline_nodes(new)))
        if _merge_run(merged, old_run, new_run, mark):
            _add_class(merged, CHANGED)
        return
    _merge_items(merged, old_items, new_items, mark)


def _merge_run(parent: HtmlElement, old: Run, new: Run, mark: Mark) -> bool:
    merged = diff_pieces(pieces(old.nodes), pieces(new.nodes))
    build(parent, merged, mark)
    changed = has_changes(merged)
    if changed and parent.tag in _TEXT_HOLDERS:
        _add_class(parent, CHANGED)
    return changed


# A container whose loose text changed gets the change bar itself.
_TEXT_HOLDERS = frozenset({"li", "div", "blockquote", "td", "th", "dd", "dt"})


def _append_item(parent: HtmlElement, item: Item) -> None:
    if isinstance(item, Run):
        for node in item.nodes:
            if isinstance(node, str):
                append_text(parent, node)
            else:
                parent.append(_detached(node))
    else:
        parent.append(_detached(item))


def _append_whole(parent: HtmlElement, item: Item, state: State, mark: Mark) -> None:
    """A block (or loose text) that is only in one of the documents, all of it marked."""
    if isinstance(item, Run):
        build(parent, [(p, state) for p in pieces(item.nodes)], mark)
        if parent.tag in _TEXT_HOLDERS:
            _add_class(parent, CHANGED)
        return
    block = _detached(item)
    _mark_whole(block, state, mark)
    _add_class(block, INSERTED if state == "ins" else DELETED)
    block.set("data-author", mark.author)
    block.set("datetime", mark.date)
    parent.append(block)


def _mark_whole(el: HtmlElement, state: State, mark: Mark) -> None:
    if state == "del":
        # Its id and spec field path belong to the new document now: the DOCX
        # bookmarks them once, on the new text (prfaqgen comments reads them).
        for sub in el.iter():
            if isinstance(sub.tag, str):
                for name in ("id", "data-field"):
                    sub.attrib.pop(name, None)
    if el.tag in _WHOLE:
        return
    items = _items(el)
    for child in list(el):
        el.remove(child)
    el.text = None
    for item in items:
        if isinstance(item, Run):
            build(el, [(p, state) for p in pieces(item.nodes)], mark)
        else:
            _mark_whole(item, state, mark)
            item.tail = None
            el.append(item)


def _detached(el: HtmlElement) -> HtmlElement:
    copied = copy.deepcopy(el)
    copied.tail = None
    return copied


def _add_class(el: HtmlElement, name: str) -> None:
    classes = el.get("class", "").split()
    if name not in classes:
        el.set("class", " ".join([*classes, name]))
