"""Two versions of the example spec, and their diff rendered once per session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
AUTHOR = "Ana Ruiz"

# (old text, new text): a reworded sentence, a removed and an added question,
# a reworded answer, a changed metric, a new date.
EDITS = (
    (
        "When a patient cancels late, Gapfill texts waitlisted patients",
        "When a patient cancels late, Gapfill immediately texts every waitlisted patient",
    ),
    ("  date: 2026-11-22", "  date: 2026-11-29"),
    (
        """    - q: What if two patients reply at the same time?
      a: |
        Gapfill books the reply it receives first and texts the other patient within one
        minute that the slot is filled. In the pilot, 1 in 240 offers had a second reply.
        No pilot clinic had a double booking in 8,714 openings.
""",
        "",
    ),
    (
        "    - q: How do I get help?",
        """    - q: Can patients choose which openings they hear about?
      a: |
        Yes. A patient can reply *MORNINGS* or *AFTERNOONS* at any time, and Gapfill only
        offers those openings from then on.
    - q: How do I get help?""",
    ),
    ("Nothing changes for them.", "Nothing changes for them, and nobody calls them."),
    ("    target: 10 minutes", "    target: 8 minutes"),
)


def edited(text: str) -> str:
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@dataclass(frozen=True)
class Pair:
    old: Path
    new: Path


@pytest.fixture(scope="session")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    folder = tmp_path_factory.mktemp("specs")
    old = folder / "gapfill-v1.yaml"
    new = folder / "gapfill.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(edited(text), encoding="utf-8")
    return Pair(old, new)


@dataclass(frozen=True)
class Diffed:
    pair: Pair
    outputs: dict[str, Path]
    old_docx: Path
    new_docx: Path
    lines: list[str]


@pytest.fixture(scope="session")
def diffed(pair: Pair, tmp_path_factory: pytest.TempPathFactory) -> Diffed:
    from prfaqgen.diffing import diff_specs
    from prfaqgen.pipeline import render_spec

    out = tmp_path_factory.mktemp("diff")
    result = diff_specs(pair.old, pair.new, output=out, author=AUTHOR, formats=["pdf", "docx"])
    plain = tmp_path_factory.mktemp("plain")
    old_docx = render_spec(pair.old, output=plain, formats=["docx"]).outputs["docx"]
    new_docx = render_spec(pair.new, output=plain, formats=["docx"]).outputs["docx"]
    return Diffed(pair, dict(result.outputs), old_docx, new_docx, result.changes.lines())


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def body_xml(docx_path: Path) -> etree._Element:
    import zipfile

    with zipfile.ZipFile(docx_path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def _marked(p: etree._Element, kind: str) -> bool:
    return p.find(f"w:pPr/w:rPr/w:{kind}", NS) is not None


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for child in reversed(list(el)):
        parent.insert(index, child)
    parent.remove(el)


def resolve_all(root: etree._Element, accept: bool) -> etree._Element:
    """What Word's Accept All (or Reject All) does, done on the XML.

    Accepting drops deleted runs, rows and paragraphs (whose mark is deleted)
    and keeps inserted ones; rejecting does the opposite.
    """
    gone, kept = ("del", "ins") if accept else ("ins", "del")
    for tr in root.xpath(f"//w:tr[w:trPr/w:{gone}]", namespaces=NS):
        tr.getparent().remove(tr)
    for p in root.xpath(f"//w:p[w:pPr/w:rPr/w:{gone}]", namespaces=NS):
        kept_text = p.xpath(f".//w:t[not(ancestor::w:{gone})]", namespaces=NS)
        assert not kept_text, "text outside the change would merge into the next paragraph"
        p.getparent().remove(p)
    for el in root.xpath(f"//w:{gone}", namespaces=NS):
        el.getparent().remove(el)
    for el in root.xpath(f"//w:rPr/w:{kept} | //w:trPr/w:{kept}", namespaces=NS):
        el.getparent().remove(el)
    for el in root.xpath(f"//w:{kept}", namespaces=NS):
        _unwrap(el)
    for el in root.xpath("//w:delText", namespaces=NS):
        el.tag = w("t")
    return root


def paragraphs(root: etree._Element) -> list[tuple[str, str]]:
    """Every body paragraph (tables' too) as (style, text), white space collapsed."""
    out = []
    for p in root.iter(w("p")):
        style = p.find("w:pPr/w:pStyle", NS)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        out.append((style.get(w("val")) if style is not None else "", " ".join(text.split())))
    return out
