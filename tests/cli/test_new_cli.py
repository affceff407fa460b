"""``prfaqgen new NAME [--dir specs]``: a commented spec with every field of format 1.

The list of fields below is copied by hand from the format's documentation
(spec-format.md): it is the contract. The scaffold must hold exactly those fields,
each documented by a comment above it, and validate as written: no errors, and only
the warnings that say which fields still hold the scaffold's TODO text.
"""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from typing import Any

import pytest

from prfaqgen.cli import main
from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.yaml_builder import read_spec_file, read_spec_text
from prfaqgen.spec import check_spec
from prfaqgen.spec.model import Spec
from prfaqgen.spec.scaffold import scaffold_text
from prfaqgen.validation import Kind, ListOf, Record, fields_of

SCAFFOLD_WARNING = "still holds the scaffold text"


def only_scaffold_warnings(diagnostics: tuple[Diagnostic, ...]) -> None:
    """Valid as written: no error, and every warning is about a TODO left to fill in."""
    assert diagnostics, "a fresh scaffold must warn about its TODOs"
    assert [d for d in diagnostics if d.is_error] == []
    assert [d for d in diagnostics if not d.message.startswith(SCAFFOLD_WARNING)] == []


# Every field of format 1, as spec-format.md lists them. `[]` stands for every list item;
# glossary's keys are the author's own terms and are not listed.
FORMAT_1_FIELDS = {
    "prfaq",
    "title",
    "meta",
    "meta.author",
    "meta.date",
    "meta.team",
    "meta.version",
    "meta.status",
    "meta.reviewers",
    "meta.confidentiality",
    "meta.tags",
    "meta.ask",
    "meta.ask.people",
    "meta.ask.money",
    "meta.ask.time",
    "press_release",
    "press_release.headline",
    "press_release.subheadline",
    "press_release.location",
    "press_release.outlet",
    "press_release.launch_date",
    "press_release.summary",
    "press_release.problem",
    "press_release.solution",
    "press_release.leader_quote",
    "press_release.leader_quote.text",
    "press_release.leader_quote.name",
    "press_release.leader_quote.role",
    "press_release.how_it_works",
    "press_release.customer_quotes",
    "press_release.customer_quotes[].text",
    "press_release.customer_quotes[].name",
    "press_release.customer_quotes[].role",
    "press_release.call_to_action",
    "press_release.about",
    "faq",
    "faq.external",
    "faq.external[].q",
    "faq.external[].a",
    "faq.internal",
    "faq.internal[].q",
    "faq.internal[].a",
    "customer",
    "customer.who",
    "customer.problem",
    "customer.benefit",
    "customer.evidence",
    "customer.experience",
    "tenets",
    "metrics",
    "metrics[].name",
    "metrics[].baseline",
    "metrics[].target",
    "metrics[].by",
    "glossary",
    "appendix",
    "appendix[].title",
    "appendix[].body",
    "review",
    "review.scores",
    "review.scores.big_idea",
    "review.scores.fit",
    "review.scores.plan",
    "review.decision",
    "review.notes",
}

WROTE = "wrote {0}; check it with: prfaqgen validate {0}\n"
SCHEMA_HINT = (
    "its first line names {0} for your editor's YAML language server; write that file "
    "with: prfaqgen schema -o prfaq.schema.json\n"
)


