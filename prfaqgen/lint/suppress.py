"""Inline suppression: ``# prfaqgen: disable=rule-id`` comments in the YAML source.

PyYAML drops comments, so we scan the source lines. A ``#`` is a comment only
where it is outside every text value: the scalar spans the reader recorded
tell us where the values are, so a ``#`` inside a block or a quoted string is
never mistaken for one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from prfaqgen.source.locations import SourceMap

_DIRECTIVE = re.compile(
    r"#\s*prfaqgen:\s*(disable-next-line|disable)\s*(?:=\s*([\w\-, ]+))?", re.IGNORECASE
)
ALL = "*"


class Suppressions:
    """Rule ids switched off per file line (``*`` for every rule)."""

    def __init__(self, by_line: dict[int, set[str]] | None = None) -> None:
        self.by_line: dict[int, set[str]] = {} if by_line is None else by_line

    def covers(self, rule: str, lines: range) -> bool:
        """True when ``rule`` is off on any line of ``lines``."""
        for line in lines:
            rules = self.by_line.get(line)
            if rules and (rule in rules or ALL in rules):
                return True
        return False


def find_suppressions(source_map: SourceMap) -> Suppressions:
    source = source_map.source
    found = Suppressions()
    if "prfaqgen:" not in source:
        return found
    spans = sorted(
        # a block's header line (`key: |  # comment`) is not text
        (source.find("\n", s.start) + 1 if s.style in ("|", ">") else s.start, s.end)
        for s in source_map.scalars.values()
    )
    starts = [s for s, _ in spans]
    offset = 0
    for number, line in enumerate(source.split("\n"), start=1):
        for match in _DIRECTIVE.finditer(line):
            pointer = offset + match.start()
            index = bisect_right(starts, pointer) - 1
            if index >= 0 and spans[index][0] <= pointer < spans[index][1]:
                continue  # a "#" inside a text value is text
            rules = {r.strip() for r in (match.group(2) or ALL).split(",") if r.strip()}
            target = number if match.group(1).lower() == "disable" else number + 1
            found.by_line.setdefault(target, set()).update(rules)
        offset += len(line) + 1
    return found
