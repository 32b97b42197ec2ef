"""Forms for follow-up pages. They validate input; the services decide."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.datebounds import validate_plausible_date
from tracker.followup.dashboard import (
    ALL_VIEW,
    DUE_SOON_VIEW,
    OUTSTANDING_VIEW,
    OVERDUE_VIEW,
    Filters,
)
from tracker.models import Commitment, Committee, Document, Ministry, Person, RappelAnswer
from tracker.widgets import IsoDateInput

DATE_WIDGET = IsoDateInput()

STATUS_VIEWS = [
    (OUTSTANDING_VIEW, _("Nog na te komen")),
    (OVERDUE_VIEW, _("Te laat")),
    (DUE_SOON_VIEW, _("Binnenkort")),
    *Commitment.Status.choices,
    (ALL_VIEW, _("Alle statussen")),
]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken"), required=False, max_length=200,
                        help_text=_("Woorden uit de toezegging, of een nummer zoals TZ202601-123"))
    committee = forms.TypedChoiceField(label=_("Commissie"), required=False, coerce=int, empty_value=None)
    ministry = forms.TypedChoiceField(label=_("Ministerie"), required=False, coerce=int, empty_value=None)
    minister = forms.TypedChoiceField(label=_("Bewindspersoon"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_VIEWS)
    beoordeeld = forms.ChoiceField(label=_("Tellen"), required=False, choices=[
        ("", _("alle records, ook niet beoordeeld")), ("ja", _("alleen beoordeelde records")),
    ])

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        everyone = [("", _("alle"))]
        self.fields["committee"].choices = everyone + list(Committee.objects.values_list("pk", "name"))
        self.fields["ministry"].choices = everyone + list(Ministry.objects.values_list("pk", "name"))
        self.fields["minister"].choices = everyone + list(
            Person.objects.exclude(role=Person.Role.MEMBER).values_list("pk", "name")
        )

    def filters(self) -> Filters:
        """The filters to apply; an invalid value counts as not given."""
        if not self.is_bound:
            return Filters()
        self.is_valid()  # invalid fields drop out of cleaned_data
        data = self.cleaned_data
        return Filters(
            q=data.get("q") or "", committee=data.get("committee"), ministry=data.get("ministry"),
            minister=data.get("minister"), status=data.get("status") or OUTSTANDING_VIEW,
            reviewed_only=data.get("beoordeeld") == "ja",
        )


class DeliveryForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Uitkomst"), widget=forms.RadioSelect,
        choices=[(Commitment.Status.DELIVERED, _("Voldaan")), (Commitment.Status.PARTLY_DELIVERED, _("Deels voldaan"))],
    )
    fulfilled_on = forms.DateField(validators=[validate_plausible_date], label=_("Datum van het document"), widget=DATE_WIDGET)
    document = forms.ModelChoiceField(
        label=_("Document in Nakoming"), queryset=Document.objects.all(), required=False,
        empty_label=_("geen (alleen Kamerstuknummer)"),
    )
    kamerstuk = forms.CharField(label=_("Kamerstuknummer"), required=False, max_length=100,
                                help_text=_("bijvoorbeeld Kamerstukken II 2025/26, 36800 V, nr. 12"))
    note = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Verplicht bij deels voldaan: wat moet er nog komen?"))
    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_fulfilled_on(self) -> dt.date:
        value: dt.date = self.cleaned_data["fulfilled_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("De datum van nakoming ligt in de toekomst."))
        return value


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Nieuwe status"),
        choices=[
            (Commitment.Status.CLOSED, _("Afgedaan (door de commissie, zonder volledige nakoming)")),
            (Commitment.Status.PARTLY_CLOSED, _("Deels afgedaan")),
            (Commitment.Status.WITHDRAWN, _("Vervallen")),
            (Commitment.Status.OPEN, _("Openstaand (heropenen)")),
        ],
    )
    note = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 2}))
    expected_version = forms.IntegerField(widget=forms.HiddenInput)


class RappelForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    reference_date = forms.DateField(validators=[validate_plausible_date], label=_("Peildatum"), widget=DATE_WIDGET)
    answer_by = forms.DateField(validators=[validate_plausible_date], label=_("Reactie gevraagd voor"), required=False, widget=DATE_WIDGET)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("answer_by") and data.get("reference_date") and data["answer_by"] < data["reference_date"]:
            self.add_error("answer_by", _("Deze datum ligt voor de peildatum."))
        return data


class AssignMinistryForm(forms.Form):
    commitment = forms.IntegerField(widget=forms.HiddenInput)
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    ministry = forms.ModelChoiceField(label=_("Ministerie"), queryset=Ministry.objects.order_by("name"),
                                      empty_label=_("kies een ministerie"))


class RappelAnswerForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort antwoord"), widget=forms.RadioSelect,
        choices=[
            (RappelAnswer.Kind.PROGNOSIS, _("Prognose: de toezegging wordt later nagekomen")),
            (RappelAnswer.Kind.CORRECTION, _("Correctie: de gegevens kloppen niet (bijv. al nagekomen)")),
        ],
    )
    expected_on = forms.DateField(validators=[validate_plausible_date], label=_("Nieuwe verwachte datum"), required=False, widget=DATE_WIDGET)
    kamerstuk = forms.CharField(label=_("Kamerstuknummer (als al nagekomen)"), required=False, max_length=100)
    reason = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    item = forms.IntegerField(widget=forms.HiddenInput)
