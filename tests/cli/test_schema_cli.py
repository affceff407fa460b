"""``prfaqgen schema [-o FILE]``: the JSON Schema generated from the model, and its committed copy.

The committed ``prfaqgen/spec/schema.json`` is what editors point at; it must be exactly
what the model generates. The example spec and the ``new`` scaffold must validate against
it, read the way an editor's YAML language server reads them (YAML 1.2 core schema:
``1`` is an integer, ``2026-11-22`` and ``no`` are strings).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from prfaqgen.cli import main
from prfaqgen.source.yaml_builder import read_spec_file
from prfaqgen.spec.model import Spec
from prfaqgen.spec.scaffold import scaffold_text
from prfaqgen.spec.schema import COMMITTED_SCHEMA, json_schema, schema_text
from prfaqgen.validation import fields_of, to_plain, validate

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
UPDATE = "prfaqgen schema -o prfaqgen/spec/schema.json"


class Yaml12CoreLoader(yaml.SafeLoader):
    """Plain scalars resolved as YAML 1.2's core schema does (as editors read a spec)."""

    yaml_implicit_resolvers: dict = {}


for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]:
    Yaml12CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def editor_view(text: str) -> object:
    return yaml.load(text, Loader=Yaml12CoreLoader)  # a SafeLoader subclass


@pytest.fixture(scope="module")
def jsonschema():
    return pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator(jsonschema):
    schema = json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.Draft202012Validator
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def messages(validator, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


# --- the committed copy -----------------------------------------------------------------------


def staleness(committed: str, generated: str) -> str | None:
    """Why the committed schema is stale, with how to fix it; None when it is current."""
    if committed == generated:
        return None
    return (
        f"{COMMITTED_SCHEMA.relative_to(REPO)} is stale: the model changed but the schema "
        f"was not regenerated. Update it with: {UPDATE}"
    )


def test_committed_schema_is_the_generated_one():
    problem = staleness(COMMITTED_SCHEMA.read_text(encoding="utf-8"), schema_text())
    assert problem is None, problem


def test_a_stale_schema_would_fail_with_the_command_that_updates_it():
    problem = staleness(schema_text().replace("Who wrote", "Who edited"), schema_text())
    assert problem == (
        "prfaqgen/spec/schema.json is stale: the model changed but the schema was not "
        "regenerated. Update it with: prfaqgen schema -o prfaqgen/spec/schema.json"
    )


def test_schema_describes_format_1(jsonschema):
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == "prfaqgen idea spec, format 1"
    assert schema["additionalProperties"] is False
    assert sorted(schema["required"]) == ["faq", "meta", "press_release", "prfaq", "title"]
    assert schema["properties"]["prfaq"]["enum"] == [1]
    # A plain YAML scalar is text to prfaqgen: `title: 2026` is the title "2026".
    assert schema["properties"]["title"]["type"] == ["string", "number", "boolean"]
    assert list(schema["properties"]) == list(fields_of(Spec))
    assert schema_text().endswith("}\n") and json.loads(schema_text()) == schema


# --- specs against the schema ------------------------------------------------------------------


def test_example_spec_validates_against_the_schema(validator):
    data = editor_view(EXAMPLE.read_text(encoding="utf-8"))
    assert messages(validator, data) == []


def test_example_read_by_prfaqgen_and_typed_by_the_model_validates(validator):
    read = read_spec_file(EXAMPLE)
    assert read.diagnostics == []
    # the reader keeps every scalar as text; the model types it; the schema describes the types
    typed = to_plain(validate(Spec, read.data), json=True, exclude_none=True)
    assert messages(validator, typed) == []


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2028, 2, 29)])
def test_new_scaffold_validates_against_the_schema(validator, today):
    data = editor_view(scaffold_text("Ledger", "Priya Raman", today))
    assert messages(validator, data) == []


def test_schema_refuses_what_the_model_refuses(validator):
    data = editor_view(EXAMPLE.read_text(encoding="utf-8"))
    assert messages(validator, {**data, "prfaq": 2})
    assert messages(validator, {**data, "titel": "Gapfill"})
    assert messages(validator, {k: v for k, v in data.items() if k != "title"})
    assert messages(validator, {**data, "meta": {**data["meta"], "date": "2026-02-30"}})
    assert messages(validator, {**data, "meta": {**data["meta"], "status": "reveiw"}})
    scores = {"big_idea": 6}
    assert messages(validator, {**data, "review": {"scores": scores}})


# --- the command ----------------------------------------------------------------------------


def test_schema_prints_the_schema(runner):
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == schema_text()
    assert result.stderr == ""


def test_schema_output_writes_the_file(runner, in_tmp):
    result = runner.invoke(main, ["schema", "-o", "editor/prfaq.schema.json"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "wrote editor/prfaq.schema.json\n"
    written = in_tmp / "editor" / "prfaq.schema.json"
    assert written.read_text(encoding="utf-8") == schema_text()
    assert [p.name for p in written.parent.iterdir()] == ["prfaq.schema.json"]  # no temp file


def test_schema_output_overwrites_a_stale_file(runner, in_tmp):
    stale = in_tmp / "schema.json"
    stale.write_text("{}", encoding="utf-8")
    result = runner.invoke(main, ["schema", "--output", "schema.json"])
    assert result.exit_code == 0
    assert stale.read_text(encoding="utf-8") == schema_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["schema", "-o"], "Error: Option '-o' requires an argument."),
        (["schema", "extra"], "Error: Got unexpected extra argument (extra)"),
        (["schema", "--bogus"], "Error: No such option '--bogus'."),
        (
            ["schema", "-o", "."],
            "Error: Invalid value for '-o' / '--output': File '.' is a directory.",
        ),
    ],
)
def test_schema_usage_errors_exit_2(runner, in_tmp, args, message):
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message


def test_schema_output_below_a_file_is_an_error_not_a_traceback(runner, in_tmp):
    (in_tmp / "notes.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["schema", "-o", "notes.txt/schema.json"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (1, 2)


def test_schema_help_shows_an_example(runner):
    result = runner.invoke(main, ["schema", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "prfaqgen schema -o" in result.stdout


def test_subprocess_schema(prfaqgen_process, tmp_path):
    printed = prfaqgen_process("schema")
    assert printed.returncode == 0
    assert printed.stdout == schema_text()
    assert "Traceback" not in printed.stderr

    written = prfaqgen_process("schema", "-o", "out/s.json")
    assert written.returncode == 0
    assert (tmp_path / "out" / "s.json").read_text(encoding="utf-8") == schema_text()

    usage = prfaqgen_process("schema", "--bogus")
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr
