"""A DOCX prfaqgen rendered carries each field's spec path: import places by it, not by guessing."""

from __future__ import annotations

from pathlib import Path

import yaml

from prfaqgen import render_spec
from prfaqgen.importing import import_draft

# The order-and-product-name rules alone would get this wrong: the summary runs over two
# paragraphs that do not name the product, and the problem names it.
SPEC = """\
prfaq: 1
title: Ledger
meta:
  author: Priya Raman
  date: 2026-11-22
press_release:
  headline: Acme launches Ledger for small finance teams
  location: Seattle, WA
  launch_date: 2027-03-01
  summary: |
    Small finance teams close the books in one day.

    Teams of 2 to 10 start in an afternoon.
  problem: |
    Before Ledger, closing took 5 days of matching by hand.
  solution: |
    It matches 90% of transactions.

    Exceptions come to one screen.
  customer_quotes:
    - text: I closed March in a day.
      name: Maria Lopez
    - text: We stopped working weekends.
      role: Controller
faq:
  external:
    - q: What does it cost?
      a: $20 per user per month.
"""


def test_parts_come_back_exactly_where_the_field_marks_say(tmp_path: Path) -> None:
    spec = tmp_path / "ledger.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    draft = render_spec(spec, output=tmp_path / "out", formats=["docx"]).outputs["docx"]
    result = import_draft(draft, tmp_path / "back.yaml")
    back = yaml.safe_load(result.text)["press_release"]
    original = yaml.safe_load(SPEC)["press_release"]
    for part in ("summary", "problem", "solution"):
        assert back[part].strip() == original[part].strip(), part
    assert back["customer_quotes"] == original["customer_quotes"]  # the second has no name
    assert "leader_quote" not in back
