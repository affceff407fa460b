"""The typed model of an idea spec, format 1 (see docs/spec-format.md).

Every stage after the reader consumes these classes and nothing else. The
field names, types and required/optional rules are a contract with users:
add optional fields, never rename or remove one. The JSON Schema shipped in
``schema.json`` is generated from here (``prfaqgen schema``). The records
are frozen dataclasses, checked by :mod:`prfaqgen.validation`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from prfaqgen.validation import (
    Choice,
    Date,
    Integer,
    ListOf,
    MapOf,
    Optional,
    Record,
    Refused,
    Ruled,
    Text,
    typed,
)

SUPPORTED_FORMATS: tuple[int, ...] = (1,)


def _required(value: str) -> str:
    if not value.strip():
        raise Refused("empty", "is empty")
    return value


def _prose(value: str) -> str:
    return value.rstrip()


MAX_ONE_LINE_CHARS = 2_000  # docs/limits.md


def _one_line(value: str) -> str:
    value = value.strip()
    if "\n" in value:
        raise Refused("multiline", "must be one line: join its lines into one sentence")
    if len(value) > MAX_ONE_LINE_CHARS:
        raise Refused(
            "too_long",
            f"is {len(value):,} characters long; a one-line field holds at most "
            f"{MAX_ONE_LINE_CHARS:,}: shorten it (see docs/limits.md)",
        )
    return value


# Required text must not be empty; optional text left blank counts as absent.
TEXT = Text(_one_line, _required)
PROSE = Text(_prose, _required)
OPTIONAL_TEXT = Optional(TEXT)
OPTIONAL_PROSE = Optional(PROSE)
OPTIONAL_DATE = Optional(Date())
OPTIONAL_SCORE = Optional(Integer(1, 5, from_text=True))


def _supported(value: int) -> int:
    if value not in SUPPORTED_FORMATS:
        readable = ", ".join(str(v) for v in SUPPORTED_FORMATS)
        raise Refused(
            "prfaq_format",
            f"format {value} is not supported: this version of prfaqgen reads "
            f"format {readable}; set `prfaq: 1` or upgrade prfaqgen",
        )
    return value


@dataclass(frozen=True, kw_only=True)
class Ask:
    """What the idea asks for to reach launch, shown beside it in a portfolio."""

    people: str | None = typed(OPTIONAL_TEXT, 'Who or how many, e.g. "4 engineers".', default=None)
    money: str | None = typed(OPTIONAL_TEXT, 'Budget, e.g. "$1.2M".', default=None)
    time: str | None = typed(OPTIONAL_TEXT, 'How long, e.g. "6 months".', default=None)

    def summary(self) -> str:
        """The parts given, in one line: "4 engineers · $1.2M · 6 months"."""
        return " · ".join(p for p in (self.people, self.money, self.time) if p)


@dataclass(frozen=True, kw_only=True)
class Meta:
    """Who wrote this draft, when, and how far along it is."""

    author: str = typed(TEXT, "Who wrote the document.")
    date: dt.date = typed(Date(), "Date of this draft, YYYY-MM-DD.")
    team: str | None = typed(OPTIONAL_TEXT, "The team that owns the idea.", default=None)
    version: str | None = typed(
        OPTIONAL_TEXT, 'Draft version, shown in the header ("0.3").', default=None
    )
    status: Literal["draft", "review", "final"] = typed(
        Choice("draft", "review", "final", blank="draft"),
        "draft, review or final; drafts carry a DRAFT mark.",
        default="draft",
    )
    reviewers: list[str] = typed(ListOf(TEXT), "Who reviews it.", default_factory=list)
    confidentiality: str | None = typed(
        OPTIONAL_TEXT,
        "Shown in every page header, e.g. 'Confidential - internal use only'.",
        default=None,
    )
    tags: list[str] = typed(
        ListOf(TEXT), "Used to filter and group a portfolio.", default_factory=list
    )
    ask: Ask | None = typed(
        Optional(Record(Ask)),
        "What the idea asks for (people, money, time); shown in a portfolio.",
        default=None,
    )


_NOT_BLANK: dict[str, Any] = {"type": ["string", "number", "boolean"], "pattern": "\\S"}


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A quote from the company's leader or from a customer."""

    # The schema says what __post_init__ says: a name, a role, or both, not blank.
    __schema_extra__ = {
        "anyOf": [
            {"required": ["name"], "properties": {"name": _NOT_BLANK}},
            {"required": ["role"], "properties": {"role": _NOT_BLANK}},
        ]
    }

    text: str = typed(PROSE, "The words quoted.")
    name: str | None = typed(OPTIONAL_TEXT, "Who said it.", default=None)
    role: str | None = typed(
        OPTIONAL_TEXT, "Their role, e.g. 'Controller, a 40-person firm'.", default=None
    )

    def __post_init__(self) -> None:
        if self.name is None and self.role is None:
            raise Refused(
                "unattributed", "quotes nobody: give the quote a `name`, a `role`, or both"
            )


