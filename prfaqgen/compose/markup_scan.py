"""Warnings for template markup outside the HTML vocabulary, at the template's line.

The DOCX writer writes an element it does not know as plain paragraphs of its
text, so a template author should hear about it where they wrote it, not find
it in a reviewer's Word file. The scan reads the template sources (not the
rendered HTML, which no longer knows lines): every literal start tag outside
:data:`prfaqgen.compose.vocabulary.ELEMENTS`, Jinja comments skipped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from prfaqgen.compose.vocabulary import ELEMENTS
from prfaqgen.diagnostics import Diagnostic

_COMMENT = re.compile(r"\{#.*?#\}|<!--.*?-->", re.DOTALL)
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_ATTACHMENT = re.compile(
    r"""<(?:a|link)\b[^>]*\brel\s*=\s*["']?[^"'>]*\battachment\b""", re.IGNORECASE
)
TEMPLATE_SUFFIXES = (".j2", ".html", ".htm", ".jinja", ".jinja2")


def scan_templates(folder: Path) -> list[Diagnostic]:
    """Warnings for every template file directly in or below ``folder``."""
    root = os.path.realpath(folder)
    files = sorted(
        p for p in folder.rglob("*") if p.name.endswith(TEMPLATE_SUFFIXES) and p.is_file()
    )
    found: list[Diagnostic] = []
    for path in files:
        real = os.path.realpath(path)
        if os.path.commonpath([real, root]) != root:
            continue  # never read outside the folder; the loader refuses such links

        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the template loader reports unreadable templates it needs
        found.extend(scan_source(str(path), source))
    return found


def scan_source(name: str, source: str) -> Iterable[Diagnostic]:
    """Warnings for the start tags in ``source`` that are outside the vocabulary,
    and for links that ask the PDF to embed a file."""
    blanked = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), source)
    for match in _ATTACHMENT.finditer(blanked):
        line, column = _position(blanked, match.start())
        yield Diagnostic(
            name,
            line,
            column,
            "",
            'rel="attachment" is refused: prfaqgen never embeds a file in the PDF '
            "(an <a> stays a plain link, a <link> is dropped); link to the file instead",
            "warning",
        )
    for match in _START_TAG.finditer(blanked):
        tag = match.group(1).lower()
        if tag in ELEMENTS:
            continue
        line, column = _position(blanked, match.start())
        yield Diagnostic(
            name,
            line,
            column,
            "",
            f"<{tag}> is outside the HTML vocabulary both writers understand "
            "(docs/templates.md): the DOCX shows only its text",
            "warning",
        )


def _position(source: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``source``."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1
