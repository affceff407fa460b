"""A spec made only of what ``prfaqgen new`` writes is valid, but not finished.

Every field that still holds the scaffold's ``TODO:`` text gets a warning at the
text itself, quoting it (it says what to write there), so ``validate --strict``
fails until the author has replaced them all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from prfaqgen.cli import main
from prfaqgen.spec import check_spec
from prfaqgen.spec.scaffold import scaffold_text

# (line, column, path) of every placeholder in the scaffold for an author who gave
# --title and --author: the column is where the value (or the `|` block's text) starts.
SCAFFOLD_TODOS = [
    (29, 9, "meta.team"),
    (35, 15, "meta.reviewers[0]"),
    (39, 10, "meta.tags[0]"),
    (43, 13, "meta.ask.people"),
    (45, 12, "meta.ask.money"),
    (47, 11, "meta.ask.time"),
    (55, 13, "press_release.headline"),
    (58, 16, "press_release.subheadline"),
    (60, 13, "press_release.location"),
    (62, 11, "press_release.outlet"),
    (70, 5, "press_release.summary"),
    (76, 5, "press_release.problem"),
    (80, 5, "press_release.solution"),
    (86, 7, "press_release.leader_quote.text"),
    (88, 11, "press_release.leader_quote.name"),
    (90, 11, "press_release.leader_quote.role"),
    (94, 5, "press_release.how_it_works"),
    (99, 9, "press_release.customer_quotes[0].text"),
    (100, 13, "press_release.customer_quotes[0].name"),
    (101, 13, "press_release.customer_quotes[0].role"),
    (104, 5, "press_release.call_to_action"),
    (107, 5, "press_release.about"),
    (118, 9, "faq.external[0].a"),
    (127, 9, "faq.internal[0].a"),
    (133, 8, "customer.who"),
    (135, 12, "customer.problem"),
    (137, 12, "customer.benefit"),
    (139, 13, "customer.evidence"),
    (141, 15, "customer.experience"),
    (145, 5, "tenets[0]"),
    (153, 11, "metrics[0].name"),
    (154, 15, "metrics[0].baseline"),
    (155, 13, "metrics[0].target"),
    (165, 12, "appendix[0].title"),
    (167, 7, "appendix[0].body"),
    (188, 5, "review.notes"),
]
ASKS = "replace it with what it asks for"


def write_scaffold(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.yaml"
    text = scaffold_text("Ledger", "Priya Raman", date(2026, 11, 22))
    path.write_text(text, encoding="utf-8")
    return path


def test_every_unfilled_field_warns_at_its_text(tmp_path: Path) -> None:
    path = write_scaffold(tmp_path)
    result = check_spec(path)
    assert result.loaded is not None, "the scaffold stays valid"
    assert [(d.file, d.line, d.column, d.path) for d in result.diagnostics] == [
        (str(path), line, column, field) for line, column, field in SCAFFOLD_TODOS
    ]
    assert all(d.severity == "warning" for d in result.diagnostics)
    by_path = {d.path: d.message for d in result.diagnostics}
    assert by_path["press_release.problem"] == (
        'still holds the scaffold text "TODO: Describe the problem as the customer lives it '
        f'today, with numbers.": {ASKS}'
    )
    assert by_path["meta.team"] == f'still holds the scaffold text "TODO: your team": {ASKS}'
    assert by_path["meta.tags[0]"] == (
        'still holds the scaffold text "todo": replace it with your own tags'
    )
    # a multi-paragraph placeholder is quoted up to its first blank line
    assert by_path["appendix[0].body"] == (
        f'still holds the scaffold text "TODO: Supporting figures. A Markdown table works:": {ASKS}'
    )
    assert result.loaded.warnings == result.diagnostics


def test_validate_passes_but_strict_fails_until_the_todos_are_replaced(tmp_path: Path) -> None:
    path = write_scaffold(tmp_path)
    runner = CliRunner()
    plain = runner.invoke(main, ["validate", str(path)])
    assert plain.exit_code == 0
    assert plain.stdout.splitlines()[0] == (
        f'{path}:29:9: meta.team: warning: still holds the scaffold text "TODO: your team": {ASKS}'
    )
    assert len(plain.stdout.splitlines()) == len(SCAFFOLD_TODOS)
    assert runner.invoke(main, ["validate", "--strict", str(path)]).exit_code == 1


def test_a_replaced_field_no_longer_warns(tmp_path: Path) -> None:
    path = write_scaffold(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"TODO: your team"', "Finance Tools"), encoding="utf-8")
    paths = [d.path for d in check_spec(path).diagnostics]
    assert "meta.team" not in paths
    assert len(paths) == len(SCAFFOLD_TODOS) - 1


def test_todo_inside_the_authors_own_text_is_not_scaffold_text(lint) -> None:
    result = lint(
        """\
        prfaq: 1
        title: Ledger
        meta: {author: Priya Raman, date: 2026-11-22, tags: [todo-app]}
        press_release:
          headline: Ledger closes the books in one day
          summary: "Our TODO: list app for accountants, now with books."
          problem: Month-end close takes 5 days.
          solution: Ledger reconciles as you go.
          customer_quotes: [{text: "I go home on time.", name: Ana}]
        faq: {external: [{q: "Price?", a: "TODO: lists are free."}]}
        """
    )
    assert result.loaded is not None
    assert [d for d in result.diagnostics if "scaffold" in d.message] == [
        d for d in result.diagnostics if d.path == "faq.external[0].a"
    ]
    assert [(d.line, d.column) for d in result.diagnostics if "scaffold" in d.message] == [(10, 35)]
