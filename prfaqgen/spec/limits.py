"""Size limits on a spec's text, refused at the field's line (see docs/limits.md).

The writers' work grows faster than linearly on some shapes of text (one
enormous word, thousands of lines in one block, emphasis nested hundreds
deep, which also exhausts WeasyPrint's recursion). No real PR/FAQ comes near
these limits; a hostile or generated spec gets a located error instead of a
render that never ends.
"""

from __future__ import annotations

import re

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import SourceMap, text_values

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
