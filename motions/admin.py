from django.contrib import admin

from motions.models import (
    Motion,
    MotionCitation,
    MotionSigner,
    MotionStatusChange,
    MotionText,
    MotionVote,
)


class MotionStatusChangeInline(admin.TabularInline):
    model = MotionStatusChange
    extra = 0
    readonly_fields = ["created_at", "old_status", "new_status", "changed_by", "note"]
    fields = readonly_fields


class MotionSignerInline(admin.TabularInline):
    model = MotionSigner
    extra = 0
    fields = ["role", "position", "name", "party"]


class MotionVoteInline(admin.TabularInline):
    model = MotionVote
    extra = 0
    fields = ["decision_tk_id", "party", "member", "choice", "party_size", "mistake", "deleted_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "date", "vote_result", "execution_status", "ministry"]
    list_filter = ["vote_result", "execution_status", "judgement", "ministry", "committee"]
    search_fields = ["key", "title", "request", "zaak_number"]
    # The execution status changes only on the motion page (or by confirming a
    # suggestion), so every change lands in MotionStatusChange.
    readonly_fields = ["execution_status", "tk_id", "tk_modified_at", "decision_tk_id", "created_at", "updated_at"]
    raw_id_fields = ["source_document"]
    inlines = [MotionSignerInline, MotionVoteInline, MotionStatusChangeInline]


@admin.register(MotionCitation)
class MotionCitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "document", "motion", "stated_status", "review_state"]
    list_filter = ["review_state", "stated_status"]
    raw_id_fields = ["document", "motion", "commitment"]
    search_fields = ["key", "text"]


@admin.register(MotionStatusChange)
class MotionStatusChangeAdmin(admin.ModelAdmin):
    list_display = ["motion", "old_status", "new_status", "created_at"]
    raw_id_fields = ["motion", "source_citation"]


@admin.register(MotionText)
class MotionTextAdmin(admin.ModelAdmin):
    list_display = ["__str__", "document", "motion", "proposed", "resolved_by"]
    raw_id_fields = ["document", "motion"]
