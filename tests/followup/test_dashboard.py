import datetime as dt
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DocumentFactory,
    MinistryFactory,
    PersonFactory,
)
from tracker.followup.dashboard import Filters, dashboard_summary, on_time_figures, quarters_back
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment, Person

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def make(text: str, due: dt.date | None, *, ministry: str = "Buitenlandse Zaken", committee: str = "Buitenlandse Zaken",
         **kwargs: object) -> Commitment:
    document = DocumentFactory(ministry=MinistryFactory(name=ministry, abbreviation=ministry[:3].upper()),
                               committee=CommitteeFactory(name=committee))
    extra = {"precision": "vague"} if due is None else {}
    return CommitmentFactory(document=document, text=text, due_date=due, window_start=None, **extra, **kwargs)


def rows_in_order(html: str) -> list[str]:
    return re.findall(r'<td class="text">([^<]+)', html)


def test_a_clerk_sees_overdue_first_then_due_soon_then_the_rest(clerk_client):
    make("Later: brief over handelsakkoorden", days(90))
    make("Binnenkort: brief over exportcontrole", days(5))
    make("Te laat: evaluatie van het Dutch Good Growth Fund", days(-20))
    make("Zonder datum: visie op ontwikkelingshulp", None)
    flag_overdue(today=TODAY)

    response = clerk_client.get(reverse("home"))

    assert response.status_code == 200
    html = response.content.decode()
    order = [text.strip().split(":")[0] for text in rows_in_order(html)]
    assert order == ["Te laat", "Binnenkort", "Later", "Zonder datum"]
    assert "20 dagen te laat" in html
    assert "nog 5 dagen" in html
    tiles = re.findall(r'<span class="number">([^<]+)</span><span class="label">([^<]+)</span>', html)
    assert ("1", "te laat") in tiles and ("1", "binnenkort") in tiles and ("4", "nog na te komen") in tiles


def test_rejected_and_deleted_records_never_count(clerk_client):
    make("Telt mee", days(-3))
    make("Afgewezen", days(-3), review_state=Commitment.ReviewState.REJECTED)
    make("Verwijderd", days(-3), deleted_at=timezone.now())
    flag_overdue(today=TODAY)
    summary = dashboard_summary(Filters())
    assert (summary.total, summary.overdue) == (1, 1)
    html = clerk_client.get(reverse("home")).content.decode()
    assert "Telt mee" in html and "Afgewezen" not in html and "Verwijderd" not in html


def test_partly_delivered_stays_outstanding_and_can_be_overdue():
    make("Deels", days(-3), status=Commitment.Status.PARTLY_DELIVERED)
    make("Voldaan", days(-3), status=Commitment.Status.DELIVERED)
    flag_overdue(today=TODAY)
    summary = dashboard_summary(Filters())
    assert (summary.outstanding, summary.overdue) == (1, 1)
    assert {value: n for value, _label, n in summary.by_status} == {
        "open": 0, "delivered": 1, "partly_delivered": 1, "withdrawn": 0, "closed": 0, "partly_closed": 0,
    }


def test_counts_by_committee_ministry_and_minister(clerk_client):
    minister = PersonFactory(name="Klever", role=Person.Role.MINISTER, party="")
    make("a", days(-1), ministry="Defensie", committee="Defensie", minister=minister)
    make("b", days(-2), ministry="Defensie", committee="Defensie")
    make("c", days(3), ministry="Financiën", committee="Financiën")
    make("d", days(100), ministry="Financiën", committee="Financiën", status=Commitment.Status.DELIVERED)
    flag_overdue(today=TODAY)

    summary = dashboard_summary(Filters())

    by_ministry = {g.name: (g.overdue, g.due_soon, g.outstanding, g.closed) for g in summary.by_ministry}
    assert by_ministry == {"Defensie": (2, 0, 2, 0), "Financiën": (0, 1, 1, 1)}
    assert [g.name for g in summary.by_ministry] == ["Defensie", "Financiën"]  # most overdue first
    assert {g.name: g.overdue for g in summary.by_minister} == {"Klever": 1, "": 1}
    assert {g.name: g.outstanding for g in summary.by_committee} == {"Defensie": 2, "Financiën": 1}
    html = clerk_client.get(reverse("home")).content.decode()
    assert "Per status" in html and "Voldaan" in html and "Openstaand" in html


def test_filters_narrow_counts_and_list(clerk_client):
    defensie = make("Defensie-toezegging", days(-1), ministry="Defensie", committee="Defensie")
    make("Financiën-toezegging", days(-1), ministry="Financiën", committee="Financiën")
    flag_overdue(today=TODAY)

    response = clerk_client.get(reverse("home"), {"ministry": defensie.ministry_id})

    html = response.content.decode()
    assert "Defensie-toezegging" in html and "Financiën-toezegging" not in html
    assert response.context["summary"].overdue == 1
    # an unknown id is ignored, not an error
    assert clerk_client.get(reverse("home"), {"ministry": "999999", "status": "nonsense"}).status_code == 200


