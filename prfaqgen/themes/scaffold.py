"""``prfaqgen theme new``: a theme folder to start from, listing every block it may override.

The block list is read from the built-in template itself, so it stays true
when the template changes.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import nodes

from prfaqgen._version import __version__
from prfaqgen.builtin import templates_dir
from prfaqgen.errors import ThemeError
from prfaqgen.render.compose import DOCUMENT_TEMPLATE

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class TemplateBlock:
    """A block of the built-in template: its name, line and the blocks it sits inside."""

    name: str
    line: int
    parents: tuple[str, ...]


def template_blocks(source: str | None = None) -> list[TemplateBlock]:
    """Every ``{% block %}`` of the built-in document template, in document order."""
    if source is None:
        source = (templates_dir() / DOCUMENT_TEMPLATE).read_text(encoding="utf-8")
    tree = jinja2.Environment().parse(source)
    found: list[TemplateBlock] = []

    def walk(node: nodes.Node, parents: tuple[str, ...]) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Block):
                found.append(TemplateBlock(child.name, child.lineno, parents))
                walk(child, (*parents, child.name))
            else:
                walk(child, parents)

    walk(tree, ())
    return found


def template_text(name: str, blocks: list[TemplateBlock]) -> str:
    """The theme's prfaq.html.j2: extends the built-in, every block listed and commented."""
    lines = [
        f"{{#- The {name} theme's document template.",
        "",
        "  It extends prfaqgen's built-in template, so it only needs the blocks it changes.",
        "  Below is every block you can override, in document order, with its line in the",
        "  built-in template (prfaqgen:prfaq.html.j2). To override one, move it out of this",
        "  comment and edit it; {{ super() }} writes the built-in content of the block.",
        "  A template sees `spec` (the idea spec), `options` (paper, draft_mark, line_numbers),",
        '  `generator`, and theme_file("logo.png"), the URL of a file in this theme folder.',
        "  docs/templates.md lists the HTML the DOCX writer understands.",
        "",
    ]
    for block in blocks:
        indent = "  " * (len(block.parents) + 1)
        inside = f", inside {block.parents[-1]}" if block.parents else ""
        stub = f"{{% block {block.name} %}}{{{{ super() }}}}{{% endblock %}}"
        lines.append(f"{indent}{stub}    (line {block.line}{inside})")
    lines += ["-#}", '{% extends "prfaqgen:prfaq.html.j2" %}', ""]
    return "\n".join(lines)


def theme_toml(name: str) -> str:
    major, minor = __version__.split(".")[:2]
    return (
        f'name = "{name}"\n'
        f'description = "The {name} look for PR/FAQ documents"\n'
        "# The prfaqgen versions this theme is made for; others refuse it with a clear error.\n"
        f'prfaqgen = ">={major}.{minor}"\n'
        "# A theme to fall back to for files this one lacks (a name or a folder):\n"
        '# extends = "builtin"\n'
        "\n"
        "# Fonts and colours for the PDF and the DOCX alike (docs/themes.md). Uncomment to\n"
        "# change them here rather than in theme.css, which the DOCX does not follow.\n"
        "# A font the theme ships goes in fonts/, declared with @font-face in theme.css.\n"
        '# body_font = "Carlito"\n'
        '# heading_font = "Carlito"\n'
        "# body_size = 11\n"
        '# text_color = "#000000"\n'
        '# heading_color = "#1a1a1a"\n'
    )


def new_theme(name: str, parent: Path) -> Path:
    """Write ``parent/name/``: theme.toml, prfaq.html.j2, theme.css, reference.docx, fonts/.

    Raises ThemeError for a bad name or a folder that exists and is not empty.
    """
    if not _SAFE_NAME.fullmatch(name):
        raise ThemeError(f"{name!r}: use letters, digits, '.', '-' and '_' only")
    folder = parent / name
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ThemeError(f"{folder}: already exists and is not empty; choose another name or --dir")
    builtin = templates_dir() / "theme"
    try:
        (folder / "fonts").mkdir(parents=True, exist_ok=True)
        (folder / "theme.toml").write_text(theme_toml(name), encoding="utf-8")
        (folder / DOCUMENT_TEMPLATE).write_text(
            template_text(name, template_blocks()), encoding="utf-8"
        )
        shutil.copyfile(builtin / "theme.css", folder / "theme.css")
        shutil.copyfile(builtin / "reference.docx", folder / "reference.docx")
        (folder / "fonts" / "README.txt").write_text(
            "Put the theme's font files here (with their licence) and declare them with\n"
            '@font-face { font-family: "..."; src: url("fonts/FILE.ttf"); } in theme.css.\n'
            "The built-in Carlito is always available without copying it.\n",
            encoding="utf-8",
        )
    except OSError as exc:
        raise ThemeError(f"{folder}: cannot be written ({exc.strerror or exc})") from None
    return folder
