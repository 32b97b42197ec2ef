"""Prepared statements for the API's per-request queries on PostgreSQL.

Every API list request sends the same few statement texts with different values: the token
look-up, the data version and the page statement (``tracker/api/v1/sql_json.py``). Prepared
once per connection, PostgreSQL skips parsing them, and planning when it keeps a generic plan
(it plans the first five executions for their values and keeps a generic plan only when it is
estimated no dearer: ``plan_cache_mode`` auto). Only these statements are prepared: Django's
own cursors bind on the client and never prepare (settings: ``prepare_threshold``).
"""

from __future__ import annotations

from typing import Any

import psycopg
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper


class PreparedCursor(psycopg.Cursor):
    """Server-side binding, and every statement prepared (psycopg keeps the last 100 per
    connection and deallocates older ones)."""

    def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None,
                binary: bool | None = None) -> PreparedCursor:
        super().execute(query, params, prepare=True, binary=binary)
        if self._query is None:  # psycopg keeps no text of a prepared execution
            self._query = LoggedQuery(self.connection, query, params)
        return self


class LoggedQuery:
    """The text Django logs for a statement (``connection.queries``, ``assertNumQueries``):
    the statement with its values, as a client-side cursor would have sent it; composed only
    when asked for."""

    def __init__(self, connection: psycopg.Connection, query: Any, params: Any) -> None:
        self._connection, self._text, self._params = connection, query, params

    @property
    def query(self) -> bytes:
        return psycopg.ClientCursor(self._connection).mogrify(self._text, self._params).encode()


def prepared_cursor(connection: BaseDatabaseWrapper) -> CursorWrapper:
    """A cursor that prepares what it executes, inside Django's wrapper (query logging,
    execute wrappers, thread checks) like ``connection.cursor()``. PostgreSQL only."""
    connection.ensure_connection()
    return connection._prepare_cursor(PreparedCursor(connection.connection))
