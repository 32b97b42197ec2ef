"""Review forms. They parse and check input; the services decide and write."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.datebounds import validate_plausible_date
from tracker.models import Commitment, Document, QuestionItem
from tracker.models.commitments import PRECISION_CHOICES
from tracker.review.locate import normalise_space
from tracker.review.presentation import question_label
from tracker.review.services import (
    CORRECTABLE_FIELDS,
    DEADLINE_FIELDS,
    RejectReason,
    deadline_errors,
)
from tracker.widgets import IsoDateInput

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


def diff_values(cleaned: Mapping[str, Any], shown: Mapping[str, Any]) -> dict[str, Any]:
    """The correctable values that differ from the record as it was shown.

    Only these go to the service, so a date the reviewer left alone can be
    re-read from a changed deadline phrase.
    """
    out: dict[str, Any] = {}
    for name in CORRECTABLE_FIELDS:
        if name not in cleaned:
            continue
        new, old = cleaned[name], shown.get(name)
        if name == "question":
            changed = (new.pk if new is not None else None) != old
        elif name == "text":
            changed = normalise_space(new or "") != normalise_space(old or "")
        else:
            changed = (new or None) != (old or None)
        if changed:
            out[name] = new
    return out


class AccessibleForm(forms.Form):
    """Links every field to its hint and its error message (``aria-describedby``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self) -> None:
        super().full_clean()
        self._describe()

    def _describe(self) -> None:
        errors = self._errors or {}
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = []
            if field.help_text:
                ids.append(f"{auto_id}_helptext")
            if name in errors:
                ids.append(f"{auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class TextField(forms.CharField):
    """Text from a textarea: browsers send CRLF; whitespace-only edits are no edits."""

    def to_python(self, value: Any) -> str:
        return super().to_python((value or "").replace("\r\n", "\n"))

    def has_changed(self, initial: Any, data: Any) -> bool:
        return normalise_space(str(initial or "")) != normalise_space(self.to_python(data))


class LinesField(forms.CharField):
    """One item per line, as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        return [line.strip() for line in re.split(r"[\r\n;]+", value or "") if line.strip()]

    def has_changed(self, initial: Any, data: Any) -> bool:
        return self.to_python(initial or []) != self.to_python(data)


def _date_field(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=False, widget=IsoDateInput(), validators=[validate_plausible_date],
                           input_formats=DATE_FORMATS,
                           help_text=help_text)


class QuestionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: QuestionItem) -> str:
        return f"{question_label(obj.number, obj.position, obj.member, obj.party)}: {obj.question_text[:90]}"


def record_fields(*, document: Document | None, motions: bool = True) -> dict[str, forms.Field]:
    """The correctable fields of a record, as form fields (see ``services.CORRECTABLE_FIELDS``)."""
    fields: dict[str, forms.Field] = {
        "text": TextField(label=gettext_lazy("Tekst van de toezegging"), widget=forms.Textarea(attrs={"rows": 4})),
        "actor": forms.CharField(label=gettext_lazy("Actor"), max_length=200,
                                 help_text=gettext_lazy("Wie belooft het, bijvoorbeeld 'minister van Buitenlandse Zaken'.")),
        "deliverables": LinesField(label=gettext_lazy("Op te leveren"), required=False,
                                   help_text=gettext_lazy("Eén stuk per regel, bijvoorbeeld 'brief over de voortgang'.")),
        "kind": forms.ChoiceField(label=gettext_lazy("Soort"), choices=Commitment.Kind.choices),
        "deadline_text": forms.CharField(
            label=gettext_lazy("Termijn (zoals in de tekst)"), max_length=300, required=False,
            help_text=gettext_lazy("Wijzigt u alleen deze tekst, dan rekent Nakoming de datum opnieuw uit."),
        ),
        "due_date": _date_field(gettext_lazy("Uiterste datum"),
                                gettext_lazy("De laatste dag waarop nakoming nog op tijd is.")),
        "window_start": _date_field(gettext_lazy("Begin termijn")),
        "precision": forms.ChoiceField(label=gettext_lazy("Precisie"), choices=PRECISION_CHOICES),
    }
    if motions:
        fields["motions"] = LinesField(
            label=gettext_lazy("Moties"), required=False,
            help_text=gettext_lazy("Eén per regel: kst-36800-V-30 of Kamerstuk 36 800 V, nr. 30."),
        )
    if document is not None:
        fields["question"] = QuestionChoiceField(
            label=gettext_lazy("Vraag"), required=False, empty_label=_("geen vraag"),
            queryset=QuestionItem.objects.filter(document=document).order_by("position"),
        )
    return fields


def record_initial(commitment: Commitment, motion_keys: list[str]) -> dict[str, Any]:
    return {
        "version": commitment.version, "text": commitment.text, "actor": commitment.actor,
        "deliverables": list(commitment.deliverables), "kind": commitment.kind,
        "deadline_text": commitment.deadline_text, "due_date": commitment.due_date,
        "window_start": commitment.window_start, "precision": commitment.precision,
        "motions": motion_keys, "question": commitment.question_id,
    }


class VersionedForm(AccessibleForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(label=gettext_lazy("Toelichting"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(VersionedForm):
    field_order = ["text", "actor", "deliverables", "kind", "deadline_text", "due_date", "window_start",
                   "precision", "motions", "question", "note"]

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(record_fields(document=document))
        self.order_fields(self.field_order)
        self._describe()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if set(self.changed_data) & set(DEADLINE_FIELDS) - {"deadline_text"} and not self.errors:
            for field, messages in deadline_errors(**{name: data.get(name) or ("" if name in (
                    "deadline_text", "precision") else None) for name in DEADLINE_FIELDS}).items():
                for message in messages:
                    self.add_error(field, message)
        return data

class ConfirmForm(VersionedForm):
    pass


class RejectForm(VersionedForm):
    reason = forms.ChoiceField(label=gettext_lazy("Reden"), choices=RejectReason.choices,
                               widget=forms.RadioSelect)
    duplicate_of = forms.IntegerField(
        label=gettext_lazy("Recordnummer van het origineel"), required=False, min_value=1,
        help_text=gettext_lazy("Alleen bij 'dubbel'. Samenvoegen op de recordpagina bewaart de koppeling beter."),
    )
    field_order = ["reason", "duplicate_of", "note"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("reason") == RejectReason.OTHER and not (data.get("note") or "").strip():
            self.add_error("note", _("Licht de andere reden toe."))
        if data.get("duplicate_of") and data.get("reason") != RejectReason.DUPLICATE:
            self.add_error("duplicate_of", _("Een origineel hoort alleen bij de reden 'dubbel'."))
        return data


class MergeForm(VersionedForm):
    duplicates = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Dubbele records"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple,
    )
    other_ids = forms.CharField(
        label=gettext_lazy("Andere recordnummers"), required=False,
        help_text=gettext_lazy("Gescheiden door spaties of komma's, bijvoorbeeld 12, 40."),
    )
    field_order = ["duplicates", "other_ids", "note"]

    def __init__(self, *args: Any, candidates: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["duplicates"].choices = candidates

    def clean_other_ids(self) -> list[int]:
        raw = self.cleaned_data.get("other_ids") or ""
        ids = []
        for part in re.split(r"[\s,;]+", raw.strip()):
            if not part:
                continue
            number = part.lstrip("#")
            if not number.isdigit():
                raise forms.ValidationError(_("'%(part)s' is geen recordnummer.") % {"part": part})
            ids.append(int(number))
        return ids

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not self.errors and not (data.get("duplicates") or data.get("other_ids")):
            self.add_error("duplicates", _("Kies ten minste één dubbel record of vul een recordnummer in."))
        return data

    def duplicate_ids(self) -> list[int]:
        return sorted(set(self.cleaned_data["duplicates"]) | set(self.cleaned_data["other_ids"]))


class SplitPartForm(AccessibleForm):
    field_order = ["text", "actor", "deliverables", "kind", "deadline_text", "due_date", "window_start",
                   "precision", "motions"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(record_fields(document=None))
        self.order_fields(self.field_order)
        self._describe()

class AddForm(AccessibleForm):
    quote = TextField(
        label=gettext_lazy("Citaat"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Selecteer de passage in de documenttekst, of kopieer hem letterlijk hierheen."),
        error_messages={"required": gettext_lazy("Selecteer de passage in de tekst of plak hem in het veld Citaat.")},
    )
    start = forms.IntegerField(label=gettext_lazy("Begin (teken)"), required=False, min_value=0)
    end = forms.IntegerField(label=gettext_lazy("Einde (teken)"), required=False, min_value=1)
    page = forms.IntegerField(label=gettext_lazy("Pagina"), required=False, min_value=1)
    note = forms.CharField(label=gettext_lazy("Toelichting"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    field_order = ["quote", "start", "end", "page", "actor", "deliverables", "kind", "deadline_text", "due_date",
                   "window_start", "precision", "motions", "question", "note"]

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = record_fields(document=document)
        del fields["text"]
        fields["precision"] = forms.ChoiceField(
            label=gettext_lazy("Precisie"), required=False,
            choices=[("", _("automatisch uit de termijntekst")), *PRECISION_CHOICES],
        )
        fields["question"].empty_label = _("automatisch: het antwoord waarin de passage staat")
        fields["deadline_text"].help_text = _(
            "Laat u datum en precisie leeg, dan rekent Nakoming ze uit deze tekst uit."
        )
        self.fields.update(fields)
        self.order_fields(self.field_order)
        self._describe()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if (start is None) != (end is None):
            self.add_error("start", _("Vul begin én einde in, of geen van beide."))
        elif start is not None and end is not None and end <= start:
            self.add_error("end", _("Het einde ligt na het begin."))
        return data

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values: dict[str, Any] = {name: data[name] for name in ("actor", "deliverables", "kind", "motions")}
        values["deadline_text"] = data["deadline_text"]
        if data.get("precision") or data.get("due_date") or data.get("window_start"):
            values.update(due_date=data.get("due_date"), window_start=data.get("window_start"),
                          precision=data.get("precision") or ("day" if data.get("due_date") else "none"))
        if data.get("question") is not None:
            values["question"] = data["question"]
        return values
