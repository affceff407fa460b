"""One set of templates drives both formats; templates are sandboxed and contained.

A user template folder (``--templates DIR``) overrides a block of the built-in
template and so changes the PDF and the DOCX alike; a user ``theme/theme.css``
changes the PDF only. Templates are untrusted: they run sandboxed, with
StrictUndefined and autoescaping, and may read nothing outside their folder.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from prfaqgen.cli import main
from tests.e2e.e2e_helpers import (
    MINIMAL,
    REPO,
    SHOWCASE,
    CountingHandler,
    Rendered,
    docx_text,
    load_yaml,
    pdf_body_text,
    render_cached,
    run_prfaqgen,
)

pytestmark = pytest.mark.slow

BUILTIN_THEME = REPO / "templates" / "theme"
ABOUT_OVERRIDE = """\
{% extends "builtin/prfaq.html.j2" %}
{% block about %}
<div class="about">
  <h3>About Acme</h3>
  <p>About Acme: we make ledgers. {{ spec.title }}</p>
</div>
{% endblock %}
"""
THEME_ADDITION = """
/* The user's changes */
.about::after { content: "Styled by the user theme"; }
h1 { color: #c00000; }
"""
RED = b"0.752941 0 0 rg"  # #c00000 as a PDF fill colour


def user_folder(root: Path, template: str | None = None, theme_css: str | None = None) -> Path:
    folder = root / "my-templates"
    folder.mkdir(parents=True, exist_ok=True)
    if template is not None:
        (folder / "prfaq.html.j2").write_text(template, "utf-8")
    if theme_css is not None:
        (folder / "theme").mkdir(exist_ok=True)
        (folder / "theme" / "theme.css").write_text(theme_css, "utf-8")
    return folder


def content_streams(rendered: Rendered) -> bytes:
    return b"".join(page.get_contents().get_data() for page in rendered.pdf.pages)


@pytest.fixture(scope="module")
def overridden(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The showcase rendered with a user template (the about block) and a user theme:
    the built-in stylesheet plus two rules, with the fonts copied next to it."""
    root = tmp_path_factory.mktemp("user")
    css = (BUILTIN_THEME / "theme.css").read_text("utf-8") + THEME_ADDITION
    folder = user_folder(root, ABOUT_OVERRIDE, css)
    shutil.copytree(BUILTIN_THEME / "fonts", folder / "theme" / "fonts")
    return render_cached(tmp_path_factory, SHOWCASE, "--templates", str(folder))


def test_an_overridden_block_changes_the_pdf_and_the_docx_alike(
    overridden: Rendered, showcase: Rendered
) -> None:
    spec = load_yaml(SHOWCASE)
    mine = "About Acme: we make ledgers. Tally <b>x</b>"  # autoescaped in a user template
    builtin = "Acme makes small tools for small shops."
    pdf, docx = pdf_body_text(overridden, spec), docx_text(overridden.docx)
    assert mine in pdf and mine in docx
    assert builtin not in pdf and builtin not in docx
    assert builtin in pdf_body_text(showcase, spec) and builtin in docx_text(showcase.docx)
    # Everything before and after the block is the built-in template's, in both formats.
    head, tail = "Try it free at tally.example.com.", "Frequently asked questions"
    for ours, theirs in (
        (pdf, pdf_body_text(showcase, spec)),
        (docx, docx_text(showcase.docx)),
    ):
        assert ours.split(head)[0] == theirs.split(head)[0]
        assert ours.split(tail, 1)[1] == theirs.split(tail, 1)[1]
    assert ("Heading 3", "About Acme") in [
        (p.style.name, p.text) for p in overridden.docx.paragraphs
    ]


def test_a_user_theme_changes_the_pdf_only(overridden: Rendered, showcase: Rendered) -> None:
    assert "Styled by the user theme" in pdf_body_text(overridden, load_yaml(SHOWCASE))
    assert RED in content_streams(overridden) and RED not in content_streams(showcase)
    # The DOCX takes its look from the reference document, never from theme.css.
    assert "Styled by the user theme" not in docx_text(overridden.docx)
    for part in ("word/styles.xml", "word/numbering.xml", "word/header1.xml"):
        assert c14n(overridden, part) == c14n(showcase, part), part
    assert b"C00000" not in c14n(overridden, "word/document.xml").upper()


def c14n(rendered: Rendered, part: str) -> bytes:
    return etree.tostring(rendered.part(part), method="c14n")


def test_a_user_theme_copied_from_the_builtin_one_keeps_its_fonts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    css = (BUILTIN_THEME / "theme.css").read_text("utf-8") + THEME_ADDITION
    folder = user_folder(tmp_path, theme_css=css)
    result = invoke(tmp_path, monkeypatch, folder, "--format", "pdf")
    assert result.exit_code == 0, result.output
    rendered = Rendered(MINIMAL, tmp_path / "out", "", "", 0)
    assert RED in content_streams(rendered)


# --------------------------------------------------------------------------- untrusted templates


def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str) -> Result:
    monkeypatch.chdir(tmp_path)
    return CliRunner().invoke(
        main, ["render", str(MINIMAL), "-o", "out", "--templates", str(folder), *args]
    )


