"""List pages straight from database rows, in exactly the serializers' shape.

A list page is one ``.values()`` query over the resource with its reference
data joined in, turned into the dicts the resource's serializer would build,
without DRF's per-object field machinery: on a page of a thousand records that
machinery (and building model instances) costs many times the query itself.

The columns are derived from the serializer's own fields, so the two cannot
drift apart: a model field becomes its column, a nested reference serializer
becomes joined columns, and the few fields a serializer computes are declared
once as ``Computed`` with the columns they read. A field of a kind this module
does not know is an error when the format is first used, never a silent
difference. tests/api/test_rows.py holds every list's rows equal to its
serializer's output.

On PostgreSQL a format made with ``sql_json=True`` goes one step further: the
database writes each record's JSON (``json_build_object`` over the page, its
reference data joined in) and Python only joins the texts, so a page of a
thousand records creates no per-field objects at all (tracker/api/v1/sql_json.py;
docs/api.md, "Performance"). Computed fields then say how SQL computes them
(``Computed.sql``); one without SQL is computed in Python from its columns and
spliced into the record's text at its place, so the key order stays the
serializer's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, ImproperlyConfigured
from django.db import connections
from django.db.models import Model, QuerySet
from django.utils.translation import get_language
from psycopg.types.datetime import TimestamptzLoader
from psycopg.types.json import JsonbLoader
from rest_framework import serializers
from rest_framework.settings import api_settings

from tracker.api.v1.serializers import UtcDateTimeField

Row = dict[str, Any]
# A switch for tests and for comparing the two paths: False renders every page in Python.
SQL_JSON_ENABLED = True


class RawJson:
    """A JSON text rendered elsewhere (by the database), passed through by the API's renderer."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __len__(self) -> int:
        return len(self.text)


class JsonRows(list):
    """A page whose records the database wrote as JSON: each row holds the keys the
    paginator needs (``id``, the sort value) and the record's text under ``JSON``."""

    def __init__(self, rows: list[Row], assemble: Callable[[list[Row], Any], str]) -> None:
        super().__init__(rows)
        self.assemble = assemble

    def __getitem__(self, index: Any) -> Any:  # a slice (the paginator's) stays a JsonRows
        found = super().__getitem__(index)
        return JsonRows(found, self.assemble) if isinstance(index, slice) else found

    def as_json(self, context: Any) -> RawJson:
        # DRF escapes the two line separators JavaScript does not allow in strings; so do we,
        # so that both paths write the same bytes.
        text = self.assemble(self, context).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        return RawJson(text)


@dataclass
class RowContext:
    """What computed fields may read besides their row: the request's day and language, and the
    page's extra data."""

    today: dt.date
    language: str | None = dataclasses.field(default_factory=get_language)
    page: Any = None


@dataclass(frozen=True)
class Computed:
    """A field the serializer computes (a method or a property): the columns it reads and its value."""

    columns: tuple[str, ...]
    value: Callable[[Row, RowContext], Any]
    # The same value as a JSON-valued SQL expression (tracker/api/v1/sql_json.py), or None.
    sql: Callable[[Any], str] | None = None


def utc_text(value: dt.datetime) -> str:
    """As ``UtcDateTimeField`` writes it: ISO 8601 in UTC with a ``Z``."""
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def day_text(value: dt.date) -> str:
    return value.isoformat()


# DRF fields whose representation of a database value is the value itself.
_AS_IS = (
    serializers.CharField, serializers.ChoiceField, serializers.IntegerField, serializers.BooleanField,
    serializers.JSONField, serializers.PrimaryKeyRelatedField,
)


