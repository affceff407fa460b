"""The draft as a reader sees it: blocks in order, each as Markdown, whatever the format.

Both readers (DOCX, Markdown) produce this; the placer reads only this. A block
keeps where it stands in the draft (``paragraph 12``, ``line 40``) so that the
gap report and the YAML comments can point the author back to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Kind = Literal["heading", "para", "list", "quote", "code", "table", "image", "rule"]


@dataclass
class Block:
    kind: Kind
    markdown: str
    """The block as Markdown, the author's words and inline marks kept."""
    plain: str
    """The text without marks, one line, for recognising labels and cues."""
    where: str
    """``paragraph 12`` (DOCX) or ``line 40`` (Markdown)."""
    level: int = 0
    """A heading's level (1..6)."""
    style: str = ""
    """The Word paragraph style (``Headline``, ``Quotation``...), empty for Markdown."""
    items: list[Block] = field(default_factory=list)
    """A list's items, each a block of its own (FAQ questions can be list items)."""
    ordered: bool = False
    attribution: bool = False
    """A line that says who said the quote before it (``— Dana Kim, VP``)."""
    field: str | None = None
    """The spec field a DOCX that prfaqgen rendered marks this block with, if any."""


@dataclass
class Draft:
    """One read draft: its blocks, what its file properties say, and its images."""

    name: str
    blocks: list[Block]
    title: str | None = None
    author: str | None = None
    date: date | None = None
    header: str | None = None
    """The running header's text, when the draft has one (DOCX)."""
    keywords: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    """What the draft holds that is not imported (text boxes, footnotes, comments)."""
    front_matter: list[str] = field(default_factory=list)
    """A Markdown draft's front matter lines, kept as a comment in the spec."""
    images: dict[str, bytes] = field(default_factory=dict)
    """Pictures taken out of the draft: file name -> bytes, written beside the spec."""
