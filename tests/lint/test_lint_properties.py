"""Whatever the prose and however YAML writes it, a word's finding points at the word.

The same words are dumped in every scalar style (plain, single and double quoted,
literal and folded) and folded at different widths; a word-list finding must
start at that word in the file, as an editor would underline it.
"""

from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.lint.base import lint_text, spec_text

WORDS = [
    "significantly", "very", "revolutionary", "seamless", "controllers", "ledger", "40",
    "3.5%", "ERP", "utilize", "is", "matched", "#", "it's", '"quoted"', "Dr.", "e.g.",
    "café", "naïve", "—", "up", "to", "date", "Many", "a", "lot", "of", "banks", "\\",
    "best-in-class",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ". ", ", ", "\n", "\n\n", ": ", " - "]
STYLES = [None, '"', "'", "|", ">"]
OLD_SOLUTION = "  solution: |\n    Ledgerline matches 96% of bank lines in 2 minutes.\n"
WORD_IN_MESSAGE = re.compile(r"`([^`]+)`")
WORD_RULES = ("weasel-word", "hype-word", "jargon")


@st.composite
def prose(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
        )
    )
    return "Ledgerline " + "".join(word + separator for word, separator in parts).strip()


def solution_field(text: str, style: str | None, width: int) -> str:
    """``  solution: <text>`` as PyYAML writes the text in ``style``, under the field's key."""
    dumped = yaml.dump(text, default_style=style, width=width, allow_unicode=True)
    first, *rest = dumped.removesuffix("...\n").rstrip("\n").split("\n")
    return "".join(
        [f"  solution: {first}\n", *(f"    {line}\n" if line else "\n" for line in rest)]
    )


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=prose(), style=st.sampled_from(STYLES), width=st.sampled_from([30, 80]))
# An escaped line break, an escaped space and a \n escape in one double-quoted scalar.
@example(text="Ledgerline significantly x\nsignificantly very seamless", style='"', width=30)
@example(text="Ledgerline it's a lot of banks' seamless \n\n ledger", style="'", width=30)
def test_word_findings_point_at_the_word(text: str, style: str | None, width: int) -> None:
    source = spec_text().replace(OLD_SOLUTION, solution_field(text, style, width))
    assert yaml.safe_load(source)["press_release"]["solution"] == text
    result = lint_text(source)
    lines = source.split("\n")
    for finding in result.findings:
        assert 1 <= finding.line <= len(lines), finding.format()
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding.format()
        if finding.rule in WORD_RULES and finding.path == "press_release.solution":
            found = WORD_IN_MESSAGE.search(finding.message)
            assert found is not None, finding.message
            first = found.group(1).split()[0]
            at = lines[finding.line - 1][finding.column - 1 :]
            assert at.lower().startswith(first.lower()), (finding.format(), lines[finding.line - 1])


TERMS = ["very", "a lot of", "lot", "best-in-class", "up to date", "up to", "café", "is", "of"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=prose(), terms=st.sets(st.sampled_from(TERMS), min_size=1))
def test_term_look_up_finds_what_the_word_boundary_pattern_finds(
    text: str, terms: set[str]
) -> None:
    """Plain word lists are looked up by runs of word characters, without a regex scan;
    the matches are those of the one pattern that any other term list still uses."""
    from prfaqgen.lint.text import Prose, _terms_pattern, find_terms

    found = find_terms(Prose(text), frozenset(terms))
    pattern = _terms_pattern(tuple(sorted(terms)))
    assert found == [(m.start(), m.group()) for m in pattern.finditer(Prose(text).clean)]


# The patterns the part rules used before their words became sets: the reference.
OLD_PATTERNS = {
    "_RISK": r"\b(risks?|fail\w*|wrong|threats?|kill|worr\w*|concerns?|downside)\b",
    "_ECONOMICS": r"\b(costs?|price|pricing|economics|margins?|revenue|profit\w*|invest\w*|p&l|"
    r"budget|funding|spend|unit economics|pay)\b",
    "_PEOPLE": r"\b(customers?|users?|clients?|people|teams?|owners?|managers?|developers?|"
    r"engineers?|parents?|patients?|students?|teachers?|families|shoppers?|buyers?|sellers?|"
    r"drivers?|riders?|members?|employees?|staff|workers?|businesses|companies|clinics?|"
    r"stores?|shops?|restaurants?|farmers?|doctors?|nurses?|readers?|writers?|authors?|"
    r"administrators?|admins?|operators?|analysts?|accountants?|controllers?|founders?|"
    r"leads?|anyone|everyone|\w+ers|\w+ists|\w+ians)\b",
    "_SUBSTANCE": r"\b(used to|no longer|instead of|now|before|after|every|last|this|each|"
    r"minutes?|hours?|days?|weeks?|months?|years?|morning|evening|tonight|yesterday|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    "_WHY": r"\b(customers?|because|so that|told us|asked|problem|why|interviews?)\b",
}
PIECES = [
    "Failure", "fail", "worry", "p&l", "P&L", "p&lx", "unit", "economics", "profits", "ers",
    "Farmers", "pianists", "_ers", "x2ers", "used to", "used  to", "Used To", "no longer",
    "instead", "of", "so that", "told us", "told", "us", "Customer's", "team-mates", "leads",
    "Mondays", "mon", "day", "é", "ß", "a", "1", "-", "'", "_", "interview", "risk-free",
]  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(
    pieces=st.lists(
        st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "  ", "-", ".", "\n"])),
        max_size=8,
    )
)
def test_part_vocabularies_find_what_their_word_patterns_found(
    pieces: list[tuple[str, str]],
) -> None:
    from prfaqgen.lint.rules import parts
    from prfaqgen.lint.text import mentions

    text = "".join(piece + gap for piece, gap in pieces)
    for name, pattern in OLD_PATTERNS.items():
        expected = bool(re.search(pattern, text, re.IGNORECASE))
        assert mentions(text, getattr(parts, name)) == expected, (name, text)


OLD_TEXT_PATTERNS = {
    "_WORD": r"[A-Za-z0-9][A-Za-z0-9'’.,%$-]*[A-Za-z0-9%]|[A-Za-z0-9]",
    "_SENTENCE_END": r"(?<=[.!?])[\"”’)*_]*\s+(?=[\"“*_(\[]*[A-Z0-9$])|\n\s*\n|"
    r"\n\s*(?=[-*+] |\d+\. )",
    "_NAME": r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|&)\s+)?[A-Z][\w'’-]*)+",
}
MARKED = list("Ab1 .!?’”“'\"-*_([)$%,\n&") + ["of ", "the ", "2. ", "- "]


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(MARKED), max_size=30).map("".join))
def test_ascii_patterns_over_swapped_marks_match_where_the_curly_ones_did(text: str) -> None:
    """The word, sentence and name patterns hold only ASCII and read the text with curly
    marks swapped one for one: the same matches at the same places as before."""
    from prfaqgen.lint import text as module
    from prfaqgen.lint.rules import parts

    swapped = {
        "_WORD": text.translate(module.APOSTROPHES),
        "_SENTENCE_END": text.translate(module._MARKS),
        "_NAME": text.translate(module.APOSTROPHES),
    }
    for name, old in OLD_TEXT_PATTERNS.items():
        new = getattr(parts if name == "_NAME" else module, name)
        expected = [m.span() for m in re.finditer(old, text)]
        assert [m.span() for m in new.finditer(swapped[name])] == expected, (name, text)
