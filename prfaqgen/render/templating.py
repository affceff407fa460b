"""The Jinja environment templates run in: sandboxed, strict and contained.

Templates may come from a user's repository, so they are untrusted: they run
in Jinja's sandbox, may load only templates from their own folder or the
built-in one (never through a symbolic link that leads elsewhere), and a
misspelt variable is an error rather than an empty string.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from prfaqgen.errors import RenderError

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
    return f"{_MONTHS[value.month - 1]} {value.day}, {value.year}"


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
    env = SandboxedEnvironment(
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
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise RenderError(f"{where}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template not found: {exc.message or exc.name}") from None
    except jinja2.TemplateError as exc:
        kind = "refused" if isinstance(exc, jinja2.exceptions.SecurityError) else "error"
        where = _template_line(exc.__traceback__)
        raise RenderError(f"{where}template {kind}: {exc}") from None


def _template_line(tb: TracebackType | None) -> str:
    """``file.j2:LINE: `` of the innermost template frame, as Jinja rewrites tracebacks."""
    where = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".html"):
            where = f"{filename}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return where
