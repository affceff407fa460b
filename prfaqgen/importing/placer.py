"""Map a read draft onto the parts of a format-1 spec.

Cues, strongest first: the hidden field marks and the styles of prfaqgen's own
DOCX (Headline, Subtitle, Quotation, Attribution); section labels (Word
headings, Markdown headings, bold lines, ``Problem:`` at a paragraph's start);
then the order a press release is written in (working-backwards.md): dateline
and summary, problem, solution, leader quote, how it works, customer quotes,
call to action, about. Between the summary and the solution, a paragraph that
names the product belongs to the summary or the solution, one that does not to
the problem: the method says the problem paragraph must not describe the
solution. Nothing is dropped: what has no place becomes an appendix entry.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from prfaqgen.importing import cues
from prfaqgen.importing.assemble import Found, Placed, assemble
from prfaqgen.importing.draft import Block, Draft
from prfaqgen.importing.faq import read_faq, starts_faq
from prfaqgen.importing.quotes import leader_of, quote_at, quotes_in
from prfaqgen.importing.sections import (
    BODY_PARTS,
    FAQ_KEYS,
    MEANINGFUL_STYLES,
    Section,
    split_sections,
)
from prfaqgen.importing.supporting import read_customer, read_glossary, read_metrics

# "Author: X", "**Author:** X", "**Author**: X": the colon is what makes it a label.
_META = re.compile(
    r"^\s*(?:\*\*|__)?(author|owner|date|team|version|status|reviewers?)"
    r"\s*(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.+?)\s*$",
    re.IGNORECASE,
)
# Only the top of a draft says who wrote it; a "Date:" line in an answer is the answer's.
_META_BLOCKS = 8
_HOW_CUE = re.compile(
    r"\b(get(ting)? started|to start|sign up|step 1|first,|how it works)\b", re.IGNORECASE
)
_LAUNCH_VERB = re.compile(
    r"\b(launch(es|ed)?|announc(es|ed)|introduc(es|ed)|unveil(s|ed)|release(s|d))\b", re.IGNORECASE
)
_ABOUT = re.compile(r"^\s*(\*\*|__|#+ )?About\b")


def place(
    draft: Draft, title: str | None = None, author: str | None = None, today: date | None = None
) -> Placed:
    """The spec's data for ``draft``; ``title`` and ``author`` win over what the draft says."""
    placer = _Placer(draft, Found(title=title, author=author))
    placer.run()
    return assemble(placer.found, draft, today or date.today())


