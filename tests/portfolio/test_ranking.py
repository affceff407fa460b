"""The ranking rule, as the comparison prints it, on rows with known scores."""

from __future__ import annotations

from prfaqgen.portfolio.ranking import GROUPS, RANKING_RULE, IdeaRow, grouped, rank
from prfaqgen.portfolio.rows import CONTINUED, clip, failed_row


def row(
    title: str,
    scores: tuple[int | None, int | None, int | None] = (None, None, None),
    writing: int | None = None,
    decision: str = "pending",
) -> IdeaRow:
    return IdeaRow(
        spec=f"{title.lower()}.yaml",
        title=title,
        owner="o",
        team="t",
        date="2026-11-01",
        status="review",
        decision=decision,
        tags=(),
        big_idea=scores[0],
        fit=scores[1],
        plan=scores[2],
        writing_score=writing,
        press_release_pages=None,
        faq_pages=None,
        pdf=None,
        docx=None,
    )


def titles(rows: list[IdeaRow]) -> list[str]:
    return [r.title for r in rank(rows)]


def test_reviewed_ideas_rank_by_sum_then_lowest_then_writing_then_title() -> None:
    rows = [
        row("Zeta", (3, 3, 3)),  # 9
        row("Delta", (5, 5, 2)),  # 12, lowest 2
        row("Beta", (4, 4, 4), writing=70),  # 12, lowest 4
        row("Alpha", (4, 4, 4), writing=90),  # 12, lowest 4, better writing
        row("Cobalt", (4, 4, 4), writing=70),  # tie with Beta: title decides
        row("Omega", (5, 5, 5)),  # 15
    ]
    # Delta sums more than Zeta but fails a test: it never ranks above an idea that passes.
    assert titles(rows) == ["Omega", "Alpha", "Beta", "Cobalt", "Zeta", "Delta"]


def test_unscored_and_partly_scored_ideas_follow_by_writing_score() -> None:
    rows = [
        row("Unscored low", writing=40),
        row("Partly", (5, 5, None), writing=80),
        row("Scored", (1, 1, 1)),
        row("Unscored none"),
    ]
    ranked = rank(rows)
    assert [r.title for r in ranked] == ["Scored", "Partly", "Unscored low", "Unscored none"]
    assert [r.reviewed for r in ranked] == [True, False, False, False]
    assert ranked[1].total is None


def test_a_score_of_one_or_two_on_any_test_fails_it() -> None:
    assert row("A", (5, 5, 2)).fails_a_test
    assert row("B", (1, None, None)).fails_a_test
    assert not row("C", (3, 3, 3)).fails_a_test
    assert not row("D").fails_a_test


def test_the_rule_printed_names_every_tie_break() -> None:
    for words in ("sum of the three", "lowest score", "writing score", "title", "Not yet reviewed"):
        assert words in RANKING_RULE
    assert "fails a test" in RANKING_RULE and "all three scores filled in" in RANKING_RULE
    assert "never ranks above one that passes" in RANKING_RULE


def test_rows_survive_the_manifest_round_trip() -> None:
    original = row("Alpha", (4, 4, 4), writing=88)
    assert IdeaRow.from_dict(original.as_dict()) == original


def test_a_mixed_folder_ranks_in_the_documented_groups() -> None:
    rows = [
        row("Declined", (5, 5, 5), decision="decline"),
        row("Funded", (3, 3, 3), decision="fund"),
        row("Held", (5, 5, 5), decision="hold"),
        row("Unscored", writing=99),
        row("Partly failing", (1, None, None)),
        row("Failing", (5, 5, 2)),
        row("Passing low", (3, 3, 3)),
        row("Passing high", (4, 4, 4)),
        failed_row("broken.yaml", [], "template error"),
    ]
    ranked = rank(rows)
    assert [r.title for r in ranked] == [
        "Passing high",
        "Passing low",
        "Failing",
        "Partly failing",
        "Unscored",
        "Funded",
        "Held",
        "Declined",
        "broken.yaml",
    ]
    assert [r.group for r in ranked] == [
        "pass",
        "pass",
        "fail",
        "fail",
        "unreviewed",
        "decided",
        "decided",
        "decided",
        "error",
    ]
    assert [label for _key, label, _members in grouped(ranked)] == [label for _k, label in GROUPS]
    assert ranked[-1].error == "broken.yaml: template error"


def test_an_idea_page_keeps_whole_lines_within_the_word_limit() -> None:
    text = "\n".join(f"- point {i} has five words" for i in range(40))
    clipped = clip(text, 22)
    assert clipped.splitlines()[:3] == text.splitlines()[:3]  # 6 words a line, "-" too
    assert "point 3" not in clipped and clipped.endswith(CONTINUED)
    assert clip("Short text.", 22) == "Short text."
    long_line = "One two three. " * 20
    assert clip(long_line, 10).startswith("One two three. One two three. One two three.")
