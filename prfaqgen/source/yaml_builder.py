"""Read a spec file into plain Python data and a map of where each value stands.

PyYAML alone is not safe or precise enough for specs written by hand:

* it silently keeps the last of two duplicate keys;
* YAML 1.1 turns ``no``, ``on`` and ``off`` into booleans inside prose;
* aliases can expand into billions of nodes ("billion laughs");
* tags such as ``!!python/object/apply`` ask for objects to be built.

So we only *compose* the YAML into nodes (which keeps line and column), and
build the data ourselves: every scalar stays the text the author wrote (the
model converts dates and numbers), aliases and custom tags are refused, and
duplicate keys are reported. Every problem becomes a located diagnostic.

The fast path (the second half of this module) builds a clean spec straight
from libyaml's events. PyYAML's pure-Python scanner is most of the time
``validate`` spends on a spec (about 15 ms of 17 for the example). libyaml
reads the same YAML 1.1 ten times faster, but its error messages and marks
differ, and its composer would expand aliases. So this path only takes
documents it can build without a single remark: no alias, no tag, no duplicate
or complex key, no nesting past the limit, one document. Anything else raises
:class:`Unusual`, and the reader starts again on the pure-Python path, which
explains the problem at its line and column as it always has. For the documents
it takes, the data and the source map are the same as that path's
(tests/spec/test_yaml_paths.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
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


_REFUSED_ALIAS = "tag:prfaqgen,2026:refused-alias"


class _NoAliasComposer(yaml.SafeLoader):
    """A loader that resolves no implicit types and never expands an alias.

    An alias becomes a placeholder node that the builder reports, so that one
    alias does not hide the file's other problems.
    """

    yaml_implicit_resolvers: dict[str, list[Any]] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()
            return yaml.ScalarNode(_REFUSED_ALIAS, event.anchor, event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


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
    return _compose(text, name, result)


def read_spec_text(text: str, display_name: str) -> ReadResult:
    """Read spec source already in memory (for tests and the Python API)."""
    result = ReadResult()
    if len(text) > MAX_FILE_BYTES:
        result.diagnostics.append(Diagnostic(display_name, 1, 1, "", _TOO_LARGE))
        return result
    return _compose(text, display_name, result)


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


def _compose(text: str, name: str, result: ReadResult) -> ReadResult:
    def fail(message: str, line: int = 1, column: int = 1) -> ReadResult:
        result.diagnostics.append(Diagnostic(name, line, column, "", message))
        return result

    if not text.strip():
        return fail(_EMPTY)
    if available():
        fast = SourceMap(source=text)
        try:
            result.data = build(text, fast, MAX_DEPTH)
        except Unusual:
            pass  # the pure-Python path below says what is wrong, where
        else:
            result.source_map = fast
            return result
    try:
        root = yaml.compose(text, Loader=_NoAliasComposer)
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
    except RecursionError:
        line, column = _too_deep(text)
        return fail(
            f"is nested too deeply: an idea spec needs at most {MAX_DEPTH} levels", line, column
        )

    if root is None or (
        isinstance(root, yaml.ScalarNode) and root.style is None and root.value in _NULLS
    ):
        return fail(_EMPTY)
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        start = _position(root)
        return fail(
            f"the top level is {kind}, not a mapping of fields: an idea spec starts "
            "with `prfaq: 1`, then `title:`, `meta:`, `press_release:` and `faq:`",
            start.line,
            start.column,
        )
    builder = _Builder(name, result.source_map)
    result.source_map.source = text
    result.data = builder.build(root, ())
    result.diagnostics.extend(builder.diagnostics)
    return result


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


def _too_deep(text: str) -> tuple[int, int]:
    """Where nesting first goes deeper than MAX_DEPTH, found from the parser's events.

    Composing recursed too deep to say where; the event stream is flat, so walking
    it again costs no recursion. Only runs on that error path.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_NoAliasComposer):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH + 1 and mark is not None:  # the root mapping has path ()
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return 1, 1


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


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    """Turns composed nodes into dicts, lists and strings, checking as it goes."""

    def __init__(self, name: str, source_map: SourceMap) -> None:
        self.name = name
        self.source_map = source_map
        self.diagnostics: list[Diagnostic] = []

    def _error(self, node: yaml.Node, path: FieldPath, message: str) -> None:
        pos = _position(node)
        self.diagnostics.append(
            Diagnostic(self.name, pos.line, pos.column, format_path(path), message)
        )

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.source_map.values[path] = _position(node)
        if len(path) > MAX_DEPTH:
            self._error(node, path, f"is nested deeper than {MAX_DEPTH} levels")
            return None
        if node.tag == _REFUSED_ALIAS:
            self._error(
                node,
                path,
                f"aliases (*{node.value}) are not allowed in idea specs: "
                "write the value out in full",
            )
            return None
        if node.tag not in _STANDARD_TAGS and not _is_default_tag(node):
            self._error(
                node,
                path,
                f"the YAML tag `{_short_tag(node.tag)}` is not allowed in idea specs: "
                "remove it and write plain text, lists and mappings",
            )
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.style is None and node.value in _NULLS:
            return None
        if node.style == "|":
            self.source_map.blocks[path] = _block_start(node)
        span = ScalarSpan(node.style, node.start_mark.pointer, node.end_mark.pointer, node.value)
        self.source_map.scalars[path] = span
        return node.value

    def _mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._error(key_node, path, "a key must be a plain name, not a list or mapping")
                continue
            if key_node.tag == _REFUSED_ALIAS:
                self._error(
                    key_node, path, f"aliases (*{key_node.value}) are not allowed, also as keys"
                )
                continue
            if not _is_default_tag(key_node) and key_node.tag != _STR_TAG:
                self._error(
                    key_node,
                    path,
                    f"the YAML tag `{_short_tag(key_node.tag)}` is not allowed on a key: "
                    "write the key as a plain name",
                )
                continue
            key = key_node.value
            child = (*path, key)
            if key in out:
                first = self.source_map.keys[child]
                self._error(
                    key_node,
                    child,
                    f"duplicate key `{key}` (first at line {first.line}): YAML would keep "
                    "only one of them; merge the two or delete one",
                )
                continue
            self.source_map.keys[child] = _position(key_node)
            out[key] = self.build(value_node, child)
        return out