def key_paths(data: Any, prefix: str = "") -> set[str]:
    """Dotted paths of every key in ``data``; list items merge under ``[]``."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            found.add(path)
            if path != "glossary":
                found |= key_paths(value, path)
    elif isinstance(data, list):
        for item in data:
            found |= key_paths(item, f"{prefix}[]")
    return found


def submodel(kind: Kind | None, in_list: bool = False) -> tuple[type | None, bool]:
    """The record inside ``kind`` (through Optional, list, mapping), and if in a list."""
    while kind is not None and not isinstance(kind, Record):
        in_list = in_list or isinstance(kind, ListOf)
        kind = kind.inner()
    return (kind.cls if kind is not None else None), in_list


def model_paths(model: type, prefix: str = "") -> set[str]:
    """Dotted paths of every field of the model, in the same notation."""
    found: set[str] = set()
    for name, spec in fields_of(model).items():
        path = f"{prefix}.{name}" if prefix else name
        found.add(path)
        inner, in_list = submodel(spec.kind)
        if inner is not None:
            found |= model_paths(inner, f"{path}[]" if in_list else path)
    return found


# --- the scaffold's content -------------------------------------------------------------------


def test_new_writes_name_yaml_in_the_given_folder(runner, in_tmp):
    result = runner.invoke(main, ["new", "smart-ledger", "--dir", "ideas"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == WROTE.format("ideas/smart-ledger.yaml") + SCHEMA_HINT.format(
        "../prfaq.schema.json"
    )
    assert sorted(p.name for p in (in_tmp / "ideas").iterdir()) == ["smart-ledger.yaml"]


def test_new_defaults_to_the_specs_folder(runner, in_tmp):
    result = runner.invoke(main, ["new", "ledger"])
    assert result.exit_code == 0
    assert (in_tmp / "specs" / "ledger.yaml").is_file()
    assert result.stderr == WROTE.format("specs/ledger.yaml") + SCHEMA_HINT.format(
        "../prfaq.schema.json"
    )


@pytest.mark.parametrize("name", ["ledger.yaml", "ledger.yml"])
def test_a_yaml_suffix_in_name_is_not_doubled(runner, in_tmp, name):
    result = runner.invoke(main, ["new", name, "--dir", "."])
    assert result.exit_code == 0
    assert [p.name for p in in_tmp.iterdir()] == ["ledger.yaml"]


def test_scaffold_has_every_field_of_format_1(runner, in_tmp):
    runner.invoke(main, ["new", "ledger", "--dir", "."])
    read = read_spec_file(in_tmp / "ledger.yaml")
    assert read.diagnostics == []
    found = key_paths(read.data)
    assert found - FORMAT_1_FIELDS == set(), "fields the format does not have"
    assert FORMAT_1_FIELDS - found == set(), "fields of the format the scaffold lacks"


def test_the_documented_fields_are_the_models_fields():
    # spec-format.md and the model must agree: an optional field added to the model is
    # documented (and then added to the scaffold and to the list above).
    assert model_paths(Spec) == FORMAT_1_FIELDS


def test_every_field_is_preceded_by_a_comment(runner, in_tmp):
    runner.invoke(main, ["new", "ledger", "--dir", "."])
    text = (in_tmp / "ledger.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    read = read_spec_text(text, "ledger.yaml")
    undocumented = []
    for path, position in read.source_map.keys.items():
        if path[0] == "glossary" and len(path) > 1:
            continue
        name = str(path[-1])
        if any(isinstance(part, int) for part in path) or path[:2] == ("review", "scores"):
            # fields of list items and of the scores mapping are described together, in the
            # comments of their section (e.g. "Each entry needs q ... and a ...")
            section = str(path[0])
            start = next(i for i, line in enumerate(lines) if line.startswith(f"# {section}:"))
            comments = " ".join(
                line.strip()
                for line in lines[start : position.line - 1]
                if line.strip().startswith("#")
            )
            if not re.search(rf"(?<![\w`]){re.escape(name)}(?![\w`])", comments):
                undocumented.append(format_path(path))
            continue
        # any other field: the comment block right above its line opens with `# name:`
        block = []
        index = position.line - 2
        while index >= 0 and lines[index].strip().startswith("#"):
            block.append(lines[index].strip())
            index -= 1
        if not any(line.startswith(f"# {name}:") for line in block):
            undocumented.append(format_path(path))
    assert undocumented == [], undocumented


def test_scaffold_validates_as_written_with_only_todo_warnings(runner, in_tmp):
    runner.invoke(main, ["new", "ledger", "--dir", "."])
    result = check_spec(in_tmp / "ledger.yaml")
    only_scaffold_warnings(result.diagnostics)
    spec = result.loaded.spec
    assert spec.title == "Ledger"
    assert spec.meta.author == "TODO: your name"
    assert spec.meta.date == date.today()
    assert spec.press_release.launch_date > spec.meta.date
    assert spec.review.scores.big_idea is None
    # the command agrees: valid, but a spec of TODOs is not ready for --strict
    assert runner.invoke(main, ["validate", "ledger.yaml"]).exit_code == 0
    assert runner.invoke(main, ["validate", "--strict", "ledger.yaml"]).exit_code == 1


@pytest.mark.parametrize(
    "today",
    [date(2026, 11, 22), date(2028, 2, 29), date(2027, 12, 31), date(2030, 1, 1)],
)
def test_scaffold_validates_on_any_day(tmp_path, today):
    path = tmp_path / "ledger.yaml"
    path.write_text(scaffold_text("Ledger", "Priya Raman", today), encoding="utf-8")
    result = check_spec(path)
    only_scaffold_warnings(result.diagnostics)
    assert result.loaded.spec.meta.date == today
    assert result.loaded.spec.press_release.launch_date - today > timedelta(days=360)


@pytest.mark.parametrize(
    ("name", "title"),
    [("smart-ledger", "Smart Ledger"), ("q3_cash.flow", "Q3 Cash Flow"), ("X", "X")],
)
def test_title_comes_from_the_name(runner, in_tmp, name, title):
    runner.invoke(main, ["new", name, "--dir", "."])
    assert check_spec(in_tmp / f"{name}.yaml").loaded.spec.title == title


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Ledger: the books, closed", "Priya Raman # lead"),
        ('He said "no"', "O'Neil, Ana"),
        ("no", "yes"),
        ("*star* & [link](x)", "{Sam}"),
        ("Café Zoë", "Renée Okafor"),
    ],
)
def test_title_and_author_are_written_safely(runner, in_tmp, title, author):
    result = runner.invoke(
        main, ["new", "idea", "--dir", ".", "--title", title, "--author", author]
    )
    assert result.exit_code == 0
    checked = check_spec(in_tmp / "idea.yaml")
    only_scaffold_warnings(checked.diagnostics)
    assert checked.loaded.spec.title == title
    assert checked.loaded.spec.meta.author == author


# --- never overwrite without --force ------------------------------------------------------------


def test_existing_file_is_never_overwritten_without_force(runner, in_tmp):
    target = in_tmp / "specs" / "ledger.yaml"
    target.parent.mkdir()
    target.write_text("my own words\n", encoding="utf-8")
    before = target.stat()
    result = runner.invoke(main, ["new", "ledger"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "specs/ledger.yaml: already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "my own words\n"
    assert target.stat().st_mtime_ns == before.st_mtime_ns
    assert [p.name for p in target.parent.iterdir()] == ["ledger.yaml"]


def test_force_overwrites(runner, in_tmp):
    target = in_tmp / "ledger.yaml"
    target.write_text("my own words\n", encoding="utf-8")
    result = runner.invoke(main, ["new", "ledger", "--dir", ".", "--force"])
    assert result.exit_code == 0
    assert result.stderr == WROTE.format("ledger.yaml") + SCHEMA_HINT.format("prfaq.schema.json")
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=prfaq.schema.json\n# A PR/FAQ idea spec, format 1."
    )
    only_scaffold_warnings(check_spec(target).diagnostics)
    assert [p.name for p in in_tmp.iterdir()] == ["ledger.yaml"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new"], "Error: Missing argument 'NAME'."),
        (
            ["new", "../escape"],
            "Error: Invalid value for NAME: use letters, digits, '.', '-' and '_' only "
            "(no folders: use --dir)",
        ),
        (
            ["new", "a/b"],
            "Error: Invalid value for NAME: use letters, digits, '.', '-' and '_' only "
            "(no folders: use --dir)",
        ),
        (
            ["new", ".yaml"],
            "Error: Invalid value for NAME: use letters, digits, '.', '-' and '_' only "
            "(no folders: use --dir)",
        ),
        (
            ["new", "my idea"],
            "Error: Invalid value for NAME: use letters, digits, '.', '-' and '_' only "
            "(no folders: use --dir)",
        ),
        (
            ["new", "ledger", "--dir", "afile"],
            "Error: Invalid value for '--dir': Directory 'afile' is a file.",
        ),
        (["new", "ledger", "--bogus"], "Error: No such option '--bogus'."),
        (["new", "a", "b"], "Error: Got unexpected extra argument (b)"),
    ],
)
def test_new_usage_errors_exit_2_and_write_nothing(runner, in_tmp, args, message):
    (in_tmp / "afile").write_text("x", encoding="utf-8")
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == message
    assert sorted(p.name for p in in_tmp.iterdir()) == ["afile"]


def test_new_help_shows_an_example(runner):
    result = runner.invoke(main, ["new", "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert "prfaqgen new " in result.stdout


# --- bugs: each test expects the correct behaviour ---------------------------------------------


def test_blank_author_does_not_produce_an_invalid_spec(runner, in_tmp):
    result = runner.invoke(main, ["new", "ledger", "--dir", ".", "--author", ""])
    assert result.exit_code == 2 or check_spec(in_tmp / "ledger.yaml").diagnostics == ()


def test_multiline_title_does_not_produce_an_invalid_spec(runner, in_tmp):
    result = runner.invoke(main, ["new", "ledger", "--dir", ".", "--title", "Ledger\nfor all"])
    assert result.exit_code == 2 or check_spec(in_tmp / "ledger.yaml").diagnostics == ()


def test_force_onto_a_folder_is_an_error_not_a_traceback(runner, in_tmp):
    (in_tmp / "ledger.yaml").mkdir()
    result = runner.invoke(main, ["new", "ledger", "--dir", ".", "--force"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (1, 2)


def test_dir_below_a_file_is_an_error_not_a_traceback(runner, in_tmp):
    (in_tmp / "afile").write_text("x", encoding="utf-8")
    result = runner.invoke(main, ["new", "ledger", "--dir", "afile/sub"])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (1, 2)


# --- the real process -------------------------------------------------------------------------


def test_subprocess_new(prfaqgen_process, tmp_path):
    first = prfaqgen_process("new", "ledger", "--dir", "specs", "--title", "Ledger")
    assert first.returncode == 0, first.stderr
    assert first.stderr == WROTE.format(os.path.join("specs", "ledger.yaml")) + SCHEMA_HINT.format(
        "../prfaq.schema.json"
    )
    target = tmp_path / "specs" / "ledger.yaml"
    written = target.read_bytes()

    checked = prfaqgen_process("validate", "specs")
    assert checked.returncode == 0, checked.stdout
    assert f"{os.path.join('specs', 'ledger.yaml')}:" in checked.stdout
    assert "Traceback" not in checked.stderr
    strict = prfaqgen_process("validate", "--strict", "specs")
    assert strict.returncode == 1
    assert strict.stdout == checked.stdout

    again = prfaqgen_process("new", "ledger", "--dir", "specs")
    assert again.returncode == 1
    assert "already exists; use --force" in again.stderr
    assert "Traceback" not in again.stderr
    assert target.read_bytes() == written

    target.write_text("changed\n", encoding="utf-8")
    forced = prfaqgen_process("new", "ledger", "--dir", "specs", "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../prfaq.schema.json\n# A PR/FAQ idea spec, format 1."
    )

    usage = prfaqgen_process("new", "../x")
    assert usage.returncode == 2
    assert "Traceback" not in usage.stderr
