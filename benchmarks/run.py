"""Speed figures for prfaqgen as ratios to a baseline measured in the same run.

Timed unit tests are flaky on shared machines, and absolute seconds depend on
the machine; so this script times whole processes as a user runs them, each
beside its baseline (runs interleaved, so that load from other work falls on
both alike), and prints the ratio of the fastest runs next to its goal:

* P1 ``prfaqgen render specs/example.yaml`` (PDF + DOCX) against a bare
  ``weasyprint.HTML(...).write_pdf()`` process on the same composed HTML,
  fonts and stylesheets: goal <= 1.15 x.
* P2 ``prfaqgen render --format docx`` against the stack's own import floor: a
  process that only imports the libraries a DOCX render needs
  (``STACK_IMPORTS``): goal <= 1.5 x (issue 16). Beside it, for reading: a blank
  python-docx document opened and saved (the part of the floor no writer on
  python-docx can avoid), and ``pandoc`` Markdown -> DOCX of the same content
  (skipped, said plainly, without pandoc).
* P3 ``prfaqgen validate specs/example.yaml`` against
  ``python -c "import yaml, click"`` (the libraries validate cannot do
  without): goal <= 1.6 x and <= 0.25 s.
* Scale: PDF + DOCX renders of generated specs with 50, 200 and 400 FAQ
  entries; the cost of one more entry (goal: linear, the same per entry on
  both halves).
* L1 ``prfaqgen lint specs/example.yaml`` against ``validate`` of it: goal <= 1.2 x.

* P4 ``prfaqgen portfolio`` of N specs (``--portfolio N``, 0 skips it): >= 1.8 x faster
  than N sequential ``prfaqgen render`` processes on 2 cores; per document within
  1.2 x of a bare WeasyPrint loop over the same HTML; a second, unchanged run under
  5 % of the first; peak memory per worker flat over the batch.

Run: ``python benchmarks/run.py [--runs N] [--quick] [--portfolio N]``. It prints, never asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "specs" / "example.yaml"


def _command() -> list[str]:
    """``prfaqgen`` as users run it: the installed script beside this Python, which
    imports ``prfaqgen.cli`` directly; ``python -m prfaqgen`` (runpy, about 4 ms
    more) only where no script is installed."""
    script = Path(sys.executable).with_name("prfaqgen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "prfaqgen"]


PRFAQGEN = _command()
# The libraries of the chosen stack a DOCX render cannot do without: the P2 floor.
STACK_IMPORTS = "import docx, jinja2, jinja2.sandbox, markdown_it, yaml, click"
P2_GOAL = 1.5  # render --format docx / the floor
P3_BASELINE = "import yaml, click"
L1_GOAL = 1.2  # lint / validate

BARE_WEASYPRINT = textwrap.dedent(
    """\
    import sys
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    html, base, fonts, theme, out = sys.argv[1:]
    config = FontConfiguration()
    sheets = [CSS(filename=fonts, font_config=config), CSS(filename=theme, font_config=config),
              CSS(string="@page { size: letter }", font_config=config)]
    HTML(filename=html, base_url=base).write_pdf(out, stylesheets=sheets, font_config=config)
    """
)


# Installed packages run from bytecode; with PYTHONDONTWRITEBYTECODE set (as on some CI
# images), an editable checkout would compile every module of prfaqgen on every run,
# which no user of an installed prfaqgen pays. The warm-up run writes the .pyc files.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: Sequence[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=cwd, env=ENV)
    return time.perf_counter() - start


def paired(
    subject: Sequence[str], baseline: Sequence[str], runs: int, cwd: Path
) -> tuple[list[float], list[float]]:
    """Times of ``subject`` and ``baseline``, run alternately ``runs`` times each."""
    mine, theirs = interleaved([subject, baseline], runs, cwd)
    return mine, theirs


def interleaved(commands: Sequence[Sequence[str]], runs: int, cwd: Path) -> list[list[float]]:
    """Times of each of ``commands``, run in turn ``runs`` times, after one warm-up each."""
    for command in commands:
        run_once(command, cwd)  # warm the file cache and the .pyc files
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, spent in zip(commands, times, strict=True):
            spent.append(run_once(command, cwd))
    return times


def line(name: str, mine: list[float], theirs: list[float], goal: float, extra: str = "") -> None:
    ratio = min(mine) / min(theirs)
    median = statistics.median(mine) / statistics.median(theirs)
    verdict = "meets" if ratio <= goal else "MISSES"
    print(
        f"{name:4} {min(mine):7.3f} s vs {min(theirs):7.3f} s  ratio {ratio:5.2f} x "
        f"(median {median:4.2f} x)  goal <= {goal:g} x: {verdict}{extra}"
    )


def composed_html(spec: Path, work: Path) -> Path:
    """The HTML the PDF writer lays out for ``spec``, as a file (for the bare baseline)."""
    from prfaqgen.compose.compose import compose
    from prfaqgen.spec.loader import load_spec

    doc = compose(load_spec(spec))
    path = work / "composed.html"
    path.write_text(doc.html, encoding="utf-8")
    return path


def as_markdown(spec: Path) -> str:
    """The prose of ``spec`` as one Markdown document: what pandoc gets for P2."""
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    pr = data["press_release"]
    out = [f"# {data['title']}", "", f"## {pr['headline']}", ""]
    if pr.get("subheadline"):
        out += [f"*{pr['subheadline']}*", ""]
    for key in ("summary", "problem", "solution", "how_it_works", "call_to_action", "about"):
        if pr.get(key):
            out += [pr[key], ""]
    for quote in [pr.get("leader_quote"), *pr.get("customer_quotes", [])]:
        if quote:
            out += [f"> {quote['text'].strip()}", ">", f"> — {quote['name']}", ""]
    out += ["# Frequently asked questions", ""]
    number = 0
    for group in ("external", "internal"):
        for item in (data.get("faq") or {}).get(group) or []:
            number += 1
            out += [f"### Q{number}. {item['q']}", "", item["a"], ""]
    for entry in data.get("appendix") or []:
        out += [f"## {entry['title']}", "", entry["body"], ""]
    return "\n".join(out)


def generated_spec(folder: Path, entries: int) -> Path:
    """A valid spec with ``entries`` FAQ entries of about 60 words each."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("appendix", None)  # no images: the cost measured is the FAQ's
    answer = (
        "The clinic pays 149 dollars a month for up to five therapists; the pilot clinics "
        "gained 2.7 visits a day. Entry {n} repeats this so that every answer has the same "
        "length, with **bold** and *italic* words and a [link](https://example.com/{n}). "
    )
    data["faq"] = {
        "external": [
            {"q": f"What does question {n} ask?", "a": answer.format(n=n) * 2}
            for n in range(1, entries + 1)
        ]
    }
    path = folder / f"faq-{entries}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def docx_ratio(docx_only: Sequence[str], runs: int, work: Path) -> None:
    """P2: a DOCX-only render against the floor the stack's imports set; beside it, for
    reading, python-docx opening and saving a blank document (what any writer on it
    pays) and pandoc (skipped, said plainly, without pandoc)."""
    floor = [sys.executable, "-c", STACK_IMPORTS]
    blank = [sys.executable, "-c", f"{STACK_IMPORTS}, io; docx.Document().save(io.BytesIO())"]
    commands = [docx_only, floor, blank]
    pandoc = shutil.which("pandoc")
    if pandoc is not None:
        markdown = work / "example.md"
        markdown.write_text(as_markdown(EXAMPLE), encoding="utf-8")
        commands.append([pandoc, str(markdown), "-o", str(work / "pandoc.docx")])
    mine, bare, empty, *theirs = interleaved(commands, runs, work)
    line("P2", mine, bare, P2_GOAL, f"  (render DOCX / python -c {STACK_IMPORTS!r})")
    print(
        f"P2 python-docx: a blank Document() opened and saved takes {min(empty):.3f} s, "
        f"{min(empty) / min(bare):.2f} x the floor; the render adds "
        f"{min(mine) - min(empty):.3f} s to that"
    )
    if not theirs:
        print("P2 pandoc: NOT MEASURED: pandoc is not installed (scripts/install-system-deps)")
        return
    [pandoc_times] = theirs
    print(
        f"P2 pandoc: render --format docx {min(mine) / min(pandoc_times):.2f} x pandoc "
        f"({min(pandoc_times):.3f} s); the floor alone {min(bare) / min(pandoc_times):.2f} x pandoc"
    )


