"""How prfaqgen notices that a library it reaches into has changed.

Three libraries are used beyond their public API, each from one module that
says why: python-docx (prfaqgen.writers.docx.internals), WeasyPrint
(prfaqgen.writers.pdf_internals) and tinyhtml5 (prfaqgen.compose.tinyhtml5_internals).
Each lists the library functions its code stands in for or relies on, with a
digest of their source as read; tests/test_third_party_internals.py fails, naming
them, when an upgrade changes any. Then read the new source, adapt, and update
the digests. Imports nothing heavy: the modules import their library themselves.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
from collections.abc import Mapping


def source_digest(dotted: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``module:qualname``'s source."""
    module_name, _, qualname = dotted.partition(":")
    target: object = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if isinstance(target, property) and target.fget is not None:
        target = target.fget
    source = inspect.getsource(target)  # type: ignore[arg-type]
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]


def changed(relied_on: Mapping[str, str]) -> list[str]:
    """What no longer is as read: ``module:qualname`` gone, or its source edited."""
    out = []
    for dotted, digest in relied_on.items():
        try:
            found = source_digest(dotted)
        except (ImportError, AttributeError, OSError, TypeError) as exc:
            out.append(f"{dotted}: gone ({type(exc).__name__}: {exc})")
            continue
        if found != digest:
            out.append(f"{dotted}: source changed (digest {found}, read as {digest})")
    return out
