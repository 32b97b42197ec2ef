"""A list page's records written as JSON by PostgreSQL, in exactly the serializer's shape.

The paginated query (filters, keyset condition, ORDER BY, LIMIT) stays Django's and
selects only the keys; around it one statement joins each record's reference data
and builds its JSON with ``row_to_json``, field by field in the serializer's
order. Python receives one text per record and joins them: no per-field objects,
no JSON encoding. The expressions follow DRF's representations:

- date-times as ``UtcDateTimeField`` writes them: UTC, ``Z``, microseconds only when
  not zero (``2026-01-28T10:00:00Z``, ``2026-01-28T10:00:00.120000Z``);
- dates ISO 8601 (``to_json`` of a date), booleans, integers, text and JSON as is;
- floats as Python's ``repr``: a whole number keeps its ``.0`` (below 10^15);
- a computed field by its ``Computed.sql``; one without SQL is computed in Python from
  its columns and spliced in at its place.

``row_to_json`` writes compactly, as DRF does, for records and nested references alike.
Values and key order are the serializer's (tests/api/test_rows.py compares both paths
with the serializers).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist, ImproperlyConfigured
from django.db import connections
from django.db.models import F, Model, OrderBy, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from psycopg.types.datetime import TimestamptzLoader
from psycopg.types.json import JsonbLoader
from rest_framework import serializers
from rest_framework.settings import api_settings

from tracker.api.prepared import prepared_cursor
from tracker.api.v1.pagination import copied_field
from tracker.api.v1.serializers import UtcDateTimeField

if TYPE_CHECKING:
    from tracker.api.v1.rows import RowFormat

JSON = "__json__"
_TEXT = "__s%d"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def literal(value: str | dt.date) -> str:
    """A constant inlined into the statement (our own labels and dates, never request input)."""
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if "\x00" in value:
        raise ValueError("NUL in an SQL literal")
    return "'" + value.replace("'", "''") + "'"


def utc_sql(ref: str) -> str:
    """``UtcDateTimeField``'s text of a timestamptz (null stays null)."""
    at = f"({ref} AT TIME ZONE 'UTC')"
    return (f"(to_char({at}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', {at}) = {at} "
            f"THEN '' ELSE to_char({at}, '.US') END || 'Z')")


def float_sql(ref: str) -> str:
    """Python's repr of a float: PostgreSQL writes 1 where Python writes 1.0."""
    return f"(CASE WHEN {ref} = trunc({ref}) AND abs({ref}) < 1e15 THEN ({ref}::text || '.0')::json ELSE to_json({ref}) END)"


class Scope:
    """Column references for one statement: ``t`` is the resource's table, each relation
    followed (``minister__name``) a LEFT JOIN of its own; ``today`` and ``language`` are the request's."""

    def __init__(self, model: type[Model], today: dt.date, language: str | None) -> None:
        self.model = model
        self.today = today
        self.language = language
        self.joins: dict[str, tuple[str, type[Model], str]] = {}
        self.nested: list[str] = []  # LEFT JOIN LATERAL clauses of nested references

    def col(self, path: str) -> str:
        if "__" not in path:
            return "t." + quote(self.model._meta.get_field(path).column)
        relation, name = path.split("__", 1)
        alias, related = self.join(relation)
        return f"{alias}.{quote(related._meta.get_field(name).column)}"

    def join(self, relation: str) -> tuple[str, type[Model]]:
        if relation not in self.joins:
            field = self.model._meta.get_field(relation)
            self.joins[relation] = (f"j{len(self.joins)}", field.related_model, field.column)
        alias, related, _fk = self.joins[relation]
        return alias, related

    def from_clause(self, inner: str) -> str:
        parts = [f"FROM ({inner}) AS p JOIN {quote(self.model._meta.db_table)} AS t ON t.{quote(self.model._meta.pk.column)} = p.{quote('id')}"]
        for alias, related, fk in self.joins.values():
            parts.append(f"LEFT JOIN {quote(related._meta.db_table)} AS {alias} "
                         f"ON {alias}.{quote(related._meta.pk.column)} = t.{quote(fk)}")
        return " ".join(parts + self.nested)

    def reference(self, relation: str, pairs: list[tuple[str, str]]) -> str:
        """A nested reference's JSON, built in a LATERAL subquery: PostgreSQL memoizes it per
        referenced row, so a page of a thousand records builds each committee's object once."""
        field = self.model._meta.get_field(relation)
        related = field.related_model
        alias = f"n{len(self.nested)}"
        columns = ", ".join(f"r.{quote(related._meta.get_field(column).column)} AS {quote(name)}"
                            for name, column in pairs)
        # row_to_json writes compactly, as DRF does (json_build_object would write '"id" : 3').
        self.nested.append(
            f"LEFT JOIN LATERAL (SELECT row_to_json(x) AS j FROM (SELECT {columns} FROM "
            f"{quote(related._meta.db_table)} AS r WHERE r.{quote(related._meta.pk.column)} = t.{quote(field.column)}) "
            f"AS x) AS {alias} ON true"
        )
        return f"{alias}.j"


