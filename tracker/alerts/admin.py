"""Admin for alerts: subscriptions, and the outbox with its attempts (the administrators' view on e-mail)."""

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tracker.alerts.models import AlertEvent, AlertLog, DeliveryAttempt, OutboxMessage, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "target", "__str__", "frequency", "created_at"]
    list_filter = ["target", "frequency"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user", "committee", "ministry", "minister", "motion", "commitment"]


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    fields = readonly_fields = ["number", "started_at", "finished_at", "outcome", "error", "worker"]


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["recipient", "frequency", "period", "state", "attempts", "next_attempt_at", "sent_at", "subject"]
    list_filter = ["state", "frequency"]
    search_fields = ["recipient__username", "recipient__email", "subject"]
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
    inlines = [DeliveryAttemptInline]
    actions = ["requeue"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Opnieuw in de wachtrij (mislukte e-mails)"))
    def requeue(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = queryset.filter(state=OutboxMessage.State.FAILED).update(
            state=OutboxMessage.State.PENDING, next_attempt_at=timezone.now()
        )
        self.message_user(request, _("%(n)d e-mail(s) opnieuw in de wachtrij.") % {"n": count}, messages.SUCCESS)


@admin.register(AlertEvent)
class AlertEventAdmin(admin.ModelAdmin):
    list_display = ["commitment", "kind", "period", "occurred_on", "created_at", "fanned_out_at"]
    list_filter = ["kind"]
    raw_id_fields = ["commitment", "document", "revision", "review_event"]
    readonly_fields = ["fanned_out_at", "fanout_token"]


@admin.register(AlertLog)
class AlertLogAdmin(admin.ModelAdmin):
    list_display = ["recipient", "commitment", "kind", "period", "frequency", "message", "created_at"]
    list_filter = ["kind", "frequency"]
    raw_id_fields = ["recipient", "commitment", "event", "message"]

    def has_change_permission(self, request: HttpRequest, obj: AlertLog | None = None) -> bool:
        return False
