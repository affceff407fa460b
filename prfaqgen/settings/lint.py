"""The ``[lint]`` table of the project config, as a record the config reader validates.

Every value is checked by its kind, so that a bad rule id or threshold is a
problem the config reader can point at its TOML line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

from prfaqgen.diagnostics import closest
from prfaqgen.settings.rule_ids import RULE_IDS
from prfaqgen.validation import (
    INVALID,
    Checked,
    Choice,
    Integer,
    Kind,
    ListOf,
    Loc,
    MapOf,
    Problem,
    Record,
    Refused,
    Text,
    typed,
)

if TYPE_CHECKING:
    from prfaqgen.validation.records import SchemaDefs

LintSeverity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITY = Choice(*SEVERITY_RANK)


def _known_rule(rule: str) -> str:
    if rule not in RULE_IDS:
        close = closest(rule, RULE_IDS)
        hint = f"did you mean `{close}`? " if close else ""
        raise Refused(
            "unknown_rule",
            f"unknown rule id `{rule}`: {hint}the rules are listed in docs/lint-rules.md",
        )
    return rule


def _word(value: str) -> str:
    if not value.strip():
        raise Refused("blank_word", "is an empty word: remove it")
    return value.strip()


def _term(value: str) -> str:
    if not value.strip():
        raise Refused("blank_term", "is an empty term: remove it")
    return value


WORDS = ListOf(Text(_word), as_tuple=True)
TERMS = MapOf(Text(), _term)
# The word lists of prfaqgen/settings/wordlists/, by the name a `[lint.words]` key gives them.
ListName = Literal[
    "weasel",
    "hype",
    "adjectives",
    "jargon",
    "placeholders",
    "acronyms",
    "participles",
    "state-adjectives",
]
WORD_LISTS: tuple[ListName, ...] = get_args(ListName)


class WordChanges(TypedDict, total=False):
    """A house's changes to one built-in word list, as written (jargon adds term = swap)."""

    add: tuple[str, ...] | dict[str, str]
    remove: tuple[str, ...]


def _known_list(name: str) -> str:
    if name not in WORD_LISTS:
        close = closest(name, WORD_LISTS)
        hint = f"did you mean `{close}`? " if close else ""
        raise Refused(
            "unknown_word_list",
            f"unknown word list `{name}`: {hint}the lists are {', '.join(WORD_LISTS)}",
        )
    return name


class WordChangesKind(Kind):
    """``{add = [...], remove = [...]}`` for the list named by the key it stands under.

    ``remove`` may only name built-in words (a misspelt removal would silently keep
    the word); the built-in list is read only when a config removes something.
    """

    def check(self, value: Any, loc: Loc, problems: list[Problem]) -> Any:
        name = str(loc[-1]) if loc else ""
        if not isinstance(value, Mapping):
            problems.append(
                Problem(loc, "wrong_type", "must be a table", value, {"expected": "mapping"})
            )
            return INVALID
        before = len(problems)
        for key in value:
            if key not in ("add", "remove"):
                message = f"unknown field `{key}`: the fields are add and remove"
                problems.append(Problem((*loc, key), "unknown_key", message, value[key]))
        changes = WordChanges()
        if "add" in value:
            adding = TERMS if name == "jargon" else WORDS
            changes["add"] = adding.check(value["add"], (*loc, "add"), problems)
        if "remove" in value:
            removed = changes["remove"] = WORDS.check(value["remove"], (*loc, "remove"), problems)
            if removed is not INVALID and name in WORD_LISTS:
                problems.extend(_not_built_in(name, removed, (*loc, "remove")))
        return INVALID if len(problems) > before else changes

    def schema(self, defs: SchemaDefs) -> dict[str, Any]:
        words = WORDS.schema(defs)
        add = {"anyOf": [words, TERMS.schema(defs)]}
        return {
            "additionalProperties": False,
            "properties": {"add": add, "remove": words},
            "type": "object",
        }


