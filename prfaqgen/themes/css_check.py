"""Warnings about a theme's CSS changes that the DOCX cannot follow.

The DOCX takes its look from reference.docx and from theme.toml's fonts and
colours, never from theme.css. A theme's theme.css that changes a font, a
colour or a size of the built-in one changes the PDF only; each such
declaration is reported at its line, with the theme.toml key that changes both
formats where there is one.
"""

from __future__ import annotations

import functools
from pathlib import Path

import tinycss2

from prfaqgen.builtin import templates_dir
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.look import Look

# Properties whose change shows in the document's text, and so should show in the DOCX.
_WATCHED = frozenset(
    {"color", "font-family", "font-size", "font-weight", "font-style", "background-color"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", ".title"})
_ROOTS = frozenset({"html", "body", ":root"})
_KEYS = {
    ("font-family", "body"): "body_font",
    ("font-size", "body"): "body_size",
    ("color", "body"): "text_color",
    ("font-family", "heading"): "heading_font",
    ("color", "heading"): "heading_color",
}

_VARIABLES = {
    "body_font": "body-font",
    "heading_font": "heading-font",
    "body_size": "body-size",
    "text_color": "text-color",
    "heading_color": "heading-color",
}


def css_warnings(stylesheet: Path, look: Look | None = None) -> tuple[Diagnostic, ...]:
    """The declarations of ``stylesheet`` that change the PDF's look but not the DOCX's,
    and the keys of theme.toml's ``look`` it never uses (a copy of an older theme.css).

    A copy of the built-in theme.css gives no warning; only what differs from it.
    Every render of a themed spec asks, so the answer is kept per process until
    the stylesheet changes.
    """
    try:
        if stylesheet.resolve() == _builtin().resolve():
            return ()
        stat = stylesheet.stat()
    except OSError:
        return ()  # the PDF writer reports an unreadable stylesheet
    return _warnings(stylesheet, stat.st_mtime_ns, stat.st_size, look)


def _builtin() -> Path:
    return templates_dir() / "theme" / "theme.css"


@functools.lru_cache(maxsize=1)
def _builtin_declarations() -> dict[tuple[str, str], str]:
    return {key: value for key, value, _, _ in _declarations(_builtin().read_text("utf-8"))}


@functools.lru_cache(maxsize=32)
def _warnings(
    stylesheet: Path, mtime_ns: int, size: int, look: Look | None
) -> tuple[Diagnostic, ...]:
    try:
        text = stylesheet.read_text(encoding="utf-8")
        known = _builtin_declarations()
    except (OSError, UnicodeDecodeError):
        return ()  # the PDF writer reports an unreadable stylesheet
    found = [
        Diagnostic(
            str(stylesheet),
            1,
            1,
            "",
            f"theme.toml sets {key}, but this stylesheet never uses var(--prfaq-{css_name}), "
            "so the PDF does not follow it: use the variable where the built-in theme.css "
            "does (docs/themes.md)",
            severity="warning",
        )
        for key, css_name in _VARIABLES.items()
        if look is not None
        and getattr(look, key) is not None
        and f"var(--prfaq-{css_name})" not in text
    ]
    for (selector, prop), value, line, column in _declarations(text):
        if prop not in _WATCHED or known.get((selector, prop)) == value:
            continue
        found.append(
            Diagnostic(
                str(stylesheet),
                line,
                column,
                "",
                f"`{selector} {{ {prop}: {value} }}` changes the PDF only: "
                f"{_advice(selector, prop, value)}",
                severity="warning",
            )
        )
    return tuple(found)


def _declarations(css: str) -> list[tuple[tuple[str, str], str, int, int]]:
    """((selector, property), value, line, column) of every declaration of plain rules."""
    out = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue  # @font-face, @page, @media: not text the DOCX styles carry
        selector = " ".join(tinycss2.serialize(rule.prelude).split())
        for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
            if item.type != "declaration" or item.name.startswith("--"):
                continue
            value = " ".join(tinycss2.serialize(item.value).split())
            if item.important:
                value += " !important"
            out.append(((selector, item.lower_name), value, item.source_line, item.source_column))
    return out


def _advice(selector: str, prop: str, value: str) -> str:
    parts = {part.strip() for part in selector.split(",")}
    where = "body" if parts <= _ROOTS else "heading" if parts <= _HEADINGS else None
    key = _KEYS.get((prop, where)) if where else None
    if key is None:
        return (
            "the DOCX takes this look from reference.docx; change the matching style there "
            "(docs/templates.md lists the style of each element)"
        )
    shown = value.split(",")[0].strip().strip("\"'") if prop == "font-family" else value
    if key == "body_size":
        shown = shown.removesuffix("pt")
        return f"set body_size = {shown} in theme.toml instead, to change the DOCX too"
    return f'set {key} = "{shown}" in theme.toml instead, to change the DOCX too'
