"""The committed JSON Schema agrees with the loader, both ways, on the cases that differed."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from prfaqgen.spec import check_spec_text
from prfaqgen.spec.schema import COMMITTED_SCHEMA, schema_text

BASE = """\
prfaq: 1
title: Ledger
meta: {author: A, date: 2026-11-22, version: "1"}
press_release:
  headline: H
  summary: S
  problem: P
  solution: So
  customer_quotes: [{text: T, role: CFO}]
faq: {internal: [{q: "Why?", a: Because.}]}
"""
SCHEMA = json.loads(COMMITTED_SCHEMA.read_text("utf-8"))


def schema_accepts(text: str) -> bool:
    data = yaml.safe_load(text)
    data["meta"]["date"] = str(data["meta"]["date"])  # as JSON tools see a YAML date
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(data)


def loader_accepts(text: str) -> bool:
    return not check_spec_text(text).errors


@pytest.mark.parametrize(
    ("change", "valid"),
    [
        (("title: Ledger", "title: 2026"), True),
        (('version: "1"', "version: 0.3"), True),
        (("{text: T, role: CFO}", "{text: T}"), False),
        (("{text: T, role: CFO}", '{text: T, name: " "}'), False),
        (("{text: T, role: CFO}", "{text: T, name: Ana}"), True),
        (("title: Ledger", "title: [a, b]"), False),
        ((), True),
    ],
)
def test_schema_and_loader_agree(change, valid):
    text = BASE.replace(*change) if change else BASE
    assert loader_accepts(text) is valid
    assert schema_accepts(text) is valid


def test_the_committed_schema_is_the_generated_one():
    assert COMMITTED_SCHEMA.read_text("utf-8") == schema_text()
