"""Typed records from plain data: the one validator of specs and config files.

Why not pydantic: building its models costs more start-up time than a whole
``prfaqgen validate`` may take (issue 7, P3), and the formats are small. This
package keeps what we used of it: kinds of value, frozen records, every
problem reported at once with a stable code, and a JSON Schema.
"""

from prfaqgen.validation.kinds import (
    INVALID,
    Boolean,
    Choice,
    Date,
    FilePath,
    Integer,
    Kind,
    ListOf,
    MapOf,
    Optional,
    Ruled,
    Text,
)
from prfaqgen.validation.problems import Invalid, Loc, Problem, Refused
from prfaqgen.validation.records import (
    Checked,
    Record,
    fields_of,
    record_at,
    record_schema,
    to_plain,
    typed,
    validate,
)

__all__ = [
    "INVALID",
    "Boolean",
    "Checked",
    "Choice",
    "Date",
    "FilePath",
    "Integer",
    "Invalid",
    "Kind",
    "ListOf",
    "Loc",
    "MapOf",
    "Optional",
    "Problem",
    "Record",
    "Refused",
    "Ruled",
    "Text",
    "fields_of",
    "record_at",
    "record_schema",
    "to_plain",
    "typed",
    "validate",
]
