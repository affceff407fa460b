"""The writing score: 0 to 100, four categories of 25 points.

Each category starts at 25. Every finding of a rule in that category takes
off points by its severity (error 8, warning 3; info is advice and costs 0). The
warnings of one rule take off at most 10 points, so that one habit repeated
does not empty a category; errors (a placeholder left) are never capped. A
category never goes below 0. The total is the sum of the four.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from prfaqgen.lint.findings import Finding, WritingScore
from prfaqgen.lint.rule import CATEGORIES
from prfaqgen.lint.rules import RULES

CATEGORY_POINTS = 25
PENALTY = {"error": 8, "warning": 3, "info": 0}
RULE_CAP = 10


def writing_score(findings: Iterable[Finding]) -> WritingScore:
    capped: dict[str, int] = defaultdict(int)
    lost: dict[str, int] = defaultdict(int)
    for finding in findings:
        if finding.severity == "error":
            lost[RULES[finding.rule].category] += PENALTY["error"]
        else:
            capped[finding.rule] += PENALTY[finding.severity]
    for rule, points in capped.items():
        lost[RULES[rule].category] += min(points, RULE_CAP)
    categories: dict[str, int] = {c: max(0, CATEGORY_POINTS - lost[c]) for c in CATEGORIES}
    return WritingScore(sum(categories.values()), categories)
