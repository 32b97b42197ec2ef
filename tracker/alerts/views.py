"""Alert settings page and the one-click unsubscribe endpoint (thin: forms in, services out)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from tracker.alerts.forms import FrequencyForm, SubscriptionForm
from tracker.alerts.models import Frequency, OutboxMessage, Subscription
from tracker.alerts.subscriptions import (
    SubscriptionError,
    read_unsubscribe_token,
    subscription_create,
    subscription_delete,
    subscription_update,
    unsubscribe,
)

can_view = permission_required("tracker.view_commitment", raise_exception=True)


@login_required
@can_view
@require_http_methods(["GET", "POST"])
def alert_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = SubscriptionForm(request.POST)
        if form.is_valid():
            subscription, created = subscription_create(
                user=user, target=form.cleaned_data["target"], obj=form.target_object,
                frequency=form.cleaned_data["frequency"],
            )
            text = _("Abonnement toegevoegd: %(s)s.") if created else _("Abonnement bijgewerkt: %(s)s.")
            messages.success(request, text % {"s": subscription})
            return redirect("alert-settings")
    else:
        initial = {}
        if request.GET.get("toezegging"):
            initial = {"target": Subscription.Target.COMMITMENT, "commitment": request.GET["toezegging"],
                       "frequency": Frequency.IMMEDIATE}
        form = SubscriptionForm(initial=initial)
    subscriptions = Subscription.objects.filter(user=user).select_related(
        "committee", "ministry", "minister", "motion", "commitment"
    ).order_by("target", "id")
    recent = OutboxMessage.objects.filter(recipient=user).exclude(state=OutboxMessage.State.CANCELLED).order_by(
        "-created_at", "-id"
    )[:10]
    return render(request, "alerts/settings.html", {
        "form": form,
        "subscriptions": subscriptions,
        "frequencies": Frequency.choices,
        "recent": recent,
        "due_soon_days": settings.DUE_SOON_DAYS,
    })


@login_required
@can_view
@require_POST
def subscription_change(request: HttpRequest, pk: int) -> HttpResponse:
    form = FrequencyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies hoe vaak u meldingen wilt ontvangen."))
        return redirect("alert-settings")
    try:
        subscription = subscription_update(user=request.user, pk=pk, frequency=form.cleaned_data["frequency"])
    except SubscriptionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Gewijzigd: %(s)s.") % {"s": subscription})
    return redirect("alert-settings")


@login_required
@can_view
@require_POST
def subscription_remove(request: HttpRequest, pk: int) -> HttpResponse:
    if subscription_delete(user=request.user, pk=pk):
        messages.success(request, _("Abonnement verwijderd."))
    else:
        messages.error(request, _("Dit abonnement bestaat niet (meer)."))
    return redirect("alert-settings")


@csrf_exempt  # RFC 8058: mail clients POST without a session; the signed token is the authority
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a confirmation button (link scanners must not unsubscribe); POST unsubscribes."""
    try:
        _user_id, frequency = read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "alerts/unsubscribe.html", {"invalid": True}, status=400)
    context = {"token": token, "frequency_label": Frequency(frequency).label}
    if request.method == "POST":
        context["done"] = unsubscribe(token=token)
    return render(request, "alerts/unsubscribe.html", context)
