"""Lint results as text lines, JSON, SARIF 2.1.0 or GitHub workflow annotations.

The findings are printed by prfaqgen.printers, as ``validate`` prints its
diagnostics; here are only what lint adds: the score lines, the results'
JSON shape and the rules' SARIF metadata.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from prfaqgen import printers
from prfaqgen.lint.findings import LintResult
from prfaqgen.lint.rules import RULES

FORMATS = printers.FORMATS


def rule_info(rule_id: str) -> Mapping[str, object]:
    """A rule's SARIF metadata: why it exists, how to fix, its default level.

    Nothing for a code that is no lint rule (``validate --lint`` mixes in spec problems).
    """
    rule = RULES.get(rule_id)
    if rule is None:
        return {}
    return {
        "shortDescription": {"text": rule.rationale},
        "help": {"text": rule.fix},
        "defaultConfiguration": {"level": printers.SARIF_LEVEL[rule.severity]},
    }


def as_text(results: Sequence[LintResult]) -> str:
    lines: list[str] = []
    for result in results:
        lines.extend(f.format() for f in result.findings)
        parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.score.categories.items())
        lines.append(f"{result.file}: writing score {result.score.total}/100 ({parts})")
    return "\n".join(lines)


def as_json(results: Sequence[LintResult]) -> str:
    return printers.as_json([r.as_dict() for r in results])


def as_sarif(results: Sequence[LintResult]) -> str:
    findings = [f for r in results for f in r.findings]
    return printers.as_sarif(findings, "prfaqgen lint", rule_info)


def as_github(results: Sequence[LintResult]) -> str:
    """``::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=rule::message``."""
    return printers.as_github([f for r in results for f in r.findings])


PRINTERS = {"text": as_text, "json": as_json, "sarif": as_sarif, "github": as_github}
