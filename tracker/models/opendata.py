"""The Tweede Kamer's open data as Nakoming keeps it: register entries
(``Toezegging``) and how far ``sync_tk`` has read each entity."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tracker.models.commitments import Commitment


class RegisterEntry(models.Model):
    """A ``Toezegging`` of the Kamer's own register, behind one commitment.

    The commitment holds what Nakoming works with (text, minister, ministry,
    deadline, status, delivery); this row keeps the register's identity and
    fields as the Kamer sent them, so an import can tell what changed.
    """

    tk_id = models.CharField(_("Id (Tweede Kamer)"), max_length=64, unique=True)
    number = models.CharField(_("registernummer"), max_length=30, blank=True, db_index=True)
    commitment = models.OneToOneField(
        Commitment, on_delete=models.CASCADE, related_name="register_entry", verbose_name=_("toezegging")
    )
    activity_number = models.CharField(_("activiteitnummer"), max_length=30, blank=True)
    minister_name = models.CharField(_("bewindspersoon"), max_length=200, blank=True)
    minister_function = models.CharField(_("functie"), max_length=200, blank=True)
    ministry_name = models.CharField(_("ministerie"), max_length=200, blank=True)
    created_on = models.DateField(_("aanmaakdatum"), null=True, blank=True)
    tk_status = models.CharField(_("status in het register"), max_length=40, blank=True)
    fulfilled_on = models.DateField(_("datum nakoming"), null=True, blank=True)
    fulfilled_letter = models.CharField(_("Kamerbrief nakoming"), max_length=100, blank=True)
    # IsHerhalingVan / IsAanvullingOp / IsWijzigingVan: the Id of the other register entry.
    repeats_tk_id = models.CharField(_("herhaling van"), max_length=64, blank=True)
    supplements_tk_id = models.CharField(_("aanvulling op"), max_length=64, blank=True)
    amends_tk_id = models.CharField(_("wijziging van"), max_length=64, blank=True)
    # The register's fields as last read (Tekst, names, Functie, Ministerie, ToegezegdAan…): an import
    # applies only what the Kamer changed since, so a reviewer's corrections stay.
    register_fields = models.JSONField(_("velden zoals het register ze gaf"), default=dict, blank=True)
    tk_modified_at = models.DateTimeField(_("gewijzigd bij de Kamer"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("verwijderd op"), null=True, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        ordering = ["number", "id"]
        # The import looks up which entries change (IsWijzigingVan) the ones it just read.
        indexes = [models.Index(fields=["amends_tk_id"], condition=~models.Q(amends_tk_id=""),
                                name="register_entry_amends")]
        verbose_name = _("registertoezegging")
        verbose_name_plural = _("registertoezeggingen")

    def __str__(self) -> str:
        return self.number or self.tk_id


class OpenDataSync(models.Model):
    """How far ``sync_tk`` has read one entity, and what its last run did."""

    entity = models.CharField(_("entiteit"), max_length=40, unique=True)
    position = models.DateTimeField(
        _("gelezen tot en met"), null=True, blank=True,
        help_text=_("De GewijzigdOp van de laatste volledig opgeslagen pagina."),
    )
    last_run_at = models.DateTimeField(_("laatste poging"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("laatst gelukt"), null=True, blank=True)
    last_result = models.CharField(_("wat de laatste poging bracht"), max_length=300, blank=True)
    last_error = models.TextField(_("laatste fout"), blank=True)
    last_error_at = models.DateTimeField(_("tijdstip laatste fout"), null=True, blank=True)

    class Meta:
        ordering = ["entity"]
        verbose_name = _("synchronisatie open data")
        verbose_name_plural = _("synchronisaties open data")

    def __str__(self) -> str:
        return self.entity


class RegisterMatch(models.Model):
    """An extracted commitment that may be the same promise as a register entry, for a reviewer.

    Same ministry, overlapping words, close in time. Nothing is merged until a
    reviewer accepts (the records are then merged, the register's one kept).
    """

    class State(models.TextChoices):
        PENDING = "pending", _("voorgesteld")
        ACCEPTED = "accepted", _("samengevoegd")
        DISMISSED = "dismissed", _("niet dezelfde")

    register = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="register_matches", verbose_name=_("uit het register")
    )
    extracted = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="extracted_matches", verbose_name=_("gevonden in document")
    )
    score = models.FloatField(_("score"))
    matched_words = models.JSONField(_("overeenkomende woorden"), default=list, blank=True)
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("besloten door"),
    )
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        ordering = ["-score", "id"]
        verbose_name = _("mogelijk dezelfde toezegging")
        verbose_name_plural = _("mogelijk dezelfde toezeggingen")
        constraints = [
            models.UniqueConstraint(fields=["register", "extracted"], name="register_match_unique_pair"),
            models.CheckConstraint(condition=models.Q(state__in=["pending", "accepted", "dismissed"]),
                                   name="register_match_state_valid"),
            models.CheckConstraint(condition=models.Q(score__gte=0) & models.Q(score__lte=1),
                                   name="register_match_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.register_id} ~ {self.extracted_id} ({self.score:.2f})"
