"""Overdue, due soon and outstanding mean the same on every page, feed and e-mail."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.alerts.factories import SubscriptionFactory
from tests.factories import CommitmentFactory, CommitteeFactory, DocumentFactory, UserFactory
from tracker.alerts.coverage import covered_q
from tracker.alerts.events import collect_events
from tracker.alerts.models import AlertEvent, AlertLog
from tracker.api.models import ApiToken
from tracker.api.tokens import api_token_create, calendar_feed_create
from tracker.followup.dashboard import (
    DUE_SOON_VIEW,
    OVERDUE_VIEW,
    Filters,
    commitment_rows,
    dashboard_summary,
)
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment

TODAY = timezone.localdate()
Status, Review = Commitment.Status, Commitment.ReviewState


@pytest.fixture
def records(db) -> dict[str, Commitment]:
    committee = CommitteeFactory(name="Digitale Zaken")
    document = DocumentFactory(committee=committee)

    def make(name: str, due: dt.date | None, **fields: object) -> Commitment:
        return CommitmentFactory(document=document, text=f"Toezegging {name}.", due_date=due, window_start=None,
                                 **fields)

    rows = {
        "late_open": make("late_open", TODAY - dt.timedelta(days=1)),
        "late_partly": make("late_partly", TODAY - dt.timedelta(days=10), status=Status.PARTLY_DELIVERED),
        "due_today": make("due_today", TODAY),
        "due_in_five": make("due_in_five", TODAY + dt.timedelta(days=5)),
        "later": make("later", TODAY + dt.timedelta(days=60)),
        "undated": make("undated", None, deadline_text="", precision="none"),
        "late_delivered": make("late_delivered", TODAY - dt.timedelta(days=20), status=Status.DELIVERED),
        "late_withdrawn": make("late_withdrawn", TODAY - dt.timedelta(days=20), status=Status.WITHDRAWN),
        "late_deleted": make("late_deleted", TODAY - dt.timedelta(days=30), deleted_at=timezone.now()),
        "late_rejected": make("late_rejected", TODAY - dt.timedelta(days=3), review_state=Review.REJECTED),
    }
    flag_overdue()
    return rows


OVERDUE = {"late_open", "late_partly"}
DUE_SOON = {"due_today", "due_in_five"}
OUTSTANDING_DATED = OVERDUE | DUE_SOON | {"later"}


def names(records: dict[str, Commitment], ids) -> set[str]:
    by_pk = {row.pk: name for name, row in records.items()}
    return {by_pk[pk] for pk in ids}


@pytest.fixture
def reader(db) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_token_create(name='feed', scope=ApiToken.Scope.READ).raw}")
    return client


def test_the_dashboard_the_feed_the_calendar_the_alerts_and_the_export_agree(records, client, reader):
    summary = dashboard_summary(Filters())
    assert (summary.overdue, summary.due_soon) == (len(OVERDUE), len(DUE_SOON))
    assert names(records, commitment_rows(Filters(status=OVERDUE_VIEW)).values_list("pk", flat=True)) == OVERDUE
    assert names(records, commitment_rows(Filters(status=DUE_SOON_VIEW)).values_list("pk", flat=True)) == DUE_SOON

    # The REST feed, over HTTP: the filter and the field.
    late = reader.get("/api/v1/commitments/", {"overdue": "true", "page_size": 100}).json()["results"]
    assert names(records, [row["id"] for row in late]) == OVERDUE
    everything = reader.get("/api/v1/commitments/", {"page_size": 100}).json()["results"]
    assert names(records, [row["id"] for row in everything if row["overdue"]]) == OVERDUE
    not_late = reader.get("/api/v1/commitments/", {"overdue": "false", "page_size": 100}).json()["results"]
    assert not names(records, [row["id"] for row in not_late]) & OVERDUE

    # The calendar feed lists outstanding, dated records.
    feed = calendar_feed_create(name="alles")
    body = client.get(f"/api/v1/calendar/{feed.raw}.ics").content.decode()
    listed = {int(line.split("-")[1].split("@")[0]) for line in body.split("\r\n") if line.startswith("UID:")}
    assert names(records, listed) == OUTSTANDING_DATED

    # Alerts: the events the hourly collector records.
    collect_events()
    events = AlertEvent.objects.values_list("commitment_id", "kind")
    assert names(records, [pk for pk, kind in events if kind == "overdue"]) == OVERDUE
    assert names(records, [pk for pk, kind in events if kind == "due_soon"]) == DUE_SOON

    # The export marks exactly these as late.
    client.force_login(UserFactory(username="carla", role="griffier"))
    response = client.get(reverse("followup-export-csv"), {"status": "all"})
    text = b"".join(response.streaming_content).decode("utf-8")[1:]
    exported = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    late_texts = {row["Tekst"] for row in exported if row["TeLaatSinds"]}
    assert late_texts == {f"Toezegging {name}." for name in OVERDUE}


def test_a_subscription_covers_the_same_records_in_the_calendar_and_in_the_alerts(records, client):
    follower = UserFactory(username="volger", email="volger@example.org", role="griffier")
    defence = CommitteeFactory(name="Defensie")
    SubscriptionFactory(user=follower, commitment=records["late_open"])
    SubscriptionFactory(user=follower, committee=defence)
    other = CommitmentFactory(committee=defence, due_date=TODAY - dt.timedelta(days=2), window_start=None)
    CommitmentFactory(due_date=TODAY - dt.timedelta(days=2), window_start=None)  # nobody follows this one
    flag_overdue()
    collect_events()
    alerted = set(AlertLog.objects.filter(recipient=follower).values_list("commitment_id", flat=True))
    feed = calendar_feed_create(name="mijn abonnementen", owner=follower, subscriptions=True)
    body = client.get(f"/api/v1/calendar/{feed.raw}.ics").content.decode()
    listed = {int(line.split("-")[1].split("@")[0]) for line in body.split("\r\n") if line.startswith("UID:")}
    assert alerted == listed == {records["late_open"].pk, other.pk}
    assert set(Commitment.objects.filter(covered_q(follower.pk)).values_list("pk", flat=True)) == listed
