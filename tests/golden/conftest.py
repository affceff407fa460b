"""Fixtures shared with tests/e2e: specs rendered once per session, read back.

The helpers live in tests/e2e/e2e_helpers.py; the test folders are not packages,
so that folder goes on sys.path here.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from e2e_helpers import example, example_variant, minimal, server, showcase  # noqa: E402, F401
