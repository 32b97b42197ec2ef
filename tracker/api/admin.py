"""Administrators issue and revoke API tokens and calendar feeds here. The secret is shown once."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.api.models import (
    FEED_PREFIX,
    ApiToken,
    CalendarFeed,
    hash_secret,
    new_secret,
)
from tracker.api.tokens import api_token_create


class NewTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "scope", "user"]
        help_texts = {"user": gettext_lazy("Leeg: een eigen serviceaccount api-<systeem>.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].required = False


@admin.action(description=gettext_lazy("Geselecteerde intrekken"))
def revoke(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: Any) -> None:
    count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    modeladmin.message_user(request, _("%(n)s ingetrokken.") % {"n": count})


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "scope", "key_prefix", "user", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["scope", "revoked_at"]
    search_fields = ["name", "key_prefix"]
    actions = [revoke]

    def get_form(self, request: HttpRequest, obj: ApiToken | None = None, **kwargs: Any) -> type[forms.ModelForm]:
        if obj is None:
            kwargs["form"] = NewTokenForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        if obj is None:
            return ["name", "scope", "user"]
        return ["name", "scope", "user", "key_prefix", "created_by", "created_at", "last_used_at", "revoked_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> list[str]:
        if obj is None:
            return []
        return ["name", "user", "key_prefix", "created_by", "created_at", "last_used_at"]

    def save_model(self, request: HttpRequest, obj: ApiToken, form: forms.ModelForm, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        issued = api_token_create(
            name=obj.name, scope=obj.scope, user=form.cleaned_data.get("user"), created_by=request.user
        )
        obj.pk = issued.token.pk
        obj.key_hash, obj.key_prefix, obj.user = issued.token.key_hash, issued.token.key_prefix, issued.token.user
        messages.warning(request, _(
            "Het token voor %(name)s wordt alleen nu getoond; geef het aan het systeem: %(raw)s"
        ) % {"name": obj.name, "raw": issued.raw})

    def save_related(self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool) -> None:
        pass  # no relations to save; the token was created by the service


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["name", "committee", "ministry", "minister", "owner", "key_prefix", "created_at", "revoked_at"]
    list_filter = ["committee", "ministry", "revoked_at"]
    fields = ["name", "committee", "ministry", "minister", "owner", "subscriptions", "revoked_at"]
    raw_id_fields = ["minister", "owner"]
    actions = [revoke]

    def save_model(self, request: HttpRequest, obj: CalendarFeed, form: forms.ModelForm, change: bool) -> None:
        if not change:
            raw = new_secret(FEED_PREFIX)
            obj.key_hash, obj.key_prefix = hash_secret(raw), raw[:10]
            super().save_model(request, obj, form, change)
            url = settings.SITE_URL + reverse("api-v1:calendar-feed", args=[raw])
            messages.warning(request, _("Het geheime adres wordt alleen nu getoond: %(url)s") % {"url": url})
            return
        super().save_model(request, obj, form, change)

