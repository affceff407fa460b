"""libyaml's C events (the fast path) read a spec exactly as pure PyYAML does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from prfaqgen.spec import yaml_reader
from prfaqgen.spec.yaml_reader import read_spec_text

REPO = Path(__file__).resolve().parents[2]
SPECS = [
    REPO / "specs" / "example.yaml",
    *sorted((REPO / "tests" / "e2e" / "specs").glob("*.yaml")),
]

BROKEN = {
    "bad indentation": "prfaq: 1\ntitle: Ledger\n  meta: x\n",
    "tab": "prfaq: 1\ntitle:\tLedger\n\tmeta: {}\n",
    "alias": "prfaq: 1\ntitle: &t Ledger\nmeta: *t\n",
    "undefined alias": "prfaq: 1\ntitle: *nowhere\n",
    "control character": "prfaq: 1\ntitle: Led\x07ger\n",
    "unclosed quote": 'prfaq: 1\ntitle: "Ledger\n',
    "duplicate key": "prfaq: 1\ntitle: A\ntitle: B\n",
}


def nodes(node: Any, out: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    start, end = node.start_mark, node.end_mark
    value = node.value if isinstance(node.value, str) else None
    out.append(
        (
            type(node).__name__,
            node.tag,
            start.line,
            start.column,
            end.line,
            end.column,
            getattr(node, "style", None),
            value,
        )
    )
    if isinstance(node, yaml.MappingNode):
        for key, item in node.value:
            nodes(key, out)
            nodes(item, out)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            nodes(item, out)
    return out


pytestmark = pytest.mark.skipif(yaml_reader._CParser is None, reason="PyYAML without libyaml")


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
def test_same_nodes_and_positions(spec: Path) -> None:
    text = spec.read_text(encoding="utf-8")
    fast = yaml.compose(text, Loader=yaml_reader._FastComposer)
    pure = yaml.compose(text, Loader=yaml_reader._NoAliasComposer)
    assert nodes(fast, []) == nodes(pure, [])


@pytest.mark.parametrize("text", BROKEN.values(), ids=list(BROKEN))
def test_problems_are_pyyamls_own(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_spec_text(text, "x.yaml")
    monkeypatch.setattr(yaml_reader, "_CParser", None)
    pure = read_spec_text(text, "x.yaml")
    assert fast.diagnostics == pure.diagnostics
    assert fast.diagnostics
    assert fast.data == pure.data
