"""The public API: every exported name documented in docs/api.md, nothing printed, never exits."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import prfaqgen

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "e2e" / "specs" / "minimal.yaml"


def test_every_public_name_is_importable_and_documented() -> None:
    documented = set(re.findall(r"`(\w+)", (ROOT / "docs" / "api.md").read_text()))
    for name in prfaqgen.__all__:
        assert getattr(prfaqgen, name) is not None
        if name != "__version__":
            assert name in documented, f"{name} is exported but not in docs/api.md"


def test_the_api_returns_data_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "prfaqgen.toml").write_text('paper = "a4"\n')
    spec = tmp_path / "idea.yaml"
    spec.write_text(MINIMAL.read_text().replace("status: final", "status: finished"))
    result = prfaqgen.check_spec(spec)
    assert not result.passed()
    assert result.errors[0].path == "meta.status"
    resolved = prfaqgen.settings_for(spec)
    assert resolved.settings.paper == "a4"
    with pytest.raises(prfaqgen.SpecError):
        prfaqgen.load_spec(spec)
    (tmp_path / "prfaqgen.toml").write_text("paper = 4\n")
    with pytest.raises(prfaqgen.ConfigError) as caught:
        prfaqgen.settings_for(spec)
    assert caught.value.diagnostics[0].line == 1
    with pytest.raises(prfaqgen.ThemeError):
        prfaqgen.load_theme("no-such-theme")
    assert capsys.readouterr() == ("", "")


def test_python_m_prfaqgen_runs_the_command_line() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "prfaqgen", "--version"], capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == f"prfaqgen, version {prfaqgen.__version__}"
