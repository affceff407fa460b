"""The supporting parts after the FAQ: the five customer questions, glossary, metrics.

Each reader returns what it could place and the blocks it could not, which the
placer keeps as an appendix entry.
"""

from __future__ import annotations

import re
from typing import Any

from prfaqgen.importing import cues
from prfaqgen.importing.draft import Block

# The five customer questions (working-backwards.md), by the words that tell them apart.
_CUSTOMER = (
    ("who", re.compile(r"\bwho\b", re.I)),
    ("problem", re.compile(r"\b(problem|opportunity)\b", re.I)),
    ("benefit", re.compile(r"\bbenefit\b", re.I)),
    ("evidence", re.compile(r"\b(how do (you|we) know|evidence)\b", re.I)),
    ("experience", re.compile(r"\bexperience\b", re.I)),
)
_TERM = re.compile(
    r"^\s*(?:\*\*|__)?(?P<term>[^*_:\n]{1,60}?)(?::(?:\*\*|__)|(?:\*\*|__)?:)\s+(?P<text>.+)$", re.S
)
_NONE = {"", "-", "–", "—", "n/a", "none", "tbd"}


def read_customer(blocks: list[Block]) -> tuple[dict[str, str], list[Block]]:
    """``{"who": ..., ...}`` from question headings (or bold lines) and the text under them."""
    found: dict[str, list[str]] = {}
    left: list[Block] = []
    current: str | None = None
    for block in blocks:
        question = block.plain if block.kind == "heading" else cues.bold_line(block.markdown)
        if question is not None:
            current = next((k for k, p in _CUSTOMER if p.search(question) and k not in found), None)
            if current is not None:
                found[current] = []
                continue
            left.append(block)
        elif current is not None:
            found[current].append(block.markdown)
        else:
            left.append(block)
    answers = {k: "\n\n".join(v).strip() for k, v in found.items()}
    for key, text in list(answers.items()):
        if not text:  # a question without an answer: nothing to place, keep the question
            del answers[key]
    keys = [k for k, _ in _CUSTOMER]
    return {k: answers[k] for k in keys if k in answers}, left


def read_glossary(blocks: list[Block]) -> tuple[dict[str, str], list[Block]]:
    """``Term: definition`` paragraphs or list items (prfaqgen writes ``**Term:** ...``)."""
    terms: dict[str, str] = {}
    left: list[Block] = []
    for block in blocks:
        entries = block.items or [block]
        parsed = [_TERM.match(e.markdown) for e in entries]
        if block.kind not in ("para", "list") or not all(parsed):
            left.append(block)
            continue
        for match in parsed:
            assert match is not None
            term = match.group("term").strip()
            if term in terms:
                left.append(block)
                break
            terms[term] = match.group("text").strip()
    return terms, left


def read_metrics(blocks: list[Block]) -> tuple[list[dict[str, Any]], list[Block]]:
    """Rows of a ``Metric | Baseline | Target | By`` table (columns found by their names)."""
    metrics: list[dict[str, Any]] = []
    left: list[Block] = []
    for block in blocks:
        rows = _table_rows(block.markdown) if block.kind == "table" else []
        columns = _columns(rows[0]) if rows else None
        if columns is None:
            left.append(block)
            continue
        unplaced = False
        for row in rows[1:]:
            entry = _metric(row, columns)
            if entry is None:
                unplaced = True
            else:
                metrics.append(entry)
        if unplaced:
            left.append(block)  # the whole table, so no row is lost
    return metrics, left


def _table_rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        if re.fullmatch(r"\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?", line.strip()):
            continue
        cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        rows.append([c.strip().replace("\\|", "|") for c in cells])
    return rows


def _columns(header: list[str]) -> dict[str, int] | None:
    names = [re.sub(r"[*_]", "", h).strip().lower() for h in header]
    found = {}
    for key, pattern in (
        ("name", r"metric|measure|name|kpi"),
        ("baseline", r"baseline|today|current"),
        ("target", r"target|goal"),
        ("by", r"by|date|deadline|when"),
    ):
        index = next((i for i, n in enumerate(names) if re.fullmatch(pattern, n)), None)
        if index is not None:
            found[key] = index
    return found if "name" in found and "target" in found else None


def _metric(row: list[str], columns: dict[str, int]) -> dict[str, Any] | None:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    name, target = cell("name"), cell("target")
    if not name or target.lower() in _NONE:
        return None
    entry: dict[str, Any] = {"name": name}
    if cell("baseline").lower() not in _NONE:
        entry["baseline"] = cell("baseline")
    entry["target"] = target
    by = cell("by")
    if by.lower() not in _NONE:
        when = cues.parse_date(by)
        if when is None:
            return None
        entry["by"] = when
    return entry
