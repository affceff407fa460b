"""The comparison document: the ranked ideas through the theme's templates, as PDF and DOCX.

It goes through the same machinery as a spec (sandboxed Jinja environment,
Markdown filters, theme stylesheet and reference document, the same writers),
so a team's theme and overridden blocks apply to it too.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from prfaqgen._version import __version__
from prfaqgen.compose.compose import theme_file_url
from prfaqgen.compose.document import ComposedDocument
from prfaqgen.compose.environments import cached_environment, rendering
from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.templating import render_template
from prfaqgen.portfolio.ranking import RANKING_RULE, IdeaRow
from prfaqgen.settings import Settings
from prfaqgen.themes.resolve import load_theme

PORTFOLIO_TEMPLATE = "portfolio.html.j2"
STATUSES = ("draft", "review", "final")
DECISIONS = ("pending", "fund", "hold", "decline")


@dataclass(frozen=True)
class PortfolioView:
    """What the portfolio template receives as ``portfolio``."""

    name: str
    date: date
    ideas: Sequence[IdeaRow]
    rule: str
    by_status: list[tuple[str, int]]
    by_decision: list[tuple[str, int]]
    filters: str


def portfolio_date(rows: Sequence[IdeaRow]) -> date:
    """SOURCE_DATE_EPOCH when set, else the newest idea's date (never the clock: reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    dates = [date.fromisoformat(r.date) for r in rows if r.date]
    return max(dates) if dates else date(1980, 1, 1)


def view(name: str, ranked: Sequence[IdeaRow], day: date, filters: str = "") -> PortfolioView:
    statuses = Counter(r.status for r in ranked)
    decisions = Counter(r.decision for r in ranked)
    return PortfolioView(
        name=name,
        date=day,
        ideas=ranked,
        rule=RANKING_RULE,
        by_status=[(s, statuses[s]) for s in STATUSES],
        by_decision=[(d, decisions[d]) for d in DECISIONS],
        filters=filters,
    )


def compose_portfolio(
    portfolio: PortfolioView, settings: Settings, base_dir: Path
) -> ComposedDocument:
    """The comparison as one composed HTML document, ready for the PDF and DOCX writers.

    ``base_dir`` is the output folder: the links to each idea's files are relative to it.
    """
    options = settings.render_options()
    theme = load_theme(settings.theme, settings.templates)
    env = cached_environment(theme.template_dirs)
    stamp = datetime.combine(portfolio.date, time(0), tzinfo=timezone.utc)
    context: dict[str, Any] = {
        "portfolio": portfolio,
        "options": options,
        "generator": f"prfaqgen {__version__}",
        "document_date": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    # Images stay in each idea's own document: the comparison resolves none.
    with rendering(MarkdownRenderer({}), theme_file_url(theme)):
        html = render_template(env, PORTFOLIO_TEMPLATE, context)
    roots = (Path(os.path.realpath(theme.stylesheet.parent)), *theme.roots)
    return ComposedDocument(
        html=html,
        base_dir=Path(os.path.realpath(base_dir)),
        theme=theme,
        options=options,
        source_date=stamp,
        resource_roots=tuple(dict.fromkeys(roots)),
    )


def write_comparison(doc: ComposedDocument, formats: Sequence[str]) -> dict[str, bytes]:
    """The comparison's bytes per format (pdf, docx)."""
    out: dict[str, bytes] = {}
    if "pdf" in formats:
        from prfaqgen.writers.pdf import render_pdf

        out["pdf"] = relative_links(render_pdf(doc).data, doc.base_dir)
    if "docx" in formats:
        from prfaqgen.writers.docx import render_docx

        out["docx"] = render_docx(doc)
    return out


def relative_links(pdf: bytes, base_dir: Path) -> bytes:
    """Links to the ideas' files made relative again, so the folder can move or be shared.

    WeasyPrint resolves every link against the output folder (``file:///home/...``);
    readers resolve a relative link against the PDF's own place.
    """
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    prefix = Path(os.path.realpath(base_dir)).as_uri() + "/"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots") or []:
            action = ref.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if isinstance(uri, str) and uri.startswith(prefix):
                relative = unquote(uri[len(prefix) :])
                action.get_object()[NameObject("/URI")] = TextStringObject(relative)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
