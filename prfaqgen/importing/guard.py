"""What ``prfaqgen import`` accepts, checked before any reader sees the file.

A draft comes from outside the project (an email attachment, a shared drive),
so it is treated as hostile: its size is bounded, its kind is read from its
bytes and not only its name, a DOCX package is bounded part by part (the same
code as a theme's reference DOCX, prfaqgen/bounded_zip.py) and one that carries
macros is refused. docs/limits.md lists the limits.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import Literal

from prfaqgen.bounded_zip import Bounds, PackageRefused, declares_entities, read_parts
from prfaqgen.errors import DraftError

MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_MARKDOWN_BYTES = 5 * 1024 * 1024
DOCX_BOUNDS = Bounds(
    file_bytes=MAX_DOCX_BYTES,
    part_bytes=20 * 1024 * 1024,
    total_bytes=50 * 1024 * 1024,
    parts=1000,
)
DOCX_SUFFIXES = (".docx",)
MACRO_SUFFIXES = (".docm", ".dotm")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPE = b"macroEnabled"
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")

Format = Literal["docx", "markdown"]


def refuse(path: Path, why: str, todo: str) -> DraftError:
    return DraftError(f"{path}: cannot import: {why}; {todo}")


def draft_format(path: Path) -> Format:
    """The draft's format from its name, after checking that it is a file of a sane size."""
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise refuse(
            path,
            "it is a macro-enabled Word file, and prfaqgen never opens files that carry code",
            "save it from Word as a .docx document (File > Save As > Word Document)",
        )
    if suffix not in DOCX_SUFFIXES + MARKDOWN_SUFFIXES:
        raise refuse(
            path,
            f"prfaqgen reads .docx and .md drafts, not {suffix or 'files without a suffix'}",
            "save the draft as .docx, or as Markdown (.md)",
        )
    kind: Format = "docx" if suffix in DOCX_SUFFIXES else "markdown"
    limit = MAX_DOCX_BYTES if kind == "docx" else MAX_MARKDOWN_BYTES
    try:
        info = path.stat()
    except OSError as exc:
        raise refuse(path, f"it cannot be read ({exc.strerror})", "check the path") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse(path, "it is not a regular file", "give the path of a .docx or .md file")
    if info.st_size == 0:
        raise refuse(path, "it is empty", "give the draft that holds the PR/FAQ's text")
    if info.st_size > limit:
        raise refuse(
            path,
            f"it is {info.st_size:,} bytes, over the limit of {limit:,} for a {suffix} draft",
            "remove large pictures or split the document (see docs/limits.md)",
        )
    return kind


def _sniffed_as(head: bytes) -> str | None:
    """What the first bytes say the file is, when it is not what its name says."""
    if head.startswith(b"%PDF"):
        return "a PDF"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Word (.doc) or encrypted Office file"
    if head.startswith(b"{\\rtf"):
        return "an RTF file"
    if head.startswith(b"PK\x03\x04"):
        return "a zip package (such as a .docx)"
    return None


def docx_parts(path: Path) -> dict[str, bytes]:
    """The DOCX package's parts, bounded; refused if it is not a Word document or has macros."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head.startswith(b"PK\x03\x04"):
        what = _sniffed_as(head) or "not a Word document"
        raise refuse(
            path,
            f"it is {what}, named .docx" if what.startswith("a") else f"it is {what}",
            "open it in its own program and save or export it as a .docx document"
            if what.startswith("a")
            else "save it from Word as a .docx document",
        )
    try:
        parts = read_parts(path, DOCX_BOUNDS)
    except PackageRefused as exc:
        raise refuse(path, str(exc), "save a clean copy from Word (see docs/limits.md)") from None
    types = parts.get("[Content_Types].xml")
    if types is None or "word/document.xml" not in parts:
        raise refuse(
            path,
            "it is a zip package but not a Word document (no word/document.xml)",
            "save it from Word as a .docx document",
        )
    if _MACRO_TYPE in types or any(n.lower().endswith("vbaproject.bin") for n in parts):
        raise refuse(
            path,
            "it carries macros (a vbaProject), and prfaqgen never opens files that carry code",
            "save it from Word as a .docx document without macros",
        )
    if _MAIN_TYPE.encode() not in types:
        raise refuse(
            path,
            "it is not a Word document (a template, or another Office file named .docx)",
            "save it from Word as a .docx document",
        )
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")) and declares_entities(data):
            raise refuse(
                path,
                f"its part {name} declares a DOCTYPE or entities",
                "save a clean copy from Word",
            )
    return parts


def markdown_text(path: Path) -> str:
    """The Markdown draft's text: UTF-8 (a BOM is allowed), no binary bytes."""
    data = path.read_bytes()
    what = _sniffed_as(data[:8])
    if what:
        raise refuse(
            path,
            f"it is {what}, not Markdown text",
            "give a .docx draft its .docx name, or export the text as Markdown",
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise refuse(
            path,
            f"it holds binary data (character U+0000 on line {line}), not text",
            "give the Markdown draft itself",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise refuse(
            path,
            f"it is not UTF-8 text (byte {exc.start + 1}, line {line})",
            "save it as UTF-8 (most editors: Save with Encoding > UTF-8)",
        ) from None
    binary = _BINARY.search(text)
    if binary:
        line = text.count("\n", 0, binary.start()) + 1
        raise refuse(
            path,
            f"it holds binary data (character U+{ord(binary.group()):04X} on line {line}), "
            "not text",
            "give the Markdown draft itself",
        )
    if not text.strip():
        raise refuse(path, "it holds only white space", "give the draft that holds the text")
    return text
