"""The register of motions (moties), their votes and where documents cite them.

- ``Motion``: one motion, keyed ``kst-<dossier>-<number>``; filled from the Tweede
  Kamer's open data (``import_tk_motions``), from ingested motion texts and by
  reviewers. ``execution_status`` changes only through ``MotionStatusChange``.
- ``MotionSigner``: the submitting members (indieners) and co-signers with their
  party, one row each, so the register can filter by member and party.
- ``MotionVote``: one party's (or, in a roll-call vote, one member's) vote on the
  decision (``Stemming`` in the open data).
- ``MotionText``: what was parsed from an ingested motion text, kept on the
  document; ``motion`` stays empty when the text carries no number until a
  reviewer supplies it.
- ``MotionCitation``: a place in a document that refers to a motion.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models import Commitment, Committee, Document, Ministry


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
        TO_BE_RECEIVED = "nog_te_ontvangen", _("Nog te ontvangen")
        NOT_AVAILABLE = "niet_beschikbaar", _("Niet beschikbaar")

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
    dossier_title = models.CharField(_("titel dossier"), max_length=500, blank=True)
    session_year = models.CharField(_("vergaderjaar"), max_length=9, blank=True)
    amended = models.BooleanField(_("gewijzigde motie"), default=False)
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
    voting_method = models.CharField(_("soort stemming"), max_length=60, blank=True)
    decision_tk_id = models.CharField(
        _("Id besluit (open data)"), max_length=40, blank=True,
        help_text=_("Het besluit waaruit de uitslag komt; de stemmen van dat besluit tellen."),
    )
    tk_status = models.CharField(_("status (open data)"), max_length=40, blank=True)
    tk_settled = models.BooleanField(_("afgedaan (open data)"), null=True, blank=True)
    tk_modified_at = models.DateTimeField(_("gewijzigd in open data"), null=True, blank=True)
    committee = models.ForeignKey(
        Committee, on_delete=models.SET_NULL, null=True, blank=True, related_name="motions",
        verbose_name=_("commissie"),
    )
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
            models.UniqueConstraint(
                fields=["tk_id"], condition=~models.Q(tk_id=""), name="motion_unique_tk_id"
            ),
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
    # The cited commitment's updated_at, copied by the database on every write of either
    # (triggers, motions/migrations/0004): the REST feed's ``?motion=`` walks this index in
    # the feed's order instead of sorting every commitment that cites the motion.
    commitment_updated_at = models.DateTimeField(null=True, blank=True, editable=False)

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
        indexes = [
            # "Commitments citing this motion" (the API's ?motion=), in the feed's order.
            models.Index(fields=["motion", "commitment_updated_at", "commitment"], name="citation_motion_sorted",
                         condition=models.Q(deleted_at__isnull=True, commitment__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.key or ", ".join(self.members) or self.text[:40]


class MotionSigner(models.Model):
    """A member who submitted (indiener) or co-signed (medeindiener) a motion."""

    class Role(models.TextChoices):
        SUBMITTER = "indiener", _("indiener")
        CO_SIGNER = "medeindiener", _("medeondertekenaar")

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="signers")
    role = models.CharField(_("rol"), max_length=12, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("volgorde"))
    name = models.CharField(_("naam"), max_length=200)
    party = models.CharField(_("fractie"), max_length=100, blank=True)

    class Meta:
        ordering = ["motion", "role", "position"]
        verbose_name = _("ondertekenaar motie")
        verbose_name_plural = _("ondertekenaars moties")
        constraints = [
            models.UniqueConstraint(fields=["motion", "role", "position"], name="signer_unique_position"),
            models.CheckConstraint(condition=models.Q(role__in=["indiener", "medeindiener"]), name="signer_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


class MotionVote(models.Model):
    """One party's vote on a motion (``Stemming``); in a roll-call vote one member's."""

    class Choice(models.TextChoices):
        FOR = "voor", _("Voor")
        AGAINST = "tegen", _("Tegen")
        ABSENT = "niet_deelgenomen", _("Niet deelgenomen")

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    tk_id = models.CharField(_("Id (open data)"), max_length=40, blank=True)
    decision_tk_id = models.CharField(_("Id besluit (open data)"), max_length=40, blank=True)
    party = models.CharField(_("fractie"), max_length=100)
    member = models.CharField(
        _("Kamerlid"), max_length=200, blank=True, help_text=_("Alleen bij een hoofdelijke stemming.")
    )
    choice = models.CharField(_("stem"), max_length=20, choices=Choice.choices)
    party_size = models.PositiveSmallIntegerField(_("zetels"), null=True, blank=True)
    mistake = models.BooleanField(_("vergissing"), default=False)
    tk_modified_at = models.DateTimeField(_("gewijzigd in open data"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["motion", "party", "member", "id"]
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        constraints = [
            models.UniqueConstraint(fields=["tk_id"], condition=~models.Q(tk_id=""), name="vote_unique_tk_id"),
            models.CheckConstraint(
                condition=models.Q(choice__in=["voor", "tegen", "niet_deelgenomen"]), name="vote_choice_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.motion_id}: {self.party} {self.choice}"


class MotionText(models.Model):
    """What was parsed from an ingested motion text (document of kind ``motie``).

    ``motion`` is empty when the text carries no Kamerstuk number; a reviewer
    then supplies the key and the parsed parts go to that motion.
    """

    document = models.OneToOneField(Document, on_delete=models.CASCADE, related_name="motion_text")
    motion = models.ForeignKey(
        Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="texts", verbose_name=_("motie")
    )
    key = models.CharField(_("sleutel in de tekst"), max_length=60, blank=True)
    members = models.JSONField(_("indieners"), default=list, blank=True)
    co_signers = models.JSONField(_("medeondertekenaars"), default=list, blank=True)
    considerations = models.JSONField(_("overwegingen"), default=list, blank=True)
    request = models.TextField(_("verzoek aan de regering"), blank=True)
    proposed = models.DateField(_("voorgesteld op"), null=True, blank=True)
    amended = models.BooleanField(_("gewijzigde motie"), default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("motietekst")
        verbose_name_plural = _("motieteksten")

    def __str__(self) -> str:
        return self.key or f"document {self.document_id}"
