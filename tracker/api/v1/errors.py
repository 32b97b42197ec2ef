"""One error shape for every failure: ``{"detail": "...", "errors": {field: [messages]}}``."""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


class Conflict(exceptions.APIException):
    """The record changed since the client read it (optimistic locking)."""

    status_code = 409
    default_detail = "conflict"
    default_code = "conflict"


class ErrorSerializer(serializers.Serializer):
    """What every 4xx response carries."""

    detail = serializers.CharField(help_text="Wat er mis is, in het Nederlands.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False,
        help_text="Per veld of parameter de meldingen (alleen bij 400).",
    )


def _flatten(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [message for value in data.values() for message in _flatten(value)]
    if isinstance(data, list):
        return [message for value in data for message in _flatten(value)]
    return [str(data)]


class PayloadTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "payload_too_large"


def _as_api_exception(exc: Exception) -> Exception:
    """Failures outside DRF's own exceptions that a client causes, as API errors in Dutch."""
    if isinstance(exc, RequestDataTooBig):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)
        return PayloadTooLarge(_("Het verzoek is groter dan de toegestane %(limit)s MB.") % {"limit": limit})
    if isinstance(exc, RecursionError):
        return exceptions.ParseError(_("Ongeldige JSON: de gegevens zijn te diep genest."))
    if isinstance(exc, exceptions.Throttled):
        wait = int(math.ceil(exc.wait)) if exc.wait is not None else None
        message = (_("Te veel verzoeken. Probeer het over %(wait)s seconden opnieuw.") % {"wait": wait}
                   if wait is not None else _("Te veel verzoeken. Probeer het later opnieuw."))
        dutch = exceptions.Throttled(wait=exc.wait)  # keeps the wait (Retry-After) ...
        dutch.detail = exceptions.ErrorDetail(message, code="throttled")  # ... without DRF's English tail
        return dutch
    return exc


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        if isinstance(data, dict):
            errors = {str(key): _flatten(value) for key, value in data.items()}
        else:
            errors = {"non_field_errors": _flatten(data)}
        first = next((f"{key}: {messages[0]}" for key, messages in errors.items() if messages), "")
        response.data = {"detail": _("Ongeldig verzoek. %(first)s") % {"first": first}, "errors": errors}
    elif isinstance(data, dict) and "detail" in data:
        response.data = {"detail": str(data["detail"])}
    else:
        response.data = {"detail": " ".join(_flatten(data))}
    return response
