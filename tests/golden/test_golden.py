"""Golden files: the composed HTML, the DOCX XML parts and the PDF text, compared with
committed references.

Any change in the output, intended or not, shows up here as a unified diff.
After an intended change, regenerate the references and review them in the
diff of your commit (see tests/golden/README.md):

    PRFAQGEN_UPDATE_GOLDEN=1 python -m pytest tests/golden    # or: make golden
"""

from __future__ import annotations

import difflib
import fnmatch
import io
import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from prfaqgen.compose.compose import compose
from prfaqgen.spec import load_spec
from tests.e2e.e2e_helpers import EXAMPLE, SHOWCASE, Rendered

REFERENCES = Path(__file__).resolve().parent / "references"
UPDATE = os.environ.get("PRFAQGEN_UPDATE_GOLDEN", "") not in ("", "0")
MAX_DIFF_LINES = 400

CASES = ("example", "showcase")
# Package parts compared, as patterns: headers and footers are as many as the DOCX has.
DOCX_PARTS = (
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/header*.xml",
    "word/footer*.xml",
    "docProps/core.xml",
)
PDF_TEXT = "pdf/pages.txt"
# What the compose stage hands to the writers: a template change shows up here first,
# as a small diff, without rendering anything.
COMPOSED_HTML = "html/composed.html"
SPECS = {"example": EXAMPLE, "showcase": SHOWCASE}


def pretty_xml(data: bytes) -> str:
    """An XML part indented one element a line, so that a diff shows what changed."""
    root = etree.fromstring(data)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def docx_parts(rendered: Rendered, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(rendered.docx_bytes)) as package:
        names = [n for n in package.namelist() if fnmatch.fnmatchcase(n, pattern)]
        return {f"docx/{name}": pretty_xml(package.read(name)) for name in sorted(names)}


def pdf_pages(rendered: Rendered) -> dict[str, str]:
    count = len(rendered.pages)
    text = "".join(
        f"===== page {number} of {count} =====\n"
        + "".join(f"{line.rstrip()}\n" for line in page.splitlines())
        for number, page in enumerate(rendered.pages, 1)
    )
    return {PDF_TEXT: text}


def compare(case: str, produced: dict[str, str], pattern: str) -> None:
    """Check ``produced`` (reference path -> text) against the references of ``case``
    that match ``pattern``; with PRFAQGEN_UPDATE_GOLDEN=1, write them instead."""
    folder = REFERENCES / case
    existing = {
        str(p.relative_to(folder)): p
        for p in folder.rglob("*")
        if p.is_file() and fnmatch.fnmatchcase(str(p.relative_to(folder)), pattern)
    }
    if UPDATE:
        for name in set(existing) - set(produced):
            existing[name].unlink()
        for name, text in produced.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.is_file() or target.read_text("utf-8") != text:
                target.write_text(text, "utf-8")
        return
    problems = []
    for name in sorted(set(existing) - set(produced)):
        problems.append(f"{case}/{name}: referenced but no longer produced")
    for name in sorted(produced):
        reference = folder / name
        if not reference.is_file():
            problems.append(f"{case}/{name}: no reference file")
            continue
        expected = reference.read_text("utf-8")
        if expected != produced[name]:
            diff = list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    produced[name].splitlines(keepends=True),
                    fromfile=f"references/{case}/{name}",
                    tofile=f"rendered/{case}/{name}",
                )
            )
            if len(diff) > MAX_DIFF_LINES:
                diff = [*diff[:MAX_DIFF_LINES], f"... {len(diff) - MAX_DIFF_LINES} more lines\n"]
            problems.append("".join(diff))
    if problems:
        pytest.fail(
            "the output differs from the golden files; if the change is intended, run "
            "`PRFAQGEN_UPDATE_GOLDEN=1 python -m pytest tests/golden` (or `make golden`) "
            "and review the updated references:\n\n" + "\n".join(problems),
            pytrace=False,
        )


@pytest.mark.parametrize("name", CASES)
def test_composed_html_matches_the_reference(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    composed = compose(load_spec(SPECS[name]))
    # Images are file:// URLs inside the spec's folder, which depends on the checkout.
    html = composed.html.replace(composed.base_dir.as_uri(), "file:///SPEC_DIR")
    compare(name, {COMPOSED_HTML: html}, COMPOSED_HTML)


@pytest.fixture(params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[str, Rendered]:
    return request.param, request.getfixturevalue(request.param)


@pytest.mark.slow
@pytest.mark.parametrize("pattern", DOCX_PARTS)
def test_docx_parts_match_the_references(case: tuple[str, Rendered], pattern: str) -> None:
    name, rendered = case
    produced = docx_parts(rendered, pattern)
    assert produced, f"the DOCX has no part {pattern}"
    compare(name, produced, f"docx/{pattern}")


@pytest.mark.slow
def test_pdf_text_per_page_matches_the_reference(case: tuple[str, Rendered]) -> None:
    name, rendered = case
    compare(name, pdf_pages(rendered), PDF_TEXT)


def test_every_reference_belongs_to_a_compared_part() -> None:
    patterns = [f"docx/{p}" for p in DOCX_PARTS] + [PDF_TEXT, COMPOSED_HTML]
    strays = []
    for path in sorted(REFERENCES.rglob("*")):
        if not path.is_file():
            continue
        case, *rest = path.relative_to(REFERENCES).parts
        inner = "/".join(rest)
        if case not in CASES or not any(fnmatch.fnmatchcase(inner, p) for p in patterns):
            strays.append(str(path.relative_to(REFERENCES)))
    assert not strays, f"reference files that no test compares: {strays}"
