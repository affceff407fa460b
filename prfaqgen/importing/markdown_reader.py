"""Read a Markdown draft with markdown-it-py into the draft model.

markdown-it-py is the parser prfaqgen already uses for prose fields, so a draft
is split into blocks by the same CommonMark (plus tables) rules that later
render it. Each block keeps the author's own source lines, so nothing is
re-written: emphasis, links, lists and tables come through as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from prfaqgen.importing.cues import parse_date
from prfaqgen.importing.draft import Block, Draft
from prfaqgen.importing.guard import markdown_text
from prfaqgen.spec.images import new_parser

_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "para",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "blockquote_open": "quote",
    "fence": "code",
    "code_block": "code",
    "table_open": "table",
    "hr": "rule",
    "html_block": "para",
}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
_MAX_IMAGE_BYTES = 20 * 1024 * 1024
_ITEM_MARKER = re.compile(r"^\s*(?:[-+*]|\d{1,9}[.)])\s?")


def read_markdown(path: Path, image_prefix: str) -> Draft:
    text = markdown_text(path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    draft = Draft(name=str(path), blocks=[])
    front = _front_matter(lines)
    if front:
        draft.front_matter = lines[1 : front - 1]
        _meta_from_front(draft)
        lines = [""] * front + lines[front:]  # blank, so that line numbers stay the draft's
    tokens = new_parser().parse("\n".join(lines))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = _KINDS.get(token.type)
        if kind is None or token.level != 0 or token.map is None:
            index += 1
            continue
        end = _close(tokens, index)
        first, last = token.map
        source = "\n".join(lines[first:last]).strip("\n")
        inner = tokens[index : end + 1]
        block = Block(
            kind,  # type: ignore[arg-type]
            source,
            _plain(inner),
            f"line {first + 1}",
        )
        if kind == "heading":
            block.level = int(token.tag[1])
            block.markdown = tokens[index + 1].content
        elif kind == "list":
            block.ordered = token.type == "ordered_list_open"
            block.items = _items(inner, lines)
        draft.blocks.append(block)
        index = end + 1
    for block in draft.blocks:
        if block.kind != "code":
            block.markdown = _line_ends(block.markdown)
            for item in block.items:
                item.markdown = _line_ends(item.markdown)
    _take_images(draft, path.parent, image_prefix)
    return draft


def _line_ends(markdown: str) -> str:
    """Spaces at a line's end, written as CommonMark reads them, so prose fits a YAML block.

    Two or more make a hard line break, which a backslash says as well; one means
    nothing. (Code keeps its spaces: there they are text.)
    """
    markdown = re.sub(r"[ \t]{2,}\n", "\\\n", markdown)
    return re.sub(r"[ \t]+\n", "\n", markdown).rstrip(" \t")


def _front_matter(lines: list[str]) -> int:
    """The number of lines of a ``---`` front matter block at the top, or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 60)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def _meta_from_front(draft: Draft) -> None:
    for line in draft.front_matter:
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if not value:
            continue
        if key == "title":
            draft.title = value
        elif key in ("author", "owner"):
            draft.author = value
        elif key == "date":
            draft.date = parse_date(value)


def _close(tokens: list[Token], start: int) -> int:
    """The index of the token that closes the block opened at ``start``."""
    if tokens[start].nesting != 1:
        return start
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _plain(tokens: list[Token]) -> str:
    words: list[str] = []
    for token in tokens:
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    words.append(" ")
        elif token.type in ("fence", "code_block", "html_block"):
            words.append(token.content)
    return " ".join("".join(words).split())


def _items(tokens: list[Token], lines: list[str]) -> list[Block]:
    items = []
    base = tokens[0].level
    for index, token in enumerate(tokens):
        if token.type != "list_item_open" or token.level != base + 1 or token.map is None:
            continue
        end = _close(tokens, index)
        first, last = token.map
        body = lines[first:last]
        head = _ITEM_MARKER.sub("", body[0], count=1)
        indent = len(body[0]) - len(head) if head else len(body[0])
        rest = [
            line[indent:] if line[:indent].strip() == "" else line.lstrip() for line in body[1:]
        ]
        markdown = "\n".join([head, *rest]).strip("\n")
        items.append(Block("para", markdown, _plain(tokens[index : end + 1]), f"line {first + 1}"))
    return items


def _take_images(draft: Draft, folder: Path, prefix: str) -> None:
    """Local pictures are copied beside the spec; a picture on the web becomes a link."""
    root = folder.resolve()
    image = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?[^)]*\)")

    def replace(match: re.Match[str]) -> str:
        return _image(draft, root, match.group(2), prefix).format(alt=match.group(1))

    for block in draft.blocks:
        block.markdown = image.sub(replace, block.markdown)
        for item in block.items:
            item.markdown = image.sub(replace, item.markdown)


def _image(draft: Draft, root: Path, src: str, prefix: str) -> str:
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", src):
        return "[{alt}](" + src + ")"
    try:
        file = (root / src).resolve()
        data = file.read_bytes() if file.is_relative_to(root) and file.is_file() else b""
    except (OSError, ValueError):
        data = b""
    if not data or len(data) > _MAX_IMAGE_BYTES or not data.startswith(_IMAGE_MAGIC):
        return "{alt} (picture " + src + " not imported: not a PNG, JPEG or GIF beside the draft)"
    ext = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"GIF8": "gif"}[
        next(m for m in _IMAGE_MAGIC if data.startswith(m))
    ]
    name = f"image{len(draft.images) + 1}.{ext}"
    draft.images[name] = data
    return "![{alt}](" + f"{prefix}/{name})"
