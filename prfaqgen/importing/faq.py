"""Questions and answers: headings, ``Q:``/``A:`` lines, bold or numbered questions, lists."""

from __future__ import annotations

from typing import Any

from prfaqgen.importing import cues
from prfaqgen.importing.draft import Block


def read_faq(blocks: list[Block], group: str, faq: dict[str, list[dict[str, Any]]]) -> list[Block]:
    """Add each question in ``blocks`` to ``faq[group]``; return the text before the first.

    A ``Customer questions``/``Internal questions`` heading inside switches the group.
    Each entry is ``{"q": ..., "a": [markdown, ...], "where": ...}``.
    """
    entries = faq[group]
    current: dict[str, Any] | None = None
    intro: list[Block] = []
    for block in blocks:
        label = cues.label_key(block.plain) if block.kind == "heading" else None
        if label in ("faq_internal", "faq_external"):
            entries = faq["internal" if label == "faq_internal" else "external"]
            current = None
            continue
        if block.kind == "list" and _questions_list(block):
            asked = [(item, _item_question(item)) for item in block.items]
        else:
            asked = [(block, question_of(block))]
        for part, (question, answer) in asked:
            # A cue with nothing to ask after it (``Q: \``, a bare ``Q3.``) asks
            # nothing: it is text, for an empty question would fail the spec written.
            if question:
                current = {"q": question, "a": [answer] if answer else [], "where": part.where}
                entries.append(current)
            elif current is not None:
                first = not current["a"]
                current["a"].append(
                    cues.strip_answer_label(part.markdown) if first else part.markdown
                )
            else:
                intro.append(part)
    return intro


def starts_faq(block: Block) -> bool:
    """A ``Q:`` line in the press release: the FAQ starts here, without a heading."""
    return block.kind == "para" and cues.question_text(block.markdown) is not None


def _item_question(item: Block) -> tuple[str | None, str | None]:
    """A question list's item: its first line asks, the lines under it answer."""
    head, _, tail = item.markdown.partition("\n")
    return cues.strip_question_number(head), tail.strip() or None


def _asks(item: Block) -> bool:
    return item.markdown.partition("\n")[0].rstrip().endswith("?")


def _questions_list(block: Block) -> bool:
    """A list of questions: most items ask, and each asks or has an answer under it."""
    items = block.items
    asking = sum(_asks(i) for i in items)
    answered = all(_asks(i) or "\n" in i.markdown.strip() for i in items)
    return bool(items) and asking * 2 >= len(items) and answered


def question_of(block: Block) -> tuple[str | None, str | None]:
    """(question, answer in the same block or None) when the block asks one."""
    if block.kind == "heading":
        return cues.strip_question_number(block.markdown), None
    if block.kind != "para":
        return None, None
    bold = cues.bold_line(block.markdown)
    if bold and bold.rstrip().endswith("?"):
        return cues.strip_question_number(bold), None
    text = cues.question_text(block.markdown)
    if text is not None:
        lines = [line.rstrip("\\ ") for line in text.split("\n")]
        for index, line in enumerate(lines):
            if index and cues.answer_label(line):
                answer = cues.strip_answer_label("\n".join(text.split("\n")[index:]))
                return " ".join(lines[:index]).strip(), answer.strip()
        if len(lines) > 1 and lines[0].endswith("?"):
            return lines[0], "\n".join(text.split("\n")[1:]).strip()
        return " ".join(lines).strip(), None
    numbered = cues.numbered_question(block.markdown)
    return (numbered, None) if numbered else (None, None)
