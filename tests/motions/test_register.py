"""The register clerks read: filters, the motion page and motions without follow-up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from motions.models import Motion, MotionStatusChange
from motions.selectors import (
    MotionFilters,
    months_before,
    motion_register,
    motions_without_followup,
)
from tests.factories import CommitmentFactory, MotionFactory, MotionSignerFactory
from tests.motions.conftest import cite


def keys(response) -> list[str]:
    return [m.key for m in response.context["page"]]


@pytest.mark.django_db
def test_the_nav_shows_moties_and_the_register_lists_live_motions_newest_first(clerk_client, register):
    home = clerk_client.get(reverse("home"))
    assert f'href="{reverse("motion-list")}"' in home.content.decode()

    response = clerk_client.get(reverse("motion-list"))
    assert response.status_code == 200
    assert keys(response) == ["kst-36800-V-30", "kst-21501-02-3236", "kst-36600-V-12"], "deleted one left out"
    html = response.content.decode()
    assert "Piri (GroenLinks-PvdA), Van der Werf (D66)" in html
    assert "<caption" in html and '<label for="id_lid">Kamerlid</label>' in html
    assert "3 moties gevonden." in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"lid": "piri"}, ["kst-36800-V-30"]),
        ({"lid": "van der"}, ["kst-36800-V-30"]),
        ({"fractie": "GroenLinks-PvdA"}, ["kst-36800-V-30", "kst-36600-V-12"]),
        ({"fractie": "SP"}, ["kst-21501-02-3236"]),
        ({"uitslag": "verworpen"}, ["kst-21501-02-3236"]),
        ({"uitvoering": "deels_uitgevoerd"}, ["kst-36600-V-12"]),
        ({"zoek": "2025Z20001"}, ["kst-36800-V-30"]),
        ({"zoek": "paspoorten"}, ["kst-36800-V-30"]),
        ({"zoek": "kst-21501"}, ["kst-21501-02-3236"]),
        ({"fractie": "GroenLinks-PvdA", "uitslag": "aangenomen", "lid": "klaver"}, ["kst-36600-V-12"]),
    ],
)
@pytest.mark.django_db
def test_clerks_filter_the_register(clerk_client, register, query, expected):
    response = clerk_client.get(reverse("motion-list"), query)
    assert response.status_code == 200
    assert keys(response) == expected


@pytest.mark.django_db
def test_filter_by_committee_and_ministry(clerk_client, register):
    by_committee = clerk_client.get(reverse("motion-list"), {"commissie": register.piri.committee_id})
    assert keys(by_committee) == ["kst-36800-V-30", "kst-36600-V-12"]
    by_ministry = clerk_client.get(reverse("motion-list"), {"ministerie": register.dobbe.ministry_id})
    assert keys(by_ministry) == ["kst-21501-02-3236"]
    bad = clerk_client.get(reverse("motion-list"), {"uitslag": "misschien"})
    assert bad.status_code == 400
    assert "role=\"alert\"" in bad.content.decode()


@pytest.mark.django_db
def test_the_register_costs_the_same_queries_for_3_or_40_motions(clerk_client, register, django_assert_num_queries):
    url = reverse("motion-list")
    clerk_client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as small:
        clerk_client.get(url, {"fractie": "GroenLinks-PvdA"})
    for n in range(40):
        motion = MotionFactory(dossier="36900-V", number=str(n + 1), key=f"kst-36900-V-{n + 1}",
                               date=dt.date(2026, 1, 1), committee=register.piri.committee)
        MotionSignerFactory(motion=motion, name=f"Lid {n}", party="GroenLinks-PvdA")
    with django_assert_num_queries(len(small.captured_queries)):
        response = clerk_client.get(url, {"fractie": "GroenLinks-PvdA"})
    assert len(response.context["page"]) == 42


@pytest.mark.django_db
def test_the_motion_page_shows_text_votes_and_every_citation_in_time_order(clerk_client, register):
    later = cite(register.piri, dt.date(2026, 3, 2), stated="uitgevoerd", text="de motie Piri c.s. is uitgevoerd")
    earlier = cite(register.piri, dt.date(2026, 1, 20), stated="in uitvoering", text="de motie Piri c.s. (nr. 30)")
    commitment = CommitmentFactory(document=earlier.document, text="Uw Kamer ontvangt voor de zomer een brief.",
                                   due_date=dt.date(2026, 7, 3))
    earlier.commitment = commitment
    earlier.save()

    response = clerk_client.get(reverse("motion-detail", args=["kst-36800-V-30"]))
    assert response.status_code == 200
    assert [c.pk for c in response.context["citations"]] == [earlier.pk, later.pk]
    html = response.content.decode()
    assert html.index("20 januari 2026") < html.index("2 maart 2026")
    assert "Uw Kamer ontvangt voor de zomer een brief." in html and "3 juli 2026" in html
    assert "verzoekt de regering paspoorten op afstand te verlengen" in html
    assert "Voor: 49 zetels (GroenLinks-PvdA, VVD)" in html
    assert "Tegen: 37 zetels (PVV)" in html
    assert "ja, volgens de fractie een vergissing" in html
    assert "<dt>Indieners</dt><dd>Piri (GroenLinks-PvdA)</dd>" in html
    assert "<dt>Medeondertekenaars</dt><dd>Van der Werf (D66)</dd>" in html
    assert "Statussuggestie wacht op beoordeling" in html
    assert 'action="/moties/statussuggesties/' not in html, "clerks read, they do not confirm"
    assert "Motie bijwerken" not in html


@pytest.mark.django_db
def test_the_motion_page_404s_for_an_unknown_key_and_flags_a_deleted_motion(clerk_client, register):
    assert clerk_client.get("/moties/kst-99999-1/").status_code == 404
    response = clerk_client.get(reverse("motion-detail", args=["kst-36600-V-13"]))
    assert "verwijderd in de open data" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_log_in(client, register):
    response = client.get(reverse("motion-list"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


# --------------------------------------------------------------------------
# Adopted motions without follow-up
# --------------------------------------------------------------------------


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(dt.date(2026, 8, 31), 6) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 3, 15), 6) == dt.date(2025, 9, 15)
    assert months_before(dt.date(2026, 1, 10), 13) == dt.date(2024, 12, 10)


@pytest.mark.django_db
def test_adopted_motions_without_citation_or_status_change_since_the_vote(register):
    today = dt.date(2026, 7, 1)
    vote = dt.date(2025, 12, 16)  # piri: more than 6 months ago
    assert set(motions_without_followup(today=today).values_list("key", flat=True)) == {
        "kst-36800-V-30", "kst-36600-V-12"}, "rejected and deleted motions never count"

    cite(register.piri, vote - dt.timedelta(days=3))  # cited before the vote: no follow-up
    assert motions_without_followup(today=today).filter(pk=register.piri.pk).exists()
    rejected = cite(register.piri, dt.date(2026, 2, 1), review_state="rejected")
    assert motions_without_followup(today=today).filter(pk=register.piri.pk).exists(), "a rejected citation is none"
    rejected.delete()
    cite(register.piri, dt.date(2026, 2, 1))
    assert not motions_without_followup(today=today).filter(pk=register.piri.pk).exists()

    MotionStatusChange.objects.create(motion=register.klaver, old_status="open", new_status="deels_uitgevoerd")
    assert not motions_without_followup(today=today).filter(pk=register.klaver.pk).exists()


@pytest.mark.django_db
def test_the_followup_window_is_configurable(register):
    assert not motions_without_followup(today=dt.date(2026, 6, 15)).filter(pk=register.piri.pk).exists()
    assert motions_without_followup(today=dt.date(2026, 6, 16)).filter(pk=register.piri.pk).exists(), \
        "exactly six months after the vote it is due"
    assert motions_without_followup(today=dt.date(2026, 3, 16), months=3).filter(pk=register.piri.pk).exists()


@pytest.mark.django_db
def test_clerks_list_motions_without_followup_longest_waiting_first(clerk_client, register, settings):
    settings.MOTION_FOLLOWUP_MONTHS = 4
    today = timezone.localdate()
    Motion.objects.filter(pk=register.piri.pk).update(vote_date=months_before(today, 5))
    Motion.objects.filter(pk=register.klaver.pk).update(vote_date=months_before(today, 9))
    recent = MotionFactory(dossier="36900-V", number="1", key="kst-36900-V-1", vote_date=months_before(today, 2))

    response = clerk_client.get(reverse("motion-list"), {"zonder_opvolging": "on"})
    assert keys(response) == ["kst-36600-V-12", "kst-36800-V-30"]
    assert recent.key not in keys(response)
    html = response.content.decode()
    assert "<h1>Aangenomen moties zonder opvolging</h1>" in html
    assert "minstens 4 maanden geleden" in html
    only_bz = clerk_client.get(reverse("motion-list"), {"zonder_opvolging": "on", "fractie": "GroenLinks-PvdA",
                                                        "lid": "piri"})
    assert keys(only_bz) == ["kst-36800-V-30"]


@pytest.mark.django_db
def test_selectors_can_be_reused_on_any_queryset(register):
    filters = MotionFilters(party="groenlinks-pvda", vote_result="aangenomen")
    assert [m.key for m in motion_register(filters)] == ["kst-36800-V-30", "kst-36600-V-12"]


@pytest.mark.django_db
def test_the_admin_shows_a_motion_but_not_its_status_as_editable(client, administrator, register):
    client.force_login(administrator)
    response = client.get(reverse("admin:motions_motion_change", args=[register.piri.pk]))
    assert response.status_code == 200
    assert 'name="execution_status"' not in response.content.decode()
    assert client.get(reverse("admin:motions_motiontext_changelist")).status_code == 200
