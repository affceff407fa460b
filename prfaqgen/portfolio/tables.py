"""portfolio.csv and portfolio.json: the ranking table's rows, for spreadsheets and dashboards."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from prfaqgen.portfolio.ranking import RANKING_RULE, IdeaRow

COLUMNS = (
    "rank",
    "group",
    "title",
    "headline",
    "ask",
    "owner",
    "team",
    "status",
    "decision",
    "big_idea",
    "fit",
    "plan",
    "total",
    "fails_a_test",
    "reviewed",
    "writing_score",
    "press_release_pages",
    "faq_pages",
    "over_budget",
    "change",
    "error",
    "pdf",
    "docx",
    "spec",
    "tags",
)


def table_rows(ranked: Sequence[IdeaRow]) -> list[dict[str, Any]]:
    """One dict per idea, in rank order, with the columns of the ranking table."""
    return [
        {
            "rank": i,
            "group": r.group_label,
            "title": r.title,
            "headline": r.headline,
            "ask": r.ask,
            "owner": r.owner,
            "team": r.team,
            "status": r.status,
            "decision": r.decision,
            "big_idea": r.big_idea,
            "fit": r.fit,
            "plan": r.plan,
            "total": r.total,
            "fails_a_test": r.fails_a_test,
            "reviewed": r.reviewed,
            "writing_score": r.writing_score,
            "press_release_pages": r.press_release_pages,
            "faq_pages": r.faq_pages,
            "over_budget": list(r.over_budget),
            "change": r.change,
            "error": r.error,
            "pdf": r.pdf,
            "docx": r.docx,
            "spec": r.spec,
            "tags": list(r.tags),
        }
        for i, r in enumerate(ranked, start=1)
    ]


def to_csv(ranked: Sequence[IdeaRow]) -> bytes:
    """UTF-8 CSV with a header row; empty cells where a figure is missing, tags ``;``-joined."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in table_rows(ranked):
        cells = {k: ("" if v is None else v) for k, v in row.items()}
        cells["tags"] = ";".join(row["tags"])
        cells["over_budget"] = ";".join(row["over_budget"])
        cells["fails_a_test"] = "yes" if row["fails_a_test"] else "no"
        cells["reviewed"] = "yes" if row["reviewed"] else "no"
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def to_json(name: str, ranked: Sequence[IdeaRow]) -> bytes:
    """The rows, each with its history (scores and decision per run date)."""
    ideas = table_rows(ranked)
    for idea, row in zip(ideas, ranked, strict=True):
        idea["history"] = [dict(h) for h in row.history]
    payload = {
        "portfolio": name,
        "ideas_count": len(ranked),
        "could_not_be_rendered": sum(1 for r in ranked if r.error),
        "ranking_rule": RANKING_RULE,
        "ideas": ideas,
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