def test_status_filter_uses_the_kamers_statuses(clerk_client):
    make("Open", days(10))
    make("Afgedaan door de commissie", days(10), status=Commitment.Status.CLOSED)
    html = clerk_client.get(reverse("home"), {"status": "closed"}).content.decode()
    assert "Afgedaan door de commissie" in html and ">Open<" not in html
    assert '<span class="badge st-closed">Afgedaan</span>' in html


def test_search_finds_words_and_register_numbers(clerk_client):
    stikstof = make("De minister stuurt voor de zomer een brief over stikstofvergunningen.", days(30))
    make("Uw Kamer ontvangt een evaluatie van de handelsmissies.", days(30))

    html = clerk_client.get(reverse("home"), {"q": "brief"}).content.decode()
    assert "stikstofvergunningen" in html and "handelsmissies" not in html

    html = clerk_client.get(reverse("home"), {"q": stikstof.register_number}).content.decode()
    assert "stikstofvergunningen" in html and "handelsmissies" not in html


def test_dutch_full_text_search_matches_word_forms_on_postgresql(clerk_client):
    if not settings.IS_POSTGRES:
        pytest.skip("Dutch stemming is PostgreSQL's text search; SQLite uses icontains")
    make("De regering zal de regels voor arbeidsmigratie onderzoeken.", days(30))
    make("Een brief over de handelsmissies.", days(30))
    html = clerk_client.get(reverse("home"), {"q": "onderzoek arbeidsmigratie"}).content.decode()
    assert "arbeidsmigratie" in html and "handelsmissies" not in html


def test_the_dashboard_uses_the_same_number_of_queries_for_any_number_of_rows(clerk_client):
    def queries(extra: int) -> int:
        for n in range(extra):
            minister = PersonFactory(role=Person.Role.MINISTER)
            make(f"rij {n}", days(n - 10), ministry=f"Ministerie {n}", committee=f"Commissie {n}", minister=minister,
                 status=Commitment.Status.DELIVERED if n % 3 == 0 else Commitment.Status.OPEN,
                 fulfilled_on=days(-n) if n % 3 == 0 else None, delivered_on_time=(n % 2 == 0) if n % 3 == 0 else None)
        flag_overdue(today=TODAY)
        with CaptureQueriesContext(connection) as captured:
            assert clerk_client.get(reverse("home")).status_code == 200
        return len(captured)

    few = queries(2)
    many = queries(30)
    assert few == many


def test_the_dashboard_query_count_is_fixed(clerk_client, django_assert_num_queries):
    make("a", days(-1), minister=PersonFactory(role=Person.Role.MINISTER))
    # session, user, 3 filter choice lists, summary + 3 name look-ups, on-time, page of rows, 2 permission look-ups
    with django_assert_num_queries(13):
        clerk_client.get(reverse("home"))


def test_charts_are_svg_with_a_table_for_screen_readers(clerk_client):
    make("a", days(-1), ministry="Defensie")
    make("b", days(-1), ministry="Defensie")
    make("c", days(-10), ministry="Financiën", status=Commitment.Status.DELIVERED, fulfilled_on=days(-2),
         delivered_on_time=False)
    flag_overdue(today=TODAY)
    html = clerk_client.get(reverse("home")).content.decode()
    assert html.count('<svg class="chart"') == 2
    assert 'aria-hidden="true"' in html
    overdue_table = html.split("Aantal toezeggingen te laat per ministerie", 1)[1].split("</table>", 1)[0]
    assert '<th scope="row">Defensie</th><td>2</td>' in overdue_table
    assert "Percentage op tijd nagekomen per kwartaal" in html
    assert "<script" not in html.split("<main", 1)[1]  # no JavaScript needed for charts


def test_on_time_rate_per_quarter_and_ministry():
    late = make("te laat", days(-40), ministry="Defensie", status=Commitment.Status.DELIVERED,
                fulfilled_on=days(-1), delivered_on_time=False)
    make("op tijd", days(-1), ministry="Defensie", status=Commitment.Status.DELIVERED, fulfilled_on=days(-1),
         delivered_on_time=True)
    make("lang geleden", days(-2000), ministry="Defensie", status=Commitment.Status.DELIVERED,
         fulfilled_on=days(-2000), delivered_on_time=True)

    figures = on_time_figures(Filters(), today=TODAY)

    assert (figures.delivered, figures.on_time, figures.rate) == (2, 1, 50)
    assert figures.by_ministry[late.ministry_id].rate == 50
    assert figures.by_quarter[-1].delivered == 2 or figures.by_quarter[-2].delivered >= 1
    assert len(figures.by_quarter) == 8


