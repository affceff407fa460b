"""One writing check: a stable id, a default severity, why it matters, how to fix it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

from prfaqgen.lint.text import Prose, Span, find_names
from prfaqgen.settings.lint import LintConfig, LintSeverity
from prfaqgen.source.locations import FieldPath
from prfaqgen.source.offsets import Locator
from prfaqgen.spec.model import Spec

if TYPE_CHECKING:
    from prfaqgen.measure.budget import PageBudget

Category = Literal["structure", "clarity", "evidence", "customer_focus"]
CATEGORIES: tuple[Category, ...] = ("structure", "clarity", "evidence", "customer_focus")


class Hit(NamedTuple):
    """What a rule found: a field and a range of its text (None: the field as a whole)."""

    path: FieldPath
    start: int | None
    end: int | None
    message: str
    suggestion: str = ""


# The prose parts of the six-page body, in reading order. The appendix holds data, not
# narrative, so only `placeholder-left` reads it.
_PR_PROSE = ("summary", "problem", "solution", "how_it_works", "call_to_action", "about")
_CUSTOMER = ("who", "problem", "benefit", "evidence", "experience")


class Context:
    """What a rule may look at: the typed spec, its text with positions, the config.

    A plain class, as are Prose and (a NamedTuple) Rule: a dataclass costs about
    5 M instructions to create at import, a tenth of what lint may add to validate.
    """

    def __init__(
        self, spec: Spec, locator: Locator, config: LintConfig, budget: PageBudget | None = None
    ) -> None:
        self.spec = spec
        self.locator = locator
        self.config = config
        self.budget = budget
        self._prose: dict[FieldPath, Prose] = {}

    def prose(self, path: FieldPath) -> Prose | None:
        """The text at ``path`` as YAML read it (offsets match the file), or None."""
        if path not in self._prose:
            text = self.locator.text(path)
            if text is None:
                return None
            self._prose[path] = Prose(text)
        return self._prose[path]

    @cached_property
    def body_paths(self) -> tuple[FieldPath, ...]:
        """Every narrative text field of the press release and FAQ, in reading order."""
        spec = self.spec
        pr = spec.press_release
        paths: list[FieldPath] = [("title",), ("press_release", "headline")]
        if pr.subheadline:
            paths.append(("press_release", "subheadline"))
        for name in _PR_PROSE:
            if getattr(pr, name) is not None:
                paths.append(("press_release", name))
            if name == "solution" and pr.leader_quote is not None:
                paths.append(("press_release", "leader_quote", "text"))
            if name == "how_it_works":
                paths.extend(
                    ("press_release", "customer_quotes", i, "text")
                    for i in range(len(pr.customer_quotes))
                )
        for part in ("external", "internal"):
            for i in range(len(getattr(spec.faq, part))):
                paths.extend([("faq", part, i, "q"), ("faq", part, i, "a")])
        if spec.customer is not None:
            paths.extend(("customer", n) for n in _CUSTOMER if getattr(spec.customer, n))
        paths.extend(("tenets", i) for i in range(len(spec.tenets)))
        return tuple(p for p in paths if self.locator.text(p) is not None)

    @cached_property
    def _names(self) -> tuple[str, ...]:
        """The product's own names, the title and `product_names`, as written (case matters:
        "Quick Close" is a name, "a quick close" is a claim)."""
        names = {" ".join(n.split()) for n in (self.spec.title, *self.config.product_names)}
        names.discard("")
        return tuple(sorted(names))

    def outside_names(self, prose: Prose, spans: Iterable[Span]) -> Iterator[Span]:
        """``spans`` that are not part of a product name ("Quick" in "Quick Close")."""
        spans = list(spans)
        if not spans or not self._names:
            yield from spans
            return
        named = [(n.start, n.end) for n in find_names(prose.clean, self._names)]
        for span in spans:
            if not any(start <= span.start and span.end <= end for start, end in named):
                yield span

    def body(self) -> Iterator[tuple[FieldPath, Prose]]:
        for path in self.body_paths:
            prose = self.prose(path)
            if prose is not None:
                yield path, prose


class Rule(NamedTuple):
    """A writing check. ``check`` yields hits; the engine locates and grades them."""

    id: str
    severity: LintSeverity
    category: Category
    rationale: str
    fix: str
    check: Callable[[Context], Iterable[Hit]]
