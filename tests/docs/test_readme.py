"""Every shell command in README.md runs, exactly as written, in a temporary clone.

A newcomer copies the README's commands one after the other; so does this test.
It takes every fenced block marked ``sh``, ``bash`` or ``shell`` from README.md,
in order, and runs each command of it in a copy of the working tree (tracked and
untracked, not ignored files: uncommitted changes included), as the same shell
session would: ``cd``, ``export`` and ``. .venv/bin/activate`` carry over to the
next command. ``HOME`` is a temporary folder, so ``~/...`` stays inside the test
(``pip install`` into ``~/...`` installs into a throwaway environment); pip's
cache is the user's own, so packages are not downloaded again. Any virtual
environment the test itself runs in is removed from ``PATH``: ``prfaqgen`` is
found only if the README says how.

Commands are lines; a line ending in ``\\`` continues on the next; blank lines and
lines starting with ``#`` are skipped; heredocs are not supported.

Annotations. By default every command must exit 0. An HTML comment on the last
non-blank line before a block changes that for every command of the block
(GitHub does not show it)::

    <!-- docs-test: exit=1 -->                      the commands must exit 1
    <!-- docs-test: interrupt-after=5 -->           send Ctrl-C (SIGINT) after 5 s,
                                                     for commands that run until
                                                     stopped (`prfaqgen watch`);
                                                     then exit 0 is expected
    <!-- docs-test: output="wrote specs/x.yaml" --> this text must appear in the
                                                     block's stdout or stderr

Keys combine (``exit=1 output="..."``); an unknown key or a malformed comment
fails the fast test below, so a typo cannot switch a check off. Put a failing
example in a block of its own.

The quick start's ``make test`` would run the whole suite a second time (and
this test again, forever). The session sets ``PYTEST_ARGS`` (the Makefile's
variable for what pytest runs) to a small fast subset: the nested run still
proves that ``make test`` creates the environment, installs prfaqgen with its
test extra and runs pytest with the project's strict markers, and the test
checks that it passed tests. The nested run also sees
``PRFAQGEN_DOCS_TEST_NESTED=1`` and skips this test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
NESTED = "PRFAQGEN_DOCS_TEST_NESTED"
SHELLS = {"sh", "bash", "shell"}
COMMAND_TIMEOUT = 1800  # the nested `make` (an install, a few tests) on a busy machine
NESTED_PYTEST_ARGS = (
    "-n 0 -q -p no:cacheprovider -m 'not slow' tests/docs tests/test_settings.py tests/validation"
)
_PASSED = re.compile(r"\b[1-9]\d* passed\b")
KEYS = {"exit", "interrupt-after", "output"}

_FENCE = re.compile(r"^(```+|~~~+)\s*([\w+-]*)")
_ANNOTATION = re.compile(r"^<!--\s*docs-test:(?P<body>.*?)-->\s*$")


class AnnotationError(ValueError):
    """A ``docs-test`` comment that cannot be read."""


@dataclass(frozen=True)
class Block:
    """One shell block of the README and what its commands must do."""

    line: int  # of the opening fence, 1-based
    commands: tuple[str, ...]
    exit: int = 0
    interrupt_after: float | None = None
    output: tuple[str, ...] = field(default_factory=tuple)


def parse_annotation(body: str, line: int) -> dict[str, str]:
    try:
        words = shlex.split(body)
    except ValueError as exc:
        raise AnnotationError(f"README.md:{line}: docs-test comment: {exc}") from None
    settings: dict[str, str] = {}
    for word in words:
        key, sep, value = word.partition("=")
        if not sep or key not in KEYS:
            raise AnnotationError(
                f"README.md:{line}: docs-test comment: `{word}` is not one of "
                f"{', '.join(sorted(f'{k}=...' for k in KEYS))}"
            )
        settings[key] = value
    return settings


def commands_of(lines: list[str]) -> tuple[str, ...]:
    commands: list[str] = []
    pending = ""
    for raw in lines:
        text = raw.rstrip()
        if not pending and (not text.strip() or text.lstrip().startswith("#")):
            continue
        if text.endswith("\\"):
            pending += text[:-1]  # as bash: backslash-newline disappears
            continue
        commands.append((pending + text).strip())
        pending = ""
    if pending:
        commands.append(pending.strip())
    return tuple(commands)


def shell_blocks(markdown: str) -> list[Block]:
    """The README's shell blocks, in order, with their annotations applied."""
    lines = markdown.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            annotation = _ANNOTATION.match(lines[index].strip())
            if annotation and not _next_is_shell_fence(lines, index):
                raise AnnotationError(
                    f"README.md:{index + 1}: a docs-test comment must stand right above "
                    "a sh, bash or shell block"
                )
            index += 1
            continue
        fence, language = opening.group(1), opening.group(2)
        end = index + 1
        while end < len(lines) and not lines[end].startswith(fence):
            end += 1
        if language in SHELLS:
            settings = _annotation_before(lines, index)
            blocks.append(
                Block(
                    line=index + 1,
                    commands=commands_of(lines[index + 1 : end]),
                    exit=int(settings.get("exit", "0")),
                    interrupt_after=(
                        float(settings["interrupt-after"])
                        if "interrupt-after" in settings
                        else None
                    ),
                    output=(settings["output"],) if "output" in settings else (),
                )
            )
        index = end + 1
    return blocks


