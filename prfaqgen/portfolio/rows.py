"""An idea's row: what the comparison shows of it, from its spec, its render and its lint."""

from __future__ import annotations

from typing import Any

from prfaqgen.measure.budget import PageBudget
from prfaqgen.portfolio.ranking import IdeaRow
from prfaqgen.spec.loader import LoadedSpec

TOP_FINDINGS = 5


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
        problem=pr.problem,
        solution=pr.solution,
        customer_quote=quote.text if quote else "",
        customer_quote_by=", ".join(p for p in (quote.name, quote.role) if p) if quote else "",
        notes=(review.notes or "") if review else "",
        findings=tuple(score[1]),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
