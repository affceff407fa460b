"""Findings as text lines, JSON, SARIF 2.1.0 or GitHub workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Sequence

from prfaqgen._version import __version__
from prfaqgen.lint.findings import Finding, LintResult
from prfaqgen.lint.rules import RULES

FORMATS = ("text", "json", "sarif", "github")
_SARIF_LEVEL = {"info": "note", "warning": "warning", "error": "error"}
_GITHUB_LEVEL = {"info": "notice", "warning": "warning", "error": "error"}


def as_text(results: Sequence[LintResult]) -> str:
    lines: list[str] = []
    for result in results:
        lines.extend(f.format() for f in result.findings)
        parts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.score.categories.items())
        lines.append(f"{result.file}: writing score {result.score.total}/100 ({parts})")
    return "\n".join(lines)


def as_json(results: Sequence[LintResult]) -> str:
    return json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False)


def as_sarif(results: Sequence[LintResult]) -> str:
    used = sorted({f.rule for r in results for f in r.findings})
    rules = [
        {
            "id": rule_id,
            "shortDescription": {"text": RULES[rule_id].rationale},
            "help": {"text": RULES[rule_id].fix},
            "defaultConfiguration": {"level": _SARIF_LEVEL[RULES[rule_id].severity]},
        }
        for rule_id in used
    ]
    index = {rule_id: i for i, rule_id in enumerate(used)}
    sarif_results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f"{f.message}; {f.suggestion}" if f.suggestion else f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    },
                    "logicalLocations": [{"fullyQualifiedName": f.path}] if f.path else [],
                }
            ],
        }
        for r in results
        for f in r.findings
    ]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "prfaqgen lint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def as_github(results: Sequence[LintResult]) -> str:
    """``::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=rule::message``."""
    return "\n".join(github_line(f) for r in results for f in r.findings)


def github_line(f: Finding) -> str:
    props = (
        f"file={_prop(f.file)},line={f.line},col={f.column},endLine={f.end_line},"
        f"endColumn={f.end_column},title={_prop(f.rule)}"
    )
    return f"::{_GITHUB_LEVEL[f.severity]} {props}::{_data(f.message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


PRINTERS = {"text": as_text, "json": as_json, "sarif": as_sarif, "github": as_github}
