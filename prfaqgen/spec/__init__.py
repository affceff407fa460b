"""The spec stage: read a YAML idea spec into the typed model, with located errors."""

from prfaqgen.spec.loader import CheckResult, LoadedSpec, check_spec, check_spec_text, load_spec
from prfaqgen.spec.model import SUPPORTED_FORMATS, Spec

__all__ = [
    "SUPPORTED_FORMATS",
    "CheckResult",
    "LoadedSpec",
    "Spec",
    "check_spec",
    "check_spec_text",
    "load_spec",
]