class Statement:
    """The outer SELECT of one format for one day and language, and how to assemble its rows."""

    def __init__(self, row_format: RowFormat, today: dt.date, language: str | None) -> None:
        scope = Scope(row_format.model, today, language)
        # Runs of fields SQL writes (one row_to_json each) and fields Python computes.
        segments: list[tuple[str, Any]] = []
        python_columns: dict[str, None] = {}
        run: list[str] = []
        for name, field in row_format.serializer_class().fields.items():
            spec = row_format.computed.get(name)
            if spec is not None and spec.sql is None:
                if run:
                    segments.append(("sql", run))
                    run = []
                python_columns.update(dict.fromkeys(spec.columns))
                segments.append(("python", (json.dumps(name), spec)))
                continue
            expression = spec.sql(scope) if spec is not None else _field_sql(row_format, field, scope)
            run.append(f"{expression} AS {quote(name)}")
        if run:
            segments.append(("sql", run))
        # row_to_json over a LATERAL subselect: compact like DRF's output, and cheaper than
        # json_build_object, which looks up how to write each argument's type for every row.
        selected, laterals = [], []
        for kind, value in segments:
            if kind == "sql":
                alias = f"s{len(laterals)}"
                laterals.append(f"CROSS JOIN LATERAL (SELECT {', '.join(value)}) AS {alias}")
                selected.append(f"row_to_json({alias})::text AS {quote(_TEXT % (len(laterals) - 1))}")
        self.python_columns = tuple(column for column in python_columns if column != "id")
        selected += [f"{scope.col(column)} AS {quote(column)}" for column in self.python_columns]
        self.select = ", ".join(selected)
        self.laterals = " ".join(laterals)
        self.texts = len(laterals)
        self.scope = scope
        self.segments = segments
        self.single = len(segments) == 1

    def sql(self, inner: str, keys: list[str], order: str) -> str:
        # The outer text has no parameters of its own: a % in it must not read as a placeholder.
        outer_select = ", ".join(f"p.{quote(key)}" for key in keys) + ", " + self.select
        head = f"SELECT {outer_select} ".replace("%", "%%")
        tail = f"{self.scope.from_clause(chr(0))} {self.laterals}".replace("%", "%%").replace(chr(0), inner)
        return f"{head}{tail} ORDER BY {order}"

    def assemble(self, rows: list[dict[str, Any]], context: Any) -> str:
        if self.single:
            return "[" + ",".join(row[_TEXT % 0] for row in rows) + "]"
        records = []
        for row in rows:
            parts, texts = [], 0
            for kind, value in self.segments:
                if kind == "sql":
                    parts.append(row[_TEXT % texts][1:-1])
                    texts += 1
                else:
                    key, spec = value
                    parts.append(f"{key}:{json.dumps(spec.value(row, context), ensure_ascii=False)}")
            records.append("{" + ",".join(parts) + "}")
        return "[" + ",".join(records) + "]"


_STATEMENTS: dict[tuple[int, dt.date, str | None], Statement] = {}


def statement(row_format: RowFormat, today: dt.date, language: str | None) -> Statement:
    key = (id(row_format), today, language)
    found = _STATEMENTS.get(key)
    if found is None:
        if len(_STATEMENTS) > 256:  # a new day: yesterday's statements go
            _STATEMENTS.clear()
        found = _STATEMENTS[key] = Statement(row_format, today, language)
    return found


def fetch_json_rows(row_format: RowFormat, queryset: QuerySet) -> list[dict[str, Any]]:
    """The page of ``queryset`` (``.values()`` of the keys, ordered and sliced) with each
    record's JSON, as :class:`tracker.api.v1.rows.JsonRows`."""
    from tracker.api.v1.rows import JsonRows

    query = queryset.query
    keys = list(query.values_select)
    if "id" not in keys or query.annotation_select or query.extra_select:
        raise ImproperlyConfigured("a page written by the database selects the keys only (RowFormat.rows)")
    today, language = timezone.localdate(), get_language()
    compiled = statement(row_format, today, language)
    try:
        inner, params = query.get_compiler(using=queryset.db).as_sql()
    except EmptyResultSet:
        return JsonRows([], compiled.assemble)
    sql = compiled.sql(inner, keys, _order(query, keys))
    names = keys + [_TEXT % i for i in range(compiled.texts)] + list(compiled.python_columns)
    with prepared_cursor(connections[queryset.db]) as cursor:
        adapters = cursor.cursor.adapters
        adapters.register_loader("timestamptz", TimestamptzLoader)
        adapters.register_loader("jsonb", JsonbLoader)
        cursor.execute(sql, params)
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return JsonRows(rows, compiled.assemble)




