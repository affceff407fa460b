"""Between review rounds: each idea's scores and decision per run date, and what changed.

A round is a day: the run date is SOURCE_DATE_EPOCH's day when set (reproducible
builds), else today's UTC date. Runs on the same day replace that day's entry,
so a rerun gives the same comparison; the change shown is against the newest
entry of an earlier day.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Any

from prfaqgen.portfolio.ranking import IdeaRow

TESTS = (("big_idea", "big idea"), ("fit", "fit"), ("plan", "plan"))


def run_date() -> date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(timezone.utc).date()


def state(row: IdeaRow, day: date) -> dict[str, Any]:
    """What the history keeps of one idea on one run date."""
    return {
        "date": day.isoformat(),
        "big_idea": row.big_idea,
        "fit": row.fit,
        "plan": row.plan,
        "decision": row.decision,
    }


def with_history(
    rows: Sequence[IdeaRow], history: dict[str, list[dict[str, Any]]], day: date
) -> list[IdeaRow]:
    """``rows`` with ``change`` and ``history`` filled in; ``history`` is updated in place.

    A spec that could not be rendered keeps its history untouched. An idea
    not seen on an earlier day is "new" when there was an earlier run at all.
    """
    today = day.isoformat()
    earlier_run = any(e["date"] < today for entries in history.values() for e in entries)
    out = []
    for row in rows:
        entries = [e for e in history.get(row.spec, []) if isinstance(e, dict) and "date" in e]
        if row.error:
            out.append(replace(row, history=tuple(entries)))
            continue
        before = [e for e in entries if e["date"] < today]
        first_seen = "new idea" if earlier_run else ""
        change = describe_change(before[-1], row) if before else first_seen
        entries = [*before, state(row, day), *(e for e in entries if e["date"] > today)]
        history[row.spec] = entries
        out.append(replace(row, change=change, history=tuple(entries)))
    return out


def describe_change(previous: dict[str, Any], row: IdeaRow) -> str:
    """E.g. "score up: fit 3 → 5; decision pending → fund", or "no change since DATE"."""
    parts = []
    moves = []
    up = down = 0
    for key, label in TESTS:
        was, now = previous.get(key), getattr(row, key)
        if was != now:
            moves.append(f"{label} {_score(was)} → {_score(now)}")
            if was is not None and now is not None:
                up += now > was
                down += now < was
            elif now is not None:
                up += 1
    if moves:
        direction = "up" if up and not down else "down" if down and not up else "changed"
        parts.append(f"score {direction}: {', '.join(moves)}")
    if previous.get("decision") != row.decision:
        parts.append(f"decision {previous.get('decision')} → {row.decision}")
    since = f"since {previous['date']}"
    return f"{'; '.join(parts)} ({since})" if parts else f"no change {since}"


def _score(value: Any) -> str:
    return "–" if value is None else str(value)
