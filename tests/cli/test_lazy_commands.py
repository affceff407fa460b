"""A command imports only what it uses: `render --format docx` does not build the other
commands or import libraries a DOCX never needs, and `--help` still lists every command."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from prfaqgen.cli import COMMANDS, main
from tests.cli.conftest import EXAMPLE, REPO, modules_after

# Imported by a DOCX-only render once, before: each for one small job
# (url2pathname, an XML attribute quote, a version range, theme look-up by name).
NEVER_FOR_DOCX = (
    "weasyprint",
    "urllib.request",
    "http.client",
    "ssl",
    "xml.sax",
    "packaging",
)

# The helpers every command shares; they are not commands.
SHARED = ("report", "settings_options", "inputs")


@pytest.mark.slow
def test_a_docx_render_imports_neither_other_commands_nor_libraries_it_does_not_use(
    tmp_path: Path,
) -> None:
    loaded = modules_after(REPO, "render", str(EXAMPLE), "-o", str(tmp_path), "--format", "docx")
    document = docx.Document(str(tmp_path / "example.docx"))
    assert any("Frequently asked questions" in p.text for p in document.paragraphs)
    commands = {m for m in loaded if m.startswith("prfaqgen.cli.") and m.count(".") == 2}
    assert commands <= {"prfaqgen.cli.render", *(f"prfaqgen.cli.{m}" for m in SHARED)}
    assert "prfaqgen.cli.render" in commands
    assert not {m for m in loaded if m.split(".")[0] in NEVER_FOR_DOCX or m in NEVER_FOR_DOCX}


def test_help_lists_every_command_and_each_command_loads() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = result.stdout.split("Commands:")[1]
    names = [line.split()[0] for line in listed.splitlines() if line.strip()]
    assert names == list(COMMANDS)
    for name in names:
        help_text = CliRunner().invoke(main, [name, "--help"])
        assert help_text.exit_code == 0, (name, help_text.output)
        assert help_text.stdout.startswith(f"Usage: main {name} [OPTIONS]")


def test_a_misspelt_command_gets_a_suggestion() -> None:
    result = CliRunner().invoke(main, ["rendr", "specs/example.yaml"])
    assert result.exit_code == 2
    assert "Did you mean 'render'?" in result.stderr
