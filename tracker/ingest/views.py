"""Web pages for ingest: upload, document list and document page. Thin: each
view validates, calls one service and renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tracker.ingest.forms import MetadataForm, UploadForm
from tracker.ingest.metadata import document_update_metadata
from tracker.ingest.process import document_requeue
from tracker.ingest.queueing import enqueue
from tracker.ingest.submit import DocumentOverrides, SubmissionError, document_submit
from tracker.models import Document, OpenDataSync


@login_required
@permission_required("tracker.add_document", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload_file = data["file"]
        try:
            submission = document_submit(
                stream=upload_file, name=upload_file.name, origin=Document.Origin.UPLOAD, uploaded_by=request.user,
                overrides=DocumentOverrides(
                    reference_date=data["reference_date"], kind=data["kind"] or None,
                    committee=data["committee"] or None, ministry=data["ministry"] or None,
                ),
            )
        except SubmissionError as exc:
            form.add_error("file", str(exc))
        else:
            if submission.queued is False:
                messages.warning(request, _(
                    "Het document is opgeslagen, maar de verwerkingsrij is nu niet bereikbaar. "
                    "Het verwerken begint vanzelf zodra de rij weer werkt; u hoeft niets opnieuw te uploaden."
                ))
            elif submission.created:
                messages.success(request, _("Het document is ontvangen en wordt verwerkt."))
            else:
                messages.info(request, _("Dit bestand is al eerder geüpload; u ziet het bestaande document."))
            return redirect("document-detail", pk=submission.document.pk)
    return render(request, "ingest/upload.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    # Register entries have a source document each (their text); they are listed as commitments, not here.
    documents = (Document.objects.exclude(origin=Document.Origin.REGISTER)
                 .select_related("committee", "ministry").order_by("-created_at"))
    status = request.GET.get("status")
    if status in Document.Status.values:
        documents = documents.filter(status=status)
    page = Paginator(documents, 50).get_page(request.GET.get("pagina"))
    return render(request, "ingest/document_list.html", {"page": page, "status": status,
                                                          "statuses": Document.Status.choices,
                                                          "syncs": OpenDataSync.objects.all()})


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document.objects.select_related("committee", "ministry", "uploaded_by"), pk=pk)
    can_edit = request.user.has_perm("tracker.change_document") or document.uploaded_by_id == request.user.pk
    form = MetadataForm.for_document(document, request.POST or None) if can_edit else None
    if request.method == "POST":
        if form is None:
            return HttpResponse(status=403)
        if form.is_valid():
            changed = document_update_metadata(document=document, data=form.changes(), user=request.user)
            if changed:
                messages.success(request, _("Gegevens bijgewerkt."))
            return redirect("document-detail", pk=pk)
    commitments = document.commitments.alive().select_related("question").order_by("start")
    return render(request, "ingest/document_detail.html", {
        "document": document, "form": form, "commitments": commitments,
        "items_count": document.items.count(),
    }, status=400 if form is not None and form.errors else 200)


@login_required
def document_status(request: HttpRequest, pk: int) -> JsonResponse:
    document = get_object_or_404(Document, pk=pk)
    return JsonResponse({
        "status": document.status, "status_display": document.get_status_display(), "stage": document.stage,
        "stage_label": document.stage_label,
        "progress": document.progress, "error": document.error,
    })


@login_required
@permission_required("tracker.add_document", raise_exception=True)
@require_POST
def document_retry(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    if document_requeue(document.pk):
        if enqueue(document.pk):
            messages.success(request, _("Het document wordt opnieuw verwerkt."))
        else:
            messages.warning(request, _(
                "De verwerkingsrij is nu niet bereikbaar. Het document staat klaar en wordt verwerkt "
                "zodra de rij weer werkt."
            ))
    else:
        messages.info(request, _("Het document wordt al verwerkt."))
    return redirect("document-detail", pk=pk)
