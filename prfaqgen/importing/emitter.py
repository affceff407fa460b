"""Write placed spec data as YAML a person reads: block scalars for prose, comments for where.

PyYAML's dumper would write long prose as folded, quoted lines; specs are
edited by hand, so prose is written as literal blocks (``|``), one-line
fields as plain scalars where YAML keeps them as text, quoted otherwise, and
each part carries a comment naming where in the draft it came from.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from prfaqgen.importing.assemble import Placed

_PLAIN_OK = re.compile(r"^[A-Za-z0-9(][^\n]*$")
_PLAIN_BAD = re.compile(
    r":\s|\s#|:$|^(?:true|false|yes|no|on|off|null|~|y|n)$|^[\d.+-]+$", re.IGNORECASE
)
# Characters YAML reads as line breaks or marks (PyYAML: NEL, LS, PS, BOM), and controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_INDENT = "  "
# Inline fields stay on one line however long: a block scalar would add a newline.
_ONE_LINE = {
    "title",
    "headline",
    "subheadline",
    "location",
    "outlet",
    "q",
    "name",
    "role",
    "author",
}


def emit(
    placed: Placed,
    draft_name: str,
    front_matter: list[str] | None = None,
    unread: list[str] | None = None,
) -> str:
    lines = [
        f"# Imported from {draft_name} by `prfaqgen import`; check it with `prfaqgen validate`.",
        "# Each part says where in the draft it came from. Replace every TODO with your own words.",
    ]
    gaps = [g for g in placed.gaps if not g.todo]
    if gaps:
        lines.append("# Not found in the draft (add them if the document needs them):")
        for gap in gaps:
            lines.append(f"# - {gap.path}: {gap.message()}")
    if unread:
        lines.append("# Not imported from the draft:")
        lines.extend(f"# - {note}" for note in unread)
    if front_matter:
        lines.append("# The draft's front matter (no place in the spec for it):")
        lines.extend(f"#   {line}".rstrip() for line in front_matter)
    lines.append("")
    _mapping(placed.data, (), 0, lines, placed)
    return "\n".join(lines).rstrip("\n") + "\n"


def _mapping(
    data: dict[str, Any], path: tuple[str, ...], depth: int, lines: list[str], placed: Placed
) -> None:
    pad = _INDENT * depth
    for key, value in data.items():
        dotted = ".".join((*path, key))
        where = placed.sources.get(dotted)
        todo = next((g for g in placed.gaps if g.path == dotted and g.todo), None)
        if todo:
            lines.append(f"{pad}# {key}: {todo.message()}")
        elif where and not isinstance(value, list):
            lines.append(f"{pad}# from {where}")
        _entry(f"{pad}{_inline(key)}:", value, (*path, key), depth, lines, placed)


def _entry(
    head: str, value: Any, path: tuple[str, ...], depth: int, lines: list[str], placed: Placed
) -> None:
    if isinstance(value, dict):
        lines.append(head)
        _mapping(value, path, depth + 1, lines, placed)
    elif isinstance(value, list):
        lines.append(head)
        pad = _INDENT * (depth + 1)
        for number, item in enumerate(value):
            dotted = ".".join(path) + f"[{number}]"
            if dotted in placed.sources:
                lines.append(f"{pad}# from {placed.sources[dotted]}")
            if isinstance(item, dict):
                first = True
                for key, sub in item.items():
                    prefix = f"{pad}- " if first else f"{pad}  "
                    _entry(f"{prefix}{key}:", sub, (*path, key), depth + 2, lines, placed)
                    first = False
            else:
                _scalar(f"{pad}-", item, depth + 2, lines)
    else:
        _scalar(head, value, depth + 1, lines, path[-1] if path else "")


def _scalar(head: str, value: Any, depth: int, lines: list[str], path_key: str = "") -> None:
    if isinstance(value, date):
        lines.append(f"{head} {value.isoformat()}")
    elif isinstance(value, int):
        lines.append(f"{head} {value}")
    else:
        text = str(value)
        if "\n" in text or (len(text) > 80 and path_key not in _ONE_LINE):
            block = _block(text, depth)
            if block is not None:
                lines.append(f"{head} |")
                lines.extend(block)
                return
        lines.append(f"{head} {_inline(text)}")


def _block(text: str, depth: int) -> list[str] | None:
    """A literal block for ``text``, or None when a block scalar would not give it back exactly.

    A block keeps every character but leading and trailing blank lines, which
    prose never needs; it cannot hold white space at a line's end (a Markdown
    hard break), a first line that starts with a space, or YAML's other line breaks.
    """
    body = text.strip("\n").split("\n")
    if not body[0] or body[0][0] in " \t" or any(line != line.rstrip() for line in body):
        return None
    if _UNSAFE.search(text.replace("\n", "")):
        return None
    pad = _INDENT * depth
    return [pad + line if line else "" for line in body]


def _inline(text: str) -> str:
    """A plain scalar when YAML reads it back as this very text, else a double-quoted one."""
    if (
        _PLAIN_OK.match(text)
        and not _PLAIN_BAD.search(text)
        and not _UNSAFE.search(text)
        and text == text.strip()
        and "\\" not in text
        and not text.endswith(":")
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted ones
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