class _Placer:
    def __init__(self, draft: Draft, found: Found) -> None:
        self.draft = draft
        self.found = found
        self.pr = found.pr
        self._subtitle: Block | None = None

    def run(self) -> None:
        top = self.draft.blocks[:_META_BLOCKS]
        blocks = [b for b in top if not self._meta_line(b)] + self.draft.blocks[_META_BLOCKS:]
        sections = split_sections(blocks)
        labeled = {s.key.split("[")[0] for s in sections}
        if "press_release" in {s.key for s in sections[1:]} and sections[0].blocks:
            self._preamble(sections.pop(0).blocks)
        for section in sections:
            self._place_section(section, labeled)

    def _preamble(self, blocks: list[Block]) -> None:
        """What stands before a "Press release" heading: a title, a subtitle, notes."""
        rest = list(blocks)
        top = rest[0]
        if top.kind == "heading" and top.level <= 1 and len(top.plain.split()) <= 6:
            self.found.title = self.found.title or top.plain
            self.found.sources.setdefault("title", top.where)
            rest.pop(0)
            under = rest[0] if rest else None
            if under is not None and under.kind == "para" and len(under.plain.split()) <= 30:
                self._subtitle = rest.pop(0)
        if rest:
            self._appendix(rest, "Before the press release")

    def _title_from_headline(self, headline: str) -> None:
        """ "Acme launches Ledger, a ..." -> "Ledger": a guess the YAML comment asks to check."""
        match = _LAUNCH_VERB.search(headline)
        if not match:
            return
        tail = re.split(
            r",|:| to | that | with | - | – |\.(?:\s|$)", headline[match.end() :], flags=re.I
        )
        name = re.sub(r"^(the|its|their|a|an|new)\s+", "", tail[0].strip(), flags=re.I)
        name = re.sub(r"^(the|its|a|an|new)\s+", "", name, flags=re.I).strip(" *_")
        if name and len(name.split()) <= 8:
            self.found.title = name
            where = f"the headline, the words after '{match.group()}': check it"
            self.found.sources["title"] = where

    def _meta_line(self, block: Block) -> bool:
        """``Author: X`` lines (or prfaqgen's ``Author: X · Date: ...``) fill ``meta``."""
        if block.kind != "para" or block.style in MEANINGFUL_STYLES - {"Document Info"}:
            return False
        lines = [p for line in block.markdown.split("\n") for p in line.rstrip("\\").split(" · ")]
        found = {}
        for line in lines:
            match = _META.match(line)
            if not match:
                return False
            found[match.group(1).lower()] = match.group(2).replace("**", "").strip()
        meta = self.found.meta
        for key, value in found.items():
            if key in ("author", "owner"):
                meta.setdefault("author", value)
            elif key == "date" and cues.parse_date(value):
                meta["date"] = cues.parse_date(value)
            elif key in ("team", "version"):
                meta[key] = value
            elif key == "status" and value.lower() in ("draft", "review", "final"):
                meta["status"] = value.lower()
            elif key.startswith("reviewer"):
                meta["reviewers"] = [r.strip() for r in value.split(",") if r.strip()]
        self.found.sources.setdefault("meta", block.where)
        return True

    def _place_section(self, section: Section, labeled: set[str]) -> None:
        key, blocks, label = section.key, section.blocks, section.label
        where = label.where if label else (blocks[0].where if blocks else "")
        if key == "press_release":
            self._press_release(blocks, labeled)
        elif key == "press_release_rest":
            if blocks:
                self._body(blocks, labeled | {"summary", "problem"}, opening=False)
        elif key in ("headline", "subheadline"):
            if any(b.plain for b in blocks):
                self._set(key, _one_line(blocks), where)
        elif key in BODY_PARTS:
            if key == "summary" and blocks:
                blocks = self._take_dateline(blocks)
            self._add_text(key, blocks)
        elif key.split("[")[0] in ("leader_quote", "customer_quotes"):
            key = key.split("[")[0]
            quotes = [q for q in quotes_in(blocks) if q.text]
            if key == "leader_quote" and quotes:
                self._set_quote("leader_quote", quotes.pop(0))
            for quote in quotes:
                self._set_quote("customer_quotes", quote)
        elif key in FAQ_KEYS:
            internal = key == "faq_internal" or (
                key == "faq" and label is not None and "internal" in label.plain.lower()
            )
            group = "internal" if internal else "external"
            self.found.looked[f"faq.{group}"] = (
                f"under '{label.plain if label else 'FAQ'}', {where}"
            )
            intro = read_faq(blocks, group, self.found.faq)
            if intro:
                heading = label.plain if label else "FAQ"
                self._appendix(intro, f"{heading}: text before the first question")
        elif key in ("tenets", "customer", "glossary", "metrics"):
            self._supporting(key, blocks, label, where)
        elif key == "appendix":
            self._appendix(blocks, None)
        elif blocks or label:
            self._appendix(blocks, label.plain if label else "From the draft")

    def _supporting(self, key: str, blocks: list[Block], label: Block | None, where: str) -> None:
        """Tenets, the five customer questions, glossary, metrics; the rest to the appendix."""
        value: Any
        if key == "tenets":
            lists = [b for b in blocks if b.kind == "list"]
            value = [i.markdown for b in lists[:1] for i in b.items]
            left = [b for b in blocks if b not in lists[:1]]
        elif key == "customer":
            value, left = read_customer(blocks)
        elif key == "glossary":
            value, left = read_glossary(blocks)
        else:
            value, left = read_metrics(blocks)
        if value and key not in self.found.extra:
            self.found.extra[key] = value
            self.found.sources[key] = where
        else:
            left = blocks
        if left:
            self._appendix(left, label.plain if label else key.capitalize())

    # ---- the press release
    def _press_release(self, blocks: list[Block], labeled: set[str]) -> None:
        """Title, headline and subheadline from the top of the draft; the rest is the body."""
        rest = list(blocks)
        headings = []
        while rest and (
            rest[0].kind == "heading"
            or (cues.bold_line(rest[0].markdown) and rest[0].style not in MEANINGFUL_STYLES)
        ):
            headings.append(rest.pop(0))
        styled = next((b for b in blocks if b.style == "Headline"), None)
        if styled is not None:  # prfaqgen's own DOCX: Title, Section Label, Headline
            titles = [b for b in headings if b.style == "Title"]
            if titles and not self.found.title:
                self.found.title = titles[0].plain
            rest = [b for b in blocks if b.kind != "heading"]
            self._set("headline", _one_line([styled]), styled.where)
        elif headings:
            head, extra = headings[0], headings[1:]
            if len(headings) >= 2:
                self.found.title = self.found.title or head.plain
                head, extra = headings[1], headings[2:]
            elif len(head.plain.split()) <= 5 and rest and _headline_like(rest[0]):
                self.found.title = self.found.title or head.plain
                head = rest.pop(0)
            if "headline" not in labeled:
                self._set("headline", _one_line([head]), head.where)
            rest = extra + rest
        elif rest and "headline" not in labeled and _headline_like(rest[0]):
            head = rest.pop(0)  # no heading: a short first line, maybe a subheadline under it
            line, _, second = head.markdown.replace("\\\n", "\n").partition("\n")
            self._set("headline", _one_line([Block("para", line, line, head.where)]), head.where)
            if second.strip() and "\n" not in second.strip():
                rest.insert(0, Block("para", second.strip(), second.strip(), head.where))
        if "subheadline" not in labeled:
            first = rest[0] if rest else None
            if first is not None and "headline" in self.pr and _subheadline_like(rest):
                rest.pop(0)
                self._set("subheadline", _one_line([first]), first.where)
            elif self._subtitle is not None:  # the line under the title, before the press release
                self._set("subheadline", _one_line([self._subtitle]), self._subtitle.where)
        if rest:
            self.found.looked["press_release"] = f"{rest[0].where} to {rest[-1].where}"
            self._body(rest, labeled)

    def _body(self, blocks: list[Block], labeled: set[str], opening: bool = True) -> None:
        """Unlabelled press-release text, placed by the order a press release is written in."""
        runs: list[list[Block]] = [[]]
        quotes: list[cues.Quote] = []
        index = 0
        while index < len(blocks):
            if starts_faq(blocks[index]):  # "Q:" lines with no FAQ heading before them
                self.found.looked.setdefault("faq.external", f"from {blocks[index].where}")
                intro = read_faq(blocks[index:], "external", self.found.faq)
                runs[-1].extend(intro)
                break
            quote, used = quote_at(blocks, index)
            if quote is not None:
                quotes.append(quote)
                runs.append([])
                index += used
                continue
            runs[-1].append(blocks[index])
            index += 1
        leader = None
        if "leader_quote" not in labeled:
            leader = leader_of(quotes, len(runs) > 2 and bool(runs[1]), self._company())
        for number, quote in enumerate(quotes):
            self._set_quote("leader_quote" if number == leader else "customer_quotes", quote)
        before = runs[0]
        middle = [b for run in runs[1:-1] for b in run]
        after = runs[-1] if len(runs) > 1 else []
        how: list[Block] = []
        if leader is None:  # no leader quote to end the solution: a how-to cue does
            cut = next((i for i, b in enumerate(before) if i > 2 and _how_to(b)), None)
            if cut is not None:
                before, how = before[:cut], before[cut:]
        if opening:
            self._opening(before, labeled)
        else:
            how = before + how
        how += middle
        if how:
            self._add_text("how_it_works" if "how_it_works" not in labeled else "solution", how)
        about = next((i for i, b in enumerate(after) if _ABOUT.match(b.markdown)), len(after))
        self._add_text("call_to_action", after[:about])
        self._about(after[about:])

    def _about(self, blocks: list[Block]) -> None:
        if not blocks:
            return
        first = blocks[0]
        body = re.sub(r"^\s*(\*\*|__|#+ )?About\b[^\n]*?(\*\*|__)?$", "", first.markdown).strip()
        if body and body != first.markdown.strip():
            blocks = [Block("para", body, body, first.where), *blocks[1:]]
        elif not body:
            blocks = blocks[1:]
        self._add_text("about", blocks)

    def _opening(self, blocks: list[Block], labeled: set[str]) -> None:
        """Summary, problem and solution from the paragraphs before the first quote."""
        if not blocks:
            return
        blocks = self._take_dateline(blocks)
        mentions = [self._mentions_product(b.plain) for b in blocks]
        n = len(blocks)
        summary_end = 1
        while summary_end < n - 2 and mentions[summary_end]:
            summary_end += 1
        problem_end = min(summary_end + 1, n)
        # The problem runs to the first paragraph that names the product; if none does,
        # it is one paragraph and the rest is the solution.
        if any(mentions[problem_end:]):
            while problem_end < n - 1 and not mentions[problem_end]:
                problem_end += 1
        parts = {
            "summary": blocks[:summary_end],
            "problem": blocks[summary_end:problem_end],
            "solution": blocks[problem_end:],
        }
        carry: list[Block] = []
        for name, chunk in parts.items():
            chunk = carry + chunk
            carry = chunk if name in labeled else []
            if name not in labeled:
                self._add_text(name, chunk)
        if carry:
            self._add_text("solution" if "solution" not in labeled else "summary", carry)

    def _take_dateline(self, blocks: list[Block]) -> list[Block]:
        found = cues.dateline(blocks[0].markdown)
        if found is None or "location" in self.pr:
            return blocks
        where = blocks[0].where
        self._set("location", found.location, where)
        if found.outlet:
            self._set("outlet", found.outlet, where)
        if found.launch_date:
            self._set("launch_date", found.launch_date, where)
        first = Block("para", found.rest, found.rest, where)
        return [first, *blocks[1:]] if found.rest else blocks[1:]

    def _mentions_product(self, text: str) -> bool:
        lowered = text.lower()
        names = [n for n in (self.found.title, self.draft.title) if n]
        if any(n.lower() in lowered for n in names):
            return True
        heads = {n.split()[-1].lower() for n in names if n.split()}
        return any(re.search(rf"\b(the|our|this|new) {re.escape(h)}\b", lowered) for h in heads)

    def _company(self) -> str | None:
        """The launching company: the headline's subject ("Acme launches ..."), or the author."""
        headline = self.pr.get("headline", "")
        match = _LAUNCH_VERB.search(headline)
        if match and match.start() > 0:
            return str(headline[: match.start()]).strip(" *_,")
        found = self.found
        return found.meta.get("author") or found.author or self.draft.author

    def _set_quote(self, key: str, quote: cues.Quote) -> None:
        entry: dict[str, Any] = {"text": quote.text}
        if quote.name:
            entry["name"] = quote.name
        if quote.role:
            entry["role"] = quote.role
        if not quote.name and not quote.role:
            entry["name"] = "TODO: who said this (the draft names nobody)"
        if key == "leader_quote":
            self.pr["leader_quote"] = entry
            self.found.sources["press_release.leader_quote"] = quote.where
        else:
            quotes = self.pr.setdefault("customer_quotes", [])
            self.found.sources[f"press_release.customer_quotes[{len(quotes)}]"] = quote.where
            quotes.append(entry)

    # ---- appendix and text parts
    def _appendix(self, blocks: list[Block], title: str | None) -> None:
        """Entries: one titled ``title``, or one per top-level heading inside ``blocks``."""
        if title is not None:
            self._add_appendix(title, blocks, blocks[0].where if blocks else "")
            return
        headings = [b for b in blocks if b.kind == "heading"]
        top = min((b.level for b in headings), default=0)
        entries: list[tuple[str, list[Block], str]] = []
        for block in blocks:
            if block.kind == "heading" and block.level == top:
                # prfaqgen's DOCX letters its entries: "A. Financial model".
                entries.append((re.sub(r"^[A-Z]\.\s+", "", block.plain), [], block.where))
            elif not entries:
                entries.append(("Appendix", [block], block.where))
            else:
                entries[-1][1].append(block)
        for entry in entries:
            self._add_appendix(*entry)

    def _add_appendix(self, title: str, blocks: list[Block], where: str) -> None:
        base = min((b.level for b in blocks if b.kind == "heading"), default=1) - 1
        parts = [
            ("#" * max(1, min(6, b.level - base)) + " " + b.markdown)
            if b.kind == "heading"
            else b.markdown
            for b in blocks
        ]
        body = "\n\n".join(parts).strip() or "(the draft has a heading here and no text under it)"
        self.found.sources[f"appendix[{len(self.found.appendix)}]"] = where
        self.found.appendix.append({"title": title.strip() or "From the draft", "body": body})

    def _add_text(self, key: str, blocks: list[Block]) -> None:
        text = "\n\n".join(b.markdown for b in blocks if b.markdown.strip())
        if not text:
            return
        if isinstance(self.pr.get(key), str):
            self.pr[key] += "\n\n" + text
        else:
            self._set(key, text, blocks[0].where)

    def _set(self, key: str, value: Any, where: str) -> None:
        self.pr[key] = value
        self.found.sources.setdefault(f"press_release.{key}", where)
        if key == "headline" and not self.found.title and not self.draft.title:
            self._title_from_headline(value)


def _headline_like(block: Block) -> bool:
    """A short paragraph right under a short title, with no dateline: the headline."""
    return (
        block.kind == "para"
        and len(block.plain.split()) <= 30
        and not cues.dateline(block.markdown)
        and not cues.leading_label(block.markdown)
    )


def _subheadline_like(rest: list[Block]) -> bool:
    """Under the headline: a Subtitle, an italic line, or a short line before a dateline."""
    first = rest[0]
    italic = re.fullmatch(r"\s*([*_])[^*_\n]+\1\s*", first.markdown)
    next_dated = len(rest) > 1 and cues.dateline(rest[1].markdown)
    short = first.kind == "para" and len(first.plain.split()) <= 40
    return bool(
        first.style == "Subtitle" or italic or first.kind == "heading" or (next_dated and short)
    )


def _how_to(block: Block) -> bool:
    return bool(_HOW_CUE.search(block.plain)) or (block.kind == "list" and block.ordered)


def _one_line(blocks: list[Block]) -> str:
    text = " ".join(b.markdown.replace("\\\n", " ").replace("\n", " ") for b in blocks).strip()
    match = re.fullmatch(r"(\*\*|__|\*|_)([^*_]+)\1", text)
    return match.group(2).strip() if match else text
