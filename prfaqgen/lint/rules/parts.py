"""Rules about the parts of a PR/FAQ: headline, dateline, problem, quotes, FAQ, metrics."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from prfaqgen.lint.rule import Context, Hit, Rule
from prfaqgen.lint.text import APOSTROPHES, Span, Vocabulary, find_terms, has_number, mentions
from prfaqgen.source.locations import FieldPath


@cache
def _placeholder_extra() -> re.Pattern[str]:
    """XX%, $XX, [insert ...]: compiled only for a text with "xx", "[insert", "[add" or
    "[your" (a compile costs more than most fields' checks)."""
    return re.compile(r"\b[Xx]{2,}\s*%|\$\s*[Xx]{2,}|\[(?:insert|add|your)[^\]]*\]")


@cache
def _hedges() -> re.Pattern[str]:
    """An answer that is only a hedge; compiled only for an answer of at most five words."""
    return re.compile(
        r"^\W*(?:it depends|tbd|tbc|to be (?:decided|determined|confirmed)|unknown|not sure|"
        r"we don'?t know(?: yet)?|n/?a|todo|unclear|we will see|later)\W*$",
        re.IGNORECASE,
    )


_LONGEST_HEDGE = 5  # words of "we don't know yet", as \w+ counts them


_RISK = Vocabulary(
    frozenset(
        ["risk", "risks", "wrong", "threat", "threats", "kill", "concern", "concerns", "downside"]
    ),
    prefixes=("fail", "worr"),
)
_ECONOMICS = Vocabulary(
    frozenset(
        [
            "cost",
            "costs",
            "price",
            "pricing",
            "economics",
            "margin",
            "margins",
            "revenue",
            "budget",
            "funding",
            "spend",
            "pay",
        ]
    ),
    prefixes=("profit", "invest"),
    phrases=("p&l",),
)
_PEOPLE = Vocabulary(
    frozenset(
        [
            "customer",
            "customers",
            "user",
            "users",
            "client",
            "clients",
            "people",
            "team",
            "teams",
            "owner",
            "owners",
            "manager",
            "managers",
            "developer",
            "developers",
            "engineer",
            "engineers",
            "parent",
            "parents",
            "patient",
            "patients",
            "student",
            "students",
            "teacher",
            "teachers",
            "families",
            "shopper",
            "shoppers",
            "buyer",
            "buyers",
            "seller",
            "sellers",
            "driver",
            "drivers",
            "rider",
            "riders",
            "member",
            "members",
            "employee",
            "employees",
            "staff",
            "worker",
            "workers",
            "businesses",
            "companies",
            "clinic",
            "clinics",
            "store",
            "stores",
            "shop",
            "shops",
            "restaurant",
            "restaurants",
            "farmer",
            "farmers",
            "doctor",
            "doctors",
            "nurse",
            "nurses",
            "reader",
            "readers",
            "writer",
            "writers",
            "author",
            "authors",
            "administrator",
            "administrators",
            "admin",
            "admins",
            "operator",
            "operators",
            "analyst",
            "analysts",
            "accountant",
            "accountants",
            "controller",
            "controllers",
            "founder",
            "founders",
            "lead",
            "leads",
            "anyone",
            "everyone",
        ]
    ),
    suffixes=("ers", "ists", "ians"),
)
_SUBSTANCE = Vocabulary(
    frozenset(
        [
            "now",
            "before",
            "after",
            "every",
            "last",
            "this",
            "each",
            "minute",
            "minutes",
            "hour",
            "hours",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "morning",
            "evening",
            "tonight",
            "yesterday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
    ),
    phrases=("used to", "no longer", "instead of"),
)
_WHY = Vocabulary(
    frozenset(
        ["customer", "customers", "because", "asked", "problem", "why", "interview", "interviews"]
    ),
    phrases=("so that", "told us"),
)
_WORD_RUN = re.compile(r"\w+")
_DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&]*[A-Z0-9])s?\)")
_ACRONYM = re.compile(r"(?<![\w/.-])([A-Z][A-Z0-9&]*[A-Z])s?(?![\w/-])")


