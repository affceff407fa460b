"""The JSON Schema of format 1, generated from the model for editors and CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prfaqgen.spec.model import Spec
from prfaqgen.validation import record_schema

COMMITTED_SCHEMA = Path(__file__).with_name("schema.json")
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The model's schema, as YAML tools see a spec: a plain scalar is text to prfaqgen.

    The reader keeps every scalar as written, so ``title: 2026`` and
    ``version: 0.3`` are text; an editor's YAML parser makes them numbers,
    which the schema must accept too.
    """
    defs: dict[str, dict[str, Any]] = {}
    top = record_schema(Spec, defs)
    schema = _scalars_as_text({"$defs": dict(sorted(defs.items())), **top})
    return {"$schema": DRAFT, **schema}


def _scalars_as_text(node: Any) -> Any:
    if isinstance(node, dict):
        out = {key: _scalars_as_text(value) for key, value in node.items()}
        if out.get("type") == "string" and "format" not in out and "enum" not in out:
            out["type"] = ["string", "number", "boolean"]
        return out
    if isinstance(node, list):
        return [_scalars_as_text(item) for item in node]
    return node


def schema_text() -> str:
    """The schema as committed in ``schema.json``: stable, indented, newline-terminated."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
