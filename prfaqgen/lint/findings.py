"""What the writing checks report: findings (diagnostics of origin ``lint``) and the score."""

from __future__ import annotations

from dataclasses import dataclass, field

from prfaqgen.diagnostics import Diagnostic, Severity

FindingSeverity = Severity
Finding = Diagnostic
"""One place where the writing breaks a house rule: a Diagnostic with ``origin="lint"``,
its rule id as ``code`` and its suggested fix as ``hint``."""


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
