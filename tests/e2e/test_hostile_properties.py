"""Property: a mutated example spec renders to both formats or fails with prfaqgen's own error.

Mutations replace a random text field with random text (control characters,
odd Unicode, Markdown punctuation) and may add an image whose bytes are
random, truncated or real. Whatever happens, never a Python exception other
than :class:`PrfaqgenError`: no traceback reaches a user.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prfaqgen.errors import PrfaqgenError
from prfaqgen.pipeline import render_spec

pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).resolve().parents[2] / "specs" / "example.yaml"
BASE: dict[str, Any] = yaml.safe_load(EXAMPLE.read_text("utf-8"))


def text_fields(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, str):
        return [path]
    if isinstance(value, dict):
        return [p for k, v in value.items() if k != "prfaq" for p in text_fields(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in text_fields(v, (*path, i))]
    return []


FIELDS = text_fields(BASE)
HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("\x00\x01\x07\x0b\x1b\ufffe*_`#>[]()!|-\t\n")),
    ),
    max_size=200,
)


def real_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, format="PNG")
    return out.getvalue()


IMAGE_BYTES = st.one_of(
    st.binary(max_size=200),
    st.just(real_png()),
    st.integers(min_value=1, max_value=60).map(lambda n: real_png()[:n]),
)


def set_at(data: Any, path: tuple[Any, ...], value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    mutations=st.lists(st.tuples(st.sampled_from(FIELDS), HOSTILE_TEXT), min_size=1, max_size=3),
    image=st.one_of(st.none(), IMAGE_BYTES),
)
def test_mutated_specs_render_or_fail_with_a_prfaqgen_error(mutations, image):
    data = yaml.safe_load(yaml.safe_dump(BASE))
    for path, text in mutations:
        set_at(data, path, text)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if image is not None:
            (root / "odd.png").write_bytes(image)
            data["press_release"]["solution"] += "\n\n![odd](odd.png)\n"
        spec = root / "mutant.yaml"
        spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            result = render_spec(spec, output=root / "out", formats=["pdf", "docx"])
        except PrfaqgenError:
            assert not (root / "out").exists() or not any((root / "out").iterdir())
        else:
            assert sorted(p.name for p in result.outputs.values()) == ["mutant.docx", "mutant.pdf"]
