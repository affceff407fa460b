"""Fixtures for the end-to-end tests: specs rendered once per session, read back.

The helpers and fixtures live in ``e2e_helpers.py`` (this folder), shared with
tests/render and tests/golden, whose conftest files import them the same way.
"""

from e2e_helpers import example, example_variant, minimal, press, server, showcase  # noqa: F401
