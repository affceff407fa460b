"""An idea's row: what the comparison shows of it, from its spec, its render and its lint."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from prfaqgen.diagnostics import Diagnostic
from prfaqgen.measure.budget import BODY_LIMIT, PRESS_RELEASE_LIMIT, PageBudget
from prfaqgen.portfolio.ranking import IdeaRow
from prfaqgen.spec.loader import LoadedSpec

TOP_FINDINGS = 3
PAGE_WORDS = {"problem": 100, "solution": 130, "customer_quote": 50, "notes": 70}
"""At most this many words of each part on an idea's page, so that the page holds one idea
on one page; the full text is in the idea's own document."""
CONTINUED = "*(continued in the full document)*"


def writing_score(loaded: LoadedSpec, settings: Any = None) -> tuple[int | None, list[str]]:
    """The lint engine's writing score (0-100) and its top findings: errors, then warnings.

    Info findings are advice that costs no point; listing them as a spec's top
    findings would blame a spec that scores 100.
    """
    from prfaqgen.lint import lint_spec

    config = getattr(settings, "lint", None)
    result = lint_spec(loaded, config=config)
    order = {"error": 0, "warning": 1}
    findings = sorted(
        (f for f in result.findings if f.severity in order),
        key=lambda f: (order[f.severity], f.line, f.column),
    )
    top = [f"line {f.line}: {f.rule}: {f.message}" for f in findings[:TOP_FINDINGS]]
    return int(result.score.total), top


def idea_row(
    name: str,
    loaded: LoadedSpec,
    budget: PageBudget | None,
    outputs: dict[str, str],
    score: tuple[int | None, list[str]],
) -> IdeaRow:
    """The row of one rendered idea; ``outputs`` are paths relative to the output folder."""
    spec = loaded.spec
    pr = spec.press_release
    review = spec.review
    scores = review.scores if review else None
    quote = pr.customer_quotes[0] if pr.customer_quotes else None
    return IdeaRow(
        spec=name,
        title=spec.title,
        owner=spec.meta.author,
        team=spec.meta.team or "",
        date=spec.meta.date.isoformat(),
        status=spec.meta.status,
        decision=review.decision if review else "pending",
        tags=tuple(spec.meta.tags),
        big_idea=scores.big_idea if scores else None,
        fit=scores.fit if scores else None,
        plan=scores.plan if scores else None,
        writing_score=score[0],
        press_release_pages=_round(budget.press_release if budget else None),
        faq_pages=_round(budget.faq if budget else None),
        pdf=outputs.get("pdf"),
        docx=outputs.get("docx"),
        headline=pr.headline,
        subheadline=pr.subheadline or "",
        problem=clip(pr.problem, PAGE_WORDS["problem"]),
        solution=clip(pr.solution, PAGE_WORDS["solution"]),
        customer_quote=clip(quote.text, PAGE_WORDS["customer_quote"]) if quote else "",
        customer_quote_by=", ".join(p for p in (quote.name, quote.role) if p) if quote else "",
        notes=clip(review.notes or "", PAGE_WORDS["notes"]) if review else "",
        findings=tuple(score[1]),
        ask=spec.meta.ask.summary() if spec.meta.ask else "",
        over_budget=over_budget(budget),
    )


def clip(markdown: str, words: int) -> str:
    """``markdown`` cut after the last whole line within ``words`` words.

    Whole lines keep the Markdown valid (a list item, a paragraph line); a
    first line longer than the limit is cut at its last sentence end within it.
    """
    if len(markdown.split()) <= words:
        return markdown
    kept: list[str] = []
    count = 0
    for line in markdown.splitlines():
        if count + len(line.split()) > words:
            break
        kept.append(line)
        count += len(line.split())
    if not "".join(kept).strip():
        head = " ".join(markdown.split()[:words])
        end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
        kept = [head[: end + 1] if end > 0 else head + " …"]
    return "\n".join(kept).rstrip() + "\n\n" + CONTINUED


def over_budget(budget: PageBudget | None) -> tuple[str, ...]:
    """The budget's limits the PDF goes over, in the words the ranking table shows."""
    if budget is None:
        return ()
    flags = []
    if budget.press_release is not None and round(budget.press_release, 2) > PRESS_RELEASE_LIMIT:
        flags.append(f"press release over {PRESS_RELEASE_LIMIT:g} page")
    if budget.body is not None and round(budget.body, 2) > BODY_LIMIT:
        flags.append(f"over {BODY_LIMIT:g} pages")
    return tuple(flags)


def failed_row(name: str, errors: Sequence[Diagnostic], failure: str | None) -> IdeaRow:
    """The row of a spec that could not be rendered: its name and its first located error.

    The error names the spec by its portfolio name, not its path on this
    machine, so the comparison stays the same wherever the folder is.
    """
    first = next((d for d in errors if d.is_error), errors[0] if errors else None)
    if first is not None:
        error = replace(first, file=name).format()
    else:
        error = f"{name}: {failure or 'could not be rendered'}"
    return IdeaRow(
        spec=name,
        title=name,
        owner="",
        team="",
        date="",
        status="",
        decision="",
        tags=(),
        big_idea=None,
        fit=None,
        plan=None,
        writing_score=None,
        press_release_pages=None,
        faq_pages=None,
        pdf=None,
        docx=None,
        error=error,
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