def _placeholders(ctx: Context) -> Iterator[Hit]:
    placeholders = ctx.config.word_list("placeholders")
    paths = list(ctx.locator.source_map.scalars)
    for path in paths:
        if not path or path == ("prfaq",):
            continue
        text = ctx.locator.text(path)
        if text is None or not _may_hold_placeholder(text.lower(), placeholders):
            continue
        prose = ctx.prose(path)
        if prose is None:
            continue
        spans = find_terms(prose, placeholders)
        if "xx" in prose.lower or any(f"[{w}" in prose.clean for w in ("insert", "add", "your")):
            extra = _placeholder_extra().finditer(prose.clean)
            spans += [Span(m.start(), m.group()) for m in extra]
        for span in sorted(spans, key=lambda s: s.start):
            yield Hit(
                path,
                span.start,
                span.end,
                f"`{span.text}` is a placeholder left in the text",
                "write the real text, or delete the field if it is optional",
            )


def _may_hold_placeholder(lower: str, placeholders: frozenset[str]) -> bool:
    """False only when no placeholder can match: each needs its first word, "xx" or "["
    in the text (the prose rules read blanks out code and links, and add nothing)."""
    if "xx" in lower or "[" in lower:
        return True
    return any(word.split(" ", 1)[0] in lower for word in placeholders)


def _headline(ctx: Context) -> Iterator[Hit]:
    path = ("press_release", "headline")
    prose = ctx.prose(path)
    if prose is None:
        return
    limits = ctx.config.thresholds
    words = len(prose.words)
    chars = len(prose.value.strip())
    if words > limits.headline_words or chars > limits.headline_chars:
        yield Hit(
            path,
            len(prose.value) - len(prose.value.lstrip()),
            len(prose.value.rstrip()),
            f"headline has {words} words and {chars} characters (at most "
            f"{limits.headline_words} words and {limits.headline_chars} characters)",
            "keep the product and the one benefit; move the rest to the subheadline",
        )


def _subheadline(ctx: Context) -> Iterator[Hit]:
    path = ("press_release", "subheadline")
    prose = ctx.prose(path)
    if prose is None or ctx.spec.press_release.subheadline is None:
        return
    if not mentions(prose.clean, _PEOPLE):
        yield Hit(
            path,
            None,
            None,
            "subheadline does not say who the customer is",
            "name the customer and what they gain: 'Clinics refill 58% of late cancellations'",
        )


def _dateline(ctx: Context) -> Iterator[Hit]:
    pr = ctx.spec.press_release
    missing = [n for n in ("location", "launch_date") if getattr(pr, n) is None]
    if missing:
        yield Hit(
            ("press_release",),
            None,
            None,
            f"the dateline lacks {' and '.join(f'`{n}`' for n in missing)}: a press release "
            "opens with where and when",
            "add `location: City, State` and `launch_date: YYYY-MM-DD` under press_release",
        )


def _company_names(ctx: Context) -> set[str]:
    names = {ctx.spec.title.strip(), *ctx.config.product_names}
    about = ctx.spec.press_release.about
    if about:
        lead = re.match(r"\s*(?:About\s+)?((?:[A-Z][\w&'.-]*\s?){1,4})", about)
        if lead:
            words = lead.group(1).split()
            while words and words[-1].lower() in {"is", "was", "the", "a", "an"}:
                words.pop()
            if words:
                names.add(" ".join(words))
                names.add(words[0])
    return {n for n in names if len(n) > 2}


def _problem_names_solution(ctx: Context) -> Iterator[Hit]:
    path = ("press_release", "problem")
    prose = ctx.prose(path)
    if prose is None:
        return
    for span in find_terms(prose, frozenset(n.lower() for n in _company_names(ctx))):
        yield Hit(
            path,
            span.start,
            span.end,
            f"the problem paragraph names `{span.text}`: it must be the customer's problem, "
            "in the customer's words, before any product exists",
            "describe what the customer does and loses today; name the product in the solution",
        )
        return


def _quotes(ctx: Context) -> Iterator[Hit]:
    pr = ctx.spec.press_release
    for i in range(len(pr.customer_quotes)):
        path = ("press_release", "customer_quotes", i, "text")
        prose = ctx.prose(path)
        if (
            prose is not None
            and not has_number(prose.clean)
            and not mentions(prose.clean, _SUBSTANCE)
        ):
            yield Hit(
                path,
                None,
                None,
                "customer quote has no concrete outcome, number or situation",
                "quote what changed for them: a task, a time, a figure ('we filled 60 visits')",
            )
    leader: FieldPath = ("press_release", "leader_quote", "text")
    said = ctx.prose(leader)
    if pr.leader_quote is None or said is None:
        return
    if not has_number(said.clean) and not mentions(said.clean, _WHY):
        yield Hit(
            leader,
            None,
            None,
            "leader quote only praises: it does not say why we built it for customers",
            "say which customer problem made us build it, and what we learned from them",
        )


