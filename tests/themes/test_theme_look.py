"""theme.toml's fonts and colours reach both formats; CSS the DOCX cannot follow is warned about.

The rendered PDF is read back with pypdf (its fonts, the colour operators of
its content streams), the DOCX with python-docx (its styles).
"""

from __future__ import annotations

import re
import shutil
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from prfaqgen.builtin import templates_dir
from prfaqgen.errors import ThemeError
from prfaqgen.pipeline import render_spec
from prfaqgen.render.document import Look
from prfaqgen.settings import Settings
from prfaqgen.themes import load_theme
from prfaqgen.themes.css_check import css_warnings
from prfaqgen.themes.scaffold import new_theme
from tests.e2e.e2e_helpers import embedded_fonts

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "specs" / "example.yaml"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
BLUE = "#0b5394"


def theme(tmp_path: Path, toml: str, name: str = "house") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    return folder


def test_the_look_keys_are_read_and_checked(tmp_path: Path) -> None:
    folder = theme(
        tmp_path,
        """\
        body_font = "DejaVu Serif"
        heading_font = "DejaVu Sans"
        body_size = 10.5
        text_color = "#222"
        heading_color = "#0B5394"
        """,
    )
    assert load_theme(str(folder)).look == Look(
        body_font="DejaVu Serif",
        heading_font="DejaVu Sans",
        body_size=10.5,
        text_color="#222222",
        heading_color=BLUE,
    )
    assert load_theme(str(folder)).docx_font == "DejaVu Serif"


def test_font_is_the_older_name_of_body_font(tmp_path: Path) -> None:
    folder = theme(tmp_path, 'font = "DejaVu Serif"\n')
    assert load_theme(str(folder)).look == Look(body_font="DejaVu Serif")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('name = "x"\nheading_color = "blue"\n', r"theme.toml:2:1: heading_color: 'blue' is not"),
        ('body_font = "Evil\\"; } body { x"\n', r"theme.toml:1:1: body_font: .* is not a font"),
        ('body_size = "11pt"\n', r"theme.toml:1:1: body_size: must be a number of points"),
        ("body_size = 200\n", r"theme.toml:1:1: body_size: 200 points is not a text size"),
    ],
)
def test_a_bad_look_value_is_an_error_at_its_line(tmp_path: Path, toml: str, message: str) -> None:
    folder = theme(tmp_path, toml)
    with pytest.raises(ThemeError, match=message):
        load_theme(str(folder))


def test_each_key_comes_from_the_first_theme_of_the_chain_that_sets_it(tmp_path: Path) -> None:
    theme(tmp_path, f'body_font = "DejaVu Serif"\nheading_color = "{BLUE}"\n', name="base")
    child = theme(tmp_path, 'extends = "../base"\nheading_color = "#aa0000"\n', name="child")
    assert load_theme(str(child)).look == Look(body_font="DejaVu Serif", heading_color="#aa0000")


def test_the_built_in_theme_sets_no_look_and_its_css_is_unchanged() -> None:
    builtin = load_theme(None)
    assert builtin.look == Look() and builtin.look.css() == ""
    css = Look(heading_color=BLUE, body_size=12).css()
    assert f"--prfaq-heading-color: {BLUE}" in css and "--prfaq-body-size: 12pt" in css


def test_the_scaffold_writes_every_look_key_commented(tmp_path: Path) -> None:
    folder = new_theme("acme", tmp_path)
    text = (folder / "theme.toml").read_text("utf-8")
    for key in ("body_font", "heading_font", "body_size", "text_color", "heading_color"):
        assert re.search(rf"^# {key} = ", text, re.M), key
    # Uncommented, the defaults it shows are valid values.
    (folder / "theme.toml").write_text(re.sub(r"^# (\w+_\w+ = )", r"\1", text, flags=re.M))
    assert load_theme(str(folder)).look.body_size == 11


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    if not (DEJAVU / "DejaVuSerif-Bold.ttf").is_file():
        pytest.skip("needs fonts-dejavu-core")
    root = tmp_path_factory.mktemp("look")
    folder = new_theme("house", root)
    with (folder / "theme.toml").open("a", encoding="utf-8") as toml:
        toml.write(f'body_font = "DejaVu Serif"\nheading_color = "{BLUE}"\n')
    for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"):
        shutil.copyfile(DEJAVU / name, folder / "fonts" / name)
    css = folder / "theme.css"
    css.write_text(
        css.read_text("utf-8")
        + '@font-face { font-family: "DejaVu Serif"; src: url("fonts/DejaVuSerif.ttf"); }\n'
        '@font-face { font-family: "DejaVu Serif"; src: url("fonts/DejaVuSerif-Bold.ttf");'
        " font-weight: bold; }\n",
        encoding="utf-8",
    )
    spec = root / "specs" / "ledger.yaml"
    spec.parent.mkdir()
    shutil.copyfile(EXAMPLE, spec)
    result = render_spec(spec, Settings(output=root / "out", theme=str(folder)))
    return {"outputs": result.outputs, "warnings": result.warnings}


