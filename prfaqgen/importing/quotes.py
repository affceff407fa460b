"""Quotations in a press release: which blocks hold one, who said it, which is the leader's.

The leader quote is the company's spokesperson on why it built the product; the
customer quotes are customers describing the benefit. An attribution that names
the launching company decides it; a leader's title and words in the company's
voice ("we built", "our goal") count for less, as customers say "we" too.
"""

from __future__ import annotations

import re

from prfaqgen.importing import cues
from prfaqgen.importing.draft import Block


def quote_at(blocks: list[Block], index: int) -> tuple[cues.Quote | None, int]:
    """The quotation that starts at ``blocks[index]`` and how many blocks it takes, or (None, 0)."""
    start = index
    block = blocks[index]
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    attributed = after is not None and (
        after.attribution or (after.kind == "para" and cues.is_attribution(after.markdown))
    )
    found: tuple[str, str | None] | None
    if block.kind == "quote":
        body = re.sub(r"^> ?", "", block.markdown, flags=re.MULTILINE).strip()
        found = cues.quote_in(body) or (cues.unquote(body), None)
        inside = _continues(blocks, index) if found[1] is None else []
        if inside:
            text = "\n\n".join([found[0], *(b.markdown for b in inside)])
            found = (cues.unquote(text), None)
            index += len(inside)
            after, attributed = blocks[index + 1], True
    elif block.kind == "para" and not block.attribution:
        found = cues.quote_in(block.markdown)
        if found is None or (found[1] is None and not attributed):
            return None, 0
    else:
        return None, 0
    text, attr = found
    if not text.strip():
        return None, 0  # quotation marks around nothing: text, not a quote
    used = 1 + (index - start)
    if attr is None and attributed and after is not None:
        attr = after.markdown
        used += 1
    name, role = cues.split_attribution(attr or "")
    return cues.Quote(text, name, role, block.where), used


def _continues(blocks: list[Block], index: int) -> list[Block]:
    """A list or paragraphs inside a quotation (prfaqgen's DOCX), up to its attribution line."""
    for end in range(index + 1, min(len(blocks), index + 8)):
        if blocks[end].attribution:
            inside = blocks[index + 1 : end]
            ok = all(b.kind in ("list", "quote", "para", "table") for b in inside)
            return inside if ok else []
        if blocks[end].kind == "heading":
            return []
    return []


def quotes_in(blocks: list[Block]) -> list[cues.Quote]:
    """Every block under a quote label as a quotation (unattributed ones too)."""
    out = []
    index = 0
    while index < len(blocks):
        quote, used = quote_at(blocks, index)
        if quote is None:
            block = blocks[index]
            quote, used = cues.Quote(cues.unquote(block.markdown), None, None, block.where), 1
        out.append(quote)
        index += used
    return out


def leader_of(quotes: list[cues.Quote], separated: bool, company: str | None) -> int | None:
    """The index of the leader's quote, or None.

    The quote whose attribution names the launching company wins; failing that,
    the first quote when body text separates it from the second, as a press
    release puts "how it works" between the leader's quote and the customers'.
    """
    if not quotes:
        return None
    scores = [_score(q, company) for q in quotes]
    best = max(range(len(quotes)), key=lambda i: (scores[i], -i))
    if scores[best] >= 3:
        return best
    if len(quotes) > 1 and separated and scores[0] >= max(1, scores[1]):
        return 0
    return None


def _score(quote: cues.Quote, company: str | None) -> int:
    attr = " ".join(p for p in (quote.name, quote.role) if p).lower()
    score = 0
    if company and re.sub(r"^the\s+", "", company.lower()) in attr:
        score += 3
    if cues.LEADER_TITLE.search(attr):
        score += 1
    if cues.COMPANY_VOICE.search(quote.text):
        score += 1
    return score