def _previous_text_line(lines: list[str], index: int) -> int | None:
    before = index - 1
    while before >= 0 and not lines[before].strip():
        before -= 1
    return before if before >= 0 else None


def _next_is_shell_fence(lines: list[str], index: int) -> bool:
    after = index + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    opening = _FENCE.match(lines[after]) if after < len(lines) else None
    return bool(opening and opening.group(2) in SHELLS)


def _annotation_before(lines: list[str], index: int) -> dict[str, str]:
    before = _previous_text_line(lines, index)
    if before is None:
        return {}
    annotation = _ANNOTATION.match(lines[before].strip())
    if not annotation:
        return {}
    settings = parse_annotation(annotation.group("body"), before + 1)
    try:
        int(settings.get("exit", "0"))
        float(settings.get("interrupt-after", "0"))
    except ValueError:
        raise AnnotationError(
            f"README.md:{before + 1}: docs-test comment: exit takes a whole number and "
            "interrupt-after a number of seconds"
        ) from None
    return settings


# --- the fast checks: the README's blocks and annotations can be read ---------------------


def test_the_readme_shell_blocks_and_annotations_are_readable() -> None:
    blocks = shell_blocks(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no shell block"
    assert all(block.commands for block in blocks), [b.line for b in blocks if not b.commands]
    first = blocks[0]
    assert first.commands[0].startswith("make example")


def test_the_quick_start_says_how_to_run_the_installed_command() -> None:
    """The step after `make example` puts `prfaqgen` within reach before any
    README command calls it by its bare name."""
    commands = [c for b in shell_blocks(README.read_text(encoding="utf-8")) for c in b.commands]
    first_bare = next(i for i, c in enumerate(commands) if c.startswith("prfaqgen "))
    assert ". .venv/bin/activate" in commands[:first_bare]


def test_the_quick_start_runs_make_test_and_the_nested_run_is_a_subset() -> None:
    """`make test` is in the README as a user types it; the Makefile takes PYTEST_ARGS."""
    commands = [c for b in shell_blocks(README.read_text(encoding="utf-8")) for c in b.commands]
    assert any(c.split("#")[0].split() == ["make", "test"] for c in commands)
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "PYTEST_ARGS ?= -n 2" in makefile
    assert "-m pytest $(PYTEST_ARGS)" in makefile
    words = shlex.split(NESTED_PYTEST_ARGS)
    assert "not slow" in words and all((REPO / w).exists() for w in words if w.startswith("tests"))


def test_annotations_are_parsed_and_typos_refused() -> None:
    text = "\n".join(
        [
            '<!-- docs-test: exit=1 output="no such file" -->',
            "```sh",
            "prfaqgen validate nowhere.yaml   # fails",
            "```",
            "",
            "<!-- docs-test: interrupt-after=2.5 -->",
            "",
            "```bash",
            "# a comment line",
            "prfaqgen watch specs \\",
            "  -o output",
            "```",
            "```yaml",
            "prfaq: 1",
            "```",
        ]
    )
    assert shell_blocks(text) == [
        Block(2, ("prfaqgen validate nowhere.yaml   # fails",), exit=1, output=("no such file",)),
        Block(8, ("prfaqgen watch specs   -o output",), interrupt_after=2.5),
    ]
    with pytest.raises(AnnotationError, match="`exti=1` is not one of"):
        shell_blocks("<!-- docs-test: exti=1 -->\n```sh\ntrue\n```\n")
    with pytest.raises(AnnotationError, match="whole number"):
        shell_blocks("<!-- docs-test: exit=one -->\n```sh\ntrue\n```\n")
    with pytest.raises(AnnotationError, match="right above"):
        shell_blocks("<!-- docs-test: exit=1 -->\n\nSome text.\n```sh\ntrue\n```\n")


# --- the slow check: run them all ----------------------------------------------------------


def working_tree_copy(target: Path) -> None:
    """Tracked and untracked (not ignored) files of the working tree, as they are now,
    committed into a fresh git repository (as a clone is: tests such as pre-commit's
    try-repo need one)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if not source.is_file():  # deleted in the working tree
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    identity = {
        "GIT_AUTHOR_NAME": "docs test",
        "GIT_AUTHOR_EMAIL": "docs-test@example.invalid",
        "GIT_COMMITTER_NAME": "docs test",
        "GIT_COMMITTER_EMAIL": "docs-test@example.invalid",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "working tree"]):
        subprocess.run(["git", *command], cwd=target, check=True, env={**os.environ, **identity})


def clean_environment(home: Path) -> dict[str, str]:
    """The user's environment without any virtual environment or outer make, HOME in the test."""
    # A `make test VAR=...` that runs this test passes its variables on in MAKEFLAGS; the
    # nested `make` must see only what a newcomer's shell has (and PYTEST_ARGS below).
    outside = ("VIRTUAL_ENV", "PYTHONPATH", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")
    env = {k: v for k, v in os.environ.items() if k not in outside}
    venvs = {Path(sys.prefix).resolve()}
    if "VIRTUAL_ENV" in os.environ:
        venvs.add(Path(os.environ["VIRTUAL_ENV"]).resolve())
    path = [
        entry
        for entry in env.get("PATH", "").split(os.pathsep)
        if entry
        and not (Path(entry) / ".." / "pyvenv.cfg").is_file()
        and Path(entry).resolve().parent not in venvs
    ]
    pip_cache = subprocess.run(
        [sys.executable, "-m", "pip", "cache", "dir"], capture_output=True, text=True
    ).stdout.strip()
    env.update(
        PATH=os.pathsep.join(path),
        HOME=str(home),
        PIP_CACHE_DIR=env.get("PIP_CACHE_DIR") or pip_cache or str(home / ".cache" / "pip"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        PYTEST_ARGS=NESTED_PYTEST_ARGS,
        **{NESTED: "1"},
    )
    return env


@dataclass
class Session:
    """A shell session spread over processes: environment and folder carry over."""

    cwd: Path
    env: dict[str, str]
    state: Path

    def run(self, command: str, interrupt_after: float | None) -> tuple[int, str]:
        env_file, cwd_file = self.state / "env", self.state / "cwd"
        script = (
            f"{command}\n"
            "__docs_test_rc=$?\n"
            f'env -0 > "{env_file}"; pwd > "{cwd_file}"\n'
            "exit $__docs_test_rc\n"
        )
        process = subprocess.Popen(
            ["bash", "-c", script],
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            output, _ = process.communicate(timeout=interrupt_after or COMMAND_TIMEOUT)
        except subprocess.TimeoutExpired:
            if interrupt_after is None:
                os.killpg(process.pid, signal.SIGKILL)
                output, _ = process.communicate()
                return -1, output.decode("utf-8", "replace") + "\n[timed out]"
            os.killpg(process.pid, signal.SIGINT)
            try:
                output, _ = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                output, _ = process.communicate()
                return -1, output.decode("utf-8", "replace") + "\n[did not stop on Ctrl-C]"
        if env_file.is_file():
            pairs = env_file.read_bytes().decode("utf-8", "replace").split("\0")
            self.env = dict(p.split("=", 1) for p in pairs if "=" in p)
            self.cwd = Path(cwd_file.read_text(encoding="utf-8").strip())
            env_file.unlink()
        return process.returncode, output.decode("utf-8", "replace")


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get(NESTED) == "1", reason="runs inside the README's own `make test`"
)
@pytest.mark.skipif(not (REPO / ".git").exists(), reason="needs a git working tree to copy")
def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    clone, home, state = tmp_path / "prfaqgen", tmp_path / "home", tmp_path / "state"
    for folder in (clone, home, state):
        folder.mkdir()
    working_tree_copy(clone)
    session = Session(clone, clean_environment(home), state)
    for block in shell_blocks(README.read_text(encoding="utf-8")):
        outputs = []
        for command in block.commands:
            code, output = session.run(command, block.interrupt_after)
            outputs.append(output)
            assert code == block.exit, (
                f"README.md:{block.line}: `{command}` exited {code}, expected {block.exit}; "
                f"output (last 3000 characters):\n{output[-3000:]}"
            )
            assert "Traceback (most recent call last)" not in output, output[-3000:]
            if command.split("#")[0].split() == ["make", "test"]:
                assert _PASSED.search(output) and "deselected" in output, (
                    f"README.md:{block.line}: the nested `make test` ran no fast subset:\n"
                    + output[-3000:]
                )
        for expected in block.output:
            assert expected in "".join(outputs), (
                f"README.md:{block.line}: `{expected}` is not in the output:\n"
                + "".join(outputs)[-3000:]
            )
