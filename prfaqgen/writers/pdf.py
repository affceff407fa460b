"""PDF writer: the composed HTML laid out by WeasyPrint with the theme.

Beyond the bytes it reports where each anchor fell on the pages, so that the
six-page budget (:mod:`prfaqgen.measure.budget`) is measured on the real layout.
The same document always gives the same bytes, and only files inside the
document's resource roots and the theme folder are ever read.
"""

from __future__ import annotations

import copy
import hashlib
import io
import logging
import mimetypes
import os
import shutil
import threading
import xml.etree.ElementTree as ET
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.pdf.metadata import DocumentMetadata
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from prfaqgen.compose.document import ComposedDocument
from prfaqgen.errors import RenderError
from prfaqgen.fingerprint import Fingerprint, files_below
from prfaqgen.look import Theme
from prfaqgen.writers.local_files import local_path
from prfaqgen.writers.pdf_internals import embedding_fonts, html_from_tree
from prfaqgen.writers.pdf_layout import (
    NumberedPage,
    PageScan,
    baseline_shift,
    overlay_css,
    overlay_html,
    scan_page,
)

_PAPER_SIZES = {"letter": "letter", "a4": "A4"}
# Font subsetting stamps the time into each embedded font unless
# SOURCE_DATE_EPOCH is set; the variable is process-wide, hence the lock.
_ENVIRONMENT_LOCK = threading.Lock()


@dataclass(frozen=True)
class AnchorPosition:
    """Where an element with an id starts: its page and its height on the page."""

    page: int
    """0-based page index."""
    fraction: float
    """0 at the top of the page's content area, 1 at its bottom."""
    starts_page: bool
    """Nothing of the body lies above it on its page (a page break fell before it)."""


@dataclass(frozen=True)
class PdfRender:
    """A rendered PDF and the facts about its layout that the budget needs."""

    data: bytes
    page_count: int
    anchors: dict[str, AnchorPosition]
    """Every element id, at its first occurrence."""
    page_fill: tuple[float, ...]
    """Per page, how far down the content area the body reaches (0..1)."""


def render_pdf(doc: ComposedDocument, links_dir: Path | None = None) -> PdfRender:
    """Lay ``doc`` out with its theme and write it as a reproducible PDF.

    A relative link (``[sheet](pricing.pdf)``) is written relative to
    ``links_dir``, the folder the PDF is written to (default: ``doc.base_dir``),
    so that it opens the file wherever the two folders move together.
    """
    theme_roots = _theme_roots(doc.theme)
    fetcher = RestrictedFetcher((*doc.resource_roots, *theme_roots), theme_roots)
    # Image names and the /ID must not depend on where the spec's folder is.
    portable = fetcher.portable(doc.html, (doc.base_dir, *doc.resource_roots))
    with _reproducible(doc.source_date):
        font_config: FontConfiguration | None = None
        try:
            font_config, stylesheets = _stylesheets(doc, fetcher)
            base = fetcher.portable(_directory_url(doc.base_dir), (doc.base_dir,))
            tree = fetcher.portable_tree(doc.tree, (doc.base_dir, *doc.resource_roots))
            tree = without_attachments(tree)
            html = html_from_tree(tree, base, fetcher)
            document = html.render(stylesheets=stylesheets, font_config=font_config)
            scans = [scan_page(page) for page in document.pages]
            if doc.options.line_numbers:
                document = _with_line_numbers(document, scans, stylesheets[:2], fetcher)
            _complete_dates(document.metadata, doc.source_date)
            with embedding_fonts():
                data = document.write_pdf(pdf_identifier=_identifier(doc, portable))
            if _has_relative_links(tree):
                data = relative_links(data, fetcher.real_folders(), links_dir or doc.base_dir)
        except FatalURLFetchingError as error:
            _forget_fonts(font_config)
            cause = error.__cause__
            if isinstance(cause, RenderError):
                raise cause from None
            raise RenderError(f"{error}: {cause}") from cause
        except BaseException:
            _forget_fonts(font_config)
            raise
    fetcher.check()
    return PdfRender(
        data=data,
        page_count=len(scans),
        anchors=_anchors(document, scans),
        page_fill=tuple(scan.fill for scan in scans),
    )


_VIRTUAL = "file:///prfaqgen-folder-"
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/svg+xml"})
FONT_SUFFIXES = frozenset({".ttf", ".otf", ".woff", ".woff2"})


