"""Project config: found from the spec upward, validated with located errors, flags win."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from prfaqgen.config import find_config, settings_for
from prfaqgen.errors import ConfigError
from prfaqgen.settings.lint import LintConfig

MINIMAL = Path(__file__).resolve().parents[1] / "e2e" / "specs" / "minimal.yaml"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "host" / ".git").mkdir(parents=True)
    spec = tmp_path / "host" / "docs" / "prfaq" / "idea.yaml"
    spec.parent.mkdir(parents=True)
    spec.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path / "host"


def errors_of(path: Path) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        settings_for(path)
    return [d.format() for d in caught.value.diagnostics]


def test_pyproject_table_is_found_from_the_spec_folder_up(repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.prfaqgen]\npaper = "a4"\n')
    resolved = settings_for(repo / "docs/prfaq/idea.yaml")
    assert resolved.config_file == (repo / "pyproject.toml").resolve()
    assert resolved.settings.paper == "a4"
    assert resolved.sources["paper"] == f"{resolved.config_file}:5"
    assert resolved.sources["output"] == "default"


def test_prfaqgen_toml_wins_and_a_pyproject_without_the_table_is_skipped(repo: Path) -> None:
    write(repo / "prfaqgen.toml", 'paper = "a4"\n')
    write(repo / "docs" / "pyproject.toml", '[project]\nname = "docs"\n')
    assert find_config(repo / "docs" / "prfaq") == (repo / "prfaqgen.toml").resolve()
    write(repo / "pyproject.toml", '[tool.prfaqgen]\npaper = "letter"\n')
    assert find_config(repo / "docs" / "prfaq") == (repo / "prfaqgen.toml").resolve()


def test_the_search_stops_at_the_repository_root(repo: Path) -> None:
    write(repo.parent / "prfaqgen.toml", 'paper = "a4"\n')  # outside the repository
    resolved = settings_for(repo / "docs/prfaq/idea.yaml")
    assert resolved.config_file is None
    assert resolved.settings.paper == "letter"


def test_paths_are_relative_to_the_config_file(repo: Path) -> None:
    (repo / "tpl").mkdir()
    (repo / "themes" / "acme").mkdir(parents=True)
    write(
        repo / "prfaqgen.toml",
        'output = "build/prfaq"\ntemplates = "tpl"\ntheme = "themes/acme"\n',
    )
    settings = settings_for(repo / "docs/prfaq/idea.yaml").settings
    assert settings.output == (repo / "build/prfaq").resolve()
    assert settings.templates == (repo / "tpl").resolve()
    assert settings.theme == str((repo / "themes/acme").resolve())


def test_a_theme_name_stays_a_name(repo: Path) -> None:
    write(repo / "prfaqgen.toml", 'theme = "acme"\n')
    assert settings_for(repo / "docs/prfaq/idea.yaml").settings.theme == "acme"


def test_every_key_of_the_issue_and_the_lint_table(repo: Path) -> None:
    write(
        repo / "prfaqgen.toml",
        """\
        output = "out"
        formats = ["pdf"]
        paper = "a4"
        draft_mark = false
        line_numbers = true
        strict = true
        budget = false

        [lint]
        disable = ["passive-voice"]
        severity = {weasel-word = "error"}
        """,
    )
    settings = settings_for(repo / "docs/prfaq/idea.yaml").settings
    assert (settings.formats, settings.paper, settings.draft_mark) == (("pdf",), "a4", False)
    assert (settings.line_numbers, settings.strict, settings.budget) == (True, True, False)
    assert settings.lint == LintConfig(
        disable=("passive-voice",), severity={"weasel-word": "error"}
    )


def test_flags_win_over_config_and_config_over_defaults(repo: Path) -> None:
    write(repo / "prfaqgen.toml", 'paper = "a4"\nstrict = true\n')
    resolved = settings_for(repo / "docs/prfaq/idea.yaml", overrides={"paper": "letter"})
    assert resolved.settings.paper == "letter"
    assert resolved.sources["paper"] == "command line"
    assert resolved.settings.strict is True
    assert resolved.settings.line_numbers is False
    assert resolved.sources["line_numbers"] == "default"


def test_no_config_and_an_explicit_config_file(repo: Path, tmp_path: Path) -> None:
    write(repo / "prfaqgen.toml", 'paper = "a4"\n')
    other = write(tmp_path / "elsewhere" / "review.toml", "line_numbers = true\n")
    spec = repo / "docs/prfaq/idea.yaml"
    assert settings_for(spec, use_config=False).settings.paper == "letter"
    chosen = settings_for(spec, config_file=other)
    assert chosen.settings.line_numbers is True
    assert chosen.settings.paper == "letter"


def test_unknown_keys_and_wrong_types_are_located(repo: Path) -> None:
    config = write(
        repo / "pyproject.toml",
        """\
        [project]
        name = "host"

        [tool.prfaqgen]
        paper = "A4"
        draft_mark = "yes"
        ouptut = "build"
        formats = ["pdf", "odt"]

        [tool.prfaqgen.lint]
        disable = "passive-voice"
        colour = 1
        severity = {weasel-words = "loud"}
        """,
    )
    assert errors_of(repo / "docs/prfaq/idea.yaml") == [
        f'{config}:5:1: tool.prfaqgen.paper: must be one of "letter", "a4", not "A4"; '
        'did you mean "a4"?',
        f'{config}:6:1: tool.prfaqgen.draft_mark: must be true or false, without quotes, not "yes"',
        f"{config}:7:1: tool.prfaqgen.ouptut: unknown key; did you mean `output`? the keys are "
        "output, formats, paper, theme, templates, draft_mark, line_numbers, faq_new_page, strict, "
        "budget, lint, portfolio",
        f"{config}:8:1: tool.prfaqgen.formats: 'odt': list one or more of pdf, docx, html, "
        'e.g. formats = ["pdf", "docx"]',
        f'{config}:11:1: tool.prfaqgen.lint.disable: must be a list, e.g. ["first", "second"], '
        'not "passive-voice"',
        f"{config}:12:1: tool.prfaqgen.lint.colour: unknown key; remove it or check its spelling",
        f'{config}:13:1: tool.prfaqgen.lint.severity.weasel-words: must be one of "info", '
        '"warning", "error", not "loud"',
    ]


def test_a_toml_syntax_error_is_located(repo: Path) -> None:
    config = write(repo / "prfaqgen.toml", 'paper = "a4"\nstrict = tru\n')
    (message,) = errors_of(repo / "docs/prfaq/idea.yaml")
    assert message.startswith(f"{config}:2:10: not valid TOML: ")


def test_the_config_command_says_where_each_value_came_from(repo: Path) -> None:
    config = write(repo / "prfaqgen.toml", 'paper = "a4"\n\n[lint]\ndisable = ["passive-voice"]\n')
    result = CliRunner().invoke(
        main, ["config", str(repo / "docs/prfaq/idea.yaml"), "--theme", "builtin"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"config file: {config.resolve()}"
    assert f'paper        = "a4"  # {config.resolve()}:1' in lines
    assert 'theme        = "builtin"  # command line' in lines
    assert "line_numbers = false  # default" in lines
    assert lines[-1] == "theme in use: builtin"
    assert any(
        line.startswith("lint ") and line.endswith(f"{config.resolve()}:3") for line in lines
    )
    as_json = CliRunner().invoke(
        main, ["config", str(repo / "docs/prfaq/idea.yaml"), "--format", "json"]
    )
    data = json.loads(as_json.output)
    assert data["settings"]["paper"] == {"value": "a4", "source": f"{config.resolve()}:1"}


def test_a_bad_config_is_a_usage_error_with_its_location(repo: Path) -> None:
    config = write(repo / "prfaqgen.toml", "colour = 1\n")
    spec = repo / "docs/prfaq/idea.yaml"
    for command in (["validate", str(spec)], ["render", str(spec)], ["config", str(spec)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2, (command, result.output)
        assert f"{config.resolve()}:1:1: colour: unknown key" in result.output
        assert "Traceback" not in result.output


def test_config_and_no_config_together_are_refused(repo: Path) -> None:
    config = write(repo / "prfaqgen.toml", 'paper = "a4"\n')
    result = CliRunner().invoke(
        main,
        ["validate", str(repo / "docs/prfaq/idea.yaml"), "--config", str(config), "--no-config"],
    )
    assert result.exit_code == 2
    assert "contradict" in result.output


def test_strict_comes_from_the_config_and_a_flag_turns_it_off(repo: Path) -> None:
    spec = repo / "docs/prfaq/idea.yaml"  # valid, with warnings (missing recommended parts)
    assert CliRunner().invoke(main, ["validate", str(spec)]).exit_code == 0
    write(repo / "prfaqgen.toml", "strict = true\n")
    assert CliRunner().invoke(main, ["validate", str(spec)]).exit_code == 1
    assert CliRunner().invoke(main, ["validate", str(spec), "--no-strict"]).exit_code == 0
    assert CliRunner().invoke(main, ["validate", str(spec), "--no-config"]).exit_code == 0


def test_validate_only_specs_skips_yaml_that_is_not_a_spec(repo: Path) -> None:
    ci = write(repo / ".gitlab-ci.yml", "stages: [test]\n")
    broken = write(repo / "docs" / "broken.yaml", "prfaq: 1\ntitle: [\n")
    spec = repo / "docs/prfaq/idea.yaml"
    result = CliRunner().invoke(main, ["validate", "--only-specs", str(ci), str(spec)])
    assert result.exit_code == 0, result.output
    assert "1 file checked" in result.output
    result = CliRunner().invoke(main, ["validate", "--only-specs", str(ci), str(broken)])
    assert result.exit_code == 1
    assert str(broken) in result.output


def test_the_config_command_loads_the_theme(repo: Path) -> None:
    (repo / "themes" / "acme").mkdir(parents=True)
    (repo / "themes" / "acme" / "theme.toml").write_text('name = "acme"\n')
    write(repo / "prfaqgen.toml", 'theme = "themes/acme"\n')
    spec = str(repo / "docs/prfaq/idea.yaml")
    result = CliRunner().invoke(main, ["config", spec])
    assert result.output.splitlines()[-1] == f"theme in use: acme ({repo / 'themes' / 'acme'})"
    result = CliRunner().invoke(main, ["config", spec, "--theme", "nosuch"])
    assert result.exit_code == 1
    assert "theme 'nosuch' not found" in result.output
