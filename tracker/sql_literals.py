"""Code constants written into SQL as literals instead of bound parameters.

The REST feed's page statements are prepared (``tracker/api/prepared.py``), and PostgreSQL
plans a prepared statement either for its values or once for any values (a generic plan,
kept when it is estimated no dearer). A rule's own constants — ``'rejected'``, the
outstanding statuses — bound as parameters look like any value to the generic plan: it
cannot estimate them (a rejected record is rare, an arbitrary review state is not) nor
match a partial index whose predicate names them, so PostgreSQL re-planned every request.
Written as literals they are part of the statement, as in the index definitions. Only
values from the code, never a request's: ``Literal`` refuses anything but a plain word.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Value

_WORD = re.compile(r"[a-z_]{1,40}")


class Literal(Value):
    """A short lower-case word (a choice value) written into the SQL text."""

    def __init__(self, value: str, output_field: Any = None) -> None:
        if not isinstance(value, str) or not _WORD.fullmatch(value):
            raise ValueError(f"not a plain word for an SQL literal: {value!r}")
        super().__init__(value, output_field=output_field)

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        return f"'{self.value}'", []


def literals(values: tuple[str, ...] | list[str]) -> list[Literal]:
    return [Literal(str(value)) for value in values]
