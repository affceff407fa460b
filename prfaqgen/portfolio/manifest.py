"""The manifest: what each spec rendered to, keyed by a hash of everything its output depends on.

A spec whose key is unchanged since the last run (same bytes, images, theme
and templates, settings and prfaqgen version) and whose files are still there
is not rendered again. Shards each write their own manifest; ``--collect``
merges them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prfaqgen._version import __version__
from prfaqgen.atomic import write_atomically
from prfaqgen.builtin import templates_dir
from prfaqgen.diagnostics import Diagnostic
from prfaqgen.errors import PortfolioError
from prfaqgen.look import Theme
from prfaqgen.portfolio.ranking import IdeaRow
from prfaqgen.settings import Settings

MANIFEST_VERSION = 2
MANIFEST_NAME = "portfolio-manifest.json"


def manifest_name(shard_label: str | None) -> str:
    return MANIFEST_NAME if shard_label is None else f"portfolio-manifest.shard-{shard_label}.json"


@dataclass
class Manifest:
    """Per spec name: its key, its row and its warnings; the key of the comparison last
    written; and per spec its review history (scores and decision per run date)."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    comparison_key: str | None = None
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def row(self, name: str, key: str) -> IdeaRow | None:
        entry = self.entries.get(name)
        if entry is None or entry.get("key") != key:
            return None
        return IdeaRow.from_dict(entry["row"])

    def warnings(self, name: str) -> tuple[Diagnostic, ...]:
        """The warnings the spec had when it was last rendered (kept for ``--strict``)."""
        entry = self.entries.get(name) or {}
        return tuple(Diagnostic(**w) for w in entry.get("warnings", ()))

    def record(
        self, name: str, key: str, row: IdeaRow, warnings: Sequence[Diagnostic] = ()
    ) -> None:
        stored = {k: v for k, v in row.as_dict().items() if k not in ("change", "history")}
        self.entries[name] = {
            "key": key,
            "row": stored,
            "warnings": [w.as_dict() for w in warnings],
        }

    def rows(self) -> list[IdeaRow]:
        return [IdeaRow.from_dict(e["row"]) for e in self.entries.values()]

    def to_bytes(self) -> bytes:
        payload = {
            "prfaqgen_manifest": MANIFEST_VERSION,
            "prfaqgen": __version__,
            "comparison_key": self.comparison_key,
            "specs": {name: self.entries[name] for name in sorted(self.entries)},
            "history": {name: self.history[name] for name in sorted(self.history)},
        }
        return (json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def read_manifest(path: Path, *, required: bool = False) -> Manifest:
    """The manifest at ``path``; a missing or unreadable one is empty (everything renders).

    With ``required`` (``--collect``), a problem is a PortfolioError instead.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("prfaqgen_manifest") != MANIFEST_VERSION or data.get("prfaqgen") != __version__:
            if required:
                raise PortfolioError(
                    f"{path}: written by another prfaqgen version ({data.get('prfaqgen')}); "
                    "render the shards again with this one"
                )
            return Manifest()
        history = {str(k): list(v) for k, v in dict(data.get("history") or {}).items()}
        return Manifest(dict(data["specs"]), data.get("comparison_key"), history)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if required:
            raise PortfolioError(f"{path}: not a readable portfolio manifest ({exc})") from None
        return Manifest()


def write_manifest(path: Path, manifest: Manifest) -> None:
    write_atomically(path, manifest.to_bytes())


def spec_key(spec: Path, images: Iterable[Path], settings: Settings, theme: Theme) -> str:
    """A hash of everything the rendered files of ``spec`` depend on."""
    digest = hashlib.sha256()
    digest.update(f"prfaqgen {__version__}\n".encode())
    digest.update(settings_fingerprint(settings).encode())
    _add_file(digest, spec)
    for image in sorted(set(images)):
        _add_file(digest, image)
    digest.update(theme_fingerprint(theme).encode())
    return digest.hexdigest()


def settings_fingerprint(settings: Settings) -> str:
    """The settings that change a document (not where it is written)."""
    fields = {k: v for k, v in vars(settings).items() if k not in ("output", "portfolio")}
    return repr(sorted((k, repr(v)) for k, v in fields.items()))


_THEME_CACHE: dict[tuple[Path, ...], str] = {}


def theme_fingerprint(theme: Theme) -> str:
    """A hash of every file of the theme and of the templates (built-in and the user's)."""
    folders = tuple(
        dict.fromkeys(
            [templates_dir(), *theme.template_dirs, *theme.asset_dirs, *theme.roots]
            + [theme.stylesheet.parent, theme.reference_docx.parent]
        )
    )
    if folders not in _THEME_CACHE:
        digest = hashlib.sha256()
        for folder in folders:
            for path in sorted(_files_below(folder)):
                digest.update(str(path.relative_to(folder)).encode())
                _add_file(digest, path)
        _THEME_CACHE[folders] = digest.hexdigest()
    return _THEME_CACHE[folders]


def _files_below(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return []
    return (Path(root) / name for root, _, names in os.walk(folder) for name in names)


def _add_file(digest: Any, path: Path) -> None:
    digest.update(f"\n{path.name}\n".encode())
    try:
        digest.update(path.read_bytes())
    except OSError:
        digest.update(b"<missing>")
