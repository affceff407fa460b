"""A portfolio with known scores, rendered: order, isolation, increments, shards, binder."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prfaqgen.cli import main

pytestmark = pytest.mark.slow

EXPECTED = ["Beta", "Echo", "Cobalt", "Delta"]
"""Beta is pending and passes all three tests; Echo has one score only: not yet reviewed;
Cobalt (fund) and Delta (hold) are decided, fund before hold."""


@pytest.fixture
def ideas(write_spec, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    write_spec("cobalt.yaml", "Cobalt", (4, 4, 4), decision="fund", tags="payments")
    write_spec("team/beta.yaml", "Beta", (4, 4, 4), tags="payments, ops")
    write_spec("delta.yaml", "Delta", (5, 5, 2), decision="hold", day=3)
    write_spec("echo.yaml", "Echo", (5, None, None), status="draft")
    (tmp_path / "ideas" / "broken.yaml").write_text(
        "prfaq: 1\ntitle: Broken\nmeta:\n  author: Nobody\npress_release:\n  headline: Broken\n",
        encoding="utf-8",
    )
    return tmp_path / "ideas"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["portfolio", *args])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.output
    return result.exit_code, result.output


def ranking_titles_in_pdf(path: Path) -> list[str]:
    text = PdfReader(path).pages[1].extract_text()
    return [m for m in re.findall(r"^\d+ (\w+)", text, re.M)]


def test_the_documented_order_in_pdf_docx_csv_json_and_the_invalid_spec_reported(
    ideas: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, output = run(str(ideas), "-o", str(out), "--jobs", "2", "--verbose")
    assert code == 1
    assert "broken.yaml:3:1: meta.date: required field `date` is missing" in output
    # The broken spec's warnings are shown beside its errors (each: --verbose), and counted.
    shown = sum(": warning: " in line and "broken.yaml" in line for line in output.splitlines())
    assert shown > 0
    assert f"4 rendered, 0 unchanged, 1 failed, {shown} warnings" in output

    assert ranking_titles_in_pdf(out / "portfolio.pdf") == [*EXPECTED, "broken"]
    pdf_text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(out / "portfolio.pdf").pages).split()
    )
    assert "Delta (fails a test)" in pdf_text and "Not yet reviewed" in pdf_text
    assert "by the sum of the three" in pdf_text  # the rule is printed
    assert "5 ideas, 1 could not be rendered" in pdf_text
    idea_pages = [p.extract_text() for p in PdfReader(out / "portfolio.pdf").pages[2:]]
    assert [re.search(r"^\d+\. (\w+)", t, re.M).group(1) for t in idea_pages] == EXPECTED  # type: ignore[union-attr]

    tables = [
        t
        for t in docx.Document(str(out / "portfolio.docx")).tables
        if t.rows[0].cells[0].text == "#"
    ]
    titles = [r.cells[1].text.split()[0] for t in tables for r in t.rows[1:]]
    assert titles == [*EXPECTED, "broken.yaml"]

    rows = list(csv.DictReader(io.StringIO((out / "portfolio.csv").read_text("utf-8"))))
    assert [r["title"] for r in rows] == [*EXPECTED, "broken.yaml"]
    assert [r["total"] for r in rows] == ["12", "", "12", "12", ""]
    assert [r["fails_a_test"] for r in rows] == ["no", "no", "no", "yes", "no"]
    assert rows[0]["pdf"] == "team/beta.pdf" and (out / "team" / "beta.pdf").is_file()

    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert [i["title"] for i in data["ideas"]] == [*EXPECTED, "broken.yaml"]
    assert data["ideas"][1]["reviewed"] is False
    assert not (out / "broken.pdf").exists()


def test_a_changed_spec_is_rendered_again_and_an_unchanged_one_is_not(
    ideas: Path,
    tmp_path: Path,
    write_spec,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "out"
    (ideas / "broken.yaml").unlink()
    assert run(str(ideas), "-o", str(out), "--jobs", "1")[0] == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}

    code, output = run(str(ideas), "-o", str(out), "--jobs", "1")
    assert code == 0 and "0 rendered, 4 unchanged, 0 failed" in output
    assert "comparison unchanged" in output
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == stamps

    write_spec("echo.yaml", "Echo", (5, 5, 5), status="draft")  # now reviewed: ranks first
    code, output = run(str(ideas), "-o", str(out), "--jobs", "1")
    assert code == 0 and "1 rendered, 3 unchanged, 0 failed" in output
    assert (out / "echo.pdf").stat().st_mtime_ns != stamps[out / "echo.pdf"]
    assert (out / "delta.pdf").stat().st_mtime_ns == stamps[out / "delta.pdf"]
    assert ranking_titles_in_pdf(out / "portfolio.pdf") == ["Echo", "Beta", "Cobalt", "Delta"]

    code, output = run(str(ideas), "-o", str(out), "--jobs", "1", "--force")
    assert "4 rendered, 0 unchanged" in output


def test_two_shards_and_collect_give_the_comparison_of_one_run(ideas: Path, tmp_path: Path) -> None:
    (ideas / "broken.yaml").unlink()
    whole = tmp_path / "whole"
    assert run(str(ideas), "-o", str(whole), "--jobs", "1")[0] == 0
    gathered = tmp_path / "artifacts"
    for i in (1, 2):
        code, output = run(str(ideas), "-o", str(gathered / f"shard-{i}"), "--shard", f"{i}/2")
        assert code == 0, output
        assert not (gathered / f"shard-{i}" / "portfolio.pdf").exists()
    collected = tmp_path / "collected"
    code, output = run("--collect", str(gathered), "-o", str(collected))
    assert code == 0, output

    def without_links(path: Path) -> list[dict[str, object]]:
        ideas = json.loads(path.read_text("utf-8"))["ideas"]
        return [{k: v for k, v in i.items() if k not in ("pdf", "docx")} for i in ideas]

    assert without_links(collected / "portfolio.json") == without_links(whole / "portfolio.json")
    assert ranking_titles_in_pdf(collected / "portfolio.pdf") == EXPECTED
    links = [i["pdf"] for i in json.loads((collected / "portfolio.json").read_text())["ideas"]]
    assert all((collected / link).is_file() for link in links)

    outline = PdfReader(collected / "binder.pdf").outline
    assert [o.title for o in outline if not isinstance(o, list)] == ["Comparison", *EXPECTED]


def test_the_binder_has_one_entry_per_idea_with_its_sections_and_is_reproducible(
    ideas: Path, tmp_path: Path
) -> None:
    (ideas / "broken.yaml").unlink()
    first = tmp_path / "first"
    run(str(ideas), "-o", str(first), "--jobs", "1")
    before = {name: (first / name).read_bytes() for name in ("binder.pdf", "portfolio.docx")}
    reader = PdfReader(first / "binder.pdf")
    top = [o for o in reader.outline if not isinstance(o, list)]
    assert [o.title for o in top] == ["Comparison", *EXPECTED]
    sections = reader.outline[2]  # Beta's own outline, kept under its entry
    assert isinstance(sections, list) and getattr(sections[0], "title", None) == "Press release"
    comparison_pages = len(PdfReader(first / "portfolio.pdf").pages)
    assert reader.get_destination_page_number(top[1]) == comparison_pages
    run(str(ideas), "-o", str(first), "--jobs", "2", "--force")
    assert {name: (first / name).read_bytes() for name in before} == before


def test_filters_select_the_ideas_in_the_comparison(ideas: Path, tmp_path: Path) -> None:
    (ideas / "broken.yaml").unlink()
    out = tmp_path / "out"
    code, output = run(str(ideas), "-o", str(out), "--jobs", "1", "--tag", "payments")
    assert code == 0, output
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert [i["title"] for i in data["ideas"]] == ["Beta", "Cobalt"]
    assert not (out / "delta.pdf").exists()
