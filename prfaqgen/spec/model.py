"""The typed model of an idea spec, format 1 (see docs/spec-format.md).

Every stage after the reader consumes these classes and nothing else. The
field names, types and required/optional rules are a contract with users:
add optional fields, never rename or remove one. The JSON Schema shipped in
``schema.json`` is generated from here (``prfaqgen schema``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

SUPPORTED_FORMATS: tuple[int, ...] = (1,)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _no_blank(value: Any) -> Any:
    """An optional string that is blank counts as absent."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _required(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty", "is empty")
    return value


def _prose(value: str) -> str:
    return value.rstrip()


MAX_ONE_LINE_CHARS = 2_000  # docs/limits.md


def _one_line(value: str) -> str:
    value = value.strip()
    if "\n" in value:
        raise PydanticCustomError("multiline", "must be one line: join its lines into one sentence")
    if len(value) > MAX_ONE_LINE_CHARS:
        raise PydanticCustomError(
            "too_long",
            "is {length} characters long; a one-line field holds at most {limit}: "
            "shorten it (see docs/limits.md)",
            {"length": f"{len(value):,}", "limit": f"{MAX_ONE_LINE_CHARS:,}"},
        )
    return value


def _yaml_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("empty", "is empty")
    if not isinstance(value, str) or not _DATE.fullmatch(value.strip()):
        raise PydanticCustomError(
            "date_format", "must be a date written as YYYY-MM-DD, for example 2026-11-22"
        )
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError(
            "date_value", "is not a real date: check the month and the day"
        ) from None


# Required text: must not be empty. Optional text: blank means absent.
Text = Annotated[str, AfterValidator(_one_line), AfterValidator(_required)]
Inline = Annotated[str, AfterValidator(_one_line), AfterValidator(_required)]
Prose = Annotated[str, AfterValidator(_prose), AfterValidator(_required)]
OptionalText = Annotated[Text | None, BeforeValidator(_no_blank)]
OptionalInline = Annotated[Inline | None, BeforeValidator(_no_blank)]
OptionalProse = Annotated[Prose | None, BeforeValidator(_no_blank)]
YamlDate = Annotated[date, BeforeValidator(_yaml_date)]
OptionalDate = Annotated[YamlDate | None, BeforeValidator(_no_blank)]
Score = Annotated[int, Field(ge=1, le=5)]
OptionalScore = Annotated[Score | None, BeforeValidator(_no_blank)]


def _default_if_blank(default: str) -> BeforeValidator:
    """A choice left empty (``status:``) means its default, like any blank optional field."""
    return BeforeValidator(lambda v: default if _no_blank(v) is None else v)


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Meta(_Part):
    """Who wrote this draft, when, and how far along it is."""

    author: Text = Field(description="Who wrote the document.")
    date: YamlDate = Field(description="Date of this draft, YYYY-MM-DD.")
    team: OptionalText = Field(None, description="The team that owns the idea.")
    version: OptionalText = Field(None, description='Draft version, shown in the header ("0.3").')
    status: Annotated[Literal["draft", "review", "final"], _default_if_blank("draft")] = Field(
        "draft", description="draft, review or final; drafts carry a DRAFT mark."
    )
    reviewers: list[Text] = Field(default_factory=list, description="Who reviews it.")
    confidentiality: OptionalText = Field(
        None, description="Shown in every page header, e.g. 'Confidential - internal use only'."
    )
    tags: list[Text] = Field(
        default_factory=list, description="Used to filter and group a portfolio."
    )


_NOT_BLANK: dict[str, Any] = {"type": ["string", "number", "boolean"], "pattern": "\\S"}


class Quote(_Part):
    """A quote from the company's leader or from a customer."""

    # The schema says what _attributed says: a name, a role, or both, not blank.
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                {"required": ["name"], "properties": {"name": _NOT_BLANK}},
                {"required": ["role"], "properties": {"role": _NOT_BLANK}},
            ]
        }
    )

    text: Prose = Field(description="The words quoted.")
    name: OptionalText = Field(None, description="Who said it.")
    role: OptionalText = Field(None, description="Their role, e.g. 'Controller, a 40-person firm'.")

    @model_validator(mode="after")
    def _attributed(self) -> Quote:
        if self.name is None and self.role is None:
            raise PydanticCustomError(
                "unattributed",
                "quotes nobody: give the quote a `name`, a `role`, or both",
            )
        return self


