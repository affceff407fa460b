"""A portfolio of small specs written from one template of our own, with known scores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SPEC = """\
prfaq: 1
title: {title}
meta:
  author: {owner}
  date: 2026-11-{day:02d}
  team: {team}
  status: {status}
  tags: [{tags}]
press_release:
  headline: {title} cuts the wait for {thing} from 9 days to 2
  subheadline: Teams that wait for {thing} get it in 2 days instead of 9.
  location: Lisbon
  launch_date: 2027-03-01
  summary: |
    Today we launch {title}. Teams get {thing} in 2 days instead of 9.
  problem: |
    Teams wait 9 days for {thing}; 3 in 10 give up before it arrives.
  solution: |
    {title} sends {thing} the same day it is asked for.
  leader_quote:
    text: We built {title} because nobody should wait 9 days for {thing}.
    name: Sam Lee
    role: Head of Operations
  how_it_works: |
    A team asks for {thing} in one form and gets them by the end of the day.
  customer_quotes:
    - text: I got {thing} on Tuesday instead of next week.
      name: Ana Ruiz
      role: Office lead
  call_to_action: |
    Ask for {thing} at example.com today.
faq:
  external:
    - q: What does {title} cost?
      a: $4 a month per team.
  internal:
    - q: What are the top three reasons {title} will fail?
      a: Teams keep their old habit, the data is late, or the price is too high.
{review}"""


def review_block(scores: tuple[int | None, int | None, int | None] | None, decision: str) -> str:
    if scores is None:
        return f"review:\n  decision: {decision}\n"
    names = ("big_idea", "fit", "plan")
    lines = [f"    {n}: {v}" for n, v in zip(names, scores, strict=True) if v is not None]
    body = "\n".join(lines) or "    {}"
    notes = "  notes: Reviewed in the weekly meeting.\n"
    return f"review:\n  decision: {decision}\n{notes}  scores:\n{body}\n"


WriteSpec = Callable[..., Path]


@pytest.fixture
def write_spec(tmp_path: Path) -> WriteSpec:
    """``write_spec("ideas/a.yaml", "Alpha", scores=(5, 4, 3))`` writes one spec."""

    def write(
        name: str,
        title: str,
        scores: tuple[int | None, int | None, int | None] | None = None,
        *,
        decision: str = "pending",
        status: str = "review",
        tags: str = "ops",
        day: int = 1,
        root: Path | None = None,
    ) -> Path:
        path = (root or tmp_path / "ideas") / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = SPEC.format(
            title=title,
            owner=f"{title} Owner",
            team=f"{title} Team",
            status=status,
            tags=tags,
            day=day,
            thing=f"{title.lower()} reports",
            review=review_block(scores, decision),
        )
        path.write_text(text, encoding="utf-8")
        return path

    return write
