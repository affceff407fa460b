"""``prfaqgen render`` as a user runs it: where files go, what is printed, exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import lxml.html
import pytest
from click.testing import CliRunner
from e2e_helpers import CORPUS, MINIMAL, Rendered, load_yaml, run_prfaqgen
from pypdf import PdfReader

from prfaqgen.cli import main


def files_below(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def copy_spec(target: Path, title: str | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = MINIMAL.read_text("utf-8")
    if title:
        text = text.replace("title: Ledger", f"title: {title}")
    target.write_text(text, "utf-8")
    return target


def pdf_title(path: Path) -> str:
    return PdfReader(io.BytesIO(path.read_bytes())).metadata.title


def docx_title(path: Path) -> str:
    return docx.Document(str(path)).core_properties.title


@pytest.mark.slow
def test_default_is_pdf_and_docx_in_output_named_after_the_spec(tmp_path: Path) -> None:
    copy_spec(tmp_path / "specs" / "ledger.yaml")
    result = run_prfaqgen("render", "specs/ledger.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert files_below(tmp_path / "output") == ["ledger.docx", "ledger.pdf"]
    assert (tmp_path / "output" / "ledger.pdf").read_bytes().startswith(b"%PDF-")
    assert pdf_title(tmp_path / "output" / "ledger.pdf") == "Ledger"
    assert docx_title(tmp_path / "output" / "ledger.docx") == "Ledger"
    assert "specs/ledger.yaml: output/ledger.pdf, output/ledger.docx" in result.stdout
    assert "Traceback" not in result.stderr


INVALID = MINIMAL.read_text("utf-8").replace("title: Ledger", "titel: Ledger")
INVALID = INVALID.replace("date: 2026-11-22", "date: 2026-02-30")


def test_an_invalid_spec_is_reported_as_validate_reports_it(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(INVALID, "utf-8")
    rendered = run_prfaqgen("render", "bad.yaml", "-o", "out", cwd=tmp_path)
    validated = run_prfaqgen("validate", "bad.yaml", cwd=tmp_path)
    assert rendered.returncode == validated.returncode == 1
    # Diagnostics of a render go to stderr; stdout holds only results.
    assert rendered.stdout == ""
    lines = rendered.stderr.splitlines()
    assert lines == validated.stdout.splitlines()
    assert len(lines) == 3 and all(line.startswith("bad.yaml:") for line in lines)
    assert "titel: unknown field `titel`; did you mean `title`?" in rendered.stderr
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in rendered.stderr


def test_an_invalid_spec_in_json_has_validates_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(INVALID, "utf-8")
    runner = CliRunner()
    with runner.isolated_filesystem(tmp_path):
        Path("bad.yaml").write_text(INVALID, "utf-8")
        rendered = runner.invoke(main, ["render", "bad.yaml", "--report", "json"])
        validated = runner.invoke(main, ["validate", "bad.yaml", "--format", "json"])
        assert not Path("output").exists()
    assert rendered.exit_code == validated.exit_code == 1
    (report,) = json.loads(rendered.stdout)
    assert report == {"file": "bad.yaml", "diagnostics": json.loads(validated.stdout)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--paper", "b5"], "'b5' is not one of 'letter', 'a4'"),
        (["--format", "pdf,odt"], "odt: choose from pdf, docx, html"),
        (["--report", "xml"], "'xml' is not one of 'text', 'json'"),
        (["--templates", "no-such-folder"], "no-such-folder"),
        (["--bogus"], "No such option '--bogus'"),
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    spec = copy_spec(tmp_path / "ledger.yaml")
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(tmp_path / "o"), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "o").exists()


def test_missing_paths_and_empty_folders_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    runner = CliRunner()
    for args, message in (
        ([str(tmp_path / "nope.yaml")], "no such file or folder"),
        ([str(tmp_path / "empty")], "folder holds no *.yaml or *.yml spec"),
        ([], "Missing argument"),
    ):
        result = runner.invoke(main, ["render", *args, "-o", str(tmp_path / "o")])
        assert result.exit_code == 2, args
        assert message in result.stderr
    assert not (tmp_path / "o").exists()


def test_two_specs_with_the_same_name_are_a_usage_error(tmp_path: Path) -> None:
    first = copy_spec(tmp_path / "team-a" / "ledger.yaml")
    second = copy_spec(tmp_path / "team-b" / "ledger.yml")
    result = CliRunner().invoke(main, ["render", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert f"{first} and {second} would both render to ledger.*" in result.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_a_folder_renders_every_spec_below_it(tmp_path: Path) -> None:
    copy_spec(tmp_path / "specs" / "ledger.yaml", "Ledger")
    copy_spec(tmp_path / "specs" / "2027" / "payroll.yml", "Payroll")
    copy_spec(tmp_path / "specs" / ".drafts" / "hidden.yaml", "Hidden")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(tmp_path / "specs"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert files_below(out) == ["ledger.docx", "ledger.pdf", "payroll.docx", "payroll.pdf"]
    assert pdf_title(out / "payroll.pdf") == docx_title(out / "payroll.docx") == "Payroll"
    assert pdf_title(out / "ledger.pdf") == "Ledger"


@pytest.mark.slow
def test_html_format_is_one_self_contained_file(example: Rendered) -> None:
    page = lxml.html.fromstring(example.path("html").read_bytes())
    assert page.findtext(".//title") == "Gapfill"
    assert [h.text_content() for h in page.iter("h1")] == [
        "Press release",
        "Frequently asked questions",
        "The five customer questions",
        "Tenets",
        "Success metrics",
        "Glossary",
        "Appendix",
    ]
    questions = [h.text_content() for h in page.find_class("question")]
    assert len(questions) == 16 and questions[0] == "Q1. How much does Gapfill cost?"
    # Nothing to fetch: the stylesheet is inlined, no link or script points elsewhere.
    assert page.findall(".//style") and not page.findall(".//link")
    assert not page.findall(".//script")
    assert "file://" not in example.path("html").read_text("utf-8")


def test_help_shows_examples() -> None:
    result = CliRunner().invoke(main, ["render", "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "  prfaqgen render specs/example.yaml\n" in result.stdout
    for option in ("--output", "--format", "--paper", "--strict", "--templates", "--report"):
        assert option in result.stdout


@pytest.mark.slow
def test_the_corpus_renders_its_valid_specs_and_reports_the_others(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not available")
    validated = run_prfaqgen("validate", CORPUS, "--format", "json", cwd=tmp_path)
    errors: dict[str, list[str]] = {}
    for diagnostic in json.loads(validated.stdout):
        if diagnostic["severity"] == "error":
            errors.setdefault(Path(diagnostic["file"]).stem, []).append(diagnostic["message"])
    specs = sorted(CORPUS.glob("*.yaml"))
    valid = [s for s in specs if s.stem not in errors]
    invalid = [s for s in specs if s.stem in errors]
    assert {"13", "15", "16"} <= {s.stem[:2] for s in valid}
    assert invalid, "the corpus is expected to hold invalid specs"

    result = run_prfaqgen("render", CORPUS, "-o", tmp_path / "out", cwd=tmp_path)

    assert result.returncode == 1
    written = files_below(tmp_path / "out")
    assert written == sorted(f"{s.stem}.{fmt}" for s in valid for fmt in ("docx", "pdf"))
    for spec in valid:
        title = load_yaml(spec)["title"]
        assert pdf_title(tmp_path / "out" / f"{spec.stem}.pdf") == title
        assert docx_title(tmp_path / "out" / f"{spec.stem}.docx") == title
    # Problems go to stderr (stdout holds the files and pages), then the summary line.
    *problems, summary = result.stderr.splitlines()
    error_lines = [line for line in problems if ": warning: " not in line]
    warnings = len(problems) - len(error_lines)
    assert summary == f"{len(valid)} rendered, {len(invalid)} failed, {warnings} warnings"
    validate_errors = [line for line in validated_lines(tmp_path) if ": warning: " not in line]
    assert error_lines == validate_errors
    assert {Path(line.split(":")[0]).stem for line in error_lines} == {s.stem for s in invalid}
    assert "Traceback" not in result.stderr


def validated_lines(cwd: Path) -> list[str]:
    return run_prfaqgen("validate", CORPUS, cwd=cwd).stdout.splitlines()
