"""One row per idea, and the ranking rule leaders fund from.

Bezos's three tests (big idea, fit, plan): a score of 1 or 2 fails a test, and
an idea that fails one never ranks above one that passes. Ideas still to be
decided come first, then those not yet fully scored, then those decided, then
the specs that could not be rendered, so that every idea is accounted for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

RULE_INTRO = (
    "Each idea has three review scores from 1 to 5: is it a big idea, should we be doing it "
    "(fit), and is there a legitimate plan to succeed. A score of 1 or 2 fails that test. "
    "The ideas are shown in five groups, in this order:"
)
RULE_GROUPS = (
    "To decide, passing all three tests: pending ideas with all three scores filled in, "
    "none of them 1 or 2.",
    "To decide, failing a test: pending ideas with any score of 1 or 2 (filled in so far).",
    "Not yet reviewed: pending ideas with a score still missing.",
    "Already decided: fund, then hold, then decline.",
    "Could not be rendered: specs with an error to fix, by file name.",
)
RULE_WITHIN = (
    "Within a group, ideas with all three scores come by the sum of the three (highest "
    "first); ties go to the idea whose lowest score is highest, then to the higher writing "
    "score, then by title. Ideas with a score missing come after them, by writing score, "
    "then by title. So an idea that fails a test never ranks above one that passes."
)
RANKING_RULE = " ".join(
    [RULE_INTRO, *(f"{i}. {g}" for i, g in enumerate(RULE_GROUPS, start=1)), RULE_WITHIN]
)
"""The rule in one paragraph (CSV, JSON); the comparison prints it as a list."""
GROUPS = (
    ("pass", "To decide: passes all three tests"),
    ("fail", "To decide: fails a test"),
    ("unreviewed", "Not yet reviewed"),
    ("decided", "Already decided"),
    ("error", "Could not be rendered"),
)
"""Each group's key and heading, in rank order."""
DECISION_ORDER = {"fund": 0, "hold": 1, "decline": 2}
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
    ask: str = ""
    """``meta.ask`` in one line: people · money · time."""
    over_budget: tuple[str, ...] = field(default=())
    """The page budget's limits this idea's PDF goes over, in words."""
    error: str = ""
    """Why the spec could not be rendered (its first located error); empty when it was."""
    change: str = ""
    """What changed since the previous run (filled in when the comparison is written)."""
    history: tuple[dict[str, Any], ...] = field(default=())
    """Scores and decision per run date, oldest first (filled in with ``change``)."""

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

    @property
    def rendered(self) -> bool:
        return not self.error

    @property
    def group(self) -> str:
        """Which of :data:`GROUPS` the idea is in."""
        if self.error:
            return "error"
        if self.decision != "pending":
            return "decided"
        if self.fails_a_test:
            return "fail"
        return "pass" if self.reviewed else "unreviewed"

    @property
    def group_label(self) -> str:
        return dict(GROUPS)[self.group]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["findings"] = list(self.findings)
        data["over_budget"] = list(self.over_budget)
        data["history"] = [dict(h) for h in self.history]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IdeaRow:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["tags"] = tuple(known.get("tags", ()))
        known["findings"] = tuple(known.get("findings", ()))
        known["over_budget"] = tuple(known.get("over_budget", ()))
        known["history"] = tuple(known.get("history", ()))
        return cls(**known)


def rank_key(row: IdeaRow) -> tuple[Any, ...]:
    """Sort key for the ranking rule (:data:`RANKING_RULE`)."""
    group = [key for key, _label in GROUPS].index(row.group)
    if row.error:
        return (group, 0, 0, 0, 0, 0, row.spec)
    decision = DECISION_ORDER.get(row.decision, -1)
    writing = -(row.writing_score if row.writing_score is not None else -1)
    if row.reviewed:
        total, lowest = -(row.total or 0), -(row.lowest or 0)
        return (group, decision, 0, total, lowest, writing, row.title.casefold(), row.spec)
    return (group, decision, 1, 0, 0, writing, row.title.casefold(), row.spec)


def rank(rows: Iterable[IdeaRow]) -> list[IdeaRow]:
    """``rows`` in rank order; the same rows always give the same order."""
    return sorted(rows, key=rank_key)


def grouped(ranked: Sequence[IdeaRow]) -> list[tuple[str, str, list[tuple[int, IdeaRow]]]]:
    """The non-empty groups of ``ranked``: (key, heading, [(rank, row)]), ranks from 1."""
    out: list[tuple[str, str, list[tuple[int, IdeaRow]]]] = []
    for key, label in GROUPS:
        members = [(i, r) for i, r in enumerate(ranked, start=1) if r.group == key]
        if members:
            out.append((key, label, members))
    return out
