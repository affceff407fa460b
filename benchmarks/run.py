"""Speed and memory figures for prfaqgen, printed, not asserted.

Timed unit tests are flaky on shared machines; this script measures whole
processes as a user runs them and prints the minimum and median of several
runs, with the peak memory (max RSS). Targets it is read against:

* ``prfaqgen validate specs/example.yaml``: under 0.25 s (validate never
  imports WeasyPrint or python-docx).
* ``prfaqgen render specs/example.yaml``: a few seconds for PDF and DOCX.

* ``prfaqgen portfolio`` of N specs (``--portfolio N``, 0 skips it): >= 1.8 x faster
  than N sequential ``prfaqgen render`` processes on 2 cores; per document within
  1.2 x of a bare WeasyPrint loop over the same HTML; a second, unchanged run under
  5 % of the first; peak memory per worker flat over the batch.

Run: ``python benchmarks/run.py [--runs N] [--portfolio N]``
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "specs" / "example.yaml"


def measure(command: list[str], runs: int) -> tuple[float, float, float]:
    """(min seconds, median seconds, peak RSS in MiB) over ``runs`` processes."""
    times = []
    peak = 0.0
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    return min(times), statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--portfolio", type=int, default=100, metavar="N", help="0 skips it")
    args = parser.parse_args()
    exe = [sys.executable, "-m", "prfaqgen"]
    out = Path(tempfile.mkdtemp(prefix="prfaqgen-bench-"))
    try:
        cases = {
            "validate example": ([*exe, "validate", str(EXAMPLE)], args.runs),
            "render example (pdf+docx)": ([*exe, "render", str(EXAMPLE), "-o", str(out)], 3),
            "render example, line numbers": (
                [*exe, "render", str(EXAMPLE), "-o", str(out), "--line-numbers"],
                3,
            ),
        }
        print(f"{'case':34} {'min s':>8} {'median s':>9} {'peak MiB':>9}")
        for name, (command, runs) in cases.items():
            low, mid, peak = measure(command, runs)
            print(f"{name:34} {low:8.3f} {mid:9.3f} {peak:9.1f}")
    finally:
        shutil.rmtree(out, ignore_errors=True)
    if args.portfolio:
        portfolio_benchmark(args.portfolio)


_BARE_WEASYPRINT = """
import sys, time
from pathlib import Path
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from prfaqgen.render.compose import compose
from prfaqgen.spec.loader import load_spec
docs = [compose(load_spec(p)) for p in sys.argv[1:]]
start = time.perf_counter()
for doc in docs:
    fc = FontConfiguration()
    css = [CSS(filename=str(doc.theme.fonts_dir / "fonts.css"), font_config=fc),
           CSS(filename=str(doc.theme.stylesheet), font_config=fc)]
    html = HTML(string=doc.html, base_url=str(doc.base_dir) + "/")
    html.write_pdf(stylesheets=css, font_config=fc)
print(time.perf_counter() - start)
"""

_WORKER_MEMORY = """
import sys
from pathlib import Path
from prfaqgen.portfolio import PortfolioRequest, run_portfolio
from prfaqgen.settings import Settings
out = Path(sys.argv[2])
settings = Settings(output=out)
per_worker = {}
run_portfolio(
    PortfolioRequest((Path(sys.argv[1]),), out, jobs=int(sys.argv[3]), force=True),
    lambda spec: settings, settings,
    lambda o: per_worker.setdefault(o.worker, []).append(o.peak_rss_mib),
)
for pid, peaks in sorted(per_worker.items()):
    first, last = peaks[0], peaks[-1]
    print(f"{len(peaks)} specs: peak RSS after the first {first:.0f} MiB, the last {last:.0f} MiB")
"""


def portfolio_benchmark(count: int) -> None:
    """The portfolio figures of issue 10, point 4: printed for reading, not asserted."""
    import os

    work = Path(tempfile.mkdtemp(prefix="prfaqgen-portfolio-bench-"))
    exe = [sys.executable, "-m", "prfaqgen"]
    try:
        specs = work / "specs"
        specs.mkdir()
        for i in range(count):
            text = EXAMPLE.read_text(encoding="utf-8").replace("title: Gapfill", f"title: Idea {i}")
            (specs / f"idea-{i:03d}.yaml").write_text(text, encoding="utf-8")
        files = sorted(specs.glob("*.yaml"))
        start = time.perf_counter()
        for path in files:
            subprocess.run(
                [*exe, "render", str(path), "-o", str(work / "seq")], capture_output=True
            )
        sequential = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([*exe, "portfolio", str(specs), "-o", str(work / "pf")], capture_output=True)
        first = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([*exe, "portfolio", str(specs), "-o", str(work / "pf")], capture_output=True)
        second = time.perf_counter() - start
        start = time.perf_counter()
        command = [*exe, "portfolio", str(specs), "-o", str(work / "one"), "--jobs", "1"]
        subprocess.run([*command, "--format", "pdf"], capture_output=True)
        one_worker = time.perf_counter() - start
        bare = subprocess.run(
            [sys.executable, "-c", _BARE_WEASYPRINT, *map(str, files)],
            capture_output=True,
            text=True,
            check=True,
        )
        bare_seconds = float(bare.stdout.strip().splitlines()[-1])
        jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        print(f"\nportfolio of {count} specs (example.yaml), {jobs} CPUs")
        print(f"  {count} sequential `prfaqgen render`: {sequential:8.1f} s")
        speed_up = sequential / first
        print(f"  prfaqgen portfolio (first run):     {first:8.1f} s  speed-up x{speed_up:.2f}")
        share = 100 * second / first
        print(f"  second run, nothing changed:        {second:8.2f} s  {share:.1f} % of the first")
        print(
            f"  per document, one worker, PDF only: {one_worker / count:8.3f} s  "
            f"bare WeasyPrint loop {bare_seconds / count:.3f} s  "
            f"ratio x{one_worker / max(bare_seconds, 1e-9):.2f}"
        )
        memory = subprocess.run(
            [sys.executable, "-c", _WORKER_MEMORY, str(specs), str(work / "mem"), str(jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in memory.stdout.splitlines():
            print(f"  worker: {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
