"""What a field's text may hold, refused at the field in the spec stage (docs/limits.md).

Characters: PDF (through HTML) and DOCX (XML) can only carry characters that
XML 1.0 allows and UTF-8 can encode. A YAML escape can still produce others
(``\\a``, ``\\e``, ``\\uFFFE``, a lone surrogate ``\\uD800``); such a character is
refused with a located error, so ``validate`` and ``render`` agree and no
writer ever sees it. Tab, newline and carriage return are fine.

Sizes: the writers' work grows faster than linearly on some shapes of text (one
enormous word, thousands of lines in one block, emphasis nested hundreds
deep, which also exhausts WeasyPrint's recursion). No real PR/FAQ comes near
these limits; a hostile or generated spec gets a located error instead of a
render that never ends.
"""

from __future__ import annotations

import re

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import SourceMap, text_values

# Outside XML 1.0's Char production, plus surrogates (which UTF-8 cannot encode).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def character_errors(data: object, name: str, source_map: SourceMap) -> list[Diagnostic]:
    """One error per string (key or value) holding a character no document can carry."""
    out = []
    for path, text in text_values(data, keys=True):
        match = _FORBIDDEN.search(text)
        if match is None:
            continue
        line = text.count("\n", 0, match.start())
        pos = source_map.of_text_line(path, line) if line else source_map.of_value(path)
        code = f"U+{ord(match.group()):04X}"
        out.append(
            Diagnostic(
                name,
                pos.line,
                pos.column,
                format_path(path),
                f"contains the control or non-character {code}, which PDF and DOCX cannot "
                "hold: remove it (check for a stray YAML escape such as \\a, \\e or \\u)",
            )
        )
    return out


MAX_FIELD_CHARS = 50_000
MAX_FIELD_LINES = 3_000
MAX_EMPHASIS_RUN = 12
# A run of emphasis delimiters that touches text can open or close emphasis;
# a line of only ``*`` or ``_`` (a rule) cannot.
_RUN = MAX_EMPHASIS_RUN + 1
_EMPHASIS_RUN = re.compile(rf"(?:\*{{{_RUN},}}|_{{{_RUN},}})(?=[^\s*_])")


def limit_errors(data: object, name: str, source_map: SourceMap) -> list[Diagnostic]:
    """One error per string over a limit."""
    out = []
    for path, text in text_values(data):
        why = _problem(text)
        if why:
            pos = source_map.of_value(path)
            out.append(Diagnostic(name, pos.line, pos.column, format_path(path), why))
    return out


def _problem(text: str) -> str:
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > MAX_FIELD_LINES:
        return (
            f"has {lines:,} lines, over the limit of {MAX_FIELD_LINES:,}: shorten it "
            "(see docs/limits.md)"
        )
    if len(text) > MAX_FIELD_CHARS:
        return (
            f"is {len(text):,} characters long, over the limit of {MAX_FIELD_CHARS:,}: "
            "shorten it or split it into several fields (see docs/limits.md)"
        )
    match = _EMPHASIS_RUN.search(text)
    if match:
        return (
            f"has a run of {len(match.group())} `{match.group()[0]}` characters: emphasis may "
            f"nest at most {MAX_EMPHASIS_RUN} markers deep; escape them as `\\*` or shorten "
            "the run (see docs/limits.md)"
        )
    return ""
