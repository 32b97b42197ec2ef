"""Forms of the motions pages. They parse input; services decide and write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from motions.models import Motion
from motions.selectors import MotionFilters, signer_parties
from tracker.models import Committee, Ministry


class MotionFilterForm(forms.Form):
    """The register's filters (GET). Field names are the Dutch query parameters."""

    zoek = forms.CharField(label=_("Zoeken"), required=False, max_length=200,
                           help_text=_("Sleutel, zaaknummer of woorden uit titel of verzoek"))
    lid = forms.CharField(label=_("Kamerlid"), required=False, max_length=200)
    fractie = forms.ChoiceField(label=_("Fractie"), required=False)
    commissie = forms.ModelChoiceField(label=_("Commissie"), queryset=Committee.objects.order_by("name"),
                                       required=False, empty_label=_("alle"))
    ministerie = forms.ModelChoiceField(label=_("Ministerie"), queryset=Ministry.objects.order_by("name"),
                                        required=False, empty_label=_("alle"))
    uitslag = forms.ChoiceField(label=_("Uitslag stemming"), required=False,
                                choices=[("", _("alle")), *Motion.VoteResult.choices])
    uitvoering = forms.ChoiceField(label=_("Uitvoering"), required=False,
                                   choices=[("", _("alle")), *Motion.Execution.choices])
    zonder_opvolging = forms.BooleanField(label=_("Alleen aangenomen moties zonder opvolging"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["fractie"].choices = [("", _("alle")), *[(p, p) for p in signer_parties()]]

    def filters(self) -> MotionFilters:
        data = self.cleaned_data
        return MotionFilters(
            text=data["zoek"], member=data["lid"], party=data["fractie"],
            committee_id=data["commissie"].pk if data["commissie"] else None,
            ministry_id=data["ministerie"].pk if data["ministerie"] else None,
            vote_result=data["uitslag"], execution_status=data["uitvoering"],
            without_followup=data["zonder_opvolging"],
        )


class MotionUpdateForm(forms.Form):
    """A reviewer sets ministry, committee and execution status."""

    ministry = forms.ModelChoiceField(label=_("Verantwoordelijk ministerie"), queryset=Ministry.objects.order_by("name"),
                                      required=False, empty_label=_("onbekend"))
    committee = forms.ModelChoiceField(label=_("Commissie"), queryset=Committee.objects.order_by("name"),
                                       required=False, empty_label=_("onbekend"))
    execution_status = forms.ChoiceField(label=_("Uitvoering"), choices=Motion.Execution.choices)
    note = forms.CharField(label=_("Toelichting bij een statuswijziging"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def for_motion(cls, motion: Motion, data: object = None) -> MotionUpdateForm:
        return cls(data, initial={"ministry": motion.ministry_id, "committee": motion.committee_id,
                                  "execution_status": motion.execution_status})


class KeyForm(forms.Form):
    """A Kamerstuk number or key typed by a reviewer (``36 800 V, nr. 30``, ``kst-36800-V-30``)."""

    key = forms.CharField(label=_("Kamerstuknummer of sleutel"), max_length=100,
                          help_text=_("Bijvoorbeeld 36 800 V, nr. 30 of kst-36800-V-30"))
    adopt_status = forms.BooleanField(label=_("Neem de vermelde status over"), required=False)


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=2000)