def _block_start(node: yaml.ScalarNode) -> Position:
    mark = node.start_mark
    return block_start(mark.buffer or "", mark.pointer, node.end_mark.pointer, mark.line)


def _is_default_tag(node: yaml.Node) -> bool:
    """A node with no explicit tag gets PyYAML's default one for its kind."""
    return node.tag in (
        yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
        yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    )


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


# --- The fast path: a clean spec built straight from libyaml's events ----------------------

_CParser: Any
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: the reader's pure-Python path only
    _CParser = None


class Unusual(Exception):
    """The document needs the pure-Python path (an error, or something to remark on)."""


def available() -> bool:
    return _CParser is not None


def build(text: str, source_map: SourceMap, max_depth: int) -> dict[str, Any]:
    """The top-level mapping of ``text``, its positions recorded in ``source_map``."""
    try:
        parser = _CParser(text)
        event: Any = None
        for start in (yaml.StreamStartEvent, yaml.DocumentStartEvent, yaml.MappingStartEvent):
            event = parser.get_event()
            if not isinstance(event, start):
                raise Unusual
        data = _EventBuilder(text, source_map, max_depth, parser.get_event).node(event, ())
        for end in (yaml.DocumentEndEvent, yaml.StreamEndEvent):  # one document only
            if not isinstance(parser.get_event(), end):
                raise Unusual
    except yaml.YAMLError:
        raise Unusual from None
    assert isinstance(data, dict)
    return data


class _EventBuilder:
    def __init__(
        self, text: str, source_map: SourceMap, max_depth: int, next_event: Callable[[], Any]
    ) -> None:
        self.text = text
        self.map = source_map
        self.max_depth = max_depth
        self.next_event = next_event

    def node(self, event: Any, path: FieldPath) -> Any:
        if len(path) > self.max_depth or getattr(event, "tag", None) not in (None, "!"):
            raise Unusual
        mark = event.start_mark
        self.map.values[path] = Position(mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(item := self.next_event(), yaml.SequenceEndEvent):
                items.append(self.node(item, (*path, len(items))))
            return items
        raise Unusual  # an alias

    def scalar(self, event: Any, path: FieldPath) -> str | None:
        style = event.style or None
        if style is None and event.value in _NULLS:
            return None
        start, end = event.start_mark, event.end_mark
        if style == "|":
            self.map.blocks[path] = block_start(self.text, start.index, end.index, start.line)
        self.map.scalars[path] = ScalarSpan(style, start.index, end.index, event.value)
        return str(event.value)

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        key: Any
        while not isinstance(key := self.next_event(), yaml.MappingEndEvent):
            if not isinstance(key, yaml.ScalarEvent) or key.tag not in (None, "!"):
                raise Unusual
            name = str(key.value)
            if name in out:
                raise Unusual
            child = (*path, name)
            mark: Any = key.start_mark
            self.map.keys[child] = Position(mark.line + 1, mark.column + 1)
            out[name] = self.node(self.next_event(), child)
        return out


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
