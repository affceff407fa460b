"""Word-level diff of inline HTML: the words of two paragraphs, merged with <ins>/<del>.

Inline content is cut into pieces (a word, a run of white space, one
punctuation mark, or an atom such as an image or a line break), each carrying
the inline elements it sits in (``<em>``, ``<a href>``...). Two paragraphs are
compared piece by piece, so that a word that became bold counts as changed.
The merged content nests ``<ins>``/``<del>`` innermost, inside links and
emphasis, where Word's ``w:ins``/``w:del`` may stand (inside ``w:hyperlink``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, TypeAlias

import lxml.html
from lxml.html import HtmlElement

Node: TypeAlias = str | HtmlElement
State = Literal["eq", "ins", "del"]
Frame = tuple[str, tuple[tuple[str, str], ...]]
"""An inline element a piece sits in: its tag and attributes."""

# Elements that are one piece however much they hold: they have no words to compare.
_ATOMS = frozenset({"img", "br", "wbr", "hr", "input", "svg", "math"})
_FIELD_CLASSES = frozenset({"page-number", "page-count"})
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")
_SPACE = re.compile(r"\s+")
# Pieces compared word by word at most (old x new): bounded time for any text.
_MAX_WORD_PAIRS = 4_000_000
CHANGE_CLASS = "change"
"""The class of the <ins>/<del> elements a diff adds (an <ins> in a spec is not one)."""


@dataclass(frozen=True)
class Mark:
    """Who made the changes and when: written on every <ins>/<del> and changed block."""

    author: str
    date: str
    """ISO 8601 UTC, as Word writes ``w:date`` (2026-11-22T00:00:00Z)."""


@dataclass(frozen=True)
class Piece:
    """One word, space, punctuation mark or atom element, and the elements around it."""

    text: str | None
    atom: HtmlElement | None
    frames: tuple[Frame, ...]

    @property
    def key(self) -> tuple[str, tuple[Frame, ...]]:
        if self.atom is not None:
            return (lxml.html.tostring(self.atom, encoding="unicode", with_tail=False), self.frames)
        return (self.text or "", self.frames)

    @property
    def is_space(self) -> bool:
        return self.atom is None and not (self.text or "").strip()


def pieces(nodes: Sequence[Node], frames: tuple[Frame, ...] = ()) -> list[Piece]:
    """The pieces of inline ``nodes`` (text and elements; tails are separate nodes)."""
    out: list[Piece] = []
    for node in nodes:
        if isinstance(node, str):
            out.extend(_text_pieces(node, frames))
            continue
        if not isinstance(node.tag, str):
            continue
        if node.tag in _ATOMS or _FIELD_CLASSES.intersection(node.classes):
            out.append(Piece(None, node, frames))
            continue
        frame = (node.tag, tuple(sorted(node.attrib.items())))
        out.extend(pieces(inline_nodes(node), (*frames, frame)))
    return out


def inline_nodes(el: HtmlElement) -> list[Node]:
    """The text and children of ``el`` in order, tails as text nodes; comments dropped."""
    nodes: list[Node] = [el.text] if el.text else []
    for child in el:
        if isinstance(child.tag, str):
            nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def _text_pieces(text: str, frames: tuple[Frame, ...]) -> list[Piece]:
    return [
        Piece(" " if token.isspace() else token, None, frames) for token in _TOKEN.findall(text)
    ]


def diff_pieces(old: Sequence[Piece], new: Sequence[Piece]) -> list[tuple[Piece, State]]:
    """``old`` and ``new`` merged, each piece marked equal, inserted or deleted.

    Sentences are compared first and only changed ones word by word: a long
    paragraph costs what its changed sentences cost.
    """
    old_sentences, new_sentences = _sentences(old), _sentences(new)
    if len(old_sentences) <= 1 and len(new_sentences) <= 1:
        return _diff_words(old, new)
    matcher = SequenceMatcher(
        None,
        [tuple(p.key for p in s) for s in old_sentences],
        [tuple(p.key for p in s) for s in new_sentences],
        autojunk=False,
    )
    merged: list[tuple[Piece, State]] = []
    for opcode, i1, i2, j1, j2 in matcher.get_opcodes():
        changed_new = [p for sentence in new_sentences[j1:j2] for p in sentence]
        if opcode == "equal":
            merged += [(p, "eq") for p in changed_new]
        else:
            changed_old = [p for sentence in old_sentences[i1:i2] for p in sentence]
            merged += _diff_words(changed_old, changed_new)
    return merged


def _sentences(run: Sequence[Piece]) -> list[list[Piece]]:
    """``run`` cut after each full stop, question or exclamation mark and its space."""
    out: list[list[Piece]] = [[]]
    for index, piece in enumerate(run):
        out[-1].append(piece)
        ends = index > 0 and piece.is_space and run[index - 1].text in (".", "!", "?")
        if ends:
            out.append([])
    return [sentence for sentence in out if sentence]


def _diff_words(old: Sequence[Piece], new: Sequence[Piece]) -> list[tuple[Piece, State]]:
    """Word-level merge. A space or a lone punctuation mark left equal between two
    changes joins them, so that a rewritten phrase reads as one deletion and one
    insertion instead of alternating fragments. Past ``_MAX_WORD_PAIRS`` (a
    sentence of thousands of words rewritten), the whole is deleted and inserted."""
    if len(old) * len(new) > _MAX_WORD_PAIRS:
        return [(p, "del") for p in old] + [(p, "ins") for p in new]
    matcher = SequenceMatcher(None, [p.key for p in old], [p.key for p in new], autojunk=False)
    spans: list[tuple[str, list[Piece], list[Piece]]] = []
    for opcode, i1, i2, j1, j2 in matcher.get_opcodes():
        spans.append((opcode, list(old[i1:i2]), list(new[j1:j2])))
    for index in range(1, len(spans) - 1):
        kind, a, b = spans[index]
        if (
            kind == "equal"
            and spans[index - 1][0] != "equal"
            and spans[index + 1][0] != "equal"
            and _is_glue(a)
        ):
            spans[index] = ("replace", a, b)
    merged: list[tuple[Piece, State]] = []
    deleted: list[Piece] = []
    inserted: list[Piece] = []
    for kind, a, b in spans:
        if kind == "equal":
            merged += [(p, "del") for p in deleted] + [(p, "ins") for p in inserted]
            deleted, inserted = [], []
            merged += [(p, "eq") for p in b]
        else:
            deleted += a
            inserted += b
    merged += [(p, "del") for p in deleted] + [(p, "ins") for p in inserted]
    return merged


def _is_glue(run: Sequence[Piece]) -> bool:
    """A run too slight to stand between two changes: spaces, or one mark and spaces."""
    words = [p for p in run if not p.is_space]
    return len(words) == 0 or (
        len(words) == 1 and words[0].atom is None and not (words[0].text or "").isalnum()
    )


def has_changes(merged: Sequence[tuple[Piece, State]]) -> bool:
    return any(state != "eq" for _, state in merged)


def build(parent: HtmlElement, merged: Sequence[tuple[Piece, State]], mark: Mark) -> None:
    """Append the merged pieces to ``parent``, re-creating the inline elements around them."""
    open_frames: list[tuple[Frame, HtmlElement]] = []
    for piece, state in merged:
        wanted = list(piece.frames)
        if state != "eq":
            wanted.append(_change_frame(state, mark))
        keep = 0
        while (
            keep < len(open_frames) and keep < len(wanted) and open_frames[keep][0] == wanted[keep]
        ):
            keep += 1
        del open_frames[keep:]
        for frame in wanted[keep:]:
            holder = open_frames[-1][1] if open_frames else parent
            el = holder.makeelement(frame[0], dict(frame[1]))
            holder.append(el)
            open_frames.append((frame, el))
        target = open_frames[-1][1] if open_frames else parent
        if piece.atom is not None:
            atom = copy.deepcopy(piece.atom)
            atom.tail = None
            target.append(atom)
        else:
            append_text(target, piece.text or "")


def _change_frame(state: State, mark: Mark) -> Frame:
    attrs = {"class": CHANGE_CLASS, "data-author": mark.author, "datetime": mark.date}
    return (state, tuple(sorted(attrs.items())))


def append_text(el: HtmlElement, text: str) -> None:
    """Add ``text`` at the end of ``el``'s content."""
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def plain_text(nodes: Sequence[Node]) -> str:
    """The words of inline ``nodes``, white space collapsed (for matching blocks)."""
    parts = [n if isinstance(n, str) else n.text_content() for n in nodes]
    return _SPACE.sub(" ", "".join(parts)).strip()
