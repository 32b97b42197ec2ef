"""Keyset ("cursor") pagination that stays correct while the data changes.

A page ends at a row; the cursor holds that row's sort value and id, and the
next page starts strictly after it: ``(value, id) > (last_value, last_id)``.
Unlike offsets this neither skips nor repeats a row when rows before the
cursor are inserted, changed or deleted, which is what makes paging through
``?updated_since=`` safe while the register changes. Every ordering ends with
the primary key, so the order is total; empty values sort last.

A filter may join a row that carries a copy of the sort field, kept equal by the
database, in an index that holds it in order: it names that copy ``sort_<field>``
(``queryset.alias(sort_updated_at=...)``, see ``sorted_copy``). The page is then
sorted and cut on the copy, which the database reads in order and stops after a page,
while rows and cursors still carry the field itself.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param


@dataclass(frozen=True)
class Ordering:
    """Sort by ``field`` (a model field or annotation) and then by id, both the same direction."""

    field: str | None  # None: by id alone
    kind: str = "datetime"  # datetime | date
    descending: bool = False
    sort: str | None = None  # the copy of ``field`` sorted on, when the queryset joined one

    def over(self, queryset: QuerySet) -> Ordering:
        """This order as ``queryset`` reads it best: from the copy a filter joined, if any."""
        copy = sorted_copy(self.field) if self.field else None
        if copy is not None and copy in queryset.query.annotations:
            return replace(self, sort=copy)
        return self

    @property
    def sorted_on(self) -> str | None:
        return self.sort or self.field

    def order_by(self) -> list[Any]:
        pk = F("pk").desc() if self.descending else F("pk").asc()
        if self.field is None:
            return [pk]
        if self.sort is not None:
            # A copy is never empty on a joined row; without NULLS LAST its index is read
            # backwards for a descending order too.
            return [F(self.sort).desc() if self.descending else F(self.sort).asc(), pk]
        key = F(self.field).desc(nulls_last=True) if self.descending else F(self.field).asc(nulls_last=True)
        return [key, pk]

    def after(self, value: Any, pk: int, *, nullable: bool = True) -> Q:
        """Rows strictly after (value, pk) in this order. For a field that cannot be empty the
        condition is a plain range, which the database answers from an index on (field, id)
        however deep the page; ``OR field IS NULL`` would make it filter every row before."""
        beyond = "lt" if self.descending else "gt"
        if self.field is None:
            return Q(**{f"pk__{beyond}": pk})
        key = self.sorted_on
        if value is None:  # already among the empty values, which sort last
            return Q(**{f"{key}__isnull": True, f"pk__{beyond}": pk})
        # (field >= v AND (field > v OR pk > x)) lets the database use an index range on field.
        bound = "lte" if self.descending else "gte"
        later = Q(**{f"{key}__{bound}": value}) & (Q(**{f"{key}__{beyond}": value}) | Q(**{f"pk__{beyond}": pk}))
        return later | Q(**{f"{key}__isnull": True}) if nullable else later

    def encode(self, value: Any) -> str | None:
        return None if value is None else value.isoformat()

    def decode(self, raw: Any) -> Any:
        if raw is None:
            return None
        if not isinstance(raw, str):
            raise ValueError("cursor value")
        return dt.datetime.fromisoformat(raw) if self.kind == "datetime" else dt.date.fromisoformat(raw)


def sorted_copy(field: str) -> str:
    """The alias under which a filter offers a copy of ``field`` to sort on."""
    return f"sort_{field}"


def copied_field(name: str) -> str | None:
    """The field that ``name`` (from ``sorted_copy``) is a copy of, or None."""
    return name.removeprefix("sort_") if name.startswith("sort_") else None


def orderings_for(field: str, kind: str) -> dict[str, Ordering]:
    return {field: Ordering(field, kind), f"-{field}": Ordering(field, kind, descending=True)}


BY_ID = {"id": Ordering(None), "-id": Ordering(None, descending=True)}


class KeysetPagination(BasePagination):
    """``?page_size=`` (1–1000, default 100) and an opaque ``?cursor=`` from ``next``."""

    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    default_page_size = 100
    max_page_size = 1000

    def __init__(self) -> None:
        self.next_cursor: str | None = None
        self.request: Request | None = None

    # -- the page ----------------------------------------------------------------
    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list[Any]:
        """The page's records: model instances, or dicts when the queryset reads ``.values()``."""
        self.request = request
        ordering_key, ordering = view.get_ordering_spec(request)
        ordering = ordering.over(queryset)
        page_size = self._page_size(request)
        queryset = queryset.order_by(*ordering.order_by())
        raw_cursor = request.query_params.get(self.cursor_query_param)
        if raw_cursor:
            value, pk = self._decode(raw_cursor, ordering_key, ordering)
            nullable = ordering.sort is None and ordering.field is not None and _nullable(queryset, ordering.field)
            queryset = queryset.filter(ordering.after(value, pk, nullable=nullable))
        row_format = getattr(view, "row_format", None)  # tracker/api/v1/rows.py
        page = queryset[: page_size + 1]
        rows = row_format.fetch(page) if row_format is not None else list(page)
        if len(rows) > page_size:
            rows = rows[:page_size]
            last = rows[-1]
            if isinstance(last, dict):  # a page read as rows (tracker/api/v1/rows.py)
                value, pk = (last[ordering.field] if ordering.field else None), last["id"]
            else:
                value, pk = (getattr(last, ordering.field) if ordering.field else None), last.pk
            self.next_cursor = self._encode(ordering_key, ordering.encode(value), pk)
        return rows

    def get_paginated_response(self, data: list[Any]) -> Response:
        return Response({"next": self._next_link(), "next_cursor": self.next_cursor, "results": data})

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "next_cursor", "results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri",
                         "description": "De volgende pagina; leeg op de laatste."},
                "next_cursor": {"type": "string", "nullable": True,
                                "description": "De cursor van de volgende pagina (ook in `next`)."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {"name": "ordering", "required": False, "in": "query",
             "description": "Sorteervolgorde, altijd aangevuld met id zodat ze vast ligt; "
                            "`updated_at` (standaard) is de volgorde voor synchronisatie.",
             "schema": {"type": "string", "enum": list(view.orderings), "default": view.default_ordering}},
            {"name": self.cursor_query_param, "required": False, "in": "query",
             "description": "Waar de vorige pagina eindigde (uit `next`).", "schema": {"type": "string"}},
            {"name": self.page_size_query_param, "required": False, "in": "query",
             "description": f"Aantal per pagina (1–{self.max_page_size}, standaard {self.default_page_size}).",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size}},
        ]

    # -- helpers -----------------------------------------------------------------
    def _page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.default_page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [_("Geef een geheel getal van 1 tot en met %(max)s.")
                                              % {"max": self.max_page_size}]}
            )
        return size

    @staticmethod
    def _encode(ordering_key: str, value: str | None, pk: int) -> str:
        payload = json.dumps({"o": ordering_key, "v": value, "i": pk}, separators=(",", ":"))
        return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")

    def _decode(self, raw: str, ordering_key: str, ordering: Ordering) -> tuple[Any, int]:
        invalid = ValidationError({self.cursor_query_param: [_("Ongeldige cursor; gebruik de link uit `next`.")]})
        try:
            padded = raw + "=" * (-len(raw) % 4)
            payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if not isinstance(payload, dict) or payload.get("o") != ordering_key:
                raise invalid
            pk = payload["i"]
            if not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk < 2**63:
                raise invalid
            return ordering.decode(payload.get("v")), pk
        except (ValueError, KeyError, TypeError, UnicodeError, binascii.Error) as exc:
            raise invalid from exc

    def _next_link(self) -> str | None:
        if self.next_cursor is None or self.request is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, self.next_cursor)

    @staticmethod
    def without_cursor(url: str) -> str:
        return remove_query_param(url, "cursor")


def _nullable(queryset: QuerySet, name: str) -> bool:
    """Whether the sort field can be empty (an annotation might be)."""
    try:
        return queryset.model._meta.get_field(name).null
    except FieldDoesNotExist:
        return True
