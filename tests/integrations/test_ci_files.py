"""action.yml and the GitLab snippet call commands and options that exist, and annotate."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import click
import yaml
from click.testing import CliRunner

from prfaqgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "e2e" / "specs" / "minimal.yaml"


def prfaqgen_commands(script: str) -> list[list[str]]:
    return [
        shlex.split(line.strip())
        for line in script.splitlines()
        if line.strip().startswith("prfaqgen ")
    ]


def check_command(argv: list[str]) -> None:
    """The subcommand exists and takes every option the line passes."""
    name = argv[1]
    if name == "--version":
        return
    command = main.get_command(click.Context(main), name)
    assert command is not None, f"prfaqgen has no command {name}"
    known = {opt for param in command.params for opt in param.opts + param.secondary_opts}
    for word in argv[2:]:
        if word.startswith("-"):
            assert word in known, f"prfaqgen {name} has no option {word}"


def test_the_action_steps_use_real_commands() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = {step.get("name", step.get("uses")): step for step in action["runs"]["steps"]}
    assert "--format github" in steps["Validate"]["run"]
    assert "--format github" in steps["Lint"]["run"]
    assert steps["Upload the PDF and DOCX files"]["uses"].startswith("actions/upload-artifact@")
    for step in action["runs"]["steps"]:
        for argv in prfaqgen_commands(step.get("run", "")):
            check_command(argv)


def test_the_gitlab_snippet_uses_real_commands() -> None:
    docs = (ROOT / "docs" / "ci.md").read_text()
    (snippet,) = re.findall(r"```yaml\n(# \.gitlab-ci\.yml\n.*?)```", docs, re.S)
    job = yaml.safe_load(snippet)["prfaq"]
    assert job["artifacts"]["paths"] == ["build/prfaq/*.pdf", "build/prfaq/*.docx"]
    for line in job["script"]:
        check_command(shlex.split(line))


def test_validate_prints_github_annotations(tmp_path: Path) -> None:
    spec = tmp_path / "idea.yaml"
    spec.write_text(MINIMAL.read_text().replace("status: final", "status: finished"))
    result = CliRunner().invoke(main, ["validate", "--format", "github", str(spec)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"::error file={spec},line=7,col=11,title=meta.status::must be one of")


def test_the_action_finds_the_output_folder_from_the_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "prfaqgen.toml").write_text('output = "build/prfaq"\n')
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    (render,) = [s for s in action["runs"]["steps"] if s.get("name") == "Render"]
    reader = re.search(r'python -c "(.*?)"\)', render["run"])
    assert reader is not None
    config = subprocess.run(
        [sys.executable, "-m", "prfaqgen", "config", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    folder = subprocess.run(
        [sys.executable, "-c", reader[1]], input=config.stdout, capture_output=True, text=True
    )
    assert folder.stdout.strip() == str((tmp_path / "build/prfaq").resolve())
    assert json.loads(config.stdout)["config_file"] == str((tmp_path / "prfaqgen.toml").resolve())