def _hedged_answers(ctx: Context) -> Iterator[Hit]:
    for part in ("external", "internal"):
        for i, question in enumerate(getattr(ctx.spec.faq, part)):
            short = len(_WORD_RUN.findall(question.a)) <= _LONGEST_HEDGE
            if (
                short
                and _hedges().match(question.a.strip())
                or len(question.a.split()) <= 2
                and re.search(r"depends|tbd|unknown", question.a, re.I)
            ):
                yield Hit(
                    ("faq", part, i, "a"),
                    None,
                    None,
                    f"the answer is only `{question.a.strip()}`: a reader learns nothing",
                    "answer with what you know now, what you do not, and how you will find out",
                )


def _hard_questions(ctx: Context) -> Iterator[Hit]:
    internal = ctx.spec.faq.internal
    texts = [q.q for q in internal]
    where = ("faq", "internal") if internal else ("faq",)
    if not any(mentions(t, _RISK) for t in texts):
        yield Hit(
            where,
            None,
            None,
            "no internal question asks about risks or why this could fail",
            "add 'What are the top three reasons this will fail?' and answer it honestly",
        )
    if not any(mentions(t, _ECONOMICS) for t in texts):
        yield Hit(
            where,
            None,
            None,
            "no internal question asks about cost or economics",
            "add 'What are the economics: cost, price, profit and investment?'",
        )


def _metrics(ctx: Context) -> Iterator[Hit]:
    for i, metric in enumerate(ctx.spec.metrics):
        if metric.by is None:
            yield Hit(
                ("metrics", i, "target"),
                None,
                None,
                f"metric `{metric.name}` has no date: a target without a deadline is a wish",
                "add `by: YYYY-MM-DD` to the metric",
            )
        elif not has_number(metric.target):
            yield Hit(
                ("metrics", i, "target"),
                None,
                None,
                f"metric `{metric.name}` has a target with no number",
                "make the target a figure: '58% of late cancellations refilled'",
            )


def _acronyms(ctx: Context) -> Iterator[Hit]:
    known = set(ctx.config.word_list("acronyms"))
    known |= {term.strip().upper() for term in ctx.spec.glossary}
    defined: set[str] = set()
    reported: set[str] = set()
    for path, prose in ctx.body():
        text = prose.clean
        letters, upper = _letters(text)
        if letters and upper > letters / 2:
            continue  # a headline in capitals is shouting, not acronyms
        for match in _DEFINED_ACRONYM.finditer(text):
            defined.add(match.group(1).upper())
        names = _spelled_out(text)
        for match in _ACRONYM.finditer(text):
            acronym = match.group(1)
            if len(acronym) < 2 or acronym in known or acronym in reported:
                continue
            if acronym in defined or _defined_here(text, match.start(), acronym):
                continue
            if any(end <= match.start() and acronym in initials for end, initials in names):
                continue
            reported.add(acronym)
            yield Hit(
                path,
                match.start(1),
                match.end(1),
                f"`{acronym}` is used before it is defined",
                f"spell it out the first time: 'Full Name ({acronym})', or add it to `glossary`",
            )
        defined.update(acronym for _, initials in names for acronym in initials)


# Read with ASCII apostrophes (text.APOSTROPHES): an ASCII pattern compiles much faster.
_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:(?:of|for|and|the|&)\s+)?[A-Z][\w'-]*)+")


_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # not from `string`: importing it compiles a regex
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _letters(text: str) -> tuple[int, int]:
    """How many letters ``text`` has and how many are capitals: the ASCII ones counted in C."""
    ascii_part = text.encode("ascii", "ignore")
    letters = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LETTERS))
    upper = len(ascii_part) - len(ascii_part.translate(None, _ASCII_UPPER))
    for char in _NOT_ASCII.findall(text):
        if char.isalpha():
            letters += 1
            upper += char.isupper()
    return letters, upper


