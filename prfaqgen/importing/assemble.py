"""What the placer found -> the spec's data, with a TODO and a gap for each part it lacks.

A missing required part is written as the same kind of ``TODO:`` text that
``prfaqgen new`` scaffolds (spec/scaffold.py), so that the spec validates and
``prfaqgen validate`` warns at each one (spec/completeness.py); a missing
recommended part is left out, as validate's recommended-part warnings expect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prfaqgen.importing.draft import Draft

PRESS_RELEASE_ORDER = (
    "headline",
    "subheadline",
    "location",
    "outlet",
    "launch_date",
    "summary",
    "problem",
    "solution",
    "leader_quote",
    "how_it_works",
    "customer_quotes",
    "call_to_action",
    "about",
)
RECOMMENDED = frozenset(
    ("subheadline", "location", "launch_date", "leader_quote", "how_it_works", "call_to_action")
)
# The scaffold's own wording (templates/new-spec.yaml.j2), so both read alike.
TODO_TEXT = {
    "summary": "TODO: Name the product and the customer, then the single most important "
    "benefit, with a number. Two to four sentences.",
    "problem": "TODO: Describe the problem as the customer lives it today, with numbers.",
    "solution": "TODO: Explain how the product removes each problem named above.",
}
TODO_QUOTE = {
    "text": "TODO: What changed for me, in my own words, with one concrete detail.",
    "name": "TODO: Full Name",
}
NO_ANSWER = "TODO: answer this question (the draft has no answer under it)."
_NO_FAQ = "no FAQ heading, 'Q:' line or numbered question in the draft"


@dataclass
class Gap:
    """A required or recommended part not found, and where in the draft the placer looked."""

    path: str
    required: bool
    where: str
    todo: bool = False

    def message(self) -> str:
        kind = "required" if self.required else "recommended"
        done = "; wrote a TODO in its place" if self.todo else ""
        return f"{kind} part not found ({self.where}){done}"


@dataclass
class Placed:
    """The spec's data, where each part came from (dotted path -> ``paragraph 7``), the gaps."""

    data: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)


@dataclass
class Found:
    """Everything the placer took from the draft, before gaps are filled."""

    title: str | None = None
    author: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    pr: dict[str, Any] = field(default_factory=dict)
    faq: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"external": [], "internal": []}
    )
    appendix: list[dict[str, str]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    looked: dict[str, str] = field(default_factory=dict)
    """Where the placer looked for a part (for the gap report)."""


def assemble(found: Found, draft: Draft, today: date) -> Placed:
    gaps: list[Gap] = []
    title = found.title or draft.title
    if not title:
        title = "TODO: the product's name, as customers will know it"
        gaps.append(Gap("title", True, "no Title style, first heading or file title", True))
    data: dict[str, Any] = {
        "prfaq": 1,
        "title": title,
        "meta": _meta(found, draft, today, gaps),
        "press_release": _press_release(found, draft, title, gaps),
        "faq": _faq(found, title, gaps),
    }
    for key in ("customer", "tenets", "metrics", "glossary"):  # the format's order
        if key in found.extra:
            data[key] = found.extra[key]
    if found.appendix:
        data["appendix"] = found.appendix
    return Placed(data, found.sources, gaps)


def _meta(found: Found, draft: Draft, today: date, gaps: list[Gap]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    author = found.author or found.meta.get("author") or draft.author
    if not author:
        where = "no 'Author:' line and no author in the file's properties"
        gaps.append(Gap("meta.author", True, where, True))
        author = "TODO: your name"
    meta["author"] = author
    if "date" in found.meta:
        meta["date"] = found.meta["date"]
    elif draft.date:
        meta["date"] = draft.date
        found.sources.setdefault("meta.date", "the file's properties")
    else:
        meta["date"] = today
        where = "no 'Date:' line and no date in the file's properties; set to today's date"
        gaps.append(Gap("meta.date", True, where))
    for key in ("team", "version", "status", "reviewers"):
        if key in found.meta:
            meta[key] = found.meta[key]
    secret = _confidentiality(draft.header, found.title or draft.title)
    if secret:
        meta["confidentiality"] = secret
        found.sources["meta.confidentiality"] = "the page header"
    if draft.keywords:
        meta["tags"] = draft.keywords
    return meta


def _confidentiality(header: str | None, title: str | None) -> str | None:
    """The marking in a page header: prfaqgen's "Title · ... · Draft · Confidential ..."."""
    if not header:
        return None
    parts = [p.strip() for p in header.split(" · ")]
    statuses = [i for i, p in enumerate(parts) if p.lower() in ("draft", "review", "final")]
    if title and parts[0] == title and statuses and statuses[-1] + 1 < len(parts):
        return " · ".join(parts[statuses[-1] + 1 :])
    if "confidential" in header.lower() and len(header.split()) <= 12:
        return header.strip()
    return None


def _press_release(found: Found, draft: Draft, title: str, gaps: list[Gap]) -> dict[str, Any]:
    everywhere = (
        f"{draft.blocks[0].where} to {draft.blocks[-1].where}" if draft.blocks else "no text"
    )
    looked = f"looked in the press release, {found.looked.get('press_release', everywhere)}"
    pr: dict[str, Any] = {}
    for key in PRESS_RELEASE_ORDER:
        if found.pr.get(key) not in ("", [], None):
            pr[key] = found.pr[key]
        elif key == "headline":
            pr[key] = f"TODO: one sentence that announces {title} in words the customer knows"
            gaps.append(Gap("press_release.headline", True, looked, True))
        elif key in TODO_TEXT:
            pr[key] = TODO_TEXT[key]
            gaps.append(Gap(f"press_release.{key}", True, looked, True))
        elif key == "customer_quotes":
            pr[key] = [dict(TODO_QUOTE)]
            where = looked.replace("looked in", "no quotation with an attribution in")
            gaps.append(Gap("press_release.customer_quotes", True, where, True))
        elif key in RECOMMENDED:
            gaps.append(Gap(f"press_release.{key}", False, looked))
    return pr


def _faq(found: Found, title: str, gaps: list[Gap]) -> dict[str, Any]:
    faq: dict[str, Any] = {}
    for group in ("external", "internal"):
        out = []
        for number, entry in enumerate(found.faq[group]):
            answer = "\n\n".join(a for a in entry["a"] if a.strip()).strip()
            if not answer:
                answer = NO_ANSWER
                where = f"no answer under the question at {entry['where']}"
                gaps.append(Gap(f"faq.{group}[{number}].a", True, where, True))
            out.append({"q": entry["q"], "a": answer})
            found.sources[f"faq.{group}[{number}]"] = entry["where"]
        if out:
            faq[group] = out
    for group in ("external", "internal"):
        if group in faq:
            continue
        where = found.looked.get(f"faq.{group}") or _NO_FAQ
        if group == "internal" and "faq.external" in found.looked:
            where = "no 'Internal FAQ' heading; the draft's questions went to the customer FAQ"
        gaps.append(Gap(f"faq.{group}", False, where))
    if not faq:
        faq["external"] = [
            {
                "q": f"How much does {title} cost?",
                "a": "TODO: The price and what it includes, with numbers.",
            }
        ]
        gaps.append(Gap("faq", True, _NO_FAQ, True))
    return faq
