"""The pre-commit hooks of .pre-commit-hooks.yaml, run for real with ``pre-commit try-repo``.

pre-commit installs prfaqgen from this checkout into its own virtualenv (the
dependencies come from PyPI, pinned by constraints.txt), then runs the hook on
a temporary host repository holding a valid spec, a broken one and a YAML
file that is not a spec.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import yaml

from prfaqgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "e2e" / "specs" / "minimal.yaml"


def hooks() -> dict[str, dict[str, object]]:
    return {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }


def test_the_hooks_pass_yaml_files_and_call_commands_that_exist() -> None:
    found = hooks()
    assert sorted(found) == ["prfaqgen-lint", "prfaqgen-validate"]
    for hook in found.values():
        assert hook["files"] == r"\.ya?ml$"
        command = str(hook["entry"]).split()
        assert command[0] == "prfaqgen" and "--only-specs" in command
    assert "--only-specs" in [
        p.opts[0] for p in main.get_command(click.Context(main), "validate").params if p.opts
    ]


def host_repo(root: Path) -> Path:
    repo = root / "host"
    (repo / "docs" / "prfaq").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copyfile(MINIMAL, repo / "docs" / "prfaq" / "good.yaml")
    (repo / "docs" / "prfaq" / "bad.yaml").write_text(
        MINIMAL.read_text().replace("status: final", "status: finished")
    )
    (repo / ".gitlab-ci.yml").write_text("stages: [test]\njob: {script: [make]}\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    return repo


@pytest.mark.slow
@pytest.mark.parametrize("hook", ["prfaqgen-validate", "prfaqgen-lint"])
def test_pre_commit_try_repo(tmp_path: Path, hook: str) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = host_repo(tmp_path)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_CONSTRAINT": str(ROOT / "constraints.txt"),
    }
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "docs/prfaq/bad.yaml:7:11: meta.status: must be one of" in output
    assert ".gitlab-ci.yml" not in output  # passed to the hook, skipped: not a spec
    if hook == "prfaqgen-validate":
        assert "2 files checked: 1 invalid; 1 error" in output
