"""Forms of the alert settings page."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from motions.models import Motion
from tracker.alerts.models import Frequency, Subscription
from tracker.models import Commitment, Committee, Ministry, Person

REGISTER_NUMBER = re.compile(r"^\s*(?:TZ\d{6}-)?0*(\d+)\s*$", re.IGNORECASE)


class SubscriptionForm(forms.Form):
    """Follow one committee, ministry, minister, motion or commitment."""

    TARGET_NAMES = Subscription.TARGET_FIELDS  # the field that goes with each choice of ``target``

    target = forms.ChoiceField(
        label=_("Waarover wilt u meldingen?"), choices=Subscription.Target.choices, widget=forms.RadioSelect,
        initial=Subscription.Target.COMMITTEE,
    )
    committee = forms.ModelChoiceField(label=_("Commissie"), queryset=Committee.objects.all(), required=False)
    ministry = forms.ModelChoiceField(label=_("Ministerie"), queryset=Ministry.objects.all(), required=False)
    minister = forms.ModelChoiceField(
        label=_("Bewindspersoon"),
        queryset=Person.objects.filter(role__in=[Person.Role.MINISTER, Person.Role.STATE_SECRETARY]),
        required=False,
    )
    motion = forms.CharField(
        label=_("Motie"), required=False, max_length=60,
        help_text=_("De sleutel van de motie, bijvoorbeeld kst-36800-V-12."),
    )
    commitment = forms.CharField(
        label=_("Toezegging"), required=False, max_length=30,
        help_text=_("Het registernummer, bijvoorbeeld TZ202601-012."),
    )
    frequency = forms.TypedChoiceField(
        label=_("Hoe vaak?"), choices=Frequency.choices, coerce=int, initial=Frequency.WEEKLY,
    )

    def clean_motion(self) -> Motion | None:
        key = self.cleaned_data["motion"].strip()
        if not key:
            return None
        motion = Motion.objects.filter(key__iexact=key, deleted_at__isnull=True).first()
        if motion is None:
            raise forms.ValidationError(_("Er is geen motie met de sleutel %(key)s."), params={"key": key})
        return motion

    def clean_commitment(self) -> Commitment | None:
        raw = self.cleaned_data["commitment"].strip()
        if not raw:
            return None
        match = REGISTER_NUMBER.match(raw)
        commitment = Commitment.objects.alive().filter(pk=int(match.group(1))).first() if match else None
        if commitment is None:
            raise forms.ValidationError(_("Er is geen toezegging met nummer %(number)s."), params={"number": raw})
        return commitment

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        target = data.get("target")
        if target and target in Subscription.TARGET_FIELDS and not data.get(target) and target not in self.errors:
            self.add_error(target, _("Kies waarover u meldingen wilt ontvangen."))
        return data

    @property
    def target_object(self) -> Model:
        return self.cleaned_data[self.cleaned_data["target"]]


class FrequencyForm(forms.Form):
    frequency = forms.TypedChoiceField(label=_("Hoe vaak?"), choices=Frequency.choices, coerce=int)
