from django.contrib import admin

from motions.models import Motion, MotionCitation, MotionStatusChange


class MotionStatusChangeInline(admin.TabularInline):
    model = MotionStatusChange
    extra = 0
    readonly_fields = ["created_at", "old_status", "new_status", "changed_by", "note"]
    fields = readonly_fields


@admin.register(Motion)
class MotionAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "date", "vote_result", "execution_status", "ministry"]
    list_filter = ["vote_result", "execution_status", "judgement", "ministry"]
    search_fields = ["key", "title", "request"]
    inlines = [MotionStatusChangeInline]


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
