"""What words in a draft say about where text belongs: labels, datelines, quotes, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# A section label (a heading, a bold line or "Label:" at a paragraph's start) -> part.
LABELS: list[tuple[str, re.Pattern[str]]] = [
    (key, re.compile(rf"^(?:{pattern})$", re.IGNORECASE))
    for key, pattern in [
        ("press_release", r"(the )?press release"),
        ("headline", r"(the )?head ?line|title"),
        ("subheadline", r"sub[- ]?head(line|ing)?|sub[- ]?title"),
        ("summary", r"(the )?summary|(summary|intro(duction)?|opening) paragraph|intro(duction)?"),
        ("problem", r"(the |customer |customer's )?problems?( statement| paragraph)?|pain points?"),
        ("solution", r"(the |our )?solution( paragraph)?"),
        (
            "leader_quote",
            r"(leader|leadership|internal|company|executive|spokes(person|man|woman)) quote"
            r"|quote from (a |the |our )?(leader|spokesperson|executive)",
        ),
        (
            "how_it_works",
            r"how it works|getting started|how to get started|(the )?customer experience",
        ),
        (
            "customer_quotes",
            r"customer quotes?|testimon(y|ials?)|quotes? from (a |our )?customers?",
        ),
        ("call_to_action", r"call to action|cta|next steps|availability"),
        ("about", r"about( .{1,60})?|boilerplate"),
        ("faq_external", r"(customer|external|public) (faqs?|questions)|faqs? \(external\)"),
        (
            "faq_internal",
            r"(internal|stakeholder) (faqs?|questions)|faqs? \(internal\)",
        ),
        ("faq", r"faqs?|frequently asked questions|q ?& ?a|questions( and answers)?"),
        ("tenets", r"(our )?tenets"),
        ("customer", r"(the )?(five|5) customer questions"),
        ("metrics", r"(success )?metrics|measures of success|how we will measure success"),
        ("glossary", r"glossary|definitions|terms"),
        ("appendix", r"appendix|appendices|annex(es)?"),
    ]
]
QUOTE_OPEN = '"“„«'
QUOTE_CLOSE = '"”»'
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d{2}-\d{2})"
_DASH = r"\s*(?:[–—]|--?)\s*"
_MARK = r"(?:\*\*|__|\*|_)?"
DATELINE = re.compile(
    rf"^{_MARK}\s*(?P<loc>[A-Z][^\n–—()*]{{1,80}}?)\s*(?:\((?P<outlet>[^)\n]{{1,60}})\))?"
    rf"{_DASH}(?P<date>{_DATE})?(?:{_DASH})?{_MARK}\s*(?:[–—]\s*)?"
)
LEADER_TITLE = re.compile(
    r"\b(ceo|cto|coo|cfo|cpo|chief|founder|co-founder|president|vp|svp|evp|vice president"
    r"|director|head of|general manager|gm|chair|co-chair|executive|owner of the product)\b",
    re.IGNORECASE,
)
COMPANY_VOICE = re.compile(r"\b(we|we're|we've|our|us)\b", re.IGNORECASE)
_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)(?: (?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von)){0,3}$")
_SAID = re.compile(
    r"^(?P<q1>[\"“„«].+?[\"”»])[,.]?\s+(?:said|says)\s+(?P<attr>[^\"“”„«»]+?)"
    r"(?:[.,]\s*(?P<q2>[\"“„«].+[\"”»])?)?\s*$",
    re.DOTALL,
)
# "Text." - Name, Role   /   “Text” — Name: the dash stands apart from the words.
_DASHED = re.compile(
    r"^(?P<q1>.+[\"”».!?])\s*(?:\\?\n)?(?:\s+(?:--?|[—–])|\s*[—–])\s*(?P<attr>[^\"“”\n]{2,120})$",
    re.DOTALL,
)
_Q_PREFIX = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:Q\s*\d*\s*[:.)]|Question\s*\d*\s*[:.)]|Q\d+\b)\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_A_PREFIX = re.compile(r"^\s*(?:\*\*|__)?\s*(?:A|Answer)\s*[:.)]\s*(?:\*\*|__)?\s*", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*\d{1,3}\\?[.)]\s+")
_LEADING_LABEL = re.compile(
    r"^\s*(?P<mark>\*\*|__|\*|_)(?P<label>[^*_\n]{2,40}?):?(?P=mark):?\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
_PLAIN_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][A-Za-z '&/-]{1,40}):\s+(?P<rest>.+)$", re.DOTALL)


def label_key(text: str) -> str | None:
    """The part a label names (``Problem:``, ``## Customer FAQ``), or None."""
    cleaned = re.sub(r"^[\s#*_]*(?:\d+[.)]|[A-Z][.)])?\s*", "", text)
    cleaned = cleaned.strip(" *_:#.").lower()
    for key, pattern in LABELS:
        if pattern.match(cleaned):
            return key
    return None


def leading_label(markdown: str) -> tuple[str, str] | None:
    """``**Problem:** text`` or ``Problem: text`` -> (key, text) when the label is a part."""
    for pattern in (_LEADING_LABEL, _PLAIN_LABEL):
        match = pattern.match(markdown)
        if match:
            key = label_key(match.group("label"))
            if key and key not in ("headline", "faq", "about", "glossary"):
                return key, match.group("rest").strip()
    return None


def label_line(markdown: str) -> str | None:
    """A paragraph that is only a short label (``Internal FAQ``, ``**Problem**``): its text."""
    bold = bold_line(markdown)
    if bold is not None:
        return bold
    text = markdown.strip().rstrip(":")
    if "\n" not in text and len(text.split()) <= 4 and label_key(text) is not None:
        return text
    return None


def bold_line(markdown: str) -> str | None:
    """The text of a paragraph that is one bold line (a section cue in many drafts)."""
    match = re.fullmatch(r"\s*(\*\*|__)([^\n]+?)\1\s*:?\s*", markdown)
    return match.group(2).strip() if match and "**" not in match.group(2) else None


@dataclass(frozen=True)
class Dateline:
    location: str
    outlet: str | None
    launch_date: date | None
    rest: str


def dateline(markdown: str) -> Dateline | None:
    """``SEATTLE, WA – March 1, 2027 – Acme today...`` split into its parts."""
    match = DATELINE.match(markdown)
    if not match or not match.group("date"):
        return None
    location = match.group("loc").strip(" ,")
    if len(location.split()) > 6:
        return None
    return Dateline(
        location=location,
        outlet=(match.group("outlet") or "").strip() or None,
        launch_date=parse_date(match.group("date")),
        rest=markdown[match.end() :].lstrip(),
    )


def parse_date(text: str) -> date | None:
    text = text.strip().rstrip(".")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        words = re.findall(r"[A-Za-z]+|\d+", text)
        month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
        numbers = [int(w) for w in words if w.isdigit()]
        year = next((n for n in numbers if n > 999), None)
        day = next((n for n in numbers if n <= 31), None)
        if month and year and day:
            return date(year, month, day)
    except ValueError:
        return None
    return None


@dataclass
class Quote:
    text: str
    name: str | None
    role: str | None
    where: str


def split_attribution(attr: str) -> tuple[str | None, str | None]:
    """``Dana Kim, VP of Finance`` -> (name, role); a name only if it looks like one."""
    attr = attr.strip().strip("—–-").strip().rstrip(".").strip()
    attr = re.sub(r"^(?:\*\*|__|\*|_)(.*)(?:\*\*|__|\*|_)$", r"\1", attr)
    if not attr:
        return None, None
    head, _, tail = attr.partition(",")
    if _person(head):
        return head.strip(), tail.strip() or None
    rest, _, last = attr.rpartition(",")
    if rest and _person(last):  # "VP of Finance, Dana Kim"
        return last.strip(), rest.strip()
    return None, attr


def _person(text: str) -> bool:
    """Two to four capitalised words (a name, not "Controller" or "VP, Finance")."""
    words = text.split()
    return (
        2 <= len(words) <= 4 and bool(_PERSON.match(text.strip())) and not LEADER_TITLE.search(text)
    )


def unquote(text: str) -> str:
    text = text.strip()
    if text[:1] in QUOTE_OPEN:
        text = text[1:]
    if text[-1:] in QUOTE_CLOSE:
        text = text[:-1]
    elif text[-2:-1] in QUOTE_CLOSE and text[-1:] in ".,":
        text = text[:-2] + text[-1]
    return text.strip()


def quote_in(markdown: str) -> tuple[str, str | None] | None:
    """A quotation with its attribution in one paragraph: (text, attribution or None)."""
    body = markdown.strip()
    match = _SAID.match(body)
    if match:
        text = unquote(match.group("q1")).rstrip(",")
        if match.group("q2"):
            text = text.rstrip(",") + " " + unquote(match.group("q2"))
        return text, match.group("attr")
    if body[:1] in QUOTE_OPEN:
        match = _DASHED.match(body)
        if match and match.group("q1").rstrip()[-1:] in QUOTE_CLOSE + ".!?":
            return unquote(match.group("q1").rstrip("\\").rstrip()), match.group("attr")
        return unquote(body), None
    return None


def is_attribution(markdown: str) -> bool:
    return bool(re.match(r"^\s*(?:[—–]|--?)\s*\S", markdown)) and len(markdown) < 200


def question_text(markdown: str) -> str | None:
    """The question of a ``Q: ...``, ``Q3. ...`` or ``Question 3: ...`` line, else None."""
    match = _Q_PREFIX.match(markdown)
    if match and markdown[match.end() :].strip():
        return markdown[match.end() :].strip()
    return None


def strip_question_number(text: str) -> str:
    return _NUMBERED.sub("", _Q_PREFIX.sub("", text, count=1), count=1).strip()


def strip_answer_label(markdown: str) -> str:
    return _A_PREFIX.sub("", markdown, count=1)


def answer_label(markdown: str) -> bool:
    return bool(_A_PREFIX.match(markdown))


def numbered_question(markdown: str) -> str | None:
    if (
        _NUMBERED.match(markdown)
        and "\n" not in markdown.strip()
        and markdown.rstrip().endswith("?")
    ):
        return _NUMBERED.sub("", markdown, count=1).strip()
    return None
