"""Write templates/theme/fonts/metrics.json: the built-in fonts' family, style and widths.

The DOCX writer sizes table columns from the advance widths of the fonts the
client shows (prfaqgen/writers/docx/measure.py). Reading the built-in Carlito
files with fontTools costs more than writing the rest of a DOCX, so their
facts are read once, here, and shipped beside them; a font file whose size no
longer matches is read with fontTools again. tests/writers/test_font_metrics.py
fails when this file is stale.

Run from the repository root after changing a font in templates/theme/fonts;
the output is the same bytes on every run:

    python scripts/make_font_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from prfaqgen.writers.docx.measure import BUILTIN_METRICS, font_facts

FONTS = Path(__file__).resolve().parent.parent / "templates" / "theme" / "fonts"


def build(folder: Path = FONTS) -> str:
    """The JSON text of every font file in ``folder``, by file name."""
    facts = {path.name: font_facts(path) for path in sorted(folder.glob("*.ttf"))}
    return json.dumps(facts, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> None:
    (FONTS / BUILTIN_METRICS).write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
