"""Small project-wide pages: the start page, accessibility statement and health."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tracker.models import Commitment, Document


@login_required
def home(request: HttpRequest) -> HttpResponse:
    commitments = (
        Commitment.objects.alive()
        .filter(status=Commitment.Status.OPEN)
        .select_related("document", "ministry", "committee")
        .order_by("due_date", "id")[:50]
    )
    documents = Document.objects.select_related("committee", "ministry").order_by("-created_at")[:10]
    return render(request, "tracker/home.html", {"commitments": commitments, "documents": documents})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "tracker/accessibility.html")


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the web process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
