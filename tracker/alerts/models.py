"""Deadline alerts: who wants to hear about what, what happened, and what was sent.

Four tables carry the whole flow (see ``sending.py`` for the exactly-once protocol):

- ``Subscription``: a user follows a committee, ministry, minister, motion or
  one commitment, immediately or in a daily or weekly digest.
- ``AlertEvent``: something happened to a commitment (due soon, overdue, …),
  recorded once per (commitment, kind, period).
- ``AlertLog``: the alert log, one row per (recipient, commitment, kind,
  period). Its unique key is what makes an alert reach a person at most once;
  the fan-out from events to recipients inserts with ON CONFLICT DO NOTHING.
- ``OutboxMessage``: one e-mail (an immediate alert or a digest) that groups
  alert-log rows; its state machine and ``DeliveryAttempt`` rows make sure it
  is sent exactly once or, in the one window no SMTP client can close, re-sent
  with the same Message-ID (see ``sending.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motions.models import Motion
from tracker.models import (
    Commitment,
    Committee,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    ReviewEvent,
)


class Frequency(models.IntegerChoices):
    """How soon a subscriber hears. Lower is sooner: the fan-out keeps the MIN."""

    IMMEDIATE = 1, _("direct")
    DAILY = 2, _("dagelijks overzicht")
    WEEKLY = 3, _("wekelijks overzicht")


FREQUENCY_VALUES = [value for value, _label in Frequency.choices]


class Subscription(models.Model):
    """A user follows one thing (committee, ministry, minister, motion or commitment)."""

    class Target(models.TextChoices):
        COMMITTEE = "committee", _("commissie")
        MINISTRY = "ministry", _("ministerie")
        MINISTER = "minister", _("bewindspersoon")
        MOTION = "motion", _("motie")
        COMMITMENT = "commitment", _("toezegging")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_subscriptions",
        verbose_name=_("gebruiker"),
    )
    target = models.CharField(_("onderwerp"), max_length=12, choices=Target.choices)
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("commissie")
    )
    ministry = models.ForeignKey(
        Ministry, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("ministerie")
    )
    minister = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("bewindspersoon")
    )
    motion = models.ForeignKey(
        Motion, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("motie")
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("toezegging"),
    )
    frequency = models.PositiveSmallIntegerField(
        _("frequentie"), choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    TARGET_FIELDS = ("committee", "ministry", "minister", "motion", "commitment")

    class Meta:
        ordering = ["user", "target", "id"]
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementen")
        constraints = [
            models.CheckConstraint(
                condition=Q(target__in=["committee", "ministry", "minister", "motion", "commitment"]),
                name="subscription_target_valid",
            ),
            models.CheckConstraint(condition=Q(frequency__in=[1, 2, 3]), name="subscription_frequency_valid"),
            # Exactly the foreign key named by `target` is set.
            models.CheckConstraint(
                condition=(
                    Q(target="committee", committee__isnull=False, ministry__isnull=True, minister__isnull=True,
                      motion__isnull=True, commitment__isnull=True)
                    | Q(target="ministry", committee__isnull=True, ministry__isnull=False, minister__isnull=True,
                        motion__isnull=True, commitment__isnull=True)
                    | Q(target="minister", committee__isnull=True, ministry__isnull=True, minister__isnull=False,
                        motion__isnull=True, commitment__isnull=True)
                    | Q(target="motion", committee__isnull=True, ministry__isnull=True, minister__isnull=True,
                        motion__isnull=False, commitment__isnull=True)
                    | Q(target="commitment", committee__isnull=True, ministry__isnull=True, minister__isnull=True,
                        motion__isnull=True, commitment__isnull=False)
                ),
                name="subscription_one_target",
            ),
            *[
                models.UniqueConstraint(
                    fields=["user", field], condition=Q(**{f"{field}__isnull": False}),
                    name=f"subscription_unique_{field}",
                )
                for field in ("committee", "ministry", "minister", "motion", "commitment")
            ],
        ]

    def __str__(self) -> str:
        return f"{self.get_target_display()}: {self.target_object} ({self.get_frequency_display()})"

    @property
    def target_object(self) -> models.Model | None:
        return getattr(self, self.target, None) if self.target in self.TARGET_FIELDS else None


class AlertPreference(models.Model):
    """Per-user alert state: whether the default subscription was applied once.

    Defaults are applied only while this row is missing, so a clerk who
    removes the default (on the settings page or by unsubscribing) never gets
    it back.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_preference",
        verbose_name=_("gebruiker"),
    )
    defaults_applied_at = models.DateTimeField(_("standaardabonnement toegepast"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("meldingsvoorkeur")
        verbose_name_plural = _("meldingsvoorkeuren")

    def __str__(self) -> str:
        return str(self.user)


class AlertEvent(models.Model):
    """Something that happened to a commitment, recorded once per (commitment, kind, period).

    ``period`` says which occurrence this is, so that a new occurrence is a new
    event and a repeat of the same one is not: the due date for due soon /
    overdue, ``<due>:<months>`` for the monthly reminder, ``rev:<id>`` for a
    slip, ``<status>:<document>`` for a delivery, ``review`` for confirmation.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("binnenkort verwacht")
        OVERDUE = "overdue", _("te laat")
        STILL_OVERDUE = "still_overdue", _("nog steeds te laat")
        SLIPPED = "slipped", _("termijn verschoven")
        DELIVERED = "delivered", _("nagekomen")
        CONFIRMED = "confirmed", _("nieuwe toezegging bevestigd")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="alert_events", verbose_name=_("toezegging")
    )
    kind = models.CharField(_("soort"), max_length=16, choices=Kind.choices)
    period = models.CharField(_("periode"), max_length=60)
    occurred_on = models.DateField(_("datum"))
    due_date = models.DateField(_("uiterste datum"), null=True, blank=True)
    old_due = models.DateField(_("oude datum"), null=True, blank=True)
    new_due = models.DateField(_("nieuwe datum"), null=True, blank=True)
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("document"), help_text=_("het document waarmee is nagekomen of dat de termijn verschoof"),
    )
    revision = models.ForeignKey(
        DeadlineRevision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_event = models.ForeignKey(ReviewEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("vastgelegd"))
    # Set, with a token, by the one fan-out that turned this event into alert-log rows.
    fanned_out_at = models.DateTimeField(null=True, blank=True)
    fanout_token = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "kind", "period"], name="alertevent_unique_occurrence"),
            models.CheckConstraint(
                condition=Q(kind__in=["due_soon", "overdue", "still_overdue", "slipped", "delivered", "confirmed"]),
                name="alertevent_kind_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["id"], condition=Q(fanned_out_at__isnull=True), name="alertevent_not_fanned_out"),
            models.Index(fields=["fanout_token"], name="alertevent_fanout_token"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.commitment_id} ({self.period})"


class OutboxMessage(models.Model):
    """One e-mail to one recipient: an immediate alert or a daily/weekly digest.

    Unique per (frequency, period, recipient), so building the same digest
    twice makes one message. The states and how a row moves between them are
    described in ``tracker/alerts/sending.py``.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("wacht op verzending")
        SENDING = "sending", _("wordt verzonden")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("mislukt (blijvend)")
        CANCELLED = "cancelled", _("geannuleerd")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_messages",
        verbose_name=_("ontvanger"),
    )
    frequency = models.PositiveSmallIntegerField(_("frequentie"), choices=Frequency.choices)
    period = models.CharField(_("periode"), max_length=60)
    build_token = models.CharField(max_length=32)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"))
    claim_token = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=300, blank=True)
    last_error = models.TextField(_("laatste fout"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"))

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        constraints = [
            # Frequency and period first: "this build's messages" is a range of this
            # index, and every lookup by the full key is unique, whatever the
            # statistics of a freshly built digest say.
            models.UniqueConstraint(fields=["frequency", "period", "recipient"], name="outbox_unique_period"),
            models.CheckConstraint(
                condition=Q(state__in=["pending", "sending", "sent", "failed", "cancelled"]),
                name="outbox_state_valid",
            ),
            models.CheckConstraint(condition=Q(frequency__in=[1, 2, 3]), name="outbox_frequency_valid"),
            models.CheckConstraint(
                condition=~Q(state="sending") | (Q(claimed_at__isnull=False) & ~Q(claim_token="")),
                name="outbox_sending_is_claimed",
            ),
            models.CheckConstraint(
                condition=~Q(state="sent") | Q(sent_at__isnull=False), name="outbox_sent_has_time"
            ),
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"], condition=Q(state__in=["pending", "sending"]),
                name="outbox_due",
            ),
            models.Index(fields=["claim_token"], name="outbox_claim_token"),
        ]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} {self.period} → {self.recipient_id} ({self.state})"


