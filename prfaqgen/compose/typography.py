"""Typographic punctuation in rendered prose: curly quotes and apostrophes, en and em dashes.

A press release is set like one: “quotes”, it’s, 2026 – 2027, an aside — like this.
Authors type straight quotes and hyphens in YAML; both writers get the typographic
characters from the compose stage, so the PDF and the DOCX agree. Code and URLs are
never touched: Markdown code spans, code blocks and link targets are not text tokens,
and plain fields go through :func:`smart_text`, which sees no Markdown at all.

Only these rules apply (not markdown-it's ``replacements``, which would turn the
"(c)" of a list "(a), (b), (c)" into ©):

- ``---`` becomes an em dash, ``--`` an en dash;
- a hyphen with a space on each side (``a - b``) becomes an en dash;
- straight double and single quotes become curly ones; an apostrophe inside or at
  the end of a word (it's, the '90s, clients') becomes ’.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

_EM = re.compile(r"(?<!-)---(?!-)")
_EN = re.compile(r"(?<!-)--(?!-)")
_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")
# A URL written as plain text (no Markdown link): everything up to white space.
_URL = re.compile(r"((?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+)")
_OPENING_CONTEXT = frozenset(" \t\n\r\f\v([{\u00a0\u2013\u2014/“‘")


def smart_dashes(text: str) -> str:
    """``---`` -> em dash, ``--`` and a spaced hyphen -> en dash; URLs kept as typed."""
    if "-" not in text:
        return text
    parts = _URL.split(text)
    for i in range(0, len(parts), 2):  # even parts are outside URLs
        part = _EM.sub("\u2014", parts[i])
        part = _EN.sub("\u2013", part)
        parts[i] = _SPACED_HYPHEN.sub("\u2013", part)
    return "".join(parts)


def smart_text(text: str) -> str:
    """Plain text (a title, a name, a role) with typographic quotes and dashes."""
    text = smart_dashes(text)
    if '"' not in text and "'" not in text:
        return text
    if _URL.search(text):
        parts = _URL.split(text)
        return "".join(p if i % 2 else _smart_quotes(p) for i, p in enumerate(parts))
    return _smart_quotes(text)


def _smart_quotes(text: str) -> str:
    out: list[str] = []
    open_double = False
    for i, char in enumerate(text):
        before = text[i - 1] if i else " "
        if char == '"':
            opening = before in _OPENING_CONTEXT or (not open_double and not before.isalnum())
            out.append("“" if opening and not open_double else "”")
            open_double = opening and not open_double
        elif char == "'":
            after = text[i + 1] if i + 1 < len(text) else " "
            if before in _OPENING_CONTEXT and after.isalnum() and not _is_elision(text, i):
                out.append("‘")
            else:
                out.append("’")
        else:
            out.append(char)
    return "".join(out)


def _is_elision(text: str, i: int) -> bool:
    """'90s, 'tis: an apostrophe that opens a word rather than a quotation."""
    rest = text[i + 1 : i + 4]
    return rest[:2].isdigit() or rest.lower().startswith(("tis", "twa", "em "))


def enable_typography(md: MarkdownIt) -> MarkdownIt:
    """Curly quotes (markdown-it's smartquotes) and the dash rules above for ``md``."""
    md.options["typographer"] = True
    md.enable("smartquotes")
    md.core.ruler.after("smartquotes", "prfaqgen_dashes", _dash_rule)
    return md


def _dash_rule(state: StateCore) -> None:
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        in_autolink = 0
        for child in token.children:
            if child.type == "link_open" and child.info == "auto":
                in_autolink += 1
            elif child.type == "link_close" and child.info == "auto":
                in_autolink -= 1
            elif child.type == "text" and not in_autolink:
                child.content = smart_dashes(child.content)
