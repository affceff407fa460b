"""Write files so that a reader never sees half of one.

Each file is written to a temporary file in the same folder, flushed to disk,
then renamed over the target: a failure or an interrupted run leaves the
previous file as it was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    write_all_atomically({target: data})


def write_all_atomically(files: Mapping[Path, bytes]) -> None:
    """Write every file, or none: all are staged beside their targets first.

    A rename within one folder does not fail for want of space, so once every
    temporary file is written and flushed, the renames complete the set.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            try:
                staged.append((_stage(target, data), target))
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(target)) from exc
        while staged:
            temp_name, target = staged[0]
            os.replace(temp_name, target)
            staged.pop(0)
    except BaseException:
        for temp_name, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
        raise


def _stage(target: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``target``; return its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return temp_name