class AlertLog(models.Model):
    """The alert log: recipient × commitment × event kind × period, at most once.

    ``frequency`` is the soonest of the recipient's matching subscriptions at
    fan-out time; ``message`` is the e-mail that carries this row (empty until
    the next digest, or immediate build, picks it up).
    """

    # No index of its own: the unique key below starts with the recipient.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_logs", verbose_name=_("ontvanger"),
        db_index=False,
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="alert_logs", verbose_name=_("toezegging")
    )
    event = models.ForeignKey(AlertEvent, on_delete=models.CASCADE, related_name="logs", verbose_name=_("gebeurtenis"))
    kind = models.CharField(_("soort"), max_length=16, choices=AlertEvent.Kind.choices)
    period = models.CharField(_("periode"), max_length=60)
    frequency = models.PositiveSmallIntegerField(_("frequentie"), choices=Frequency.choices)
    # RESTRICT: a sent message is not deleted on its own (its rows would be
    # re-sent), but deleting a user deletes both.
    message = models.ForeignKey(
        OutboxMessage, on_delete=models.RESTRICT, null=True, blank=True, related_name="logs",
        verbose_name=_("e-mail"),
    )
    created_at = models.DateTimeField(_("aangemaakt"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "commitment", "kind", "period"], name="alertlog_exactly_once"
            ),
            models.CheckConstraint(condition=Q(frequency__in=[1, 2, 3]), name="alertlog_frequency_valid"),
        ]
        indexes = [
            models.Index(
                fields=["frequency", "recipient"], condition=Q(message__isnull=True), name="alertlog_unassigned"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.commitment_id} → {self.recipient_id}"


class DeliveryAttempt(models.Model):
    """One try to hand a message to the SMTP server.

    Written (committed) *before* the message goes to SMTP and finished after.
    An attempt that is still unfinished when its claim has expired is in
    doubt: the worker died somewhere between writing this row and recording
    the outcome.
    """

    class Outcome(models.TextChoices):
        IN_FLIGHT = "", _("bezig")
        SENT = "sent", _("verzonden")
        FAILED = "failed", _("mislukt")
        IN_DOUBT = "in_doubt", _("onzeker (afgebroken)")

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE, related_name="delivery_attempts")
    number = models.PositiveIntegerField(_("poging"))
    started_at = models.DateTimeField(_("begonnen"))
    finished_at = models.DateTimeField(_("afgerond"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=10, choices=Outcome.choices, blank=True)
    error = models.TextField(_("fout"), blank=True)
    worker = models.CharField(_("proces"), max_length=200, blank=True)

    class Meta:
        ordering = ["message", "number", "id"]
        verbose_name = _("verzendpoging")
        verbose_name_plural = _("verzendpogingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=["", "sent", "failed", "in_doubt"]), name="attempt_outcome_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["message"], condition=Q(finished_at__isnull=True), name="attempt_unfinished"),
        ]

    def __str__(self) -> str:
        return f"{self.message_id} #{self.number}: {self.outcome or 'bezig'}"
