"""Shared value types of a render: the paper and the choices made per render (RenderOptions).

They sit below every stage: Settings builds RenderOptions, compose/ and the
writers read it; the look of a render is prfaqgen.look. Neither imports a feature.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from prfaqgen.validation import Boolean, Checked, Choice, typed

Paper = Literal["letter", "a4"]


@dataclass(frozen=True)
class RenderOptions(Checked):
    """Choices a user makes per render, shared by every writer; checked when built."""

    paper: Paper = typed(Choice(*get_args(Paper)), "letter or a4.", default="letter")
    draft_mark: bool = typed(Boolean(), "Mark drafts DRAFT.", default=True)
    line_numbers: bool = typed(Boolean(), "Number the lines, for review.", default=False)
    faq_new_page: bool = typed(
        Boolean(),
        "Start the FAQ on a new page: the press release is a page of its own.",
        default=True,
    )