@dataclass(frozen=True, kw_only=True)
class PressRelease:
    """The press release that announces the finished product: under one page."""

    headline: str = typed(
        TEXT, "One sentence that names the product in words the target customer knows."
    )
    subheadline: str | None = typed(
        OPTIONAL_TEXT, "One sentence: who the customer is and what they gain.", default=None
    )
    location: str | None = typed(
        OPTIONAL_TEXT, "The dateline's city, e.g. 'Seattle, WA'.", default=None
    )
    outlet: str | None = typed(OPTIONAL_TEXT, "The dateline's media outlet.", default=None)
    launch_date: dt.date | None = typed(
        OPTIONAL_DATE, "The intended launch date, YYYY-MM-DD.", default=None
    )
    summary: str = typed(
        PROSE,
        "2 to 4 sentences: the product and its main benefit. Assume the reader reads nothing else.",
    )
    problem: str = typed(
        PROSE, "The customer's problem, in the customer's words; not the solution."
    )
    solution: str = typed(PROSE, "How the product solves each problem, simply.")
    leader_quote: Quote | None = typed(
        Optional(Record(Quote)),
        "Why we built it, from the company's spokesperson.",
        default=None,
    )
    how_it_works: str | None = typed(
        OPTIONAL_PROSE, "The customer experience: what the customer does first.", default=None
    )
    customer_quotes: list[Quote] = typed(
        ListOf(Record(Quote), min_items=1),
        "One or more customers describing the benefit in their words.",
    )
    call_to_action: str | None = typed(
        OPTIONAL_PROSE, "One or two sentences: where to go, how to start.", default=None
    )
    about: str | None = typed(
        OPTIONAL_PROSE, 'The closing "About the company" paragraph.', default=None
    )


@dataclass(frozen=True, kw_only=True)
class Question:
    """One FAQ entry."""

    q: str = typed(TEXT, "The question, one line.")
    a: str = typed(PROSE, "The answer.")


@dataclass(frozen=True, kw_only=True)
class Faq:
    """Customer questions, answered as if the product exists; stakeholder questions."""

    external: list[Question] = typed(
        ListOf(Record(Question)),
        "Customer questions: price, how it works, help.",
        default_factory=list,
    )
    internal: list[Question] = typed(
        ListOf(Record(Question)),
        "Stakeholder questions: customers and TAM, economics, dependencies, "
        "risks ('What are the top three reasons this will fail?').",
        default_factory=list,
    )

    def __post_init__(self) -> None:
        if not self.external and not self.internal:
            raise Refused(
                "faq_empty",
                "has no questions: add at least one under `external` (customer) "
                "or `internal` (stakeholder)",
            )


@dataclass(frozen=True, kw_only=True)
class Customer:
    """The five customer questions."""

    who: str | None = typed(OPTIONAL_PROSE, "Who is the customer?", default=None)
    problem: str | None = typed(
        OPTIONAL_PROSE, "What is the customer problem or opportunity?", default=None
    )
    benefit: str | None = typed(
        OPTIONAL_PROSE, "What is the most important customer benefit?", default=None
    )
    evidence: str | None = typed(
        OPTIONAL_PROSE, "How do you know what customers need or want?", default=None
    )
    experience: str | None = typed(
        OPTIONAL_PROSE, "What does the customer experience look like?", default=None
    )


@dataclass(frozen=True, kw_only=True)
class Metric:
    """A success metric: a number, a baseline, a target and a date."""

    name: str = typed(TEXT, "What is measured.")
    baseline: str | None = typed(OPTIONAL_TEXT, "Where it stands today.", default=None)
    target: str = typed(TEXT, "Where it must get to.")
    by: dt.date | None = typed(OPTIONAL_DATE, "When, YYYY-MM-DD.", default=None)


@dataclass(frozen=True, kw_only=True)
class AppendixEntry:
    """Supporting material; never counted in the six-page budget."""

    title: str = typed(TEXT, "The appendix's title.")
    body: str = typed(PROSE, "Markdown: data, tables, images.")


@dataclass(frozen=True, kw_only=True)
class Scores:
    """Bezos's three questions, each scored 1 to 5."""

    big_idea: int | None = typed(OPTIONAL_SCORE, "Is it a big idea? 1-5.", default=None)
    fit: int | None = typed(
        OPTIONAL_SCORE, "Is it something we should be doing? 1-5.", default=None
    )
    plan: int | None = typed(
        OPTIONAL_SCORE, "Is there a legitimate plan to succeed? 1-5.", default=None
    )


@dataclass(frozen=True, kw_only=True)
class Review:
    """What reviewers decided; feeds the portfolio."""

    scores: Scores = typed(Record(Scores), "Each 1..5, all optional.", default_factory=Scores)
    decision: Literal["pending", "fund", "hold", "decline"] = typed(
        Choice("pending", "fund", "hold", "decline", blank="pending"),
        "pending, fund, hold or decline.",
        default="pending",
    )
    notes: str | None = typed(OPTIONAL_PROSE, "What the review concluded.", default=None)


@dataclass(frozen=True, kw_only=True)
class Spec:
    """One PR/FAQ: a press release, then the customer and internal FAQ."""

    __schema_title__ = "prfaqgen idea spec, format 1"

    prfaq: int = typed(
        Ruled(Integer(from_text=True), _supported),
        "Marks the file as an idea spec, and its format: 1.",
        schema={"enum": list(SUPPORTED_FORMATS)},
    )
    title: str = typed(TEXT, "The product or idea, as customers will know it.")
    meta: Meta = typed(Record(Meta), "Author and date of this draft (required), team, status.")
    press_release: PressRelease = typed(
        Record(PressRelease), "The press release that announces the finished product."
    )
    faq: Faq = typed(Record(Faq), "Customer (external) and stakeholder (internal) questions.")
    customer: Customer | None = typed(
        Optional(Record(Customer)), "The five customer questions.", default=None
    )
    tenets: list[str] = typed(ListOf(PROSE), "Principles, Markdown each.", default_factory=list)
    metrics: list[Metric] = typed(ListOf(Record(Metric)), "Success metrics.", default_factory=list)
    glossary: dict[str, str] = typed(MapOf(PROSE), "Term -> definition.", default_factory=dict)
    appendix: list[AppendixEntry] = typed(
        ListOf(Record(AppendixEntry)),
        "Never counted in the six-page budget.",
        default_factory=list,
    )
    review: Review | None = typed(Optional(Record(Review)), "What reviewers decided.", default=None)
