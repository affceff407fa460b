"""Diagnostics as text lines, JSON, SARIF 2.1.0 or GitHub workflow annotations.

The one set of printers of ``prfaqgen validate`` and ``prfaqgen lint``: both
hand a list of :class:`~prfaqgen.diagnostics.Diagnostic` here, whatever
check found them (spec, config, writing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from prfaqgen._version import __version__
from prfaqgen.diagnostics import Diagnostic

FORMATS = ("text", "json", "sarif", "github")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"info": "note", "warning": "warning", "error": "error"}
_GITHUB_LEVEL = {"info": "notice", "warning": "warning", "error": "error"}

RuleInfo = Callable[[str], Mapping[str, object]]
"""A code's SARIF rule metadata (``shortDescription``, ``help``, ...) beside its id."""


def as_text(diagnostics: Sequence[Diagnostic]) -> str:
    """One ``FILE:LINE:COL: ...`` line each."""
    return "\n".join(d.format() for d in diagnostics)


def as_json(payload: object) -> str:
    """JSON as every ``--format json`` prints it: indented, UTF-8 text kept."""
    import json  # not for text output: validate starts faster

    return json.dumps(payload, indent=2, ensure_ascii=False)


def as_sarif(
    diagnostics: Sequence[Diagnostic], tool: str, rule_info: RuleInfo | None = None
) -> str:
    """One SARIF 2.1.0 log with one run of ``tool``; codes become its rules, in code order."""
    used = sorted({d.code for d in diagnostics if d.code})
    rules = [{"id": code, **(rule_info(code) if rule_info else {})} for code in used]
    index = {code: i for i, code in enumerate(used)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": tool, "version": __version__, "rules": rules}},
                "results": [_sarif_result(d, index) for d in diagnostics],
            }
        ],
    }
    return as_json(log)


def _sarif_result(d: Diagnostic, index: Mapping[str, int]) -> dict[str, object]:
    region: dict[str, int] = {"startLine": d.line, "startColumn": d.column}
    if d.end_line:
        region.update(endLine=d.end_line, endColumn=d.end_column)
    rule = {"ruleId": d.code, "ruleIndex": index[d.code]} if d.code else {}
    return {
        **rule,
        "level": SARIF_LEVEL[d.severity],
        "message": {"text": f"{d.message}; {d.hint}" if d.hint else d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": d.file.replace("\\", "/")},
                    "region": region,
                },
                "logicalLocations": [{"fullyQualifiedName": d.path}] if d.path else [],
            }
        ],
    }


def as_github(diagnostics: Sequence[Diagnostic]) -> str:
    """One workflow command each (see :func:`github_line`)."""
    return "\n".join(github_line(d) for d in diagnostics)


def github_line(d: Diagnostic) -> str:
    """``::warning file=F,line=L,col=C[,endLine=..,endColumn=..][,title=T]::message``.

    The title is a lint finding's rule id (a review finding's kind), or a spec
    problem's field path.
    """
    props = f"file={_prop(d.file)},line={d.line},col={d.column}"
    if d.end_line:
        props += f",endLine={d.end_line},endColumn={d.end_column}"
    title = d.code if d.origin in ("lint", "review") else d.path
    if title:
        props += f",title={_prop(title)}"
    return f"::{_GITHUB_LEVEL[d.severity]} {props}::{_data(d.message)}"


def _data(text: str) -> str:
    """GitHub's escaping of a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """GitHub's escaping of a workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
