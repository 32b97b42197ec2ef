"""Review pages. Thin: parse a form, call one service, redirect or re-render.

Every action also works without JavaScript: plain forms that post and redirect
back (to the queue, at the next record). ``review.js`` only adds the keyboard
shortcuts and turns a text selection into offsets.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker.locking import StaleRecordError
from tracker.models import Commitment, Document
from tracker.review import selectors
from tracker.review.forms import (
    AddForm,
    ConfirmForm,
    CorrectionForm,
    MergeForm,
    RejectForm,
    SplitPartForm,
    diff_values,
    record_initial,
)
from tracker.review.presentation import change_rows
from tracker.review.services import (
    RejectReason,
    commitment_add_from_source,
    commitment_confirm,
    commitment_correct,
    commitment_reject,
    commitment_split,
    commitments_merge,
    expected_versions_of,
    motion_keys,
)

REVIEW = "tracker.add_reviewevent"
VIEW = "tracker.view_commitment"


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


def _safe_back(request: HttpRequest) -> str:
    """The form's ``back`` address, only when it stays on this site."""
    target = request.POST.get("back") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def _add_errors(form: Form, exc: ValidationError, prefix: str = "") -> None:
    """Put a service's errors on the form's fields (or on the form)."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        field = name.removeprefix(prefix) if prefix else name
        form.add_error(field if field in form.fields else None, errors)


def _int(value: str | None) -> int | None:
    """A filter id; None when absent, malformed or beyond any id the database can hold."""
    return int(value) if value and value.isdigit() and int(value) < 2**63 else None


def _with_version(data: QueryDict, version: int) -> QueryDict:
    data = data.copy()
    data["version"] = str(version)
    return data


# --- queue ---------------------------------------------------------------------------


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("soort") or None
    filters = selectors.QueueFilters(
        document=_int(request.GET.get("document")), committee=_int(request.GET.get("commissie")),
        ministry=_int(request.GET.get("ministerie")), kind=kind if kind in Commitment.Kind.values else None,
    )
    page = Paginator(selectors.review_queue(filters), 20).get_page(request.GET.get("pagina"))
    rows = list(page.object_list)
    selectors.attach_passages(rows)
    query = request.GET.copy()
    query.pop("pagina", None)
    here = request.get_full_path().split("#")[0]
    for index, row in enumerate(rows):
        following = rows[index + 1] if index + 1 < len(rows) else (rows[index - 1] if index else None)
        row.next_url = f"{here}#record-{following.pk}" if following else here
        row.back_url = f"{here}#record-{row.pk}"
    return render(request, "review/queue.html", {
        "page": page, "rows": rows, "filters": filters, "options": selectors.queue_filter_options(),
        "filter_query": query.urlencode(), "reject_reasons": RejectReason.choices,
        "filtered": any((filters.document, filters.committee, filters.ministry, filters.kind)),
    })


# --- record page -------------------------------------------------------------------------


def _record_or_404(pk: int) -> Commitment:
    try:
        return selectors.commitment_for_page(pk)
    except Commitment.DoesNotExist as exc:
        raise Http404 from exc


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _record_or_404(pk)
    history = selectors.record_history(commitment)
    keys = sorted({c.key for c in history["citations"] if c.key})
    return render(request, "review/commitment_detail.html", {
        "c": commitment, **history, "extracted_rows": selectors.extracted_rows(commitment, keys),
        "can_review": request.user.has_perm(REVIEW), "reject_reasons": RejectReason.choices,
        "here": request.get_full_path(),
    })


# --- actions -------------------------------------------------------------------------------


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = get_object_or_404(Commitment, pk=pk)
    form = ConfirmForm(request.POST)
    back = _next(request, reverse("commitment-detail", args=[pk]))
    if not form.is_valid():
        messages.error(request, _("Bevestigen is niet gelukt: het formulier was onvolledig. Probeer het opnieuw."))
        return redirect(back)
    try:
        commitment_confirm(commitment=commitment, user=request.user, expected_version=form.cleaned_data["version"],
                           note=form.cleaned_data["note"])
    except StaleRecordError as exc:
        messages.error(request, exc.message)
        return redirect(_safe_back(request) or back)
    messages.success(request, _("Toezegging #%(pk)s is bevestigd.") % {"pk": pk})
    return redirect(back)


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _record_or_404(pk)
    keys = motion_keys(pk)
    initial = record_initial(commitment, keys)
    form = CorrectionForm(request.POST or None, initial=initial, document=commitment.document)
    stale: StaleRecordError | None = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                commitment_correct(
                    commitment=commitment, user=request.user, expected_version=form.cleaned_data["version"],
                    values=diff_values(form.cleaned_data, initial), note=form.cleaned_data["note"],
                )
            except StaleRecordError as exc:
                # Keep what the reviewer typed; saving again now knowingly builds on the other's version.
                stale, status = exc, 409
                form = CorrectionForm(_with_version(request.POST, commitment.version), initial=initial,
                                      document=commitment.document)
                form.is_valid()
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Toezegging #%(pk)s is gecorrigeerd.") % {"pk": pk})
                return redirect(_next(request, reverse("commitment-detail", args=[pk])))
    return render(request, "review/correct.html", {
        "c": commitment, "form": form, "stale": stale, "stale_rows": change_rows(stale.changes) if stale else [],
        "next": _next(request, ""), "extracted_rows": selectors.extracted_rows(commitment, keys),
    }, status=status)


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _record_or_404(pk)
    form = RejectForm(request.POST or None, initial={"version": commitment.version})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            original = None
            if data.get("duplicate_of"):
                original = Commitment.objects.filter(pk=data["duplicate_of"]).first()
                if original is None:
                    form.add_error("duplicate_of", _("Record #%(pk)s bestaat niet.") % {"pk": data["duplicate_of"]})
            if not form.errors:
                try:
                    commitment_reject(commitment=commitment, user=request.user, expected_version=data["version"],
                                      reason=data["reason"], note=data["note"], duplicate_of=original)
                except StaleRecordError as exc:
                    messages.error(request, exc.message)
                    return redirect(_safe_back(request) or reverse("commitment-detail", args=[pk]))
                except ValidationError as exc:
                    _add_errors(form, exc)
                else:
                    messages.success(request, _("Toezegging #%(pk)s is afgewezen.") % {"pk": pk})
                    return redirect(_next(request, reverse("commitment-detail", args=[pk])))
    return render(request, "review/reject.html", {"c": commitment, "form": form, "next": _next(request, "")},
                  status=status)


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _record_or_404(pk)
    candidates = selectors.duplicate_candidates(commitment)
    form = MergeForm(request.POST or None, initial={"version": commitment.version},
                     candidates=[(other.pk, str(other.pk)) for other, _score in candidates])
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            ids = form.duplicate_ids()
            duplicates = list(Commitment.objects.filter(pk__in=ids))
            missing = sorted(set(ids) - {d.pk for d in duplicates})
            if missing:
                form.add_error("other_ids", _("Record #%(pk)s bestaat niet.") % {"pk": missing[0]})
            else:
                # Versions the reviewer saw on this page; records typed by number are taken as they are now.
                versions = expected_versions_of(ids)
                versions.update({d: int(v) for d in ids if (v := request.POST.get(f"version_{d}", "")).isdigit()})
                versions[pk] = form.cleaned_data["version"]
                try:
                    commitments_merge(keep=commitment, duplicates=duplicates, user=request.user,
                                      expected_versions=versions, note=form.cleaned_data["note"])
                except StaleRecordError as exc:
                    form.add_error(None, exc.message)
                    status = 409
                except ValidationError as exc:
                    _add_errors(form, exc)
                else:
                    messages.success(request, _("%(n)s dubbele record(s) samengevoegd met toezegging #%(pk)s.")
                                     % {"n": len(ids), "pk": pk})
                    return redirect("commitment-detail", pk=pk)
    return render(request, "review/merge.html", {"c": commitment, "form": form, "candidates": candidates},
                  status=status)


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def split(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _record_or_404(pk)
    keys = motion_keys(pk)
    initial = record_initial(commitment, keys)
    deliverables = list(commitment.deliverables)
    first_initial, second_initial = dict(initial), dict(initial)
    if len(deliverables) > 1:
        first_initial["deliverables"], second_initial["deliverables"] = deliverables[:1], deliverables[1:]
        second_initial["motions"] = []
    data = request.POST or None
    first = SplitPartForm(data, prefix="deel1", initial=first_initial)
    second = SplitPartForm(data, prefix="deel2", initial=second_initial)
    top = ConfirmForm(data, initial={"version": commitment.version})
    status = 200
    if request.method == "POST":
        status = 400
        if all([first.is_valid(), second.is_valid(), top.is_valid()]):
            try:
                _one, two = commitment_split(
                    commitment=commitment, user=request.user, expected_version=top.cleaned_data["version"],
                    first=diff_values(first.cleaned_data, initial), second=diff_values(second.cleaned_data, initial),
                    note=top.cleaned_data["note"],
                )
            except StaleRecordError as exc:
                top.add_error(None, exc.message)
                status = 409
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    _add_errors(first, ValidationError({k: v for k, v in exc.message_dict.items()
                                                        if k.startswith("first.")}), "first.")
                    _add_errors(second, ValidationError({k: v for k, v in exc.message_dict.items()
                                                         if k.startswith("second.")}), "second.")
                else:
                    top.add_error(None, exc)
            else:
                messages.success(request, _("Toezegging #%(pk)s is gesplitst; het tweede deel is #%(new)s.")
                                 % {"pk": pk, "new": two.pk})
                return redirect("commitment-detail", pk=pk)
    return render(request, "review/split.html", {"c": commitment, "first": first, "second": second, "top": top},
                  status=status)


@login_required
@permission_required(REVIEW, raise_exception=True)
@require_http_methods(["GET", "POST"])
def add_from_source(request: HttpRequest, document_pk: int) -> HttpResponse:
    try:
        document, source = selectors.document_for_adding(document_pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    form = AddForm(request.POST or None, document=document,
                   initial={"actor": selectors.likely_actor(document), "kind": Commitment.Kind.INFORM})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                row = commitment_add_from_source(
                    document=document, user=request.user, values=form.values(), start=data["start"],
                    end=data["end"], quote=data["quote"], page=data["page"], note=data["note"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Toezegging #%(pk)s is toegevoegd.") % {"pk": row.pk})
                return redirect("commitment-detail", pk=row.pk)
    return render(request, "review/add.html", {"document": document, "source": source, "form": form},
                  status=status)


# --- quality ---------------------------------------------------------------------------------


@login_required
@permission_required(VIEW, raise_exception=True)
@require_GET
def stats(request: HttpRequest) -> HttpResponse:
    return render(request, "review/stats.html", selectors.quality_figures()._asdict())

