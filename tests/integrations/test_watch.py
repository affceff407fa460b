"""``prfaqgen watch`` for real: renders on save, keeps the last good output, exits 0 on Ctrl-C."""

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


def test_watch_renders_on_save_keeps_the_last_good_output_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the config search stops here
    spec = tmp_path / "idea.yaml"
    shutil.copyfile(MINIMAL, spec)
    pdf = tmp_path / "out" / "idea.pdf"
    watcher = Watcher(tmp_path, "idea.yaml", "-o", "out", "--format", "pdf")
    try:
        first = watcher.wait_for("out/idea.pdf")[-1]
        # Two pages: the FAQ starts on a page of its own.
        assert "(2 pages, " in first and first.split(" ")[0].count(":") == 2  # HH:MM:SS
        assert "Acme launches Ledger" in headline(pdf)

        spec.write_text(spec.read_text().replace("Acme launches Ledger", "Acme ships Ledger 2"))
        watcher.wait_for("out/idea.pdf")
        assert "Acme ships Ledger 2" in headline(pdf)
        assert round(float(PdfReader(pdf).pages[0].mediabox.width)) == 612  # Letter

        (tmp_path / "prfaqgen.toml").write_text('paper = "a4"\n')  # the config changes too
        watcher.wait_for("out/idea.pdf")
        assert round(float(PdfReader(pdf).pages[0].mediabox.width)) == 595  # A4
        good = pdf.read_bytes()

        spec.write_text(spec.read_text().replace("status: final", "status: finished"))
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
