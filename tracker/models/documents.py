"""Ingested documents and the question/answer items found in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.reference import Committee, Ministry

# Processing stages (Document.stage) as the progress bar names them.
STAGE_LABELS = {
    "queued": _("in de wachtrij"),
    "reading": _("bestand lezen"),
    "repairing": _("tekst herstellen"),
    "structure": _("opbouw bepalen"),
    "extracting": _("toezeggingen zoeken"),
    "saving": _("opslaan"),
    "done": _("klaar"),
    "failed": _("mislukt"),
}


class Document(models.Model):
    """A source document: a list of questions and answers, written answers, a letter …"""

    class Kind(models.TextChoices):
        QA_LIST = "lijst_van_vragen", _("lijst van vragen en antwoorden")
        WRITTEN_ANSWERS = "schriftelijke_antwoorden", _("schriftelijke antwoorden")
        LETTER = "brief", _("brief")
        REPORT = "verslag", _("verslag")
        MOTION = "motie", _("motie")
        OTHER = "other", _("anders")

    class Status(models.TextChoices):
        QUEUED = "queued", _("in de wachtrij")
        PROCESSING = "processing", _("wordt verwerkt")
        DONE = "done", _("verwerkt")
        FAILED = "failed", _("mislukt")

    class DateSource(models.TextChoices):
        DOCUMENT = "document", _("uit het document")
        INFERRED = "inferred", _("afgeleid")
        USER = "user", _("opgegeven")

    class Origin(models.TextChoices):
        UPLOAD = "upload", _("upload")
        API = "api", _("API")
        COMMAND = "command", _("opdrachtregel")
        DEMO = "demo", _("demodata")
        REGISTER = "register", _("toezeggingenregister Tweede Kamer")
        OPEN_DATA = "opendata", _("open data Tweede Kamer")

    file = models.FileField(_("bestand"), upload_to="documents/%Y/%m/", max_length=300)
    original_name = models.CharField(_("oorspronkelijke naam"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("grootte (bytes)"), default=0)
    file_format = models.CharField(_("bestandsformaat"), max_length=10, blank=True)

    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("titel"), max_length=500, blank=True)
    kamerstuk = models.CharField(_("Kamerstuk"), max_length=100, blank=True)
    reference_date = models.DateField(_("datum"), null=True, blank=True)
    reference_date_source = models.CharField(
        _("herkomst datum"), max_length=10, choices=DateSource.choices, blank=True
    )
    origin = models.CharField(_("herkomst"), max_length=10, choices=Origin.choices, default=Origin.UPLOAD)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="uploaded_documents", verbose_name=_("geüpload door"),
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name=_("commissie"),
    )
    ministry = models.ForeignKey(
        Ministry, on_delete=models.SET_NULL, null=True, blank=True, related_name="documents",
        verbose_name=_("ministerie"),
    )

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("fase"), max_length=40, blank=True)
    progress = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    error = models.TextField(_("foutmelding"), blank=True)
    # The Celery task that holds the document while it is processing. A
    # redelivered message (worker killed, acks_late) carries the same id and
    # may take the document over; any other task may not.
    task_id = models.CharField(max_length=64, blank=True)
    processing_started_at = models.DateTimeField(null=True, blank=True)
    # When a message was last handed to the broker (None: never, e.g. it was
    # down); the queue sweep re-sends what was never sent or seems lost.
    queued_at = models.DateTimeField(null=True, blank=True)
    # Workers that took the document since it was last queued by hand; a
    # document that keeps killing its worker is failed after a few (poison).
    attempts = models.PositiveSmallIntegerField(default=0)
    extractor_version = models.CharField(_("versie extractie"), max_length=20, blank=True)
    page_count = models.PositiveIntegerField(_("aantal pagina's"), null=True, blank=True)
    text = models.TextField(_("tekst"), blank=True, help_text=_("de herstelde tekst"))

    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)
    processed_at = models.DateTimeField(_("verwerkt op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "processing", "done", "failed"]),
                name="document_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=["lijst_van_vragen", "schriftelijke_antwoorden", "brief", "verslag", "motie", "other"]
                ),
                name="document_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(reference_date_source__in=["", "document", "inferred", "user"]),
                name="document_date_source_valid",
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="document_progress_max_100"),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or f"document {self.pk}"

    @property
    def stage_label(self) -> str:
        """The processing stage in words a user reads (``stage`` holds the code)."""
        return str(STAGE_LABELS.get(self.stage, self.stage))


class QuestionItem(models.Model):
    """One question (vraag) and the span of its answer (antwoord) in a document."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="items", verbose_name=_("document")
    )
    position = models.PositiveIntegerField(_("volgorde"))
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    question_text = models.TextField(_("vraag"))
    member = models.CharField(_("vragensteller"), max_length=200, blank=True)
    party = models.CharField(_("fractie"), max_length=100, blank=True)
    question_start = models.PositiveIntegerField()
    question_end = models.PositiveIntegerField()
    answer_start = models.PositiveIntegerField()
    answer_end = models.PositiveIntegerField()

    class Meta:
        ordering = ["document", "position"]
        verbose_name = _("vraag en antwoord")
        verbose_name_plural = _("vragen en antwoorden")
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="item_unique_position"),
            models.CheckConstraint(
                condition=models.Q(answer_end__gte=models.F("answer_start")), name="item_answer_span_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number or self.position}. {self.question_text[:80]}"

    @property
    def answer_text(self) -> str:
        return self.document.text[self.answer_start : self.answer_end]
