"""The effective settings as plain rows, for ``prfaqgen config`` and tools."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from prfaqgen.config import ResolvedSettings


def settings_rows(resolved: ResolvedSettings) -> list[tuple[str, Any, str]]:
    """``(key, value as JSON-ready data, source)`` for every setting, in Settings order."""
    rows = []
    for f in fields(resolved.settings):
        rows.append((f.name, _plain(getattr(resolved.settings, f.name)), resolved.sources[f.name]))
    return rows


def _plain(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _plain(value.model_dump())
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
