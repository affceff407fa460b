"""One Jinja environment per template folder per process, so a batch compiles once.

Compiling ``prfaq.html.j2`` costs about as much as rendering it; a batch of
specs (or ``watch``) would pay it for every spec. Environments are kept per
template folder (its real path and the names, sizes and modification times
of its files, so a template added to it is seen), and Jinja's own template cache
checks each source file's modification time before reuse, so an edited
template is compiled again rather than served stale.

The Markdown filters depend on the spec being rendered (its checked images),
so the cached environment's filters look up the current renderer in a
context variable that :func:`markdown_filters` sets for the length of one render.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from prfaqgen.builtin import templates_dir
from prfaqgen.render.markdown import MarkdownRenderer
from prfaqgen.render.templating import make_environment

#: Environments kept per process: one per template folder in use.
CACHE_SIZE = 8

_current: ContextVar[MarkdownRenderer] = ContextVar("prfaqgen_markdown")
_Key = tuple[str, str | None, tuple[tuple[str, int, int], ...]]
_environments: OrderedDict[_Key, SandboxedEnvironment] = OrderedDict()
_lock = threading.Lock()


def cached_environment(templates: Path | None) -> SandboxedEnvironment:
    """The sandboxed environment for ``templates`` (or the built-ins), made once."""
    builtin = templates_dir()
    user = None if templates is None else os.path.realpath(templates)
    key = (os.path.realpath(builtin), user, _fingerprint(user))
    with _lock:
        env = _environments.get(key)
        if env is not None:
            _environments.move_to_end(key)
            return env
        env = make_environment(builtin, templates)
        env.filters["markdown"] = _filter("block")
        env.filters["inline"] = _filter("inline")
        env.filters["plain"] = _filter("plain")
        _environments[key] = env
        while len(_environments) > CACHE_SIZE:
            _environments.popitem(last=False)
        return env


def _fingerprint(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    """Every file below ``folder`` with its size and modification time (ns)."""
    if folder is None:
        return ()
    found = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            found.append((path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(found))


def _filter(method: str) -> Any:
    def apply(*args: Any, **kwargs: Any) -> Any:
        return getattr(_current.get(), method)(*args, **kwargs)

    apply.__name__ = method
    return apply


@contextmanager
def markdown_filters(renderer: MarkdownRenderer) -> Iterator[None]:
    """Make ``renderer`` the one the ``markdown``/``inline``/``plain`` filters use."""
    token = _current.set(renderer)
    try:
        yield
    finally:
        _current.reset(token)


def clear_cache() -> None:
    """Forget every environment (for tests)."""
    with _lock:
        _environments.clear()
