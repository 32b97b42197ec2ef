"""iCalendar feeds of deadlines at secret URLs (Outlook subscribes to them)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import CommitmentFactory, CommitteeFactory, DocumentFactory
from tracker.api.ical import AllDayEvent, calendar, escape_text, fold
from tracker.api.models import CalendarFeed
from tracker.api.tokens import calendar_feed_create
from tracker.models import Commitment


def unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    line = "DESCRIPTION:" + "Uw Kamer ontvangt vóór de zomer één brief over de financiën; " * 4
    folded = fold(line)
    physical = folded.split("\r\n")[:-1]
    assert folded.endswith("\r\n") and len(physical) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert all(part.startswith(" ") for part in physical[1:])
    assert folded.replace("\r\n ", "").rstrip("\r\n") == line


def test_text_is_escaped():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_an_all_day_event_has_the_required_properties():
    event = AllDayEvent(uid="toezegging-1@nakoming", day=dt.date(2026, 6, 1), summary="TZ202601-001: brief",
                        description="x", stamp=dt.datetime(2026, 1, 28, 9, 30, tzinfo=dt.UTC), sequence=2)
    lines = unfold("".join(calendar("Test", [event])))
    assert lines[0] == "BEGIN:VCALENDAR" and "END:VCALENDAR" in lines
    assert "DTSTART;VALUE=DATE:20260601" in lines and "DTEND;VALUE=DATE:20260602" in lines
    assert "DTSTAMP:20260128T093000Z" in lines and "UID:toezegging-1@nakoming" in lines
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)


@pytest.mark.django_db
def test_a_committee_feed_lists_its_open_deadlines_as_all_day_events(client):
    committee = CommitteeFactory(name="Financiën")
    document = DocumentFactory(committee=committee)
    mine = CommitmentFactory(document=document, committee=committee, text="Brief; over kosten, baten\nen meer",
                             due_date=dt.date(2026, 9, 1), window_start=None)
    CommitmentFactory(document=document, committee=committee, status=Commitment.Status.DELIVERED)
    CommitmentFactory(document=document, committee=committee, deleted_at=timezone.now())
    CommitmentFactory()  # another committee
    issued = calendar_feed_create(name="Commissie Financiën", committee=committee)

    response = client.get(f"/api/v1/calendar/{issued.raw}.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = unfold(body)
    assert lines.count("BEGIN:VEVENT") == 1
    assert f"UID:toezegging-{mine.pk}@localhost" in lines
    assert "DTSTART;VALUE=DATE:20260901" in lines
    assert f"URL:http://localhost:8000/toezeggingen/{mine.pk}/" in lines
    assert any(line.startswith("DESCRIPTION:Brief\\; over kosten\\, baten\\nen meer") for line in lines)
    assert "X-WR-CALNAME:Nakoming: Commissie Financiën" in lines
    again = client.get(f"/api/v1/calendar/{issued.raw}.ics")
    assert again.content == response.content  # stable UIDs and stamps: calendars see no spurious changes
    assert client.get(f"/api/v1/calendar/{issued.raw}.ics", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.django_db
def test_unknown_and_revoked_feeds_are_404(client):
    issued = calendar_feed_create(name="alles")
    assert client.get(f"/api/v1/calendar/{issued.raw}.ics").status_code == 200
    assert client.get("/api/v1/calendar/cal_verzonnen.ics").status_code == 404
    CalendarFeed.objects.filter(pk=issued.feed.pk).update(revoked_at=timezone.now())
    assert client.get(f"/api/v1/calendar/{issued.raw}.ics").status_code == 404


@pytest.mark.django_db
def test_a_system_creates_a_feed_sees_its_secret_once_and_can_revoke_it(writer, client):
    committee = CommitteeFactory(name="Financiën")
    CommitmentFactory(committee=committee)
    created = writer.post("/api/v1/calendar-feeds/", {"name": "Financiën", "committee": committee.pk},
                          format="json")
    assert created.status_code == 201, created.content
    url = created.json()["url"]
    assert "/api/v1/calendar/cal_" in url and url.endswith(".ics")
    path = url[url.index("/api/"):]
    assert client.get(path).status_code == 200
    stored = CalendarFeed.objects.get()
    assert stored.key_hash not in url and path.split("/")[-1][:-4] not in str(stored.__dict__)

    listed = writer.get("/api/v1/calendar-feeds/").json()["results"]
    assert [row["name"] for row in listed] == ["Financiën"] and "url" not in listed[0]

    assert writer.delete(f"/api/v1/calendar-feeds/{stored.pk}/").status_code == 204
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_creating_a_feed_checks_what_it_selects(writer, api):
    response = writer.post("/api/v1/calendar-feeds/", {"name": "x", "committee": 999999}, format="json")
    assert response.status_code == 400 and "committee" in response.json()["errors"]
    assert api.post("/api/v1/calendar-feeds/", {"name": "x"}, format="json").status_code == 401


@pytest.mark.django_db
def test_a_read_token_cannot_create_or_revoke_a_feed(reader, writer):
    assert reader.post("/api/v1/calendar-feeds/", {"name": "x"}, format="json").status_code == 403
    created = writer.post("/api/v1/calendar-feeds/", {"name": "y"}, format="json")
    assert created.status_code == 201
    assert reader.delete(f"/api/v1/calendar-feeds/{created.json()['id']}/").status_code == 403
    assert CalendarFeed.objects.filter(revoked_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_subscription_feed_follows_what_its_owner_subscribes_to(client, clerk):
    from tests.factories import MinistryFactory, MotionCitationFactory, MotionFactory
    from tracker.alerts.models import Subscription

    finance = CommitteeFactory(name="Financiën")
    by_committee = CommitmentFactory(committee=finance, due_date=dt.date(2026, 7, 1), window_start=None)
    motion = MotionFactory(number="77")
    by_motion = CommitmentFactory(due_date=dt.date(2026, 8, 1), window_start=None)
    MotionCitationFactory(document=by_motion.document, commitment=by_motion, motion=motion)
    CommitmentFactory(ministry=MinistryFactory(name="Defensie"), due_date=dt.date(2026, 9, 1), window_start=None)
    Subscription.objects.create(user=clerk, target="committee", committee=finance)
    Subscription.objects.create(user=clerk, target="motion", motion=motion)

    client.force_login(clerk)
    created = client.post("/api/v1/calendar-feeds/", {"name": "Mijn termijnen", "subscriptions": True},
                          content_type="application/json")
    assert created.status_code == 201, created.content
    url = created.json()["url"]
    client.logout()
    lines = unfold(client.get(url[url.index("/api/"):]).content.decode())
    uids = sorted(line for line in lines if line.startswith("UID:"))
    assert uids == sorted(f"UID:toezegging-{c.pk}@localhost" for c in (by_committee, by_motion))


@pytest.mark.django_db
def test_a_feed_stops_with_its_owner(client, clerk):
    from django.contrib.auth.models import Group

    CommitmentFactory(due_date=dt.date(2026, 7, 1), window_start=None)
    client.force_login(clerk)
    created = client.post("/api/v1/calendar-feeds/", {"name": "Alles"}, content_type="application/json")
    assert created.status_code == 201, created.content
    path = created.json()["url"][created.json()["url"].index("/api/"):]
    client.logout()
    assert client.get(path).status_code == 200

    clerk.groups.remove(Group.objects.get(name="griffier"))
    assert client.get(path).status_code == 404
    clerk.groups.add(Group.objects.get(name="griffier"))
    clerk.is_active = False
    clerk.save(update_fields=["is_active"])
    assert client.get(path).status_code == 404
