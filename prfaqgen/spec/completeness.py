"""Warnings for a valid spec that is not finished yet: missing parts, unreplaced scaffold text.

Recommended parts: the method expects them but the format does not require
them. A spec without them is valid and renders; the author is told what is
missing and why it matters. ``--strict`` (or a team's house rules) makes them fail.

Scaffold text: ``prfaqgen new`` writes a spec that validates as written, so that
an author can fill it in one field at a time; without these warnings a spec
made only of TODOs would pass ``validate --strict``. Each placeholder starts
with ``TODO:`` and says what belongs there, so the warning quotes it. (The lint
rule ``placeholder-left`` reports the same text for teams that run ``prfaqgen
lint``; keep the wording alike.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import FieldPath, SourceMap, text_values
from prfaqgen.spec.model import Spec

_RECOMMENDED: list[tuple[FieldPath, Callable[[Spec], Any], str]] = [
    (
        ("press_release", "subheadline"),
        lambda s: s.press_release.subheadline,
        "one sentence: who the customer is and what they gain",
    ),
    (
        ("press_release", "location"),
        lambda s: s.press_release.location,
        "the dateline's city; the summary opens with it",
    ),
    (
        ("press_release", "launch_date"),
        lambda s: s.press_release.launch_date,
        "the intended launch date (YYYY-MM-DD); the dateline shows it",
    ),
    (
        ("press_release", "leader_quote"),
        lambda s: s.press_release.leader_quote,
        "a quote from the company's leader: why we built it",
    ),
    (
        ("press_release", "how_it_works"),
        lambda s: s.press_release.how_it_works,
        "what the customer does first, and how easy it is",
    ),
    (
        ("press_release", "call_to_action"),
        lambda s: s.press_release.call_to_action,
        "one or two sentences: where to go, how to start",
    ),
    (
        ("faq", "external"),
        lambda s: s.faq.external,
        "customer questions: price, how it works, where to get it, what it does not do",
    ),
    (
        ("faq", "internal"),
        lambda s: s.faq.internal,
        "stakeholder questions: the customer and TAM, the economics, dependencies, "
        "and 'What are the top three reasons this will fail?'",
    ),
]


MISSING = "recommended part is missing"


def is_missing_part(diagnostic: Diagnostic) -> bool:
    """A warning of this module: a recommended part is missing."""
    return diagnostic.severity == "warning" and diagnostic.message.startswith(MISSING)


def recommended_warnings(
    spec: Spec | dict[str, Any], file: str, source_map: SourceMap
) -> list[Diagnostic]:
    """A warning for each recommended part the spec lacks.

    ``spec`` may be the raw mapping of a file that has errors, so that its
    warnings are shown beside them; but not for the parts of a missing (or not a
    mapping) ``faq`` or ``press_release``: that is one error, not one per part.
    """
    out = []
    for path, get, why in _RECOMMENDED:
        if isinstance(spec, Spec):
            if get(spec):
                continue
        elif _present(spec, path) or not _is_mapping_at(spec, path[:-1]):
            continue
        pos = (
            source_map.of_missing(path)
            if path not in source_map.values
            else source_map.of_value(path)
        )
        out.append(
            Diagnostic(
                file,
                pos.line,
                pos.column,
                format_path(path),
                f"{MISSING}; add `{path[-1]}`: {why}",
                "warning",
            )
        )
    return sorted(out, key=lambda d: (d.line, d.column, d.path))


def _is_mapping_at(data: object, path: FieldPath) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    return isinstance(data, dict)


def _present(data: object, path: FieldPath) -> bool:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    if isinstance(data, str):
        return bool(data.strip())
    return bool(data)


SCAFFOLD_MARK = "TODO:"
# The scaffold's placeholder tag (`tags: [todo]`).
_SCAFFOLD_TAG = ("meta", "tags")
_MAX_QUOTE = 160


def unfilled_warnings(data: Any, file: str, source_map: SourceMap) -> list[Diagnostic]:
    """A warning for each field that still holds a scaffold placeholder."""
    out = []
    for path, text in text_values(data):
        if path[:-1] == _SCAFFOLD_TAG and text.strip() == "todo":
            message = 'still holds the scaffold text "todo": replace it with your own tags'
        elif text.lstrip().startswith(SCAFFOLD_MARK):
            message = (
                f'still holds the scaffold text "{_quote(text)}": replace it with what it asks for'
            )
        else:
            continue
        pos = source_map.of_text_line(path, 0)
        out.append(Diagnostic(file, pos.line, pos.column, format_path(path), message, "warning"))
    return out


def _quote(text: str) -> str:
    """The placeholder's first paragraph on one line, shortened if long."""
    first = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    flat = " ".join(first.split())
    return flat if len(flat) <= _MAX_QUOTE else flat[: _MAX_QUOTE - 3].rsplit(" ", 1)[0] + "..."
