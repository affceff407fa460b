"""What the writing checks report: findings (data) and the writing score."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

FindingSeverity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Finding:
    """One place where the writing breaks a house rule; lines and columns count from 1."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str
    rule: str
    severity: FindingSeverity
    message: str
    suggestion: str = ""

    def format(self) -> str:
        """``FILE:LINE:COL: severity: message [rule-id]``."""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class WritingScore:
    """0 to 100, the sum of four categories of 25 (see docs/lint-rules.md)."""

    total: int
    categories: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"total": self.total, "categories": dict(self.categories)}


@dataclass(frozen=True)
class LintResult:
    """The findings of one file, sorted by position, and its score."""

    file: str
    findings: tuple[Finding, ...]
    score: WritingScore

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "score": self.score.as_dict(),
            "findings": [f.as_dict() for f in self.findings],
        }
