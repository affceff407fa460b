"""YAML mistakes said in words, at the line to fix (issue 16.4).

Each spec is written by hand with one common mistake; ``prfaqgen validate``
must name the file, line and column where the indentation goes wrong and say
what to do, with exit 1 and no traceback.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from prfaqgen.cli import main

HEAD = "prfaq: 1\ntitle: Ledger\nmeta:\n  author: Priya Raman\n  date: 2026-11-22\n"
PRESS = textwrap.dedent(
    """\
    press_release:
      headline: Acme launches Ledger
      summary: Ledger closes the books in a day.
      problem: Closing the books takes five days.
      solution: Ledger matches every payment as it arrives.
      customer_quotes: [{text: It saves me a week., name: Maria Lopez}]
    """
)
FAQ = "faq:\n  external:\n    - q: How much does it cost?\n      a: Ten dollars a month.\n"


def spec(*parts: str) -> str:
    return "".join(parts)


CASES = {
    "key-less-than-its-siblings": (
        spec("prfaq: 1\ntitle: Ledger\nmeta:\n  author: Priya Raman\n date: 2026-11-22\n"),
        "5:2: `date:` at column 2 lines up with no key above it: indent it to column 3 to "
        "line up with `author:` (line 4), or to column 1 to line up with `meta:` (line 3)",
    ),
    "key-more-than-its-siblings": (
        spec("prfaq: 1\ntitle: Ledger\nmeta:\n  author: Priya Raman\n    date: 2026-11-22\n"),
        "5:5: `date:` at column 5 is indented more than `author:` at column 3 (line 4): "
        "indent it to column 3",
    ),
    "top-level-key-indented": (
        spec("prfaq: 1\n title: Ledger\n"),
        "2:2: `title:` at column 2 is indented more than `prfaq:` at column 1 (line 1): "
        "indent it to column 1",
    ),
    "answer-less-than-its-question": (
        spec(
            HEAD,
            PRESS,
            FAQ,
            "    - q: Who is it for?\n      a: |\n        Controllers.\n",
            "    a: Small teams.\n",
        ),
        "19:5: `a:` at column 5 lines up with no key above it: indent it to column 7 to "
        "line up with `a:` (line 17), or to column 3 to line up with `external:` (line 13)",
    ),
    "answer-one-column-short": (
        spec(
            HEAD,
            PRESS,
            "faq:\n  external:\n    - q: How much does it cost?\n",
            "     a: Ten dollars a month.\n",
        ),
        "15:6: `a:` at column 6 is indented less than `q:` at column 7 (line 14): "
        "indent it to column 7",
    ),
    "answer-one-column-deep": (
        spec(
            HEAD,
            PRESS,
            "faq:\n  external:\n    - q: How much does it cost?\n",
            "       a: Ten dollars a month.\n",
        ),
        "15:8: `a:` at column 8 is indented more than `q:` at column 7 (line 14): "
        "indent it to column 7",
    ),
    "list-item-less-than-the-list": (
        spec(HEAD, PRESS, FAQ, "   - q: Who is it for?\n     a: Controllers.\n"),
        "16:4: the list item `- q: Who is it for?` at column 4 is indented less than the "
        "list item at column 5 (line 14): indent it to column 5",
    ),
    "list-item-more-than-the-list": (
        spec(HEAD, PRESS, FAQ, "     - q: Who is it for?\n       a: Controllers.\n"),
        "16:6: the list item `- q: Who is it for?` at column 6 is indented more than the "
        "list item at column 5 (line 14): indent it to column 5",
    ),
    "list-at-its-key-column": (
        spec(
            HEAD,
            PRESS,
            "faq:\n  external:\n  - q: How much?\n    a: Ten dollars.\n",
            "   - q: Who is it for?\n",
        ),
        "16:4: the list item `- q: Who is it for?` at column 4 is indented more than the "
        "list item at column 3 (line 14): indent it to column 3",
    ),
    "key-after-a-block-of-text": (
        spec(
            HEAD,
            "press_release:\n  headline: Acme launches Ledger\n  summary: |\n",
            "    Ledger closes the books.\n   problem: Closing takes five days.\n",
        ),
        "10:4: `problem:` at column 4 is indented more than `summary:` at column 3 (line 8): "
        "indent it to column 3",
    ),
    "text-line-less-than-its-text": (
        spec(
            HEAD,
            "press_release:\n  headline: Acme launches Ledger\n  summary: |\n",
            "    Ledger closes the books.\n\n   It matches every payment.\n",
        ),
        "11:4: this line at column 4 is indented less than the text it belongs to, which "
        "starts at column 5 (line 9): indent it to column 5",
    ),
    "value-under-its-key-at-the-keys-column": (
        spec("prfaq: 1\ntitle: Ledger\nmeta:\n  author:\n  Priya Raman\n  date: 2026-11-22\n"),
        "5:3: `Priya Raman` at column 3 is not a `key: value` line: if it is the value of "
        "`author:` (line 4), write it on that line after `author: ` or indent it to column 5",
    ),
    "key-without-colon": (
        spec("prfaq: 1\ntitle Ledger\nmeta: x\n"),
        "2:1: `title Ledger` has no `:` after its key: write `key: value` (a colon, then a space)",
    ),
    "tab": (
        spec("prfaq: 1\ntitle: Ledger\nmeta:\n\tauthor: Priya Raman\n"),
        "4:1: `author:` is indented with a tab, which YAML does not allow: indent it with "
        "spaces (set your editor to insert spaces for Tab)",
    ),
    "unclosed-quote-at-the-end": (
        spec(HEAD, 'press_release:\n  headline: "Acme launches Ledger\n'),
        "7:13: is not valid YAML: the quoted text that starts here is never closed; add the "
        "closing quote (a quote inside the text is written twice in '...', or as \\\" in "
        '"...")',
    ),
    "unclosed-quote-closed-lines-later": (
        spec('prfaq: 1\ntitle: "Ledger\nmeta:\n  author: "Priya Raman"\n'),
        "2:8: the quoted text that starts here is not closed on its line, so it runs on to "
        "line 4 and takes the lines between as text: add the closing quote where the text "
        "ends",
    ),
    "text-after-the-closing-quote": (
        spec("prfaq: 1\ntitle: 'Ledger's books'\n"),
        "2:16: text follows the closing quote (`s books'`): a value in quotes ends at its "
        "closing quote; put the whole value in quotes and write a quote inside it twice, "
        "as in 'It''s'",
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_a_yaml_mistake_is_said_in_words_at_its_line(
    runner: CliRunner,
    in_tmp: Path,
    write: Callable[[str, str], Path],
    text: str,
    expected: str,
) -> None:
    write("idea.yaml", text)
    result = runner.invoke(main, ["validate", "idea.yaml"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.splitlines()[0] == f"idea.yaml:{expected}"


def test_a_colon_inside_a_value_keeps_its_own_hint(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    """Not every "mapping values are not allowed" is an indentation mistake."""
    write("idea.yaml", "prfaq: 1\ntitle: Ledger: the books\n")
    result = runner.invoke(main, ["validate", "idea.yaml"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "idea.yaml:2:14: is not valid YAML: mapping values are not allowed here; a text "
        "containing ': ' must be quoted or written as a `|` block"
    )


def test_an_indentation_mistake_in_a_real_process_is_no_traceback(
    prfaqgen_process: Callable[..., object], write: Callable[[str, str], Path]
) -> None:
    write("idea.yaml", spec(HEAD, PRESS, FAQ, "    a: Small teams.\n"))
    done = prfaqgen_process("validate", "idea.yaml")
    assert done.returncode == 1  # type: ignore[attr-defined]
    assert "Traceback" not in done.stderr + done.stdout  # type: ignore[attr-defined]
    assert (done.stdout + done.stderr).startswith(  # type: ignore[attr-defined]
        "idea.yaml:16:5: `a:` at column 5 lines up with no key above it: indent it to column "
        "7 to line up with `a:` (line 15), or to column 3 to line up with `external:` (line 13)"
    )


def test_fields_written_at_their_mappings_column_are_told_to_indent(
    runner: CliRunner, in_tmp: Path, write: Callable[[str, str], Path]
) -> None:
    """Valid YAML, wrong shape: `author:` at `meta:`'s column is a top-level key."""
    write("idea.yaml", "prfaq: 1\ntitle: Ledger\nmeta:\nauthor: Priya Raman\ndate: 2026-11-22\n")
    result = runner.invoke(main, ["validate", "idea.yaml"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for line, key in ((4, "author"), (5, "date")):
        assert (
            f"idea.yaml:{line}:1: {key}: unknown field `{key}` here; it is a field of `meta` "
            "(line 3): indent it under `meta:`, to column 3"
        ) in lines
