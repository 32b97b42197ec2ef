"""Pages of the motions register. Thin: each view validates, calls one selector
or service and renders.

Clerks (griffiers) read everything; reviewers (beoordelaars, with
``motions.change_motion`` and ``motions.change_motioncitation``) confirm status
suggestions, link citations and motion texts to motions and set a motion's
ministry, committee and execution status.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from motions import selectors, services
from motions.forms import DecisionForm, KeyForm, MotionFilterForm, MotionUpdateForm
from motions.models import MotionSigner, MotionText
from motions.services import MotionError

PAGE_SIZE = 50
REVIEW_PERMS = ("motions.change_motion", "motions.change_motioncitation")


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(default)


def _review_counts(request: HttpRequest) -> dict[str, int]:
    if not request.user.has_perms(REVIEW_PERMS):
        return {}
    return {"pending_count": selectors.pending_status_suggestions().count(),
            "unresolved_count": selectors.unresolved_citations().count()
            + selectors.unnumbered_motion_texts().count()}


@login_required
@permission_required("motions.view_motion", raise_exception=True)
def motion_list(request: HttpRequest) -> HttpResponse:
    form = MotionFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound and form.is_valid() else selectors.MotionFilters()
    page = Paginator(selectors.motion_register(filters), PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = urlencode([(k, v) for k, v in request.GET.items() if k != "pagina" and v])
    return render(request, "motions/motion_list.html", {
        "form": form, "page": page, "query": query, "filters": filters,
        "followup_months": settings.MOTION_FOLLOWUP_MONTHS, **_review_counts(request),
    }, status=400 if form.is_bound and form.errors else 200)


@login_required
@permission_required("motions.view_motion", raise_exception=True)
def motion_detail(request: HttpRequest, key: str) -> HttpResponse:
    motion = selectors.motion_by_key(key)
    if motion is None:
        raise Http404(_("Geen motie met deze sleutel."))
    votes = selectors.decision_votes(motion)
    suggestions = list(selectors.pending_status_suggestions(motion))
    can_review = request.user.has_perms(REVIEW_PERMS)
    signers = list(motion.signers.order_by("role", "position"))
    return render(request, "motions/motion_detail.html", {
        "motion": motion,
        "submitters": [s for s in signers if s.role == MotionSigner.Role.SUBMITTER],
        "co_signers": [s for s in signers if s.role == MotionSigner.Role.CO_SIGNER],
        "citations": list(selectors.motion_citations(motion)),
        "votes": votes, "summary": selectors.vote_summary(votes) if votes else None,
        "history": list(selectors.status_history(motion)),
        "suggestions": suggestions, "suggested_ids": {s.pk for s in suggestions},
        "texts": list(motion.texts.select_related("document")),
        "update_form": MotionUpdateForm.for_motion(motion) if can_review else None,
        "can_review": can_review,
    })


@login_required
@permission_required(REVIEW_PERMS, raise_exception=True)
@require_POST
def motion_update(request: HttpRequest, key: str) -> HttpResponse:
    motion = selectors.motion_by_key(key)
    if motion is None:
        raise Http404(_("Geen motie met deze sleutel."))
    form = MotionUpdateForm.for_motion(motion, request.POST)
    if not form.is_valid():
        messages.error(request, _("De gegevens zijn niet opgeslagen: controleer de invoer."))
        return redirect("motion-detail", key=key)
    data = form.cleaned_data
    services.motion_update(motion_id=motion.pk, user=request.user, ministry=data["ministry"],
                           committee=data["committee"], execution_status=data["execution_status"], note=data["note"])
    messages.success(request, _("De motie is bijgewerkt."))
    return redirect("motion-detail", key=key)


@login_required
@permission_required("motions.view_motion", raise_exception=True)
def suggestion_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.pending_status_suggestions(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "motions/suggestions.html", {
        "page": page, "can_review": request.user.has_perms(REVIEW_PERMS), **_review_counts(request),
    })


@login_required
@permission_required(REVIEW_PERMS, raise_exception=True)
@require_POST
def suggestion_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        change = services.status_suggestion_confirm(citation_id=pk, user=request.user, note=note)
    except MotionError as exc:
        messages.error(request, str(exc))
    else:
        if change is None:
            messages.info(request, _("De motie had deze status al; de verwijzing is als beoordeeld gemarkeerd."))
        else:
            messages.success(request, _("Status van %(key)s gewijzigd in “%(status)s”.") % {
                "key": change.motion.key, "status": change.get_new_status_display()})
    return _back(request, reverse("motion-suggestions"))


@login_required
@permission_required(REVIEW_PERMS, raise_exception=True)
@require_POST
def suggestion_reject(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.status_suggestion_reject(citation_id=pk, user=request.user)
    except MotionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Suggestie afgewezen; de status van de motie is niet gewijzigd."))
    return _back(request, reverse("motion-suggestions"))


@login_required
@permission_required("motions.view_motion", raise_exception=True)
def unresolved(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.unresolved_citations(), PAGE_SIZE).get_page(request.GET.get("pagina"))
    citations = list(page)
    candidates = selectors.candidate_motions(citations)
    for citation in citations:
        citation.candidates = candidates.get(citation.pk, [])  # type: ignore[attr-defined]
        citation.suggests_status = citation.stated_status in services.EXECUTION_FROM_STATED  # type: ignore[attr-defined]
    return render(request, "motions/unresolved.html", {
        "page": page, "citations": citations, "texts": list(selectors.unnumbered_motion_texts()[:PAGE_SIZE]),
        "can_review": request.user.has_perms(REVIEW_PERMS), **_review_counts(request),
    })


@login_required
@permission_required(REVIEW_PERMS, raise_exception=True)
@require_POST
def citation_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    form = KeyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef het Kamerstuknummer of de sleutel van de motie op."))
        return _back(request, reverse("motion-unresolved"))
    try:
        citation = services.citation_resolve(citation_id=pk, key=form.cleaned_data["key"], user=request.user,
                                             adopt_status=form.cleaned_data["adopt_status"])
    except MotionError as exc:
        messages.error(request, str(exc))
        return _back(request, reverse("motion-unresolved"))
    messages.success(request, _("De verwijzing “%(text)s” is gekoppeld aan %(key)s.") % {
        "text": citation.text, "key": citation.key})
    return _back(request, reverse("motion-unresolved"))


@login_required
@permission_required(REVIEW_PERMS, raise_exception=True)
@require_POST
def motion_text_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    text = get_object_or_404(MotionText, pk=pk)
    form = KeyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Geef het Kamerstuknummer of de sleutel van de motie op."))
        return redirect("motion-unresolved")
    try:
        motion = services.motion_text_resolve(motion_text_id=text.pk, key=form.cleaned_data["key"],
                                              user=request.user)
    except MotionError as exc:
        messages.error(request, str(exc))
        return redirect("motion-unresolved")
    messages.success(request, _("De motietekst is gekoppeld aan %(key)s.") % {"key": motion.key})
    return redirect("motion-detail", key=motion.key)

