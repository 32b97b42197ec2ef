"""Reviewers decide on a proposed match between an extracted record and a register entry."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tracker.locking import StaleRecordError
from tracker.models import RegisterMatch
from tracker.opendata.matching import match_decide

REVIEW = "tracker.add_reviewevent"


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_object_or_404(RegisterMatch, pk=pk, state=RegisterMatch.State.PENDING)
    back = request.POST.get("back", "")
    back_pk = int(back) if back.isdigit() and int(back) in (match.register_id, match.extracted_id) else match.register_id
    decision = request.POST.get("decision")
    if decision not in ("accept", "dismiss"):
        messages.error(request, _("Kies samenvoegen of niet dezelfde."))
        return redirect("commitment-detail", pk=back_pk)
    versions = {}
    for pk_ in (match.register_id, match.extracted_id):
        raw = request.POST.get(f"version_{pk_}", "")
        if not raw.isdigit():
            messages.error(request, _("Het formulier was onvolledig. Probeer het opnieuw."))
            return redirect("commitment-detail", pk=back_pk)
        versions[pk_] = int(raw)
    try:
        match_decide(match=match, user=request.user, accept=decision == "accept", expected_versions=versions)
    except StaleRecordError as exc:
        messages.error(request, exc.message)
        return redirect("commitment-detail", pk=back_pk)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("commitment-detail", pk=back_pk)
    if decision == "accept":
        messages.success(request, _("Samengevoegd: toezegging #%(pk)s uit het register blijft.") % {"pk": match.register_id})
        return redirect("commitment-detail", pk=match.register_id)
    messages.success(request, _("Vastgelegd: dit is niet dezelfde toezegging."))
    return redirect("commitment-detail", pk=back_pk)
