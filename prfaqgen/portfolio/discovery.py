"""Which specs a portfolio run takes: folders expanded, filters, and this machine's shard."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prfaqgen.errors import PortfolioError
from prfaqgen.spec.model import Spec

SPEC_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Candidate:
    """One spec file, and its name inside the portfolio (stable across machines)."""

    path: Path
    name: str
    """Path relative to the folder given on the command line, with ``/`` separators."""


@dataclass(frozen=True)
class Shard:
    """``--shard I/N``: this machine renders the specs whose name hashes to ``index``."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        try:
            first, second = text.split("/")
            index, count = int(first), int(second)
        except ValueError:
            raise PortfolioError(f"--shard {text}: write it as I/N, e.g. 1/4") from None
        if count < 1 or not 1 <= index <= count:
            raise PortfolioError(f"--shard {text}: I must be between 1 and N")
        return cls(index, count)

    def takes(self, name: str) -> bool:
        """A hash of the name, not its position, so adding a spec moves no other."""
        digest = hashlib.sha256(name.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    @property
    def label(self) -> str:
        return f"{self.index}-of-{self.count}"


@dataclass(frozen=True)
class Filters:
    """``--status``, ``--decision``, ``--tag``: an idea must match one value of each given."""

    status: tuple[str, ...] = ()
    decision: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def admits(self, status: str, decision: str, tags: Sequence[str]) -> bool:
        if self.status and status not in self.status:
            return False
        if self.decision and decision not in self.decision:
            return False
        wanted = {t.casefold() for t in self.tags}
        return not wanted or bool(wanted & {t.casefold() for t in tags})

    def admits_spec(self, spec: Spec) -> bool:
        decision = spec.review.decision if spec.review else "pending"
        return self.admits(spec.meta.status, decision, spec.meta.tags)


def find_specs(folders: Sequence[Path]) -> list[Candidate]:
    """Every ``*.yaml``/``*.yml`` below each folder (hidden folders skipped), sorted by name.

    A file argument is taken as it is, named by its file name. Raises
    PortfolioError for a missing path or for two specs with the same name.
    """
    found: dict[str, Candidate] = {}
    for folder in folders:
        if folder.is_file():
            files = [(folder, folder.name)]
        elif folder.is_dir():
            files = [
                (p, p.relative_to(folder).as_posix())
                for p in sorted(folder.rglob("*"))
                if p.suffix in SPEC_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            ]
        else:
            raise PortfolioError(f"{folder}: no such file or folder")
        for path, name in files:
            if name in found and found[name].path != path:
                raise PortfolioError(
                    f"{found[name].path} and {path} are both named {name} in the portfolio: "
                    "rename one, or render them as separate portfolios"
                )
            found[name] = Candidate(path, name)
    return [found[name] for name in sorted(found)]


def output_stem(name: str) -> str:
    """Where an idea's files go inside the output folder: its name without the suffix."""
    return name.rsplit(".", 1)[0]
