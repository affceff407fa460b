"""The word lists are data files a house changes in `[lint.words]` (issue 18, point 5)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from prfaqgen.config import settings_for
from prfaqgen.errors import ConfigError
from prfaqgen.lint import LintConfig
from prfaqgen.settings.lint import WORD_LISTS
from prfaqgen.settings.wordlists import HERE, builtin, jargon_swaps
from prfaqgen.validation import Invalid, validate
from tests.lint.base import lint_text, spec_text, where

MINIMAL = Path(__file__).resolve().parents[1] / "e2e" / "specs" / "minimal.yaml"


def test_every_list_is_one_yaml_file_of_plain_unique_entries() -> None:
    assert sorted(p.stem for p in HERE.glob("*.yaml")) == sorted(WORD_LISTS)
    for name in WORD_LISTS:
        data = yaml.safe_load((HERE / f"{name}.yaml").read_text("utf-8"))
        assert set(data) == {"words"}, name
        entries = builtin(name)
        assert entries and len(entries) == len(set(entries)), name
        for entry in entries:
            # Plain words and phrases: the rules look them up without a regular expression.
            assert re.fullmatch(r"[\w-]+(?: [\w-]+)*", entry), (name, entry)
            assert entry == (entry.upper() if name == "acronyms" else entry.lower()), entry
    assert all(isinstance(v, str) and v for v in jargon_swaps().values())


def test_the_package_ships_the_lists() -> None:
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text("utf-8")
    assert 'packages = ["prfaqgen"]' in pyproject  # hatch ships every file under prfaqgen/
    assert "significantly" in builtin("weasel") and "utilize" in builtin("jargon")


def _answer(text: str) -> str:
    return spec_text(answer=f"        {text}\n")


def test_a_house_adds_and_removes_words_of_each_list() -> None:
    text = _answer("$30 a month for a revolutionary, moonshot ledger; TBD.")
    assert {f.rule for f in lint_text(text).findings} == {"hype-word", "placeholder-left"}
    config = validate(
        LintConfig,
        {"words": {"hype": {"add": ["Moonshot"], "remove": ["revolutionary"]},
                   "placeholders": {"remove": ["tbd"]}}},
    )  # fmt: skip
    findings = lint_text(text, config).findings
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("hype-word", *where(text, "moonshot"))
    ]


def test_jargon_adds_terms_with_their_replacement_and_drops_built_in_ones() -> None:
    text = _answer("$30 a month; the front desk has the bandwidth for it.")
    assert [f.suggestion for f in lint_text(text).findings if f.rule == "jargon"] == ["time"]
    config = validate(
        LintConfig,
        {"words": {"jargon": {"add": {"Front desk": "reception"}, "remove": ["bandwidth"]}}},
    )
    jargon = [f for f in lint_text(text, config).findings if f.rule == "jargon"]
    assert [(f.suggestion, f.line, f.column) for f in jargon] == [
        ("reception", *where(text, "front desk"))
    ]


def test_acronyms_and_passive_voice_lists_change_too() -> None:
    text = _answer("$30 a month, paid through the ACH network; the fee is quoted, then it is sent.")
    findings = lint_text(text).findings
    assert {f.rule for f in findings} == {"undefined-acronym", "passive-voice"}
    config = validate(
        LintConfig,
        {"words": {"acronyms": {"add": ["ach"]}, "participles": {"remove": ["sent"]},
                   "state-adjectives": {"add": ["quoted"]}}},
    )  # fmt: skip
    assert lint_text(text, config).findings == ()


def test_the_older_keys_still_add_to_the_lists() -> None:
    text = _answer("$30 a month; a moonshot.")
    config = validate(LintConfig, {"weasel_words": ["moonshot"]})
    assert [f.rule for f in lint_text(text, config).findings] == ["weasel-word"]


def test_a_bad_change_is_refused_with_a_reason() -> None:
    with pytest.raises(Invalid) as caught:
        validate(LintConfig, {"words": {"hype": {"remove": ["robust", "robusto"], "drop": []}}})
    messages = str(caught.value)
    assert "words.hype.remove.1: `robusto` is not in the built-in hype list" in messages
    assert "words.hype.drop: unknown field `drop`" in messages
    assert "robust`" not in messages.replace("robusto", "")


def test_config_errors_in_lint_words_are_at_their_toml_line(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    spec = tmp_path / "idea.yaml"
    spec.write_text(MINIMAL.read_text("utf-8"), "utf-8")
    config = tmp_path / "prfaqgen.toml"
    config.write_text(
        textwrap.dedent(
            """\
            [lint]
            min_severity = "info"

            [lint.words]
            weasle = {add = ["x"]}
            jargon = {add = ["not", "a", "table"]}

            [lint.words.hype]
            add = ["moonshot"]
            remove = [
              "robust",
              "notaword",
            ]
            """
        ),
        "utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        settings_for(spec)
    assert [d.format() for d in caught.value.diagnostics] == [
        f"{config}:5:1: lint.words.weasle: unknown word list `weasle`: did you mean `weasel`? "
        "the lists are " + ", ".join(WORD_LISTS),
        f'{config}:6:1: lint.words.jargon.add: must be a table, e.g. {{rule = "warning"}}, '
        'not ["not", "a", "table"]',
        f"{config}:10:1: lint.words.hype.remove: `notaword` is not in the built-in hype list, "
        "so there is nothing to remove (the list is prfaqgen/settings/wordlists/hype.yaml)",
    ]
    config.write_text('[lint.words]\nhype = {add = ["moonshot"], remove = ["robust"]}\n', "utf-8")
    lint = settings_for(spec).settings.lint
    assert "moonshot" in lint.word_list("hype") and "robust" not in lint.word_list("hype")
