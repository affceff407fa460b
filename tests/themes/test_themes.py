"""Themes: found by name or folder, version-checked, contained, scaffolded from the template."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from prfaqgen._version import __version__
from prfaqgen.builtin import templates_dir
from prfaqgen.cli import main
from prfaqgen.compose.compose import compose
from prfaqgen.errors import ThemeError
from prfaqgen.spec.loader import load_spec
from prfaqgen.themes import load_theme
from prfaqgen.themes.scaffold import new_theme, template_blocks

MINIMAL = Path(__file__).resolve().parents[1] / "e2e" / "specs" / "minimal.yaml"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    target = tmp_path / "specs" / "idea.yaml"
    target.parent.mkdir()
    shutil.copyfile(MINIMAL, target)
    return target


def theme_folder(tmp_path: Path, toml: str = "", **files: str) -> Path:
    folder = tmp_path / "mytheme"
    folder.mkdir()
    if toml:
        (folder / "theme.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    for name, text in files.items():
        (folder / name.replace("_", ".", 1) if "_" in name else folder / name).write_text(text)
    return folder


def test_no_theme_is_the_built_in_one() -> None:
    theme = load_theme(None)
    assert theme.stylesheet == templates_dir() / "theme" / "theme.css"
    assert theme.reference_docx == templates_dir() / "theme" / "reference.docx"
    assert theme.name == "builtin"
    assert load_theme("builtin") == theme


def test_a_theme_folder_overrides_files_and_falls_back_for_the_rest(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path, 'name = "house"\nfont = "DejaVu Serif"\n')
    (folder / "theme.css").write_text("html { color: red }")
    theme = load_theme(str(folder))
    assert theme.name == "house"
    assert theme.stylesheet == folder / "theme.css"
    assert theme.reference_docx == templates_dir() / "theme" / "reference.docx"
    assert theme.docx_font == "DejaVu Serif"
    assert Path(os.path.realpath(folder)) in theme.roots


def test_an_unknown_theme_name_lists_the_themes_there_are() -> None:
    with pytest.raises(
        ThemeError, match=r"theme 'nosuch' not found: .* the themes here are builtin"
    ):
        load_theme("nosuch")


def test_a_theme_for_another_prfaqgen_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path, 'name = "old"\ndescription = "x"\nprfaqgen = "<0.1"\n')
    with pytest.raises(ThemeError) as caught:
        load_theme(str(folder))
    assert str(caught.value) == (
        f"{folder / 'theme.toml'}:3:1: prfaqgen: theme 'old' supports prfaqgen <0.1, but this is "
        f"prfaqgen {__version__}; install a prfaqgen the theme supports, or a version of the "
        "theme made for this one"
    )


def test_theme_toml_mistakes_are_located(tmp_path: Path) -> None:
    folder = theme_folder(tmp_path, 'name = "x"\nprfaqgen = "not a version"\n')
    with pytest.raises(ThemeError, match=r"theme.toml:2:1: prfaqgen: 'not a version' is not a"):
        load_theme(str(folder))
    (folder / "theme.toml").write_text('colour = "blue"\n')
    with pytest.raises(ThemeError, match=r"theme.toml:1:1: colour: unknown key; the keys are name"):
        load_theme(str(folder))


def test_themes_that_extend_in_a_circle_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "theme.toml").write_text('extends = "../b"\n')
    (tmp_path / "b" / "theme.toml").write_text('extends = "../a"\n')
    with pytest.raises(ThemeError, match="themes extend in a circle"):
        load_theme(str(tmp_path / "a"))


def test_a_theme_extends_another_for_files_and_templates(tmp_path: Path, spec: Path) -> None:
    base = tmp_path / "base"
    base.mkdir()
    (base / "reference.docx").write_bytes((templates_dir() / "theme/reference.docx").read_bytes())
    (base / "prfaq.html.j2").write_text(
        '{% extends "prfaqgen:prfaq.html.j2" %}{% block about %}<p>Base about</p>{% endblock %}'
    )
    child = tmp_path / "child"
    child.mkdir()
    (child / "theme.toml").write_text('extends = "../base"\n')
    theme = load_theme(str(child))
    assert theme.reference_docx == base / "reference.docx"
    html = compose(load_spec(spec), theme=theme).html
    assert "<p>Base about</p>" in html


@pytest.mark.parametrize("prefix", ["prfaqgen:", "builtin/"])
def test_both_names_of_the_built_in_template(tmp_path: Path, spec: Path, prefix: str) -> None:
    folder = theme_folder(tmp_path)
    (folder / "prfaq.html.j2").write_text(
        f'{{% extends "{prefix}prfaq.html.j2" %}}'
        "{% block about %}<p>About Acme</p>{% endblock %}"
    )
    html = compose(load_spec(spec), theme=load_theme(str(folder))).html
    assert "<p>About Acme</p>" in html
    assert "Acme launches Ledger" in html


def test_theme_file_gives_a_contained_url(tmp_path: Path, spec: Path) -> None:
    folder = theme_folder(tmp_path)
    (folder / "logo.png").write_bytes(b"png")
    (folder / "prfaq.html.j2").write_text(
        '{% extends "prfaqgen:prfaq.html.j2" %}'
        "{% block about %}<img src=\"{{ theme_file('logo.png') }}\">{% endblock %}"
    )
    html = compose(load_spec(spec), theme=load_theme(str(folder))).html
    assert f'src="{(folder / "logo.png").resolve().as_uri()}"' in html
    (folder / "prfaq.html.j2").write_text(
        '{% extends "prfaqgen:prfaq.html.j2" %}'
        "{% block about %}<img src=\"{{ theme_file('../specs/idea.yaml') }}\">{% endblock %}"
    )
    with pytest.raises(ThemeError, match="named relative to its theme folder"):
        compose(load_spec(spec), theme=load_theme(str(folder)))


# --------------------------------------------------------------------------- containment


def render_cli(spec: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(spec.parent / "out"), *args])
    return result.exit_code, result.output


def test_a_theme_css_linked_to_etc_passwd_is_refused(spec: Path, tmp_path: Path) -> None:
    """Issue 6.1: `ln -s /etc/passwd DIR/theme/theme.css` and `--format html`."""
    tpl = tmp_path / "tpl"
    (tpl / "theme").mkdir(parents=True)
    (tpl / "theme" / "theme.css").symlink_to("/etc/passwd")
    code, output = render_cli(spec, "--format", "html", "--templates", str(tpl))
    assert code == 1
    assert (
        f"{tpl / 'theme' / 'theme.css'}: refused: the theme's theme.css links outside "
        f"{tpl.resolve()} (to /etc/passwd); a theme may only use files inside its own folder"
    ) in output
    assert "root:" not in output
    assert not (spec.parent / "out").exists()


def test_a_symlinked_reference_docx_is_refused(spec: Path, tmp_path: Path) -> None:
    other = tmp_path / "someone-else.docx"
    shutil.copyfile(templates_dir() / "theme" / "reference.docx", other)
    tpl = tmp_path / "tpl"
    (tpl / "theme").mkdir(parents=True)
    (tpl / "theme" / "reference.docx").symlink_to(other)
    code, output = render_cli(spec, "--format", "docx", "--templates", str(tpl))
    assert code == 1
    assert (
        f"{tpl / 'theme' / 'reference.docx'}: refused: the theme's reference.docx links" in output
    )
    assert not (spec.parent / "out").exists()


def test_a_theme_folder_that_links_outside_is_refused(spec: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "theme.css").write_text("html { color: red }")
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "theme").symlink_to(elsewhere)
    code, output = render_cli(spec, "--format", "html", "--templates", str(tpl))
    assert code == 1
    assert f"{tpl / 'theme'}: refused: the theme folder links outside {tpl.resolve()}" in output


def test_a_file_in_a_theme_folder_that_links_outside_is_refused(spec: Path, tmp_path: Path) -> None:
    folder = theme_folder(tmp_path)
    (folder / "theme.css").symlink_to("/etc/passwd")
    code, output = render_cli(spec, "--format", "html", "--theme", str(folder))
    assert code == 1
    assert f"{folder / 'theme.css'}: refused: the theme's theme.css links outside" in output


def test_a_logo_that_links_outside_is_refused(spec: Path, tmp_path: Path) -> None:
    folder = theme_folder(tmp_path)
    (folder / "logo.png").symlink_to("/etc/passwd")
    (folder / "prfaq.html.j2").write_text(
        '{% extends "prfaqgen:prfaq.html.j2" %}'
        "{% block about %}<img src=\"{{ theme_file('logo.png') }}\">{% endblock %}"
    )
    with pytest.raises(ThemeError, match=r"logo.png: refused: the theme file links outside"):
        compose(load_spec(spec), theme=load_theme(str(folder)))


# --------------------------------------------------------------------------- scaffold


def test_theme_new_lists_every_block_of_the_built_in_template(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["theme", "new", "acme", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "acme"
    assert sorted(p.name for p in folder.iterdir()) == [
        "fonts",
        "prfaq.html.j2",
        "reference.docx",
        "theme.css",
        "theme.toml",
    ]
    source = (templates_dir() / "prfaq.html.j2").read_text(encoding="utf-8")
    source = re.sub(r"\{#.*?#\}", "", source, flags=re.S)  # the header comment shows a block
    in_template = re.findall(r"\{%-?\s*block\s+(\w+)", source)
    scaffold = (folder / "prfaq.html.j2").read_text(encoding="utf-8")
    listed = re.findall(r"\{% block (\w+) %\}\{\{ super\(\) \}\}\{% endblock %\}", scaffold)
    assert listed == in_template
    assert [b.name for b in template_blocks()] == in_template
    assert '{% extends "prfaqgen:prfaq.html.j2" %}' in scaffold


def test_a_new_theme_renders_like_the_built_in_one_until_edited(tmp_path: Path, spec: Path) -> None:
    folder = new_theme("acme", tmp_path)
    loaded = load_spec(spec)
    assert compose(loaded, theme=load_theme(str(folder))).html == compose(loaded).html


def test_theme_new_never_overwrites(tmp_path: Path) -> None:
    new_theme("acme", tmp_path)
    result = CliRunner().invoke(main, ["theme", "new", "acme", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "already exists and is not empty" in result.output


def test_theme_list_shows_the_built_in_theme() -> None:
    result = CliRunner().invoke(main, ["theme", "list"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("builtin  built-in:")
