"""Word-level diff of inline HTML: only the words that changed are marked, markup kept."""

from __future__ import annotations

import lxml.html

from prfaqgen.diffing.words import Mark, build, diff_pieces, has_changes, inline_nodes, pieces

MARK = Mark("Ana Ruiz", "2026-11-29T00:00:00Z")


def merged(old: str, new: str) -> str:
    """The inner HTML of two <p> merged, with the change attributes left out for reading."""
    a = lxml.html.fragment_fromstring(f"<p>{old}</p>")
    b = lxml.html.fragment_fromstring(f"<p>{new}</p>")
    out = lxml.html.fragment_fromstring("<p></p>")
    build(out, diff_pieces(pieces(inline_nodes(a)), pieces(inline_nodes(b))), MARK)
    for el in out.iter("ins", "del"):
        assert el.get("class") == "change"
        assert el.get("data-author") == "Ana Ruiz"
        assert el.get("datetime") == "2026-11-29T00:00:00Z"
        for name in ("class", "data-author", "datetime"):
            del el.attrib[name]
    html = lxml.html.tostring(out, encoding="unicode")
    return html.removeprefix("<p>").removesuffix("</p>")


def test_pieces_are_words_spaces_and_punctuation() -> None:
    p = lxml.html.fragment_fromstring("<p>It's 58%,\n  really.</p>")
    texts = [piece.text for piece in pieces(inline_nodes(p))]
    assert texts == ["It's", " ", "58", "%", ",", " ", "really", "."]


def test_one_changed_word_is_marked_alone() -> None:
    assert merged("Gapfill texts the patient.", "Gapfill texts every patient.") == (
        "Gapfill texts <del>the</del><ins>every</ins> patient."
    )


def test_an_inserted_word_and_a_deleted_word() -> None:
    assert merged("books the first one", "books first one quickly") == (
        "books<del> the</del> first one<ins> quickly</ins>"
    )


def test_a_rewritten_phrase_reads_as_one_deletion_and_one_insertion() -> None:
    # The spaces between the changed words do not split them into fragments.
    assert merged("a very slow red fox runs", "a quite fast blue fox runs") == (
        "a <del>very slow red</del><ins>quite fast blue</ins> fox runs"
    )


def test_inline_markup_is_kept_and_changes_nest_inside_it() -> None:
    html = merged(
        'Reply <em>YES</em> at <a href="https://x.example">the site</a>.',
        'Reply <em>YES now</em> at <a href="https://x.example">our site</a>.',
    )
    assert html == (
        "Reply <em>YES<ins> now</ins></em> at "
        '<a href="https://x.example"><del>the</del><ins>our</ins> site</a>.'
    )


def test_a_word_that_became_bold_is_a_change() -> None:
    assert merged("a big win", "a <strong>big</strong> win") == (
        "a <del>big</del><strong><ins>big</ins></strong> win"
    )


def test_an_image_is_one_piece() -> None:
    html = merged('see <img src="a.png" alt="A"> here', 'see <img src="b.png" alt="B"> here')
    assert (
        html == 'see <del><img src="a.png" alt="A"></del><ins><img src="b.png" alt="B"></ins> here'
    )


def test_equal_text_has_no_changes() -> None:
    a = lxml.html.fragment_fromstring("<p>Same <em>words</em>.</p>")
    same = diff_pieces(pieces(inline_nodes(a)), pieces(inline_nodes(a)))
    assert not has_changes(same)
    assert all(state == "eq" for _, state in same)


def test_sentences_are_compared_first_then_the_words_of_changed_ones() -> None:
    old = "One stays. Two changes here. Three stays."
    new = "One stays. Two changed here. Three stays. Four is new."
    assert merged(old, new) == (
        "One stays. Two <del>changes</del><ins>changed</ins> here. Three stays."
        "<ins> Four is new.</ins>"
    )


def test_a_huge_rewritten_sentence_is_replaced_whole_in_bounded_time() -> None:
    old = " ".join(f"w{i}" for i in range(1500))
    new = " ".join(f"v{i}" for i in range(1500))
    assert merged(old, new) == f"<del>{old}</del><ins>{new}</ins>"
