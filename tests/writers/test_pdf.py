"""The PDF writer, read back with pypdf: what a reviewer gets on paper and on screen."""

from __future__ import annotations

import base64
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.errors import RenderError
from prfaqgen.look import Theme
from prfaqgen.writers.pdf import PdfRender, render_pdf

from .conftest import FIXTURES, REPO

pytestmark = pytest.mark.slow

MakeDoc = Callable[..., ComposedDocument]
Render = Callable[[ComposedDocument], PdfRender]
ReadPdf = Callable[[PdfRender], PdfReader]

PAGE_FOOTER = re.compile(r"Page (\d+) of (\d+)")
HEADER = "Ledgerly PR/FAQ · version 3 · November 20, 2026 · In review"


def page_texts(pdf: PdfReader) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


def body_text(text: str) -> str:
    """A page's text without the line numbers drawn after everything else."""
    return re.sub(r"(\n\d+)+$", "", text)


def outline_titles(entries: list[Any], depth: int = 0) -> list[tuple[int, str]]:
    titles: list[tuple[int, str]] = []
    for entry in entries:
        if isinstance(entry, list):
            titles += outline_titles(entry, depth + 1)
        else:
            titles.append((depth, entry.title))
    return titles


def links(pdf: PdfReader) -> list[tuple[int, str]]:
    """(page index, destination name or URI) of every link."""
    found = []
    for index, page in enumerate(pdf.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            target = annotation.get("/Dest") or annotation["/A"]["/URI"]
            found.append((index, str(target)))
    return found


def text_runs(pdf: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) in PDF points of every text run drawn on a page."""
    runs: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append((text.strip(), x, y))

    pdf.pages[index].extract_text(visitor_text=visit)
    return runs


def test_text_comes_out_in_reading_order(make_doc: MakeDoc, render: Render, read_pdf: ReadPdf):
    text = "\n".join(page_texts(read_pdf(render(make_doc()))))
    expected = [
        "Ledgerly closes the books in one day",
        "Press release",
        "SEATTLE, November 22, 2026",
        "said Maria Chen",
        "Frequently asked questions",
        "1. How much does Ledgerly cost?",
        "2028 1,500 $7.2M",
        "4. What are the top three reasons this will fail?",
        "Success metrics",
        "Appendix",
        "ledgerly import --bank chase",
        "End of appendix.",
    ]
    positions = [text.index(snippet) for snippet in expected]
    assert positions == sorted(positions)


def test_every_page_has_header_and_page_x_of_n(
    make_doc: MakeDoc, render: Render, read_pdf: ReadPdf
):
    result = render(make_doc())
    pdf = read_pdf(result)
    assert result.page_count == len(pdf.pages) >= 3
    for number, text in enumerate(page_texts(pdf), start=1):
        assert HEADER in text
        assert PAGE_FOOTER.findall(text) == [(str(number), str(result.page_count))]


def test_appendix_starts_a_page(make_doc: MakeDoc, render: Render, read_pdf: ReadPdf):
    result = render(make_doc())
    appendix = result.anchors["appendix"]
    assert appendix.starts_page
    page = page_texts(read_pdf(result))[appendix.page]
    assert page.replace("DRAFT\n", "").startswith("Appendix")
    assert result.anchors["document-end"].page == result.page_count - 1
    assert result.anchors["press-release"].page == 0
    assert 0 < result.anchors["faq"].fraction < 1


@pytest.mark.parametrize("draft_mark", [True, False])
def test_draft_mark_on_every_page_only_when_asked(
    make_doc: MakeDoc, render: Render, read_pdf: ReadPdf, draft_mark: bool
):
    texts = page_texts(read_pdf(render(make_doc(draft_mark=draft_mark))))
    assert ["DRAFT" in text for text in texts] == [draft_mark] * len(texts)


def test_metadata_from_the_head(make_doc: MakeDoc, render: Render, read_pdf: ReadPdf):
    pdf = read_pdf(render(make_doc()))
    info = pdf.metadata
    assert info is not None
    assert info.title == "Ledgerly: close the books in one day"
    assert info.author == "Dana Okafor"
    assert info.subject == "PR/FAQ for Ledgerly, a month-end close assistant"
    assert info["/Keywords"] == "finance, month-end close, ledger"
    assert info["/Creator"] == "prfaqgen 0.1.0"
    assert info["/CreationDate"] == "D:20261102093000Z"
    assert info["/ModDate"] == "D:20261120170500Z"
    assert pdf.trailer["/Root"]["/Lang"] == "en-US"


def test_dates_default_to_the_source_date(make_doc: MakeDoc, read_pdf: ReadPdf):
    html = (FIXTURES / "composed.html").read_text("utf-8")
    html = re.sub(r'<meta name="dcterms\.\w+"[^>]*>', "", html)
    info = read_pdf(render_pdf(make_doc(html=html))).metadata
    assert info is not None
    assert info["/CreationDate"] == info["/ModDate"] == "D:20261121080000Z"


def test_outline_has_parts_and_every_question(make_doc: MakeDoc, render: Render, read_pdf: ReadPdf):
    titles = outline_titles(read_pdf(render(make_doc())).outline)
    assert titles == [
        (0, "Press release"),
        (0, "Frequently asked questions"),
        (1, "External FAQ"),
        (2, "1. How much does Ledgerly cost?"),
        (2, "2. Which ledgers does it support?"),
        (1, "Internal FAQ"),
        (2, "3. What are the economics?"),
        (2, "4. What are the top three reasons this will fail?"),
        (0, "Success metrics"),
        (0, "Appendix"),
        (1, "Match rates in the preview"),
    ]


@pytest.mark.parametrize(("paper", "size"), [("letter", (612.0, 792.0)), ("a4", (595.28, 841.89))])
def test_paper_size(
    make_doc: MakeDoc, render: Render, read_pdf: ReadPdf, paper: str, size: tuple[float, float]
):
    for page in read_pdf(render(make_doc(paper=paper))).pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == size


def test_fonts_are_embedded_carlito(make_doc: MakeDoc, render: Render, read_pdf: ReadPdf):
    html = (FIXTURES / "composed.html").read_text("utf-8")
    html = re.sub(r"<pre>.*?</pre>", "", html, flags=re.DOTALL)
    pdf = read_pdf(render(make_doc(html=html)))
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(font["/BaseFont"].split("+", 1)[-1])
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"], font["/BaseFont"]
    assert names == {"Carlito", "Carlito-Bold", "Carlito-Italic"}


def test_line_numbers_count_on_and_sit_on_the_lines(
    make_doc: MakeDoc, render: Render, read_pdf: ReadPdf
):
    numbered = read_pdf(render(make_doc(line_numbers=True)))
    plain = read_pdf(render(make_doc()))
    assert len(numbered.pages) == len(plain.pages)
    expected = 1
    for index, (with_numbers, without) in enumerate(
        zip(page_texts(numbered), page_texts(plain), strict=True)
    ):
        # Same text, in the same order, with the numbers after it.
        assert body_text(with_numbers) == without
        runs = text_runs(numbered, index)
        numbers = [(text, y) for text, x, y in runs if x < 72 and text.isdigit()]
        lines = {round(y, 1) for text, x, y in runs if x >= 72 and text != "DRAFT"}
        assert [int(text) for text, _ in numbers] == list(range(expected, expected + len(numbers)))
        expected += len(numbers)
        for _, y in numbers:
            assert 72 < y < 720  # never in the running header or footer
            assert any(abs(y - line) < 0.2 for line in lines), y
    assert expected > 40
    # The numbers leave the outline, the links and the metadata alone.
    assert outline_titles(numbered.outline) == outline_titles(plain.outline)
    assert links(numbered) == links(plain)
    assert [target for _, target in links(plain)] == ["https://ledgerly.example/start", "q-1"]
    assert numbered.metadata == plain.metadata
    assert numbered.trailer["/Root"]["/Lang"] == "en-US"


def test_reproducible_across_processes(tmp_path: Path):
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from tests.writers.conftest import composed_document\n"
        "from prfaqgen.writers.pdf import render_pdf\n"
        "doc = composed_document(line_numbers=True)\n"
        "Path(sys.argv[1]).write_bytes(render_pdf(doc).data)\n"
    )
    outputs = []
    for seed in ("1", "2"):
        env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
        env.update(PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        target = tmp_path / f"run-{seed}.pdf"
        if outputs:
            time.sleep(1.1)  # so that a clock leaking into the file would differ
        subprocess.run([sys.executable, "-c", script, str(target)], check=True, env=env, cwd=REPO)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it receives."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def with_image(src: str) -> str:
    html = (FIXTURES / "composed.html").read_text("utf-8")
    return html.replace('src="chart.png"', f'src="{src}"')


def test_http_resources_are_refused_unfetched(
    make_doc: MakeDoc, http_server: tuple[str, list[str]]
):
    base, requests = http_server
    with pytest.raises(RenderError, match="refusing to fetch http://127.0.0.1"):
        render_pdf(make_doc(html=with_image(f"{base}/chart.png")))
    assert requests == []


def test_refusal_inside_an_svg_image_still_fails(
    make_doc: MakeDoc, http_server: tuple[str, list[str]]
):
    base, requests = http_server
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        f'<image href="{base}/tracker.png" width="10" height="10"/></svg>'
    )
    source = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    with pytest.raises(RenderError, match="refusing to fetch"):
        render_pdf(make_doc(html=with_image(source)))
    assert requests == []


def test_files_outside_the_roots_are_refused(make_doc: MakeDoc, tmp_path: Path):
    outside = tmp_path / "secret.png"
    shutil.copy(FIXTURES / "chart.png", outside)
    with pytest.raises(RenderError, match="refusing to read .*secret.png"):
        render_pdf(make_doc(html=with_image(outside.as_uri())))


def test_symlinks_cannot_escape_the_roots(make_doc: MakeDoc, tmp_path: Path):
    root, outside = tmp_path / "spec", tmp_path / "elsewhere"
    root.mkdir()
    outside.mkdir()
    shutil.copy(FIXTURES / "chart.png", outside / "secret.png")
    (root / "chart.png").symlink_to(outside / "secret.png")
    with pytest.raises(RenderError, match="refusing to read .*secret.png"):
        render_pdf(make_doc(base_dir=root, roots=(root,)))


def test_data_urls_and_files_inside_the_roots_are_served(
    make_doc: MakeDoc, render: Render, read_pdf: ReadPdf
):
    png = base64.b64encode((FIXTURES / "chart.png").read_bytes()).decode()
    from_data = render_pdf(make_doc(html=with_image(f"data:image/png;base64,{png}")))
    for result in (from_data, render(make_doc())):
        (image,) = {image.data: image for image in read_pdf(result).pages[-1].images}.values()
        assert image.image.size == (240, 120)


def test_missing_file_is_an_error(make_doc: MakeDoc):
    with pytest.raises(RenderError, match="cannot read .*missing.png"):
        render_pdf(make_doc(html=with_image("missing.png")))


def test_missing_theme_is_an_error(make_doc: MakeDoc, tmp_path: Path):
    doc = make_doc()
    theme = Theme(tmp_path / "theme.css", tmp_path / "reference.docx", tmp_path)
    with pytest.raises(RenderError, match="theme stylesheet"):
        render_pdf(ComposedDocument(html=doc.html, base_dir=doc.base_dir, theme=theme))
