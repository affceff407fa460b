"""Find a theme by name or folder and build the Theme the compose stage uses.

A theme is a folder: ``prfaq.html.j2`` (and other templates) overriding blocks
of the built-in template, ``theme.css`` (the PDF look), ``reference.docx``
(the DOCX look), fonts and images, and ``theme.toml``. It may be the
built-in one, any folder, or a folder inside an installed package that
declares it in the entry-point group ``prfaqgen.themes``.

Containment: a theme is untrusted like a template. Every file it names is used
only when its real path (symbolic links resolved) is inside the folder it
belongs to; a link that leaves it, the file's or the folder's own, is refused.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prfaqgen.builtin import templates_dir
from prfaqgen.errors import ThemeError
from prfaqgen.look import Look, Theme
from prfaqgen.themes.metadata import ThemeInfo, read_theme_info

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

ENTRY_POINT_GROUP = "prfaqgen.themes"
BUILTIN_NAMES = ("builtin", "prfaqgen", "default")
STYLESHEET = "theme.css"
REFERENCE_DOCX = "reference.docx"
MAX_EXTENDS = 8


@dataclass(frozen=True)
class ThemeLayer:
    """One theme of a chain: where its templates and its files are, and its root."""

    name: str
    origin: str
    """``built-in``, ``folder`` or ``package DIST``."""
    templates: Path
    files: Path
    root: Path
    """The real folder every file of this layer must stay inside."""
    info: ThemeInfo


def looks_like_path(value: str, base: Path | None = None) -> bool:
    """A value with a slash, starting with a dot, or naming an existing folder is a path."""
    if "/" in value or "\\" in value or value.startswith("."):
        return True
    return (Path(base or Path.cwd()) / value).is_dir()


def installed_themes() -> dict[str, EntryPoint]:
    """Themes that installed packages declare in the ``prfaqgen.themes`` entry-point group."""
    # Imported here: importlib.metadata (zipfile, email, csv) is only needed to look
    # a theme up by name, not for the built-in theme or a folder.
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def builtin_layer() -> ThemeLayer:
    root = templates_dir()
    real = Path(os.path.realpath(root))
    return ThemeLayer("builtin", "built-in", root, root / "theme", real, ThemeInfo())


def locate_theme(value: str | None, base: Path | None = None) -> ThemeLayer:
    """The theme ``value`` names: None or ``builtin``, a folder, or an installed theme's name.

    Folders are relative to ``base`` (the working folder by default).
    """
    if value is None or value in BUILTIN_NAMES:
        return builtin_layer()
    if looks_like_path(value, base):
        folder = Path(os.path.abspath(Path(base or Path.cwd()) / value))
        if not folder.is_dir():
            raise ThemeError(f"{folder}: theme folder not found")
        return _folder_layer(folder, "folder", folder.name)
    installed = installed_themes()
    if value not in installed:
        known = ", ".join(["builtin", *sorted(installed)])
        raise ThemeError(
            f"theme {value!r} not found: it is not a folder, and no installed package declares "
            f"it in the {ENTRY_POINT_GROUP!r} entry-point group; the themes here are {known} "
            "(`prfaqgen theme list`)"
        )
    return _package_layer(installed[value])


def load_theme(
    theme: str | None = None, templates: Path | None = None, *, base: Path | None = None
) -> Theme:
    """The Theme for a render: the ``templates`` folder first, then the theme and what it extends.

    Raises ThemeError for a theme that cannot be found, does not support this
    prfaqgen, extends in a circle, or names a file outside its folder.
    """
    layers = _chain(locate_theme(theme, base))
    if templates is not None:
        if not templates.is_dir():
            raise ThemeError(f"{templates}: templates folder not found")
        root = Path(os.path.realpath(templates))
        user = ThemeLayer("templates", "folder", templates, templates / "theme", root, ThemeInfo())
        _check_inside(user.files, root, "the theme folder")
        layers = [user, *layers]
    stylesheet = _pick(layers, STYLESHEET)
    reference = _pick(layers, REFERENCE_DOCX)
    look = _merged_look(layers)
    builtin = templates_dir()
    return Theme(
        stylesheet=stylesheet,
        reference_docx=reference,
        fonts_dir=builtin / "theme" / "fonts",
        name=next(layer.name for layer in layers if layer.name != "templates"),
        template_dirs=tuple(layer.templates for layer in layers if layer.templates != builtin),
        asset_dirs=tuple(layer.files for layer in layers if layer.templates != builtin),
        roots=tuple(dict.fromkeys(layer.root for layer in layers)),
        docx_font=look.body_font,
        look=look,
    )


def _merged_look(layers: list[ThemeLayer]) -> Look:
    """Each key of the look from the first theme of the chain that sets it."""
    merged: dict[str, object] = {}
    for layer in reversed(layers):
        merged.update({k: v for k, v in vars(layer.info.look).items() if v is not None})
    return Look(**merged)  # type: ignore[arg-type]


def theme_file(theme: Theme, name: str) -> Path:
    """A file of the theme (a logo, say) by its name inside the theme folder, contained."""
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise ThemeError(f"{name}: a theme file is named relative to its theme folder")
    for folder in theme.asset_dirs:
        candidate = folder / name
        if candidate.is_file():
            # Each folder was checked to be inside its theme's root when the theme was loaded.
            _check_inside(candidate, Path(os.path.realpath(folder)), "the theme file")
            return candidate
    raise ThemeError(f"{name}: no such file in theme {theme.name!r}")


def _chain(first: ThemeLayer) -> list[ThemeLayer]:
    layers = [first]
    while layers[-1].info.extends and layers[-1].origin != "built-in":
        parent = locate_theme(layers[-1].info.extends, layers[-1].files)
        if any(parent.root == layer.root for layer in layers) or len(layers) > MAX_EXTENDS:
            names = " -> ".join(layer.name for layer in [*layers, parent])
            raise ThemeError(f"themes extend in a circle or too deep: {names}; break the chain")
        layers.append(parent)
    if layers[-1].origin != "built-in":
        layers.append(builtin_layer())
    return layers


def _folder_layer(folder: Path, origin: str, fallback_name: str) -> ThemeLayer:
    root = Path(os.path.realpath(folder))
    info = read_theme_info(folder)
    return ThemeLayer(info.name or fallback_name, origin, folder, folder, root, info)


def _package_layer(ep: EntryPoint) -> ThemeLayer:
    where = f"the theme {ep.name!r} of {ep.dist.name if ep.dist else 'an installed package'}"
    try:
        spec = importlib.util.find_spec(ep.module)
    except (ImportError, ValueError) as exc:
        raise ThemeError(f"{where}: cannot find package {ep.module!r}: {exc}") from None
    if spec is None:
        raise ThemeError(f"{where}: package {ep.module!r} is not installed; reinstall the theme")
    if spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
    elif spec.origin:
        folder = Path(spec.origin).parent
    else:
        raise ThemeError(f"{where}: package {ep.module!r} has no folder")
    if ep.attr:
        folder = folder / ep.attr
    if not folder.is_dir():
        raise ThemeError(f"{where}: {folder} is not a folder; fix the entry point {ep.value!r}")
    origin = f"package {ep.dist.name}" if ep.dist else "package"
    return _folder_layer(folder, origin, ep.name)


def _pick(layers: list[ThemeLayer], name: str) -> Path:
    for layer in layers:
        candidate = layer.files / name
        if os.path.lexists(candidate):
            _check_inside(candidate, layer.root, f"the theme's {name}")
            if not candidate.is_file():
                raise ThemeError(f"{candidate}: not a file")
            return candidate
    raise ThemeError(f"the built-in {name} is missing; reinstall prfaqgen")


def _check_inside(path: Path, root: Path, what: str) -> None:
    real = os.path.realpath(path)
    if os.path.commonpath([real, str(root)]) != str(root):
        raise ThemeError(
            f"{path}: refused: {what} links outside {root} (to {real}); "
            "a theme may only use files inside its own folder"
        )
