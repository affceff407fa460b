"""Compiled templates kept on disk between runs, trusted only as the user's own files are.

Compiling ``prfaq.html.j2`` (parsing it, generating Python, compiling that) is
about a tenth of a DOCX-only render, paid again by every process. The code
Jinja makes depends only on the template's source, name and file, on the
environment's settings, and on the Jinja, Python and prfaqgen versions; so the
code object is kept (``marshal``) under a digest of all of them and used again
only when every one matches. The output is the same, byte for byte.

Loading code is running code, so an entry is used only if nobody but this user
could have written it: the folder and the file must be owned by the user and
writable by no one else, and neither may be a symbolic link (``ssh`` treats
``~/.ssh`` so). Whoever could plant a file there could already edit the user's
shell start-up files. An entry starts with the digest of its template's source
and settings, so an entry copied from another template, another version or
another machine is never used. The cache is Jinja's FileSystemBytecodeCache (its
folder, file names and ``clear()``) with the look-up and the entries replaced:
Jinja's own reads an entry's header with ``pickle``, from any file, and keys it
on the template only, not on the environment's settings.

Where: ``$PRFAQGEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/prfaqgen``, else
``~/.cache/prfaqgen``; ``PRFAQGEN_NO_CACHE=1`` turns it off. Any problem (a
read-only home, a foreign or corrupt entry, no ``os.geteuid`` on Windows) means
compiling as before, never an error.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import marshal
import os
import stat
import sys
import types
from collections.abc import Callable
from functools import cache
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from prfaqgen._version import __version__
from prfaqgen.atomic import write_atomically

FORMAT = b"prfaqgen compiled template 1\n"
MAX_ENTRY_BYTES = 16 * 1024 * 1024
#: Entries kept; the least recently written go first (a template edited many times).
MAX_ENTRIES = 200
_SUFFIX = ".code"


def cache_folder() -> Path | None:
    """The folder compiled templates are kept in, or None when the cache is off."""
    if os.environ.get("PRFAQGEN_NO_CACHE", "") not in ("", "0") or not hasattr(os, "geteuid"):
        return None
    chosen = os.environ.get("PRFAQGEN_CACHE_DIR", "")
    if chosen:
        return Path(chosen).expanduser() / "templates"
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "prfaqgen" / "templates"


class TemplateCodeCache(jinja2.FileSystemBytecodeCache):
    """A Jinja bytecode cache in one private folder (see the module's docstring)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), f"%s{_SUFFIX}")
        self.folder = folder

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = _digest(_versions(), _settings(environment, name), name, filename or "")
        bucket = Bucket(environment, key, _digest(key, source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        header = FORMAT + bytes.fromhex(bucket.checksum)
        data = _read_private(self.folder, bucket.key + _SUFFIX)
        if data is None or not data.startswith(header):
            return
        digest, body = data[len(header) : len(header) + 32], data[len(header) + 32 :]
        if hashlib.sha256(body).digest() != digest:  # a damaged entry never reaches marshal
            return
        try:
            code = marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(code, types.CodeType):
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        body = marshal.dumps(bucket.code)
        data = FORMAT + bytes.fromhex(bucket.checksum) + hashlib.sha256(body).digest() + body
        with contextlib.suppress(OSError):
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if _private(os.lstat(self.folder), stat.S_ISDIR):
                write_atomically(self.folder / (bucket.key + _SUFFIX), data)
                _prune(self.folder)

    def clear(self) -> None:
        """Jinja's ``clear()`` (every entry of this pattern), quiet when there is no folder yet."""
        with contextlib.suppress(OSError):
            super().clear()


def _read_private(folder: Path, name: str) -> bytes | None:
    """The entry's bytes, if the folder and the entry are this user's alone; else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        if not _private(os.lstat(folder), stat.S_ISDIR):
            return None
        fd = os.open(folder / name, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not _private(info, stat.S_ISREG) or info.st_size > MAX_ENTRY_BYTES:
            return None
        return handle.read(MAX_ENTRY_BYTES + 1)


def _private(info: os.stat_result, kind: Callable[[int], bool]) -> bool:
    """Of the expected kind (not a link), owned by this user, writable by no one else."""
    return kind(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o022


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*" + _SUFFIX), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[: max(len(entries) - MAX_ENTRIES, 0)]:
        old.unlink()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@cache
def _versions() -> str:
    """The versions the code depends on, and the modules that configure the environment
    (their size and time: in a checkout the version stays while the code changes)."""
    from prfaqgen.compose import environments, markdown, templating, typography

    modules = []
    for module in (templating, environments, markdown, typography):
        with contextlib.suppress(OSError, TypeError):
            info = os.stat(module.__file__ or "")
            modules.append(f"{module.__name__}:{info.st_size}:{info.st_mtime_ns}")
    magic = importlib.util.MAGIC_NUMBER.hex()
    return repr((__version__, jinja2.__version__, sys.version, magic, modules))


def _settings(env: jinja2.Environment, name: str) -> str:
    """Every setting of ``env`` that changes the code a template compiles to."""
    autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
    return repr(
        (
            f"{type(env).__module__}.{type(env).__qualname__}",
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.is_async,
            bool(autoescape),
            sorted(env.extensions),
            sorted(env.filters),
            sorted(env.tests),
            sorted(getattr(env, "intercepted_binops", ())),
            sorted(getattr(env, "intercepted_unops", ())),
            _qualified(env.finalize),
        )
    )


def _qualified(value: object) -> str:
    if value is None:
        return "None"
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
