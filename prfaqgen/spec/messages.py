"""Turn pydantic's validation errors into messages an author can act on.

pydantic reports ``('press_release', 'customer_quotes', 0, 'name')`` and
``string_type``; the author needs the line, the field, and what to write.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.spec.locations import FieldPath, SourceMap
from prfaqgen.spec.model import Spec


def diagnostics_from(error: ValidationError, file: str, source_map: SourceMap) -> list[Diagnostic]:
    """One located diagnostic per pydantic error."""
    out = []
    for detail in error.errors(include_url=False):
        loc: FieldPath = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "missing":
            pos = source_map.of_missing(loc)
        elif kind == "extra_forbidden":
            pos = source_map.of_key(loc)
        else:
            pos = source_map.of_value(loc)
        message = _message(kind, loc, detail)
        out.append(Diagnostic(file, pos.line, pos.column, format_path(loc), message))
    return out


def _message(kind: str, loc: FieldPath, detail: Any) -> str:
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    field = _field_info(loc)
    hint = f": {_lower_first(field.description).rstrip('.')}" if field and field.description else ""
    name = loc[-1] if loc else ""

    if kind == "missing":
        return f"required field `{name}` is missing; add it{hint}"
    if kind == "empty" or (value is None and kind in _TYPE_ERRORS):
        return f"is empty; write it{hint}"
    if kind == "extra_forbidden":
        return _unknown_key(str(name), loc[:-1])
    if kind == "literal_error":
        allowed = [
            a.strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        ]
        close = difflib.get_close_matches(str(value), allowed, n=1)
        suggestion = f"; did you mean `{close[0]}`?" if close else ""
        return f"must be one of {', '.join(allowed)}, not `{value}`{suggestion}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"must be a whole number from 1 to 5, not {value}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, not `{value}`"
    if kind == "too_short":
        return f"needs at least one entry{hint}"
    if kind in _TYPE_ERRORS:
        return f"{_TYPE_ERRORS[kind]}, not {_kind_of(value)}{hint}"
    return str(detail["msg"])


_TYPE_ERRORS = {
    "string_type": "must be text",
    "list_type": "must be a list (one `- ` item per line)",
    "dict_type": "must be a mapping (`key: value` lines indented under it)",
    "model_type": "must be a mapping of fields (`key: value` lines indented under it)",
    "model_attributes_type": "must be a mapping of fields (`key: value` lines indented under it)",
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
    model = _model_at(parent)
    allowed = list(model.model_fields) if model else []
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown field `{key}`; did you mean `{close[0]}`?"
    where = f"`{format_path(parent)}`" if parent else "the top level"
    return f"unknown field `{key}`; {where} takes: {', '.join(allowed)}"


def _model_at(path: FieldPath) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path``."""
    model: type[BaseModel] | None = Spec
    annotation: Any = None
    for part in path:
        if isinstance(part, int):
            continue
        if model is None:
            return None
        info = model.model_fields.get(part)
        if info is None:
            return None
        annotation = info.annotation
        model = _inner_model(annotation)
    return model


def _field_info(loc: FieldPath) -> Any:
    names = [p for p in loc if isinstance(p, str)]
    if not names or isinstance(loc[-1], int):
        return None
    model = _model_at(loc[:-1])
    return model.model_fields.get(str(loc[-1])) if model else None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """Unwrap Optional, list and Annotated down to a model class, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None
