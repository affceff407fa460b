"""``prfaqgen diff`` on the command line: files, summary, git revisions, bad input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from prfaqgen.cli import main
from tests.diffing.conftest import EXAMPLE, NS, Pair, body_xml, edited, w

pytestmark = pytest.mark.slow


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_two_files(pair: Pair, tmp_path: Path) -> None:
    code, out, err = run(str(pair.old), str(pair.new), "-o", str(tmp_path), "--author", "Bo")
    assert code == 0, err
    assert out.splitlines()[0] == f"{pair.new}: 6 changes since {pair.old}"
    assert "added faq.external[6]" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gapfill.diff.docx", "gapfill.diff.pdf"]
    authors = {
        m.get(w("author"))
        for m in body_xml(tmp_path / "gapfill.diff.docx").xpath("//w:ins | //w:del", namespaces=NS)
    }
    assert authors == {"Bo"}


def test_an_invalid_spec_is_reported_and_nothing_written(pair: Pair, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(pair.new.read_text(encoding="utf-8").replace("title: Gapfill", "title: ''"))
    out_dir = tmp_path / "out"
    code, out, err = run(str(pair.old), str(bad), "-o", str(out_dir))
    assert code == 1
    assert f"{bad}:" in err and "title" in err
    assert "Traceback" not in out + err
    assert not out_dir.exists()


def test_usage_errors(pair: Pair) -> None:
    assert run(str(pair.new))[0] == 2
    assert run(str(pair.old), str(pair.new), "--since", "HEAD")[0] == 2
    assert run(str(pair.old), "missing.yaml")[0] == 2


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "specs").mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.name", "Git Person")
    _git(repo, "config", "user.email", "git@example.com")
    spec = repo / "specs" / "gapfill.yaml"
    spec.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "v1")
    spec.write_text(edited(spec.read_text(encoding="utf-8")), encoding="utf-8")
    return repo


def test_since_a_git_revision(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    out_dir = tmp_path / "out"
    code, out, err = run("--since", "HEAD", "specs/gapfill.yaml", "-o", str(out_dir))
    assert code == 0, err
    assert out.splitlines()[0] == "specs/gapfill.yaml: 6 changes since specs/gapfill.yaml@HEAD"
    root = body_xml(out_dir / "gapfill.diff.docx")
    inserted = "".join(t.text for t in root.xpath("//w:ins/w:r/w:t", namespaces=NS))
    assert "Q7. Can patients choose which openings they hear about?" in inserted
    marks = root.xpath("//w:ins", namespaces=NS)
    assert {m.get(w("author")) for m in marks} == {"Git Person"}  # git's user.name


def test_since_errors_say_what_to_do(repo: Path, tmp_path: Path) -> None:
    spec = repo / "specs" / "gapfill.yaml"
    code, _, err = run("--since", "no-such-branch", str(spec))
    assert code == 2 and "no-such-branch: is not a commit" in err
    other = repo / "specs" / "other.yaml"
    shutil.copy(spec, other)
    code, _, err = run("--since", "HEAD", str(other))
    assert code == 2 and "is not in HEAD" in err
    loose = tmp_path / "loose.yaml"
    shutil.copy(spec, loose)
    code, _, err = run("--since", "HEAD", str(loose))
    assert code == 2 and "is not in a git repository" in err
    assert "Traceback" not in err


def test_an_author_with_control_characters_is_cleaned(pair: Pair, tmp_path: Path) -> None:
    code, _, err = run(str(pair.old), str(pair.new), "-o", str(tmp_path), "--author", "Bo\x01\n Li")
    assert code == 0, err
    marks = body_xml(tmp_path / "gapfill.diff.docx").xpath("//w:ins", namespaces=NS)
    assert {m.get(w("author")) for m in marks} == {"Bo Li"}


def test_json_alone_prints_the_summary_and_writes_nothing(pair: Pair, tmp_path: Path) -> None:
    import json

    out_dir = tmp_path / "out"
    code, out, err = run(str(pair.old), str(pair.new), "-o", str(out_dir), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["sections"] == ["meta", "press_release", "faq", "metrics"]
    assert {"kind": "added", "path": "faq.external[6]"}.items() <= report["changes"][4].items()
    assert report["outputs"] == {} and not out_dir.exists()


def test_warnings_of_the_new_spec_fail_with_strict(pair: Pair, tmp_path: Path) -> None:
    import json

    new = tmp_path / "gapfill.yaml"
    text = pair.new.read_text(encoding="utf-8")
    start = text.index("  subheadline:")
    new.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    code, out, _ = run(str(pair.old), str(new), "--format", "json", "--strict")
    assert code == 1
    assert [d["path"] for d in json.loads(out)["diagnostics"]] == ["press_release.subheadline"]
    assert run(str(pair.old), str(new), "--format", "json")[0] == 0


def test_an_invalid_old_version_is_reported_by_its_revision(repo: Path, tmp_path: Path) -> None:
    spec = repo / "specs" / "gapfill.yaml"
    good = spec.read_text(encoding="utf-8")
    spec.write_text(good.replace("title: Gapfill", "title: ''"), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "broken")
    spec.write_text(good, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, _, err = run("--since", "HEAD", str(spec), "-o", str(out_dir))
    assert code == 1
    assert f"{spec}@HEAD:" in err and "title" in err
    assert not out_dir.exists()