def _spelled_out(text: str) -> list[tuple[int, set[str]]]:
    """Capitalised names and the acronyms they spell, by where each name ends.

    "the Green Software Foundation" makes GSF (and GS, SF) known from there on,
    as readers take it, even without "(GSF)" after it.
    """
    names = []
    for match in _NAME.finditer(text.translate(APOSTROPHES) if "’" in text else text):
        words = [w for w in match.group(0).split() if w[0].isupper()]
        initials = {
            "".join(w[0] for w in words[i:j])
            for i in range(len(words))
            for j in range(i + 2, len(words) + 1)
        }
        names.append((match.end(), initials))
    return names


def _defined_here(text: str, start: int, acronym: str) -> bool:
    """`(EHR)` right after its spelled-out name defines it."""
    return text[max(0, start - 1) : start] == "(" and text[start : start + len(acronym) + 2][
        len(acronym) : len(acronym) + 2
    ].startswith((")", "s)"))


def _budget(limit: str) -> Callable[[Context], Iterator[Hit]]:
    def check(ctx: Context) -> Iterator[Hit]:
        if ctx.budget is None:
            return
        problem = ctx.budget.press_release_problem() if limit == "pr" else ctx.budget.body_problem()
        if problem:
            yield Hit(("press_release",) if limit == "pr" else ("faq",), None, None, problem)

    return check


PART_RULES = (
    Rule(
        "undefined-acronym",
        "warning",
        "clarity",
        "An acronym the reader does not know stops them; the method spells each one out.",
        "Write the full name with the acronym in brackets the first time, or add it to `glossary`.",
        _acronyms,
    ),
    Rule(
        "problem-names-solution",
        "warning",
        "customer_focus",
        "The problem paragraph is the customer's problem in the customer's words; naming "
        "the product or company there means the team started from the solution.",
        "Describe what the customer does and loses today; save the product for the solution.",
        _problem_names_solution,
    ),
    Rule(
        "quote-without-substance",
        "warning",
        "evidence",
        "A quote earns its place with a concrete outcome, number or situation; praise is "
        "skipped by readers.",
        "Quote what changed for the customer; let the leader say why we built it.",
        _quotes,
    ),
    Rule(
        "headline-length",
        "warning",
        "structure",
        "A headline is read in one glance: about 12 words, 100 characters.",
        "Keep the product and its one benefit; move the rest to the subheadline.",
        _headline,
    ),
    Rule(
        "subheadline-missing-customer",
        "warning",
        "customer_focus",
        "The subheadline says who the customer is and what they gain.",
        "Name the customer and the gain, with a number if you have one.",
        _subheadline,
    ),
    Rule(
        "dateline-missing",
        "warning",
        "structure",
        "A press release opens with a dateline: city and launch date.",
        "Add `location` and `launch_date` under `press_release`.",
        _dateline,
    ),
    Rule(
        "placeholder-left",
        "error",
        "structure",
        "TODO, TBD, lorem ipsum, XX% and scaffold text are not ready for review.",
        "Write the real text, or delete the optional field.",
        _placeholders,
    ),
    Rule(
        "faq-answer-empty-hedge",
        "warning",
        "evidence",
        "An answer that is only 'it depends' or 'TBD' hides what the team knows.",
        "Say what you know, what you do not, and how and when you will find out.",
        _hedged_answers,
    ),
    Rule(
        "faq-missing-hard-question",
        "warning",
        "structure",
        "Internal FAQs must face the hard questions: why it could fail, and what it costs.",
        "Add an internal question on risks and one on cost and economics.",
        _hard_questions,
    ),
    Rule(
        "metric-without-target-date",
        "warning",
        "evidence",
        "A success metric needs a numeric target and a date to be judged.",
        "Give each metric a numeric `target` and a `by` date.",
        _metrics,
    ),
    Rule(
        "press-release-over-one-page",
        "warning",
        "structure",
        "The press release fits on one page; longer means it is not yet clear.",
        "Cut the press release; move detail into the FAQ.",
        _budget("pr"),
    ),
    Rule(
        "body-over-six-pages",
        "warning",
        "structure",
        "The press release, FAQ and supporting parts fit in six pages.",
        "Cut answers or move data into the appendix.",
        _budget("body"),
    ),
)
