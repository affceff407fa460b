"""The commented starting point that ``prfaqgen new`` writes."""

from __future__ import annotations

import json
from datetime import date

from prfaqgen.builtin import templates_dir

SCAFFOLD_TEMPLATE = "new-spec.yaml.j2"


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar: JSON strings are valid YAML and escape everything."""
    return json.dumps(value, ensure_ascii=False)


def scaffold_text(title: str, author: str, today: date, schema: str | None = None) -> str:
    """The commented starting spec; ``schema`` (a path relative to the spec) is named in
    the first line for the YAML language server, as the README recommends."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml_str"] = yaml_str
    template = env.get_template(SCAFFOLD_TEMPLATE)
    text = template.render(title=title, author=author, date=today.isoformat())
    return f"# yaml-language-server: $schema={schema}\n{text}" if schema else text