class RowFormat:
    """How one serializer's records are read as rows and rendered."""

    def __init__(
        self,
        serializer_class: type[serializers.Serializer],
        *,
        model: type[Model] | None = None,
        computed: dict[str, Computed] | None = None,
        annotations: Iterable[str] = (),
        page_data: Callable[[list[Row]], Any] | None = None,
        sql_json: bool = False,
    ) -> None:
        self.serializer_class = serializer_class
        self.model = model or serializer_class.Meta.model  # type: ignore[attr-defined]
        self.computed = computed or {}
        self.annotations = frozenset(annotations)  # columns the view's queryset annotates
        self.page_data = page_data  # one more query for a whole page, its result in RowContext.page
        self.sql_json = sql_json  # on PostgreSQL the database writes the records' JSON

    def json_in_database(self, using: str) -> bool:
        return self.sql_json and SQL_JSON_ENABLED and connections[using].vendor == "postgresql"

    # -- reading -----------------------------------------------------------------
    def rows(self, queryset: QuerySet, *also: str | None) -> QuerySet:
        """The queryset as rows with every column the format needs (and ``also``, e.g. the sort key)."""
        if self.json_in_database(queryset.db):  # only the keys; the database joins the rest
            return queryset.values(*dict.fromkeys(("id", *(column for column in also if column))))
        columns = dict.fromkeys(self._plan[0])
        columns.update(dict.fromkeys(column for column in also if column))
        return queryset.values(*columns)

    def fetch(self, queryset: QuerySet) -> list[Row]:
        """Evaluate rows from ``rows()``. On PostgreSQL through psycopg's own (compiled) loaders
        for timestamps and JSON: Django's Python subclass of the timestamp loader, which only
        swaps the UTC time zone for an equal one, triples the cost of reading a page."""
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return list(queryset)
        if self.json_in_database(queryset.db):
            from tracker.api.v1.sql_json import fetch_json_rows

            return fetch_json_rows(self, queryset)
        query = queryset.query
        # The columns' names in the order of the SELECT, as Django's ValuesIterable takes them.
        names = list(query.selected) if query.selected else [
            *query.extra_select, *query.values_select, *query.annotation_select]
        try:
            sql, params = query.get_compiler(using=queryset.db).as_sql()
        except EmptyResultSet:
            return []
        with connection.cursor() as cursor:
            adapters = cursor.cursor.adapters  # this cursor's own copy
            adapters.register_loader("timestamptz", TimestamptzLoader)
            adapters.register_loader("jsonb", JsonbLoader)
            cursor.execute(sql, params)
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def render(self, rows: list[Row], context: RowContext) -> list[dict[str, Any]] | RawJson:
        if isinstance(rows, JsonRows):
            return rows.as_json(context)
        if self.page_data is not None and rows:
            context.page = self.page_data(rows)
        return self._plan[1](rows, context)

    # -- the plan, derived once from the serializer's fields -----------------------
    @cached_property
    def _plan(self) -> tuple[tuple[str, ...], Callable[[list[Row], RowContext], list[dict[str, Any]]]]:
        """The columns to read, and a function turning a page of rows into the serializer's dicts.

        The function is generated as one dict display per row (as ``dataclasses`` generates
        ``__init__``): calling a getter per field cost several times more on a page of a
        thousand. Only field names and repr()-quoted column names from the serializer and
        this module go into the source.
        """
        columns: dict[str, None] = {"id": None}
        helpers: dict[str, Any] = {"utc_text": utc_text, "day_text": day_text, "float": float, "str": str}
        items = []
        for name, field in self.serializer_class().fields.items():
            if name in self.computed:
                spec = self.computed[name]
                columns.update(dict.fromkeys(spec.columns))
                helper = f"computed_{len(helpers)}"
                helpers[helper] = spec.value
                items.append(f"{name!r}: {helper}(row, context)")
            else:
                items.append(f"{name!r}: {self._expression(field, self.model, '', columns, top=True)}")
        source = (
            "def render(rows, context):\n"
            f"    return [{{{', '.join(items)}}} for row in rows]\n"
        )
        exec(compile(source, f"<rows of {self.serializer_class.__name__}>", "exec"), helpers)
        return tuple(columns), helpers["render"]

    def _expression(self, field: serializers.Field, model: type[Model], prefix: str, columns: dict[str, None],
                    *, top: bool = False) -> str:
        """Python source for one field's value, read from ``row``."""
        where = f"{self.serializer_class.__name__}.{prefix}{field.field_name}"
        source = field.source
        if isinstance(field, serializers.BaseSerializer):
            return self._nested(field, model, prefix, columns, where)
        if top and source in self.annotations:
            column = source
        else:
            try:
                model._meta.get_field(source)
            except FieldDoesNotExist:
                raise ImproperlyConfigured(f"{where}: not a column of {model.__name__}; declare it as Computed") from None
            column = prefix + source
        columns[column] = None
        value = f"row[{column!r}]"
        if isinstance(field, serializers.DateTimeField):
            if not isinstance(field, UtcDateTimeField):
                raise ImproperlyConfigured(f"{where}: only UTC date-times can be read as rows")
            return _converted(value, "utc_text")
        if isinstance(field, serializers.DateField):
            return _converted(value, "day_text")
        if isinstance(field, serializers.FloatField):
            return _converted(value, "float")
        if isinstance(field, serializers.BigIntegerField):
            return _converted(value, "str") if _big_as_text(field) else value
        if type(field) in _AS_IS:
            return value
        raise ImproperlyConfigured(f"{where}: {type(field).__name__} cannot be read as a row yet")

    def _nested(self, field: serializers.BaseSerializer, model: type[Model], prefix: str,
                columns: dict[str, None], where: str) -> str:
        """A reference serializer (committee, ministry, …): joined columns, null when the link is empty."""
        try:
            related = model._meta.get_field(field.source).related_model
        except FieldDoesNotExist:
            raise ImproperlyConfigured(f"{where}: not a relation of {model.__name__}") from None
        inner = f"{prefix}{field.source}__"
        key = inner + related._meta.pk.attname
        columns[key] = None
        parts = [f"{name!r}: {self._expression(sub, related, inner, columns)}" for name, sub in field.fields.items()]
        return f"(None if row[{key!r}] is None else {{{', '.join(parts)}}})"


def _converted(value: str, convert: str) -> str:
    return f"(None if {value} is None else {convert}({value}))"


def _big_as_text(field: serializers.BigIntegerField) -> bool:
    return bool(getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING))
