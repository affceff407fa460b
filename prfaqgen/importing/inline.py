"""Runs of formatted text -> inline Markdown, escaped so the author's words stay words."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"([\\`*\[\]])")
# `_` only where it could open or close emphasis: not inside a word (snake_case).
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_BLOCK_START = re.compile(r"^(\s*)([#>+|=-]|\d{1,9}[.)](?=\s|$))")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None
    raw: bool = False
    """Already Markdown (an image): written as it is."""


def escape(text: str) -> str:
    return _UNDERSCORE.sub(r"\\_", _ESCAPE.sub(r"\\\1", text))


def to_markdown(spans: list[Span]) -> str:
    """Inline Markdown for ``spans``: bold, italic, code and links; line breaks kept."""
    merged = _merge(spans)
    out: list[str] = []
    index = 0
    while index < len(merged):
        link = merged[index].link
        if link:
            group = []
            while index < len(merged) and merged[index].link == link:
                group.append(merged[index])
                index += 1
            inner = "".join(_marked(s) for s in group)
            out.append(f"[{inner}]({_url(link)})")
        else:
            out.append(_marked(merged[index]))
            index += 1
    text = "".join(out).strip(" ")
    text = re.sub(r" *\n *", "\\\n", text)  # a Word line break: a CommonMark hard break
    return _BLOCK_START.sub(_escape_start, text, count=1)


def _escape_start(match: re.Match[str]) -> str:
    """``1.`` becomes ``1\\.`` (a backslash before a digit is no escape); ``#`` becomes ``\\#``."""
    marker = match.group(2)
    if marker[0].isdigit():
        return f"{match.group(1)}{marker[:-1]}\\{marker[-1]}"
    return f"{match.group(1)}\\{marker}"


def plain(spans: list[Span]) -> str:
    return " ".join("".join(s.text for s in spans if not s.raw).split())


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if span.text.isspace() and not span.code and not span.raw:
            span = Span(span.text, span.bold, span.italic, False, span.link)
        last = out[-1] if out else None
        if (
            last
            and not span.raw
            and not last.raw
            and _same(last, span)
            or (
                last
                and span.text.isspace()
                and not last.raw
                and not last.code
                and last.link == span.link
            )
        ):
            out[-1] = Span(last.text + span.text, last.bold, last.italic, last.code, last.link)
        else:
            out.append(span)
    return out


def _same(a: Span, b: Span) -> bool:
    return (a.bold, a.italic, a.code, a.link) == (b.bold, b.italic, b.code, b.link)


def _marked(span: Span) -> str:
    if span.raw:
        return span.text
    if span.code:
        body = span.text
        ticks = "`" * (max((len(m) for m in re.findall(r"`+", body)), default=0) + 1)
        pad = " " if body.startswith("`") or body.endswith("`") else ""
        return f"{ticks}{pad}{body}{pad}{ticks}"
    text = escape(span.text)
    marker = (
        "***" if span.bold and span.italic else "**" if span.bold else "*" if span.italic else ""
    )
    if not marker or not text.strip():
        return text
    core = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"


def _url(url: str) -> str:
    return f"<{url}>" if any(c in url for c in " ()") else url
