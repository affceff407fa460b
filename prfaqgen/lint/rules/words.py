"""Rules about words and sentences: weasel and hype words, adjectives, length, voice."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prfaqgen.lint.rule import Context, Hit, Rule
from prfaqgen.lint.text import Span, find_terms, has_number

# A form of "be", then any adverbs, then the word that decides: "is (then) booked".
_BE = re.compile(r"\b(?:am|is|are|was|were|be|been|being)(?=\s)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(\w+)")
_BY = re.compile(r"\s+by\b", re.IGNORECASE)
_ADVERBS = frozenset(
    [
        "not",
        "also",
        "then",
        "now",
        "still",
        "always",
        "never",
        "already",
        "just",
        "often",
        "soon",
        "all",
        "both",
        "each",
        "even",
        "ever",
        "again",
        "too",
        "so",
        "first",
        "later",
    ]
)


def is_participle(word: str, irregular: frozenset[str], states: frozenset[str]) -> bool:
    """A past participle: the act in "is booked", not the state in "is ready" or "is tired".

    ``irregular`` are those not ending in -ed (sent, taken); ``states`` the words ending
    in -ed that are not ("is frustrated", "is based", "indeed")."""
    if not (word.isascii() and word.isalpha()):
        return False
    word = word.lower()
    if word in irregular:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in states


def _weasel(ctx: Context) -> Iterator[Hit]:
    words = ctx.config.word_list("weasel")
    for path, prose in ctx.body():
        if path[-1] == "q":
            continue  # "How often...?" asks for the figure; the answer must give it
        questions = [q for q in prose.sentences if q.text.rstrip("*_ ").endswith("?")]
        for span in ctx.outside_names(prose, find_terms(prose, words)):
            if _in_any(span.start, questions) or _superlative(prose.clean, span.start, span.text):
                continue
            yield Hit(
                path,
                span.start,
                span.end,
                f"`{span.text}` is a weasel word: it hedges instead of stating a fact",
                "say how many, how much or how often, with a number",
            )


def _in_any(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _superlative(text: str, start: int, word: str) -> bool:
    """ "the most popular" ranks; only "most customers" hedges a quantity."""
    return word.lower() == "most" and text[max(0, start - 4) : start].lower() == "the "


_QUANTITY = frozenset(["more", "less", "fewer"])


def _claims(text: str, span: Span) -> bool:
    """ "more"/"less"/"fewer" claim data only in a comparison ("more visits than"),
    not in "learn more" or "do more when..."."""
    if span.text.lower() not in _QUANTITY:
        return True
    return bool(re.match(r"(?:\s+[\w'-]+){0,4}?\s+than\b", text[span.end :], re.IGNORECASE))


def _hype(ctx: Context) -> Iterator[Hit]:
    words = ctx.config.word_list("hype")
    for path, prose in ctx.body():
        for span in ctx.outside_names(prose, find_terms(prose, words)):
            yield Hit(
                path,
                span.start,
                span.end,
                f"`{span.text}` is hype: it claims instead of showing",
                "delete it and say what the customer can now do, with data",
            )


def _adjectives(ctx: Context) -> Iterator[Hit]:
    adjectives = ctx.config.word_list("adjectives")
    for path, prose in ctx.body():
        if path[-1] == "q":
            continue  # questions ask; answers must carry the data
        found = list(ctx.outside_names(prose, find_terms(prose, adjectives)))
        if not found:
            continue
        for sentence in prose.sentences:
            if has_number(sentence.text) or sentence.text.rstrip("*_ ").endswith("?"):
                continue
            for span in found:
                if sentence.start <= span.start < sentence.end and _claims(prose.clean, span):
                    yield Hit(
                        path,
                        span.start,
                        span.end,
                        f"`{span.text}` in a sentence with no number: give the figure",
                        f"replace `{span.text}` with the figure (from 5 days to 1, 20% less)",
                    )
                    break


def _jargon(ctx: Context) -> Iterator[Hit]:
    terms = ctx.config.jargon()
    for path, prose in ctx.body():
        for span in ctx.outside_names(prose, find_terms(prose, frozenset(terms))):
            replacement = terms.get(" ".join(span.text.lower().split()), "")
            yield Hit(
                path,
                span.start,
                span.end,
                f"`{span.text}` is jargon"
                + (f": write `{replacement}`" if replacement else ": use a plain word"),
                replacement,
            )


def _long_sentence(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.thresholds.sentence_words
    for path, prose in ctx.body():
        for sentence in prose.sentences:
            count = prose.count_words(sentence)
            if count > limit:
                yield Hit(
                    path,
                    sentence.start,
                    sentence.end,
                    f"sentence has {count} words (more than {limit})",
                    "split it in two; one idea per sentence",
                )


def _long_paragraph(ctx: Context) -> Iterator[Hit]:
    limit = ctx.config.thresholds.paragraph_words
    for path, prose in ctx.body():
        for paragraph in prose.paragraphs:
            count = prose.count_words(paragraph)
            if count > limit:
                yield Hit(
                    path,
                    paragraph.start,
                    paragraph.end,
                    f"paragraph has {count} words (more than {limit})",
                    "break it into paragraphs of one point each, or move detail to the appendix",
                )


def _passive(ctx: Context) -> Iterator[Hit]:
    irregular = ctx.config.word_list("participles")
    states = ctx.config.word_list("state-adjectives")
    for path, prose in ctx.body():
        clean = prose.clean
        for be in _BE.finditer(clean):
            word = _NEXT_WORD.match(clean, be.end())
            while word and _is_adverb(word.group(1).lower()):
                word = _NEXT_WORD.match(clean, word.end())
            if word is None or not is_participle(word.group(1), irregular, states):
                continue
            by = _BY.match(clean, word.end())
            end = by.end() if by else word.end()
            shown = " ".join(clean[be.start() : end].split())
            yield Hit(
                path,
                be.start(),
                end,
                f"`{shown}` is passive voice: who does it?",
                "name who acts: 'Gapfill books the patient', not 'the patient is booked'",
            )


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (len(word) > 2 and word.endswith("ly"))


WORD_RULES = (
    Rule(
        "weasel-word",
        "warning",
        "clarity",
        "Weasel words hedge a claim so that it cannot be checked.",
        "Replace the word with the number or the fact it stands for, or delete it.",
        _weasel,
    ),
    Rule(
        "hype-word",
        "warning",
        "clarity",
        "Hype claims quality instead of showing it; readers discount the whole paragraph.",
        "Delete the word; show what the customer can now do, and by how much.",
        _hype,
    ),
    Rule(
        "adjective-without-data",
        "warning",
        "evidence",
        "Data instead of adjectives: 'faster' tells the reader nothing they can check.",
        "Put the figure in the sentence: 'from 5 days to 1', '20% less'.",
        _adjectives,
    ),
    Rule(
        "jargon",
        "warning",
        "clarity",
        "Jargon and house-banned terms make the reader translate.",
        "Use the plain word the finding suggests.",
        _jargon,
    ),
    Rule(
        "long-sentence",
        "warning",
        "clarity",
        "Long sentences hide the point; the method asks for sentences under 30 words.",
        "Split the sentence; keep one idea in each.",
        _long_sentence,
    ),
    Rule(
        "long-paragraph",
        "warning",
        "clarity",
        "A long paragraph makes the reader hunt for its point.",
        "One point per paragraph; move supporting detail into the FAQ or the appendix.",
        _long_paragraph,
    ),
    Rule(
        "passive-voice",
        "info",
        "clarity",
        "Passive voice hides who acts: the customer, the product or the team.",
        "Name the actor as the subject of the sentence.",
        _passive,
    ),
)
