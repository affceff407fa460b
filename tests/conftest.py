"""Every test run keeps compiled templates in a folder of its own, never the user's cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def _template_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """PRFAQGEN_CACHE_DIR for this session (and the processes its tests start)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PRFAQGEN_CACHE_DIR", str(tmp_path_factory.mktemp("prfaqgen-cache")))
        patch.delenv("PRFAQGEN_NO_CACHE", raising=False)
        yield