def test_quarters_back_counts_whole_quarters():
    assert quarters_back(dt.date(2026, 2, 15), 3) == [dt.date(2025, 7, 1), dt.date(2025, 10, 1), dt.date(2026, 1, 1)]


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.django_db(transaction=True)
def test_the_tallies_stay_equal_to_counting_live_on_postgresql(clerk):
    if not settings.IS_POSTGRES:
        pytest.skip("the tallies are kept by PostgreSQL triggers; SQLite counts live")
    from tracker.followup import dashboard
    from tracker.followup.delivery import commitment_record_delivery

    def live(filters: Filters) -> tuple[list, list]:
        settings.IS_POSTGRES = False
        try:
            return (sorted(dashboard.group_counts(filters), key=str),
                    [(q.label, q.delivered, q.on_time) for q in on_time_figures(filters, today=TODAY).by_quarter])
        finally:
            settings.IS_POSTGRES = True

    def tallied(filters: Filters) -> tuple[list, list]:
        return (sorted(dashboard.group_counts(filters), key=str),
                [(q.label, q.delivered, q.on_time) for q in on_time_figures(filters, today=TODAY).by_quarter])

    minister = PersonFactory(role=Person.Role.MINISTER)
    rows = [make(f"r{n}", days(n * 7 - 30), ministry=f"M{n % 3}", committee=f"C{n % 2}",
                 minister=minister if n % 2 else None) for n in range(12)]
    flag_overdue(today=TODAY)
    commitment_record_delivery(commitment=rows[0], user=clerk, status="delivered", fulfilled_on=TODAY,
                               kamerstuk="1", expected_version=1)
    commitment_record_delivery(commitment=rows[1], user=clerk, status="partly_delivered", fulfilled_on=TODAY,
                               kamerstuk="1", note="rest volgt", expected_version=1)
    Commitment.objects.filter(pk=rows[2].pk).update(review_state=Commitment.ReviewState.REJECTED)
    Commitment.objects.filter(pk=rows[3].pk).update(deleted_at=timezone.now())
    Commitment.objects.filter(pk=rows[4].pk).update(ministry=rows[5].ministry, committee=None)
    Commitment.objects.filter(pk=rows[6].pk).delete()
    Commitment.objects.filter(pk__in=[rows[7].pk, rows[8].pk]).update(due_date=days(-100))
    Commitment.objects.filter(pk__in=[rows[8].pk, rows[9].pk]).update(review_state=Commitment.ReviewState.CONFIRMED)
    flag_overdue(today=TODAY)

    for filters in (Filters(), Filters(ministry=rows[5].ministry_id), Filters(committee=rows[0].committee_id),
                    Filters(minister=minister.pk), Filters(reviewed_only=True),
                    Filters(ministry=rows[5].ministry_id, reviewed_only=True)):
        assert tallied(filters) == live(filters)
    assert dashboard_summary(Filters()).total == Commitment.objects.alive().count() == 9


def test_exports_and_pages_keep_the_filters_the_clerk_chose(clerk_client):
    for n in range(30):
        make(f"rij {n}", days(n - 40))
    flag_overdue(today=TODAY)
    html = clerk_client.get(reverse("home"), {"status": "overdue", "q": "rij"}).content.decode()
    assert f'{reverse("followup-export-csv")}?status=overdue&amp;q=rij' in html
    assert "?status=overdue&amp;q=rij&amp;pagina=2#lijst" in html
    second = clerk_client.get(reverse("home"), {"status": "overdue", "q": "rij", "pagina": "2"})
    assert len(rows_in_order(second.content.decode())) == 5


def test_the_clerk_chooses_whether_counts_include_unreviewed_records_and_the_page_says_which(clerk_client):
    make("Gevonden, niet beoordeeld", days(-3))
    make("Bevestigd en te laat", days(-4), review_state=Commitment.ReviewState.CONFIRMED)
    make("Gecorrigeerd, binnenkort", days(3), review_state=Commitment.ReviewState.CORRECTED)
    flag_overdue(today=TODAY)

    def tiles(html: str) -> dict[str, str]:
        return {label: n for n, label in re.findall(
            r'<span class="number">([^<]+)</span><span class="label">([^<]+)</span>', html)}

    everything = clerk_client.get(reverse("home")).content.decode()
    assert tiles(everything)["te laat"] == "2" and tiles(everything)["nog na te komen"] == "3"
    assert "tellen ook niet-beoordeelde records: 1 nog na te komen record is niet beoordeeld (1 te laat)" in everything
    assert "niet beoordeeld</span>" in everything  # the row says so

    reviewed = clerk_client.get(reverse("home"), {"beoordeeld": "ja"}).content.decode()
    assert tiles(reviewed)["te laat"] == "1" and tiles(reviewed)["nog na te komen"] == "2"
    assert "tellen alleen records die een beoordelaar heeft bevestigd of gecorrigeerd" in reviewed
    assert "Gevonden, niet beoordeeld" not in reviewed


def test_drill_down_links_replace_a_filter_instead_of_repeating_it(clerk_client):
    row = make("Brief over de voortgang", days(10))
    html = clerk_client.get(reverse("home"), {"committee": row.committee_id, "status": "all"}).content.decode()
    links = re.findall(r'href="\?([^"#]*)', html)
    assert links and all(link.count("committee=") <= 1 for link in links)
    assert f"status=all&amp;committee={row.committee_id}" in html
