"""Logging in with a limit on failed attempts, per account and per address.

Checked before the password: once an account (or an address) has too many
failures within the window, even the right password waits until the window
has passed. A successful login clears the account's failures.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import LoginFailure

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest | None) -> str:
    """The address of the client: the connecting one, or the one the trusted proxies
    (``API_NUM_PROXIES``) put in X-Forwarded-For."""
    if request is None:
        return ""
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-min(proxies, len(hops))][:45]
    return (request.META.get("REMOTE_ADDR") or "")[:45]


def wait_seconds(username: str, address: str, now: dt.datetime | None = None) -> int:
    """Seconds until a login may be tried again (0: now)."""
    now = now or timezone.now()
    window = dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    recent = LoginFailure.objects.filter(created_at__gte=now - window)
    waits = []
    for rows, limit in ((recent.filter(username=username.lower()), settings.LOGIN_FAILURES_PER_ACCOUNT),
                        (recent.filter(address=address), settings.LOGIN_FAILURES_PER_ADDRESS)):
        times = list(rows.order_by("-created_at").values_list("created_at", flat=True)[:limit])
        if len(times) >= limit:
            waits.append((times[-1] + window - now).total_seconds())
    return max(0, int(max(waits, default=0)) + 1) if waits else 0


def record_failure(username: str, address: str) -> None:
    now = timezone.now()
    LoginFailure.objects.filter(
        created_at__lt=now - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    ).delete()
    LoginFailure.objects.create(username=username.lower()[:150], address=address)


class _Throttled:
    """``clean`` for both login forms."""

    throttled = ""

    def clean(self):  # type: ignore[no-untyped-def]
        username = (self.data.get("username") or "").strip()  # type: ignore[attr-defined]
        address = client_address(self.request)  # type: ignore[attr-defined]
        wait = wait_seconds(username, address)
        if wait:
            minutes = max(1, -(-wait // 60))
            self.throttled = _(
                "Te veel mislukte inlogpogingen. Probeer het over %(minutes)s minuten opnieuw."
            ) % {"minutes": minutes}
            logger.warning("login refused for %r from %s: too many failures", username, address)
            raise ValidationError(self.throttled, code="throttled")
        try:
            cleaned = super().clean()  # type: ignore[misc]
        except ValidationError:
            record_failure(username, address)
            raise
        LoginFailure.objects.filter(username=username.lower()).delete()
        return cleaned


class ThrottledAuthenticationForm(_Throttled, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(_Throttled, AdminAuthenticationForm):
    pass
