"""The JSON Schema of format 1, generated from the model for editors and CI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from prfaqgen.spec.model import Spec

COMMITTED_SCHEMA = Path(__file__).with_name("schema.json")
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    schema = Spec.model_json_schema()
    return {"$schema": DRAFT, **schema}


def schema_text() -> str:
    """The schema as committed in ``schema.json``: stable, indented, newline-terminated."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
