"""Credentials of the REST feed: API tokens per client system and secret calendar feeds.

Neither secret is stored: only its SHA-256. The plain value is shown once, when
it is created (admin, ``manage.py create_api_token`` or the API).
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models import Committee, Ministry, Person

TOKEN_PREFIX = "nk_"
FEED_PREFIX = "cal_"


def new_secret(prefix: str) -> str:
    """A fresh random secret (256 bits), recognisable by its prefix."""
    return prefix + secrets.token_urlsafe(32)


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A token for one client system (another parliament system)."""

    class Scope(models.TextChoices):
        READ = "read", _("alleen lezen")
        READ_WRITE = "read_write", _("lezen en schrijven")

    name = models.CharField(_("systeem"), max_length=100, unique=True)
    scope = models.CharField(_("rechten"), max_length=10, choices=Scope.choices, default=Scope.READ)
    key_hash = models.CharField(_("SHA-256 van het token"), max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(
        _("begin van het token"), max_length=12, editable=False,
        help_text=_("Om een token te herkennen; het token zelf wordt niet bewaard."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens",
        verbose_name=_("handelt als"),
        help_text=_("Het account waaronder wijzigingen via dit token in de audittrail komen."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        constraints = [
            models.CheckConstraint(condition=models.Q(scope__in=["read", "read_write"]), name="api_token_scope_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.READ_WRITE and self.revoked_at is None


class CalendarFeed(models.Model):
    """An iCalendar feed of deadlines at a secret URL, for Outlook and other calendars.

    A feed selects open commitments by committee, ministry and/or minister, or
    (``subscriptions``) whatever its owner follows in the alerts; with none of
    them it holds every open deadline.
    """

    name = models.CharField(_("naam"), max_length=200)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(max_length=12, editable=False)
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("commissie")
    )
    ministry = models.ForeignKey(
        Ministry, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("ministerie")
    )
    minister = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("bewindspersoon")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feeds",
        verbose_name=_("eigenaar"),
    )
    subscriptions = models.BooleanField(
        _("mijn abonnementen"), default=False,
        help_text=_("Alles wat de eigenaar volgt (commissies, ministeries, bewindspersonen, moties, toezeggingen)."),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("agendafeed")
        verbose_name_plural = _("agendafeeds")

    def __str__(self) -> str:
        return self.name
