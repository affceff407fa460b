"""Every rule of spec format 1 (docs: /work/shared/spec-format.md), one small bad spec each.

Each test writes its spec inline, checks it with ``check_spec`` and compares the exact
diagnostics: line, column, dotted path and message (the ``lint`` fixture checks the file
name of each). Messages are pinned on purpose: they are the user interface of the spec
stage, and a change to one should be a deliberate change to this file.
"""

from __future__ import annotations

import datetime
import os
import textwrap
import time
from pathlib import Path

import pytest

import prfaqgen.source.yaml_builder as yaml_reader
from prfaqgen import SpecError, load_spec
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.spec import CheckResult, check_spec, check_spec_text

TOP_LEVEL_FIELDS = (
    "prfaq, title, meta, press_release, faq, customer, tenets, metrics, glossary, appendix, review"
)
NOT_A_MAPPING = (
    "not a mapping of fields: an idea spec starts with `prfaq: 1`, then `title:`, `meta:`, "
    "`press_release:` and `faq:`"
)
EMPTY_FILE = (
    "is empty: an idea spec starts with `prfaq: 1`; run `prfaqgen new NAME` for a commented "
    "starting point"
)
UNSUPPORTED = (
    ": this version of prfaqgen reads format 1; set `prfaq: 1`, or upgrade "
    "prfaqgen for a newer format"
)
ONE_LINE = "must be one line: join its lines into one sentence"
NOBODY = "quotes nobody: give the quote a `name`, a `role`, or both"
REFUSED_TAG = "is not allowed in idea specs: remove it and write plain text, lists and mappings"
DATE_FORMAT = "must be a date written as YYYY-MM-DD, for example 2026-11-22"
NOT_A_DATE = "is not a real date: check the month and the day"
UNCLOSED_QUOTE = (
    "is not valid YAML: the quoted text that starts here is never closed; add the closing "
    'quote (a quote inside the text is written twice in \'...\', or as \\" in "...")'
)
HEADLINE_HINT = "one sentence that names the product in words the target customer knows"
QUOTES_HINT = "one or more customers describing the benefit in their words"


def errors(result: CheckResult) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.path, d.message) for d in result.diagnostics if d.is_error]


def warnings(result: CheckResult) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.path, d.message) for d in result.diagnostics if not d.is_error]


def alias_message(anchor: str) -> str:
    return f"aliases (*{anchor}) are not allowed in idea specs: write the value out in full"


# --- a valid spec -----------------------------------------------------------------------