class RestrictedFetcher(URLFetcher):
    """Serves files inside the given folders and ``data:`` URLs; refuses the rest.

    A template or spec must not make a render read arbitrary files or reach the
    network. Paths are resolved (symlinks too) before the check. Failures are
    fatal for WeasyPrint and also recorded, because WeasyPrint swallows errors
    raised while it draws an SVG image.
    """

    def __init__(self, roots: tuple[Path, ...], theme_roots: tuple[Path, ...] = ()) -> None:
        super().__init__(fail_on_errors=True)
        self._roots = tuple(os.path.realpath(root) for root in roots)
        self._theme_roots = tuple(os.path.realpath(root) for root in theme_roots)
        self._failures: list[RenderError] = []
        self._virtual: dict[str, str] = {}

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return the resource at ``url``, or raise :class:`RenderError`."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        url = self._real_url(url)
        try:
            path = local_path(url, self._roots)
        except RenderError as error:
            raise self._fail(str(error)) from None
        try:
            body = Path(path).read_bytes()
        except OSError as error:
            raise self._fail(f"cannot read {path}: {error.strerror or error}") from error
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if not self._may_serve(path, content_type):
            raise self._fail(
                f"refusing to read {path}: a template may use only images, and the theme's "
                "own stylesheets and fonts (an attachment or other file is never embedded)"
            )
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def portable(self, text: str, folders: tuple[Path, ...]) -> str:
        """``text`` with each folder's ``file://`` URL replaced by a fixed virtual one."""
        for folder in folders:
            real = _directory_url(Path(os.path.realpath(folder)))
            if real not in self._virtual.values():
                self._virtual[f"{_VIRTUAL}{len(self._virtual)}/"] = real
            virtual = next(k for k, v in self._virtual.items() if v == real)
            text = text.replace(real, virtual)
        return text

    def portable_tree(self, tree: ET.Element, folders: tuple[Path, ...]) -> ET.Element:
        """``tree``, or a copy whose image sources name folders by virtual URLs."""
        if not any(
            self.portable(i.get("src", ""), folders) != i.get("src") for i in tree.iter("img")
        ):
            return tree
        tree = copy.deepcopy(tree)  # the shared tree keeps real URLs for the other writers
        for image in tree.iter("img"):
            image.set("src", self.portable(image.get("src", ""), folders))
        return tree

    def real_folders(self) -> dict[str, str]:
        """Each virtual folder URL and the real ``file://`` URL it stands for."""
        return dict(self._virtual)

    def _real_url(self, url: str) -> str:
        for virtual, real in self._virtual.items():
            if url.startswith(virtual):
                return real + url[len(virtual) :]
        return url

    def _may_serve(self, path: str, content_type: str) -> bool:
        """Images from any root; stylesheets and fonts only from the theme's folders."""
        if content_type in IMAGE_TYPES:
            return True
        if not (content_type == "text/css" or Path(path).suffix.lower() in FONT_SUFFIXES):
            return False
        return any(os.path.commonpath((path, root)) == root for root in self._theme_roots)

    def _fail(self, message: str) -> RenderError:
        error = RenderError(message)
        self._failures.append(error)
        return error

    def check(self) -> None:
        """Raise the first failure, even one that WeasyPrint did not let through."""
        if self._failures:
            raise self._failures[0]


def _stylesheets(
    doc: ComposedDocument, fetcher: RestrictedFetcher
) -> tuple[FontConfiguration, list[CSS]]:
    """The bundled fonts, the theme, then the options: paper size and the draft mark.

    The fonts and theme are parsed, and their fonts loaded, once per process
    and theme (see :func:`_theme_stylesheets`); the options sheet is per document.
    """
    font_config, sheets = _theme_stylesheets(doc.theme, fetcher)
    options_css = f"@page {{ size: {_PAPER_SIZES[doc.options.paper]} }}"
    if not doc.options.draft_mark:
        options_css += " .draft-mark { display: none !important }"
    options = CSS(string=options_css, url_fetcher=fetcher, font_config=font_config)
    return font_config, [*sheets, options]


#: Parsed theme stylesheets with their loaded fonts, kept per process.
THEME_CACHE_SIZE = 8
_ThemeKey = tuple[str, str, Fingerprint]
_theme_cache: OrderedDict[_ThemeKey, tuple[FontConfiguration, tuple[CSS, CSS]]] = OrderedDict()


