"""What every /api/v1/ view shares: authentication, permissions, throttles, errors,
ordering for keyset pagination and conditional GET (ETag / Last-Modified → 304)."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Model
from django.http import HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.decorators import decorator_from_middleware
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import authentication, generics
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from tracker.api.auth import (
    AnonymousRateThrottle,
    ApiAccess,
    ApiTokenAuthentication,
    TokenRateThrottle,
)
from tracker.api.prepared import prepared_cursor
from tracker.api.v1.errors import ErrorSerializer, exception_handler
from tracker.api.v1.pagination import BY_ID, KeysetPagination, Ordering, orderings_for
from tracker.api.v1.rows import RawJson, RowContext, RowFormat

# ETag from the response body and 304 when If-None-Match / If-Modified-Since match.
conditional = decorator_from_middleware(ConditionalGetMiddleware)

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Ongeldige parameters of gegevens."),
    401: OpenApiResponse(ErrorSerializer, description="Geen of een onbekend token."),
    403: OpenApiResponse(ErrorSerializer, description="Het token mag dit niet."),
    429: OpenApiResponse(ErrorSerializer, description="Te veel verzoeken; zie Retry-After."),
}
NOT_FOUND = {404: OpenApiResponse(ErrorSerializer, description="Bestaat niet.")}

ORDERING_PARAMETER = "ordering"
logger = logging.getLogger(__name__)


class ApiJSONRenderer(JSONRenderer):
    """DRF's JSON, except that a page whose records the database wrote (``RawJson`` as the
    last value, ``results``) is passed through as it is, not parsed and written again."""

    def render(self, data: Any, accepted_media_type: str | None = None,
               renderer_context: dict[str, Any] | None = None) -> bytes:
        if isinstance(data, dict) and data and isinstance(raw := data[next(reversed(data))], RawJson):
            key = next(reversed(data))
            head = super().render({name: value for name, value in data.items() if name != key},
                                  accepted_media_type, renderer_context)
            separator = b"," if head.rstrip()[:-1].rstrip() != b"{" else b""
            return b"".join([head.rstrip()[:-1], separator, super().render(key), b":",
                             raw.text.encode(), b"}"])
        return super().render(data, accepted_media_type, renderer_context)


class ApiView(generics.GenericAPIView):
    authentication_classes = [ApiTokenAuthentication, authentication.SessionAuthentication]
    permission_classes = [ApiAccess]
    throttle_classes = [TokenRateThrottle, AnonymousRateThrottle]
    renderer_classes = [ApiJSONRenderer]
    # JSON only: form encodings cannot say null, so the schema would promise what they cannot send.
    parser_classes = [JSONParser]

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return exception_handler

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization", "Cookie"])
        patch_cache_control(response, private=True, no_cache=True)
        if isinstance(response, Response):
            response._resource_closers.append(lambda: release(response))
        return response


def release(response: Response) -> None:
    """Once the answer is sent, break DRF's cycle response → renderer context → view → response.

    Left to the cyclic garbage collector, each answer's data and body (a megabyte for a page of
    a thousand records) waited for the next full collection; a page written by the database
    allocates too few objects to trigger one, so a mirroring client grew a worker by a quarter
    megabyte per page.
    """
    context = response.renderer_context or {}
    view = context.get("view")
    if view is not None and getattr(view, "response", None) is response:
        del view.response
    response.renderer_context = None


def set_last_modified(response: HttpResponse, value: dt.datetime | None) -> None:
    """Last-Modified, only once its second is over: the header has whole seconds,
    and a change later in the same second must not answer 304."""
    if value is not None and value < timezone.now() - dt.timedelta(seconds=1):
        response["Last-Modified"] = http_date(value.timestamp())


class ListView(ApiView, generics.ListAPIView):
    # A keyset-paginated list, ordered by ``updated_at`` unless asked otherwise.

    pagination_class = KeysetPagination
    orderings: dict[str, Ordering] = {**orderings_for("updated_at", "datetime"), **BY_ID}
    default_ordering = "updated_at"
    # The tables (model, change-time field) whose data the list shows. Their last
    # changes are the list's Last-Modified and the version its cache entries carry.
    # None: the list's own model and its updated_at; []: neither cached nor dated.
    version_sources: list[tuple[type[Model], str]] | None = None
    # Set: pages are read as rows and rendered without the serializer (same JSON).
    row_format: RowFormat | None = None

    def get_ordering_spec(self, request: Request) -> tuple[str, Ordering]:
        key = request.query_params.get(ORDERING_PARAMETER)
        key = self.default_ordering if key is None else key  # given but empty is no ordering we know
        if key not in self.orderings:
            raise ValidationError({ORDERING_PARAMETER: [
                _("Onbekende sortering %(key)s; kies uit %(choices)s.")
                % {"key": key, "choices": ", ".join(self.orderings)}
            ]})
        return key, self.orderings[key]

    def get_version_sources(self) -> list[tuple[type[Model], str]]:
        if self.version_sources is not None:
            return self.version_sources
        return [(self.get_queryset().model, "updated_at")]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        sources = self.get_version_sources()
        version = data_version(sources) if sources else None
        # Over whole tables, not the page: a row leaving a filtered list changes
        # the list although no row in it changed.
        latest = max((value for value in version or () if value is not None), default=None)
        key = None
        if version is not None and settings.API_CACHE_SECONDS:
            raw = "|".join([request.build_absolute_uri(), get_language() or "", timezone.localdate().isoformat(),
                            *(str(value) for value in version)])
            key = "list:" + hashlib.sha256(raw.encode()).hexdigest()
            cached = _cache_get(key)
            if cached is not None:  # the rendered JSON, as the renderer wrote it
                response = HttpResponse(cached, content_type="application/json")
                set_last_modified(response, latest)
                return response
        response = self.list_page(request, *args, **kwargs)
        if key is not None and response.status_code == 200:
            response.add_post_render_callback(lambda rendered: keep_answer(key, rendered.content))
        set_last_modified(response, latest)
        return response

    def list_page(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if self.row_format is None:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        _key, ordering = self.get_ordering_spec(request)
        rows = self.paginate_queryset(self.row_format.rows(queryset, ordering.field))
        return self.get_paginated_response(self.row_format.render(rows, RowContext(today=timezone.localdate())))


def keep_answer(key: str, content: bytes) -> None:
    """Cache a list answer, unless it is one of the large pages a mirroring client reads once
    each: a million records at a thousand a page would otherwise push out every answer worth
    keeping (and fill a worker's memory with the per-process cache)."""
    if len(content) > settings.API_CACHE_MAX_BYTES:
        return
    try:
        caches[settings.API_CACHE].set(key, content, settings.API_CACHE_SECONDS)
    except Exception:
        logger.warning("API cache unreachable; answer not cached", exc_info=True)


def _cache_get(key: str) -> bytes | None:
    """The cached answer, or None also when the cache (Redis) is down: lists are then built each time."""
    try:
        return caches[settings.API_CACHE].get(key)
    except Exception:
        logger.warning("API cache unreachable; answering without it", exc_info=True)
        return None


def data_version(sources: list[tuple[type[Model], str]]) -> tuple[dt.datetime | None, ...]:
    """The last change of each source table, in one query (each an index-only MAX)."""
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT MAX({quote(model._meta.get_field(field).column)}) FROM {quote(model._meta.db_table)})"
        for model, field in sources
    ]
    with prepared_cursor(connection) if connection.vendor == "postgresql" else connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        row = cursor.fetchone()
    return tuple(_as_datetime(value) for value in row)


def _as_datetime(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    parsed = parse_datetime(str(value))  # SQLite returns text, in UTC
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


class DetailView(ApiView, generics.RetrieveAPIView):
    last_modified_field: str | None = "updated_at"

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        if self.last_modified_field:
            set_last_modified(response, getattr(instance, self.last_modified_field))
        return response
