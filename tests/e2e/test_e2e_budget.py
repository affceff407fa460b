"""The six-page budget as the render command reports it, measured on the real PDF."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from e2e_helpers import MINIMAL, Rendered, outline, run_prfaqgen

from prfaqgen.cli import main

pytestmark = pytest.mark.slow

SENTENCE = (
    "Controllers spend five working days every month matching bank lines to ledger "
    "entries by hand, and nobody enjoys it. "
)


def long_spec(folder: Path, name: str, *, press_release: int = 0, questions: int = 0) -> Path:
    """The minimal spec with ``press_release`` extra problem paragraphs and
    ``questions`` extra FAQ questions of three paragraphs each."""
    spec = yaml.safe_load(MINIMAL.read_text("utf-8"))
    if press_release:
        spec["press_release"]["problem"] = "\n\n".join([SENTENCE * 6] * press_release)
    for n in range(questions):
        answer = "\n\n".join([SENTENCE * 5] * 3)
        spec["faq"]["external"].append({"q": f"What does question {n + 2} ask?", "a": answer})
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), "utf-8")
    return path


def report_of(stdout: str) -> dict[str, dict[str, Any]]:
    return {Path(entry["file"]).stem: entry for entry in json.loads(stdout)}


def test_report_json_gives_the_pages_of_each_part(example: Rendered) -> None:
    (entry,) = json.loads(example.stdout)
    assert entry["file"].endswith("specs/example.yaml")
    assert set(entry["outputs"]) == {"pdf", "docx", "html"}
    assert all(Path(path).is_file() for path in entry["outputs"].values())
    pages = entry["pages"]
    assert pages["total_pages"] == len(example.pdf.pages) == 6
    assert 0.5 < pages["press_release"] <= 1.0
    assert 2.0 < pages["faq"] < 4.0
    assert pages["press_release"] + pages["faq"] <= pages["body"] <= 6.0
    assert pages["appendix"] == 1  # the last page, as the PDF shows
    appendix_page = next(i for i, t in enumerate(example.pages) if t.find("\nAppendix\n") >= 0)
    assert appendix_page == len(example.pages) - 1
    assert pages["problems"] == [] and entry["diagnostics"] == []
    assert pages["limits"] == {"press_release": 1.0, "body": 6.0}
    # The FAQ starts on page 2 of the PDF, so the press release fits page 1.
    assert outline(example.pdf)[2] == (0, "Frequently asked questions")
    assert example.pdf.get_destination_page_number(example.pdf.outline[2]) == 1


def test_format_json_prints_the_same_report_and_writes_nothing(
    example: Rendered, tmp_path: Path
) -> None:
    result = run_prfaqgen(
        "render", example.spec, "-o", tmp_path / "out", "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)
    (reference,) = json.loads(example.stdout)
    assert entry["pages"] == reference["pages"]
    assert entry["outputs"] == {}
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def long_specs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("long")
    return {
        "pr": long_spec(folder, "long-press-release", press_release=8),
        "body": long_spec(folder, "long-body", questions=22),
    }


def test_over_budget_is_a_warning_and_files_are_written(
    long_specs: dict[str, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["render", str(long_specs["pr"]), str(long_specs["body"]), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stdout.splitlines() if "pages" in line]
    pr, body = str(long_specs["pr"]), str(long_specs["body"])
    assert len(warnings) == 2
    assert warnings[0].startswith(f"{pr}:")
    assert ": press_release: warning: the press release takes 1." in warnings[0]
    assert "keeps it under one page" in warnings[0]
    assert warnings[1].startswith(f"{body}:")
    assert ": faq: warning: the press release, FAQ and supporting parts take " in warnings[1]
    assert "keeps them within six" in warnings[1]
    budget_lines = [line.strip() for line in result.stderr.splitlines() if "pages:" in line]
    assert re.fullmatch(
        # The FAQ starts on a new page after the release (page 3 here).
        r"pages: press release 1\.\d+ of 1, press release \+ FAQ 2\.\d+ of 6, "
        r"no appendix, 3 in all",
        budget_lines[0],
    )
    assert re.fullmatch(
        r"pages: press release 0\.\d+ of 1, press release \+ FAQ \d+\.\d+ of 6, "
        r"no appendix, \d+ in all",
        budget_lines[1],
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "long-body.docx",
        "long-body.pdf",
        "long-press-release.docx",
        "long-press-release.pdf",
    ]


@pytest.mark.parametrize(
    ("which", "part", "limit"), [("pr", "press_release", 1), ("body", "body", 6)]
)
def test_over_budget_fails_with_strict(
    long_specs: dict[str, Path], tmp_path: Path, which: str, part: str, limit: int
) -> None:
    result = CliRunner().invoke(
        main,
        ["render", str(long_specs[which]), "-o", str(tmp_path), "--strict", "--report", "json"],
    )
    assert result.exit_code == 1, result.output
    (entry,) = json.loads(result.stdout)
    assert entry["pages"][part] > limit
    (problem,) = entry["pages"]["problems"]
    messages = [d["message"] for d in entry["diagnostics"] if d["severity"] == "warning"]
    assert problem in messages
    other = "body" if part == "press_release" else "press_release"
    assert entry["pages"][other] <= (6 if other == "body" else 1)
