"""Read a spec file into plain Python data and a map of where each value stands.

PyYAML alone is not safe or precise enough for specs written by hand:

* it silently keeps the last of two duplicate keys;
* YAML 1.1 turns ``no``, ``on`` and ``off`` into booleans inside prose;
* aliases can expand into billions of nodes ("billion laughs");
* tags such as ``!!python/object/apply`` ask for objects to be built.

So we build the data ourselves, straight from the parser's events (which
carry line and column): every scalar stays the text the author wrote (the model
converts dates and numbers), aliases and custom tags are refused, duplicate
keys are reported, and a value we do not build is skipped by a flat walk over
its events, so that no nesting costs recursion. Every problem becomes a
located diagnostic.

One builder, two event sources. libyaml's parser (``yaml._yaml.CParser``)
reads YAML 1.1 about ten times faster than PyYAML's pure-Python one, which was
most of the time ``validate`` spent on a spec. But PyYAML's parser is the one
whose words and marks the author-facing explanations are written against
(:mod:`prfaqgen.source.yaml_errors`), and the two do not take quite the same
files: libyaml takes a tab between tokens, and sees no harm in an anchor given
twice, where PyYAML refuses both. So when libyaml raises, or the document has
anything to remark on (or a tag), what was built over its events is thrown away
and the builder runs again over PyYAML's parser, which has always been the one
to read such documents. Without libyaml only that parser is used. Over both,
the builder gives the same data, source map and remarks
(tests/spec/test_yaml_paths.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from prfaqgen.diagnostics import Diagnostic, format_path
from prfaqgen.source.locations import FieldPath, Position, ScalarSpan, SourceMap

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40

_STR_TAG = "tag:yaml.org,2002:str"
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_EMPTY = (
    "is empty: an idea spec starts with `prfaq: 1`; "
    "run `prfaqgen new NAME` for a commented starting point"
)


@dataclass
class ReadResult:
    """What reading one file gives: data (``None`` when unreadable) and problems."""

    data: Any = None
    source_map: SourceMap = field(default_factory=SourceMap)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_spec_file(path: Path, display_name: str | None = None) -> ReadResult:
    """Read ``path``; never raises for a problem the author can fix."""
    name = display_name or str(path)
    result = ReadResult()

    def fail(message: str, line: int = 1, column: int = 1) -> ReadResult:
        result.diagnostics.append(Diagnostic(name, line, column, "", message))
        return result

    if path.is_dir():
        return fail("is a folder, not a spec file: name a .yaml file inside it")
    if path.exists() and not path.is_file():  # a FIFO or device would block or never end
        return fail("is not a regular file (a pipe or device?): name a .yaml file")
    try:
        with path.open("rb") as handle:  # never more than the limit, even from /dev/zero
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return fail("no such file: check the path")
    except OSError as exc:
        return fail(f"cannot be read ({exc.strerror or exc}): check its permissions")
    if len(raw) > MAX_FILE_BYTES:
        return fail(_TOO_LARGE)
    try:
        text = _decode(raw)
    except _DecodeProblem as problem:
        return fail(problem.message, problem.line, problem.column)
    return _compose(text, name)


def read_spec_text(text: str, display_name: str) -> ReadResult:
    """Read spec source already in memory (for tests and the Python API)."""
    if len(text) > MAX_FILE_BYTES:
        return ReadResult(diagnostics=[Diagnostic(display_name, 1, 1, "", _TOO_LARGE)])
    return _compose(text, display_name)


_TOO_LARGE = (
    f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB, the most an idea spec may be: "
    "move large data out of the spec"
)
# The characters PyYAML counts as line breaks, so that our positions match its marks.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line_and_column(before: str) -> tuple[int, int]:
    """1-based position of the character that follows ``before``."""
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, len(before) - start + 1


class _DecodeProblem(Exception):
    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _DecodeProblem("is UTF-16, not UTF-8: save the file as UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_and_column(raw[: exc.start].decode("utf-8", errors="replace"))
        raise _DecodeProblem(
            f"is not valid UTF-8: byte 0x{raw[exc.start]:02X} at line {line}, column "
            f"{column} cannot be decoded; save the file as UTF-8",
            line,
            column,
        ) from None


_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: its own parser only
    _CParser = None

# Both parsers slow down quadratically with flow nesting on one line (10 000 `[` take libyaml
# a quarter of a second and PyYAML's parser 15 s; 100 000 take libyaml 25 s). A file nested
# deeper than this is not read on: its one diagnostic is where it first passed MAX_DEPTH.
MAX_READ_DEPTH = 500


def _compose(text: str, name: str) -> ReadResult:
    def fail(message: str, line: int = 1, column: int = 1) -> ReadResult:
        return ReadResult(diagnostics=[Diagnostic(name, line, column, "", message)])

    if not text.strip():
        return fail(_EMPTY)
    if _CParser is not None:
        try:
            result, unusual = build(text, name, libyaml=True)
            if not unusual:
                return result
        except (yaml.YAMLError, UnicodeEncodeError):  # a lone surrogate cannot reach libyaml
            pass  # PyYAML's own parser says what is wrong, in the words and marks it always had
    try:
        return build(text, name, libyaml=False)[0]
    except yaml.MarkedYAMLError as exc:
        from prfaqgen.source import yaml_errors  # only for a file that does not parse

        said = yaml_errors.explain(exc, text)
        if said is not None:
            return fail(said.message, said.line, said.column)
        mark = _where_it_starts(exc)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return fail(_yaml_message(exc), line, column)
    except yaml.reader.ReaderError as exc:
        line, column = _line_and_column(text[: exc.position])
        return fail(
            f"contains the control character U+{exc.character:04X}, which YAML does "
            "not allow: delete it",
            line,
            column,
        )
    except yaml.YAMLError as exc:  # any other PyYAML error, still without a traceback
        return fail(f"is not valid YAML: {exc}")


def _where_it_starts(exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """The mark to report: where the author has to look.

    A quoted scalar that never closes fails at the end of the file (the problem
    mark); the quote that opened it (the context mark) is what needs fixing.
    """
    if exc.context_mark is not None and _unclosed_quote(exc):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def _unclosed_quote(exc: yaml.MarkedYAMLError) -> bool:
    """A quoted scalar that runs into the end of the file or into a `---` line."""
    problem = exc.problem or ""
    return "quoted scalar" in (exc.context or "") and (
        "end of stream" in problem or "document separator" in problem
    )


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or "invalid YAML"
    if "expected a single document" in (exc.context or "") or "expected '<document start>'" in (
        problem
    ):
        return (
            "holds more than one YAML document (a second `---`): "
            "an idea spec is one document; split it into two files"
        )
    context = f" ({exc.context})" if exc.context else ""
    hint = ""
    if _unclosed_quote(exc):
        return (
            "is not valid YAML: the quoted text that starts here is never closed; "
            "add the closing quote (a quote inside the text is written twice in '...', "
            'or as \\" in "...")'
        )
    if "mapping values are not allowed" in problem:
        hint = "; a text containing ': ' must be quoted or written as a `|` block"
    elif "found character '\\t'" in problem:
        hint = "; indent with spaces, not tabs"
    return f"is not valid YAML: {problem}{context}{hint}"


def build(text: str, name: str, *, libyaml: bool) -> tuple[ReadResult, bool]:
    """Read ``text`` over libyaml's events or PyYAML's own; raises the parser's errors.

    Also says whether the document is unusual: it has a remark or a tag. PyYAML's
    own parser has always been the one that read those, and it refuses some that
    libyaml takes (a tab between tokens; an anchor given twice, which its composer
    refused), so the reader reads them again over it.
    """
    next_event = _CParser(text).get_event if libyaml else yaml.SafeLoader(text).get_event
    builder = _Builder(text, name, next_event, strict_anchors=not libyaml)
    try:
        result = builder.document()
    except _TooDeep:
        assert builder.too_deep is not None
        result = ReadResult(diagnostics=[builder.too_deep])
    if libyaml and text[-1:] not in ("", *"\r\n\x85\u2028\u2029"):
        _end_where_pyyaml_does(result, text)
    return result, bool(result.diagnostics) or builder.tagged


def _end_where_pyyaml_does(result: ReadResult, text: str) -> None:
    """libyaml puts the end of a file without a final line break on a line of its own,
    PyYAML just after the last character: an empty key or value there stands where
    PyYAML puts it. No other position is on that line, which does not exist."""
    line, column = _line_and_column(text)
    theirs, ours = Position(line + 1, 1), Position(line, column)
    for table in (result.source_map.keys, result.source_map.values):
        for path, position in table.items():
            if position == theirs:
                table[path] = ours
    result.diagnostics[:] = [
        replace(found, line=line, column=column) if (found.line, found.column) == theirs else found
        for found in result.diagnostics
    ]


class _TooDeep(Exception):
    """Nesting past MAX_READ_DEPTH: the file is not read on."""


# A value may carry any standard tag; a key only PyYAML's default ones (or none).
_KEY_TAGS = {None, "!", _STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_DEEPER = f"is nested deeper than {MAX_DEPTH} levels"
_ALIAS, _SCALAR, _MAPPING = yaml.AliasEvent, yaml.ScalarEvent, yaml.MappingStartEvent


class _Builder:
    """Turns parser events into dicts, lists and strings, checking as it goes.

    A value it does not build (refused, or too deep) is consumed by a flat walk
    over its events, so no nesting costs recursion and nothing inside is remarked.
    """

    def __init__(
        self, text: str, name: str, next_event: Callable[[], Any], *, strict_anchors: bool
    ) -> None:
        self.text = text
        self.name = name
        self.next_event = next_event
        self.map = SourceMap(source=text)
        self.diagnostics: list[Diagnostic] = []
        self.anchors: dict[str, Any] = {}  # name -> start mark of the node it is on
        self.strict_anchors = strict_anchors
        self.tagged = False  # an explicit tag was seen, even an allowed one
        self.too_deep: Diagnostic | None = None  # first collection past MAX_DEPTH

    def document(self) -> ReadResult:
        self.next_event()  # the stream's start
        if isinstance(self.next_event(), yaml.StreamEndEvent):  # only comments
            return self._fail(_EMPTY, None)
        root = self.next_event()
        data = None
        if isinstance(root, yaml.MappingStartEvent):
            data = self.node(root, ())
        else:
            self.anchor(root)
            self.skip(root, 1, ())
        self.next_event()  # the document's end
        if not isinstance(end := self.next_event(), yaml.StreamEndEvent):
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                root.start_mark,
                "but found another document",
                end.start_mark,
            )
        if isinstance(root, yaml.MappingStartEvent):
            return ReadResult(data, self.map, self.diagnostics)
        if isinstance(root, yaml.AliasEvent):
            null = root.anchor in _NULLS
        else:
            null = isinstance(root, yaml.ScalarEvent) and not root.style and root.value in _NULLS
        if null:
            return self._fail(_EMPTY, None)
        kind = "a list" if isinstance(root, yaml.SequenceStartEvent) else "a single value"
        return self._fail(
            f"the top level is {kind}, not a mapping of fields: an idea spec starts "
            "with `prfaq: 1`, then `title:`, `meta:`, `press_release:` and `faq:`",
            root.start_mark,
        )

    def _fail(self, message: str, mark: Any) -> ReadResult:
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.diagnostics = [Diagnostic(self.name, line, column, "", message)]
        return ReadResult(diagnostics=self.diagnostics)

    def remark(self, mark: Any, path: FieldPath, message: str) -> Diagnostic:
        found = Diagnostic(self.name, mark.line + 1, mark.column + 1, format_path(path), message)
        self.diagnostics.append(found)
        return found

    def anchor(self, event: Any) -> None:
        """Note the anchor on ``event``: PyYAML's composer refused one given twice.

        Over libyaml's events it is not checked: the reader has always taken a
        document it reads without a remark from them as it is."""
        name = event.anchor
        if not self.strict_anchors or name is None or isinstance(event, yaml.AliasEvent):
            return
        if name in self.anchors:
            raise yaml.composer.ComposerError(
                f"found duplicate anchor {name!r}; first occurrence",
                self.anchors[name],
                "second occurrence",
                event.start_mark,
            )
        self.anchors[name] = event.start_mark

    def node(self, event: Any, path: FieldPath) -> Any:
        mark = event.start_mark
        self.map.values[path] = Position(mark.line + 1, mark.column + 1)
        kind = type(event)
        if kind is _ALIAS or len(path) > MAX_DEPTH or event.tag is not None:
            if self.refused(event, path):
                return None
        elif event.anchor is not None:
            self.anchor(event)
        if kind is _SCALAR:
            return self.scalar(event, path)
        if kind is _MAPPING:
            return self.mapping(path)
        items: list[Any] = []
        while type(item := self.next_event()) is not yaml.SequenceEndEvent:
            items.append(self.node(item, (*path, len(items))))
        return items

    def refused(self, event: Any, path: FieldPath) -> bool:
        """Remark on a node not to build (consuming it), or note its allowed tag."""
        mark = event.start_mark
        self.anchor(event)
        if len(path) > MAX_DEPTH:
            found = self.remark(mark, path, _DEEPER)
            if self.too_deep is None and isinstance(event, yaml.CollectionStartEvent):
                self.too_deep = found
        elif type(event) is _ALIAS:
            message = f"aliases (*{event.anchor}) are not allowed in idea specs: "
            self.remark(mark, path, message + "write the value out in full")
            return True
        elif event.tag != "!":
            self.tagged = True
            if event.tag in _STANDARD_TAGS:
                return False
            self.remark(
                mark,
                path,
                f"the YAML tag `{_short_tag(event.tag)}` is not allowed in idea specs: "
                "remove it and write plain text, lists and mappings",
            )
        else:
            return False
        self.skip(event, len(path) + 1, path)
        return True

    def scalar(self, event: Any, path: FieldPath) -> str | None:
        style = event.style or None  # libyaml says "" for plain
        if style is None and event.value in _NULLS:
            return None
        start, end = event.start_mark, event.end_mark
        if style == "|":
            self.map.blocks[path] = block_start(self.text, start.index, end.index, start.line)
        self.map.scalars[path] = ScalarSpan(style, start.index, end.index, event.value)
        return event.value

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        next_event = self.next_event
        while type(event := next_event()) is not yaml.MappingEndEvent:
            if type(event) is _SCALAR and event.tag is None and event.anchor is None:
                key = event.value if event.value not in out else self.key(event, path, out)
            else:
                key = self.key(event, path, out)
            value = next_event()
            if key is None:  # refused: its value is not read either
                self.anchor(value)
                self.skip(value, len(path) + 2, path)
                continue
            child = (*path, key)
            mark = event.start_mark
            self.map.keys[child] = Position(mark.line + 1, mark.column + 1)
            out[key] = self.node(value, child)
        return out

    def key(self, event: Any, path: FieldPath, out: dict[str, Any]) -> str | None:
        """The name of a key of the mapping at ``path``, or None when it is refused."""
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            self.remark(mark, path, f"aliases (*{event.anchor}) are not allowed, also as keys")
            return None
        self.anchor(event)
        if not isinstance(event, yaml.ScalarEvent):
            self.remark(mark, path, "a key must be a plain name, not a list or mapping")
            self.skip(event, len(path) + 2, path)
            return None
        if event.tag not in (None, "!"):
            self.tagged = True
            if event.tag not in _KEY_TAGS:
                self.remark(
                    mark,
                    path,
                    f"the YAML tag `{_short_tag(event.tag)}` is not allowed on a key: "
                    "write the key as a plain name",
                )
                return None
        name: str = event.value
        if name in out:
            first = self.map.keys[(*path, name)]
            self.remark(
                mark,
                (*path, name),
                f"duplicate key `{name}` (first at line {first.line}): YAML would keep "
                "only one of them; merge the two or delete one",
            )
            return None
        return name

    def skip(self, event: Any, level: int, path: FieldPath) -> None:
        """Consume the node ``event`` starts, ``level`` collections deep, unbuilt.

        Only its anchors are noted (the composer checked them too), and where it
        first nests past MAX_DEPTH, for a file too deep to read on.
        """
        depth = 0
        while True:
            if isinstance(event, yaml.CollectionStartEvent):
                if level + depth > MAX_DEPTH + 1 and self.too_deep is None:
                    mark: Any = event.start_mark
                    line, column = mark.line + 1, mark.column + 1
                    self.too_deep = Diagnostic(self.name, line, column, format_path(path), _DEEPER)
                if level + depth > MAX_READ_DEPTH:
                    raise _TooDeep
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if depth == 0:
                return
            event = self.next_event()
            if not isinstance(event, yaml.CollectionEndEvent):
                self.anchor(event)


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def block_start(text: str, start: int, end: int, line: int) -> Position:
    """Where the content of a ``|`` block starts: the line after its header,
    at the indentation of its first non-blank line (``line`` is 0-based)."""
    first = text.find("\n", start) + 1
    indent = 0
    for row in text[first:end].split("\n"):
        if row.strip():
            indent = len(row) - len(row.lstrip(" "))
            break
    return Position(line + 2, indent + 1)
