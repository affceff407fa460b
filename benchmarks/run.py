"""Speed and memory figures for prfaqgen, printed, not asserted.

Timed unit tests are flaky on shared machines; this script measures whole
processes as a user runs them and prints the minimum and median of several
runs, with the peak memory (max RSS). Targets it is read against:

* ``prfaqgen validate specs/example.yaml``: under 0.25 s (validate never
  imports WeasyPrint or python-docx).
* ``prfaqgen render specs/example.yaml``: a few seconds for PDF and DOCX.
* ``prfaqgen lint specs/example.yaml``: at most 1.3 x ``validate`` of the same file.

Run: ``python benchmarks/run.py [--runs N]``
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


def lint_ratio(exe: list[str], runs: int) -> None:
    """``lint`` of the example against ``validate`` of it, whole process; target <= 1.3."""
    validate, _, _ = measure([*exe, "validate", str(EXAMPLE)], runs)
    lint, _, _ = measure([*exe, "lint", str(EXAMPLE)], runs)
    print(f"lint / validate (min of {runs}): {lint / validate:.2f} (target <= 1.30)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
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
        lint_ratio(exe, args.runs)
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
