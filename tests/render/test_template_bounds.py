"""Every failure of a user template is `TEMPLATE:LINE: message`, and its work is bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from prfaqgen.builtin import templates_dir
from prfaqgen.compose.markdown import MarkdownRenderer
from prfaqgen.compose.templating import make_environment, render_template
from prfaqgen.errors import RenderError

NESTED = "nested too deeply (a macro or include that calls itself, or thousands of nested tags?)"


def render_user(folder: Path, source: str) -> str:
    (folder / "prfaq.html.j2").write_text(source, encoding="utf-8")
    (folder / "logo.j2").write_bytes(b"\xff\xfe\x00\x89PNG")
    env = make_environment(templates_dir(), folder)
    env.filters["markdown"] = MarkdownRenderer({}).block
    with pytest.raises(RenderError) as caught:
        render_template(env, "prfaq.html.j2", {})
    return str(caught.value)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a\n{{ 1/0 }}", ":2: template error: ZeroDivisionError: division by zero"),
        ("{{ 'x'|longdate }}", ":1: filter `longdate` needs a date, not str 'x'"),
        ("\n\n{{ none|markdown }}", ":3: filter `markdown` needs text, not NoneType None"),
        (
            "{% for i in range(10**10) %}{% endfor %}",
            ":1: template error: OverflowError: Range too big. The sandbox blocks ranges "
            "larger than MAX_RANGE (100000).",
        ),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", f":1: template error: {NESTED}"),
        ("\n{% include 'prfaq.html.j2' %}", f":2: template error: {NESTED}"),
        (
            "{{ 'a'*10**10 }}",
            ":1: template refused: repetition would build 10,000,000,000 items, over the "
            "limit of 1,000,000",
        ),
        ("{{ 10**100000 }}", ":1: template refused: 10 ** 100000 is too large"),
    ],
)
def test_a_failing_expression_is_located_at_its_template_line(tmp_path, source, message):
    assert render_user(tmp_path, source) == f"{tmp_path / 'prfaq.html.j2'}{message}"


def test_thousands_of_nested_tags_are_refused_naming_the_template(tmp_path):
    source = "{% if 1 %}" * 5000 + "{% endif %}" * 5000
    assert render_user(tmp_path, source) == f"prfaq.html.j2: template error: {NESTED}"


def test_an_included_binary_file_is_a_message_not_a_traceback(tmp_path):
    message = render_user(tmp_path, "{% include 'logo.j2' %}")
    assert message.startswith(
        "prfaq.html.j2: template error: it or a template it includes is not UTF-8 text "
        "(a binary file included?)"
    )


def test_output_size_is_bounded(tmp_path):
    source = "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}"
    assert render_user(tmp_path, source) == (
        "prfaq.html.j2: template refused: its output passed 20,000,000 characters"
    )
