"""Commitments (toezeggingen), their deadline history and the review audit trail."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.documents import Document, QuestionItem
from tracker.models.reference import Committee, Ministry, Person
from tracker.sql_literals import Literal

PRECISION_CHOICES = [
    ("day", _("dag")),
    ("month", _("maand")),
    ("quarter", _("kwartaal")),
    ("half", _("halfjaar")),
    ("season", _("seizoen")),
    ("year", _("jaar")),
    ("event", _("gebeurtenis")),
    ("vague", _("vaag")),
    ("none", _("geen termijn")),
]
PRECISION_VALUES = [value for value, _label in PRECISION_CHOICES]


class CommitmentQuerySet(models.QuerySet):
    def alive(self) -> CommitmentQuerySet:
        """Records that count: not deleted (tombstoned) and not rejected."""
        return self.filter(deleted_at__isnull=True).exclude(review_state=Literal(Commitment.ReviewState.REJECTED))


class Commitment(models.Model):
    """A promise by the government to the Kamer (toezegging)."""

    class Kind(models.TextChoices):
        INFORM = "informeren", _("Kamer informeren")
        PRODUCT = "product", _("product leveren")
        MOTION = "motie", _("motie uitvoeren")
        PROMISE = "toezegging", _("uitdrukkelijke toezegging")
        ACTION = "actie", _("actie")

    class Certainty(models.TextChoices):
        CLEAR = "clear", _("duidelijk")
        BORDERLINE = "borderline", _("twijfelgeval")

    class Status(models.TextChoices):
        # One-to-one with the Tweede Kamer's own Toezegging.Status values.
        OPEN = "open", _("Openstaand")
        DELIVERED = "delivered", _("Voldaan")
        PARTLY_DELIVERED = "partly_delivered", _("Deels voldaan")
        WITHDRAWN = "withdrawn", _("Vervallen")
        CLOSED = "closed", _("Afgedaan")
        PARTLY_CLOSED = "partly_closed", _("Deels afgedaan")

    class ReviewState(models.TextChoices):
        UNREVIEWED = "unreviewed", _("niet beoordeeld")
        CONFIRMED = "confirmed", _("bevestigd")
        CORRECTED = "corrected", _("gecorrigeerd")
        REJECTED = "rejected", _("afgewezen")

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="commitments", verbose_name=_("document")
    )
    question = models.ForeignKey(
        QuestionItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments",
        verbose_name=_("vraag"),
    )
    promised_to_member = models.CharField(_("toegezegd aan (lid)"), max_length=200, blank=True)
    promised_to_party = models.CharField(_("toegezegd aan (fractie)"), max_length=100, blank=True)

    text = models.TextField(_("tekst"))
    start = models.PositiveIntegerField(_("begin"))
    end = models.PositiveIntegerField(_("einde"))
    page = models.PositiveIntegerField(_("pagina"), null=True, blank=True)

    actor = models.CharField(_("actor"), max_length=200)
    minister = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments",
        verbose_name=_("bewindspersoon"),
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments",
        verbose_name=_("commissie"),
    )
    ministry = models.ForeignKey(
        Ministry, on_delete=models.SET_NULL, null=True, blank=True, related_name="commitments",
        verbose_name=_("ministerie"),
    )
    deliverables = models.JSONField(_("op te leveren"), default=list, blank=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.INFORM)
    certainty = models.CharField(_("zekerheid"), max_length=12, choices=Certainty.choices, default=Certainty.CLEAR)

    # The current deadline; every change is also a DeadlineRevision.
    deadline_text = models.CharField(_("termijn (tekst)"), max_length=300, blank=True)
    deadline_start = models.PositiveIntegerField(null=True, blank=True)
    deadline_end = models.PositiveIntegerField(null=True, blank=True)
    due_date = models.DateField(_("uiterste datum"), null=True, blank=True, db_index=True)
    window_start = models.DateField(_("begin termijn"), null=True, blank=True)
    precision = models.CharField(_("precisie"), max_length=10, choices=PRECISION_CHOICES, default="none")
    deadline_assumed = models.BooleanField(
        _("termijn aangenomen"), default=False,
        help_text=_("Een voorgestelde standaardtermijn die een beoordelaar moet bevestigen."),
    )

    promised_on = models.DateField(
        _("toegezegd op"), null=True, blank=True,
        help_text=_("De datum van het brondocument: wanneer de toezegging is gedaan (niet wanneer hij is ingelezen)."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    overdue_since = models.DateField(_("te laat sinds"), null=True, blank=True)
    due_soon_since = models.DateField(_("binnenkort verwacht sinds"), null=True, blank=True)
    review_state = models.CharField(
        _("beoordeling"), max_length=12, choices=ReviewState.choices, default=ReviewState.UNREVIEWED
    )
    reject_reason = models.CharField(_("reden afwijzing"), max_length=200, blank=True)
    confidence = models.FloatField(_("zekerheidsscore"), default=0.5)
    extractor_version = models.CharField(_("versie extractie"), max_length=20, blank=True)
    extracted = models.JSONField(
        _("oorspronkelijke waarden"), default=dict, blank=True,
        help_text=_("Wat de extractie vond, ongewijzigd bewaard naast de waarden van de beoordelaar."),
    )
    not_found_by_version = models.CharField(
        _("niet meer gevonden door versie"), max_length=20, blank=True,
        help_text=_("Gezet als een nieuwere extractie dit bevestigde record niet meer vindt."),
    )
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates",
        verbose_name=_("duplicaat van"),
    )

    fulfilled_by = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="fulfilments",
        verbose_name=_("nagekomen met document"),
    )
    fulfilled_kamerstuk = models.CharField(_("Kamerbrief nakoming"), max_length=100, blank=True)
    fulfilled_on = models.DateField(_("datum nakoming"), null=True, blank=True)
    delivery_note = models.TextField(_("toelichting nakoming"), blank=True)
    # Kept at delivery (fulfilled_on <= due_date then), so a later deadline
    # change cannot rewrite history; null when not delivered or undated.
    delivered_on_time = models.BooleanField(_("op tijd nagekomen"), null=True, blank=True)

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    version = models.PositiveIntegerField(
        _("versie"), default=1, help_text=_("Verhoogd bij elke wijziging (optimistische vergrendeling).")
    )

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        indexes = [
            models.Index(fields=["status", "due_date"], name="commitment_status_due"),
            models.Index(fields=["updated_at", "id"], name="commitment_sync"),
            # The API's filtered lists, in sync order (updated_at, id), without scanning the whole table.
            models.Index(fields=["committee", "updated_at", "id"], name="commitment_committee_sync"),
            models.Index(fields=["ministry", "updated_at", "id"], name="commitment_ministry_sync"),
            models.Index(fields=["minister", "updated_at", "id"], name="commitment_minister_sync"),
            # … and per owner by deadline (``ordering=due_date``), the clerk's order.
            models.Index(fields=["committee", "due_date", "id"], name="commitment_committee_due"),
            models.Index(fields=["ministry", "due_date", "id"], name="commitment_ministry_due"),
            models.Index(fields=["minister", "due_date", "id"], name="commitment_minister_due"),
            # ``?overdue=true&committee=`` in sync order: a committee's outstanding records with
            # their due date, so the overdue ones are found in the index alone.
            models.Index(fields=["committee", "updated_at", "id"], include=["due_date"],
                         name="commitment_committee_open", condition=(
                             models.Q(status__in=["open", "partly_delivered"], deleted_at__isnull=True)
                             & ~models.Q(review_state="rejected"))),
            # ``?motion=`` sorts the cited commitments by updated_at: read the live ones' sort key
            # from this index alone instead of one heap page per cited commitment.
            models.Index(fields=["id"], include=["updated_at"], name="commitment_live_sync_key",
                         condition=models.Q(deleted_at__isnull=True) & ~models.Q(review_state="rejected")),
            # Follow-up (tracker/followup): the dashboard's list of outstanding records, most urgent
            # (earliest due) first; on-time rates over recent deliveries when counting live; and
            # flag_overdue's "no longer" transitions. (The dashboard's counts come from tallies.)
            models.Index(fields=["due_date", "id"], name="commitment_outstanding_due", condition=(
                models.Q(status__in=["open", "partly_delivered"], deleted_at__isnull=True)
                & ~models.Q(review_state="rejected"))),
            models.Index(fields=["fulfilled_on"], include=["ministry", "committee", "minister", "delivered_on_time"],
                         name="commitment_delivered_on", condition=(
                             models.Q(status="delivered", delivered_on_time__isnull=False, deleted_at__isnull=True)
                             & ~models.Q(review_state="rejected"))),
            models.Index(fields=["overdue_since"], name="commitment_overdue_flag",
                         condition=models.Q(overdue_since__isnull=False)),
            models.Index(fields=["due_soon_since"], name="commitment_due_soon_flag",
                         condition=models.Q(due_soon_since__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["open", "delivered", "partly_delivered", "withdrawn", "closed", "partly_closed"]
                ),
                name="commitment_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(review_state__in=["unreviewed", "confirmed", "corrected", "rejected"]),
                name="commitment_review_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["informeren", "product", "motie", "toezegging", "actie"]),
                name="commitment_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(certainty__in=["clear", "borderline"]), name="commitment_certainty_valid"
            ),
            models.CheckConstraint(condition=models.Q(precision__in=PRECISION_VALUES), name="commitment_precision_valid"),
            models.CheckConstraint(
                condition=models.Q(window_start__isnull=True)
                | models.Q(due_date__isnull=True)
                | models.Q(due_date__gte=models.F("window_start")),
                name="commitment_due_not_before_window",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0) & models.Q(confidence__lte=1),
                name="commitment_confidence_range",
            ),
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="commitment_span_valid"),
            # A dated deadline has a precision; "none" means no deadline at all.
            models.CheckConstraint(
                condition=models.Q(due_date__isnull=True) | ~models.Q(precision__in=["none", "vague"]),
                name="commitment_due_has_precision",
            ),
        ]

    def __str__(self) -> str:
        """The text on one line, cut at a word boundary (with …) when longer than about 100 characters."""
        text = " ".join(self.text.split())
        if len(text) <= 100:
            return text
        cut = text[:100].rsplit(" ", 1)[0] if " " in text[:100] else text[:99]
        return cut.rstrip(",;:") + "…"

    @property
    def register_number(self) -> str:
        """The register number in the Kamer's shape, ``TZ<yyyymm>-<nnn>``: the month the promise
        was made (the document's date), or the month it was recorded when that date is unknown."""
        return register_number(self.pk, self.promised_on, self.created_at)


def register_number(pk: int | None, promised_on: dt.date | None, created_at: dt.datetime | None) -> str:
    """``TZ<yyyymm>-<nnn>`` (see :attr:`Commitment.register_number`), for callers holding only the values."""
    month = promised_on or created_at
    return f"TZ{month:%Y%m}-{pk:03d}" if month and pk else ""


class DeadlineRevision(models.Model):
    """One change of a commitment's deadline, with where the change came from."""

    class Source(models.TextChoices):
        EXTRACTION = "extraction", _("extractie")
        DOCUMENT = "document", _("later document")
        REVIEWER = "reviewer", _("beoordelaar")
        PROGNOSIS = "prognosis", _("prognose ministerie")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="deadline_revisions", verbose_name=_("toezegging")
    )
    source = models.CharField(_("bron"), max_length=12, choices=Source.choices)
    source_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="deadline_revisions",
        verbose_name=_("brondocument"),
    )
    quote = models.TextField(_("citaat"), blank=True)
    reason = models.TextField(_("reden"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("door")
    )
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    old_text = models.CharField(max_length=300, blank=True)
    old_due = models.DateField(null=True, blank=True)
    old_window_start = models.DateField(null=True, blank=True)
    old_precision = models.CharField(max_length=10, choices=PRECISION_CHOICES, default="none")
    new_text = models.CharField(max_length=300, blank=True)
    new_due = models.DateField(null=True, blank=True)
    new_window_start = models.DateField(null=True, blank=True)
    new_precision = models.CharField(max_length=10, choices=PRECISION_CHOICES, default="none")

    class Meta:
        ordering = ["commitment", "created_at", "id"]
        verbose_name = _("termijnwijziging")
        verbose_name_plural = _("termijnwijzigingen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=["extraction", "document", "reviewer", "prognosis"]),
                name="revision_source_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment_id}: {self.old_due} → {self.new_due}"

    @property
    def slip_days(self) -> int | None:
        return slip_days(self.old_due, self.new_due)


def slip_days(old_due: dt.date | None, new_due: dt.date | None) -> int | None:
    """How many days a deadline moved (negative: earlier); None unless both are dates."""
    if old_due and new_due:
        return (new_due - old_due).days
    return None


class ReviewEvent(models.Model):
    """An audited action on a commitment: who did what, with field-level before/after."""

    class Action(models.TextChoices):
        CONFIRM = "confirm", _("bevestigd")
        CORRECT = "correct", _("gecorrigeerd")
        REJECT = "reject", _("afgewezen")
        MERGE = "merge", _("samengevoegd")
        SPLIT = "split", _("gesplitst")
        CREATE = "create", _("handmatig toegevoegd")
        DELIVER = "deliver", _("nakoming vastgelegd")
        REEXTRACT = "reextract", _("opnieuw geëxtraheerd")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="review_events", verbose_name=_("toezegging")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("gebruiker")
    )
    action = models.CharField(_("actie"), max_length=12, choices=Action.choices)
    changes = models.JSONField(
        _("wijzigingen"), default=dict, blank=True, help_text=_('{"veld": [oud, nieuw], …}')
    )
    note = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True)

    class Meta:
        ordering = ["commitment", "created_at", "id"]
        verbose_name = _("beoordelingsactie")
        verbose_name_plural = _("beoordelingsacties")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    action__in=["confirm", "correct", "reject", "merge", "split", "create", "deliver", "reextract"]
                ),
                name="review_event_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.commitment_id}"


class FulfilmentSuggestion(models.Model):
    """A document that may fulfil an open commitment, for a reviewer to decide.

    Suggestions never close a commitment by themselves.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("voorgesteld")
        ACCEPTED = "accepted", _("aanvaard")
        DISMISSED = "dismissed", _("afgewezen")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="fulfilment_suggestions", verbose_name=_("toezegging")
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="fulfilment_suggestions", verbose_name=_("document")
    )
    score = models.FloatField(_("score"))
    matched_words = models.JSONField(_("overeenkomende woorden"), default=list, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("besloten door")
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("mogelijke nakoming")
        verbose_name_plural = _("mogelijke nakomingen")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "document"], name="suggestion_unique_pair"),
            models.CheckConstraint(
                condition=models.Q(state__in=["pending", "accepted", "dismissed"]), name="suggestion_state_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=1), name="suggestion_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} → {self.commitment_id} ({self.score:.2f})"
