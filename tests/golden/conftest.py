"""Fixtures shared with tests/e2e: specs rendered once per session, read back.

The helpers live in tests/e2e/e2e_helpers.py; ``tests`` is a package, so they are
imported by their full name (no sys.path changes).
"""

from tests.e2e.e2e_helpers import example, example_variant, minimal, server, showcase  # noqa: F401
