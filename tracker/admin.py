"""Admin for every model of the tracker; the admin is the administrators' tool."""

from django.contrib import admin

from tracker.models import (
    Commitment,
    Committee,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    QuestionItem,
    Recess,
    ReviewEvent,
)


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]


@admin.register(Ministry)
class MinistryAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation"]
    search_fields = ["name", "abbreviation"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "party", "function", "ministry"]
    list_filter = ["role", "ministry"]
    search_fields = ["name", "party", "function"]


@admin.register(Recess)
class RecessAdmin(admin.ModelAdmin):
    list_display = ["year", "kind", "start", "end"]
    list_filter = ["kind"]


class QuestionItemInline(admin.TabularInline):
    model = QuestionItem
    extra = 0
    fields = ["position", "number", "member", "party", "question_text"]
    readonly_fields = fields
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "reference_date", "committee", "ministry", "status", "created_at"]
    list_filter = ["status", "kind", "committee", "ministry"]
    search_fields = ["title", "original_name", "kamerstuk", "sha256"]
    readonly_fields = ["sha256", "size", "file_format", "extractor_version", "page_count", "created_at",
                       "updated_at", "processed_at"]
    inlines = [QuestionItemInline]


@admin.register(QuestionItem)
class QuestionItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "document", "member", "party"]
    list_select_related = ["document"]
    search_fields = ["question_text", "member", "party"]


class DeadlineRevisionInline(admin.TabularInline):
    model = DeadlineRevision
    extra = 0
    fields = ["created_at", "source", "old_text", "old_due", "new_text", "new_due", "reason"]
    readonly_fields = fields


class ReviewEventInline(admin.TabularInline):
    model = ReviewEvent
    extra = 0
    fields = ["created_at", "user", "action", "changes", "note"]
    readonly_fields = fields


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "document", "due_date", "precision", "status", "review_state", "confidence"]
    list_filter = ["status", "review_state", "kind", "certainty", "precision", "committee", "ministry"]
    list_select_related = ["document"]
    search_fields = ["text", "actor", "deadline_text"]
    date_hierarchy = "due_date"
    raw_id_fields = ["document", "question", "duplicate_of", "fulfilled_by", "minister"]
    readonly_fields = ["extracted", "extractor_version", "created_at", "updated_at", "version"]
    inlines = [DeadlineRevisionInline, ReviewEventInline]


@admin.register(DeadlineRevision)
class DeadlineRevisionAdmin(admin.ModelAdmin):
    list_display = ["commitment", "source", "old_due", "new_due", "created_at"]
    list_filter = ["source"]
    raw_id_fields = ["commitment", "source_document"]


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ["commitment", "action", "user", "created_at"]
    list_filter = ["action"]
    raw_id_fields = ["commitment"]
