"""The review loop's way back: a reviewed DOCX's comments and tracked changes, placed in the spec.

See docs/comments.md. The DOCX writer marks each spec field with a hidden
bookmark (prfaqgen.writers.docx.fields); this package reads them back.
"""

from prfaqgen.review.findings import PRINTERS, Reply, ReviewFinding
from prfaqgen.review.reader import ReviewResult, read_review

__all__ = ["PRINTERS", "Reply", "ReviewFinding", "ReviewResult", "read_review"]