def _theme_stylesheets(
    theme: Theme, fetcher: RestrictedFetcher
) -> tuple[FontConfiguration, tuple[CSS, CSS]]:
    """fonts.css and the theme's CSS, parsed with their ``@font-face`` fonts loaded.

    Reused while the stylesheets' text and every file beside them (the fonts)
    are unchanged: a batch reads and loads the fonts once, an edited theme is
    read again. Callers hold the render lock, so the shared FontConfiguration
    is never used by two renders at once.
    """
    fonts = theme.fonts_dir / "fonts.css"
    try:
        # theme.toml's fonts and colours come last, so that they win (docs/themes.md).
        theme_css = theme.stylesheet.read_text(encoding="utf-8") + theme.look.css()
        fonts_css = fonts.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RenderError(f"cannot read the theme stylesheet: {error}") from error
    key = (
        fonts_css,
        theme_css,
        files_below(theme.fonts_dir, theme.stylesheet.parent, *theme.roots),
    )
    cached = _theme_cache.get(key)
    if cached is not None:
        _theme_cache.move_to_end(key)
        return cached
    font_config = FontConfiguration()
    sheets = (
        CSS(
            string=fonts_css,
            base_url=_directory_url(fonts.parent),
            url_fetcher=fetcher,
            font_config=font_config,
        ),
        CSS(
            string=theme_css,
            base_url=_directory_url(theme.stylesheet.parent),
            url_fetcher=fetcher,
            font_config=font_config,
        ),
    )
    fetcher.check()  # never keep stylesheets whose fonts or imports were refused
    _theme_cache[key] = (font_config, sheets)
    while len(_theme_cache) > THEME_CACHE_SIZE:
        _theme_cache.popitem(last=False)
    return font_config, sheets


def warm_up(theme: Theme) -> None:
    """Load WeasyPrint's text layer and ``theme``'s stylesheets and fonts now."""
    roots = _theme_roots(theme)
    with _ENVIRONMENT_LOCK:
        _theme_stylesheets(theme, RestrictedFetcher(roots, roots))


def _theme_roots(theme: Theme) -> tuple[Path, ...]:
    """The folders a theme's stylesheets and fonts may be read from."""
    return (theme.stylesheet.parent, theme.fonts_dir, *theme.roots)


def _with_line_numbers(
    document: Document, scans: list[PageScan], theme: list[CSS], fetcher: RestrictedFetcher
) -> Document:
    """The same pages with every body line numbered in the left margin.

    The numbers are laid out by WeasyPrint as a second document with one page
    per page, then painted onto the pages: no second PDF, nothing to merge.
    """
    width = max(page.width for page in document.pages)
    height = max(page.height for page in document.pages)
    numbers_css = CSS(string=overlay_css(width, height), font_config=document.font_config)
    overlay = HTML(string=overlay_html(scans), url_fetcher=fetcher).render(
        stylesheets=[*theme, numbers_css], font_config=document.font_config
    )
    if len(overlay.pages) != len(document.pages):
        raise RenderError(
            f"line numbers laid out on {len(overlay.pages)} pages for a "
            f"{len(document.pages)}-page document; render without line numbers"
        )
    shift = baseline_shift(overlay.pages, scans)
    pages = [
        NumberedPage(page, numbers, shift)
        for page, numbers in zip(document.pages, overlay.pages, strict=True)
    ]
    return document.copy(pages)


def _anchors(document: Document, scans: list[PageScan]) -> dict[str, AnchorPosition]:
    anchors: dict[str, AnchorPosition] = {}
    for index, (page, scan) in enumerate(zip(document.pages, scans, strict=True)):
        for name, (_x, y, *_rest) in page.anchors.items():
            if name not in anchors:
                starts_page = scan.first_top is None or y <= scan.first_top + 0.5
                anchors[name] = AnchorPosition(index, scan.fraction(y), starts_page)
    return anchors


def _complete_dates(metadata: DocumentMetadata, source_date: datetime) -> None:
    """Dates from the document's meta, else its source date: never the clock."""
    stamp = _w3c(source_date)
    metadata.created = metadata.created or stamp
    metadata.modified = metadata.modified or stamp


def _w3c(moment: datetime) -> str:
    return _utc(moment).isoformat(timespec="seconds").replace("+00:00", "Z")


