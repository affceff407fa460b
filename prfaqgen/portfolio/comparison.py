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

from prfaqgen._version import __version__
from prfaqgen.compose.compose import theme_file_url
from prfaqgen.compose.document import ComposedDocument
from prfaqgen.compose.environments import cached_environment, rendering
from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.templating import render_template
from prfaqgen.portfolio.ranking import (
    RANKING_RULE,
    RULE_GROUPS,
    RULE_INTRO,
    RULE_WITHIN,
    IdeaRow,
    grouped,
)
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
    rule_parts: tuple[str, tuple[str, ...], str]
    """The rule as an introduction, the groups in order, and the order within a group."""
    by_status: list[tuple[str, int]]
    by_decision: list[tuple[str, int]]
    filters: str
    groups: list[tuple[str, str, list[tuple[int, IdeaRow]]]]
    """The ranking in its groups: (key, heading, [(rank, idea)])."""
    failed: int
    """How many specs could not be rendered."""


def portfolio_date(rows: Sequence[IdeaRow]) -> date:
    """SOURCE_DATE_EPOCH when set, else the newest idea's date (never the clock: reproducible)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    dates = [date.fromisoformat(r.date) for r in rows if r.date and not r.error]
    return max(dates) if dates else date(1980, 1, 1)


def view(name: str, ranked: Sequence[IdeaRow], day: date, filters: str = "") -> PortfolioView:
    statuses = Counter(r.status for r in ranked)
    decisions = Counter(r.decision for r in ranked)
    return PortfolioView(
        name=name,
        date=day,
        ideas=ranked,
        rule=RANKING_RULE,
        rule_parts=(RULE_INTRO, RULE_GROUPS, RULE_WITHIN),
        by_status=[(s, statuses[s]) for s in STATUSES],
        by_decision=[(d, decisions[d]) for d in DECISIONS],
        filters=filters,
        groups=grouped(ranked),
        failed=sum(1 for r in ranked if r.error),
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

        out["pdf"] = render_pdf(doc, links_dir=doc.base_dir).data
    if "docx" in formats:
        from prfaqgen.writers.docx import render_docx

        out["docx"] = render_docx(doc)
    return out
