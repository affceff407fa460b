"""Property tests: whatever the input, the spec stage answers with diagnostics, never a crash.

Every diagnostic must be usable by an editor: a file name, a line and a column that count
from 1 and stay inside the file, and a severity. ``load_spec`` may raise ``SpecError`` and
nothing else. Runs are deterministic (``derandomize``, no example database) so that CI
sees the same examples every time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prfaqgen import SpecError, load_spec
from prfaqgen.spec import CheckResult, check_spec, check_spec_text

EXAMPLE = Path(__file__).resolve().parents[2] / "specs" / "example.yaml"
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
EXAMPLE_LINES = EXAMPLE_TEXT.split("\n")

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Field names of format 1, so that generated documents reach the model's checks.
FIELD_NAMES = [
    "prfaq", "title", "meta", "author", "date", "team", "version", "status", "reviewers",
    "confidentiality", "tags", "press_release", "headline", "subheadline", "location",
    "outlet", "launch_date", "summary", "problem", "solution", "leader_quote", "text", "name",
    "role", "how_it_works", "customer_quotes", "call_to_action", "about", "faq", "external",
    "internal", "q", "a", "customer", "who", "benefit", "evidence", "experience", "tenets",
    "metrics", "baseline", "target", "by", "glossary", "appendix", "body", "review", "scores",
    "big_idea", "fit", "plan", "decision", "notes",
]  # fmt: skip


def assert_well_formed(result: CheckResult, name: str, text: str | None = None) -> None:
    """Every diagnostic names the file and a real place in it, with a severity."""
    assert isinstance(result, CheckResult)
    assert result.file == name
    lines = text.splitlines() if text is not None else None
    for d in result.diagnostics:
        assert d.file == name
        assert isinstance(d.line, int) and d.line >= 1, d
        assert isinstance(d.column, int) and d.column >= 1, d
        assert d.severity in ("error", "warning"), d
        assert isinstance(d.path, str)
        assert d.message and "Traceback" not in d.message, d
        if lines is not None:
            assert d.line <= len(lines) + 1, d
    # a spec is loaded exactly when it has no errors
    assert (result.loaded is None) == bool(result.errors), result.diagnostics
    assert list(result.diagnostics) == sorted(
        result.diagnostics, key=lambda d: (d.line, d.column, d.path)
    )


# --- (a) arbitrary text and arbitrary YAML documents -------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
    | st.sampled_from(["", " ", "no", "on", "2026-02-30", "2026-11-22", "1", "0.10", "~"])
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=12)
documents = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=40,
)
spec_like = st.fixed_dictionaries(
    {"prfaq": st.sampled_from([1, "1", 2, None, "abc", [1]])},
    optional={name: documents for name in ("title", "meta", "press_release", "faq", "review")},
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    data = draw(documents | spec_like)
    return yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        sort_keys=draw(st.booleans()),
        width=draw(st.sampled_from([20, 80, 10_000])),
    )


@FUZZ
@given(text=st.text(max_size=400))
def test_any_text_gives_diagnostics_never_an_exception(text):
    result = check_spec_text(text, "fuzz.yaml")
    assert_well_formed(result, "fuzz.yaml", text)


@FUZZ
@given(text=yaml_documents())
def test_any_yaml_document_gives_diagnostics_never_an_exception(text):
    result = check_spec_text(text, "doc.yaml")
    assert_well_formed(result, "doc.yaml", text)


# --- (b) mutations of the example spec ----------------------------------------------------

replacements = (
    st.text(max_size=20)
    | st.lists(st.text(max_size=8), max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
    | st.sampled_from(["", "~", "|", ">", "&a x", "*a", "!!binary eA==", "{", "[", "'", '"'])
)


@st.composite
def mutated_example(draw: st.DrawFn) -> str:
    lines = list(EXAMPLE_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        operation = draw(
            st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent", "replace"])
        )
        if operation == "delete" and len(lines) > 1:
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "indent":
            lines[index] = " " * draw(st.integers(min_value=1, max_value=6)) + lines[index]
        elif operation == "dedent":
            lines[index] = lines[index][draw(st.integers(min_value=1, max_value=6)) :]
        else:
            head, colon, _ = lines[index].partition(": ")
            if colon:
                lines[index] = head + ": " + draw(replacements)
            else:
                lines[index] = draw(replacements)
    return "\n".join(lines)


@FUZZ
@given(text=mutated_example())
def test_mutated_example_gives_diagnostics_never_an_exception(text):
    result = check_spec_text(text, "example.yaml")
    assert_well_formed(result, "example.yaml", text)


@st.composite
def example_with_random_bytes(draw: st.DrawFn) -> bytes:
    data = EXAMPLE_TEXT.encode("utf-8")
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=0, max_value=len(data)))
        noise = draw(
            st.binary(min_size=1, max_size=8)
            | st.sampled_from([b"\xff", b"\xc3", b"\xe9", b"\x80\x80", b"\x00", b"\xef\xbb\xbf"])
        )
        data = data[:at] + noise + data[at:]
    return data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutations") / "spec.yaml"


@FUZZ
@given(data=example_with_random_bytes())
def test_example_with_random_bytes_gives_diagnostics_and_only_spec_error(scratch, data):
    scratch.write_bytes(data)
    result = check_spec(scratch)
    assert_well_formed(result, str(scratch))
    try:
        loaded = load_spec(scratch)
    except SpecError as error:
        assert error.diagnostics, "SpecError without diagnostics"
        assert tuple(error.diagnostics) == result.diagnostics
    else:
        assert result.loaded is not None
        assert loaded.spec == result.loaded.spec


@FUZZ
@given(text=mutated_example())
def test_load_spec_raises_only_spec_error(scratch, text):
    scratch.write_text(text, encoding="utf-8")
    try:
        load_spec(scratch)
    except SpecError as error:
        assert any(d.is_error for d in error.diagnostics), error.diagnostics
