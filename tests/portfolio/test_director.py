"""What a director reads: every idea accounted for, strict reruns, links, rounds, the ask.

One mixed folder is rendered once per module and read back from every output.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from prfaqgen.cli import main
from tests.portfolio.conftest import SPEC, review_block

pytestmark = pytest.mark.slow

DAY_ONE = "1795000000"  # 2026-11-18
DAY_TWO = "1795600000"  # 2026-11-25


def write(folder: Path, name: str, title: str, scores: object, decision: str = "pending",
          extra_meta: str = "", how: str = "") -> Path:  # fmt: skip
    text = SPEC.format(
        title=title,
        owner=f"{title} Owner",
        team=f"{title} Team",
        status="review",
        tags="ops",
        day=1,
        thing=f"{title.lower()} reports",
        review=review_block(scores, decision),  # type: ignore[arg-type]
    )
    text = text.replace("  tags:", f"{extra_meta}  tags:", 1)
    if how:
        text = text.replace("  how_it_works: |\n", f"  how_it_works: |\n    {how}\n", 1)
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, epoch: str = DAY_ONE) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["portfolio", *args], env={"SOURCE_DATE_EPOCH": epoch})
    assert isinstance(result.exception, SystemExit | None), result.output
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("director")
    ideas = root / "Q3 ideas"
    ask = "  ask:\n    people: 4 engineers\n    money: $1.2M\n    time: 6 months\n"
    write(ideas, "team/alpha.yaml", "Alpha", (4, 4, 4), extra_meta=ask,
          how="The [pricing sheet](pricing.pdf) has the numbers; see [the FAQ](#faq).")  # fmt: skip
    (ideas / "team" / "pricing.pdf").write_bytes(b"%PDF-1.4\n")
    write(ideas, "bravo.yaml", "Bravo", (5, 5, 2))
    write(ideas, "charlie.yaml", "Charlie", (5, None, None))
    write(ideas, "delta.yaml", "Delta", (3, 3, 3), decision="fund")
    broken = "prfaq: 1\ntitle: Broken\nmeta:\n  author: Nobody\npress_release:\n  headline: B\n"
    (ideas / "broken.yaml").write_text(broken)  # errors, and warnings to count
    (root / "prfaqgen.toml").write_text('[portfolio]\ntitle = "Q3 funding review"\n')
    return ideas


@pytest.fixture(scope="module")
def rendered(folder: Path) -> tuple[Path, int, str]:
    out = folder.parent / "out"
    code, output = run(str(folder), "-o", str(out), "--jobs", "2", "--strict")
    return out, code, output


ORDER = ["Alpha", "Bravo", "Charlie", "Delta", "broken.yaml"]


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_invalid_spec_is_a_row_in_all_four_outputs(rendered: tuple[Path, int, str]) -> None:
    out, code, _output = rendered
    assert code == 1
    error = "broken.yaml:1:1: faq: required field `faq` is missing"
    text = pdf_text(out / "portfolio.pdf")
    assert "Q3 funding review" in text  # the config's [portfolio] title
    assert "5 ideas, 1 could not be rendered" in text
    assert "broken.yaml could not be rendered" in text and error in text

    document = docx.Document(str(out / "portfolio.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "5 ideas, 1 could not be rendered" in body
    assert any("broken.yaml could not be rendered" in c and error in c for c in cells)

    rows = list(csv.DictReader(io.StringIO((out / "portfolio.csv").read_text("utf-8"))))
    assert [r["title"] for r in rows] == ORDER
    assert rows[-1]["group"] == "Could not be rendered" and rows[-1]["error"].startswith(error)

    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    assert data["ideas_count"] == 5 and data["could_not_be_rendered"] == 1
    assert data["ideas"][-1]["error"].startswith(error)


def test_the_ranking_has_a_column_per_score_the_ask_and_the_groups(
    rendered: tuple[Path, int, str],
) -> None:
    out = rendered[0]
    document = docx.Document(str(out / "portfolio.docx"))
    ranking = [t for t in document.tables if t.rows[0].cells[0].text == "#"]
    header = [c.text for c in ranking[0].rows[0].cells]
    assert header[5:9] == ["Big idea", "Fit", "Plan", "Total"]
    rows = [[c.text for c in r.cells] for t in ranking for r in t.rows[1:]]
    assert rows[0][1].startswith("Alpha") and "cuts the wait" in rows[0][1]  # the headline
    assert rows[0][2] == "4 engineers · $1.2M · 6 months" and rows[0][5:9] == ["4"] * 3 + ["12"]
    assert rows[1][10] == "fails a test"
    # The ranking is a landscape section of its own in the DOCX, as in the PDF.
    orientations = [(s.page_width or 0) > (s.page_height or 0) for s in document.sections]
    assert orientations == [False, True, False]
    page = PdfReader(out / "portfolio.pdf").pages[1]
    assert page.mediabox.width > page.mediabox.height
    text = pdf_text(out / "portfolio.pdf")
    headings = ["To decide: passes all three tests", "To decide: fails a test",
                "Not yet reviewed", "Already decided", "Could not be rendered"]  # fmt: skip
    positions = [text.index(h, text.index("Ranking")) for h in headings]
    assert positions == sorted(positions)


def test_every_link_resolves_to_a_file_or_a_page(rendered: tuple[Path, int, str]) -> None:
    out = rendered[0]
    for name in ("portfolio.pdf", "binder.pdf", "team/alpha.pdf"):
        path = out / name
        reader = PdfReader(path)
        pages = {p.indirect_reference.idnum for p in reader.pages}
        named = reader.named_destinations
        links = 0
        for page in reader.pages:
            for ref in page.get("/Annots") or []:
                annot = ref.get_object()
                if annot.get("/Subtype") != "/Link":
                    continue
                links += 1
                action = annot.get("/A")
                uri = action.get_object().get("/URI") if action is not None else None
                dest = annot.get("/Dest")
                if uri is not None:
                    assert "prfaqgen-folder" not in uri and not urlsplit(uri).scheme, uri
                    assert uri == quote(unquote(uri)), f"{name}: {uri} is not a URI"
                    where = unquote(urlsplit(uri).path)
                    target = posixpath.normpath(posixpath.join(path.parent.as_posix(), where))
                    assert Path(target).exists(), f"{name}: {uri}"
                elif isinstance(dest, str):
                    assert dest in named, f"{name}: {dest}"
                else:
                    assert dest is not None and dest[0].idnum in pages, f"{name}: {annot}"
        assert links > 0, name
    # The binder jumps from the ranking to the idea's own PDF inside it.
    binder = PdfReader(out / "binder.pdf")
    comparison_pages = len(PdfReader(out / "portfolio.pdf").pages)
    first_idea = binder.pages[comparison_pages].indirect_reference.idnum
    jumps = [
        a.get_object()["/Dest"][0].idnum
        for a in binder.pages[2].get("/Annots") or []
        if isinstance(a.get_object().get("/Dest"), list)
    ]
    assert first_idea in jumps
    # Alpha's own "#faq" link jumps to Alpha's FAQ page inside the binder, not elsewhere.
    alpha_pages = len(PdfReader(out / "team" / "alpha.pdf").pages)
    inside = {p.indirect_reference.idnum for p in binder.pages[comparison_pages:][:alpha_pages]}
    alpha_jumps = [
        a.get_object()["/Dest"][0].idnum
        for p in binder.pages[comparison_pages:][:alpha_pages]
        for a in p.get("/Annots") or []
        if isinstance(a.get_object().get("/Dest"), list)
    ]
    assert alpha_jumps and set(alpha_jumps) <= inside
    assert b"prfaqgen-folder" not in (out / "team" / "alpha.pdf").read_bytes()
    for name in ("portfolio.docx", "team/alpha.docx"):
        path = out / name
        targets = [
            rel.target_ref
            for rel in docx.Document(str(path)).part.rels.values()
            if rel.reltype.endswith("/hyperlink")
        ]
        assert targets, name
        for target in targets:
            assert (path.parent / unquote(urlsplit(target).path)).exists(), f"{name}: {target}"


def test_strict_twice_exits_the_same_and_counts_the_same_warnings(
    rendered: tuple[Path, int, str],
) -> None:
    out, code, output = rendered
    first = re.search(r"(\d+) warnings", output)
    code2, output2 = run(str(out.parent / "Q3 ideas"), "-o", str(out), "--strict")
    assert "0 rendered, 4 unchanged, 1 failed" in output2
    assert code2 == code == 1
    second = re.search(r"(\d+) warnings", output2)
    assert first and second and first.group(1) == second.group(1) != "0"


def test_strict_twice_without_a_failed_spec(tmp_path: Path) -> None:
    ideas = tmp_path / "ideas"
    spec = write(ideas, "alpha.yaml", "Alpha", (4, 4, 4))
    text = spec.read_text("utf-8")
    start = text.index("  internal:")
    spec.write_text(text[:start] + text[text.index("review:") :], "utf-8")  # a warning
    out = tmp_path / "out"
    first = run(str(ideas), "-o", str(out), "--strict")
    second = run(str(ideas), "-o", str(out), "--strict")
    assert "1 unchanged" in second[1] and first[0] == second[0] == 1, second[1]
    assert "faq.internal" in second[1]  # the warning is shown again
    count = re.compile(r"(\d+) warnings")
    assert count.findall(first[1]) == count.findall(second[1])


def test_a_second_round_shows_what_changed(tmp_path: Path) -> None:
    ideas = tmp_path / "ideas"
    write(ideas, "alpha.yaml", "Alpha", (3, 3, 3))
    write(ideas, "bravo.yaml", "Bravo", (4, 4, 4))
    out = tmp_path / "out"
    assert run(str(ideas), "-o", str(out), epoch=DAY_ONE)[0] in (0, 1)
    write(ideas, "alpha.yaml", "Alpha", (3, 5, 3))
    write(ideas, "bravo.yaml", "Bravo", (4, 4, 4), decision="fund")
    write(ideas, "charlie.yaml", "Charlie", (2, 2, 2))
    run(str(ideas), "-o", str(out), epoch=DAY_TWO)
    data = {i["title"]: i for i in json.loads((out / "portfolio.json").read_text())["ideas"]}
    assert data["Alpha"]["change"] == "score up: fit 3 → 5 (since 2026-11-18)"
    assert data["Bravo"]["change"] == "decision pending → fund (since 2026-11-18)"
    assert data["Charlie"]["change"] == "new idea"
    assert [(h["date"], h["fit"]) for h in data["Alpha"]["history"]] == [
        ("2026-11-18", 3),
        ("2026-11-25", 5),
    ]
    text = pdf_text(out / "portfolio.pdf")
    assert "score up: fit 3 → 5" in text and "decision pending → fund" in text
    manifest = json.loads((out / "portfolio-manifest.json").read_text())
    assert [h["decision"] for h in manifest["history"]["bravo.yaml"]] == ["pending", "fund"]
