"""Review rounds: one entry per run date, and the change since the newest earlier one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from prfaqgen.portfolio.history import with_history
from tests.portfolio.test_ranking import row

DAY_ONE, DAY_TWO = date(2026, 11, 18), date(2026, 11, 25)


def test_the_first_run_shows_no_change_and_a_rerun_the_same_day_keeps_it() -> None:
    history: dict[str, list[dict[str, object]]] = {}
    first = with_history([row("Alpha", (3, 3, 3))], history, DAY_ONE)
    again = with_history([row("Alpha", (4, 3, 3))], history, DAY_ONE)
    assert first[0].change == again[0].change == ""
    assert [e["big_idea"] for e in history["alpha.yaml"]] == [4]  # the day's entry replaced


def test_the_next_round_names_each_change() -> None:
    history: dict[str, list[dict[str, object]]] = {}
    with_history([row("Alpha", (3, 3, 3)), row("Bravo", (4, 4, 4))], history, DAY_ONE)
    rows = [
        row("Alpha", (3, 2, 3)),
        replace(row("Bravo", (4, 4, 4)), decision="hold"),
        row("Charlie", (5, 5, 5)),
    ]
    changes = [r.change for r in with_history(rows, history, DAY_TWO)]
    assert changes == [
        "score down: fit 3 → 2 (since 2026-11-18)",
        "decision pending → hold (since 2026-11-18)",
        "new idea",
    ]
    unchanged = with_history([row("Charlie", (5, 5, 5))], history, date(2026, 12, 2))
    assert unchanged[0].change == "no change since 2026-11-25"
    assert [e["date"] for e in unchanged[0].history] == ["2026-11-25", "2026-12-02"]
