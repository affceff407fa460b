"""``prfaqgen import``: an existing PR/FAQ draft (DOCX or Markdown) -> a format-1 spec.

readers (docx_reader, markdown_reader) -> one draft model (draft.py) -> the
placer (placer.py, cues.py) -> the YAML emitter (emitter.py). The result is
checked with the project's own validation before anyone writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.importing.assemble import Gap
from prfaqgen.importing.guard import draft_format
from prfaqgen.importing.placer import place
from prfaqgen.spec.loader import CheckResult, check_spec_text


@dataclass(frozen=True)
class ImportResult:
    """What ``import_draft`` made: the spec's text, its pictures, the gaps and its check."""

    text: str
    images: dict[Path, bytes]
    gaps: tuple[Gap, ...]
    check: CheckResult
    unread: tuple[str, ...] = ()
    """What the draft holds that was not imported (text boxes, footnotes, comments)."""

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.check.diagnostics

    def gap_report(self) -> list[tuple[Gap, Diagnostic | None]]:
        """Each gap with the spec diagnostic at its TODO (or its missing-part warning)."""
        return [
            (gap, next((d for d in self.diagnostics if _about(d, gap.path)), None))
            for gap in self.gaps
        ]

    def other_diagnostics(self) -> list[Diagnostic]:
        """What validation says that no gap already says."""
        return [d for d in self.diagnostics if not any(_about(d, g.path) for g in self.gaps)]


def import_draft(
    draft: str | Path,
    target: str | Path,
    *,
    title: str | None = None,
    author: str | None = None,
    today: date | None = None,
) -> ImportResult:
    """Read ``draft`` and make the spec that would be written at ``target`` (nothing is written).

    Pictures go to ``<target stem>-images/`` beside the spec. Raises
    :class:`prfaqgen.errors.DraftError` for a draft that cannot be read.
    """
    draft, target = Path(draft), Path(target)
    prefix = f"{target.stem}-images"
    if draft_format(draft) == "docx":
        from prfaqgen.importing.docx_reader import read_docx

        read = read_docx(draft, prefix)
    else:
        from prfaqgen.importing.markdown_reader import read_markdown

        read = read_markdown(draft, prefix)
    from prfaqgen.importing.emitter import emit

    placed = place(read, title=title, author=author, today=today)
    text = emit(placed, draft.name, read.front_matter, read.unread)
    images = {target.parent / prefix / name: data for name, data in read.images.items()}
    check = _check(text, target, images)
    return ImportResult(text, images, tuple(placed.gaps), check, tuple(read.unread))


def _check(text: str, target: Path, images: dict[Path, bytes]) -> CheckResult:
    """Validate as the written file will be; pictures not yet written are checked by name only."""
    result = check_spec_text(text, str(target))  # the working folder / target = the target
    if not images:
        return result
    missing = {str(p.relative_to(target.parent)) for p in images}
    kept = tuple(d for d in result.diagnostics if not any(m in d.message for m in missing))
    return CheckResult(result.file, result.loaded, kept)


def _about(diagnostic: Diagnostic, path: str) -> bool:
    return diagnostic.path == path or diagnostic.path.startswith((f"{path}.", f"{path}["))