class PressRelease(_Part):
    """The press release that announces the finished product: under one page."""

    headline: Inline = Field(
        description="One sentence that names the product in words the target customer knows."
    )
    subheadline: OptionalInline = Field(
        None, description="One sentence: who the customer is and what they gain."
    )
    location: OptionalText = Field(None, description="The dateline's city, e.g. 'Seattle, WA'.")
    outlet: OptionalText = Field(None, description="The dateline's media outlet.")
    launch_date: OptionalDate = Field(None, description="The intended launch date, YYYY-MM-DD.")
    summary: Prose = Field(
        description="2 to 4 sentences: the product and its main benefit. "
        "Assume the reader reads nothing else."
    )
    problem: Prose = Field(
        description="The customer's problem, in the customer's words; not the solution."
    )
    solution: Prose = Field(description="How the product solves each problem, simply.")
    leader_quote: Quote | None = Field(
        None, description="Why we built it, from the company's spokesperson."
    )
    how_it_works: OptionalProse = Field(
        None, description="The customer experience: what the customer does first."
    )
    customer_quotes: list[Quote] = Field(
        min_length=1, description="One or more customers describing the benefit in their words."
    )
    call_to_action: OptionalProse = Field(
        None, description="One or two sentences: where to go, how to start."
    )
    about: OptionalProse = Field(None, description='The closing "About the company" paragraph.')


class Question(_Part):
    """One FAQ entry."""

    q: Inline = Field(description="The question, one line.")
    a: Prose = Field(description="The answer.")


class Faq(_Part):
    """Customer questions, answered as if the product exists; stakeholder questions."""

    external: list[Question] = Field(
        default_factory=list, description="Customer questions: price, how it works, help."
    )
    internal: list[Question] = Field(
        default_factory=list,
        description="Stakeholder questions: customers and TAM, economics, dependencies, "
        "risks ('What are the top three reasons this will fail?').",
    )

    @model_validator(mode="after")
    def _has_questions(self) -> Faq:
        if not self.external and not self.internal:
            raise PydanticCustomError(
                "faq_empty",
                "has no questions: add at least one under `external` (customer) "
                "or `internal` (stakeholder)",
            )
        return self


class Customer(_Part):
    """The five customer questions."""

    who: OptionalProse = Field(None, description="Who is the customer?")
    problem: OptionalProse = Field(None, description="What is the customer problem or opportunity?")
    benefit: OptionalProse = Field(None, description="What is the most important customer benefit?")
    evidence: OptionalProse = Field(
        None, description="How do you know what customers need or want?"
    )
    experience: OptionalProse = Field(
        None, description="What does the customer experience look like?"
    )


class Metric(_Part):
    """A success metric: a number, a baseline, a target and a date."""

    name: Text = Field(description="What is measured.")
    baseline: OptionalText = Field(None, description="Where it stands today.")
    target: Text = Field(description="Where it must get to.")
    by: OptionalDate = Field(None, description="When, YYYY-MM-DD.")


class AppendixEntry(_Part):
    """Supporting material; never counted in the six-page budget."""

    title: Inline = Field(description="The appendix's title.")
    body: Prose = Field(description="Markdown: data, tables, images.")


class Scores(_Part):
    """Bezos's three questions, each scored 1 to 5."""

    big_idea: OptionalScore = Field(default=None, description="Is it a big idea? 1-5.")
    fit: OptionalScore = Field(default=None, description="Is it something we should be doing? 1-5.")
    plan: OptionalScore = Field(
        default=None, description="Is there a legitimate plan to succeed? 1-5."
    )


class Review(_Part):
    """What reviewers decided; feeds the portfolio."""

    scores: Scores = Field(default_factory=Scores, description="Each 1..5, all optional.")
    decision: Annotated[
        Literal["pending", "fund", "hold", "decline"], _default_if_blank("pending")
    ] = Field("pending", description="pending, fund, hold or decline.")
    notes: OptionalProse = Field(None, description="What the review concluded.")


def _format(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _supported(value: int) -> int:
    if value not in SUPPORTED_FORMATS:
        readable = ", ".join(str(v) for v in SUPPORTED_FORMATS)
        raise PydanticCustomError(
            "prfaq_format",
            "format {value} is not supported: this version of prfaqgen reads "
            "format {readable}; set `prfaq: 1` or upgrade prfaqgen",
            {"value": value, "readable": readable},
        )
    return value


class Spec(_Part):
    """One PR/FAQ: a press release, then the customer and internal FAQ."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="prfaqgen idea spec, format 1")

    prfaq: Annotated[
        int,
        BeforeValidator(_format),
        AfterValidator(_supported),
        Field(json_schema_extra={"enum": list(SUPPORTED_FORMATS)}),
    ] = Field(description="Marks the file as an idea spec, and its format: 1.")
    title: Inline = Field(description="The product or idea, as customers will know it.")
    meta: Meta = Field(description="Author and date of this draft (required), team, status.")
    press_release: PressRelease = Field(
        description="The press release that announces the finished product."
    )
    faq: Faq = Field(description="Customer (external) and stakeholder (internal) questions.")
    customer: Customer | None = Field(None, description="The five customer questions.")
    tenets: list[Prose] = Field(default_factory=list, description="Principles, Markdown each.")
    metrics: list[Metric] = Field(default_factory=list, description="Success metrics.")
    glossary: dict[str, Prose] = Field(default_factory=dict, description="Term -> definition.")
    appendix: list[AppendixEntry] = Field(
        default_factory=list, description="Never counted in the six-page budget."
    )
    review: Review | None = Field(None, description="What reviewers decided.")
