"""Locations inside block, folded and quoted text; suppression; config; printers; CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from prfaqgen.lint import LintConfig
from prfaqgen.lint.rules import RULES
from prfaqgen.measure.budget import PageBudget
from prfaqgen.validation import Invalid, validate
from tests.lint.base import lint_text, spec_text, where

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "answer",
    [
        "        $30 a month.\n        Setup is significantly shorter: 2 days.\n",  # literal
        "        >\n        $30 a month.\n        Setup is significantly shorter: 2 days.\n",
    ],
)
def test_a_word_on_the_second_line_of_a_block_is_located_exactly(answer: str) -> None:
    text = spec_text(answer=answer)
    if answer.lstrip().startswith(">"):
        text = text.replace("a: |\n        >\n", "a: >\n")
    finding = next(f for f in lint_text(text).findings if f.rule == "weasel-word")
    assert (finding.line, finding.column) == where(text, "significantly")
    assert (finding.end_line, finding.end_column) == (finding.line, finding.column + 13)


def test_a_word_in_a_quoted_scalar_is_located_exactly() -> None:
    text = spec_text(subheadline='"Controllers close the month very fast: in 1 day."')
    finding = next(f for f in lint_text(text).findings if f.rule == "weasel-word")
    assert (finding.line, finding.column) == where(text, "very")


def test_disable_comment_on_the_field_line_and_the_next_line() -> None:
    bad = "        $30 per user, significantly less.\n"
    text = spec_text(answer=bad).replace("a: |\n", "a: |  # prfaqgen: disable=weasel-word\n")
    assert not [f for f in lint_text(text).findings if f.rule == "weasel-word"]
    text = spec_text(headline="Tally launches Ledgerline, a very fast close  # x")
    assert [f for f in lint_text(text).findings if f.rule == "weasel-word"]
    text = text.replace("  headline:", "  # prfaqgen: disable-next-line=weasel-word\n  headline:")
    assert not [f for f in lint_text(text).findings if f.rule == "weasel-word"]


def test_a_directive_inside_a_block_is_text_not_a_comment() -> None:
    answer = "        $30, significantly less. # prfaqgen: disable=weasel-word\n"
    findings = lint_text(spec_text(answer=answer)).findings
    assert [f for f in findings if f.rule == "weasel-word"]


def test_config_regrades_disables_and_extends_word_lists() -> None:
    text = spec_text(answer="        $30 a month, significantly less; a moonshot.\n")
    config = validate(
        LintConfig, {"severity": {"weasel-word": "error"}, "weasel_words": ["moonshot"]}
    )
    findings = lint_text(text, config).findings
    assert {(f.rule, f.severity) for f in findings} == {("weasel-word", "error")}
    assert len(findings) == 2
    assert not lint_text(text, LintConfig(disable=("weasel-word",))).findings
    banned = validate(LintConfig, {"banned_terms": {"moonshot": "bet"}})
    jargon = [f for f in lint_text(text, banned).findings if f.rule == "jargon"]
    assert jargon[0].suggestion == "bet"


def test_a_bad_rule_id_is_a_validation_error_that_suggests_the_right_one() -> None:
    with pytest.raises(Invalid) as info:
        validate(LintConfig, {"disable": ["weasel-words"]})
    assert "unknown rule id `weasel-words`: did you mean `weasel-word`?" in str(info.value)
    with pytest.raises(Invalid):
        validate(LintConfig, {"severity": {"hype-word": "fatal"}})
    with pytest.raises(Invalid):
        validate(LintConfig, {"thresholds": {"sentence_words": 0}})


def test_score_loses_points_per_category() -> None:
    text = spec_text(answer="        $30, significantly less; a revolutionary ledger.\n")
    score = lint_text(text).score
    assert score.categories == {
        "structure": 25,
        "clarity": 19,
        "evidence": 25,
        "customer_focus": 25,
    }
    assert score.total == 94


def test_example_has_no_warning() -> None:
    result = CliRunner().invoke(
        main, ["lint", "--min-severity", "warning", str(ROOT / "specs" / "example.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert "warning:" not in result.output and "error:" not in result.output


def test_cli_formats_and_exit_codes(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(spec_text(answer="        $30 a month; TODO check the fee.\n"), "utf-8")
    runner = CliRunner()
    text = runner.invoke(main, ["lint", str(spec)])
    assert text.exit_code == 1
    line, column = where(spec.read_text("utf-8"), "TODO")
    assert f"{spec}:{line}:{column}: error: `TODO` is a placeholder" in text.output
    payload = json.loads(runner.invoke(main, ["lint", "--format", "json", str(spec)]).output)
    assert payload[0]["findings"][0]["rule"] == "placeholder-left"
    assert set(payload[0]["score"]["categories"]) == {
        "structure",
        "clarity",
        "evidence",
        "customer_focus",
    }
    sarif = json.loads(runner.invoke(main, ["lint", "--format", "sarif", str(spec)]).output)
    assert sarif["version"] == "2.1.0"
    region = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    github = runner.invoke(main, ["lint", "--format", "github", str(spec)]).output
    assert github.startswith(f"::error file={spec},line={line},col={column},")
    validate = runner.invoke(main, ["validate", str(spec)])
    assert validate.exit_code == 0 and "TODO" not in validate.output
    assert runner.invoke(main, ["validate", "--lint", str(spec)]).exit_code == 1


def _budget(press_release: float, body: float) -> PageBudget:
    return PageBudget(
        total_pages=8,
        press_release=press_release,
        faq=1.0,
        supporting=0.0,
        body=body,
        appendix=None,
    )


def test_budget_rules_fire_only_over_the_limits_and_point_at_the_part() -> None:
    text = spec_text()
    over = lint_text(text, budget=_budget(1.4, 6.5)).findings
    by_rule = {f.rule: f for f in over}
    assert (by_rule["press-release-over-one-page"].line,) == (where(text, "press_release:")[0],)
    assert "1.4" in by_rule["press-release-over-one-page"].message
    assert by_rule["body-over-six-pages"].line == where(text, "\nfaq:")[0] + 1
    assert not lint_text(text, budget=_budget(0.9, 5.0)).findings
    assert not lint_text(text).findings  # no budget, no page rules


def test_every_rule_is_documented_with_its_default_severity() -> None:
    docs = (ROOT / "docs" / "lint-rules.md").read_text("utf-8")
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.severity} | {rule.category} |" in docs
        assert re.search(rf"\*\*[^*]*\b{rule.id}\b[^*]*\*\*", docs), rule.id


def test_validate_does_not_import_the_writing_checks() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from prfaqgen.cli import main; "
        f"CliRunner().invoke(main, ['validate', {str(ROOT / 'specs' / 'example.yaml')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('prfaqgen.lint.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() in ("[]", "['prfaqgen.settings.lint', 'prfaqgen.settings.rule_ids']")


@pytest.mark.parametrize(
    ("answer", "rule"),
    [
        ("        $30 a month. To learn more, call us.\n", "adjective-without-data"),
        ("        $30 a month. Do more when you can.\n", "adjective-without-data"),
        ("        $30 a month, the most popular plan.\n", "weasel-word"),
        ("        $30 a month. We ask:\n\n        - How often do you close?\n", "weasel-word"),
    ],
)
def test_false_positives_found_on_real_documents_stay_fixed(answer: str, rule: str) -> None:
    assert not [f for f in lint_text(spec_text(answer=answer)).findings if f.rule == rule]


def test_a_comparison_without_a_number_is_still_reported() -> None:
    text = spec_text(answer="        It takes less time than a spreadsheet.\n")
    found = [f for f in lint_text(text).findings if f.rule == "adjective-without-data"]
    assert [(f.line, f.column) for f in found] == [where(text, "less")]


def test_the_project_config_lint_table_regrades_and_a_bad_id_is_located(tmp_path: Path) -> None:
    spec = tmp_path / "s.yaml"
    spec.write_text(spec_text(answer="        $30, significantly less.\n"), "utf-8")
    config = tmp_path / "prfaqgen.toml"
    config.write_text('[lint]\n[lint.severity]\nweasel-word = "error"\n', "utf-8")
    runner = CliRunner()
    graded = runner.invoke(main, ["lint", str(spec)])
    assert graded.exit_code == 1
    assert "error: `significantly` is a weasel word" in graded.output
    assert runner.invoke(main, ["validate", "--lint", str(spec)]).exit_code == 1
    assert runner.invoke(main, ["validate", str(spec)]).exit_code == 0
    config.write_text('[lint]\ndisable = ["weasel-words"]\n', "utf-8")
    bad = runner.invoke(main, ["lint", str(spec)])
    assert bad.exit_code == 2
    assert f"{config}:2:1: lint.disable: unknown rule id `weasel-words`: did you mean" in (
        bad.output
    )


def test_errors_are_never_capped_in_the_score_and_warnings_are() -> None:
    placeholders = spec_text(answer="        TODO the fee. TBD the plan. TODO the date.\n")
    assert lint_text(placeholders).score.categories["structure"] == 25 - 3 * 8
    weasels = spec_text(answer="        $30; very, very, very, very, very fast.\n")
    assert lint_text(weasels).score.categories["clarity"] == 25 - 10


def test_only_specs_skips_yaml_that_is_not_a_spec(tmp_path: Path) -> None:
    (tmp_path / "ci.yaml").write_text("on: push\n", "utf-8")
    spec = tmp_path / "s.yaml"
    spec.write_text(spec_text(), "utf-8")
    result = CliRunner().invoke(main, ["lint", "--only-specs", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "ci.yaml" not in result.output and "s.yaml: writing score 100/100" in result.output


def test_an_acronym_is_defined_by_its_name_spelled_out_earlier() -> None:
    name_first = spec_text(
        problem="  problem: |\n    Green Software Foundation members close books in 6 days.\n",
        answer="        $30 a month; GSF members pay $20.\n",
    )
    assert not [f for f in lint_text(name_first).findings if f.rule == "undefined-acronym"]
    same_field = spec_text(
        answer="        $30 a month for the Open Banking Network; OBN fees are $2.\n"
    )
    assert not [f for f in lint_text(same_field).findings if f.rule == "undefined-acronym"]
    acronym_first = spec_text(
        answer="        $30 a month; OBN fees via the Open Banking Network.\n"
    )
    [finding] = [f for f in lint_text(acronym_first).findings if f.rule == "undefined-acronym"]
    assert finding.message == "`OBN` is used before it is defined"
