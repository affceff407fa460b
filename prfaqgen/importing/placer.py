"""Map a read draft onto the parts of a format-1 spec, and say what it could not find.

Cues, strongest first: the styles prfaqgen's own DOCX uses (Headline, Subtitle,
Quotation, Attribution); section labels (Word headings, Markdown headings, bold
lines, ``Problem:`` at a paragraph's start); then the order a press release is
written in (working-backwards.md): dateline and summary, problem, solution,
leader quote, how it works, customer quotes, call to action. Between the
summary and the solution, a paragraph that names the product is the summary's
or the solution's, one that does not is the problem's: the method says the
problem paragraph must not describe the solution. Nothing is dropped: what
has no place becomes an appendix entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prfaqgen.importing import cues
from prfaqgen.importing.draft import Block, Draft

_BODY_PARTS = ("summary", "problem", "solution", "how_it_works", "call_to_action", "about")
_META = re.compile(
    r"^\s*(?:\*\*|__)?(author|owner|date|team|version|status|reviewers?)\s*:?(?:\*\*|__)?\s*:?\s*(.+?)\s*$",
    re.IGNORECASE,
)
_HOW_CUE = re.compile(
    r"\b(get(ting)? started|to start|sign up|step 1|first,|how it works)\b", re.IGNORECASE
)
_LAUNCH_VERB = re.compile(
    r"\b(launch(es|ed)?|announc(es|ed)|introduc(es|ed)|unveil(s|ed)|release(s|d))\b", re.IGNORECASE
)


@dataclass
class Gap:
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
    data: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)


@dataclass
class _Section:
    key: str
    label: Block | None
    blocks: list[Block] = field(default_factory=list)


def place(
    draft: Draft, title: str | None = None, author: str | None = None, today: date | None = None
) -> Placed:
    return _Placer(draft, title, author, today or date.today()).run()


class _Placer:
    def __init__(self, draft: Draft, title: str | None, author: str | None, today: date) -> None:
        self.draft = draft
        self.today = today
        self.meta: dict[str, Any] = {}
        self.pr: dict[str, Any] = {}
        self.faq: dict[str, list[dict[str, str]]] = {"external": [], "internal": []}
        self.appendix: list[dict[str, str]] = []
        self.extra: dict[str, Any] = {}
        self.sources: dict[str, str] = {}
        self.gaps: list[Gap] = []
        self.title = title
        self.author = author
        self.looked: dict[str, str] = {}

    # ---- sections
    def run(self) -> Placed:
        sections = self._sections([b for b in self.draft.blocks if not self._meta_line(b)])
        labeled = {s.key for s in sections}
        for section in sections:
            self._place_section(section, labeled)
        return self._finish()

    def _sections(self, blocks: list[Block]) -> list[_Section]:
        sections = [_Section("press_release", None)]
        region = "press_release"
        label_level = 9
        for block in blocks:
            label = None
            rest: Block | None = None
            if block.kind == "heading":
                label = block.plain
            elif block.kind == "para" and block.style in ("", "Normal"):
                label = cues.bold_line(block.markdown)
                if label is None and region == "press_release":
                    leading = cues.leading_label(block.markdown)
                    if leading and leading[0] in _BODY_PARTS + (
                        "leader_quote",
                        "customer_quotes",
                        "subheadline",
                    ):
                        sections.append(_Section(leading[0], block))
                        rest = Block("para", leading[1], leading[1], block.where)
                        sections[-1].blocks.append(rest)
                        # What follows an inline label is read in press-release order again.
                        sections.append(_Section("press_release_rest", None))
                        continue
            key = cues.label_key(label) if label else None
            if block.style in ("Headline", "Title", "Section Label") and key not in (
                "press_release",
            ):
                key = None
            if key is None and block.kind == "heading" and block.style not in ("Headline", "Title"):
                if region in ("faq", "faq_external", "faq_internal") and not (
                    block.level <= label_level and not block.plain.rstrip().endswith("?")
                ):
                    key = None  # a question
                elif region == "appendix":
                    key = None  # an appendix entry's heading
                elif block.level and block.level <= 2 and self._body_started(sections):
                    key = "other"
            if key is None:
                sections[-1].blocks.append(block)
                continue
            if key == "faq" and region in ("faq_external", "faq_internal"):
                sections[-1].blocks.append(block)
                continue
            if key in ("faq", "faq_external", "faq_internal", "appendix", "other"):
                region = "appendix" if key == "other" else key
                label_level = block.level if block.kind == "heading" else 9
            sections.append(_Section(key, block))
        return sections

    def _body_started(self, sections: list[_Section]) -> bool:
        return (
            any(
                b.kind != "heading" and b.style not in ("Subtitle", "Document Info")
                for s in sections
                for b in s.blocks
            )
            or len(sections) > 1
        )

    def _meta_line(self, block: Block) -> bool:
        """``Author: X`` lines (or prfaqgen's ``Author: X · Date: ...``) fill ``meta``."""
        if block.kind != "para" or (block.style and block.style != "Document Info"):
            return False
        lines = [p for line in block.markdown.split("\n") for p in line.rstrip("\\").split(" · ")]
        found = {}
        for line in lines:
            match = _META.match(line)
            if not match:
                return False
            found[match.group(1).lower()] = match.group(2).replace("**", "").strip()
        for key, value in found.items():
            if key in ("author", "owner") and "author" not in self.meta:
                self.meta["author"] = value
            elif key == "date" and cues.parse_date(value):
                self.meta["date"] = cues.parse_date(value)
            elif key == "team":
                self.meta["team"] = value
            elif key == "version":
                self.meta["version"] = value
            elif key == "status" and value.lower() in ("draft", "review", "final"):
                self.meta["status"] = value.lower()
            elif key.startswith("reviewer"):
                self.meta["reviewers"] = [r.strip() for r in value.split(",") if r.strip()]
        self.sources.setdefault("meta", block.where)
        return True

    # ---- placing one section
    def _place_section(self, section: _Section, labeled: set[str]) -> None:
        key, blocks = section.key, section.blocks
        where = section.label.where if section.label else (blocks[0].where if blocks else "")
        if key == "press_release":
            self._press_release(blocks, labeled)
        elif key == "press_release_rest":
            if blocks:
                self._body(blocks, labeled | {"summary", "problem"}, opening=False)
        elif key in ("headline", "subheadline"):
            text = " ".join(b.plain for b in blocks).strip()
            if text:
                self._set(("press_release", key), _one_line(blocks), where)
        elif key in _BODY_PARTS:
            if key == "summary" and blocks:
                blocks = self._take_dateline(blocks)
            if blocks:
                self._add_text(key, blocks)
        elif key in ("leader_quote", "customer_quotes"):
            quotes = self._quotes(blocks)
            leftovers = [q for q in quotes if q.text]
            if key == "leader_quote" and leftovers:
                self._set_quote("leader_quote", leftovers[0])
                leftovers = leftovers[1:]
            for quote in leftovers:
                self._set_quote("customer_quotes", quote)
        elif key.startswith("faq"):
            group = "internal" if key == "faq_internal" else "external"
            if key == "faq" and section.label and "internal" in section.label.plain.lower():
                group = "internal"
            self.looked[f"faq.{group}"] = (
                f"under '{section.label.plain if section.label else 'FAQ'}', {where}"
            )
            self._faq(group, blocks, section)
        elif key == "tenets":
            items = [i.markdown for b in blocks for i in (b.items or [b])]
            if items:
                self.extra["tenets"] = items
                self.sources["tenets"] = where
        elif key == "appendix":
            self._appendix(blocks, None)
        else:
            title = section.label.plain if section.label else "From the draft"
            if blocks or section.label:
                self._appendix(blocks, title)

    def _press_release(self, blocks: list[Block], labeled: set[str]) -> None:
        rest = list(blocks)
        headings = []
        while rest and (
            rest[0].kind == "heading" or (cues.bold_line(rest[0].markdown) and rest[0].style in ("", "Normal"))
        ):
            headings.append(rest.pop(0))
        styled = next((b for b in blocks if b.style == "Headline"), None)
        if styled is not None:
            titles = [b for b in headings if b.style == "Title"]
            if titles and not self.title:
                self.title = titles[0].plain
            rest = [b for b in blocks if b.kind != "heading"]
            headings = [
                b for b in headings if b.style not in ("Title", "Section Label", "Headline")
            ]
            self._set(("press_release", "headline"), _one_line([styled]), styled.where)
        elif headings:
            if len(headings) >= 2:
                if not self.title:
                    self.title = headings[0].plain
                head = headings[1]
                extra = headings[2:]
            else:
                head, extra = headings[0], []
                if (
                    len(head.plain.split()) <= 5
                    and rest
                    and rest[0].kind == "para"
                    and len(rest[0].plain.split()) <= 30
                    and not cues.dateline(rest[0].markdown)
                ):
                    if not self.title:
                        self.title = head.plain
                    head = rest.pop(0)
            if "headline" not in labeled:
                self._set(("press_release", "headline"), _one_line([head]), head.where)
            rest = extra + rest
        if rest and "subheadline" not in labeled and "headline" in self.pr:
            first = rest[0]
            italic = re.fullmatch(r"\s*([*_])[^*_\n]+\1\s*", first.markdown)
            next_dated = len(rest) > 1 and cues.dateline(rest[1].markdown)
            if (
                first.style == "Subtitle"
                or italic
                or first.kind == "heading"
                or (next_dated and first.kind == "para" and len(first.plain.split()) <= 40)
            ):
                rest.pop(0)
                self._set(("press_release", "subheadline"), _one_line([first]), first.where)
        if rest:
            self.looked["press_release"] = f"{rest[0].where} to {rest[-1].where}"
            self._body(rest, labeled)

    # ---- the press release body without labels
    def _body(self, blocks: list[Block], labeled: set[str], opening: bool = True) -> None:
        runs: list[list[Block]] = [[]]
        quotes: list[cues.Quote] = []
        index = 0
        faq_start = None
        while index < len(blocks):
            block = blocks[index]
            if cues.question_text(block.markdown) and block.kind == "para":
                faq_start = index
                break
            quote, used = self._quote_at(blocks, index)
            if quote is not None:
                quotes.append(quote)
                runs.append([])
                index += used
                continue
            runs[-1].append(block)
            index += 1
        if faq_start is not None:
            self.looked.setdefault("faq.external", f"after {blocks[faq_start].where}")
            self._faq("external", blocks[faq_start:], None)
        leader = self._leader(quotes, runs) if "leader_quote" not in labeled else None
        if leader is not None:
            self._set_quote("leader_quote", quotes[leader])
        for number, quote in enumerate(quotes):
            if number != leader:
                self._set_quote("customer_quotes", quote)
        before = runs[0]
        middle = [b for run in runs[1:-1] for b in run]
        after = runs[-1] if len(runs) > 1 else []
        how: list[Block] = []
        if leader is None and before:
            cut = next(
                (
                    i
                    for i, b in enumerate(before)
                    if i > 2 and (_HOW_CUE.search(b.plain) or (b.kind == "list" and b.ordered))
                ),
                None,
            )
            if cut is not None:
                before, how = before[:cut], before[cut:]
        if opening:
            self._opening(before, labeled)
        else:
            how = before + how
        how += middle
        if how:
            self._add_text("how_it_works" if "how_it_works" not in labeled else "solution", how)
        if after:
            about = next(
                (
                    i
                    for i, b in enumerate(after)
                    if re.match(r"^\s*(\*\*|__|#+ )?About\b", b.markdown)
                ),
                None,
            )
            cta, tail = (after[:about], after[about:]) if about is not None else (after, [])
            if cta:
                self._add_text("call_to_action", cta)
            if tail:
                first = tail[0]
                body = re.sub(
                    r"^\s*(\*\*|__)?About\b[^\n]*?(\*\*|__)?$", "", first.markdown
                ).strip()
                if body and body != first.markdown.strip():
                    tail = [Block("para", body, body, first.where), *tail[1:]]
                elif not body:
                    tail = tail[1:]
                if tail:
                    self._add_text("about", tail)

    def _opening(self, blocks: list[Block], labeled: set[str]) -> None:
        """Summary, problem and solution from the paragraphs before the first quote."""
        if not blocks:
            return
        blocks = self._take_dateline(blocks)
        mentions = [self._mentions_product(b.plain) for b in blocks]
        n = len(blocks)
        k = 1
        while k < n - 2 and mentions[k]:
            k += 1
        end = k + 1 if k < n else k
        while end < n - 1 and not mentions[end]:
            end += 1
        parts = {"summary": blocks[:k], "problem": blocks[k:end], "solution": blocks[end:]}
        carry: list[Block] = []
        for name in ("summary", "problem", "solution"):
            chunk = carry + parts[name]
            carry = []
            if name in labeled:
                carry = chunk
                continue
            if chunk:
                self._add_text(name, chunk)
        if carry:
            self._add_text("solution" if "solution" not in labeled else "summary", carry)

    def _take_dateline(self, blocks: list[Block]) -> list[Block]:
        found = cues.dateline(blocks[0].markdown)
        if found is None or "location" in self.pr:
            return blocks
        self._set(("press_release", "location"), found.location, blocks[0].where)
        if found.outlet:
            self._set(("press_release", "outlet"), found.outlet, blocks[0].where)
        if found.launch_date:
            self._set(("press_release", "launch_date"), found.launch_date, blocks[0].where)
        first = Block("para", found.rest, found.rest, blocks[0].where)
        return [first, *blocks[1:]] if found.rest else blocks[1:]

    def _mentions_product(self, text: str) -> bool:
        lowered = text.lower()
        names = [n for n in (self.title, self.draft.title) if n]
        if any(n.lower() in lowered for n in names):
            return True
        heads = {n.split()[-1].lower() for n in names if n.split()}
        return any(re.search(rf"\b(the|our|this|new) {re.escape(h)}\b", lowered) for h in heads)

    # ---- quotes
    def _quote_at(self, blocks: list[Block], index: int) -> tuple[cues.Quote | None, int]:
        start = index
        block = blocks[index]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        attributed = after is not None and (
            after.attribution or (after.kind == "para" and cues.is_attribution(after.markdown))
        )
        if block.kind == "quote":
            body = re.sub(r"^> ?", "", block.markdown, flags=re.MULTILINE).strip()
            found = cues.quote_in(body) or (cues.unquote(body), None)
            inside = self._quote_continues(blocks, index) if found[1] is None else []
            if inside:
                text = "\n\n".join([found[0], *(b.markdown for b in inside)])
                found = (cues.unquote(text), None)
                after = blocks[index + 1 + len(inside)]
                attributed = True
                index += len(inside)
        elif block.kind == "para" and not block.attribution:
            found = cues.quote_in(block.markdown)
            if found is None or (found[1] is None and not attributed):
                return None, 0
        else:
            return None, 0
        text, attr = found
        used = 1 + (index - start)
        if attr is None and attributed and after is not None:
            attr = after.markdown
            used += 1
        name, role = cues.split_attribution(attr or "")
        return cues.Quote(text, name, role, block.where), used

    @staticmethod
    def _quote_continues(blocks: list[Block], index: int) -> list[Block]:
        """A list or paragraphs inside a quotation, up to its attribution line."""
        for end in range(index + 1, min(len(blocks), index + 8)):
            if blocks[end].attribution:
                inside = blocks[index + 1 : end]
                ok = all(b.kind in ("list", "quote", "para", "table") for b in inside)
                return inside if ok else []
            if blocks[end].kind == "heading":
                return []
        return []

    def _quotes(self, blocks: list[Block]) -> list[cues.Quote]:
        out = []
        index = 0
        while index < len(blocks):
            quote, used = self._quote_at(blocks, index)
            if quote is None:
                block = blocks[index]
                quote = cues.Quote(cues.unquote(block.markdown), None, None, block.where)
                used = 1
            out.append(quote)
            index += used
        return out

    def _leader(self, quotes: list[cues.Quote], runs: list[list[Block]]) -> int | None:
        if not quotes:
            return None
        scores = [self._leader_score(q) for q in quotes]
        if len(quotes) == 1:
            return 0 if scores[0] >= 3 else None
        separated = bool(runs[1])
        return 0 if scores[0] >= 1 or (separated and scores[0] >= scores[1]) else None

    def _leader_score(self, quote: cues.Quote) -> int:
        attr = " ".join(p for p in (quote.name, quote.role) if p)
        score = 0
        company = self._company()
        if company and company.lower() in attr.lower():
            score += 2
        if cues.LEADER_TITLE.search(attr):
            score += 1
        if cues.COMPANY_VOICE.search(quote.text):
            score += 2
        return score

    def _company(self) -> str | None:
        headline = self.pr.get("headline", "")
        match = _LAUNCH_VERB.search(headline)
        if match and match.start() > 0:
            return headline[: match.start()].strip(" *_,")
        return self.meta.get("author") or self.author or self.draft.author

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
            self.sources["press_release.leader_quote"] = quote.where
        else:
            quotes = self.pr.setdefault("customer_quotes", [])
            self.sources[f"press_release.customer_quotes[{len(quotes)}]"] = quote.where
            quotes.append(entry)

    # ---- FAQ
    def _faq(self, group: str, blocks: list[Block], section: _Section | None) -> None:
        entries = self.faq[group]
        current: dict[str, Any] | None = None
        intro: list[Block] = []
        for block in blocks:
            label = cues.label_key(block.plain) if block.kind == "heading" else None
            if label in ("faq_internal", "faq_external"):
                group = "internal" if label == "faq_internal" else "external"
                entries = self.faq[group]
                current = None
                continue
            question, answer = self._question(block)
            if question is not None:
                current = {"q": question, "a": [answer] if answer else [], "where": block.where}
                entries.append(current)
            elif (
                block.kind == "list"
                and block.items
                and all(i.plain.split("?")[0] != i.plain for i in block.items)
            ):
                for item in block.items:
                    head, _, tail = item.markdown.partition("\n")
                    current = {
                        "q": cues.strip_question_number(head),
                        "a": [tail.strip()] if tail.strip() else [],
                        "where": item.where,
                    }
                    entries.append(current)
            elif current is not None:
                text = (
                    cues.strip_answer_label(block.markdown) if not current["a"] else block.markdown
                )
                current["a"].append(text)
            else:
                intro.append(block)
        if intro:
            title = f"{section.label.plain if section and section.label else 'FAQ'}: text before the first question"
            self._appendix(intro, title)

    def _question(self, block: Block) -> tuple[str | None, str | None]:
        if block.kind == "heading":
            return cues.strip_question_number(block.markdown), None
        if block.kind != "para":
            return None, None
        bold = cues.bold_line(block.markdown)
        if bold and bold.rstrip().endswith("?"):
            return cues.strip_question_number(bold), None
        text = cues.question_text(block.markdown)
        if text is not None:
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if i and cues.answer_label(line):
                    question = " ".join(l.rstrip("\\ ") for l in lines[:i])
                    answer = cues.strip_answer_label("\n".join(lines[i:]))
                    return question.strip(), answer.strip()
            if len(lines) > 1 and lines[0].rstrip("\\ ").endswith("?"):
                return lines[0].rstrip("\\ "), "\n".join(lines[1:]).strip()
            return " ".join(l.rstrip("\\ ") for l in lines).strip(), None
        numbered = cues.numbered_question(block.markdown)
        if numbered:
            return numbered, None
        return None, None

    # ---- appendix and text parts
    def _appendix(self, blocks: list[Block], title: str | None) -> None:
        if title is not None:
            self._add_appendix(title, blocks, blocks[0].where if blocks else "")
            return
        headings = [b for b in blocks if b.kind == "heading"]
        if not headings:
            if blocks:
                self._add_appendix("Appendix", blocks, blocks[0].where)
            return
        top = min(b.level for b in headings)
        current: tuple[str, list[Block], str] | None = None
        lead: list[Block] = []
        for block in blocks:
            if block.kind == "heading" and block.level == top:
                if current:
                    self._add_appendix(*current)
                current = (re.sub(r"^[A-Z]\.\s+", "", block.plain), [], block.where)
            elif current is None:
                lead.append(block)
            else:
                current[1].append(block)
        if lead:
            self._add_appendix("Appendix", lead, lead[0].where)
        if current:
            self._add_appendix(*current)

    def _add_appendix(self, title: str, blocks: list[Block], where: str) -> None:
        base = min((b.level for b in blocks if b.kind == "heading"), default=1) - 1
        parts = []
        for block in blocks:
            if block.kind == "heading":
                parts.append("#" * max(1, min(6, block.level - base)) + " " + block.markdown)
            else:
                parts.append(block.markdown)
        body = "\n\n".join(parts).strip() or "(the draft has a heading here and no text under it)"
        self.sources[f"appendix[{len(self.appendix)}]"] = where
        self.appendix.append({"title": title.strip() or "From the draft", "body": body})

    def _add_text(self, key: str, blocks: list[Block]) -> None:
        text = "\n\n".join(b.markdown for b in blocks if b.markdown.strip())
        if not text:
            return
        if key in self.pr and isinstance(self.pr[key], str):
            self.pr[key] += "\n\n" + text
        else:
            self._set(("press_release", key), text, blocks[0].where)

    def _set(self, path: tuple[str, str], value: Any, where: str) -> None:
        self.pr[path[1]] = value
        self.sources.setdefault(".".join(path), where)

    # ---- the spec
    def _finish(self) -> Placed:
        draft = self.draft
        title = self.title or draft.title
        gaps = self.gaps
        everywhere = (
            f"looked at the whole draft, {draft.blocks[0].where} to {draft.blocks[-1].where}"
            if draft.blocks
            else "the draft has no text"
        )
        if not title:
            title = "TODO: the product's name, as customers will know it"
            gaps.append(Gap("title", True, "no title style, first heading or file title", True))
        meta: dict[str, Any] = {}
        author = self.author or self.meta.get("author") or draft.author
        if not author:
            gaps.append(
                Gap(
                    "meta.author",
                    True,
                    "no 'Author:' line and no author in the file's properties",
                    True,
                )
            )
            author = "TODO: your name"
        meta["author"] = author
        if "date" in self.meta:
            meta["date"] = self.meta["date"]
        elif draft.date:
            meta["date"] = draft.date
            self.sources.setdefault("meta.date", "the file's properties")
        else:
            meta["date"] = self.today
            gaps.append(
                Gap(
                    "meta.date",
                    True,
                    "no 'Date:' line and no date in the file's properties; set to today",
                    False,
                )
            )
        for key in ("team", "version", "status", "reviewers"):
            if key in self.meta:
                meta[key] = self.meta[key]
        if draft.keywords:
            meta["tags"] = draft.keywords
        pr_where = self.looked.get("press_release", everywhere)
        pr: dict[str, Any] = {}
        order = [
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
        ]
        todo = {
            "headline": f"TODO: one sentence that announces {title} in words the customer knows",
            "summary": "TODO: Name the product and the customer, then the single most important benefit, with a number.",
            "problem": "TODO: Describe the problem as the customer lives it today, with numbers.",
            "solution": "TODO: Explain how the product removes each problem named above.",
        }
        recommended = (
            "subheadline",
            "location",
            "launch_date",
            "leader_quote",
            "how_it_works",
            "call_to_action",
        )
        for key in order:
            if key in self.pr and self.pr[key] not in ("", [], None):
                pr[key] = self.pr[key]
            elif key in todo:
                pr[key] = todo[key]
                gaps.append(
                    Gap(
                        f"press_release.{key}",
                        True,
                        f"looked in the press release, {pr_where}",
                        True,
                    )
                )
            elif key == "customer_quotes":
                pr[key] = [
                    {
                        "text": "TODO: What changed for me, in my own words, with one concrete detail.",
                        "name": "TODO: Full Name",
                    }
                ]
                gaps.append(
                    Gap(
                        "press_release.customer_quotes",
                        True,
                        f"no quotation with an attribution in the press release, {pr_where}",
                        True,
                    )
                )
            elif key in recommended:
                gaps.append(
                    Gap(f"press_release.{key}", False, f"looked in the press release, {pr_where}")
                )
        faq: dict[str, Any] = {}
        for group in ("external", "internal"):
            entries = self.faq[group]
            out = []
            for number, entry in enumerate(entries):
                answer = "\n\n".join(a for a in entry["a"] if a.strip()).strip()
                if not answer:
                    answer = "TODO: answer this question (the draft has no answer under it)."
                    gaps.append(
                        Gap(
                            f"faq.{group}[{number}].a",
                            True,
                            f"no answer under the question at {entry['where']}",
                            True,
                        )
                    )
                out.append({"q": entry["q"], "a": answer})
                self.sources[f"faq.{group}[{number}]"] = entry["where"]
            if out:
                faq[group] = out
        for group in ("external", "internal"):
            if group not in faq:
                where = (
                    self.looked.get(f"faq.{group}")
                    or "no FAQ heading, 'Q:' line or numbered question in the draft"
                )
                if (
                    group == "internal"
                    and "faq.external" in self.looked
                    and "faq.internal" not in self.looked
                ):
                    where = (
                        "no 'Internal FAQ' heading; the draft's questions went to the customer FAQ"
                    )
                gaps.append(Gap(f"faq.{group}", False, where))
        if not faq:
            faq["external"] = [
                {
                    "q": f"How much does {title} cost?",
                    "a": "TODO: The price and what it includes, with numbers.",
                }
            ]
            gaps.append(Gap("faq", True, "no question in the draft; wrote one TODO question", True))
        data: dict[str, Any] = {
            "prfaq": 1,
            "title": title,
            "meta": meta,
            "press_release": pr,
            "faq": faq,
        }
        data.update(self.extra)
        if self.appendix:
            data["appendix"] = self.appendix
        return Placed(data, self.sources, gaps)


def _one_line(blocks: list[Block]) -> str:
    text = " ".join(b.markdown.replace("\\\n", " ").replace("\n", " ") for b in blocks).strip()
    match = re.fullmatch(r"(\*\*|__|\*|_)([^*_]+)\1", text)
    return match.group(2).strip() if match else text
