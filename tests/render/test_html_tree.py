"""The composed HTML is parsed by tinyhtml5 with its chars_until patterns built once.

tinyhtml5 2.1 stores those patterns under the wrong key and builds them again on
every call; prfaqgen.compose.html_tree gives it a cache that works. The tree
must be exactly the one tinyhtml5 builds on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import tinyhtml5.inputstream

from prfaqgen.compose import html_tree, tinyhtml5_internals
from prfaqgen.compose.compose import compose
from prfaqgen.spec.loader import load_spec

EXAMPLE = Path(__file__).resolve().parents[2] / "specs" / "example.yaml"
# Malformed on purpose: the HTML5 algorithm fixes it up (foster parenting, implied ends).
TRICKY = "<table><tr><td>a<p>b<table>c</table>d</td>e</tr></table><p>f<div>g</p>&amp; h\r\ni"


@pytest.mark.parametrize("source", ["example", "tricky"])
def test_the_tree_is_tinyhtml5s_own(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    html = compose(load_spec(EXAMPLE)).html if source == "example" else TRICKY
    with_fix = ET.tostring(html_tree.parse_html(html))
    monkeypatch.setattr(tinyhtml5.inputstream, "characters_until_regex", {})
    without = ET.tostring(html_tree.parse_html(html))
    assert with_fix == without
    text = "".join(html_tree.parse_html(html).itertext())
    assert ("Frequently asked questions" if source == "example" else "& h\ni") in text


def test_a_second_parse_builds_no_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    html = compose(load_spec(EXAMPLE)).html
    cache = tinyhtml5.inputstream.characters_until_regex
    assert isinstance(cache, tinyhtml5_internals._CharsUntilPatterns)
    html_tree.parse_html(html)
    built: list[Any] = []
    original = tinyhtml5_internals._CharsUntilPatterns.__missing__

    def counting(self: tinyhtml5_internals._CharsUntilPatterns, key: Any) -> Any:
        built.append(key)
        return original(self, key)

    monkeypatch.setattr(tinyhtml5_internals._CharsUntilPatterns, "__missing__", counting)
    html_tree.parse_html(html)
    assert built == []
    assert all(isinstance(key, tuple) and isinstance(key[1], bool) for key in cache)
