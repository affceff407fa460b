"""Markdown in prose fields: CommonMark plus tables, raw HTML shown as text.

Images are rendered only from a map of sources already checked and resolved
by :mod:`prfaqgen.spec.images`; anything else never reaches the output.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markupsafe import Markup, escape

from prfaqgen.compose.typography import enable_typography
from prfaqgen.errors import RenderError
from prfaqgen.spec.images import new_parser

# Prose headings sit below the document's own h1/h2 sections and question h3s.
HEADING_OFFSET = 2


class MarkdownRenderer:
    """Renders prose fields to HTML for the templates' ``markdown`` and ``inline`` filters."""

    def __init__(self, images: Mapping[str, str]) -> None:
        self._md = enable_typography(new_parser())
        # markdown-it binds each rule to its renderer with __get__, which a bound
        # method ignores: rules must be plain functions taking the renderer first.
        self._md.add_render_rule("image", _image_rule(images))
        self._md.add_render_rule("heading_open", _heading_rule)
        self._md.add_render_rule("heading_close", _heading_rule)

    def block(self, text: str, lead: str | None = None) -> Markup:
        """A prose field; ``lead`` (plain text) opens its first paragraph, e.g. a dateline."""
        tokens = self._md.parse(_text("markdown", text))
        if lead:
            tokens = _with_lead(tokens, lead)
        return Markup(self._md.renderer.render(tokens, self._md.options, {}))

    def quotation(self, text: str) -> Markup:
        """A quoted person's words: a prose field inside typographic quotation marks.

        “ opens the first paragraph and ” closes the last one, so a quote of
        several paragraphs reads as one quotation; a block that is not a
        paragraph (a list, say) is left as it is.
        """
        tokens = self._md.parse(_text("quotation", text))
        inlines = [
            tokens[i + 1]
            for i, t in enumerate(tokens[:-1])
            if t.type == "paragraph_open" and tokens[i + 1].type == "inline"
        ]
        if inlines:
            _add_text(inlines[0], "\u201c", at_start=True)
            _add_text(inlines[-1], "\u201d", at_start=False)
        return Markup(self._md.renderer.render(tokens, self._md.options, {}))

    def inline(self, text: str) -> Markup:
        """An inline field: emphasis, code and links only, no blocks."""
        return Markup(self._md.renderInline(_text("inline", text)))

    def plain(self, text: str) -> str:
        """An inline field as plain text, for metadata such as the PDF subject."""
        tokens = self._md.parseInline(_text("plain", text))
        children = [child for token in tokens for child in token.children or ()]
        renderer = cast(RendererHTML, self._md.renderer)
        return " ".join(renderer.renderInlineAsText(children, self._md.options, {}).split())


def _text(filter_name: str, value: object) -> str:
    """A filter applied to something that is not text is the template's error, said so."""
    if not isinstance(value, str):
        raise RenderError(
            f"filter `{filter_name}` needs text, not {type(value).__name__} {value!r:.40}"
        )
    return value


def _image_rule(images: Mapping[str, str]) -> Any:
    def image(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        alt = renderer.renderInlineAsText(token.children or [], options, env)
        resolved = images.get(str(token.attrGet("src") or ""))
        if resolved is None:  # never happens after spec.images.check_images; fail closed
            return str(escape(alt))
        title = token.attrGet("title")
        title_attr = f' title="{escape(title)}"' if title else ""
        return f'<img src="{escape(resolved)}" alt="{escape(alt)}"{title_attr}>'

    return image


def _heading_rule(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    level = min(int(token.tag[1]) + HEADING_OFFSET, 6)
    return f"<h{level}>" if token.nesting == 1 else f"</h{level}>\n"


def _add_text(inline: Token, text: str, *, at_start: bool) -> None:
    """Put ``text`` before the first or after the last child of an inline token."""
    token = Token("text", "", 0, content=text)
    children = list(inline.children or [])
    inline.children = [token, *children] if at_start else [*children, token]


def _with_lead(tokens: list[Token], lead: str) -> list[Token]:
    """Put ``lead`` at the start of the first paragraph (or before the first block)."""
    lead_token = Token(
        "html_inline", "", 0, content=f'<strong class="dateline">{escape(lead)}</strong> '
    )
    if len(tokens) >= 2 and tokens[0].type == "paragraph_open" and tokens[1].type == "inline":
        inline = tokens[1]
        inline.children = [lead_token, *(inline.children or [])]
        return tokens
    opening = Token("paragraph_open", "p", 1)
    closing = Token("paragraph_close", "p", -1)
    body = Token("inline", "", 0, children=[lead_token])
    return [opening, body, closing, *tokens]
