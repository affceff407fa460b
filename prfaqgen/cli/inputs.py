"""Turn FILE_OR_DIR arguments into the list of spec files they name."""

from __future__ import annotations

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
