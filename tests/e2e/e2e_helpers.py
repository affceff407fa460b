"""Shared helpers for the end-to-end tests in tests/render, tests/golden and tests/e2e.

Everything here reads rendered files back the way a reader's tools do: pypdf for
the PDF (text, pages, metadata, outline, link annotations, fonts), python-docx
and the raw WordprocessingML for the DOCX.

Rendering is slow (a second or two per spec), so :func:`render_cached` renders
each (spec, options) pair once per test session, through the real command line
in a separate process, and every test directory shares the result. ``tests`` is
a package: the other folders import this module as ``tests.e2e.e2e_helpers``.
"""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree, html
from markdown_it import MarkdownIt
from pypdf import PdfReader

from prfaqgen.compose.typography import smart_text

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
SPECS = Path(__file__).resolve().parent / "specs"
SHOWCASE = SPECS / "showcase.yaml"
MINIMAL = SPECS / "minimal.yaml"
PRESS = SPECS / "press.yaml"


def _shared_corpus() -> Path:
    """The corpus of real PR/FAQs in ``../shared/corpus/specs`` beside the repository.

    In a git worktree the repository's own folder may live elsewhere; its main
    checkout (named by the ``.git`` file) is tried next. Never an absolute path.
    """
    checkouts = [REPO]
    dot_git = REPO / ".git"
    if dot_git.is_file():  # "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(dot_git.read_text(encoding="utf-8").partition("gitdir:")[2].strip())
        if gitdir.parent.name == "worktrees":
            checkouts.append(gitdir.parent.parent.parent)
    for checkout in checkouts:
        corpus = checkout.parent / "shared" / "corpus" / "specs"
        if corpus.is_dir():
            return corpus
    return REPO.parent / "shared" / "corpus" / "specs"


CORPUS = _shared_corpus()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
FOOTER = re.compile(r"^Page (\d+) of (\d+)$")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# --------------------------------------------------------------------------- running


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child prfaqgen: no SOURCE_DATE_EPOCH unless given."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(extra)
    return env


