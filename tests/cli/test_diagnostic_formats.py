"""One diagnostic type, one set of printers: validate and lint print alike.

The SARIF both commands print is checked against the official SARIF 2.1.0
JSON Schema (vendored in tests/schemas, see its README: the tests run offline).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.printers import as_github, as_sarif, github_line

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
EXAMPLE = ROOT / "specs" / "example.yaml"


@cache
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def assert_valid_sarif(text: str) -> dict[str, Any]:
    log = json.loads(text)
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)
    return log


def _invalid_spec(tmp_path: Path) -> Path:
    """The example with one problem: a status that is not one of the choices."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("status: draft", "status: finished", 1)
    spec = tmp_path / "idea.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def test_the_schema_is_the_official_one_and_refuses_a_broken_log() -> None:
    assert json.loads(SCHEMA.read_text())["id"].startswith("https://docs.oasis-open.org/sarif/")
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}
    assert list(_validator().iter_errors(broken)), "a driver without a name must be refused"


def test_validate_sarif_is_valid_and_locates_each_problem(tmp_path: Path) -> None:
    spec = _invalid_spec(tmp_path)
    runner = CliRunner()
    text = runner.invoke(main, ["validate", str(spec)])
    result = runner.invoke(main, ["validate", "--format", "sarif", str(spec)])
    assert result.exit_code == text.exit_code == 1
    log = assert_valid_sarif(result.output)
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "prfaqgen validate"
    (found,) = run["results"]
    assert found["ruleId"] == "not_a_choice"
    assert run["tool"]["driver"]["rules"][found["ruleIndex"]] == {"id": "not_a_choice"}
    assert found["level"] == "error"
    location = found["locations"][0]
    assert location["logicalLocations"] == [{"fullyQualifiedName": "meta.status"}]
    region = location["physicalLocation"]["region"]
    line, column = (int(n) for n in text.output.split(":")[1:3])
    assert region == {"startLine": line, "startColumn": column}
    assert found["message"]["text"] in text.output


def test_validate_with_lint_puts_both_in_one_valid_log(tmp_path: Path) -> None:
    spec = tmp_path / "idea.yaml"
    spec.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("status: draft", "status: review", 1),
        encoding="utf-8",
    )
    runner = CliRunner()
    lint = json.loads(runner.invoke(main, ["lint", "--format", "json", str(spec)]).output)
    result = runner.invoke(main, ["validate", "--lint", "--format", "sarif", str(spec)])
    log = assert_valid_sarif(result.output)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {f["rule"] for f in lint[0]["findings"]} == set(rules)
    assert all("shortDescription" in rule and "help" in rule for rule in rules.values())
    assert len(log["runs"][0]["results"]) == len(lint[0]["findings"])


def test_lint_sarif_is_valid() -> None:
    result = CliRunner().invoke(main, ["lint", "--format", "sarif", str(EXAMPLE)])
    log = assert_valid_sarif(result.output)
    assert log["runs"][0]["tool"]["driver"]["name"] == "prfaqgen lint"
    assert log["runs"][0]["results"], "the example has findings to check the shape of"


def test_one_escaping_for_every_github_annotation() -> None:
    tricky = "50% off,\r\nnow: here"
    spec = Diagnostic("a,b:c.yaml", 3, 4, "meta.status", tricky)
    finding = Diagnostic(
        "a,b:c.yaml", 3, 4, "faq", tricky, "info", "weasel-word", 3, 9, origin="lint"
    )
    assert github_line(spec) == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=meta.status::50% off,%0D%0Anow: here"
    ).replace("50% off", "50%25 off")
    assert github_line(finding) == (
        "::notice file=a%2Cb%3Ac.yaml,line=3,col=4,endLine=3,endColumn=9,"
        "title=weasel-word::50%25 off,%0D%0Anow: here"
    )
    assert as_github([spec, finding]).splitlines() == [github_line(spec), github_line(finding)]


@pytest.mark.parametrize("origin", ["spec", "config", "lint"])
def test_every_origin_prints_as_valid_sarif(origin: str) -> None:
    diagnostic = Diagnostic(
        "x.yaml", 1, 2, "meta", "a message", "warning", "code-x", hint="do this", origin=origin
    )  # type: ignore[arg-type]
    log = assert_valid_sarif(as_sarif([diagnostic], "prfaqgen test"))
    assert log["runs"][0]["results"][0]["message"]["text"] == "a message; do this"


def test_the_text_and_json_shapes_stay_as_they_were() -> None:
    spec = Diagnostic("x.yaml", 1, 2, "meta.status", "must be one of", "warning", "not_a_choice")
    assert spec.format() == "x.yaml:1:2: meta.status: warning: must be one of"
    assert list(spec.as_dict()) == ["file", "line", "column", "path", "message", "severity"]
    finding = Diagnostic("x.yaml", 1, 2, "faq", "vague", "info", "weasel-word", 1, 5, "fix it")
    finding = Diagnostic(**{**finding.__dict__, "origin": "lint"})
    assert finding.format() == "x.yaml:1:2: info: vague [weasel-word]"
    assert list(finding.as_dict()) == [
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "path",
        "rule",
        "severity",
        "message",
        "suggestion",
    ]
