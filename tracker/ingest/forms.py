from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tracker.datebounds import validate_plausible_date
from tracker.models import Document
from tracker.widgets import IsoDateInput


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Bestand"), help_text=_("PDF, Word (docx), HTML of platte tekst"))
    reference_date = forms.DateField(
        validators=[validate_plausible_date],
        label=_("Datum van het document"), required=False,
        widget=IsoDateInput(),
        help_text=_("Laat leeg om de datum uit het document te halen."),
    )
    kind = forms.ChoiceField(label=_("Soort"), choices=[("", _("automatisch bepalen")), *Document.Kind.choices],
                             required=False)
    committee = forms.CharField(label=_("Commissie"), required=False, max_length=200)
    ministry = forms.CharField(label=_("Ministerie"), required=False, max_length=200)


class MetadataForm(forms.Form):
    reference_date = forms.DateField(label=_("Datum"), required=False, validators=[validate_plausible_date],
                                     widget=IsoDateInput())
    kind = forms.ChoiceField(label=_("Soort"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Titel"), required=False, max_length=500)
    kamerstuk = forms.CharField(label=_("Kamerstuk"), required=False, max_length=100)
    committee = forms.CharField(label=_("Commissie"), required=False, max_length=200)
    ministry = forms.CharField(label=_("Ministerie"), required=False, max_length=200)

    @classmethod
    def for_document(cls, document: Document, data=None) -> MetadataForm:  # type: ignore[no-untyped-def]
        initial = {
            "reference_date": document.reference_date, "kind": document.kind, "title": document.title,
            "kamerstuk": document.kamerstuk, "committee": document.committee.name if document.committee else "",
            "ministry": document.ministry.name if document.ministry else "",
        }
        return cls(data=data, initial=initial)

    def changes(self) -> dict[str, object]:
        """Only what the user changed: a field left as it was is not written (not even as empty)."""
        return {name: self.cleaned_data[name] for name in self.changed_data}