def run_prfaqgen(
    *args: str | os.PathLike[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """``prfaqgen ARGS`` in a fresh Python process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "prfaqgen", *map(str, args)],
        cwd=cwd,
        env=env if env is not None else clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@dataclass
class Rendered:
    """The files one ``prfaqgen render`` run wrote, and what it printed."""

    spec: Path
    folder: Path
    stdout: str
    stderr: str
    returncode: int
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def path(self, fmt: str) -> Path:
        return self.folder / f"{self.spec.stem}.{fmt}"

    @property
    def pdf_bytes(self) -> bytes:
        return self.path("pdf").read_bytes()

    @property
    def docx_bytes(self) -> bytes:
        return self.path("docx").read_bytes()

    @property
    def pdf(self) -> PdfReader:
        if "pdf" not in self._cache:
            self._cache["pdf"] = PdfReader(io.BytesIO(self.pdf_bytes))
        return self._cache["pdf"]

    @property
    def docx(self) -> DocxDocument:
        if "docx" not in self._cache:
            self._cache["docx"] = docx.Document(io.BytesIO(self.docx_bytes))
        return self._cache["docx"]

    @property
    def pages(self) -> list[str]:
        """pypdf's text of every page."""
        if "pages" not in self._cache:
            self._cache["pages"] = [page.extract_text() for page in self.pdf.pages]
        return self._cache["pages"]

    def part(self, name: str) -> etree._Element:
        """A part of the DOCX package, parsed."""
        return docx_part(self.docx_bytes, name)


_RENDERS: dict[tuple[str, tuple[str, ...]], Rendered] = {}


def render_cached(
    factory: pytest.TempPathFactory, spec: Path, *options: str, env: dict[str, str] | None = None
) -> Rendered:
    """``prfaqgen render SPEC -o TMP OPTIONS``, once per session for each spec and options."""
    key = (str(spec), options)
    if key not in _RENDERS:
        folder = factory.mktemp(f"render-{spec.stem}")
        result = run_prfaqgen("render", spec, "-o", folder, *options, cwd=folder, env=env)
        _RENDERS[key] = Rendered(spec, folder, result.stdout, result.stderr, result.returncode)
    rendered = _RENDERS[key]
    assert rendered.returncode == 0, rendered.stderr
    return rendered


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """White space collapsed to single spaces."""
    return " ".join(text.split())


# The spec dialect: CommonMark and tables, raw HTML is text (docs/spec-format).
_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def plain(markdown: str) -> str:
    """A Markdown field as the plain text a reader sees (syntax stripped, typographic
    quotes and dashes as the documents print them)."""
    rendered = _MD.render(markdown)
    if not rendered.strip():
        return ""
    return smart_text(
        normalise(html.fragment_fromstring(rendered, create_parent="div").text_content())
    )


def plain_inline(markdown: str) -> str:
    return smart_text(
        normalise(
            html.fragment_fromstring(_MD.renderInline(markdown), create_parent="div").text_content()
        )
    )


def phrase(markdown: str, words: int = 6) -> str:
    """The first ``words`` words of a field, Markdown stripped: a distinctive phrase."""
    return " ".join(plain(markdown).split()[:words])


def long_date(value: Any) -> str:
    return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"


def find_in_order(text: str, phrases: Sequence[str]) -> list[tuple[str, int]]:
    """Each phrase's position, each searched after the previous one; -1 if absent there."""
    positions = []
    start = 0
    for wanted in phrases:
        at = text.find(wanted, start)
        positions.append((wanted, at))
        if at >= 0:
            start = at + len(wanted)
    return positions


def running_header(spec: dict[str, Any]) -> str:
    """The running header line the template writes for ``spec``."""
    meta = spec["meta"]
    parts = [spec["title"]]
    if meta.get("version"):
        parts.append(f"Version {meta['version']}")
    parts.append(long_date(meta["date"]))
    parts.append(str(meta.get("status", "draft")).capitalize())
    if meta.get("confidentiality"):
        parts.append(meta["confidentiality"])
    return smart_text(" · ".join(parts))


def load_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text("utf-8"))


def field_phrases(spec: dict[str, Any]) -> list[str]:
    """A distinctive phrase of every field the document shows, in canonical order."""
    meta = spec["meta"]
    pr = spec["press_release"]
    out = [spec["title"], meta["author"]]
    out += [meta["team"]] if meta.get("team") else []
    out += [long_date(meta["date"])]
    out += [str(meta["version"])] if meta.get("version") else []
    out += [str(meta.get("status", "draft")).capitalize()]
    out += list(meta.get("reviewers", []))
    out += [plain_inline(pr["headline"])]
    out += [plain_inline(pr["subheadline"])] if pr.get("subheadline") else []
    for name in ("summary", "problem", "solution"):
        out.append(phrase(pr[name]))

    def quote(q: dict[str, str]) -> list[str]:
        return [phrase(q["text"]), *(q[k] for k in ("name", "role") if q.get(k))]

    out += quote(pr["leader_quote"]) if pr.get("leader_quote") else []
    out += [phrase(pr["how_it_works"])] if pr.get("how_it_works") else []
    for customer_quote in pr["customer_quotes"]:
        out += quote(customer_quote)
    for name in ("call_to_action", "about"):
        if pr.get(name):
            out.append(phrase(pr[name]))
    number = 0
    for group in ("external", "internal"):
        for item in spec["faq"].get(group) or []:
            number += 1
            out.append(f"Q{number}. {plain_inline(item['q'])}")
            out.append(phrase(item["a"]))
    customer = spec.get("customer") or {}
    for name in ("who", "problem", "benefit", "evidence", "experience"):
        if customer.get(name):
            out.append(phrase(customer[name]))
    out += [phrase(tenet) for tenet in spec.get("tenets", [])]
    for metric in spec.get("metrics", []):
        out.append(metric["name"])
        out += [metric["baseline"]] if metric.get("baseline") else []
        out.append(metric["target"])
        out += [long_date(metric["by"])] if metric.get("by") else []
    for term in sorted(spec.get("glossary", {}), key=str.lower):
        out.append(f"{term}: {phrase(spec['glossary'][term], 4)}")
    for entry in spec.get("appendix", []):
        out.append(plain_inline(entry["title"]))
        out.append(phrase(entry["body"]))
    return [smart_text(p) for p in out]


# --------------------------------------------------------------------------- PDF


def pdf_body_text(rendered: Rendered, spec: dict[str, Any]) -> str:
    """The PDF's text in reading order, without running header, footer, DRAFT mark
    and line numbers: what a reader reads, page after page."""
    header = running_header(spec)
    kept = []
    for page in rendered.pages:
        # Line numbers are drawn last: a run of bare numbers ends the page's text.
        page = re.sub(r"(\n\d+)+\s*$", "", page)
        for line in page.splitlines():
            stripped = line.strip()
            if stripped in (header, "DRAFT") or FOOTER.match(stripped):
                continue
            if re.fullmatch(r"\d+\.|[•◦▪]", stripped):  # list markers, drawn apart
                continue
            kept.append(stripped)
    return normalise("\n".join(kept))


def outline(reader: PdfReader) -> list[tuple[int, str]]:
    """(depth, title) of every outline entry (bookmark), in order."""

    def walk(entries: list[Any], depth: int) -> Iterator[tuple[int, str]]:
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry, depth + 1)
            else:
                yield depth, entry.title

    return list(walk(reader.outline, 0))


