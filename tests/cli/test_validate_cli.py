"""``prfaqgen validate FILE_OR_DIR...``: located diagnostics, exit codes 0/1/2, JSON, --strict.

Most tests drive the command in-process with click's runner from an empty temporary
folder, so that every reported path is relative and every output line can be compared
exactly. The subprocess tests prove the same against the real ``python -m prfaqgen``:
no traceback, the right exit code, and no PDF/DOCX library loaded for checking.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import prfaqgen
from prfaqgen.cli import COMMANDS, main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"

TITLE_MISSING = (
    "title: required field `title` is missing; add it: the product or idea, as customers "
    "will know it"
)
TITEL_UNKNOWN = "titel: unknown field `titel`; did you mean `title`?"
BAD_DATE = "meta.date: is not a real date: check the month and the day"
WARNINGS = [
    "4:1: press_release.call_to_action: warning: recommended part is missing; add "
    "`call_to_action`: one or two sentences: where to go, how to start",
    "4:1: press_release.how_it_works: warning: recommended part is missing; add "
    "`how_it_works`: what the customer does first, and how easy it is",
    "4:1: press_release.launch_date: warning: recommended part is missing; add `launch_date`: "
    "the intended launch date (YYYY-MM-DD); the dateline shows it",
    "4:1: press_release.leader_quote: warning: recommended part is missing; add "
    "`leader_quote`: a quote from the company's leader: why we built it",
    "4:1: press_release.location: warning: recommended part is missing; add `location`: the "
    "dateline's city; the summary opens with it",
    "4:1: press_release.subheadline: warning: recommended part is missing; add `subheadline`: "
    "one sentence: who the customer is and what they gain",
    "10:1: faq.internal: warning: recommended part is missing; add `internal`: stakeholder "
    "questions: the customer and TAM, the economics, dependencies, and 'What are the top "
    "three reasons this will fail?'",
]


def invalid_lines(name: str) -> list[str]:
    """Errors, and the warnings beside them: one error must not hide a warning."""
    return [
        f"{name}:1:1: {TITLE_MISSING}",
        f"{name}:2:1: {TITEL_UNKNOWN}",
        f"{name}:3:35: {BAD_DATE}",
        *warning_lines(name),
    ]


def warning_lines(name: str) -> list[str]:
    return [f"{name}:{line}" for line in WARNINGS]


# --- text output and exit codes ------------------------------------------------------------


def test_valid_spec_exits_0_with_only_a_summary(runner, in_tmp, write, complete_spec):
    write("ledger.yaml", complete_spec)
    result = runner.invoke(main, ["validate", "ledger.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == "1 file checked: all valid; 0 errors, 0 warnings\n"


def test_example_spec_is_valid(runner):
    result = runner.invoke(main, ["validate", str(EXAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_invalid_spec_exits_1_with_every_error_as_file_line_col_path_message(
    runner, in_tmp, write, invalid_spec
):
    write("ledger.yaml", invalid_spec)
    result = runner.invoke(main, ["validate", "ledger.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == invalid_lines("ledger.yaml")
    assert result.stderr == "1 file checked: 1 invalid; 3 errors, 7 warnings\n"
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_files_that_are_not_specs_each_get_their_own_line(runner, in_tmp, write):
    write("empty.yaml", "")
    write("list.yaml", "- prfaq: 1\n")
    write("other.yaml", "name: my-service\nreplicas: 3\n")
    write("future.yaml", "prfaq: 2\ntitle: Ledger\n")
    (in_tmp / "latin1.yaml").write_bytes(b"prfaq: 1\ntitle: Caf\xe9\n")
    (in_tmp / "folder.yaml").mkdir()
    (in_tmp / "folder.yaml" / "inner.yml").write_text("prfaq: 1\n---\n", encoding="utf-8")
    result = runner.invoke(
        main,
        [
            "validate",
            "empty.yaml",
            "list.yaml",
            "other.yaml",
            "future.yaml",
            "latin1.yaml",
            "folder.yaml",
        ],
    )
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "empty.yaml:1:1: is empty: an idea spec starts with `prfaq: 1`; run `prfaqgen new NAME` "
        "for a commented starting point",
        "list.yaml:1:1: the top level is a list, not a mapping of fields: an idea spec starts "
        "with `prfaq: 1`, then `title:`, `meta:`, `press_release:` and `faq:`",
        "other.yaml:1:1: prfaq: is not an idea spec: it has no `prfaq` key; add `prfaq: 1` as "
        "its first line",
        "future.yaml:1:8: prfaq: format `2` is not supported: this version of prfaqgen reads "
        "format 1; set `prfaq: 1`, or upgrade prfaqgen for a newer format",
        "latin1.yaml:2:11: is not valid UTF-8: byte 0xE9 at line 2, column 11 cannot be "
        "decoded; save the file as UTF-8",
        "folder.yaml/inner.yml:2:1: holds more than one YAML document (a second `---`): an "
        "idea spec is one document; split it into two files",
    ]
    assert result.stderr == "6 files checked: 6 invalid; 6 errors, 0 warnings\n"


def test_hostile_yaml_is_reported_not_run(runner, in_tmp, write, monkeypatch):
    import os

    calls: list[str] = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command) or 0)
    write("evil.yaml", 'prfaq: 1\ntitle: !!python/object/apply:os.system ["echo pwned"]\n')
    lines = ["prfaq: 1", "a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
    write("laughs.yaml", "\n".join(lines) + "\n")
    result = runner.invoke(main, ["validate", "evil.yaml", "laughs.yaml"])
    assert result.exit_code == 1
    assert calls == []
    out = result.stdout.splitlines()
    assert (
        "evil.yaml:2:8: title: the YAML tag `!!python/object/apply:os.system` is not allowed "
        "in idea specs: remove it and write plain text, lists and mappings"
    ) in out
    assert (
        "laughs.yaml:3:8: b[0]: aliases (*a) are not allowed in idea specs: write the value "
        "out in full"
    ) in out


# --- warnings and --strict ------------------------------------------------------------------


def test_warnings_only_exit_0_and_print_in_the_same_form(runner, in_tmp, write, minimal_spec):
    write("ledger.yaml", minimal_spec)
    result = runner.invoke(main, ["validate", "ledger.yaml"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == warning_lines("ledger.yaml")
    assert result.stderr == "1 file checked: all valid; 0 errors, 7 warnings\n"


def test_strict_makes_warnings_fail(runner, in_tmp, write, minimal_spec, complete_spec):
    write("ledger.yaml", minimal_spec)
    write("complete.yaml", complete_spec)
    result = runner.invoke(main, ["validate", "--strict", "ledger.yaml", "complete.yaml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == warning_lines("ledger.yaml")
    assert result.stderr == "2 files checked: 1 invalid; 0 errors, 7 warnings\n"
    # --strict with a clean spec still passes
    result = runner.invoke(main, ["validate", "complete.yaml", "--strict"])
    assert result.exit_code == 0


# --- folders ----------------------------------------------------------------------------------


def test_folder_means_every_yaml_and_yml_below_it_skipping_hidden_folders(
    runner, in_tmp, write, complete_spec, minimal_spec, invalid_spec
):
    write("specs/a.yaml", complete_spec)
    write("specs/deep/er/b.yml", minimal_spec)
    write("specs/deep/c.yaml", invalid_spec)
    write("specs/.git/d.yaml", "not: a spec\n")
    write("specs/deep/.drafts/e.yaml", "not: a spec\n")
    write("specs/notes.txt", "not: a spec\n")
    write("specs/f.json", "{}")
    result = runner.invoke(main, ["validate", "specs"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        *invalid_lines("specs/deep/c.yaml"),
        *warning_lines("specs/deep/er/b.yml"),
    ]
    assert result.stderr == "3 files checked: 1 invalid; 3 errors, 14 warnings\n"


def test_current_folder_and_a_file_named_twice_are_checked_once(
    runner, in_tmp, write, complete_spec
):
    write("a.yaml", complete_spec)
    write("sub/b.yaml", complete_spec)
    result = runner.invoke(main, ["validate", ".", "a.yaml", "./a.yaml", "sub"])
    assert result.exit_code == 0
    assert result.stderr == "2 files checked: all valid; 0 errors, 0 warnings\n"
    # a hidden folder named on the command line is checked: only folders below are skipped
    write(".drafts/c.yaml", complete_spec)
    result = runner.invoke(main, ["validate", ".drafts"])
    assert result.exit_code == 0
    assert result.stderr == "1 file checked: all valid; 0 errors, 0 warnings\n"


def test_mixed_valid_and_invalid_files_exit_1_and_report_each(
    runner, in_tmp, write, complete_spec, invalid_spec
):
    write("good.yaml", complete_spec)
    write("bad.yaml", invalid_spec)
    write("worse.yml", "prfaq: 1\ntitle: [a\n")
    result = runner.invoke(main, ["validate", "good.yaml", "bad.yaml", "worse.yml"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        *invalid_lines("bad.yaml"),
        "worse.yml:3:1: is not valid YAML: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence)",
    ]
    assert result.stderr == "3 files checked: 2 invalid; 4 errors, 7 warnings\n"


# --- usage errors: exit 2 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate"], "Error: Missing argument 'FILE_OR_DIR...'."),
        (["validate", "--bogus", "a.yaml"], "Error: No such option '--bogus'."),
        (["validate", "missing.yaml"], "Error: missing.yaml: no such file or folder"),
        (["validate", "a.yaml", "missing/"], "Error: missing/: no such file or folder"),
        (["validate", "empty"], "Error: empty: folder holds no *.yaml or *.yml spec"),
        (["validate", "only-hidden"], "Error: only-hidden: folder holds no *.yaml or *.yml spec"),
        (
            ["validate", "--format", "xml", "a.yaml"],
            "Error: Invalid value for '--format': 'xml' is not one of "
            "'text', 'json', 'sarif', 'github'.",
        ),
        (["valdiate", "a.yaml"], "Error: No such command 'valdiate'."),
    ],
)
def test_usage_errors_exit_2(runner, in_tmp, write, complete_spec, args, message):
    write("a.yaml", complete_spec)
    (in_tmp / "empty").mkdir()
    write("only-hidden/.cache/x.yaml", complete_spec)
    result = runner.invoke(main, args, prog_name="prfaqgen")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: prfaqgen ")
    assert message in result.stderr.splitlines()[-1], result.stderr


# --- JSON -------------------------------------------------------------------------------------


def test_json_is_a_list_of_located_objects(runner, in_tmp, write, invalid_spec, minimal_spec):
    write("bad.yaml", invalid_spec)
    write("warn.yml", minimal_spec)
    result = runner.invoke(main, ["validate", "--format", "json", "bad.yaml", "warn.yml"])
    assert result.exit_code == 1
    assert result.stderr == ""
    payload = json.loads(result.stdout)
    assert isinstance(payload, list) and len(payload) == 17
    for item in payload:
        assert list(item) == ["file", "line", "column", "path", "message", "severity"]
        assert isinstance(item["file"], str)
        assert type(item["line"]) is int and item["line"] >= 1
        assert type(item["column"]) is int and item["column"] >= 1
        assert isinstance(item["path"], str) and isinstance(item["message"], str)
        assert item["severity"] in ("error", "warning")
    assert payload[:3] == [
        {
            "file": "bad.yaml",
            "line": 1,
            "column": 1,
            "path": "title",
            "message": TITLE_MISSING.removeprefix("title: "),
            "severity": "error",
        },
        {
            "file": "bad.yaml",
            "line": 2,
            "column": 1,
            "path": "titel",
            "message": TITEL_UNKNOWN.removeprefix("titel: "),
            "severity": "error",
        },
        {
            "file": "bad.yaml",
            "line": 3,
            "column": 35,
            "path": "meta.date",
            "message": BAD_DATE.removeprefix("meta.date: "),
            "severity": "error",
        },
    ]
    assert {(i["file"], i["severity"]) for i in payload[3:]} == {
        ("bad.yaml", "warning"),
        ("warn.yml", "warning"),
    }
    assert payload[-1]["path"] == "faq.internal" and payload[-1]["line"] == 10


def test_json_for_valid_specs_is_an_empty_list_and_keeps_the_exit_codes(
    runner, in_tmp, write, complete_spec, minimal_spec
):
    write("good.yaml", complete_spec)
    write("warn.yaml", minimal_spec)
    result = runner.invoke(main, ["validate", "--format", "json", "good.yaml"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    result = runner.invoke(main, ["validate", "--format=json", "warn.yaml"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 7
    result = runner.invoke(main, ["validate", "--format", "json", "--strict", "warn.yaml"])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 7


def test_json_file_level_problem_has_an_empty_path(runner, in_tmp, write):
    write("empty.yaml", "")
    result = runner.invoke(main, ["validate", "--format", "json", "empty.yaml"])
    assert result.exit_code == 1
    [item] = json.loads(result.stdout)
    assert (item["file"], item["line"], item["column"], item["path"]) == ("empty.yaml", 1, 1, "")


def test_json_keeps_non_ascii_text(runner, in_tmp, write):
    write("zoe.yaml", "prfaq: 1\ntítulo: Café\n")
    result = runner.invoke(main, ["validate", "--format", "json", "zoe.yaml"])
    assert "`título`" in result.stdout
    assert any(i["path"] == "título" for i in json.loads(result.stdout))


# --- help and version -------------------------------------------------------------------------


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_help_shows_an_example(runner, command, flag):
    result = runner.invoke(main, [command, flag])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"prfaqgen {command}" in result.stdout


def test_main_help_shows_examples_and_lists_the_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    for command in ("validate", "new", "schema"):
        assert f"  {command} " in result.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(runner, flag):
    result = runner.invoke(main, [flag])
    assert result.exit_code == 0
    assert result.stdout == f"prfaqgen, version {prfaqgen.__version__}\n"


# --- the real process -----------------------------------------------------------------------


def test_subprocess_validate_exit_codes_and_no_traceback(
    prfaqgen_process, write, complete_spec, invalid_spec, minimal_spec
):
    write("good.yaml", complete_spec)
    write("bad.yaml", invalid_spec)
    write("warn.yaml", minimal_spec)
    write("hostile.yaml", "prfaq: 1\ntitle: " + "[" * 5000 + "\n")

    ok = prfaqgen_process("validate", "good.yaml")
    assert (ok.returncode, ok.stdout) == (0, "")
    assert ok.stderr == "1 file checked: all valid; 0 errors, 0 warnings\n"

    bad = prfaqgen_process("validate", "good.yaml", "bad.yaml", "hostile.yaml")
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [
        *invalid_lines("bad.yaml"),
        "hostile.yaml:2:48: title" + "[0]" * 40 + ": is nested deeper than 40 levels",
    ]
    assert "Traceback" not in bad.stderr

    strict = prfaqgen_process("validate", "--strict", "warn.yaml")
    assert strict.returncode == 1
    assert strict.stdout.splitlines() == warning_lines("warn.yaml")

    usage = prfaqgen_process("validate", "nowhere.yaml")
    assert usage.returncode == 2
    assert usage.stdout == ""
    assert "Error: nowhere.yaml: no such file or folder" in usage.stderr
    assert "Traceback" not in usage.stderr

    as_json = prfaqgen_process("validate", "--format", "json", "bad.yaml")
    assert as_json.returncode == 1
    found = json.loads(as_json.stdout)
    assert [d["path"] for d in found if d["severity"] == "error"] == [
        "title",
        "titel",
        "meta.date",
    ]


def test_validate_and_new_do_not_import_weasyprint_or_docx(tmp_path):
    script = textwrap.dedent(
        f"""\
        import sys
        from prfaqgen.cli import main
        for args in (
            ["validate", {str(tmp_path / "missing.yaml")!r}],
            ["validate", "specs/example.yaml"],
            ["validate", "--format", "json", "specs/example.yaml"],
            ["new", "fresh", "--dir", {str(tmp_path)!r}],
        ):
            try:
                main(args)
            except SystemExit as done:
                print(args[0], done.code)
        heavy = sorted(
            name for name in sys.modules
            if name.split(".")[0] in ("weasyprint", "docx")
        )
        assert "weasyprint" not in sys.modules, heavy
        assert "docx" not in sys.modules, heavy
        print("clean")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "validate 2",
        "validate 0",
        "[]",
        "validate 0",
        "new 0",
        "clean",
    ]
    assert (tmp_path / "fresh.yaml").is_file()
