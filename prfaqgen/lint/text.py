"""Words, sentences and paragraphs of one prose field, with their offsets.

Markdown that is not prose (link targets, code spans, URLs) is blanked out
with spaces of the same length, so offsets still point into the value. A
Markdown table holds words (its cells are text) but no sentence or paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_NOT_PROSE = re.compile(r"`[^`\n]*`|\]\([^)\s]*\)|<?https?://[^\s)>]+>?|\{[^}\n]*\}")
# The patterns below hold only ASCII: a character past 255 anywhere in a pattern's first
# characters makes it cost three to five times more to compile (several M instructions,
# each run). They read the text with the curly marks swapped, one for one (offsets stay),
# for an ASCII character that plays the same part in the pattern.
APOSTROPHES = str.maketrans({"’": "'"})  # in a word, as an apostrophe
_MARKS = str.maketrans({"”": ")", "’": ")", "“": "("})  # closing and opening marks
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'.,%$-]*[A-Za-z0-9%]|[A-Za-z0-9]")
# A sentence ends at . ! or ? followed by space and a capital, a digit, a quote or the end
# (closing marks ” ’ read as ")", the opening “ as "(").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\")*_]*\s+(?=[\"*_(\[]*[A-Z0-9$])|\n\s*\n|\n\s*(?=[-*+] |\d+\. )"
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


class Prose:
    """One field's text, ready for rules that look at words and sentences."""

    def __init__(self, value: str) -> None:
        self.value = value

    @cached_property
    def clean(self) -> str:
        return _NOT_PROSE.sub(lambda m: " " * len(m.group()), self.value)

    @cached_property
    def plain(self) -> str:
        """``clean`` with ASCII apostrophes, for the word patterns (same length)."""
        return self.clean.translate(APOSTROPHES) if "’" in self.clean else self.clean

    @cached_property
    def words(self) -> tuple[Span, ...]:
        clean = self.clean
        return tuple(
            Span(m.start(), clean[m.start() : m.end()]) for m in _WORD.finditer(self.plain)
        )

    @cached_property
    def tokens(self) -> tuple[tuple[int, int], ...]:
        """Start and end of each run of word characters and hyphens, for term look-ups."""
        return tuple([m.span() for m in _TOKEN.finditer(self.clean)])

    @cached_property
    def lowered(self) -> tuple[str, ...]:
        clean = self.clean.lower()
        if len(clean) != len(self.clean):  # a letter that lowers to two: slice each run
            return tuple(self.clean[a:b].lower() for a, b in self.tokens)
        return tuple(clean[a:b] for a, b in self.tokens)

    @cached_property
    def lower(self) -> str:
        return self.clean.lower()

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The runs, lower-cased: a quick test of whether a word list can match at all."""
        return frozenset(_TOKEN.findall(self.lower))

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
        return [m.start() for m in _WORD.finditer(self.plain)]

    def count_words(self, span: Span) -> int:
        """How many words start inside ``span`` (the length rules count, never read, them)."""
        first = bisect_left(self._word_starts, span.start)
        return bisect_left(self._word_starts, span.end, first) - first


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
    marks = text.translate(_MARKS) if any(m in text for m in "”’“") else text
    for match in _SENTENCE_END.finditer(marks):
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


_RUN = re.compile(r"\w+")


class Vocabulary:
    """Words a rule looks for anywhere in a text, whole (as ``\\b...\\b`` reads them), any case.

    Looked up in a set of the text's words: a regular expression of a hundred
    alternatives costs more to compile than a lint of the whole spec to run. (A plain
    class: a NamedTuple costs ten times as much to create at import.)
    """

    __slots__ = ("words", "prefixes", "suffixes", "phrases")

    def __init__(
        self,
        words: frozenset[str],
        *,
        prefixes: tuple[str, ...] = (),  # a word that starts so: "fail" for failed, failure
        suffixes: tuple[str, ...] = (),  # a longer word that ends so: "ers" for farmers
        phrases: tuple[str, ...] = (),  # words one space apart, or joined by & or '
    ) -> None:
        self.words = words
        self.prefixes = prefixes
        self.suffixes = suffixes
        self.phrases = phrases


def mentions(text: str, vocabulary: Vocabulary) -> bool:
    """Whether ``text`` holds one of the words, beginnings, endings or phrases."""
    lowered = text.lower()
    runs = set(_RUN.findall(lowered))
    if not vocabulary.words.isdisjoint(runs):
        return True
    if vocabulary.prefixes and any(run.startswith(vocabulary.prefixes) for run in runs):
        return True
    for suffix in vocabulary.suffixes:
        if any(len(run) > len(suffix) and run.endswith(suffix) for run in runs):
            return True
    return any(_has_phrase(lowered, phrase) for phrase in vocabulary.phrases)


def _has_phrase(text: str, phrase: str) -> bool:
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _is_word(text[at - 1])) and (
            end == len(text) or not _is_word(text[end])
        ):
            return True
        at = text.find(phrase, at + 1)
    return False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w is in a str pattern


def has_number(text: str) -> bool:
    """Digits or a number word: the mark of data instead of an adjective."""
    if re.search(r"\d", text):
        return True
    return any(word in _NUMBER_WORDS for word in re.findall(r"[a-z]+", text.lower()))


def find_terms(prose: Prose, terms: tuple[str, ...] | frozenset[str]) -> list[Span]:
    """Whole-word, case-insensitive matches of ``terms`` (which may be phrases).

    A match starts and ends where a run of word characters and hyphens does;
    at one place the longest term wins; matches do not overlap.
    """
    if not terms:
        return []
    index = _index(terms)
    if index is None:  # a term with other characters: one pattern does it
        return [Span(m.start(), m.group()) for m in _terms_pattern(terms).finditer(prose.clean)]
    # Every term is runs of [\w-] joined by single spaces: look the runs up, no scan.
    if index.keys().isdisjoint(prose.vocabulary):  # most fields use no word of a list
        return []
    clean, lower = prose.clean, prose.lower
    if len(lower) == len(clean):
        return _find_runs(clean, lower, index, index.keys() & prose.vocabulary)
    tokens, lowered = prose.tokens, prose.lowered  # a letter lowers to two: go run by run
    out = []
    i, count = 0, len(tokens)
    while i < count:
        for phrase in index.get(lowered[i], ()):
            last = i + len(phrase) - 1
            if phrase == lowered[i : last + 1] and all(
                clean[tokens[j][1] : tokens[j + 1][0]].isspace() for j in range(i, last)
            ):
                start = tokens[i][0]
                out.append(Span(start, clean[start : tokens[last][1]]))
                i = last + 1
                break
        else:
            i += 1
    return out


def find_names(text: str, names: tuple[str, ...]) -> list[Span]:
    """Where ``names`` stand whole in ``text`` as written (case matters), each word of a
    name after one or more spaces; the longest at one place, without overlaps."""
    if not names:
        return []
    if names not in _NAME_INDEXES:
        index: dict[str, list[tuple[str, ...]]] | None = {}
        for name in names:
            if index is None or not _PLAIN_TERM.fullmatch(name):
                index = None
                break
            words = tuple(name.split(" "))
            index.setdefault(words[0], []).append(words)
        for phrases in (index or {}).values():
            phrases.sort(key=len, reverse=True)
        _NAME_INDEXES[names] = index
    index = _NAME_INDEXES[names]
    if index is None:  # a name with other characters than words and hyphens
        alternatives = "|".join(
            re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=lambda n: (-len(n), n))
        )
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        return [Span(m.start(), m.group()) for m in pattern.finditer(text)]
    return _find_runs(text, text, index, set(index))


_NAME_INDEXES: dict[tuple[str, ...], dict[str, list[tuple[str, ...]]] | None] = {}


def _find_runs(
    clean: str, lower: str, index: dict[str, list[tuple[str, ...]]], firsts: set[str]
) -> list[Span]:
    """Each place where a first word of ``firsts`` stands as a whole run (str.find, in C),
    with the longest phrase of it that follows; then left to right, without overlaps."""
    found = []
    for first in firsts:
        at = lower.find(first)
        while at >= 0:
            end = at + len(first)
            if _edge(lower, at - 1) and _edge(lower, end):
                for phrase in index[first]:  # most words first
                    stop = _phrase_end(lower, end, phrase[1:])
                    if stop is not None:
                        found.append((at, stop))
                        break
            at = lower.find(first, at + 1)
    found.sort()
    out = []
    reach = 0
    for start, stop in found:
        if start >= reach:
            out.append(Span(start, clean[start:stop]))
            reach = stop
    return out


def _edge(text: str, index: int) -> bool:
    """Whether ``text[index]`` is no word character or hyphen (or is outside the text)."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char in "_-")