def link_uris(reader: PdfReader) -> list[tuple[int, str]]:
    """(page index, URI) of every URI link annotation."""
    found = []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None and action.get("/S") == "/URI":
                found.append((index, str(action["/URI"])))
    return found


@dataclass(frozen=True)
class TextRun:
    text: str
    font: str
    size: float
    """Effective size in points."""
    x: float
    y: float
    """Baseline, in PDF points from the bottom of the page."""


def text_runs(reader: PdfReader, index: int) -> list[TextRun]:
    """Every text run drawn on a page, with its font, size and position."""
    runs: list[TextRun] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        # The text matrix times the current transformation matrix.
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        name = str(font.get("/BaseFont", "")) if font else ""
        runs.append(TextRun(text.strip(), name, size * (a * a + b * b) ** 0.5, x, y))

    reader.pages[index].extract_text(visitor_text=visit)
    return runs


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont name (subset prefix removed) -> whether its font program is embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            found[name] = found.get(name, True) and embedded
    return found


# --------------------------------------------------------------------------- DOCX


def docx_part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read(name))


def docx_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.namelist()


def docx_blocks(document: DocxDocument) -> Iterator[Paragraph | Table]:
    """Body paragraphs and tables in document order."""
    for child in document.element.body.iterchildren():
        if child.tag == f"{{{W}}}p":
            yield Paragraph(child, document)
        elif child.tag == f"{{{W}}}tbl":
            yield Table(child, document)


def docx_paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    """Every body paragraph in order, table cells' paragraphs included."""
    for block in docx_blocks(document):
        if isinstance(block, Paragraph):
            yield block
        else:
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    yield from cell.paragraphs


def docx_text(document: DocxDocument) -> str:
    """The body's text in order, white space normalised."""
    return normalise("\n".join(p.text for p in docx_paragraphs(document)))


def styled(document: DocxDocument) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty body paragraph, tables included."""
    return [(p.style.name, p.text) for p in docx_paragraphs(document) if p.text.strip()]


HEADING_STYLES = ("Title", "Section Label", "Headline")


def headings(document: DocxDocument) -> list[tuple[str, str]]:
    return [(s, t) for s, t in styled(document) if s.startswith("Heading") or s in HEADING_STYLES]


def has_watermark(rendered: Rendered) -> bool:
    marks = []
    for name in docx_names(rendered.docx_bytes):
        if re.fullmatch(r"word/header\d*\.xml", name):
            marks += rendered.part(name).xpath("//v:shape/v:textpath/@string", namespaces=NS)
    return "DRAFT" in marks


@functools.cache
def example_spec() -> dict[str, Any]:
    return load_yaml(EXAMPLE)


# --------------------------------------------------------------------------- fixtures
# Imported by the conftest of each test folder; each renders once per session.

EXAMPLE_OPTIONS = ("--format", "pdf,docx,html", "--report", "json")
VARIANT_OPTIONS = ("--paper", "a4", "--no-draft-mark", "--line-numbers")


@pytest.fixture(scope="session")
def example(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """specs/example.yaml with the default options (and HTML, and the JSON report)."""
    return render_cached(tmp_path_factory, EXAMPLE, *EXAMPLE_OPTIONS)


@pytest.fixture(scope="session")
def example_variant(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """specs/example.yaml on A4, without the draft mark, with line numbers."""
    return render_cached(tmp_path_factory, EXAMPLE, *VARIANT_OPTIONS)


@pytest.fixture(scope="session")
def showcase(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The Markdown showcase spec (every construct, every optional part)."""
    return render_cached(tmp_path_factory, SHOWCASE)


@pytest.fixture(scope="session")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The smallest valid spec, status final: no optional part, no DRAFT mark."""
    return render_cached(tmp_path_factory, MINIMAL)


@pytest.fixture(scope="session")
def press(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """Three customer quotes, typography to do, quotes and code blocks side by side."""
    return render_cached(tmp_path_factory, PRESS)


class CountingHandler(http.server.BaseHTTPRequestHandler):
    """Answers every GET, and records it: a render must never send one."""

    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server counting requests in CountingHandler.requests; its base URL."""
    CountingHandler.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
