"""The register of motions (moties) and where documents cite them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Document, Ministry


class Motion(models.Model):
    """A motion (motie) of the Tweede Kamer, keyed ``kst-<dossier>-<number>``."""

    class Judgement(models.TextChoices):
        # The cabinet's appreciation before the vote (Kabinetsappreciatie).
        ADOPTED_BY_CABINET = "overgenomen", _("Overgenomen")
        DISCOURAGED = "ontraden", _("Ontraden")
        DISCOURAGED_UNLESS_CHANGED = "ontraden_tenzij_gewijzigd", _("Ontraden tenzij gewijzigd")
        LEFT_TO_HOUSE = "oordeel_kamer", _("Oordeel Kamer")
        ASKED_TO_HOLD = "verzocht_aan_te_houden", _("Verzocht motie aan te houden")
        NONE = "geen", _("Geen (expliciete) appreciatie")
        UNKNOWN = "onbekend", _("Nog niet bekend")

    class VoteResult(models.TextChoices):
        ADOPTED = "aangenomen", _("aangenomen")
        REJECTED = "verworpen", _("verworpen")
        HELD = "aangehouden", _("aangehouden")
        POSTPONED = "uitgesteld", _("uitgesteld")
        WITHDRAWN = "ingetrokken", _("ingetrokken")
        LAPSED = "vervallen", _("vervallen")
        UNKNOWN = "unknown", _("onbekend")

    class Execution(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_uitvoering", _("in uitvoering")
        DONE = "uitgevoerd", _("uitgevoerd")
        PARTLY_DONE = "deels_uitgevoerd", _("deels uitgevoerd")
        NOT_DONE = "niet_uitgevoerd", _("niet uitgevoerd")

    key = models.CharField(_("sleutel"), max_length=60, unique=True, help_text="kst-<dossier>-<nummer>")
    dossier = models.CharField(_("dossier"), max_length=40)
    number = models.CharField(_("ondernummer"), max_length=20)
    tk_id = models.CharField(_("Id (open data)"), max_length=40, blank=True)
    zaak_number = models.CharField(_("zaaknummer"), max_length=20, blank=True)
    title = models.CharField(_("titel"), max_length=500, blank=True)
    members = models.JSONField(_("indieners"), default=list, blank=True)
    co_signers = models.JSONField(_("medeondertekenaars"), default=list, blank=True)
    date = models.DateField(_("datum"), null=True, blank=True)
    considerations = models.JSONField(_("overwegingen"), default=list, blank=True)
    request = models.TextField(_("verzoek aan de regering"), blank=True)
    judgement = models.CharField(
        _("appreciatie kabinet"), max_length=30, choices=Judgement.choices, default=Judgement.UNKNOWN
    )
    vote_result = models.CharField(
        _("uitslag stemming"), max_length=12, choices=VoteResult.choices, default=VoteResult.UNKNOWN
    )
    vote_date = models.DateField(_("datum stemming"), null=True, blank=True)
    ministry = models.ForeignKey(
        Ministry, on_delete=models.SET_NULL, null=True, blank=True, related_name="motions",
        verbose_name=_("ministerie"),
    )
    execution_status = models.CharField(
        _("uitvoering"), max_length=20, choices=Execution.choices, default=Execution.OPEN
    )
    source_document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="motion_texts",
        verbose_name=_("motietekst"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "key"]
        verbose_name = _("motie")
        verbose_name_plural = _("moties")
        constraints = [
            models.CheckConstraint(condition=models.Q(key__startswith="kst-"), name="motion_key_shape"),
            models.CheckConstraint(
                condition=models.Q(
                    vote_result__in=[
                        "aangenomen", "verworpen", "aangehouden", "uitgesteld", "ingetrokken", "vervallen", "unknown"
                    ]
                ),
                name="motion_vote_result_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    execution_status__in=["open", "in_uitvoering", "uitgevoerd", "deels_uitgevoerd", "niet_uitgevoerd"]
                ),
                name="motion_execution_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.title}".strip()


class MotionStatusChange(models.Model):
    """History of a motion's execution status."""

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="status_changes")
    old_status = models.CharField(max_length=20, choices=Motion.Execution.choices)
    new_status = models.CharField(max_length=20, choices=Motion.Execution.choices)
    source_citation = models.ForeignKey(
        "MotionCitation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["motion", "created_at", "id"]
        verbose_name = _("statuswijziging motie")
        verbose_name_plural = _("statuswijzigingen moties")

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.old_status} → {self.new_status}"


class MotionCitation(models.Model):
    """A place in a document that refers to a motion.

    ``motion`` stays empty for a citation by name only (``de motie-Koopmans``)
    until a reviewer or a later document supplies the number.
    """

    class Review(models.TextChoices):
        UNREVIEWED = "unreviewed", _("niet beoordeeld")
        CONFIRMED = "confirmed", _("bevestigd")
        REJECTED = "rejected", _("afgewezen")

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="motion_citations")
    motion = models.ForeignKey(
        Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="citations"
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.SET_NULL, null=True, blank=True, related_name="motion_citations"
    )
    key = models.CharField(_("sleutel"), max_length=60, blank=True)
    members = models.JSONField(_("indieners"), default=list, blank=True)
    text = models.TextField(_("tekst"))
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    stated_status = models.CharField(_("vermelde status"), max_length=30, blank=True)
    review_state = models.CharField(max_length=12, choices=Review.choices, default=Review.UNREVIEWED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document", "start"]
        verbose_name = _("motieverwijzing")
        verbose_name_plural = _("motieverwijzingen")
        constraints = [
            models.UniqueConstraint(fields=["document", "start", "end"], name="citation_unique_span"),
            models.CheckConstraint(
                condition=models.Q(key="") | models.Q(key__startswith="kst-"), name="citation_key_shape"
            ),
        ]

    def __str__(self) -> str:
        return self.key or ", ".join(self.members) or self.text[:40]
