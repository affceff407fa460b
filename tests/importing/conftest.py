"""Fixtures for ``prfaqgen import``: the corpus rendered to DOCX once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# ../shared/corpus beside the repository; PRFAQGEN_CORPUS points elsewhere (a worktree).
CORPUS = Path(os.environ.get("PRFAQGEN_CORPUS", REPO.parent / "shared" / "corpus")) / "specs"


@pytest.fixture(scope="session")
def corpus_docx(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Each valid corpus spec -> (spec, its DOCX render); skipped when the corpus is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    from prfaqgen import check_spec, render_spec

    out = tmp_path_factory.mktemp("corpus-docx")
    rendered = {}
    for spec in sorted(CORPUS.glob("*.yaml")):
        if check_spec(spec).loaded is None:
            continue  # an invalid spec renders nothing: there is no DOCX to import
        result = render_spec(spec, output=out, formats=["docx"])
        rendered[spec.stem] = (spec, result.outputs["docx"])
    return rendered
