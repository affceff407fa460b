"""One row per idea, and the ranking rule leaders fund from.

Bezos's three tests (big idea, fit, plan) must all be present, so an idea is
ranked only when all three scores are given, and any score of 1 or 2 flags it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

RANKING_RULE = (
    "Ideas with all three review scores come first, by the sum of the three (highest first); "
    "ties go to the idea whose lowest score is highest, then to the higher writing score, "
    "then by title. Ideas without all three scores follow as “not yet reviewed”, by writing "
    "score, then by title. An idea with a score of 1 or 2 on any of the three tests is "
    "flagged “fails a test”: all three must be present."
)
FAIL_AT = 2
"""A score at or below this fails its test."""


@dataclass(frozen=True)
class IdeaRow:
    """What the comparison, the CSV and the JSON show of one idea."""

    spec: str
    """The spec's path relative to its portfolio folder."""
    title: str
    owner: str
    team: str
    date: str
    """The draft's date, ISO ``YYYY-MM-DD``."""
    status: str
    decision: str
    tags: tuple[str, ...]
    big_idea: int | None
    fit: int | None
    plan: int | None
    writing_score: int | None
    press_release_pages: float | None
    faq_pages: float | None
    pdf: str | None
    """The idea's PDF, relative to the output folder."""
    docx: str | None
    headline: str = ""
    subheadline: str = ""
    problem: str = ""
    solution: str = ""
    customer_quote: str = ""
    customer_quote_by: str = ""
    notes: str = ""
    findings: tuple[str, ...] = field(default=())
    """The top writing findings, as ``line: rule: message``."""

    @property
    def scores(self) -> tuple[int | None, int | None, int | None]:
        return (self.big_idea, self.fit, self.plan)

    @property
    def reviewed(self) -> bool:
        return all(s is not None for s in self.scores)

    @property
    def total(self) -> int | None:
        return sum(s for s in self.scores if s is not None) if self.reviewed else None

    @property
    def lowest(self) -> int | None:
        return min(s for s in self.scores if s is not None) if self.reviewed else None

    @property
    def fails_a_test(self) -> bool:
        return any(s is not None and s <= FAIL_AT for s in self.scores)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["findings"] = list(self.findings)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IdeaRow:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["tags"] = tuple(known.get("tags", ()))
        known["findings"] = tuple(known.get("findings", ()))
        return cls(**known)


def rank_key(row: IdeaRow) -> tuple[Any, ...]:
    """Sort key for the ranking rule (:data:`RANKING_RULE`)."""
    writing = -(row.writing_score if row.writing_score is not None else -1)
    if row.reviewed:
        return (0, -(row.total or 0), -(row.lowest or 0), writing, row.title.casefold(), row.spec)
    return (1, 0, 0, writing, row.title.casefold(), row.spec)


def rank(rows: Iterable[IdeaRow]) -> list[IdeaRow]:
    """``rows`` in rank order; the same rows always give the same order."""
    return sorted(rows, key=rank_key)