def test_minimal_spec_is_valid_and_typed(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert errors(result) == []
    assert result.passed()
    assert not result.passed(strict=True)  # it lacks recommended parts
    spec = result.loaded.spec
    assert spec.prfaq == 1
    assert spec.title == "Ledger"
    assert spec.meta.date == datetime.date(2026, 11, 22)
    assert spec.meta.status == "draft"
    assert spec.press_release.customer_quotes[0].name == "Maria Lopez"
    assert spec.press_release.customer_quotes[0].role is None
    assert spec.faq.external[0].q == "How much does it cost?"
    assert spec.review is None


def test_recommended_parts_missing_are_warnings_at_the_parent(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
          leader_quote:
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert result.loaded is not None
    assert sorted(result.loaded.warnings) == sorted(result.diagnostics)
    assert {d.severity for d in result.diagnostics} == {"warning"}
    assert warnings(result) == [
        (
            4,
            1,
            "press_release.call_to_action",
            "recommended part is missing; add `call_to_action`: one or two sentences: "
            "where to go, how to start",
        ),
        (
            4,
            1,
            "press_release.how_it_works",
            "recommended part is missing; add `how_it_works`: what the customer does first, "
            "and how easy it is",
        ),
        (
            4,
            1,
            "press_release.launch_date",
            "recommended part is missing; add `launch_date`: the intended launch date "
            "(YYYY-MM-DD); the dateline shows it",
        ),
        (
            4,
            1,
            "press_release.location",
            "recommended part is missing; add `location`: the dateline's city; the summary "
            "opens with it",
        ),
        (
            4,
            1,
            "press_release.subheadline",
            "recommended part is missing; add `subheadline`: one sentence: who the customer "
            "is and what they gain",
        ),
        # present but empty: pointed at where its value would be
        (
            10,
            16,
            "press_release.leader_quote",
            "recommended part is missing; add `leader_quote`: a quote from the company's "
            "leader: why we built it",
        ),
        (
            11,
            1,
            "faq.internal",
            "recommended part is missing; add `internal`: stakeholder questions: the customer "
            "and TAM, the economics, dependencies, and 'What are the top three reasons this "
            "will fail?'",
        ),
    ]
    first = result.diagnostics[0]
    assert first.format() == (
        f"{first.file}:4:1: press_release.call_to_action: warning: recommended part is "
        "missing; add `call_to_action`: one or two sentences: where to go, how to start"
    )


def test_example_spec_loads_typed_with_no_diagnostics(example_path):
    result = check_spec(example_path)
    assert result.diagnostics == ()
    spec = result.loaded.spec
    assert spec.prfaq == 1 and isinstance(spec.prfaq, int)
    assert spec.meta.date == datetime.date(2026, 11, 22)
    assert spec.meta.version == "0.4"
    assert spec.meta.reviewers == ["Tom Becker", "Aiko Tanaka", "Priya Natarajan"]
    assert spec.press_release.launch_date == datetime.date(2027, 4, 13)
    assert type(spec.press_release.launch_date) is datetime.date
    assert spec.metrics[0].by == datetime.date(2027, 10, 31)
    scores = spec.review.scores
    assert (scores.big_idea, scores.fit, scores.plan) == (3, 4, 3)
    assert all(type(s) is int for s in (scores.big_idea, scores.fit, scores.plan))
    assert spec.review.decision == "pending"
    assert spec.glossary["TAM"].startswith("Total addressable market.")
    # prose keeps its lines and loses only the trailing newline of the block
    assert spec.press_release.summary.startswith("Northfork Clinic Software today launched")
    assert not spec.press_release.summary.endswith("\n")
    assert "\n" in spec.press_release.summary


def test_load_spec_returns_the_spec_or_raises_spec_error_with_every_diagnostic(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(
        "prfaq: 1\ntitle: Ledger\nmeta: {author: A, date: 2026-11-22}\n"
        "press_release: {headline: H, summary: S, problem: P, solution: So,\n"
        "  customer_quotes: [{text: T, role: CFO}]}\n"
        'faq: {internal: [{q: "Why?", a: Because.}]}\n',
        encoding="utf-8",
    )
    loaded = load_spec(good)
    assert loaded.spec.press_release.customer_quotes[0].role == "CFO"
    assert loaded.path == good and loaded.display_name == str(good)

    bad = tmp_path / "bad.yaml"
    bad.write_text("prfaq: 1\ntitel: Ledger\n", encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(bad)
    assert [d.path for d in caught.value.diagnostics if d.is_error] == [
        "faq",
        "meta",
        "press_release",
        "title",
        "titel",
    ]
    assert f"{bad}:2:1: titel: unknown field `titel`; did you mean `title`?" in str(caught.value)


def test_every_error_of_a_file_is_reported_at_once_in_file_order(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        title: Ledger again
        meta: {author: "", date: 2026-02-30, stauts: draft}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: &s Ledger matches every payment as it arrives.
          how_it_works: *s
          customer_quotes: [{text: It saves me a week.}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review: {scores: {fit: 9}}
        """
    )
    assert errors(result) == [
        (
            3,
            1,
            "title",
            "duplicate key `title` (first at line 2): YAML would keep only one of them; "
            "merge the two or delete one",
        ),
        (4, 16, "meta.author", "is empty; write it: who wrote the document"),
        (4, 26, "meta.date", NOT_A_DATE),
        (4, 38, "meta.stauts", "unknown field `stauts`; did you mean `status`?"),
        (10, 17, "press_release.how_it_works", alias_message("s")),
        (11, 21, "press_release.customer_quotes[0]", NOBODY),
        (13, 24, "review.scores.fit", "must be a whole number from 1 to 5, not 9"),
    ]
    assert result.loaded is None
    assert list(result.diagnostics) == sorted(
        result.diagnostics, key=lambda d: (d.line, d.column, d.path)
    )


# --- prfaq: the format marker -----------------------------------------------------------


def test_missing_prfaq_says_it_is_not_an_idea_spec_and_nothing_else(lint):
    result = lint(
        """\
        title: Ledger
        meta: {author: Priya Raman}
        colour: blue
        """
    )
    assert errors(result) == [
        (
            1,
            1,
            "prfaq",
            "is not an idea spec: it has no `prfaq` key; add `prfaq: 1` as its first line",
        )
    ]


@pytest.mark.parametrize(
    ("line", "column", "shown"),
    [
        ("prfaq: 2", 8, "format `2` is not supported"),
        ('prfaq: "abc"', 8, "format `abc` is not supported"),
        ("prfaq: abc", 8, "format `abc` is not supported"),
        ("prfaq: 1.0", 8, "format `1.0` is not supported"),
        ("prfaq: 0", 8, "format `0` is not supported"),
        ("prfaq:", 7, "is empty"),
        ("prfaq: [1]", 8, "must be a format number, not a list or mapping"),
    ],
)
def test_unsupported_prfaq_values_are_refused_with_the_formats_this_version_reads(
    lint, line, column, shown
):
    result = lint(f"# my spec\n{line}\ntitel: Ledger\n")
    # a format we cannot read gets one error only, not the noise of format-1 rules
    assert errors(result) == [(2, column, "prfaq", f"{shown}{UNSUPPORTED}")]


# --- required fields --------------------------------------------------------------------


def test_missing_required_fields_at_top_level_point_at_the_start_of_the_file(lint):
    result = lint(
        """\
        # Ledger
        prfaq: 1
        meta: {author: Priya Raman, date: 2026-11-22}
        """
    )
    assert errors(result) == [
        (
            1,
            1,
            "faq",
            "required field `faq` is missing; add it: customer (external) and stakeholder "
            "(internal) questions",
        ),
        (
            1,
            1,
            "press_release",
            "required field `press_release` is missing; add it: the press release that "
            "announces the finished product",
        ),
        (
            1,
            1,
            "title",
            "required field `title` is missing; add it: the product or idea, as customers "
            "will know it",
        ),
    ]


def test_missing_nested_fields_point_at_the_parent_key(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta:
          team: Finance Tools
        press_release:
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes:
            - name: Maria Lopez
        faq:
          external:
            - q: How much does it cost?
        """
    )
    assert errors(result) == [
        (3, 1, "meta.author", "required field `author` is missing; add it: who wrote the document"),
        (
            3,
            1,
            "meta.date",
            "required field `date` is missing; add it: date of this draft, YYYY-MM-DD",
        ),
        (
            5,
            1,
            "press_release.headline",
            f"required field `headline` is missing; add it: {HEADLINE_HINT}",
        ),
        (
            10,
            7,
            "press_release.customer_quotes[0].text",
            "required field `text` is missing; add it: the words quoted",
        ),
        (13, 7, "faq.external[0].a", "required field `a` is missing; add it: the answer"),
    ]


@pytest.mark.parametrize(
    ("author_line", "column"),
    [
        ('author: ""', 11),
        ("author: ''", 11),
        ('author: "   "', 11),
        ('author: "\\t \\n"', 11),
        ("author:", 10),
        ("author: ~", 11),
        ("author: null", 11),
    ],
)
def test_empty_required_text_counts_as_missing(lint, author_line, column):
    result = lint(
        f"""\
        prfaq: 1
        title: Ledger
        meta:
          {author_line}
          date: 2026-11-22
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{{text: It saves me a week., name: Maria Lopez}}]
        faq: {{external: [{{q: "How much does it cost?", a: Ten dollars a month.}}]}}
        """
    )
    assert errors(result) == [
        (4, column, "meta.author", "is empty; write it: who wrote the document")
    ]


def test_empty_required_prose_and_inline_fields(lint):
    result = lint(
        """\
        prfaq: 1
        title: ""
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: |

          summary:
          problem: "  "
          solution: Ledger matches every payment as it arrives.
          customer_quotes:
            - text: ""
              name: Maria Lopez
        faq:
          external:
            - q:
              a: Ten dollars a month.
        tenets: [Customers first, ""]
        glossary:
          TAM:
        """
    )
    assert errors(result) == [
        (2, 8, "title", "is empty; write it: the product or idea, as customers will know it"),
        (5, 13, "press_release.headline", f"is empty; write it: {HEADLINE_HINT}"),
        (
            7,
            11,
            "press_release.summary",
            "is empty; write it: 2 to 4 sentences: the product and its main benefit. Assume "
            "the reader reads nothing else",
        ),
        (
            8,
            12,
            "press_release.problem",
            "is empty; write it: the customer's problem, in the customer's words; not the solution",
        ),
        (11, 13, "press_release.customer_quotes[0].text", "is empty; write it: the words quoted"),
        (15, 9, "faq.external[0].q", "is empty; write it: the question, one line"),
        (17, 27, "tenets[1]", "is empty; write it"),
        (19, 7, "glossary.TAM", "is empty; write it"),
    ]


def test_blank_optional_text_counts_as_absent(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, team: "  ", version: ""}
        press_release:
          headline: Acme launches Ledger
          subheadline:
          launch_date:
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez, role: ""}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review: {scores: {big_idea: , fit: , plan: }}
        """
    )
    assert errors(result) == []
    spec = result.loaded.spec
    assert spec.meta.team is None and spec.meta.version is None
    assert spec.press_release.subheadline is None and spec.press_release.launch_date is None
    assert spec.press_release.customer_quotes[0].role is None
    assert spec.review.scores.big_idea is None


# --- unknown and duplicate keys ---------------------------------------------------------


def test_unknown_keys_with_a_did_you_mean(lint):
    result = lint(
        """\
        prfaq: 1
        titel: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, reviewer: [Sam Lee]}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes:
            - text: It saves me a week.
              nmae: Maria Lopez
              role: Controller
        faq: {external: [{q: "How much does it cost?", answer: Ten dollars a month.}]}
        """
    )
    assert errors(result) == [
        (
            1,
            1,
            "title",
            "required field `title` is missing; add it: the product or idea, as customers "
            "will know it",
        ),
        (2, 1, "titel", "unknown field `titel`; did you mean `title`?"),
        (3, 47, "meta.reviewer", "unknown field `reviewer`; did you mean `reviewers`?"),
        (
            11,
            7,
            "press_release.customer_quotes[0].nmae",
            "unknown field `nmae`; did you mean `name`?",
        ),
        (13, 18, "faq.external[0].a", "required field `a` is missing; add it: the answer"),
        (
            13,
            48,
            "faq.external[0].answer",
            "unknown field `answer`; `faq.external[0]` takes: q, a",
        ),
    ]


def test_unknown_keys_without_a_close_match_list_what_is_allowed(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, colour: blue}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez, photo: me.png}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        budget: 1000000
        """
    )
    assert errors(result) == [
        (
            3,
            47,
            "meta.colour",
            "unknown field `colour`; `meta` takes: author, date, team, version, status, "
            "reviewers, confidentiality, tags, ask",
        ),
        (
            9,
            68,
            "press_release.customer_quotes[0].photo",
            "unknown field `photo`; `press_release.customer_quotes[0]` takes: text, name, role",
        ),
        (11, 1, "budget", f"unknown field `budget`; the top level takes: {TOP_LEVEL_FIELDS}"),
    ]


def test_duplicate_keys_are_reported_at_the_second_key_with_the_first_line(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta:
          author: Priya Raman
          date: 2026-11-22
          author: Sam Lee
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes:
            - text: It saves me a week.
              name: Maria Lopez
              name: Maria L.
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        title: Ledger 2
        glossary: {TAM: total addressable market, TAM: the market}
        """
    )

    def duplicate(key: str, first: int) -> str:
        return (
            f"duplicate key `{key}` (first at line {first}): YAML would keep only one of them; "
            "merge the two or delete one"
        )

    assert errors(result) == [
        (6, 3, "meta.author", duplicate("author", 4)),
        (15, 7, "press_release.customer_quotes[0].name", duplicate("name", 14)),
        (17, 1, "title", duplicate("title", 2)),
        (18, 43, "glossary.TAM", duplicate("TAM", 18)),
    ]


# --- YAML features refused: aliases, tags ------------------------------------------------


def test_aliases_are_refused_where_they_are_used(lint):
    result = lint(
        """\
        prfaq: 1
        title: &name Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: *name
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          leader_quote: &quote {text: We built it for controllers., name: Dana Kim}
          customer_quotes:
            - *quote
            - <<: *quote
              name: Maria Lopez
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    found = errors(result)
    assert (5, 13, "press_release.headline", alias_message("name")) in found
    assert (11, 7, "press_release.customer_quotes[0]", alias_message("quote")) in found
    assert (12, 11, "press_release.customer_quotes[1].<<", alias_message("quote")) in found
    assert result.loaded is None


def test_billion_laughs_is_refused_in_well_under_a_second(lint):
    lines = ["prfaq: 1", "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    text = "\n".join(lines) + "\n"
    start = time.perf_counter()
    result = lint(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    found = errors(result)
    # nine aliases on each of the nine alias lines: none is expanded
    aliases = [d for d in found if d[3].startswith("aliases (")]
    assert len(aliases) == 81
    assert aliases[0] == (3, 14, "lol1[0]", alias_message("lol0"))
    assert aliases[-1][:3] == (11, 70, "lol9[8]")


def test_python_object_apply_is_refused_and_never_run(lint, monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command) or 0)
    marker = tmp_path / "pwned"
    result = lint(
        f"""\
        prfaq: 1
        title: !!python/object/apply:os.system ["touch {marker}"]
        meta: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]
        launch: !!python/name:os.system
        """
    )
    assert calls == []
    assert not marker.exists()
    found = errors(result)
    assert (
        2,
        8,
        "title",
        f"the YAML tag `!!python/object/apply:os.system` {REFUSED_TAG}",
    ) in found
    assert (
        3,
        7,
        "meta",
        f"the YAML tag `!!python/object/new:subprocess.Popen` {REFUSED_TAG}",
    ) in found
    assert (4, 9, "launch", f"the YAML tag `!!python/name:os.system` {REFUSED_TAG}") in found


@pytest.mark.parametrize(
    ("value", "shown", "column"),
    [
        ("!!binary aGVsbG8=", "!!binary", 8),
        ("!custom Ledger", "!custom", 8),
        ("!<tag:example.com,2026:x> Ledger", "tag:example.com,2026:x", 8),
        ("!!set {a, b}", "!!set", 8),
        ("!!omap [a: 1]", "!!omap", 8),
        ("!!pairs [a: 1]", "!!pairs", 8),
    ],
)
def test_other_tags_are_refused(lint, value, shown, column):
    result = lint(
        f"""\
        prfaq: 1
        title: {value}
        meta: {{author: Priya Raman, date: 2026-11-22}}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{{text: It saves me a week., name: Maria Lopez}}]
        faq: {{external: [{{q: "How much does it cost?", a: Ten dollars a month.}}]}}
        """
    )
    assert errors(result) == [(2, column, "title", f"the YAML tag `{shown}` {REFUSED_TAG}")]


def test_standard_tags_are_read_as_text(lint):
    result = lint(
        """\
        prfaq: !!int 1
        title: !!str 2026
        meta: !!map {author: !!str yes, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert errors(result) == []
    assert result.loaded.spec.title == "2026"
    assert result.loaded.spec.meta.author == "yes"


def test_alias_as_a_key_is_refused(lint):
    result = lint(
        """\
        prfaq: 1
        title: &k Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        glossary:
          *k : A ledger.
        """
    )
    assert any(d[3].startswith("aliases (*k)") and d[0] == 12 for d in errors(result))


def test_tag_on_a_key_is_refused(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        glossary:
          !!python/name:os.system TAM: total addressable market
        """
    )
    assert any("!!python/name:os.system" in d[3] for d in errors(result))


# --- YAML 1.1 surprises: every scalar stays the text written ------------------------------


@pytest.mark.parametrize(
    "word",
    ["no", "No", "NO", "yes", "Yes", "on", "On", "off", "OFF", "y", "n", "Y", "N"]
    + ["true", "false", "True", "FALSE"],
)
def test_yaml_1_1_booleans_stay_text(lint, word):
    result = lint(
        f"""\
        prfaq: 1
        title: {word}
        meta: {{author: {word}, date: 2026-11-22, tags: [{word}]}}
        press_release:
          headline: Acme launches Ledger
          summary: {word}
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{{text: It saves me a week., name: Maria Lopez, role: {word}}}]
        faq: {{external: [{{q: "How much does it cost?", a: {word}}}]}}
        """
    )
    assert errors(result) == []
    spec = result.loaded.spec
    assert spec.title == word
    assert spec.meta.author == word
    assert spec.meta.tags == [word]
    assert spec.press_release.summary == word
    assert spec.press_release.customer_quotes[0].role == word
    assert spec.faq.external[0].a == word


def test_numbers_times_and_sexagesimals_stay_as_written(lint):
    result = lint(
        """\
        prfaq: 1
        title: 1e3
        meta:
          author: 0x1F
          date: 2026-11-22
          version: 0.10
          team: 010
          reviewers: [.inf, .NaN, 1_000, "07"]
          confidentiality: 190:20:30
        press_release:
          headline: 12:30
          summary: 3.14159265358979323846264338327950288
          problem: -0
          solution: +12
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert errors(result) == []
    spec = result.loaded.spec
    assert spec.title == "1e3"
    assert spec.meta.author == "0x1F"
    assert spec.meta.version == "0.10"
    assert spec.meta.team == "010"
    assert spec.meta.reviewers == [".inf", ".NaN", "1_000", "07"]
    assert spec.meta.confidentiality == "190:20:30"
    assert spec.press_release.headline == "12:30"
    assert spec.press_release.summary == "3.14159265358979323846264338327950288"
    assert (spec.press_release.problem, spec.press_release.solution) == ("-0", "+12")


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-02-30", NOT_A_DATE),
        ("2026-13-01", NOT_A_DATE),
        ("2026-00-10", NOT_A_DATE),
        ("2025-02-29", NOT_A_DATE),
        ("2026/11/22", DATE_FORMAT),
        ("22-11-2026", DATE_FORMAT),
        ("2026-11-2", DATE_FORMAT),
        ("2026-11-22T10:00:00", DATE_FORMAT),
        ("2026-11-22 10:00", DATE_FORMAT),
        ("November 22, 2026", DATE_FORMAT),
        ("[2026-11-22]", DATE_FORMAT),
        ('""', "is empty; write it: date of this draft, YYYY-MM-DD"),
    ],
)
def test_bad_dates(lint, value, message):
    result = lint(
        f"""\
        prfaq: 1
        title: Ledger
        meta:
          author: Priya Raman
          date: {value}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{{text: It saves me a week., name: Maria Lopez}}]
        faq: {{external: [{{q: "How much does it cost?", a: Ten dollars a month.}}]}}
        """
    )
    assert errors(result) == [(5, 9, "meta.date", message)]


def test_optional_dates_are_checked_too_and_leap_days_are_real(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2028-02-29}
        press_release:
          headline: Acme launches Ledger
          launch_date: 2027-02-29
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        metrics:
          - {name: Days to close, target: "1", by: next year}
        """
    )
    assert errors(result) == [
        (6, 16, "press_release.launch_date", NOT_A_DATE),
        (13, 44, "metrics[0].by", DATE_FORMAT),
    ]


def test_quoted_date_is_read_as_a_date(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: "2026-11-22"}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert result.loaded.spec.meta.date == datetime.date(2026, 11, 22)


# --- inline fields are one line -----------------------------------------------------------


def test_inline_fields_with_a_line_break_are_errors(lint):
    result = lint(
        """\
        prfaq: 1
        title: "Ledger\\nfor finance"
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: |
            Acme launches Ledger,
            the ledger that closes itself
          subheadline: |-
            Small finance teams close in a day
            instead of five
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq:
          external:
            - q: |
                How much
                does it cost?
              a: Ten dollars a month.
        appendix:
          - title: "Financial\\nmodel"
            body: Numbers.
        """
    )
    assert errors(result) == [
        (2, 8, "title", ONE_LINE),
        (5, 13, "press_release.headline", ONE_LINE),
        (8, 16, "press_release.subheadline", ONE_LINE),
        (17, 10, "faq.external[0].q", ONE_LINE),
        (22, 12, "appendix[0].title", ONE_LINE),
    ]


def test_inline_fields_folded_or_wrapped_in_the_source_are_one_line(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: >
            Acme launches Ledger,
            the ledger that closes itself
          subheadline: Small finance teams close in a day
            instead of five
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq:
          external:
            - q: |
                How much does it cost?
              a: Ten dollars a month.
        """
    )
    assert errors(result) == []
    spec = result.loaded.spec
    assert spec.press_release.headline == "Acme launches Ledger, the ledger that closes itself"
    assert spec.press_release.subheadline == "Small finance teams close in a day instead of five"
    assert spec.faq.external[0].q == "How much does it cost?"


def test_prose_fields_keep_their_line_breaks(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: |
            Ledger closes the books in a day.

            It matches every payment.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert result.loaded.spec.press_release.summary == (
        "Ledger closes the books in a day.\n\nIt matches every payment."
    )


# --- quotes, FAQ, lists -------------------------------------------------------------------


def test_a_quote_with_neither_name_nor_role_is_an_error_at_the_quote(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          leader_quote:
            text: We built it for controllers.
          customer_quotes:
            - text: It saves me a week.
            - text: It saves me a day.
              name: "  "
              role: ""
            - text: It saves me an hour.
              role: Controller
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert errors(result) == [
        (10, 5, "press_release.leader_quote", NOBODY),
        (12, 7, "press_release.customer_quotes[0]", NOBODY),
        (13, 7, "press_release.customer_quotes[1]", NOBODY),
    ]


@pytest.mark.parametrize(
    ("faq", "line", "column"),
    [
        ("faq: {}", 10, 6),
        ("faq: {external: [], internal: []}", 10, 6),
        ("faq:\n  external: []", 11, 3),
    ],
)
def test_faq_without_questions(lint, faq, line, column):
    base = textwrap.dedent(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        """
    )
    result = lint(base + faq + "\n")
    assert errors(result) == [
        (
            line,
            column,
            "faq",
            "has no questions: add at least one under `external` (customer) or `internal` "
            "(stakeholder)",
        )
    ]


def test_faq_with_no_value_is_empty(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq:
        """
    )
    assert errors(result) == [
        (
            10,
            5,
            "faq",
            "is empty; write it: customer (external) and stakeholder (internal) questions",
        )
    ]


@pytest.mark.parametrize(
    ("value", "column", "message"),
    [
        ("[]", 20, f"needs at least one entry: {QUOTES_HINT}"),
        ("", 19, f"is empty; write it: {QUOTES_HINT}"),
        (
            "Maria said it saves a week",
            20,
            "must be a list (one `- ` item per line), not the text `Maria said it saves a week`: "
            + QUOTES_HINT,
        ),
    ],
)
def test_customer_quotes_needs_a_list_of_at_least_one(lint, value, column, message):
    result = lint(
        f"""\
        prfaq: 1
        title: Ledger
        meta: {{author: Priya Raman, date: 2026-11-22}}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: {value}
        faq: {{external: [{{q: "How much does it cost?", a: Ten dollars a month.}}]}}
        """
    )
    assert errors(result) == [(9, column, "press_release.customer_quotes", message)]


# --- choices and numbers ------------------------------------------------------------------


def test_status_and_decision_are_choices_with_a_did_you_mean(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, status: reveiw}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review:
          decision: funded
        """
    )
    assert errors(result) == [
        (
            3,
            55,
            "meta.status",
            "must be one of draft, review, final, not `reveiw`; did you mean `review`?",
        ),
        (
            12,
            13,
            "review.decision",
            "must be one of pending, fund, hold, decline, not `funded`; did you mean `fund`?",
        ),
    ]


def test_a_choice_far_from_every_option_lists_them_only(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, status: Draft-ish v2}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        """
    )
    assert errors(result) == [
        (3, 55, "meta.status", "must be one of draft, review, final, not `Draft-ish v2`")
    ]


def test_blank_status_is_not_reported_as_python_none(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta:
          author: Priya Raman
          date: 2026-11-22
          status:
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review:
          decision:
        """
    )
    assert not any("None" in d[3] for d in errors(result)), errors(result)


def test_scores_are_whole_numbers_from_one_to_five(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review:
          scores:
            big_idea: 6
            fit: 0
            plan: three
        metrics:
          - {name: Days to close, target: 1}
        """
    )
    assert errors(result) == [
        (13, 15, "review.scores.big_idea", "must be a whole number from 1 to 5, not 6"),
        (14, 10, "review.scores.fit", "must be a whole number from 1 to 5, not 0"),
        (15, 11, "review.scores.plan", "must be a whole number, not `three`"),
    ]


def test_scores_reject_fractions_and_negatives_and_accept_the_bounds(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review: {scores: {big_idea: 2.5, fit: -1, plan: 5}}
        """
    )
    assert errors(result) == [
        (11, 29, "review.scores.big_idea", "must be a whole number, not `2.5`"),
        (11, 39, "review.scores.fit", "must be a whole number from 1 to 5, not -1"),
    ]


def test_quoted_empty_score_is_treated_like_no_value(lint):
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22}
        press_release:
          headline: Acme launches Ledger
          summary: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
        faq: {external: [{q: "How much does it cost?", a: Ten dollars a month.}]}
        review: {scores: {plan: ""}}
        """
    )
    assert not any("``" in d[3] for d in errors(result)), errors(result)


# --- wrong shapes -------------------------------------------------------------------------


def test_wrong_shapes(lint):
    result = lint(
        """\
        prfaq: 1
        title: [Ledger, Books]
        meta: Priya Raman
        press_release:
          headline: Acme launches Ledger
          summary:
            first: Ledger closes the books in a day.
          problem: Closing the books takes five days.
          solution: Ledger matches every payment as it arrives.
          customer_quotes:
            - Maria Lopez said it saves a week
        faq:
          external:
            q: How much does it cost?
            a: Ten dollars a month.
        tenets: Customers first
        glossary: [TAM]
        """
    )
    assert errors(result) == [
        (
            2,
            8,
            "title",
            "must be text, not a list: the product or idea, as customers will know it",
        ),
        (
            3,
            7,
            "meta",
            "must be a mapping of fields (`key: value` lines indented under it), not the text "
            "`Priya Raman`: author and date of this draft (required), team, status",
        ),
        (
            7,
            5,
            "press_release.summary",
            "must be text, not a mapping: 2 to 4 sentences: the product and its main benefit. "
            "Assume the reader reads nothing else",
        ),
        (
            11,
            7,
            "press_release.customer_quotes[0]",
            "must be a mapping of fields (`key: value` lines indented under it), not the text "
            "`Maria Lopez said it saves a week`",
        ),
        (
            14,
            5,
            "faq.external",
            "must be a list (one `- ` item per line), not a mapping: customer questions: price, "
            "how it works, help",
        ),
        (
            16,
            9,
            "tenets",
            "must be a list (one `- ` item per line), not the text `Customers first`: "
            "principles, Markdown each",
        ),
        (
            17,
            11,
            "glossary",
            "must be a mapping (`key: value` lines indented under it), not a list: term -> "
            "definition",
        ),
    ]


def test_a_key_that_is_a_list_is_an_error(lint):
    result = lint(
        """\
        prfaq: 1
        ? [title]
        : Ledger
        """
    )
    assert (2, 3, "", "a key must be a plain name, not a list or mapping") in errors(result)


# --- files that are not specs at all -------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"\n\n", b"   \n \n  ", b"# just a comment\n   # and another\n", b"\xef\xbb\xbf"],
    ids=["empty", "blank-lines", "white-space", "comments", "utf8-bom-only"],
)
def test_empty_file(lint_bytes, data):
    result = lint_bytes(data)
    assert errors(result) == [(1, 1, "", EMPTY_FILE)]
    assert result.diagnostics[0].format().endswith("spec.yaml:1:1: " + EMPTY_FILE)


def test_document_marker_only_is_empty(lint):
    result = lint("---\n")
    assert [d[3] for d in errors(result)] == [EMPTY_FILE]


def test_not_utf8_names_the_bad_byte_and_where_it_is(lint_bytes):
    data = "prfaq: 1\ntitle: Café Ledger\nmeta:\n  author: Zoë Müller ".encode() + b"\xe9t\xe9\n"
    result = lint_bytes(data)
    # line 4, after "  author: Zoë Müller " (21 characters, some of them two bytes)
    assert errors(result) == [
        (
            4,
            22,
            "",
            "is not valid UTF-8: byte 0xE9 at line 4, column 22 cannot be decoded; save the "
            "file as UTF-8",
        )
    ]


def test_not_utf8_on_the_first_character_and_crlf_lines(lint_bytes):
    assert errors(lint_bytes(b"\x80prfaq: 1\n")) == [
        (
            1,
            1,
            "",
            "is not valid UTF-8: byte 0x80 at line 1, column 1 cannot be decoded; save the file "
            "as UTF-8",
        )
    ]
    assert errors(lint_bytes(b"prfaq: 1\r\ntitle: L\xc3")) == [
        (
            2,
            9,
            "",
            "is not valid UTF-8: byte 0xC3 at line 2, column 9 cannot be decoded; save the file "
            "as UTF-8",
        )
    ]


def test_not_utf8_position_with_cr_line_ends(lint_bytes):
    assert errors(lint_bytes(b"prfaq: 1\rtitle: \xff\r"))[0][:2] == (2, 8)


def test_control_character_position_with_cr_line_ends(lint):
    assert errors(lint("prfaq: 1\rtitle: a\x07\r"))[0][:2] == (2, 9)


@pytest.mark.parametrize(
    "data",
    [
        "prfaq: 1\ntitle: Ledger\n".encode("utf-16"),
        "prfaq: 1\ntitle: Ledger\n".encode("utf-16-le").join([b"\xff\xfe", b""]),
        b"\xfe\xff" + "prfaq: 1\ntitle: Ledger\n".encode("utf-16-be"),
    ],
    ids=["utf-16", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_utf16_is_named(lint_bytes, data):
    assert errors(lint_bytes(data)) == [(1, 1, "", "is UTF-16, not UTF-8: save the file as UTF-8")]


def test_utf8_bom_is_accepted_and_columns_do_not_count_it(lint_bytes):
    result = lint_bytes(b"\xef\xbb\xbfprfaq: 7\n")
    assert errors(result) == [(1, 8, "prfaq", f"format `7` is not supported{UNSUPPORTED}")]


@pytest.mark.parametrize(
    ("text", "line", "column", "kind"),
    [
        ("- prfaq: 1\n- title: Ledger\n", 1, 1, "a list"),
        ("[prfaq, 1]\n", 1, 1, "a list"),
        ("Ledger\n", 1, 1, "a single value"),
        ("# a comment\n\n  prfaq 1\n", 3, 3, "a single value"),
        ('"prfaq: 1"\n', 1, 1, "a single value"),
        ("|\n  prfaq: 1\n", 1, 1, "a single value"),
    ],
)
def test_top_level_must_be_a_mapping(lint, text, line, column, kind):
    assert errors(lint(text)) == [(line, column, "", f"the top level is {kind}, {NOT_A_MAPPING}")]


def test_nonexistent_file(tmp_path):
    path = tmp_path / "missing.yaml"
    result = check_spec(path)
    assert result.loaded is None
    assert result.diagnostics == (Diagnostic(str(path), 1, 1, "", "no such file: check the path"),)
    assert result.diagnostics[0].format() == f"{path}:1:1: no such file: check the path"


def test_folder_instead_of_a_file(tmp_path):
    result = check_spec(tmp_path)
    assert result.diagnostics == (
        Diagnostic(
            str(tmp_path), 1, 1, "", "is a folder, not a spec file: name a .yaml file inside it"
        ),
    )


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.yaml"
    path.write_text("prfaq: 1\n", encoding="utf-8")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = check_spec(path)
    assert [(d.line, d.column, d.path, d.message) for d in result.diagnostics] == [
        (1, 1, "", "cannot be read (Permission denied): check its permissions")
    ]


def test_display_name_replaces_the_path_in_diagnostics(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("titel: Ledger\n", encoding="utf-8")
    result = check_spec(path, display_name="specs/x.yaml")
    assert result.file == "specs/x.yaml"
    assert [d.file for d in result.diagnostics] == ["specs/x.yaml"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("prfaq: 1\n---\ntitle: Ledger\n", 2),
        ("---\nprfaq: 1\n---\ntitle: Ledger\n", 3),
        ("prfaq: 1\n...\n---\nprfaq: 1\n", 3),
    ],
)
def test_more_than_one_document(lint, text, line):
    assert errors(lint(text)) == [
        (
            line,
            1,
            "",
            "holds more than one YAML document (a second `---`): an idea spec is one document; "
            "split it into two files",
        )
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            "prfaq: 1\ntitle: Ledger: the books\n",
            2,
            14,
            "is not valid YAML: mapping values are not allowed here; a text containing ': ' "
            "must be quoted or written as a `|` block",
        ),
        (
            "prfaq: 1\ntitle: [Ledger\nmeta: x\n",
            3,
            5,
            "is not valid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)",
        ),
        (
            'prfaq: 1\ntitle: "Ledger\n',
            2,
            8,
            UNCLOSED_QUOTE,
        ),
        (
            "prfaq: 1\nmeta:\n  author: Priya\n date: 2026-11-22\n",
            4,
            2,
            "`date:` at column 2 lines up with no key above it: indent it to column 3 to "
            "line up with `author:` (line 3), or to column 1 to line up with `meta:` (line 2)",
        ),
    ],
    ids=["colon-in-text", "unclosed-flow", "unclosed-quote", "bad-indent"],
)
def test_yaml_syntax_errors_say_where(lint, text, line, column, message):
    assert errors(lint(text)) == [(line, column, "", message)]


def test_tab_indentation(lint):
    assert errors(lint("prfaq: 1\nmeta:\n\tauthor: Priya Raman\n")) == [
        (
            3,
            1,
            "",
            "`author:` is indented with a tab, which YAML does not allow: indent it with "
            "spaces (set your editor to insert spaces for Tab)",
        )
    ]


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("prfaq: 1\ntitle: Led\x07ger\n", 2, 11, "0007"),
        ("prfaq: 1\ntitle: Ledger\n\n  \x00\n", 4, 3, "0000"),
        ("\x1bprfaq: 1\n", 1, 1, "001B"),
        ("prfaq: 1\ntitle: Ledger\ufffe\n", 2, 14, "FFFE"),
    ],
)
def test_control_characters(lint, text, line, column, code):
    assert errors(lint(text)) == [
        (
            line,
            column,
            "",
            f"contains the control character U+{code}, which YAML does not allow: delete it",
        )
    ]


@pytest.mark.parametrize(
    ("opener", "column"), [("[", 48), ("{a: ", 168)], ids=["lists", "mappings"]
)
def test_absurd_nesting_is_a_diagnostic_at_its_own_line(lint, opener, column):
    """Reported where nesting first passes the limit (the 41st opener after ``title: ``),
    as any deeper nesting is; so deep that it is the file's only diagnostic."""
    closer = "]" if opener == "[" else "}"
    text = "prfaq: 1\ntitle: " + opener * 10_000 + "x" + closer * 10_000 + "\n"
    result = lint(text)
    path = "title" + ("[0]" * 40 if opener == "[" else ".a" * 40)
    assert errors(result) == [(2, column, path, "is nested deeper than 40 levels")]


def test_an_unclosed_quote_before_more_fields_is_reported_where_it_opens(lint):
    text = "prfaq: 1\ntitle: Ledger\nmeta:\n  author: 'Priya\n  date: 2026-11-22\nfaq: {}\n"
    assert errors(lint(text)) == [(4, 11, "", UNCLOSED_QUOTE)]


def test_a_bad_escape_inside_a_quote_stays_at_the_escape(lint):
    text = 'prfaq: 1\ntitle: "Led\\qger"\n'
    [(line, column, path, message)] = errors(lint(text))
    assert (line, column, path) == (2, 13, "")  # the character after the backslash
    assert message.startswith("is not valid YAML: found unknown escape character 'q'")


def test_nesting_beyond_the_limit_is_reported_at_the_deepest_allowed_level(lint):
    text = "prfaq: 1\nglossary: {TAM: " + "[" * 50 + "x" + "]" * 50 + "}\n"
    found = errors(lint(text))
    deep = [d for d in found if d[3] == "is nested deeper than 40 levels"]
    assert deep == [(2, 56, "glossary.TAM" + "[0]" * 39, "is nested deeper than 40 levels")]


def test_a_file_over_the_size_limit_is_refused_unread(lint_bytes):
    limit = yaml_reader.MAX_FILE_BYTES
    assert limit == 5 * 1024 * 1024
    head = b"prfaq: 1\n# "
    result = lint_bytes(head + b"x" * (limit + 1024 - len(head) - 1) + b"\n")
    assert errors(result) == [
        (
            1,
            1,
            "",
            "is larger than 5 MiB, the most an idea spec may be: move large data out of the spec",
        )
    ]
    # exactly at the limit is still read
    result = lint_bytes(head + b"x" * (limit - len(head) - 1) + b"\n")
    assert all("MiB" not in d[3] for d in errors(result))
    assert "title" in {d[2] for d in errors(result)}


def test_a_file_over_the_size_limit_is_refused_without_reading_it_whole(tmp_path):
    import tracemalloc

    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    tracemalloc.start()
    try:
        result = check_spec(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "the most an idea spec may be" in result.diagnostics[0].message
    assert peak < 16 * 1024 * 1024, f"peak {peak // 2**20} MiB"


def test_check_spec_text_reads_text_already_in_memory():
    result = check_spec_text("prfaq: 1\ntitel: Ledger\n", "inline.yaml")
    assert result.file == "inline.yaml"
    assert (2, 1, "titel", "unknown field `titel`; did you mean `title`?") in errors(result)
    assert {d.file for d in result.diagnostics} == {"inline.yaml"}
