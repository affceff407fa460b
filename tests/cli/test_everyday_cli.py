"""Small things a user meets (issue 16.5): Ctrl-C, case in choices, read-only outputs,
the schema line of `new`, one error for a missing `faq`, the portfolio's warnings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prfaqgen.cli import main
from tests.cli.conftest import COMPLETE_SPEC, MINIMAL_SPEC

REPO = Path(__file__).resolve().parents[2]

_CTRL_C = textwrap.dedent(
    """\
    import os, signal, sys
    import prfaqgen.cli.{module} as command
    real = command.spec_files
    def interrupted(*args):
        os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, delivered here
        return real(*args)
    command.spec_files = interrupted
    from prfaqgen.cli import main
    main(sys.argv[1:])
    """
)


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_ctrl_c_exits_130_without_a_traceback(
    tmp_path: Path, write: Callable[[str, str], Path], command: str
) -> None:
    write("idea.yaml", COMPLETE_SPEC)
    done = subprocess.run(
        [sys.executable, "-c", _CTRL_C.format(module=command), command, "idea.yaml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "interrupted"
    assert "Aborted" not in done.stderr


def test_choices_take_any_case(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    write("idea.yaml", COMPLETE_SPEC)
    result = runner.invoke(main, ["validate", "idea.yaml", "--format", "JSON"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    result = runner.invoke(main, ["lint", "idea.yaml", "--min-severity", "Error"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_paper_a4_in_capitals_renders_a4(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    write("idea.yaml", COMPLETE_SPEC)
    result = runner.invoke(main, ["render", "idea.yaml", "--paper", "A4", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    pdf = PdfReader(in_tmp / "output" / "idea.pdf")
    assert round(float(pdf.pages[0].mediabox.width)) == 595  # A4, not Letter's 612


def test_a_read_only_output_file_is_refused_and_kept(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    write("idea.yaml", COMPLETE_SPEC)
    html = write("output/idea.html", "my own notes\n")
    html.chmod(0o444)
    result = runner.invoke(main, ["render", "idea.yaml", "--format", "html"])
    assert result.exit_code == 1
    assert (
        "idea.yaml: cannot render: output/idea.html: cannot be written (it is read-only; make "
        "it writable with chmod u+w, or choose another output folder)"
    ) in result.stderr
    assert html.read_text() == "my own notes\n"
    assert sorted(p.name for p in html.parent.iterdir()) == ["idea.html"]  # no temp file left


@pytest.mark.parametrize(
    ("folder", "schema"),
    [("specs", "../prfaq.schema.json"), ("docs/prfaq", "../../prfaq.schema.json"), (".", None)],
)
def test_new_names_the_schema_relative_to_the_spec(
    runner: CliRunner, in_tmp: Path, folder: str, schema: str | None
) -> None:
    if schema is None:  # written first, as the README says: no hint then
        assert runner.invoke(main, ["schema", "-o", "prfaq.schema.json"]).exit_code == 0
    result = runner.invoke(main, ["new", "ledger", "--dir", folder])
    assert result.exit_code == 0
    first = (in_tmp / folder / "ledger.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={schema or 'prfaq.schema.json'}"
    assert ("write that file with: prfaqgen schema -o prfaq.schema.json" in result.stderr) == (
        schema is not None
    )


def test_a_spec_without_faq_gets_one_error_and_no_warning_about_it(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    write("idea.yaml", COMPLETE_SPEC.split("\nfaq:")[0] + "\n")
    result = runner.invoke(main, ["validate", "idea.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "idea.yaml:1:1: faq: required field `faq` is missing; add it: customer (external) "
        "and stakeholder (internal) questions"
    ]


def test_docs_config_example_uses_real_rule_ids(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    example = (REPO / "docs" / "config.md").read_text(encoding="utf-8")
    lint_table = re.search(r"^\[lint\].*?(?=^```)", example, re.M | re.S)
    assert lint_table is not None
    write("prfaqgen.toml", lint_table.group(0))
    write("idea.yaml", COMPLETE_SPEC)
    result = runner.invoke(main, ["lint", "idea.yaml"])
    assert result.exit_code in (0, 1), result.output  # 2 would be a bad config
    assert "unknown rule id" not in result.output


@pytest.mark.slow
def test_portfolio_summarises_missing_parts_unless_verbose(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    write("ideas/ledger.yaml", MINIMAL_SPEC)
    args = ["portfolio", "ideas", "-o", "review", "--format", "pdf", "--jobs", "1"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "recommended part" in line]
    assert lines == [
        "ideas/ledger.yaml: warning: 7 recommended parts missing: press_release.call_to_action, "
        "press_release.how_it_works, press_release.launch_date, press_release.leader_quote, "
        "press_release.location, press_release.subheadline, faq.internal (--verbose lists each)"
    ]
    result = runner.invoke(main, [*args, "--force", "--verbose"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "recommended part" in line]
    assert len(lines) == 7
    assert lines[0].startswith(
        "ideas/ledger.yaml:4:1: press_release.call_to_action: warning: recommended part is missing"
    )
