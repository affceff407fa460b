"""Warnings for text that ``prfaqgen new`` wrote and the author has not replaced yet.

The scaffold validates as written so that an author can fill it in one field at a
time; without these warnings a spec made only of TODOs would pass ``validate
--strict``. Each placeholder starts with ``TODO:`` and says what belongs there, so
the warning quotes it. (The lint rule ``placeholder-left`` reports the same text
for teams that run ``prfaqgen lint``; keep the wording alike.)
"""

from __future__ import annotations

import re
from typing import Any

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import SourceMap, text_values

SCAFFOLD_MARK = "TODO:"
# The scaffold's placeholder tag (`tags: [todo]`).
_SCAFFOLD_TAG = ("meta", "tags")
_MAX_QUOTE = 160


def unfilled_warnings(data: Any, file: str, source_map: SourceMap) -> list[Diagnostic]:
    """A warning for each field that still holds a scaffold placeholder."""
    out = []
    for path, text in text_values(data):
        if path[:-1] == _SCAFFOLD_TAG and text.strip() == "todo":
            message = 'still holds the scaffold text "todo": replace it with your own tags'
        elif text.lstrip().startswith(SCAFFOLD_MARK):
            message = (
                f'still holds the scaffold text "{_quote(text)}": replace it with what it asks for'
            )
        else:
            continue
        pos = source_map.of_text_line(path, 0)
        out.append(Diagnostic(file, pos.line, pos.column, format_path(path), message, "warning"))
    return out


def _quote(text: str) -> str:
    """The placeholder's first paragraph on one line, shortened if long."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    flat = " ".join(first.split())
    return flat if len(flat) <= _MAX_QUOTE else flat[: _MAX_QUOTE - 3].rsplit(" ", 1)[0] + "..."
