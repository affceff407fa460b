"""The ``[lint]`` table of the project config, as a model the config reader validates."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

LintSeverity = Literal["info", "warning", "error"]


class LintConfig(BaseModel):
    """Which writing checks run and how they grade; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    disable: tuple[str, ...] = ()
    """Rule ids that never run."""
    severity: dict[str, LintSeverity] = {}
    """Rule id -> the severity it reports with, instead of its default."""
    min_severity: LintSeverity = "info"
