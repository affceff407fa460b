"""Annotate a rendered DOCX the way Word does, by editing its XML.

Word anchors a comment with ``w:commentRangeStart``/``w:commentRangeEnd`` around
the runs it covers and a run holding ``w:commentReference``; the words go into
word/comments.xml, threads into word/commentsExtended.xml (``w15:paraIdParent``),
each part with its content-type override and relationship. A tracked change
is a ``w:ins`` around new runs or a ``w:del`` around old ones (``w:delText``).
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
DATE = "2026-12-01T09:30:00Z"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Comment:
    """A comment on ``phrase`` (its ``nth`` occurrence in the body), with replies."""

    phrase: str
    author: str
    text: str
    nth: int = 0
    replies: list[tuple[str, str]] = field(default_factory=list)
    resolved: bool = False


@dataclass
class Change:
    """A tracked insertion of ``text`` after ``phrase``, or a deletion of ``phrase``."""

    kind: str  # "insertion" or "deletion"
    phrase: str
    author: str
    text: str = ""
    nth: int = 0


def annotate(
    docx: bytes, comments: Sequence[Comment] = (), changes: Sequence[Change] = ()
) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(w("body"))
    comments_xml = etree.Element(w("comments"), nsmap={"w": W, "w14": W14})
    extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
    next_id = 0
    for comment in comments:
        first, last = _split_at(body, comment.phrase, comment.nth)
        thread = [(comment.author, comment.text), *comment.replies]
        parent_para = ""
        for number, (author, text) in enumerate(thread):
            cid = str(next_id)
            next_id += 1
            first.addprevious(etree.Element(w("commentRangeStart"), {w("id"): cid}))
            last.addnext(etree.Element(w("commentRangeEnd"), {w("id"): cid}))
            end = last.getnext()
            reference = etree.Element(w("r"))
            etree.SubElement(reference, w("commentReference"), {w("id"): cid})
            end.addnext(reference)
            para_id = f"{0x10000000 + int(cid):08X}"
            _comment_part(comments_xml, cid, author, text, para_id)
            attrs = {
                f"{{{W15}}}paraId": para_id,
                f"{{{W15}}}done": "1" if comment.resolved else "0",
            }
            if number:
                attrs[f"{{{W15}}}paraIdParent"] = parent_para
            else:
                parent_para = para_id
            etree.SubElement(extended, f"{{{W15}}}commentEx", attrs)
    for number, change in enumerate(changes, start=100):
        first, last = _split_at(body, change.phrase, change.nth)
        attrs = {w("id"): str(number), w("author"): change.author, w("date"): DATE}
        if change.kind == "insertion":
            ins = etree.Element(w("ins"), attrs)
            run = etree.SubElement(ins, w("r"))
            t = etree.SubElement(run, w("t"))
            t.text = change.text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            last.addnext(ins)
        else:
            wrapper = etree.Element(w("del"), attrs)
            first.addprevious(wrapper)
            runs = _runs_between(first, last)
            for run in runs:
                wrapper.append(run)
                for t in run.iter(w("t")):
                    t.tag = w("delText")
    parts["word/document.xml"] = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    if comments:
        parts["word/comments.xml"] = etree.tostring(
            comments_xml, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        parts["word/commentsExtended.xml"] = etree.tostring(
            extended, xml_declaration=True, encoding="UTF-8", standalone=True
        )
        _register(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def _comment_part(parent: etree._Element, cid: str, author: str, text: str, para_id: str) -> None:
    initials = "".join(word[0] for word in author.split())
    comment = etree.SubElement(
        parent,
        w("comment"),
        {w("id"): cid, w("author"): author, w("date"): DATE, w("initials"): initials},
    )
    p = etree.SubElement(comment, w("p"), {f"{{{W14}}}paraId": para_id})
    style = etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle"), {w("val"): "CommentText"})
    del style
    ref = etree.SubElement(p, w("r"))
    etree.SubElement(ref, w("annotationRef"))
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("t")).text = text


def _register(parts: dict[str, bytes]) -> None:
    types = etree.fromstring(parts["[Content_Types].xml"])
    for name, kind in (
        ("comments", "comments"),
        ("commentsExtended", "commentsExtended"),
    ):
        etree.SubElement(
            types,
            f"{{{CT}}}Override",
            PartName=f"/word/{name}.xml",
            ContentType=f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml",
        )
    parts["[Content_Types].xml"] = etree.tostring(
        types, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    for rid, kind, target in (
        (
            "rIdC1",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
            "comments.xml",
        ),
        (
            "rIdC2",
            "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
            "commentsExtended.xml",
        ),
    ):
        etree.SubElement(rels, f"{{{REL}}}Relationship", Id=rid, Type=kind, Target=target)
    parts["word/_rels/document.xml.rels"] = etree.tostring(
        rels, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _split_at(body: etree._Element, phrase: str, nth: int) -> tuple[etree._Element, etree._Element]:
    """The first and last run of ``phrase`` in the paragraph holding it, runs split to fit."""
    seen = 0
    for p in body.iter(w("p")):
        runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
        text = "".join(r.find(w("t")).text or "" for r in runs)
        at = text.find(phrase)
        while at >= 0 and seen < nth:
            seen += 1
            at = text.find(phrase, at + 1)
        if at < 0:
            continue
        _split_runs(runs, at)
        runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
        _split_runs(runs, at + len(phrase))
        runs = [r for r in p.iter(w("r")) if r.find(w("t")) is not None]
        offset, first, last = 0, None, None
        for run in runs:
            length = len(run.find(w("t")).text or "")
            if offset >= at and offset < at + len(phrase):
                first = first if first is not None else run
                last = run
            offset += length
        assert first is not None and last is not None
        return first, last
    raise AssertionError(f"{phrase!r} is not in the document")


def _split_runs(runs: list[etree._Element], at: int) -> None:
    offset = 0
    for run in runs:
        t = run.find(w("t"))
        text = t.text or ""
        if offset < at < offset + len(text):
            head = copy.deepcopy(run)
            head.find(w("t")).text = text[: at - offset]
            head.find(w("t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = text[at - offset :]
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.addprevious(head)
            return
        offset += len(text)


def _runs_between(first: etree._Element, last: etree._Element) -> list[etree._Element]:
    runs = [first]
    here = first
    while here is not last:
        here = here.getnext()
        if here.tag == w("r"):
            runs.append(here)
    return runs
