"""The Jinja environment templates run in: sandboxed, strict and contained.

Templates may come from a user's repository, so they are untrusted: they run
in Jinja's sandbox, may load only templates from their own folder or the
built-in one (never through a symbolic link that leads elsewhere), and a
misspelt variable is an error rather than an empty string.
"""

from __future__ import annotations

import operator
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from prfaqgen.errors import PrfaqgenError, RenderError, SpecError

BUILTIN_PREFIX = "builtin"
BUILTIN_NAMESPACE = "prfaqgen"
"""``{% extends "prfaqgen:prfaq.html.j2" %}`` names the built-in template, as does ``builtin/``."""
AUTOESCAPED = ("html", "htm", "xml", "html.j2", "htm.j2", "xml.j2")


class ContainedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses files whose real path leaves its folder.

    Jinja's own loader already refuses ``..`` in names, but follows symbolic links.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self._root = os.path.realpath(folder)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = os.path.realpath(filename)
        if os.path.commonpath([real, self._root]) != self._root:
            # Not TemplateNotFound: that would let the next loader quietly stand in.
            raise RenderError(
                f"{filename}: refused: it links outside {self._root} (to {real}); "
                "templates are read only from their own folder"
            )
        return source, filename, uptodate


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(value: date) -> str:
    """``November 22, 2026``, the press-release style, whatever the machine's locale."""
    if not isinstance(value, date):
        raise RenderError(f"filter `longdate` needs a date, not {type(value).__name__} {value!r}")
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


# Bounds on a user template's work (docs/limits.md). Jinja's sandbox already
# refuses range() over 100,000 items.
MAX_OUTPUT_CHARS = 20_000_000
MAX_STRING_CHARS = 1_000_000
MAX_SECONDS = 60.0


class BoundedEnvironment(SandboxedEnvironment):
    """The sandbox, plus a bound on what ``*`` and ``**`` may build."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if _too_big_power(left, right):
                raise RenderError(f"template refused: {left!r} ** {right!r} is too large")
            return operator.pow(left, right)
        count = _repeat_count(left, right)
        if count is not None and count > MAX_STRING_CHARS:
            raise RenderError(
                f"template refused: repetition would build {count:,} items, "
                f"over the limit of {MAX_STRING_CHARS:,}"
            )
        return operator.mul(left, right)


def _too_big_power(left: Any, right: Any) -> bool:
    if not isinstance(right, int) or not isinstance(left, int) or right < 0:
        return False
    return abs(left) > 1 and right * max(abs(left).bit_length(), 1) > 4096


def _repeat_count(left: Any, right: Any) -> int | None:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple, bytes)) and isinstance(times, int):
            return len(seq) * max(times, 0)
    return None


def make_environment(
    builtin: Path, user: Path | None = None, themes: Sequence[Path] = ()
) -> SandboxedEnvironment:
    """User templates first, then the theme's, then built-in ones.

    ``builtin/NAME`` and ``prfaqgen:NAME`` always name a built-in template.
    """
    builtin_loader = ContainedLoader(builtin)
    loaders: list[jinja2.BaseLoader] = [
        jinja2.PrefixLoader({BUILTIN_PREFIX: builtin_loader}),
        jinja2.PrefixLoader({BUILTIN_NAMESPACE: builtin_loader}, delimiter=":"),
    ]
    loaders += [ContainedLoader(folder) for folder in ([user] if user else []) + list(themes)]
    loaders.append(builtin_loader)
    env = BoundedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(AUTOESCAPED, default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["longdate"] = long_date
    return env


def render_template(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render ``name``; any template problem becomes a RenderError naming file and line."""
    try:
        return _bounded_render(env.get_template(name), context)
    except PrfaqgenError as exc:
        where = _template_line(exc.__traceback__)
        if isinstance(exc, SpecError) or str(exc).startswith("/"):  # already located
            raise
        raise type(exc)(f"{where or name + ': '}{exc}") from None
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise RenderError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.message or exc.name}") from None
    except jinja2.TemplateError as exc:
        kind = "refused" if isinstance(exc, jinja2.exceptions.SecurityError) else "error"
        where = _template_line(exc.__traceback__)
        raise RenderError(f"{where}template {kind}: {exc}") from None
    except RecursionError:
        where = _template_line(sys.exc_info()[2]) or f"{name}: "
        raise RenderError(
            f"{where}template error: nested too deeply (a macro or include that calls "
            "itself, or thousands of nested tags?)"
        ) from None
    except UnicodeDecodeError as exc:
        raise RenderError(
            f"{name}: template error: it or a template it includes is not UTF-8 text "
            f"(a binary file included?): {exc}"
        ) from None
    except MemoryError:
        raise RenderError("template error: it needs more memory than there is") from None
    except Exception as exc:  # noqa: BLE001 - any failure of an untrusted template
        where = _template_line(exc.__traceback__)
        raise RenderError(f"{where}template error: {type(exc).__name__}: {exc}") from None


def _bounded_render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render piece by piece, stopping at the output and time bounds."""
    started = time.monotonic()
    parts: list[str] = []
    size = 0
    for part in template.generate(context):
        parts.append(part)
        size += len(part)
        if size > MAX_OUTPUT_CHARS:
            raise RenderError(
                f"template refused: its output passed {MAX_OUTPUT_CHARS:,} characters"
            )
        if time.monotonic() - started > MAX_SECONDS:
            raise RenderError(f"template refused: it ran longer than {MAX_SECONDS:.0f} seconds")
    return "".join(parts)


def _template_line(tb: TracebackType | None) -> str:
    """``file.j2:LINE: `` of the innermost template frame, as Jinja rewrites tracebacks."""
    where = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".html"):
            where = f"{filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where
