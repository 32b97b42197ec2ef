"""Reference data: committees, ministries, people and the parliamentary calendar."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Committee(models.Model):
    """A standing committee (vaste commissie) of the Tweede Kamer."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    abbreviation = models.CharField(_("afkorting"), max_length=20, blank=True)
    # For the API's incremental sync (?updated_since=).
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("commissie")
        verbose_name_plural = _("commissies")

    def __str__(self) -> str:
        return self.name


class Ministry(models.Model):
    """A ministry (ministerie), e.g. Buitenlandse Zaken (BZ)."""

    name = models.CharField(_("naam"), max_length=200, unique=True)
    abbreviation = models.CharField(_("afkorting"), max_length=20, blank=True)
    # For the API's incremental sync (?updated_since=).
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("ministerie")
        verbose_name_plural = _("ministeries")

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """A member of parliament (Kamerlid) or a member of the government."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Kamerlid")
        MINISTER = "minister", _("minister")
        STATE_SECRETARY = "state_secretary", _("staatssecretaris")
        OTHER = "other", _("anders")

    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.CharField(_("fractie"), max_length=100, blank=True)
    function = models.CharField(
        _("functie"), max_length=200, blank=True, help_text=_("bijv. Minister van Buitenlandse Zaken")
    )
    ministry = models.ForeignKey(
        Ministry, on_delete=models.SET_NULL, null=True, blank=True, related_name="people",
        verbose_name=_("ministerie"),
    )
    # For the API's incremental sync (?updated_since=).
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        constraints = [
            models.UniqueConstraint(fields=["name", "role", "party"], name="person_unique_name_role"),
            models.CheckConstraint(
                condition=models.Q(role__in=["member", "minister", "state_secretary", "other"]),
                name="person_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


class Recess(models.Model):
    """A recess period (reces) of the Tweede Kamer.

    The extraction engine falls back to the rules in shared/spec/deadlines.md for
    years missing here; an administrator corrects the table when the Kamer
    publishes its dates. Every recess of the Kamer has a row kind; for the
    voorjaars-, mei- and herfstreces the spec has no default rule, so deadline
    phrases naming them get a date only from this table.
    """

    class Kind(models.TextChoices):
        SPRING = "voorjaarsreces", _("voorjaarsreces (krokusreces)")
        MAY = "meireces", _("meireces")
        SUMMER = "zomerreces", _("zomerreces")
        AUTUMN = "herfstreces", _("herfstreces")
        CHRISTMAS = "kerstreces", _("kerstreces")

    year = models.PositiveSmallIntegerField(_("jaar"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    start = models.DateField(_("eerste dag"))
    end = models.DateField(_("laatste dag"))

    class Meta:
        ordering = ["year", "kind"]
        verbose_name = _("reces")
        verbose_name_plural = _("recessen")
        constraints = [
            models.UniqueConstraint(fields=["year", "kind"], name="recess_unique_year_kind"),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="recess_end_after_start"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["voorjaarsreces", "meireces", "zomerreces", "herfstreces", "kerstreces"]),
                name="recess_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"
