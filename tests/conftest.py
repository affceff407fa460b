"""Every test run keeps compiled templates in a folder of its own, never the user's cache."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from hypothesis import settings

# CI must give the same verdict on every run of the same commit: there the property
# tests try a fixed set of examples (derived from each test), not new random ones.
# Elsewhere they explore new ones on each run; a failing example found there
# becomes an @example of its test.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# A shell without job control starts background commands with SIGINT ignored, and
# a process started with it ignored keeps ignoring it: the tests that press Ctrl-C
# on a prfaqgen process (exit 130, watch stopping) would wait forever. A handler of
# our own is reset to the default in every process the tests start.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session", autouse=True)
def _template_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """PRFAQGEN_CACHE_DIR for this session (and the processes its tests start)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRFAQGEN_CACHE_DIR", str(tmp_path_factory.mktemp("prfaqgen-cache")))
        patch.delenv("PRFAQGEN_NO_CACHE", raising=False)
        yield
