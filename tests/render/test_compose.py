"""The compose stage on its own: a loaded spec plus templates become one HTML document.

These tests call :func:`prfaqgen.compose.compose.compose` directly and read the HTML
with lxml, so they render nothing and run in the fast tier. They pin what every
writer relies on (which parts appear, in which order, escaped how, with which
options and dates), not the look: the golden file tests/golden/references/*/html
shows the markup itself as a diff.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from prfaqgen._version import __version__
from prfaqgen.compose.compose import compose, find_theme
from prfaqgen.errors import RenderError
from prfaqgen.options import RenderOptions
from prfaqgen.spec import LoadedSpec, load_spec
from tests.e2e.e2e_helpers import EXAMPLE, MINIMAL

Html = lxml.html.HtmlElement


def composed(loaded: LoadedSpec, **options: Any) -> Html:
    return lxml.html.document_fromstring(compose(loaded, RenderOptions(**options)).html)


def text(element: Html) -> str:
    return " ".join(element.text_content().split())


# The template sets typographic quotes and dashes; these tests compare wording.
_TYPOGRAPHIC = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-"}
)


def wording(element: Html) -> str:
    return text(element).translate(_TYPOGRAPHIC)


def write_spec(tmp_path: Path, body: str) -> LoadedSpec:
    path = tmp_path / "idea.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_spec(path)


@pytest.fixture(scope="module")
def example() -> LoadedSpec:
    return load_spec(EXAMPLE)


@pytest.fixture(scope="module")
def minimal() -> LoadedSpec:
    return load_spec(MINIMAL)


def test_sections_come_in_the_canonical_order(example: LoadedSpec) -> None:
    root = composed(example)
    assert [s.get("id") for s in root.iter("section")] == [
        "press-release",
        "faq",
        "supporting",
        "appendix",
    ]
    assert [text(h) for h in root.iter("h1")] == [
        "Press release",
        "Frequently asked questions",
        "The five customer questions",
        "Tenets",
        "Success metrics",
        "Glossary",
        "Appendix",
    ]


def test_questions_are_numbered_across_groups_customer_questions_first(
    example: LoadedSpec,
) -> None:
    root = composed(example)
    spec = example.spec
    questions = [wording(h) for h in root.get_element_by_id("faq").iter("h3")]
    asked = [item.q for item in [*spec.faq.external, *spec.faq.internal]]
    assert questions == [f"Q{n}. {q}" for n, q in enumerate(asked, 1)]
    groups = [text(h) for h in root.get_element_by_id("faq").iter("h2")]
    assert groups == ["Customer questions", "Internal questions"]


def test_the_summary_opens_with_the_dateline(example: LoadedSpec) -> None:
    pr = example.spec.press_release
    summary = wording(composed(example).find_class("summary")[0])
    assert pr.launch_date is not None
    launch = f"{pr.launch_date:%B} {pr.launch_date.day}, {pr.launch_date.year}"
    assert summary.startswith(f"{pr.location} ({pr.outlet}) - {launch} - ")


def test_absent_optional_parts_leave_no_heading_or_empty_element(minimal: LoadedSpec) -> None:
    root = composed(minimal)
    assert [s.get("id") for s in root.iter("section")] == ["press-release", "faq"]
    assert [text(h) for h in root.iter("h1")] == ["Press release", "Frequently asked questions"]
    assert root.find_class("subtitle") == []
    assert root.find_class("how-it-works") == []
    assert [text(h) for h in root.get_element_by_id("faq").iter("h3")] == [
        "Q1. How much does it cost?"
    ]


def test_raw_html_in_a_spec_is_text_not_markup(tmp_path: Path) -> None:
    loaded = write_spec(
        tmp_path,
        """\
        prfaq: 1
        title: "<b>Ledger</b>"
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches *Ledger* <script>alert(1)</script>
          summary: Ledger closes the books <img src=x onerror=alert(1)> in a day.
          problem: Closing takes **five** days.
          solution: Ledger matches payments.
          customer_quotes: [{text: It saves a week., name: Ana}]
        faq: {external: [{q: "Price?", a: Ten dollars.}]}
        """,
    )
    root = composed(loaded)
    assert list(root.iter("script")) == []
    assert [img.get("src") for img in root.iter("img")] == []
    headline = root.find_class("headline")[0]
    assert text(headline) == "Acme launches Ledger <script>alert(1)</script>"
    assert [text(em) for em in headline.iter("em")] == ["Ledger"]
    assert "<img src=x onerror=alert(1)>" in text(root.find_class("summary")[0])
    assert [text(b) for b in root.find_class("problem")[0].iter("strong")] == ["five"]
    title = root.find(".//title")
    assert title is not None and "<b>Ledger</b>" in text(title)


def test_the_draft_mark_follows_status_and_option(example: LoadedSpec, minimal: LoadedSpec) -> None:
    assert example.spec.meta.status == "draft"
    assert [text(e) for e in composed(example).find_class("draft-mark")] == ["DRAFT"]
    assert composed(example, draft_mark=False).find_class("draft-mark") == []
    assert minimal.spec.meta.status == "final"
    assert composed(minimal).find_class("draft-mark") == []


def test_options_reach_the_writers_unchanged(minimal: LoadedSpec) -> None:
    options = RenderOptions(paper="a4", draft_mark=False, line_numbers=True)
    assert compose(minimal, options).options == options
    assert compose(minimal).options == RenderOptions()


def meta(root: Html, name: str) -> str | None:
    found = root.xpath(f'//meta[@name="{name}"]/@content')
    return str(found[0]) if found else None


def test_dates_come_from_the_spec_or_source_date_epoch(
    minimal: LoadedSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert minimal.spec.meta.date == date(2026, 11, 22)
    assert meta(composed(minimal), "dcterms.created") == "2026-11-22T00:00:00Z"
    assert compose(minimal).source_date.isoformat() == "2026-11-22T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert meta(composed(minimal), "dcterms.modified") == "2023-11-14T22:13:20Z"
    assert meta(composed(minimal), "generator") == f"prfaqgen {__version__}"


def test_composing_twice_gives_the_same_html(example: LoadedSpec) -> None:
    assert compose(example).html == compose(example).html


def test_a_missing_templates_folder_is_a_render_error(minimal: LoadedSpec, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="templates folder not found"):
        compose(minimal, templates=tmp_path / "nowhere")


def test_a_user_template_overrides_one_block_for_every_writer(
    minimal: LoadedSpec, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "prfaq.html.j2").write_text(
        '{% extends "builtin/prfaq.html.j2" %}\n'
        '{% block headline %}<h2 class="headline">Our own: {{ pr.headline }}</h2>'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    root = composed_with(minimal, templates)
    assert [text(h) for h in root.find_class("headline")] == ["Our own: Acme launches Ledger"]
    # every other block is the built-in one
    assert [s.get("id") for s in root.iter("section")] == ["press-release", "faq"]


def composed_with(loaded: LoadedSpec, templates: Path) -> Html:
    return lxml.html.document_fromstring(compose(loaded, templates=templates).html)


def test_a_theme_file_of_the_user_wins_on_its_own(tmp_path: Path) -> None:
    builtin = find_theme(None)
    assert builtin.stylesheet.name == "theme.css" and builtin.stylesheet.is_file()
    assert builtin.reference_docx.is_file()
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "theme.css").write_text("body { color: black; }\n", encoding="utf-8")
    theme = find_theme(tmp_path)
    assert theme.stylesheet == tmp_path / "theme" / "theme.css"
    assert theme.reference_docx == builtin.reference_docx
    assert theme.fonts_dir == builtin.fonts_dir


def test_the_composed_document_may_read_only_the_spec_and_theme_folders(
    minimal: LoadedSpec,
) -> None:
    doc = compose(minimal)
    spec_dir = MINIMAL.parent.resolve()
    assert doc.base_dir == spec_dir
    stylesheet_dir = doc.theme.stylesheet.parent.resolve()
    assert doc.resource_roots[0] == spec_dir
    assert stylesheet_dir in doc.resource_roots
    # nothing beyond the spec's folder and the theme's own folders
    assert set(doc.resource_roots) <= {spec_dir, stylesheet_dir, *doc.theme.roots}
