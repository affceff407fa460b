"""Every use of tinyhtml5 beyond its public API, in one place: its pattern cache, fixed.

tinyhtml5 (the HTML5 parser WeasyPrint and the compose stage share; 2.1.0 in
constraints.txt) is reached into for one thing: the cache of the patterns its
``chars_until()`` scans text with. Importing this module installs the fix
(prfaqgen.compose.html_tree does). :data:`RELIED_ON` lists the tinyhtml5 code
the fix depends on, with a digest of its source as read from 2.1.0:
tests/test_third_party_internals.py fails, naming it, when an upgrade changes
it (see prfaqgen.third_party).
"""

from __future__ import annotations

import re
from typing import Any

import tinyhtml5.inputstream

#: tinyhtml5 functions relied on -> the digest of their source (tinyhtml5 2.1.0).
RELIED_ON = {
    # reads and fills inputstream.characters_until_regex as _CharsUntilPatterns expects
    "tinyhtml5.inputstream:HTMLUnicodeInputStream.chars_until": "dfe353323dff1fdc",
}


class _CharsUntilPatterns(dict[tuple[Any, bool], "re.Pattern[str]"]):
    """tinyhtml5's cache of the patterns ``chars_until()`` scans text with, made to work.

    tinyhtml5 2.1 stores each pattern under the pattern itself (``characters =
    cache[(characters, opposite)] = regex`` rebinds ``characters`` first), so
    its look-up never hits and every call builds the pattern again: a tenth of
    the parse. A miss here builds the same pattern as tinyhtml5, once, so the
    tree is unchanged; WeasyPrint's own parses get the same help.
    """

    def __missing__(self, key: tuple[Any, bool]) -> re.Pattern[str]:
        characters, opposite = key
        regex = "".join([f"\\x{ord(character):02x}" for character in characters])
        if not opposite:
            regex = f"^{regex}"
        pattern = self[key] = re.compile(f"[{regex}]+")
        return pattern


if type(getattr(tinyhtml5.inputstream, "characters_until_regex", None)) is dict:
    tinyhtml5.inputstream.characters_until_regex = _CharsUntilPatterns()
