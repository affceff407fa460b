"""The effective settings as plain rows, for ``prfaqgen config`` and tools."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from prfaqgen.config import ResolvedSettings
from prfaqgen.validation import to_plain


def settings_rows(resolved: ResolvedSettings) -> list[tuple[str, Any, str]]:
    """``(key, value as JSON-ready data, source)`` for every setting, in Settings order."""
    rows = []
    for f in fields(resolved.settings):
        value = to_plain(getattr(resolved.settings, f.name), json=True)
        rows.append((f.name, value, resolved.sources[f.name]))
    return rows
