"""Small project-wide pages: the start page, accessibility statement and health.

The start page (``home``) is the clerks' dashboard from tracker/followup.
"""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from tracker.followup.views import dashboard as home  # noqa: F401  (the start page)


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "tracker/accessibility.html")


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the web process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico`` for clients that ask for it: the icon every page links to."""
    return redirect(static("img/favicon.svg"), permanent=True)
