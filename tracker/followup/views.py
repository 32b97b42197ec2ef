"""Follow-up pages: the clerks' dashboard, exports, slipped deadlines, delivery and the rappel.

Thin: each view validates, calls one service or selector and renders.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tracker.followup import charts
from tracker.followup.dashboard import (
    ALL_VIEW,
    DUE_SOON_VIEW,
    OUTSTANDING_VIEW,
    OVERDUE_VIEW,
    PAGE_SIZE,
    commitment_page,
    commitment_rows,
    dashboard_summary,
    on_time_figures,
)
from tracker.followup.delivery import (
    commitment_record_delivery,
    commitment_set_status,
)
from tracker.followup.exports import csv_lines, xlsx_bytes
from tracker.followup.forms import (
    AssignMinistryForm,
    DeliveryForm,
    FilterForm,
    RappelAnswerForm,
    RappelForm,
    StatusForm,
)
from tracker.followup.history import deadline_history, slipped_rows
from tracker.followup.pdf import UNREVIEWED_NOTE, rappel_pdf
from tracker.followup.rappel import (
    MinistryItems,
    missing_ministry,
    rappel_answer,
    rappel_assign_ministry,
    rappel_create,
    rappel_issue_link,
    rappel_ministry_items,
    rappel_overview,
    rappel_token_lookup,
)
from tracker.followup.rules import OUTSTANDING
from tracker.locking import StaleRecordError
from tracker.models import Commitment, Ministry, Rappel, RappelItem

CHANGE = "tracker.change_commitment"
# Further than any list reaches; a larger number shows the (empty) page after the last.
MAX_PAGE = 100_000


def _query_string(form: FilterForm, *, exclude: tuple[str, ...] = ()) -> str:
    """The filters as given, for links that keep them (pagination, exports, drill-downs)."""
    return urlencode({key: value for key, value in form.data.items()
                      if key in form.fields and key not in exclude and value})


LIST_TITLES = {
    OUTSTANDING_VIEW: _lazy("Nog na te komen"),
    OVERDUE_VIEW: _lazy("Te laat"),
    DUE_SOON_VIEW: _lazy("Binnenkort"),
    ALL_VIEW: _lazy("Alle toezeggingen"),
}


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The clerks' start page: what is overdue and due soon, by committee, ministry and minister."""
    form = FilterForm(request.GET or None)
    filters = form.filters()
    today = timezone.localdate()
    try:
        page = min(max(int(request.GET.get("pagina", "1")), 1), MAX_PAGE)
    except ValueError:
        page = 1
    summary = dashboard_summary(filters)
    on_time = on_time_figures(filters, today=today)
    rows = commitment_page(filters, page)
    for row in rows:
        _mark(row, today)
    for group in summary.by_ministry:
        group.on_time = on_time.by_ministry.get(group.pk)  # type: ignore[attr-defined]
    overdue_bars = [charts.Bar(g.name or _("(geen ministerie)"), g.overdue) for g in summary.by_ministry
                    if g.overdue][:12]
    on_time_columns = [
        charts.Column(q.label, q.rate, _("n = %(n)s") % {"n": q.delivered}) for q in on_time.by_quarter
    ]
    pages = max((summary.listed + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    title = LIST_TITLES.get(filters.status) or Commitment.Status(filters.status).label
    return render(request, "followup/dashboard.html", {
        "form": form, "filters": filters, "summary": summary, "rows": rows, "today": today,
        "due_soon_days": settings.DUE_SOON_DAYS, "list_title": title, "on_time": on_time,
        "breakdowns": [
            # Each drill-down link replaces its own filter rather than repeating it.
            (_("Per commissie"), _("Commissie"), summary.by_committee, "committee",
             _query_string(form, exclude=("pagina", "committee"))),
            (_("Per ministerie"), _("Ministerie"), summary.by_ministry, "ministry",
             _query_string(form, exclude=("pagina", "ministry"))),
            (_("Per bewindspersoon"), _("Bewindspersoon"), summary.by_minister[:25], "minister",
             _query_string(form, exclude=("pagina", "minister"))),
        ],
        "overdue_chart": charts.horizontal_bars(overdue_bars), "overdue_bars": overdue_bars,
        "on_time_chart": charts.percent_columns(on_time_columns) if on_time.delivered else "",
        "page": page, "pages": pages, "has_previous": page > 1, "has_next": page < pages,
        "query": _query_string(form, exclude=("status", "pagina")),
        "list_query": _query_string(form, exclude=("pagina",)),
        "filtered": any([filters.q, filters.committee, filters.ministry, filters.minister]),
        "can_change": request.user.has_perm(CHANGE),
    })


def _mark(row: Commitment, today: dt.date) -> None:
    """What the list shows about one row: how late, how soon, where its record page is."""
    row.is_outstanding = row.status in OUTSTANDING  # type: ignore[attr-defined]
    row.is_late = bool(row.is_outstanding and row.overdue_since)  # type: ignore[attr-defined]
    row.is_soon = bool(row.is_outstanding and row.due_soon_since and not row.is_late)  # type: ignore[attr-defined]
    row.days_late = (today - row.due_date).days if row.is_late and row.due_date else 0  # type: ignore[attr-defined]
    row.days_left = max((row.due_date - today).days, 0) if row.is_soon and row.due_date else 0  # type: ignore[attr-defined]
    row.record_url = _record_url(row)  # type: ignore[attr-defined]


def _export_name(extension: str) -> str:
    return f"toezeggingen-{timezone.localdate():%Y-%m-%d}.{extension}"


@login_required
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    filters = FilterForm(request.GET or None).filters()
    response = StreamingHttpResponse(csv_lines(commitment_rows(filters)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_name("csv")}"'
    return response


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    filters = FilterForm(request.GET or None).filters()
    response = HttpResponse(
        xlsx_bytes(commitment_rows(filters)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_name("xlsx")}"'
    return response


@login_required
def slipped(request: HttpRequest) -> HttpResponse:
    """Records whose deadline the government moved later, with how far."""
    form = FilterForm(request.GET or None)
    rows = list(slipped_rows(form.filters())[:200])
    return render(request, "followup/slipped.html", {"form": form, "rows": rows, "query": _query_string(form)})


def _record_url(commitment: Commitment) -> str:
    try:
        return reverse("commitment-detail", args=[commitment.pk])
    except NoReverseMatch:
        return reverse("commitment-followup", args=[commitment.pk])


def _back(request: HttpRequest, commitment: Commitment) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse("commitment-followup", args=[commitment.pk])


def _followup_page(request: HttpRequest, commitment: Commitment, *, delivery_form: DeliveryForm | None = None,
                   status_form: StatusForm | None = None, status: int = 200) -> HttpResponse:
    return render(request, "followup/commitment_followup.html", {
        "commitment": commitment, "deadline_revisions": deadline_history(commitment),
        "delivery_form": delivery_form, "status_form": status_form, "record_url": _record_url(commitment),
    }, status=status)


def _alive_commitment(pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.alive().select_related("ministry", "committee", "minister", "fulfilled_by", "document"),
        pk=pk,
    )


@login_required
def commitment_followup(request: HttpRequest, pk: int) -> HttpResponse:
    """One record's follow-up: deadline history, and recording delivery (POST)."""
    commitment = _alive_commitment(pk)
    if request.method != "POST":
        return _followup_page(request, commitment)
    if not request.user.has_perm(CHANGE):
        return HttpResponse(status=403)
    form = DeliveryForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            commitment_record_delivery(
                commitment=commitment, user=request.user, status=data["status"], fulfilled_on=data["fulfilled_on"],
                document=data["document"], kamerstuk=data["kamerstuk"], note=data["note"],
                expected_version=data["expected_version"],
            )
        except StaleRecordError as exc:
            messages.error(request, exc.message)
            return redirect(_back(request, commitment))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Nakoming vastgelegd: %(status)s.") % {
                "status": Commitment.Status(data["status"]).label})
            return redirect(_back(request, commitment))
    return _followup_page(request, commitment, delivery_form=form, status=400)


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def commitment_status(request: HttpRequest, pk: int) -> HttpResponse:
    commitment = _alive_commitment(pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            commitment_set_status(commitment=commitment, user=request.user, status=data["status"], note=data["note"],
                                  expected_version=data["expected_version"])
        except StaleRecordError as exc:
            messages.error(request, exc.message)
            return redirect(_back(request, commitment))
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Status gewijzigd in %(status)s.") % {
                "status": Commitment.Status(data["status"]).label})
            return redirect(_back(request, commitment))
    return _followup_page(request, commitment, status_form=form, status=400)


def _add_errors(form: DeliveryForm | StatusForm | RappelAnswerForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


# --- rappel ---------------------------------------------------------------------


@login_required
def rappel_list(request: HttpRequest) -> HttpResponse:
    form = RappelForm(request.POST or None, initial={"reference_date": timezone.localdate()})
    if request.method == "POST":
        if not request.user.has_perm(CHANGE):
            return HttpResponse(status=403)
        if form.is_valid():
            data = form.cleaned_data
            rappel = rappel_create(title=data["title"], reference_date=data["reference_date"],
                                   answer_by=data["answer_by"], user=request.user)
            messages.success(request, _("Rappel aangemaakt."))
            return redirect("rappel-detail", pk=rappel.pk)
    rappels = Rappel.objects.all()[:50]
    return render(request, "followup/rappel_list.html", {"form": form, "rappels": rappels},
                  status=400 if form.errors else 200)


@login_required
def rappel_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rappel = get_object_or_404(Rappel, pk=pk)
    return render(request, "followup/rappel_detail.html", {
        "rappel": rappel, "rows": rappel_overview(rappel), "can_change": request.user.has_perm(CHANGE),
        "missing": missing_ministry(rappel), "ministries": Ministry.objects.order_by("name").only("pk", "name"),
    })


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def rappel_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Give a record left out of the rappel its ministry (and put it in the rappel)."""
    rappel = get_object_or_404(Rappel, pk=pk)
    form = AssignMinistryForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een ministerie."))
        return redirect(reverse("rappel-detail", args=[pk]) + "#zonder-ministerie")
    data = form.cleaned_data
    try:
        item = rappel_assign_ministry(rappel=rappel, commitment=data["commitment"], ministry=data["ministry"],
                                      user=request.user, expected_version=data["expected_version"])
    except (ValidationError, StaleRecordError, Commitment.DoesNotExist) as exc:
        messages.error(request, exc.message if isinstance(exc, StaleRecordError)
                       else _("Dat lukte niet: %(why)s") % {"why": " ".join(getattr(exc, "messages", [str(exc)]))})
    else:
        messages.success(request, _("Ministerie toegewezen; de toezegging staat nu in de rappel aan %(m)s.")
                         % {"m": data["ministry"].name} if item else _("Ministerie toegewezen."))
    return redirect(reverse("rappel-detail", args=[pk]) + "#zonder-ministerie")


@login_required
def rappel_ministry(request: HttpRequest, pk: int, ministry_pk: int) -> HttpResponse:
    """The printable rappel letter for one ministry, with its answers so far."""
    rappel = get_object_or_404(Rappel, pk=pk)
    ministry = get_object_or_404(Ministry, pk=ministry_pk)
    items = rappel_ministry_items(rappel, ministry)
    return render(request, "followup/rappel_ministry.html", {
        "rappel": rappel, "ministry": ministry, "sections": _sections(items),
        "unreviewed_note": UNREVIEWED_NOTE if items.has_unreviewed else "",
    })


def _sections(items: MinistryItems) -> list[tuple[str, list[RappelItem], str]]:
    return [(_("Termijn verstreken"), items.overdue, "overdue"),
            (_("Verloopt binnen zes maanden"), items.expiring, "expiring")]


@login_required
def rappel_ministry_pdf(request: HttpRequest, pk: int, ministry_pk: int) -> HttpResponse:
    rappel = get_object_or_404(Rappel, pk=pk)
    ministry = get_object_or_404(Ministry, pk=ministry_pk)
    response = HttpResponse(rappel_pdf(rappel, ministry, rappel_ministry_items(rappel, ministry)),
                            content_type="application/pdf")
    slug = (ministry.abbreviation or str(ministry.pk)).lower().replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="rappel-{rappel.reference_date:%Y-%m-%d}-{slug}.pdf"'
    return response


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def rappel_link(request: HttpRequest, pk: int, ministry_pk: int) -> HttpResponse:
    """Make (or replace) a ministry's secret answer link and show it once."""
    rappel = get_object_or_404(Rappel, pk=pk)
    ministry = get_object_or_404(Ministry, pk=ministry_pk)
    token = rappel_issue_link(rappel=rappel, ministry=ministry, user=request.user)
    url = request.build_absolute_uri(reverse("rappel-answer", args=[token]))
    response = render(request, "followup/rappel_link.html", {"rappel": rappel, "ministry": ministry, "url": url})
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def rappel_answer_page(request: HttpRequest, token: str) -> HttpResponse:
    """The ministry's page behind the secret link: no login, answers per item."""
    link = rappel_token_lookup(token)
    if link is None:
        response = render(request, "followup/rappel_link_invalid.html", status=404)
        response["Referrer-Policy"] = "same-origin"
        return response
    form = RappelAnswerForm(request.POST or None)
    failed_item = None
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                rappel_answer(rappel=link.rappel, ministry=link.ministry, item_id=data["item"], kind=data["kind"],
                              reason=data["reason"], expected_on=data["expected_on"], kamerstuk=data["kamerstuk"])
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Dank u; uw antwoord is opgeslagen."))
                return redirect(reverse("rappel-answer", args=[token]) + f"#punt-{data['item']}")
        failed_item = str(form.data.get("item", ""))
    items = rappel_ministry_items(link.rappel, link.ministry)
    for item in items.overdue + items.expiring:
        item.failed = str(item.pk) == failed_item  # type: ignore[attr-defined]  # reopen its form with the errors
    response = render(request, "followup/rappel_answer.html", {
        "rappel": link.rappel, "ministry": link.ministry, "sections": _sections(items), "form": form,
        "today": timezone.localdate(), "unreviewed_note": UNREVIEWED_NOTE if items.has_unreviewed else "",
    }, status=400 if form.errors else 200)
    # The token is in the URL: never send it to another site. (Not "no-referrer":
    # browsers then send "Origin: null" and Django's CSRF check refuses the answer.)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
