"""Words, sentences and paragraphs of one prose field, with their offsets.

Markdown that is not prose (link targets, code spans, URLs) is blanked out
with spaces of the same length, so offsets still point into the value. A
Markdown table holds words (its cells are text) but no sentence or paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_NOT_PROSE = re.compile(r"`[^`\n]*`|\]\([^)\s]*\)|<?https?://[^\s)>]+>?|\{[^}\n]*\}")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%$-]*[A-Za-z0-9%]|[A-Za-z0-9]")
# A sentence ends at . ! or ? followed by space and a capital, a digit, a quote or the end.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’)*_]*\s+(?=[\"“*_(\[]*[A-Z0-9$])|\n\s*\n|\n\s*(?=[-*+] |\d+\. )"
)
_ABBREVIATIONS = {
    "e.g.",
    "i.e.",
    "etc.",
    "vs.",
    "dr.",
    "mr.",
    "mrs.",
    "ms.",
    "a.m.",
    "p.m.",
    "inc.",
    "corp.",
    "co.",
    "ltd.",
    "no.",
    "st.",
    "u.s.",
    "jr.",
    "sr.",
}
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "half",
        "twice",
        "double",
        "triple",
        "quarter",
        "third",
        "dozen",
        "percent",
    ]
)


class Span(NamedTuple):
    """A piece of the value: ``text`` starts at ``start`` (a tuple: rules make thousands)."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Prose:
    """One field's text, ready for rules that look at words and sentences."""

    value: str

    @cached_property
    def clean(self) -> str:
        return _NOT_PROSE.sub(lambda m: " " * len(m.group()), self.value)

    @cached_property
    def words(self) -> tuple[Span, ...]:
        return tuple(Span(m.start(), m.group()) for m in _WORD.finditer(self.clean))

    @cached_property
    def tables(self) -> tuple[Span, ...]:
        """The Markdown tables, as the renderer's parser finds them (whole lines)."""
        return tuple(_tables(self.value))

    @cached_property
    def running(self) -> str:
        """``clean`` with the tables blanked: the text that sentences and paragraphs make."""
        text = self.clean
        for table in reversed(self.tables):
            blank = re.sub(r"[^\n]", " ", text[table.start : table.end])
            text = text[: table.start] + blank + text[table.end :]
        return text

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(_split(self.running))

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        out = []
        for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", self.running):
            text = match.group()
            if text.strip():
                lead = len(text) - len(text.lstrip())
                out.append(Span(match.start() + lead, text.strip()))
        return tuple(out)

    @cached_property
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    def words_in(self, span: Span) -> list[Span]:
        first = bisect_left(self._word_starts, span.start)
        last = bisect_left(self._word_starts, span.end, first)
        return list(self.words[first:last])


def _tables(text: str) -> list[Span]:
    """Each table's lines, from the same Markdown dialect the documents render with."""
    if "|" not in text or "-" not in text:  # every table has a delimiter row: skip the parse
        return []
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    out = []
    for token in _markdown().parse(text):
        if token.type == "table_open" and token.map:
            first, last = token.map
            start = line_starts[first]
            end = line_starts[last] if last < len(line_starts) else len(text)
            out.append(Span(start, text[start:end]))
    return out


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from prfaqgen.spec.images import new_parser

    return new_parser()


def _split(text: str) -> list[Span]:
    out: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        last = before.split()[-1].lower() if before.split() else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", last):
            continue
        _add(out, text, start, match.start())
        start = match.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        out.append(Span(start + lead, piece.strip()))


def has_number(text: str) -> bool:
    """Digits or a number word: the mark of data instead of an adjective."""
    if re.search(r"\d", text):
        return True
    return any(word in _NUMBER_WORDS for word in re.findall(r"[a-z]+", text.lower()))


def find_terms(prose: Prose, terms: tuple[str, ...] | frozenset[str]) -> list[Span]:
    """Whole-word, case-insensitive matches of ``terms`` (which may be phrases)."""
    if not terms:
        return []
    return [Span(m.start(), m.group()) for m in _terms_pattern(terms).finditer(prose.clean)]


_PATTERNS: dict[tuple[str, ...] | frozenset[str], re.Pattern[str]] = {}


def _terms_pattern(terms: tuple[str, ...] | frozenset[str]) -> re.Pattern[str]:
    """One pattern per word list (rules ask for the same list once per field)."""
    pattern = _PATTERNS.get(terms)
    if pattern is None:
        longest_first = sorted(terms, key=lambda t: (-len(t), t))
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in longest_first)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        _PATTERNS[terms] = pattern
    return pattern