def about(body: str) -> str:
    return '{% extends "builtin/prfaq.html.j2" %}\n{% block about %}' + body + "{% endblock %}\n"


def assert_refused(result: Result, tmp_path: Path, *expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert "cannot render" in result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


SANDBOX_ESCAPES = {
    "class of the spec": ("{{ spec.__class__ }}", "__class__"),
    "mro of a string": ("{{ ''.__class__.__mro__ }}", "__class__"),
    "globals of a global": (
        "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
        "__init__",
    ),
    "lipsum globals": (
        "{{ lipsum.__globals__['os'].popen('touch MARKER').read() }}",
        "__globals__",
    ),
    "str.format": ('{{ "{0.__class__.__init__.__globals__}".format(spec) }}', "__init__"),
}


@pytest.mark.parametrize("case", list(SANDBOX_ESCAPES))
def test_the_sandbox_refuses_to_reach_python_internals(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "MARKER"
    expression, attribute = SANDBOX_ESCAPES[case]
    folder = user_folder(tmp_path, about(f"<p>{expression}</p>".replace("MARKER", str(marker))))
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, "prfaq.html.j2:2: template refused", attribute, "unsafe")
    assert not marker.exists()


@pytest.mark.parametrize("name", ["/etc/passwd", "../../x", "builtin/../../pyproject.toml"])
def test_templates_outside_the_folders_cannot_be_included(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x").write_text("OUTSIDE-TEXT", "utf-8")
    folder = user_folder(tmp_path / "deep" / "er", about(f'{{% include "{name}" %}}'))
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, f"template not found: {name}")
    assert "root:" not in result.output and "OUTSIDE-TEXT" not in result.output


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.html.j2").write_text("<p>TOP-SECRET</p>", "utf-8")
    (folder / "prfaq.html.j2").write_text(about("<p>FROM-ELSEWHERE</p>"), "utf-8")
    yield folder


def test_an_included_symlink_leaving_the_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outside: Path
) -> None:
    folder = user_folder(tmp_path, about('{% include "secret.html.j2" %}'))
    os.symlink(outside / "secret.html.j2", folder / "secret.html.j2")
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, "secret.html.j2")
    assert "TOP-SECRET" not in result.output


def test_a_symlinked_subfolder_leaving_the_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outside: Path
) -> None:
    folder = user_folder(tmp_path, about('{% include "parts/secret.html.j2" %}'))
    os.symlink(outside, folder / "parts")
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, "parts/secret.html.j2")


def test_a_symlinked_document_template_is_refused_not_silently_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, outside: Path
) -> None:
    folder = user_folder(tmp_path)
    os.symlink(outside / "prfaq.html.j2", folder / "prfaq.html.j2")
    result = invoke(tmp_path, monkeypatch, folder, "--format", "html")
    assert_refused(result, tmp_path, "prfaq.html.j2")


def test_a_misspelt_variable_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    template = textwrap.dedent(
        """\
        {% extends "builtin/prfaq.html.j2" %}

        {% block about %}
        <p>{{ spec.titel }}</p>
        {% endblock %}
        """
    )
    folder = user_folder(tmp_path, template)
    result = run_prfaqgen(
        "render", MINIMAL, "-o", tmp_path / "out", "--templates", folder, cwd=tmp_path
    )
    assert result.returncode == 1
    assert f"{folder}/prfaq.html.j2:4: template error:" in result.stderr
    assert "has no attribute 'titel'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_a_misspelt_top_level_name_is_an_error_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = user_folder(tmp_path, about("\n\n<p>{{ generatr }}</p>"))
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, "prfaq.html.j2:4: template error:", "'generatr' is undefined")


@pytest.mark.parametrize(
    ("where", "content"),
    [
        ("template image", '<img src="{server}/x.png">'),
        ("theme import", '@import url("{server}/evil.css");'),
        ("theme background", 'body {{ background: url("{server}/bg.png") }}'),
    ],
)
def test_templates_and_themes_never_reach_the_network(
    where: str, content: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    text = content.format(server=server)
    if where.startswith("template"):
        folder = user_folder(tmp_path, about(text))
    else:
        folder = user_folder(tmp_path, theme_css=text)
    result = invoke(tmp_path, monkeypatch, folder)
    assert_refused(result, tmp_path, f"refusing to fetch {server}/")
    assert CountingHandler.requests == []
