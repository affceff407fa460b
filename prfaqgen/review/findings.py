"""Reviewers' comments and tracked changes as located findings, and how they print.

The GitHub annotations are the lint printer's (prfaqgen.lint.printers), with
its escaping: a finding becomes a lint ``Finding`` of rule ``comment``,
``insertion`` or ``deletion`` at severity ``info`` (a ``::notice``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from prfaqgen.lint.findings import Finding
from prfaqgen.lint.printers import github_line

FORMATS = ("text", "json", "github")


@dataclass(frozen=True)
class Reply:
    """A comment answering another (Word's threads, word/commentsExtended.xml)."""

    author: str
    date: str
    text: str
    resolved: bool = False


@dataclass(frozen=True)
class ReviewFinding:
    """One comment or tracked change, at the spec line and column of the text it is on."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str
    """The spec field (dotted path), empty when it could not be told."""
    kind: str
    """``comment``, ``insertion`` or ``deletion``."""
    author: str
    date: str
    text: str
    """The comment's words, or the text inserted or deleted."""
    anchor: str = ""
    """The document text the comment is on (empty for a point comment)."""
    note: str = ""
    """Why the place is approximate, when it is."""
    resolved: bool = False
    replies: tuple[Reply, ...] = field(default=())

    @property
    def headline(self) -> str:
        """``comment (Tom Becker): "What does a clinic pay if..."``."""
        who = f" ({self.author})" if self.author else ""
        done = " [resolved]" if self.resolved else ""
        return f'{self.kind}{who}{done}: "{_one_line(self.text)}"'

    def format(self) -> str:
        """``FILE:LINE:COL: comment (Author): "text"``, then the note and replies indented."""
        lines = [f"{self.file}:{self.line}:{self.column}: {self.headline}"]
        if self.note:
            lines.append(f"    note: {self.note}")
        for reply in self.replies:
            who = f" ({reply.author})" if reply.author else ""
            lines.append(f'    reply{who}: "{_one_line(reply.text)}"')
        return "\n".join(lines)

    def as_lint_finding(self) -> Finding:
        """The same place and words as a lint finding, for the lint printers."""
        message = "\n".join(self.format().split("\n")[1:])
        return Finding(
            file=self.file,
            line=self.line,
            column=self.column,
            end_line=self.end_line,
            end_column=self.end_column,
            path=self.path,
            rule=self.kind,
            severity="info",
            message=self.headline + ("\n" + message if message else ""),
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def as_text(findings: Sequence[ReviewFinding]) -> str:
    return "\n".join(f.format() for f in findings)


def as_json(findings: Sequence[ReviewFinding]) -> str:
    return json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False)


def as_github(findings: Sequence[ReviewFinding]) -> str:
    return "\n".join(github_line(f.as_lint_finding()) for f in findings)


PRINTERS = {"text": as_text, "json": as_json, "github": as_github}