def lint_ratio(runs: int, work: Path) -> None:
    """L1: ``lint`` of the example against ``validate`` of it, whole process."""
    lint = [*PRFAQGEN, "lint", str(EXAMPLE)]
    validate = [*PRFAQGEN, "validate", str(EXAMPLE)]
    line("L1", *paired(lint, validate, max(runs, 10), work), L1_GOAL, "  (lint / validate)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (default 5)")
    parser.add_argument("--quick", action="store_true", help="2 runs, scale with 25 to 100")
    parser.add_argument(
        "--portfolio", type=int, default=100, metavar="N", help="specs in the portfolio; 0 skips it"
    )
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    sizes = (25, 50, 100) if args.quick else (50, 200, 400)
    work = Path(tempfile.mkdtemp(prefix="prfaqgen-bench-"))
    try:
        print(f"prfaqgen benchmark: min of {runs} runs each, interleaved with the baseline")
        from prfaqgen.builtin import templates_dir

        theme = templates_dir() / "theme"
        html = composed_html(EXAMPLE, work)
        bare = [
            sys.executable,
            "-c",
            BARE_WEASYPRINT,
            str(html),
            str(EXAMPLE.parent.resolve()) + "/",
            str(theme / "fonts" / "fonts.css"),
            str(theme / "theme.css"),
            str(work / "bare.pdf"),
        ]
        render = [*PRFAQGEN, "render", str(EXAMPLE), "-o", str(work / "out")]
        line("P1", *paired(render, bare, runs, work), 1.15, "  (render PDF+DOCX / bare WeasyPrint)")

        docx_only = [
            *PRFAQGEN,
            "render",
            str(EXAMPLE),
            "-o",
            str(work / "docx"),
            "--format",
            "docx",
        ]
        docx_ratio(docx_only, runs, work)

        validate = [*PRFAQGEN, "validate", str(EXAMPLE)]
        imports = [sys.executable, "-c", P3_BASELINE]
        mine, theirs = paired(validate, imports, max(runs, 10), work)
        absolute = "meets" if min(mine) <= 0.25 else "MISSES"
        line("P3", mine, theirs, 1.6, f"; {min(mine):.3f} s, goal <= 0.25 s: {absolute}")
        lint_ratio(runs, work)

        times = {}
        for entries in sizes:
            spec = generated_spec(work, entries)
            command = [*PRFAQGEN, "render", str(spec), "-o", str(work / "scale")]
            times[entries] = min(run_once(command, work) for _ in range(max(2, runs // 2)))
        small, middle, large = sizes
        per_entry = (times[large] - times[small]) / (large - small)
        fixed = times[small] - per_entry * small
        lower = (times[middle] - times[small]) / (middle - small)
        upper = (times[large] - times[middle]) / (large - middle)
        print(
            "scale "
            + ", ".join(f"{n} entries {t:.2f} s" for n, t in times.items())
            + f": {per_entry * 1000:.1f} ms per FAQ entry on top of {fixed:.2f} s; "
            f"{lower * 1000:.1f} ms per entry from {small} to {middle}, "
            f"{upper * 1000:.1f} ms from {middle} to {large} (linear when these agree)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.portfolio:
        portfolio_benchmark(args.portfolio)


_BARE_WEASYPRINT = """
import sys, time
from pathlib import Path
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from prfaqgen.compose.compose import compose
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
                [*PRFAQGEN, "render", str(path), "-o", str(work / "seq")],
                capture_output=True,
                env=ENV,
            )
        sequential = time.perf_counter() - start
        portfolio = [*PRFAQGEN, "portfolio", str(specs), "-o", str(work / "pf")]
        start = time.perf_counter()
        subprocess.run(portfolio, capture_output=True, env=ENV)
        first = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(portfolio, capture_output=True, env=ENV)  # nothing changed: all unchanged
        second = time.perf_counter() - start
        start = time.perf_counter()
        command = [*PRFAQGEN, "portfolio", str(specs), "-o", str(work / "one"), "--jobs", "1"]
        subprocess.run([*command, "--format", "pdf"], capture_output=True, env=ENV)
        one_worker = time.perf_counter() - start
        bare = subprocess.run(
            [sys.executable, "-c", _BARE_WEASYPRINT, *map(str, files)],
            capture_output=True,
            text=True,
            check=True,
            env=ENV,
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
            env=ENV,
        )
        for line in memory.stdout.splitlines():
            print(f"  worker: {line}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
