"""prfaqgen: Amazon-style PR/FAQ documents as code.

The public API::

    import prfaqgen

    result = prfaqgen.check_spec("specs/ledger.yaml")   # never raises
    for problem in result.diagnostics:
        print(problem.format())

    loaded = prfaqgen.load_spec("specs/ledger.yaml")     # raises SpecError
    print(loaded.spec.press_release.headline)

Rendering (``prfaqgen.render_spec``) is imported on first use, so that
checking a spec never loads the PDF and DOCX libraries. The API never prints
and never exits; docs/api.md documents every name below, and nothing else
is public.
"""

from __future__ import annotations

from typing import Any

from prfaqgen._version import __version__
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import (
    ConfigError,
    DraftError,
    PrfaqgenError,
    RenderError,
    ReviewError,
    SettingsError,
    SpecError,
    ThemeError,
)
from prfaqgen.spec import CheckResult, LoadedSpec, Spec, check_spec, check_spec_text, load_spec

_LAZY = {
    "render_spec": "prfaqgen.pipeline",
    "RenderResult": "prfaqgen.pipeline",
    "RenderOptions": "prfaqgen.options",
    "Settings": "prfaqgen.settings",
    "PageBudget": "prfaqgen.measure.budget",
    "ResolvedSettings": "prfaqgen.config",
    "settings_for": "prfaqgen.config",
    "Theme": "prfaqgen.look",
    "load_theme": "prfaqgen.themes",
    "lint_spec": "prfaqgen.lint",
    "LintConfig": "prfaqgen.lint",
    "LintResult": "prfaqgen.lint",
    "import_draft": "prfaqgen.importing",
    "ImportResult": "prfaqgen.importing",
    "diff_specs": "prfaqgen.diffing",
    "DiffResult": "prfaqgen.diffing",
    "SpecChanges": "prfaqgen.diffing",
    "read_review": "prfaqgen.review",
    "ReviewResult": "prfaqgen.review",
    "ReviewFinding": "prfaqgen.review",
}

__all__ = [
    "CheckResult",
    "ConfigError",
    "Diagnostic",
    "DraftError",
    "LoadedSpec",
    "PrfaqgenError",
    "RenderError",
    "ReviewError",
    "SettingsError",
    "Spec",
    "SpecError",
    "ThemeError",
    "__version__",
    "check_spec",
    "check_spec_text",
    "load_spec",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'prfaqgen' has no attribute {name!r}")
