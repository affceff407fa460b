"""A spec as it was in git, and who the changes are by: ``git show REF:path``, ``user.name``.

git runs with an argument list (no shell) in the spec's folder; the ref and
path are passed as data, after ``--end-of-options`` where git reads options.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from prfaqgen.errors import PrfaqgenError

_TIMEOUT = 30


class GitError(PrfaqgenError):
    """The old spec could not be read from git."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    program = shutil.which("git")
    if program is None:
        raise GitError("git is not installed: install git, or give the old spec as a file")
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(
            [program, *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_TIMEOUT,
            check=False,
            env=env,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git could not run in {cwd}: {exc}") from None


def show_at(ref: str, spec: Path) -> str:
    """The text of ``spec`` at git revision ``ref`` (a commit, branch or tag)."""
    folder = spec.resolve().parent
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise GitError(
            f"{spec}: is not in a git repository, so --since {ref} cannot read its old "
            "version; give the old spec as a file: prfaqgen diff OLD.yaml NEW.yaml"
        )
    root = Path(top.stdout.strip())
    try:
        relative = spec.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError(
            f"{spec}: its real path is outside the repository {root}; "
            "give the old spec as a file: prfaqgen diff OLD.yaml NEW.yaml"
        ) from None
    commit = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root
    )
    if commit.returncode != 0:
        raise GitError(
            f"{ref}: is not a commit, branch or tag of the repository {root}; "
            "see `git log --oneline` for the revisions to compare with"
        )
    shown = _git(["show", f"{commit.stdout.strip()}:{relative}"], root)
    if shown.returncode != 0:
        raise GitError(
            f"{spec}: is not in {ref} (git has no {relative} there); "
            "choose an older revision that has the spec, or give the old spec as a file"
        )
    return shown.stdout


def user_name(folder: Path) -> str | None:
    """git's ``user.name`` for ``folder``, if git is there and one is set."""
    try:
        result = _git(["config", "user.name"], folder)
    except GitError:
        return None
    name = result.stdout.strip()
    return name if result.returncode == 0 and name else None