@pytest.mark.slow
def test_the_docx_styles_carry_the_theme_font_and_heading_colour(
    rendered: dict[str, object],
) -> None:
    docx_path = rendered["outputs"]["docx"]  # type: ignore[index]
    styles = Document(str(docx_path)).styles
    assert styles["Normal"].font.name == "DejaVu Serif"
    assert styles["Compact"].font.name == "DejaVu Serif"  # table cells too
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        assert str(styles[name].font.color.rgb) == BLUE[1:].upper(), name
    assert str(styles["Headline"].font.color.rgb) == "000000"  # its own colour, as in the CSS
    assert "Calibri" not in zipfile.ZipFile(str(docx_path)).read("word/styles.xml").decode()


@pytest.mark.slow
def test_the_pdf_uses_the_theme_font_and_heading_colour(rendered: dict[str, object]) -> None:
    reader = PdfReader(rendered["outputs"]["pdf"])  # type: ignore[index]
    fonts = embedded_fonts(reader)
    assert fonts.get("DejaVu-Serif") and fonts.get("DejaVu-Serif-Bold")
    assert not any(name.startswith("Carlito") for name in fonts)
    red, green, blue = (int(BLUE[i : i + 2], 16) / 255 for i in (1, 3, 5))
    fill = re.compile(rb"([\d.]+) ([\d.]+) ([\d.]+) rg")
    colours = {
        tuple(round(float(v), 3) for v in match.groups())
        for page in reader.pages
        for match in fill.finditer(page.get_contents().get_data())
    }
    assert (round(red, 3), round(green, 3), round(blue, 3)) in colours


@pytest.mark.slow
def test_a_theme_following_theme_toml_gets_no_css_warning(rendered: dict[str, object]) -> None:
    assert not [w for w in rendered["warnings"] if "theme.css" in w.file]  # type: ignore[attr-defined]


def test_css_the_docx_cannot_follow_is_warned_about_at_its_line(tmp_path: Path) -> None:
    css = tmp_path / "theme.css"
    builtin = (templates_dir() / "theme" / "theme.css").read_text("utf-8")
    lines = builtin.count("\n")
    css.write_text(
        builtin
        + '@font-face { font-family: "X"; src: url("fonts/x.ttf"); }\n'
        + "h1, h2 {\n  color: #aa0000;\n}\n"
        + 'html { font-family: "DejaVu Sans", serif; font-size: 12pt }\n'
        + ".subtitle { color: #123456; margin: 0 }\n",
        encoding="utf-8",
    )
    found = [(w.line, w.severity, w.message) for w in css_warnings(css)]
    assert [(line, severity) for line, severity, _ in found] == [
        (lines + 3, "warning"),
        (lines + 5, "warning"),
        (lines + 5, "warning"),
        (lines + 6, "warning"),
    ]
    assert 'set heading_color = "#aa0000" in theme.toml' in found[0][2]
    assert 'set body_font = "DejaVu Sans" in theme.toml' in found[1][2]
    assert "set body_size = 12 in theme.toml" in found[2][2]
    assert "`.subtitle { color: #123456 }`" in found[3][2] and "reference.docx" in found[3][2]


def test_the_warning_reaches_the_render_result(tmp_path: Path) -> None:
    folder = theme(tmp_path, 'name = "house"\n')
    (folder / "theme.css").write_text("h1 { color: #aa0000 }\n", encoding="utf-8")
    spec = tmp_path / "ledger.yaml"
    shutil.copyfile(EXAMPLE, spec)
    result = render_spec(
        spec, Settings(output=tmp_path / "out", theme=str(folder), formats=("html",))
    )
    (warning,) = [w for w in result.warnings if w.file.endswith("theme.css")]
    assert (warning.line, warning.severity) == (1, "warning")
    assert warning.format().startswith(f"{folder / 'theme.css'}:1:6: warning: `h1 {{ color")


def test_the_html_output_follows_theme_toml_too(tmp_path: Path) -> None:
    folder = theme(tmp_path, f'heading_color = "{BLUE}"\n')
    spec = tmp_path / "ledger.yaml"
    shutil.copyfile(EXAMPLE, spec)
    result = render_spec(
        spec, Settings(output=tmp_path / "out", theme=str(folder), formats=("html",))
    )
    html = result.outputs["html"].read_text("utf-8")
    assert f"--prfaq-heading-color: {BLUE}" in html
    assert html.index("--prfaq-heading-color: #1a1a1a") < html.index(BLUE)  # it wins


def test_a_stylesheet_without_the_variables_is_warned_about(tmp_path: Path) -> None:
    css = tmp_path / "theme.css"
    css.write_text('html { font-family: "Carlito" }\nh1 { color: var(--prfaq-heading-color) }\n')
    look = Look(body_font="DejaVu Serif", heading_color=BLUE)
    messages = [w.message for w in css_warnings(css, look) if w.line == 1 and w.column == 1]
    assert messages == [
        "theme.toml sets body_font, but this stylesheet never uses var(--prfaq-body-font), "
        "so the PDF does not follow it: use the variable where the built-in theme.css "
        "does (docs/themes.md)"
    ]


def test_a_copy_of_the_built_in_stylesheet_gives_no_warning(tmp_path: Path) -> None:
    css = tmp_path / "theme.css"
    shutil.copyfile(templates_dir() / "theme" / "theme.css", css)
    full = Look("DejaVu Serif", "DejaVu Sans", 12, "#111111", BLUE)
    assert css_warnings(css) == () and css_warnings(css, full) == ()
    assert css_warnings(templates_dir() / "theme" / "theme.css") == ()