def _phrase_end(text: str, at: int, words: tuple[str, ...]) -> int | None:
    """Where ``words`` end if they follow ``at``, each after one or more spaces, else None."""
    for word in words:
        start = at
        while start < len(text) and text[start].isspace():
            start += 1
        if start == at or not text.startswith(word, start) or not _edge(text, start + len(word)):
            return None
        at = start + len(word)
    return at


_TOKEN = re.compile(r"[\w-]+")
_PLAIN_TERM = re.compile(r"[\w-]+(?: [\w-]+)*")
_INDEXES: dict[tuple[str, ...] | frozenset[str], dict[str, list[tuple[str, ...]]] | None] = {}


def _index(
    terms: tuple[str, ...] | frozenset[str],
) -> dict[str, list[tuple[str, ...]]] | None:
    """The terms by their first run, most runs first; None when a term is not plain."""
    if terms in _INDEXES:
        return _INDEXES[terms]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    index: dict[str, list[tuple[str, ...]]] | None = by_first
    for term in terms:
        if not _PLAIN_TERM.fullmatch(term):
            index = None
            break
        phrase = tuple(term.lower().split(" "))
        by_first.setdefault(phrase[0], []).append(phrase)
    for phrases in by_first.values():
        phrases.sort(key=len, reverse=True)
    _INDEXES[terms] = index
    return index


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