def _not_built_in(name: ListName, words: tuple[str, ...], loc: Loc) -> list[Problem]:
    from prfaqgen.settings.wordlists import builtin

    fold = str.upper if name == "acronyms" else str.lower
    known = {fold(w) for w in builtin(name)}
    return [
        Problem(
            (*loc, i),
            "not_in_list",
            f"`{word}` is not in the built-in {name} list, so there is nothing to remove "
            f"(the list is prfaqgen/settings/wordlists/{name}.yaml)",
            word,
        )
        for i, word in enumerate(words)
        if fold(word) not in known
    ]


@dataclass(frozen=True, kw_only=True)
class Thresholds(Checked):
    """Limits of the length rules."""

    sentence_words: int = typed(
        Integer(5, 200), "long-sentence: a sentence with more words than this.", default=30
    )
    paragraph_words: int = typed(
        Integer(20, 1000), "long-paragraph: a paragraph with more words than this.", default=150
    )
    headline_words: int = typed(Integer(3, 60), "Words in a headline, at most.", default=12)
    headline_chars: int = typed(Integer(20, 300), "Characters in a headline, at most.", default=100)


@dataclass(frozen=True, kw_only=True)
class LintConfig(Checked):
    """Which writing checks run and how they grade; unknown keys are errors."""

    disable: tuple[str, ...] = typed(
        ListOf(Text(_known_rule), as_tuple=True), "Rule ids that never run.", default=()
    )
    severity: dict[str, LintSeverity] = typed(
        MapOf(SEVERITY, _known_rule),
        "Rule id -> the severity it reports with, instead of its default.",
        default_factory=dict,
    )
    min_severity: LintSeverity = typed(
        SEVERITY,
        "Findings below this level are not shown (they still count in the score).",
        default="info",
    )
    thresholds: Thresholds = typed(Record(Thresholds), default_factory=Thresholds)
    weasel_words: tuple[str, ...] = typed(
        WORDS, "House weasel words, added to the built-in list.", default=()
    )
    hype_words: tuple[str, ...] = typed(
        WORDS, "House hype words, added to the built-in list.", default=()
    )
    banned_terms: dict[str, str] = typed(
        MapOf(Text(), _term), "Term -> its replacement; reported by `jargon`.", default_factory=dict
    )
    product_names: tuple[str, ...] = typed(
        WORDS,
        "Names of the product and company that the problem paragraph must not use.",
        default=(),
    )
    acronyms: tuple[str, ...] = typed(
        WORDS, "Acronyms every reader knows, never reported by `undefined-acronym`.", default=()
    )
    words: dict[str, WordChanges] = typed(
        MapOf(WordChangesKind(), _known_list),
        "Word list name -> {add = [...], remove = [...]}: the built-in lists, changed.",
        default_factory=dict,
    )

    def severity_of(self, rule: str, default: LintSeverity) -> LintSeverity:
        return self.severity.get(rule, default)

    def word_list(self, name: ListName) -> frozenset[str]:
        """The built-in list ``name`` with this config's additions and removals."""
        from prfaqgen.settings.wordlists import changed

        older = {"weasel": self.weasel_words, "hype": self.hype_words, "acronyms": self.acronyms}
        change = self.words.get(name, WordChanges())
        add = (*older.get(name, ()), *change.get("add", ()))
        return changed(name, add, change.get("remove", ()))

    def jargon(self) -> dict[str, str]:
        """Jargon term (lower case) -> its replacement: built in, changed, and banned_terms."""
        from prfaqgen.settings.wordlists import jargon_swaps

        change = self.words.get("jargon", WordChanges())
        gone = {term.lower() for term in change.get("remove", ())}
        terms = {t: swap for t, swap in jargon_swaps().items() if t not in gone}
        added = change.get("add", {})
        if isinstance(added, dict):
            terms.update((t.lower(), swap) for t, swap in added.items())
        terms.update((t.lower(), swap) for t, swap in self.banned_terms.items())
        return terms
