"""Write a set of files so that a reader never sees half of one, nor a mixed set.

Each file is first written to a temporary file beside its target (named
``.NAME.PID.RANDOM.tmp``), flushed to disk; only when every one is staged
are they renamed over their targets, back to back, with SIGINT and SIGTERM
held off until the last rename is done. Every target is checked before the
first rename, so a target that is a folder or a read-only file fails the run
with the old files untouched.

What a kill can leave behind (docs/limits.md says it for users): SIGKILL or
a power cut before the first rename leaves the previous files and stray
temporary files, which the next run into that folder deletes; during the
renames (microseconds: no writing, no flushing) it can leave a new file
beside an old one. SIGINT and SIGTERM wait for the renames to finish.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def write_atomically(target: Path, data: bytes) -> None:
    write_all_atomically({target: data})


def write_all_atomically(files: Mapping[Path, bytes]) -> None:
    """Write every file, or none: all are staged and checked before the first rename.

    A rename within one folder does not fail for want of space, so once every
    temporary file is written and flushed, the renames complete the set.
    Raises OSError whose ``filename`` is the real target.
    """
    for target in files:
        _check_target(target)
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            try:
                staged.append((_stage(target, data), target))
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(target)) from exc
        with _signals_held():
            while staged:
                temp_name, target = staged[0]
                try:
                    os.replace(temp_name, target)
                except OSError as exc:
                    raise OSError(exc.errno, exc.strerror, str(target)) from exc
                staged.pop(0)
    except BaseException:
        for temp_name, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
        raise


def _check_target(target: Path) -> None:
    """Refuse, before anything is replaced, a target that cannot be replaced by a file."""
    if target.is_dir():
        raise OSError(21, "it is a folder; remove it or choose another output folder", str(target))
    if target.parent.exists() and not target.parent.is_dir():
        raise OSError(20, f"{target.parent} is not a folder", str(target))
    if _read_only(target):
        raise OSError(
            errno.EACCES,
            "it is read-only; make it writable with chmod u+w, or choose another output folder",
            str(target),
        )


def _read_only(target: Path) -> bool:
    """An existing file its owner marked read-only, or that we may not write.

    A rename would replace it regardless (only the folder's permission counts),
    so the mark is checked by hand; by its mode bits too, since for root (a
    container, CI) the access check always says yes.
    """
    try:
        mode = target.lstat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    return not mode & 0o222 or not os.access(target, os.W_OK)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (delivered afterwards) while the renames run."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stage(target: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``target``; return its name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target)
    fd, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent
    )
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


def _remove_stale(target: Path) -> None:
    """Delete temporary files for ``target`` left by a run that was killed.

    Only our own names, and only those whose process is gone: a concurrent
    render into the same folder keeps its files.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp")
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            match = pattern.fullmatch(entry.name)
            if match and not _alive(int(match.group(1))) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True  # maybe another thread of this process, writing right now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
