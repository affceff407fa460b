"""``prfaqgen watch`` for real: renders on save, keeps the last good output, exits 0 on Ctrl-C.

No test sleeps: each waits for a line the watcher prints ("watching ..." once
it is live, one line per render), so a slow machine only makes them slower.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

MINIMAL = Path(__file__).resolve().parents[1] / "e2e" / "specs" / "minimal.yaml"

pytestmark = pytest.mark.slow


class Watcher:
    """A running ``prfaqgen watch`` whose stdout lines are read as they come."""

    def __init__(self, cwd: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env["PYTHONUNBUFFERED"] = "1"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "prfaqgen", "watch", *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = 180) -> list[str]:
        """Every line up to and including the first one containing ``text``."""
        deadline = time.monotonic() + timeout
        got: list[str] = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        raise AssertionError(f"no line with {text!r} in {timeout} s; output: {self.seen}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def headline(pdf: Path) -> str:
    return PdfReader(pdf).pages[0].extract_text()


READY = "watching 1 spec; Ctrl-C stops"


def save(path: Path, text: str) -> None:
    """Write ``path`` as editors do, in one step: never seen half-written."""
    temporary = path.with_name(f".{path.name}.tmp")  # a dot file: the watcher ignores it
    temporary.write_text(text)
    os.replace(temporary, path)


def width(pdf: Path) -> int:
    return round(float(PdfReader(pdf).pages[0].mediabox.width))


def test_watch_renders_on_save_keeps_the_last_good_output_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the config search stops here
    spec = tmp_path / "idea.yaml"
    shutil.copyfile(MINIMAL, spec)
    pdf = tmp_path / "out" / "idea.pdf"
    watcher = Watcher(tmp_path, "idea.yaml", "-o", "out", "--format", "pdf")
    try:
        started = watcher.wait_for(READY)
        first = next(line for line in started if "out/idea.pdf" in line)
        # Two pages: the FAQ starts on a page of its own.
        assert "(2 pages, " in first and first.split(" ")[0].count(":") == 2  # HH:MM:SS
        assert "Acme launches Ledger" in headline(pdf)

        save(spec, spec.read_text().replace("Acme launches Ledger", "Acme ships Ledger 2"))
        watcher.wait_for("out/idea.pdf")
        assert "Acme ships Ledger 2" in headline(pdf)
        assert width(pdf) == 612  # Letter

        # Right after that render, with nothing waited for: the config appears.
        save(tmp_path / "prfaqgen.toml", 'paper = "a4"\n')
        watcher.wait_for("out/idea.pdf")
        assert width(pdf) == 595  # A4
        good = pdf.read_bytes()

        save(spec, spec.read_text().replace("status: final", "status: finished"))
        broken = watcher.wait_for("not rendered")
        assert any(
            line.startswith("idea.yaml:7:11: meta.status: must be one of") for line in broken
        )
        assert "the last good output is kept" in broken[-1]
        assert pdf.read_bytes() == good

        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=60) == 0
        assert not any("Traceback" in line for line in watcher.seen)
        assert not [p.name for p in pdf.parent.iterdir() if p.name.startswith(".")]
    finally:
        watcher.stop()


def test_watch_sees_a_config_edit_made_right_after_a_render(tmp_path: Path) -> None:
    """The config appearing makes the watcher start again on new paths; an edit made
    while it starts again is rendered, once (issue 16)."""
    (tmp_path / ".git").mkdir()
    spec = tmp_path / "idea.yaml"
    shutil.copyfile(MINIMAL, spec)
    config = tmp_path / "prfaqgen.toml"
    pdf = tmp_path / "out" / "idea.pdf"
    watcher = Watcher(tmp_path, "idea.yaml", "-o", "out", "--format", "pdf")
    try:
        watcher.wait_for(READY)
        save(config, 'paper = "a4"\n')
        watcher.wait_for("out/idea.pdf")
        assert width(pdf) == 595
        save(config, 'paper = "letter"\n')  # at once, while the watcher starts again
        watcher.wait_for("out/idea.pdf")
        assert width(pdf) == 612

        save(config, 'paper = "a4"\n')  # and the next edit still counts
        watcher.wait_for("out/idea.pdf")
        assert width(pdf) == 595
        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=60) == 0
        renders = [line for line in watcher.seen if "out/idea.pdf" in line]
        assert len(renders) == 4, watcher.seen  # the start and one per edit, none twice
        assert watcher.seen.count(READY) == 2  # live at the start, and again on the new paths
    finally:
        watcher.stop()
