"""Characters a document cannot hold: refused at the field, in the spec stage.

PDF (through HTML) and DOCX (XML) can only carry characters that XML 1.0
allows and UTF-8 can encode. A YAML escape can still produce others (``\\a``,
``\\e``, ``\\uFFFE``, a lone surrogate ``\\uD800``). The rule is one: such a
character is refused with a located error, so ``validate`` and ``render``
agree and no writer ever sees it. Tab, newline and carriage return are fine.
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
