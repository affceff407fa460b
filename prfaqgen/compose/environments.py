"""One Jinja environment per template folder per process, so a batch compiles once.

Compiling ``prfaq.html.j2`` costs about as much as rendering it; a batch of
specs (or ``watch``) would pay it for every spec. Across processes, the
compiled code is kept on disk (prfaqgen.compose.template_cache). Environments are kept per
list of template folders (their real paths and the names, sizes and
modification times of their files, so a template added to one is seen), and
Jinja's own template cache checks each source file's modification time before
reuse, so an edited template is compiled again rather than served stale.

The Markdown filters depend on the spec being rendered (its checked images)
and ``theme_file()`` on its theme, so the cached environment looks both up
in context variables that :func:`rendering` sets for the length of one render.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from prfaqgen.builtin import templates_dir
from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.template_cache import TemplateCodeCache, cache_folder
from prfaqgen.compose.templating import make_environment
from prfaqgen.compose.typography import smart_text
from prfaqgen.fingerprint import Fingerprint, files_below

#: Environments kept per process: one per template folder in use.
CACHE_SIZE = 8

_current: ContextVar[MarkdownRenderer] = ContextVar("prfaqgen_markdown")
_theme_file: ContextVar[Callable[[str], str]] = ContextVar("prfaqgen_theme_file")
_Key = tuple[str, tuple[str, ...], Fingerprint]
_environments: OrderedDict[_Key, SandboxedEnvironment] = OrderedDict()
_lock = threading.Lock()


def cached_environment(template_dirs: Sequence[Path] = ()) -> SandboxedEnvironment:
    """The sandboxed environment for a theme's ``template_dirs``, made once."""
    builtin = templates_dir()
    folders = tuple(os.path.realpath(folder) for folder in template_dirs)
    key = (os.path.realpath(builtin), folders, files_below(*folders))
    with _lock:
        env = _environments.get(key)
        if env is not None:
            _environments.move_to_end(key)
            return env
        env = make_environment(builtin, themes=tuple(template_dirs))
        folder = cache_folder()
        if folder is not None:
            env.bytecode_cache = TemplateCodeCache(folder)
        env.globals["theme_file"] = _theme_file_url
        env.filters["markdown"] = _filter("block")
        env.filters["inline"] = _filter("inline")
        env.filters["plain"] = _filter("plain")
        env.filters["quotation"] = _filter("quotation")
        # Plain fields printed with {{ }} (title, names, roles) get the typography
        # the Markdown fields get; Markup (already rendered HTML) is left alone.
        env.finalize = typographic
        _environments[key] = env
        while len(_environments) > CACHE_SIZE:
            _environments.popitem(last=False)
        return env


def typographic(value: object) -> object:
    """A template value with typographic quotes and dashes, if it is plain text."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return smart_text(value)
    return value


def _theme_file_url(name: str) -> str:
    return _theme_file.get()(name)


def _filter(method: str) -> Any:
    def apply(*args: Any, **kwargs: Any) -> Any:
        return getattr(_current.get(), method)(*args, **kwargs)

    apply.__name__ = method
    return apply


@contextmanager
def rendering(renderer: MarkdownRenderer, theme_file: Callable[[str], str]) -> Iterator[None]:
    """Make ``renderer`` the one the ``markdown``/``inline``/``plain``/``quotation`` filters use,
    and ``theme_file`` the template's ``theme_file()``, while one document renders."""
    token = _current.set(renderer)
    theme_token = _theme_file.set(theme_file)
    try:
        yield
    finally:
        _theme_file.reset(theme_token)
        _current.reset(token)


def clear_cache() -> None:
    """Forget every environment (for tests)."""
    with _lock:
        _environments.clear()
