"""python-docx, WeasyPrint and tinyhtml5 are used beyond their public API: fail loudly
when an upgrade changes what prfaqgen relies on.

Each library's internals live in one module with a RELIED_ON table (library
function -> digest of its source as read). When this fails: read the library's
new source of each function named, adapt the module, then update the digest
and the pin in pyproject.toml.
"""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path
from types import ModuleType

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from packaging.requirements import Requirement
from packaging.version import Version

from prfaqgen.compose import tinyhtml5_internals
from prfaqgen.third_party import changed, source_digest
from prfaqgen.writers import pdf_internals
from prfaqgen.writers.docx import internals as docx_internals

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "templates" / "theme" / "reference.docx"
MODULES = {
    "python-docx": docx_internals,
    "weasyprint": pdf_internals,
    "tinyhtml5": tinyhtml5_internals,
}


@pytest.mark.parametrize("library", sorted(MODULES))
def test_what_prfaqgen_relies_on_is_as_it_was_read(library: str) -> None:
    module: ModuleType = MODULES[library]
    problems = changed(module.RELIED_ON)
    version = importlib.metadata.version(library)
    assert not problems, (
        f"{library} {version} changed what {module.__name__} relies on:\n  "
        + "\n  ".join(problems)
        + f"\nRead the new source, adapt {module.__name__}, then update RELIED_ON."
    )


def _next_feature_release(library: str, installed: Version) -> Version:
    """python-docx and tinyhtml5 add features in minor releases; WeasyPrint numbers its
    releases MAJOR.PATCH (70.0, 70.1), so its next feature release is the next major."""
    if library == "weasyprint":
        return Version(f"{installed.major + 1}")
    return Version(f"{installed.major}.{installed.minor + 1}")


@pytest.mark.parametrize("library", sorted(MODULES))
def test_each_library_is_pinned_below_its_next_feature_release(library: str) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = {
        Requirement(r).name.lower(): Requirement(r) for r in project["project"]["dependencies"]
    }
    specifier = requirements[library].specifier
    installed = Version(importlib.metadata.version(library))
    assert installed in specifier
    upper = [Version(s.version) for s in specifier if s.operator == "<"]
    next_release = _next_feature_release(library, installed)
    assert upper and min(upper) <= next_release, f"{library}: pin it below {next_release}"


def test_the_check_names_a_changed_or_missing_function() -> None:
    dotted = "docx.opc.part:Part.relate_to"
    assert changed({dotted: source_digest(dotted)}) == []
    (edited,) = changed({dotted: "0000000000000000"})
    assert edited.startswith(f"{dotted}: source changed")
    (gone,) = changed({"docx.opc.part:Part.no_such_method": "0"})
    assert "gone" in gone


def test_remembered_lookups_answer_as_python_docx_does() -> None:
    plain, fast = docx.Document(str(REFERENCE)), docx.Document(str(REFERENCE))
    docx_internals.remember_lookups(fast)
    for style in plain.styles:
        if style.type not in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            continue
        for kind in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            if style.type != kind:
                with pytest.raises(ValueError):
                    fast.part.get_style_id(fast.styles[style.name], kind)
                continue
            expected = plain.part.get_style_id(style.name, kind)
            assert fast.part.get_style_id(style.name, kind) == expected
            assert fast.part.get_style_id(fast.styles[style.name], kind) == expected
    links = ["https://a.example", "https://b.example", "https://a.example"]
    assert [fast.part.relate_to(u, RT.HYPERLINK, is_external=True) for u in links] == [
        plain.part.relate_to(u, RT.HYPERLINK, is_external=True) for u in links
    ]


def test_the_font_subset_swap_is_undone() -> None:
    from weasyprint.pdf import fonts

    original = fonts.Font.subset
    with pdf_internals.embedding_fonts():
        assert fonts.Font.subset is not original
    assert fonts.Font.subset is original
