"""Turn validation problems into messages an author can act on.

The validator reports ``('press_release', 'customer_quotes', 0, 'name')`` and
``wrong_type``; the author needs the line, the field, and what to write.
"""

from __future__ import annotations

from typing import Any

from prfaqgen.diagnostics import Diagnostic, closest, format_path
from prfaqgen.spec.locations import FieldPath, SourceMap
from prfaqgen.spec.model import Spec
from prfaqgen.validation import Problem, fields_of, record_at


def diagnostics_from(problems: list[Problem], file: str, source_map: SourceMap) -> list[Diagnostic]:
    """One located diagnostic per problem."""
    out = []
    for problem in problems:
        loc: FieldPath = problem.loc
        if problem.code == "missing":
            pos = source_map.of_missing(loc)
        elif problem.code == "unknown_key":
            pos = source_map.of_key(loc)
        else:
            pos = source_map.of_value(loc)
        hint = _belongs_above(loc, source_map) if problem.code == "unknown_key" else ""
        message = f"unknown field `{loc[-1]}` here{hint}" if hint else _message(problem)
        out.append(Diagnostic(file, pos.line, pos.column, format_path(loc), message))
    return out


def _message(problem: Problem) -> str:
    kind, loc, value = problem.code, problem.loc, problem.value
    description = _description(loc)
    hint = f": {_lower_first(description).rstrip('.')}" if description else ""
    name = loc[-1] if loc else ""

    if kind == "missing":
        return f"required field `{name}` is missing; add it{hint}"
    if kind == "empty":
        return f"is empty; write it{hint}"
    if kind == "unknown_key":
        return _unknown_key(str(name), loc[:-1])
    if kind == "not_a_choice":
        allowed = problem.context["allowed"]
        close = closest(value, allowed)
        suggestion = f"; did you mean `{close}`?" if close else ""
        return f"must be one of {', '.join(allowed)}, not `{value}`{suggestion}"
    if kind == "out_of_range":
        return f"{problem.message}, not {value}"
    if kind == "not_whole_number":
        return f"must be a whole number, not `{value}`"
    if kind == "too_short":
        return f"needs at least one entry{hint}"
    if kind == "wrong_type":
        return f"{_TYPE_ERRORS[problem.context['expected']]}, not {_kind_of(value)}{hint}"
    return problem.message


_TYPE_ERRORS = {
    "text": "must be text",
    "list": "must be a list (one `- ` item per line)",
    "mapping": "must be a mapping (`key: value` lines indented under it)",
    "record": "must be a mapping of fields (`key: value` lines indented under it)",
}


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return f"the text `{value}`"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _unknown_key(key: str, parent: FieldPath) -> str:
    model = record_at(Spec, parent)
    allowed = list(fields_of(model)) if model else []
    close = closest(key, allowed)
    if close:
        return f"unknown field `{key}`; did you mean `{close}`?"
    where = f"`{format_path(parent)}`" if parent else "the top level"
    return f"unknown field `{key}`; {where} takes: {', '.join(allowed)}"


def _belongs_above(loc: FieldPath, source_map: SourceMap) -> str:
    """An unknown key that is a field of a mapping just above it was indented too
    little: ``meta:`` then ``author:`` at the same column makes ``author`` a sibling."""
    key, parent = loc[-1], loc[:-1]
    here = source_map.keys.get(loc)
    if here is None:
        return ""
    parent_model = record_at(Spec, parent)
    known = fields_of(parent_model) if parent_model else {}
    above = sorted(
        (
            (pos.line, path)
            for path, pos in source_map.keys.items()
            if path[:-1] == parent and pos.line < here.line and pos.column == here.column
        ),
        reverse=True,
    )
    for line, sibling in above:  # nearest first, over other misplaced keys
        model = record_at(Spec, sibling)
        if model is not None and str(key) in fields_of(model):
            return (
                f"; it is a field of `{sibling[-1]}` (line {line}): indent it under "
                f"`{sibling[-1]}:`, to column {here.column + 2}"
            )
        if sibling[-1] in known:
            return ""
    return ""


def _description(loc: FieldPath) -> str:
    """What the field at ``loc`` is for; nothing for list items and mapping entries."""
    if not loc or isinstance(loc[-1], int):
        return ""
    model = record_at(Spec, loc[:-1])
    spec = fields_of(model).get(str(loc[-1])) if model else None
    return spec.description if spec else ""
