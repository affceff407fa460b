"""The Acme theme of docs/themes.md, built exactly from the blocks that page shows."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from PIL import Image

from prfaqgen.themes.scaffold import new_theme

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "themes.md"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf")
_BLOCK = re.compile(r"^```\w+ file=(\S+)( append)?\n(.*?)^```", re.M | re.S)

sys.path.insert(0, str(ROOT / "tests" / "e2e"))


def docs_blocks() -> list[tuple[str, bool, str]]:
    """``(file name, append?, text)`` of every ``file=`` code block in docs/themes.md."""
    return [(m[1], bool(m[2]), m[3]) for m in _BLOCK.finditer(DOCS.read_text(encoding="utf-8"))]


def build_acme(parent: Path) -> Path:
    """``prfaqgen theme new acme``, then the docs' edits, fonts and a logo."""
    folder = new_theme("acme", parent)
    for name, append, text in docs_blocks():
        target = folder / name
        if append:
            target.write_text(target.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        else:
            target.write_text(text, encoding="utf-8")
    for font in FONTS:
        shutil.copyfile(DEJAVU / font, folder / "fonts" / font)
    # 1000 dpi: 0.12 inch high in the DOCX, which takes an image at its natural size.
    Image.new("RGB", (360, 120), (11, 83, 148)).save(folder / "logo.png", dpi=(1000, 1000))
    return folder


def fonts_available() -> bool:
    return all((DEJAVU / font).is_file() for font in FONTS)