def _utc(moment: datetime) -> datetime:
    """``moment``, read as UTC when it carries no time zone (never local time)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def without_attachments(tree: ET.Element) -> ET.Element:
    """``tree``, or a copy in which no ``rel="attachment"`` can make WeasyPrint embed a file.

    A ``<link rel=attachment>`` is dropped and an ``<a rel=attachment>`` stays a
    plain link; the compose stage warns at the template line that asked for it
    (prfaqgen.compose.markup_scan).
    """

    def attaches(element: ET.Element) -> bool:
        return "attachment" in (element.get("rel") or "").lower().split()

    if not any(attaches(e) for tag in ("a", "link") for e in tree.iter(tag)):
        return tree
    tree = copy.deepcopy(tree)  # the shared tree stays as composed for the other writers
    for parent in tree.iter():
        for child in list(parent):
            if child.tag in ("a", "link") and attaches(child):
                if child.tag == "link":
                    parent.remove(child)
                    continue
                rel = [r for r in (child.get("rel") or "").split() if r.lower() != "attachment"]
                if rel:
                    child.set("rel", " ".join(rel))
                else:
                    del child.attrib["rel"]
    return tree


def _has_relative_links(tree: ET.Element) -> bool:
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#") and not urlsplit(href).scheme:
            return True
    return False


def relative_links(data: bytes, folders: dict[str, str], links_dir: Path) -> bytes:
    """``data`` with each link into a virtual folder rewritten relative to ``links_dir``.

    WeasyPrint resolves every link against the document's base URL; a PDF
    reader resolves a relative ``/URI`` against the PDF's own folder. The /ID
    and every other object stay as they are, so the bytes stay reproducible.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    target = os.path.realpath(links_dir)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    changed = False
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            action = ref.get_object().get("/A")
            action = action.get_object() if action is not None else None
            uri = action.get("/URI") if action is not None else None
            if not isinstance(uri, str):
                continue
            for virtual, real in folders.items():
                if uri.startswith(virtual):
                    parts = urlsplit(real + uri[len(virtual) :])
                    relative = quote(Path(os.path.relpath(unquote(parts.path), target)).as_posix())
                    relative += f"#{parts.fragment}" if parts.fragment else ""
                    assert action is not None
                    action[NameObject("/URI")] = TextStringObject(relative)
                    changed = True
                    break
            else:
                if uri.startswith(_VIRTUAL) and action is not None:  # no real folder: drop it
                    del action[NameObject("/URI")]
                    changed = True
    if not changed:
        return data
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _forget_fonts(font_config: FontConfiguration | None) -> None:
    """Drop a failed render's theme from the cache and delete its font folder.

    WeasyPrint deletes its /tmp/weasyprint-* font folder only when collected;
    a failed render's traceback can keep it alive until the process exits.
    The cached stylesheets use that folder, so they go too and are rebuilt
    by the next render.
    """
    if font_config is None:
        return
    for key in [k for k, (cached, _sheets) in _theme_cache.items() if cached is font_config]:
        del _theme_cache[key]
    folder = getattr(font_config, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _identifier(doc: ComposedDocument, portable_html: str) -> bytes:
    """The PDF's permanent /ID: a digest of the (path-free) HTML and the render options."""
    digest = hashlib.sha256(f"{portable_html}\0{doc.options!r}".encode())
    return digest.hexdigest()[:32].encode("ascii")


def _directory_url(folder: Path) -> str:
    return folder.resolve().as_uri() + "/"


class _HeadTimestampFilter(logging.Filter):
    """Drops fontTools' warning about Carlito's old 'head' dates: harmless noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "timestamp seems very low" not in record.getMessage()


@contextmanager
def _reproducible(source_date: datetime) -> Iterator[None]:
    """Pin font timestamps to ``source_date`` unless SOURCE_DATE_EPOCH is set,
    and silence fontTools' complaint about the fonts' own old timestamps."""
    head_logger = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    quiet = _HeadTimestampFilter()
    with _ENVIRONMENT_LOCK:
        previous = os.environ.get("SOURCE_DATE_EPOCH")
        if previous is None:
            os.environ["SOURCE_DATE_EPOCH"] = str(int(_utc(source_date).timestamp()))
        head_logger.addFilter(quiet)
        try:
            yield
        finally:
            head_logger.removeFilter(quiet)
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
