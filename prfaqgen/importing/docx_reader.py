"""Read a DOCX draft with python-docx's reading API into the draft model.

python-docx is already how prfaqgen writes DOCX, so it costs no new dependency,
and its object model (styles by name, core properties, related parts for
pictures) gives what placing needs: Word heading styles, list styles and
numbering, bold runs, hyperlinks. The package is bounded and checked first
(guard.py) and python-docx reads only those checked bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from lxml import etree

from prfaqgen.importing.draft import Block, Draft, Kind
from prfaqgen.importing.guard import docx_parts, refuse
from prfaqgen.importing.inline import Span, plain, to_markdown
from prfaqgen.writers.docx.fields import PART_NAMESPACE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_HEADING = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_LIST_LEVEL = re.compile(r"list (?:bullet|number|paragraph|continue)\s*(\d)?", re.IGNORECASE)
_MONO = re.compile(r"courier|consol|menlo|monaco|mono|source code", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_IMAGE_TYPES = {b"\x89PNG": "png", b"\xff\xd8\xff": "jpg", b"GIF8": "gif"}
_WRAPPERS = {f"{W}{t}" for t in ("ins", "smartTag", "customXml", "sdt", "sdtContent", "fldSimple")}
_SKIPPED = {f"{W}{t}" for t in ("del", "moveFrom", "pPr", "proofErr", "bookmarkStart")}


def read_docx(path: Path, image_prefix: str) -> Draft:
    """The draft at ``path``; pictures become ``image_prefix/imageN.ext`` references."""
    parts = docx_parts(path)
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    try:
        return _read(Document(package), parts, path, image_prefix)
    except Exception as exc:
        # python-docx and lxml raise many kinds of error for a damaged part (a style
        # that is not one, a broken relationship): each is the same answer to the user.
        raise refuse(
            path,
            f"it is a damaged Word document ({type(exc).__name__}: {exc})",
            "open it in Word and save it again",
        ) from None


def _read(document: DocxDocument, parts: dict[str, bytes], path: Path, prefix: str) -> Draft:
    reader = _Reader(document, path.name, prefix)
    reader.read_body(_field_paths(parts))
    props = document.core_properties
    when = props.modified or props.created
    header = None
    if document.sections:
        header = " ".join(p.text for p in document.sections[0].header.paragraphs).strip() or None
    return Draft(
        name=str(path),
        blocks=reader.blocks,
        title=(props.title or "").strip() or None,
        author=(props.author or "").strip() or None,
        date=date(when.year, when.month, when.day) if when else None,
        header=header,
        keywords=[k.strip() for k in re.split(r"[,;]", props.keywords or "") if k.strip()],
        images=reader.images,
        unread=_unread(parts, document),
    )


def _field_paths(parts: dict[str, bytes]) -> dict[str, str]:
    """Bookmark name -> spec path, from the custom XML part of a DOCX prfaqgen rendered.

    The bookmarks say exactly which spec field each paragraph came from, so a
    rendered (and since edited) document is placed by them, not by guessing.
    """
    for name in sorted(n for n in parts if n.startswith("customXml/item") and n.endswith(".xml")):
        try:
            root = etree.fromstring(parts[name], _PARSER)
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{PART_NAMESPACE}}}fields":
            return {
                f.get("bookmark", ""): f.get("path", "")
                for f in root.iter(f"{{{PART_NAMESPACE}}}field")
                if f.get("bookmark") and f.get("path")
            }
    return {}


def _unread(parts: dict[str, bytes], document: DocxDocument) -> list[str]:
    """What the draft holds outside its body text, which import does not carry over.

    Said in the gap report and the YAML's header, so that nothing goes missing unseen.
    """
    body = document.element.body
    out = []
    boxes = len(list(body.iter(f"{W}txbxContent")))
    if boxes:
        out.append(f"{boxes} text box(es): copy their text into the spec by hand")
    footnotes = parts.get("word/footnotes.xml", b"").count(b"<w:footnote ") - 2  # 2 separators
    if footnotes > 0:
        out.append(f"{footnotes} footnote(s): add them to the text or an appendix by hand")
    comments = parts.get("word/comments.xml", b"").count(b"<w:comment ")
    if comments:
        out.append(f"{comments} reviewer comment(s): they are not part of the text")
    return out


class _Reader:
    def __init__(self, document: DocxDocument, name: str, image_prefix: str) -> None:
        self.document = document
        self.part = document.part
        self.blocks: list[Block] = []
        self.images: dict[str, bytes] = {}
        self.image_prefix = image_prefix
        self.paragraphs = 0
        self.tables = 0
        self._styles: dict[str, str] = {
            s.style_id: s.name or s.style_id for s in document.styles if s.style_id
        }
        self._list: Block | None = None
        self._numbering = _numbering_formats(document)

    def read_body(self, fields: dict[str, str]) -> None:
        """Every block in order; ``fields`` (bookmark -> spec path) marks the blocks it spans."""
        open_fields: dict[str, str] = {}  # bookmark id -> path, in the order opened
        for element in _block_elements(self.document.element.body):
            for mark in element.iter(f"{W}bookmarkStart"):
                path = fields.get(mark.get(f"{W}name", ""))
                if path:
                    open_fields[mark.get(f"{W}id", "")] = path
            count = len(self.blocks)
            if element.tag == f"{W}p":
                self._paragraph(element)
            else:
                self._table(element)
            if open_fields:
                innermost = list(open_fields.values())[-1]
                for block in self.blocks[count:]:
                    block.field = block.field or innermost
                if self.blocks and self._list is not None:
                    self._list.field = self._list.field or innermost
            for mark in element.iter(f"{W}bookmarkEnd"):
                open_fields.pop(mark.get(f"{W}id", ""), None)

    # ---- paragraphs
    def _paragraph(self, p: Any) -> None:
        style = self._style_of(p)
        spans = self._spans(p)
        text = plain(spans)
        has_image = any(s.raw for s in spans)
        if not text and not has_image:
            self._list = None
            return
        self.paragraphs += 1
        where = f"paragraph {self.paragraphs}"
        markdown = to_markdown(spans)
        lowered = style.lower()
        heading = _HEADING.match(lowered)
        if heading or lowered in {"title", "headline", "section label"}:
            level = int(heading.group(1)) if heading else (1 if lowered == "section label" else 0)
            self._add(Block("heading", markdown, text, where, level=level, style=style))
            return
        num = p.find(f"{W}pPr/{W}numPr")
        list_style = _LIST_LEVEL.match(lowered)
        if num is not None or (list_style and "continue" not in lowered):
            self._list_item(p, num, style, list_style, markdown, text, where)
            return
        if list_style and self._list is not None and self._list.items:
            depth = int(list_style.group(1) or 1) - 1
            indent = "  " * (depth + 1) + " "
            item = self._list.items[-1]
            item.markdown += "\n\n" + _indent(markdown, indent)
            item.plain += " " + text
            self._list.markdown += "\n\n" + _indent(markdown, indent)
            self._list.plain += " " + text
            return
        self._list = None
        if (
            "code" in lowered
            or "preformatted" in lowered
            or (spans and all(s.code for s in spans if s.text.strip()))
        ):
            raw = "".join(s.text for s in spans)
            last = self.blocks[-1] if self.blocks else None
            if last is not None and last.kind == "code" and last.style == style:
                last.markdown = last.markdown[:-4] + raw + "\n```"
                last.plain += " " + text
                return
            self._add(Block("code", f"```\n{raw}\n```", text, where, style=style))
            return
        if lowered in {"quote", "intense quote", "quotation", "block text"}:
            last = self.blocks[-1] if self.blocks else None
            if last is not None and last.kind == "quote" and last.style == style:
                last.markdown += "\n>\n" + _indent(markdown, "> ")
                last.plain += " " + text
                return
            self._add(Block("quote", _indent(markdown, "> "), text, where, style=style))
            return
        kind: Kind = "image" if has_image and not text else "para"
        self._add(
            Block(kind, markdown, text, where, style=style, attribution=lowered == "attribution")
        )

    def _list_item(
        self, p: Any, num: Any, style: str, list_style: Any, markdown: str, text: str, where: str
    ) -> None:
        level = 0
        ordered = "number" in style.lower()
        if num is not None:
            ilvl = num.find(f"{W}ilvl")
            num_id = num.find(f"{W}numId")
            level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0
            fmt = self._numbering.get((num_id.get(f"{W}val") if num_id is not None else "", level))
            if fmt is not None:
                ordered = fmt != "bullet"
        elif list_style and list_style.group(1):
            level = int(list_style.group(1)) - 1
        level = min(level, 5)
        if self._list is None or self._list.kind != "list":
            self._list = Block("list", "", "", where, ordered=ordered)
            self._widths: list[int] = []
            self._add(self._list)
        marker = "1." if ordered else "-"
        # Nested under its parent's text: the sum of the marker widths of the levels above.
        del self._widths[level:]
        self._widths += [2] * (level - len(self._widths))
        indent = " " * sum(self._widths[:level])
        self._widths.append(len(marker) + 1)
        body = _indent(markdown, indent + " " * (len(marker) + 1))[len(indent) + len(marker) + 1 :]
        line = f"{indent}{marker} {body}"
        self._list.markdown += ("\n" if self._list.markdown else "") + line
        self._list.plain += (" " if self._list.plain else "") + text
        items = self._list.items
        if level == 0 or not items:
            items.append(Block("para", markdown, text, where, level=level, ordered=ordered))
        else:  # a nested item belongs to the top-level item above it
            items[-1].markdown += "\n" + line[self._widths[0] :]
            items[-1].plain += " " + text

    def _add(self, block: Block) -> None:
        if block.kind != "list":
            self._list = None
        self.blocks.append(block)

    def _style_of(self, p: Any) -> str:
        style = p.find(f"{W}pPr/{W}pStyle")
        style_id = style.get(f"{W}val") if style is not None else None
        return self._styles.get(style_id or "", style_id or "Normal")

    # ---- runs
    def _spans(self, element: Any, link: str | None = None) -> list[Span]:
        out: list[Span] = []
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                out.extend(self._run(child, link))
            elif tag == f"{W}hyperlink":
                target = link
                rel_id = child.get(f"{R}id")
                if rel_id and rel_id in self.part.rels and self.part.rels[rel_id].is_external:
                    target = self.part.rels[rel_id].target_ref
                out.extend(self._spans(child, target))
            elif tag in _WRAPPERS:
                out.extend(self._spans(child, link))
        return out

    def _run(self, run: Any, link: str | None) -> list[Span]:
        props = run.find(f"{W}rPr")
        bold = italic = code = False
        if props is not None:
            bold = _on(props.find(f"{W}b"))
            italic = _on(props.find(f"{W}i"))
            style = props.find(f"{W}rStyle")
            name = self._styles.get(style.get(f"{W}val"), "") if style is not None else ""
            bold = bold or name.lower() == "strong"
            italic = italic or name.lower() == "emphasis"
            fonts = props.find(f"{W}rFonts")
            font = fonts.get(f"{W}ascii", "") if fonts is not None else ""
            code = "code" in name.lower() or bool(_MONO.search(font))
        out: list[Span] = []
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                out.append(Span(child.text or "", bold, italic, code, link))
            elif tag in (f"{W}tab", f"{W}ptab"):
                out.append(Span("\t" if code else " ", bold, italic, code, link))
            elif tag in (f"{W}br", f"{W}cr") and child.get(f"{W}type") not in ("page", "column"):
                out.append(Span("\n", bold, italic, code, link))
            elif tag == f"{W}noBreakHyphen":
                out.append(Span("-", bold, italic, code, link))
            elif tag == f"{W}drawing" or tag.endswith("}pict"):
                out.append(self._picture(child))
        return out

    def _picture(self, drawing: Any) -> Span:
        blip = next(drawing.iter(f"{A}blip"), None)
        doc_pr = next(drawing.iter(f"{WP}docPr"), None)
        alt = (doc_pr.get("descr") or doc_pr.get("title") or "") if doc_pr is not None else ""
        rel_id = blip.get(f"{R}embed") if blip is not None else None
        if not rel_id or rel_id not in self.part.rels or self.part.rels[rel_id].is_external:
            return Span(" (a linked picture was not imported) ", raw=True)
        blob = self.part.rels[rel_id].target_part.blob
        ext = next((e for magic, e in _IMAGE_TYPES.items() if blob.startswith(magic)), None)
        partname = str(self.part.rels[rel_id].target_part.partname).rsplit("/", 1)[-1]
        if ext is None:
            return Span(
                f" (picture {partname} not imported: not PNG, JPEG or GIF; "
                "export it as PNG and add it here) ",
                raw=True,
            )
        name = f"image{len(self.images) + 1}.{ext}"
        self.images[name] = blob
        alt_text = alt.replace("]", " ").replace("[", " ").replace("\n", " ")
        return Span(f"![{alt_text}]({self.image_prefix}/{name})", raw=True)

    # ---- tables
    def _table(self, tbl: Any) -> None:
        self._list = None
        rows: list[list[str]] = []
        for tr in tbl.iter(f"{W}tr"):
            cells = []
            for tc in tr.findall(f"{W}tc"):
                texts = [to_markdown(self._spans(p)) for p in tc.iter(f"{W}p")]
                cell = " ".join(t for t in texts if t).replace("|", "\\|").replace("\\\n", " ")
                cells.append(cell.replace("\n", " "))
            if cells:
                rows.append(cells)
        if not rows:
            return
        self.tables += 1
        if all(re.fullmatch(r"\*\*[^*]+\*\*", c) for c in rows[0] if c):
            rows[0] = [c[2:-2] if c else c for c in rows[0]]  # header cells: bold by style
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        text = " ".join(" ".join(r) for r in rows)
        self._add(Block("table", "\n".join(lines), text, f"table {self.tables}"))


def _block_elements(body: Any) -> list[Any]:
    """Paragraphs and tables in order, looking inside content controls."""
    out = []
    for child in body:
        if child.tag in (f"{W}p", f"{W}tbl"):
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            out.extend(_block_elements(child))
    return out


def _on(element: Any) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in ("0", "false", "none")


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def _numbering_formats(document: DocxDocument) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt (``bullet``, ``decimal``...) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract = {}
    for element in numbering.findall(f"{W}abstractNum"):
        levels = {}
        for lvl in element.findall(f"{W}lvl"):
            fmt = lvl.find(f"{W}numFmt")
            levels[int(lvl.get(f"{W}ilvl", "0"))] = (
                fmt.get(f"{W}val", "decimal") if fmt is not None else "decimal"
            )
        abstract[element.get(f"{W}abstractNumId")] = levels
    out = {}
    for num in numbering.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        levels = abstract.get(ref.get(f"{W}val") if ref is not None else None, {})
        for level, fmt in levels.items():
            out[(num.get(f"{W}numId", ""), level)] = fmt
    return out
