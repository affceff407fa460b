"""Issue 9 point 6: prfaqgen embedded in a host repository, for real.

A git repository with ``[tool.prfaqgen]`` in its pyproject.toml, the Acme
theme installed with pip from a local folder (found through its entry point),
and a spec in docs/prfaq/: ``prfaqgen render docs/prfaq/idea.yaml`` with no
flags gives A4 output in the theme's look, in the configured folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from docx import Document
from e2e_helpers import clean_env, embedded_fonts, run_prfaqgen
from pypdf import PdfReader
from theme_helpers import build_acme, fonts_available

EXAMPLE = Path(__file__).resolve().parents[2] / "specs" / "example.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not fonts_available(), reason="needs fonts-dejavu-core"),
]


def theme_package(root: Path) -> Path:
    """A pip-installable package whose folder is the Acme theme, declared by entry point."""
    project = root / "acme-prfaq-theme"
    theme = build_acme(project)
    theme.rename(project / "acme_prfaq_theme")
    (project / "acme_prfaq_theme" / "__init__.py").write_text('"""The Acme PR/FAQ theme."""\n')
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "acme-prfaq-theme"
            version = "1.0.0"

            [project.entry-points."prfaqgen.themes"]
            acme = "acme_prfaq_theme"

            [tool.setuptools]
            packages = ["acme_prfaq_theme"]

            [tool.setuptools.package-data]
            acme_prfaq_theme = ["*.toml", "*.j2", "*.css", "*.docx", "*.png", "fonts/*"]
            """
        )
    )
    return project


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("embedded")
    site = root / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site)]
    # pip builds the package in an isolated environment with setuptools from PyPI.
    subprocess.run([*pip, str(theme_package(root))], check=True, timeout=600)

    repo = root / "host"
    (repo / "docs" / "prfaq").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copyfile(EXAMPLE, repo / "docs" / "prfaq" / "idea.yaml")
    (repo / "pyproject.toml").write_text(
        textwrap.dedent(
            """\
            [project]
            name = "host-service"
            version = "0.1.0"

            [tool.prfaqgen]
            paper = "a4"
            output = "build/prfaq"
            theme = "acme"
            """
        )
    )
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))
    return repo, clean_env(PYTHONPATH=path)


def test_render_with_no_flags_uses_the_host_config_and_installed_theme(
    host: tuple[Path, dict[str, str]],
) -> None:
    repo, env = host
    listed = run_prfaqgen("theme", "list", cwd=repo, env=env)
    assert "acme     package acme-prfaq-theme: Acme Corp house style" in listed.stdout

    result = run_prfaqgen("render", "docs/prfaq/idea.yaml", cwd=repo, env=env)
    assert result.returncode == 0, result.stderr
    out = repo / "build" / "prfaq"
    assert sorted(p.name for p in out.iterdir()) == ["idea.docx", "idea.pdf"]
    assert not (repo / "output").exists()

    reader = PdfReader(out / "idea.pdf")
    width, height = (round(float(v)) for v in reader.pages[0].mediabox[2:])
    assert (width, height) == (595, 842)  # A4 in points
    assert "Acme Corp · Gapfill · Draft" in reader.pages[0].extract_text()
    assert embedded_fonts(reader).get("DejaVu-Serif") is True

    document = Document(str(out / "idea.docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].element.xpath(".//w:rFonts/@w:ascii") == ["DejaVu Serif"]
    header = " ".join(" ".join(p.text for p in section.header.paragraphs).split())
    assert "Acme Corp · Gapfill · Draft" in header


def test_config_shows_the_host_settings(host: tuple[Path, dict[str, str]]) -> None:
    repo, env = host
    result = run_prfaqgen("config", "docs/prfaq/idea.yaml", cwd=repo, env=env)
    assert result.returncode == 0, result.stderr
    config = (repo / "pyproject.toml").resolve()
    assert f'paper        = "a4"  # {config}:6' in result.stdout
    assert f'theme        = "acme"  # {config}:8' in result.stdout
