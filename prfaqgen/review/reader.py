"""``prfaqgen comments``: a reviewed DOCX's comments and tracked changes, placed in the spec."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from prfaqgen.errors import ReviewError
from prfaqgen.fingerprint import spec_digest
from prfaqgen.review.anchors import Anchor, Walk, w, walk_document
from prfaqgen.review.findings import Reply, ReviewFinding
from prfaqgen.review.locate import SpecPlaces, fold
from prfaqgen.review.package import ReviewedPackage, read_reviewed
from prfaqgen.spec.loader import LoadedSpec

_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


@dataclass(frozen=True)
class ReviewResult:
    """The findings of one reviewed DOCX, in document order, and what to say about them."""

    findings: tuple[ReviewFinding, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Comment:
    author: str
    date: str
    text: str
    para_id: str


def read_review(docx: Path, loaded: LoadedSpec) -> ReviewResult:
    """Every comment (replies under their parent) and tracked change of ``docx``,
    placed at the line and column of ``loaded``'s text it is on.

    Raises ReviewError for a file that is not a DOCX, is refused, was not
    rendered by prfaqgen or was rendered from another spec.
    """
    package = read_reviewed(docx)
    warnings = _check_origin(package, loaded)
    walk = walk_document(package.document, package.fields)
    comments = _comments(package.comments)
    parents, done = _threads(package.comments_extended, comments)
    places = SpecPlaces(loaded.source_map)
    findings: list[ReviewFinding] = []
    for anchor in walk.anchors:
        if anchor.kind == "comment":
            comment = comments.get(anchor.key)
            if comment is None or parents.get(anchor.key):
                continue  # a reply is printed under its parent; a lost comment has no words
            replies = tuple(
                Reply(c.author, c.date, c.text, done.get(key, False))
                for key, c in comments.items()
                if parents.get(key) == anchor.key
            )
            found = _finding(anchor, walk, places, loaded.display_name, comment.text)
            findings.append(
                _with(found, comment.author, comment.date, done.get(anchor.key, False), replies)
            )
        else:
            text = "".join(anchor.changed)
            found = _finding(anchor, walk, places, loaded.display_name, text)
            findings.append(_with(found, anchor.author, anchor.date, False, ()))
    return ReviewResult(tuple(findings), warnings)


def _check_origin(package: ReviewedPackage, loaded: LoadedSpec) -> tuple[str, ...]:
    spec = loaded.display_name
    if fold(package.title) != fold(loaded.spec.title):  # the template typesets the title
        raise ReviewError(
            f'{package.path} was rendered from a spec titled "{package.title}", but {spec} '
            f'is titled "{loaded.spec.title}": pass the spec the document was rendered from'
        )
    if package.spec_digest != spec_digest(loaded.source_map.source):
        return (
            f"{spec} changed since {package.path} was rendered: each finding is placed by "
            "its text; one on text that changed is placed at its field, with a note",
        )
    return ()


def _finding(anchor: Anchor, walk: Walk, places: SpecPlaces, file: str, text: str) -> ReviewFinding:
    selected = walk.selected(anchor)
    length = len(text) if anchor.kind == "insertion" else len(selected)
    note = ""
    if anchor.field is not None:
        start = anchor.field_start
        end = min(anchor.field.length, start + length) if anchor.kind != "insertion" else start
        place = places.place(anchor.field.path, anchor.field.value(), start, end)
        path, begin, stop = place.path, place.start, place.end
        if anchor.kind == "insertion":
            stop = begin
        if not place.found:
            note = (
                f"its text is not in {anchor.field.path} as the spec has it now; "
                "placed at the field"
            )
        elif path != anchor.field.path and not path.startswith(anchor.field.path):
            note = f"the template wrote this text of {path} into {anchor.field.path}"
    elif anchor.near is not None:
        path = anchor.near.path
        begin = stop = places.at_field(path)
        shown = " ".join(selected.split())[:60] or "text"
        note = (
            f'on "{shown}", written by the template, not a spec field; placed at the nearest field'
        )
    else:
        path = ""
        begin = stop = places.at_field("")
        note = "the document has no spec field near it; placed at the start of the spec"
    return ReviewFinding(
        file=file,
        line=begin.line,
        column=begin.column,
        end_line=stop.line,
        end_column=stop.column,
        path=path,
        kind=anchor.kind,
        author="",
        date="",
        text=text,
        anchor=selected if anchor.kind != "insertion" else "",
        note=note,
    )


def _with(
    found: ReviewFinding, author: str, date: str, resolved: bool, replies: tuple[Reply, ...]
) -> ReviewFinding:
    return replace(found, author=author, date=date, resolved=resolved, replies=replies)


def _comments(root: etree._Element | None) -> dict[str, _Comment]:
    """Comment id -> its author, date, words and the id of its last paragraph."""
    found: dict[str, _Comment] = {}
    if root is None:
        return found
    for comment in root.iter(w("comment")):
        paragraphs = comment.findall(f".//{w('p')}")
        text = "\n".join(
            "".join(t.text or "" for t in p.iter(w("t"), w("delText"))) for p in paragraphs
        ).strip()
        para_id = paragraphs[-1].get(f"{{{_W14}}}paraId", "") if paragraphs else ""
        found[comment.get(w("id"), "")] = _Comment(
            comment.get(w("author"), ""), comment.get(w("date"), ""), text, para_id
        )
    return found


def _threads(
    root: etree._Element | None, comments: dict[str, _Comment]
) -> tuple[dict[str, str], dict[str, bool]]:
    """Reply id -> parent id, and comment id -> resolved, from word/commentsExtended.xml."""
    parents: dict[str, str] = {}
    done: dict[str, bool] = {}
    if root is None:
        return parents, done
    by_para = {c.para_id: key for key, c in comments.items() if c.para_id}
    for entry in root.iter(f"{{{_W15}}}commentEx"):
        key = by_para.get(entry.get(f"{{{_W15}}}paraId", ""))
        if key is None:
            continue
        done[key] = entry.get(f"{{{_W15}}}done") in ("1", "true")
        parent = by_para.get(entry.get(f"{{{_W15}}}paraIdParent", ""))
        if parent is not None and parent != key:
            parents[key] = parent
    return parents, done
