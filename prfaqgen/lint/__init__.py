"""Writing checks: the Working Backwards house rules as located findings.

Names are loaded on first use: Settings imports ``prfaqgen.settings.lint``, and
``validate`` must not pay for the rules unless it is asked to lint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prfaqgen.lint.engine import lint_spec
    from prfaqgen.lint.findings import Finding, LintResult, WritingScore
    from prfaqgen.settings.lint import LintConfig

__all__ = ["Finding", "LintConfig", "LintResult", "WritingScore", "lint_spec"]

_HOMES = {
    "LintConfig": "prfaqgen.settings.lint",
    "lint_spec": "prfaqgen.lint.engine",
    "Finding": "prfaqgen.lint.findings",
    "LintResult": "prfaqgen.lint.findings",
    "WritingScore": "prfaqgen.lint.findings",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        from importlib import import_module

        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'prfaqgen.lint' has no attribute {name!r}")