def _order(query: Any, keys: list[str]) -> str:
    """The inner query's ORDER BY again, over its output (a subquery's order is not kept)."""
    items = query.order_by or query.get_meta().ordering or ()
    parts = []
    for item in items:
        if isinstance(item, str):
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        if not isinstance(item, OrderBy) or not isinstance(item.expression, F):
            raise ImproperlyConfigured(f"cannot repeat the ordering {item!r}")
        name = "id" if item.expression.name == "pk" else item.expression.name
        if name not in keys:  # a copy sorts as the field it copies (pagination.py)
            name = copied_field(name) or name
        if name not in keys:
            raise ImproperlyConfigured(f"the ordering {name} is not among the selected keys")
        nulls = " NULLS LAST" if item.nulls_last else " NULLS FIRST" if item.nulls_first else ""
        parts.append(f"p.{quote(name)} {'DESC' if item.descending else 'ASC'}{nulls}")
    return ", ".join(parts) or f"p.{quote('id')}"


_PLAIN = (
    serializers.CharField, serializers.ChoiceField, serializers.IntegerField, serializers.BooleanField,
    serializers.JSONField, serializers.PrimaryKeyRelatedField,
)


def _field_sql(row_format: RowFormat, field: serializers.Field, scope: Scope, relation: str = "") -> str:
    """A JSON-valued expression for one serializer field read from a column."""
    where = f"{row_format.serializer_class.__name__}.{field.field_name}"
    model = scope.model if not relation else scope.join(relation)[1]
    if isinstance(field, serializers.BaseSerializer):
        if relation:
            raise ImproperlyConfigured(f"{where}: one level of nesting only")
        related = scope.model._meta.get_field(field.source).related_model
        pairs = []
        for name, sub in field.fields.items():
            if type(sub) not in _PLAIN and not isinstance(sub, serializers.BigIntegerField):
                raise ImproperlyConfigured(f"{where}.{name}: {type(sub).__name__} in a reference is not written yet")
            if isinstance(sub, serializers.BigIntegerField) and getattr(
                    sub, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING):
                raise ImproperlyConfigured(f"{where}.{name}: a big integer as text in a reference is not written yet")
            related._meta.get_field(sub.source)
            pairs.append((name, sub.source))
        return scope.reference(field.source, pairs)
    try:
        model._meta.get_field(field.source)
    except FieldDoesNotExist:
        raise ImproperlyConfigured(f"{where}: not a column of {model.__name__}; declare it as Computed") from None
    ref = scope.col(f"{relation}__{field.source}" if relation else field.source)
    if isinstance(field, serializers.DateTimeField):
        if not isinstance(field, UtcDateTimeField):
            raise ImproperlyConfigured(f"{where}: only UTC date-times can be written by the database")
        return utc_sql(ref)
    if isinstance(field, serializers.DateField | serializers.FloatField):
        return ref if isinstance(field, serializers.DateField) else float_sql(ref)
    if isinstance(field, serializers.BigIntegerField):
        return f"{ref}::text" if getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING) else ref
    if type(field) in _PLAIN:
        return ref
    raise ImproperlyConfigured(f"{where}: {type(field).__name__} cannot be written by the database yet")


SqlOf = Callable[[Scope], str]


def tombstone_sql(rejected: str) -> SqlOf:
    return lambda s: f"({s.col('deleted_at')} IS NOT NULL OR {s.col('review_state')} = {literal(rejected)})"


def labels_sql(column: str, labels: Callable[[str | None], dict[str, str]]) -> SqlOf:
    """A choice's display label in the request's language; an unknown value as itself."""
    def sql(s: Scope) -> str:
        cases = " ".join(f"WHEN {literal(value)} THEN {literal(label)}" for value, label in labels(s.language).items())
        return f"(CASE {s.col(column)} {cases} ELSE {s.col(column)} END)"
    return sql


def register_number_sql(s: Scope) -> str:
    """``register_number()``: TZ<yyyymm>-<nnn> from promised_on, else the UTC month of created_at."""
    month = f"COALESCE({s.col('promised_on')}, ({s.col('created_at')} AT TIME ZONE 'UTC')::date)"
    pk = s.col("id")
    return (f"COALESCE('TZ' || to_char({month}, 'YYYYMM') || '-' || "
            f"CASE WHEN {pk} < 100 THEN lpad({pk}::text, 3, '0') ELSE {pk}::text END, '')")


def nonempty_sql(path: str) -> SqlOf:
    """``value or None`` of a text column."""
    return lambda s: f"NULLIF({s.col(path)}, '')"


def column_sql(path: str) -> SqlOf:
    return lambda s: s.col(path)


def utc_column_sql(path: str) -> SqlOf:
    return lambda s: utc_sql(s.col(path))
