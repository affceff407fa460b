"""Run the writing checks over one loaded spec: locate, grade, suppress, score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prfaqgen.diagnostics import format_path
from prfaqgen.lint.findings import Finding, LintResult
from prfaqgen.lint.rule import Context, Hit, Rule
from prfaqgen.lint.rules import RULES
from prfaqgen.lint.score import writing_score
from prfaqgen.lint.suppress import Suppressions, find_suppressions
from prfaqgen.settings.lint import SEVERITY_RANK, LintConfig
from prfaqgen.source.locations import SourceMap
from prfaqgen.source.offsets import Locator

if TYPE_CHECKING:
    from prfaqgen.measure.budget import PageBudget
    from prfaqgen.spec.loader import LoadedSpec


def lint_spec(
    loaded: LoadedSpec, config: LintConfig | None = None, budget: PageBudget | None = None
) -> LintResult:
    """Every finding of the enabled rules, sorted by position, with the writing score.

    Pure: prints nothing and raises nothing for any valid spec. The score counts
    every finding that is not disabled or suppressed; ``min_severity`` only
    hides findings from the list.
    """
    config = config or LintConfig()
    source_map = loaded.source_map
    locator = Locator(source_map)
    context = Context(loaded.spec, locator, config, budget)
    suppressions = find_suppressions(source_map)
    findings: list[Finding] = []
    for rule in RULES.values():
        if rule.id in config.disable:
            continue
        for hit in rule.check(context):
            finding = _finding(loaded.display_name, rule, hit, locator, config)
            if not _suppressed(finding, hit, suppressions, source_map):
                findings.append(finding)
    findings.sort(key=lambda f: (f.line, f.column, f.rule, f.end_line, f.end_column))
    score = writing_score(findings)
    floor = SEVERITY_RANK[config.min_severity]
    shown = tuple(f for f in findings if SEVERITY_RANK[f.severity] >= floor)
    return LintResult(loaded.display_name, shown, score)


def _finding(file: str, rule: Rule, hit: Hit, locator: Locator, config: LintConfig) -> Finding:
    if hit.start is None:
        start = end = locator.source_map.of_key(hit.path)
    else:
        start = locator.position(hit.path, hit.start)
        end = locator.position(hit.path, hit.end if hit.end is not None else hit.start)
    return Finding(
        file=file,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        path=format_path(hit.path),
        code=rule.id,
        severity=config.severity_of(rule.id, rule.severity),
        message=hit.message,
        hint=hit.suggestion or rule.fix,
        origin="lint",
    )


def _suppressed(finding: Finding, hit: Hit, found: Suppressions, source_map: SourceMap) -> bool:
    """Off on the finding's own lines, or on the line of the key of its field."""
    if not found.by_line:
        return False
    lines = range(finding.line, finding.end_line + 1)
    if found.covers(finding.rule, lines):
        return True
    keys = source_map.keys
    path = hit.path
    while path:
        key = keys.get(path)
        if key is not None:
            return found.covers(finding.rule, range(key.line, key.line + 1))
        path = path[:-1]
    return False
