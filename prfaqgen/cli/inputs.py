"""Turn FILE_OR_DIR arguments into the list of spec files they name."""

from __future__ import annotations

import re
from pathlib import Path

import click

SPEC_SUFFIXES = (".yaml", ".yml")


def spec_files(arguments: tuple[str, ...]) -> list[Path]:
    """Files as given; folders expand to every ``*.yaml``/``*.yml`` below them.

    Hidden folders (``.git``, ``.github``) are skipped. A path that does not
    exist, or a folder without specs, is a usage error (exit 2).
    """
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            below = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SPEC_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not below:
                raise click.UsageError(f"{argument}: folder holds no *.yaml or *.yml spec")
            found.extend(below)
        elif path.exists():
            found.append(path)
        else:
            raise click.UsageError(f"{argument}: no such file or folder")
    return list(dict.fromkeys(found))


_SPEC_KEY = re.compile(rb"^prfaq[ \t]*:", re.MULTILINE)


def is_spec_file(path: Path) -> bool:
    """Whether ``path`` is an idea spec: a YAML file with a top-level ``prfaq:`` key.

    Pre-commit passes every YAML file of a repository; CI configs and the like
    are not specs and are skipped. An unreadable file counts as a spec, so that
    reading it reports the problem.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return True
    return bool(_SPEC_KEY.search(head))
