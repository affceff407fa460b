"""PyYAML's syntax errors, said in the author's words at the line to fix.

PyYAML reports an indentation mistake as "expected <block end>, but found
'?'" or "mapping values are not allowed here", sometimes lines after the
mistake (a quote left open swallows the lines that follow). These functions
look at the text and at the tokens read before the error to say which line is
indented wrongly, against which line, and to which column it belongs. They
only run on the error path; an error they do not recognise keeps PyYAML's
words (the reader adds its own hints).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # PyYAML's, so lines match its marks
_KEY = re.compile(r"(?:-\s+)*(?P<key>[^\s:#'\"\[{][^:#]*?|'[^']*'|\"[^\"]*\"):(?:\s|$)")


@dataclass(frozen=True)
class Located:
    """A message and the 1-based line and column it belongs to."""

    line: int
    column: int
    message: str


@dataclass
class _Block:
    kind: str  # "mapping" or "list"
    column: int  # 0-based
    line: int  # 0-based: of its last key, or where it starts
    key: str | None = None  # the last key read in a mapping
    indentless: bool = False


def explain(exc: yaml.MarkedYAMLError, text: str) -> Located | None:
    """A plain message for ``exc``, or None when it is not a mistake known here."""
    mark = exc.problem_mark
    if mark is None:
        return None
    lines = _LINE_BREAK.split(text)
    if mark.line >= len(lines):
        return None
    problem = exc.problem or ""
    if "found character '\\t'" in problem:
        return _tab(lines, mark.line, mark.column)
    if "mapping values are not allowed here" in problem:
        return _key_in_a_value(lines, mark.line, mark.column)
    if problem.startswith("expected <block end>"):
        return _out_of_line(text, lines, mark)
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        return _no_colon(lines, exc.context_mark.line, exc.context_mark.column)
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _what(line: str) -> tuple[str, str | None]:
    """How to name what starts ``line`` in a message, and its kind."""
    rest = line.strip()
    if rest == "-" or rest.startswith("- "):
        shown = rest if len(rest) <= 20 else rest[:19] + "…"
        return f"the list item `{shown}`", "list"
    key = _KEY.match(rest)
    if key:
        return f"`{key.group('key')}:`", "mapping"
    shown = rest if len(rest) <= 20 else rest[:19] + "…"
    return f"`{shown}`", None


def _tab(lines: list[str], line: int, column: int) -> Located | None:
    text = lines[line]
    if text[:column].strip(" \t"):
        return None  # a tab after the indentation: PyYAML's words and the reader's hint
    what, kind = _what(text.replace("\t", " "))
    if kind is None:
        what = "this line"
    return Located(
        line + 1,
        column + 1,
        f"{what} is indented with a tab, which YAML does not allow: "
        "indent it with spaces (set your editor to insert spaces for Tab)",
    )


def _key_in_a_value(lines: list[str], line: int, column: int) -> Located | None:
    """A `key:` line that YAML read as the continuation of the value above it.

    That happens when the line is indented more than the key above (or less,
    but still more than that key's parent): the text runs on from that value.
    """
    text = lines[line]
    indent = _indent(text)
    first_colon = text.find(":", indent)
    if first_colon != column or text[indent:].startswith(("-", "#", "'", '"')):
        return None  # a ': ' inside a value: the reader's hint says to quote it
    for above in range(line - 1, -1, -1):
        previous = lines[above]
        if not previous.strip() or previous.lstrip().startswith("#"):
            continue
        if _indent(previous) >= indent:
            continue  # another line of the same run-on value
        key = _KEY.match(previous.strip())
        if not key:
            return None
        sibling = _indent(previous) + key.start("key")
        if sibling == indent:
            return None
        what, _ = _what(text)
        return _indented(line, indent, what, f"`{key.group('key')}:`", sibling, above)
    return None


def _no_colon(lines: list[str], line: int, column: int) -> Located | None:
    """A line without `key: ` where YAML expects a key: a value put on the line below
    its key at the key's column, or a key whose colon is missing."""
    if line >= len(lines):
        return None
    shown = lines[line][column:].strip()
    shown = shown if len(shown) <= 20 else shown[:19] + "…"
    for above in range(line - 1, -1, -1):
        previous = lines[above]
        if not previous.strip() or previous.lstrip().startswith("#"):
            continue
        key = _KEY.match(previous.strip())
        at = _indent(previous) + (key.start("key") if key else 0)
        if key and at == column and not previous.strip()[key.end() :].strip():
            name = key.group("key")
            return Located(
                line + 1,
                column + 1,
                f"`{shown}` at column {column + 1} is not a `key: value` line: if it is the "
                f"value of `{name}:` (line {above + 1}), write it on that line after "
                f"`{name}: ` or indent it to column {column + 3}",
            )
        break
    return Located(
        line + 1,
        column + 1,
        f"`{shown}` has no `:` after its key: write `key: value` (a colon, then a space)",
    )


def _indented(
    line: int, column: int, what: str, sibling: str, sibling_column: int, sibling_line: int
) -> Located:
    direction = "less" if column < sibling_column else "more"
    return Located(
        line + 1,
        column + 1,
        f"{what} at column {column + 1} is indented {direction} than {sibling} at column "
        f"{sibling_column + 1} (line {sibling_line + 1}): indent it to column {sibling_column + 1}",
    )


def _open_blocks(text: str, until: int) -> tuple[list[_Block], yaml.Token | None]:
    """The block mappings and lists open just before ``until`` (a character offset),
    and the last token read before it."""
    blocks: list[_Block] = []
    last: yaml.Token | None = None
    after_key = False
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= until:
                break
            last = token
            column, line = token.start_mark.column, token.start_mark.line
            if isinstance(token, yaml.BlockMappingStartToken):
                blocks.append(_Block("mapping", column, line))
            elif isinstance(token, yaml.BlockSequenceStartToken):
                blocks.append(_Block("list", column, line))
            elif isinstance(token, yaml.BlockEndToken):
                while blocks and blocks[-1].indentless:
                    blocks.pop()
                if blocks:
                    blocks.pop()
            elif isinstance(token, yaml.BlockEntryToken):
                # `- ` at its key's column: a list YAML opens without a block token.
                top = blocks[-1] if blocks else None
                if top is not None and top.kind == "mapping" and top.column == column:
                    blocks.append(_Block("list", column, line, indentless=True))
            elif isinstance(token, yaml.KeyToken):
                while blocks and blocks[-1].indentless and blocks[-1].column >= column:
                    blocks.pop()  # the mapping's next key ends its indentless list
            elif (
                isinstance(token, yaml.ScalarToken)
                and after_key
                and blocks
                and blocks[-1].kind == "mapping"
            ):
                blocks[-1].key, blocks[-1].line = token.value, line
            after_key = isinstance(token, yaml.KeyToken)
    except yaml.YAMLError:
        pass
    return blocks, last


def _out_of_line(text: str, lines: list[str], mark: yaml.Mark) -> Located | None:
    """PyYAML's "expected <block end>": a line that lines up with no open block,
    a line of a ``|`` text indented less than the text, or text after a closing quote."""
    blocks, last = _open_blocks(text, mark.index)
    if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"'):
        return _after_quote(lines, last, mark)
    row = lines[mark.line]
    column = _indent(row)
    if column != mark.column or not blocks:
        return None
    what, kind = _what(row)
    if kind is None and isinstance(last, yaml.ScalarToken) and last.style in ("|", ">"):
        return _short_text_line(lines, last, mark.line, column)
    same_kind = [b for b in blocks if b.kind == kind] or blocks
    nearest = sorted(same_kind, key=lambda b: (abs(b.column - column), -b.column))
    target = nearest[0]
    if target.column == column:
        return None
    other = nearest[1] if len(nearest) > 1 else None
    if other is not None and abs(other.column - column) == abs(target.column - column):
        # As far from the part above as from its parent: either may be meant.
        return Located(
            mark.line + 1,
            column + 1,
            f"{what} at column {column + 1} lines up with no {_KIND_NAMES[kind]} above it: "
            f"indent it to "
            f"column {target.column + 1} to line up with {_name(target)} (line "
            f"{target.line + 1}), or to column {other.column + 1} to line up with "
            f"{_name(other)} (line {other.line + 1})",
        )
    return _indented(mark.line, column, what, _name(target), target.column, target.line)


_KIND_NAMES = {"mapping": "key", "list": "list item", None: "part"}


def _name(block: _Block) -> str:
    return f"`{block.key}:`" if block.kind == "mapping" and block.key else "the list item"


def _short_text_line(lines: list[str], text: yaml.ScalarToken, line: int, column: int) -> Located:
    """A line of a ``|`` (or ``>``) text indented less than the text's first line."""
    header = text.start_mark.line
    first = next((n for n in range(header + 1, line) if lines[n].strip()), header + 1)
    indent = _indent(lines[first]) if first < line else column
    return Located(
        line + 1,
        column + 1,
        f"this line at column {column + 1} is indented less than the text it belongs to, "
        f"which starts at column {indent + 1} (line {first + 1}): indent it to column "
        f"{indent + 1}",
    )


def _after_quote(lines: list[str], quoted: yaml.ScalarToken, mark: yaml.Mark) -> Located:
    start, end = quoted.start_mark, quoted.end_mark
    if end.line > start.line:
        return Located(
            start.line + 1,
            start.column + 1,
            f"the quoted text that starts here is not closed on its line, so it runs on to "
            f"line {end.line + 1} and takes the lines between as text: add the closing "
            f"quote where the text ends",
        )
    stray = lines[mark.line][mark.column :].strip()
    shown = stray if len(stray) <= 20 else stray[:19] + "…"
    inside = "twice, as in 'It''s'" if quoted.style == "'" else 'as \\", as in "a \\"b\\" c"'
    return Located(
        mark.line + 1,
        mark.column + 1,
        f"text follows the closing quote (`{shown}`): a value in quotes ends at its "
        f"closing quote; put the whole value in quotes and write a quote inside it {inside}",
    )
