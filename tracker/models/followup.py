"""Follow-up: the half-yearly rappel to ministries, as the Eerste Kamer does it.

A :class:`Rappel` is one round: on its reference date it snapshots, per
ministry, the outstanding commitments whose deadline has passed and those that
expire within six months (:class:`RappelItem`). Each ministry gets a secret
link (:class:`RappelToken`, stored only as a SHA-256 hash) where it answers
each item with a correction or a prognosis (:class:`RappelAnswer`); a
prognosis becomes a :class:`~tracker.models.DeadlineRevision`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Commitment, DeadlineRevision
from tracker.models.reference import Ministry


class Rappel(models.Model):
    """One rappel round (e.g. "Rappel voorjaar 2026")."""

    title = models.CharField(_("titel"), max_length=200)
    reference_date = models.DateField(_("peildatum"))
    horizon = models.DateField(_("vooruitblik tot en met"))
    answer_by = models.DateField(_("reactie gevraagd voor"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-reference_date", "-id"]
        verbose_name = _("rappel")
        verbose_name_plural = _("rappels")
        constraints = [
            models.CheckConstraint(condition=models.Q(horizon__gte=models.F("reference_date")),
                                   name="rappel_horizon_after_reference"),
        ]

    def __str__(self) -> str:
        return self.title


class RappelItem(models.Model):
    """A commitment as it stood in a rappel: overdue, or expiring within the horizon."""

    class Category(models.TextChoices):
        OVERDUE = "overdue", _("termijn verstreken")
        EXPIRING = "expiring", _("verloopt binnen zes maanden")

    rappel = models.ForeignKey(Rappel, on_delete=models.CASCADE, related_name="items", verbose_name=_("rappel"))
    ministry = models.ForeignKey(Ministry, on_delete=models.PROTECT, related_name="+", verbose_name=_("ministerie"))
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="rappel_items", verbose_name=_("toezegging")
    )
    category = models.CharField(_("categorie"), max_length=10, choices=Category.choices)
    due_date = models.DateField(_("uiterste datum bij rappel"))

    class Meta:
        ordering = ["rappel", "ministry", "due_date", "id"]
        verbose_name = _("rappelpunt")
        verbose_name_plural = _("rappelpunten")
        constraints = [
            models.UniqueConstraint(fields=["rappel", "commitment"], name="rappel_item_unique_commitment"),
            models.CheckConstraint(condition=models.Q(category__in=["overdue", "expiring"]),
                                   name="rappel_item_category_valid"),
        ]
        indexes = [models.Index(fields=["rappel", "ministry", "due_date"], name="rappel_item_ministry")]

    def __str__(self) -> str:
        return f"{self.rappel_id}/{self.commitment_id}"


class RappelToken(models.Model):
    """The secret link for one ministry in one rappel; only the hash is stored."""

    rappel = models.ForeignKey(Rappel, on_delete=models.CASCADE, related_name="tokens", verbose_name=_("rappel"))
    ministry = models.ForeignKey(Ministry, on_delete=models.CASCADE, related_name="+", verbose_name=_("ministerie"))
    token_hash = models.CharField(_("hash van de sleutel"), max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("aangemaakt door"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["rappel", "ministry", "-created_at"]
        verbose_name = _("rappellink")
        verbose_name_plural = _("rappellinks")
        constraints = [
            # At most one live link per ministry per rappel; a new one revokes the old.
            models.UniqueConstraint(fields=["rappel", "ministry"], condition=models.Q(revoked_at__isnull=True),
                                    name="rappel_token_one_live_per_ministry"),
        ]

    def __str__(self) -> str:
        return f"{self.rappel_id}/{self.ministry_id}"


class RappelAnswer(models.Model):
    """A ministry's answer on one rappel item: a correction or a prognosis."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("correctie")
        PROGNOSIS = "prognosis", _("prognose")

    item = models.ForeignKey(RappelItem, on_delete=models.CASCADE, related_name="answers", verbose_name=_("punt"))
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    expected_on = models.DateField(_("nieuwe verwachte datum"), null=True, blank=True)
    reason = models.TextField(_("toelichting"))
    kamerstuk = models.CharField(_("Kamerstuk"), max_length=100, blank=True)
    revision = models.OneToOneField(
        DeadlineRevision, on_delete=models.SET_NULL, null=True, blank=True, related_name="rappel_answer",
        verbose_name=_("termijnwijziging"),
    )
    answered_at = models.DateTimeField(_("beantwoord op"), auto_now_add=True)

    class Meta:
        ordering = ["item", "answered_at", "id"]
        verbose_name = _("rappelantwoord")
        verbose_name_plural = _("rappelantwoorden")
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=["correction", "prognosis"]),
                                   name="rappel_answer_kind_valid"),
            models.CheckConstraint(
                condition=~models.Q(kind="prognosis") | models.Q(expected_on__isnull=False),
                name="rappel_answer_prognosis_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.item_id}"


class FollowupTally(models.Model):
    """How many alive commitments there are per committee, ministry, minister and status,
    and how many of them are overdue or due soon.

    Kept exact by statement-level triggers on tracker_commitment (PostgreSQL,
    migration 0007), so the dashboard reads a few hundred rows instead of
    counting every commitment. Key 0 means "none". Not used on SQLite, where
    the dashboard counts live.
    """

    committee_key = models.BigIntegerField(default=0)
    ministry_key = models.BigIntegerField(default=0)
    minister_key = models.BigIntegerField(default=0)
    status = models.CharField(max_length=20)
    n = models.BigIntegerField(default=0)
    overdue = models.BigIntegerField(default=0)
    due_soon = models.BigIntegerField(default=0)
    # Of those, not reviewed yet (migration 0009), so counts can leave them out.
    unreviewed = models.BigIntegerField(default=0)
    unreviewed_overdue = models.BigIntegerField(default=0)
    unreviewed_due_soon = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("telling")
        verbose_name_plural = _("tellingen")
        constraints = [
            models.UniqueConstraint(fields=["committee_key", "ministry_key", "minister_key", "status"],
                                    name="followup_tally_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.committee_key}/{self.ministry_key}/{self.minister_key}/{self.status}: {self.n}"


class OnTimeTally(models.Model):
    """Deliveries (Voldaan) per quarter of delivery, committee, ministry and minister, and how
    many were on time; kept like :class:`FollowupTally`."""

    quarter = models.DateField()
    committee_key = models.BigIntegerField(default=0)
    ministry_key = models.BigIntegerField(default=0)
    minister_key = models.BigIntegerField(default=0)
    delivered = models.BigIntegerField(default=0)
    on_time = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("telling op tijd")
        verbose_name_plural = _("tellingen op tijd")
        constraints = [
            models.UniqueConstraint(fields=["quarter", "committee_key", "ministry_key", "minister_key"],
                                    name="on_time_tally_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.quarter} {self.committee_key}/{self.ministry_key}/{self.minister_key}: {self.on_time}/{self.delivered}"
