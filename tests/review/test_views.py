"""The review pages as a reviewer (and a clerk) uses them, without JavaScript."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import CommitmentFactory, CommitteeFactory, DocumentFactory, MinistryFactory
from tests.review.conftest import build_answered_document, span
from tracker.models import Commitment, DeadlineRevision, ReviewEvent
from tracker.review.services import commitment_confirm, commitment_correct, commitment_reject

pytestmark = pytest.mark.django_db


def queue_ids(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'<article class="record" id="record-(\d+)"', response.content.decode())]


# --- the queue ------------------------------------------------------------------------


def test_queue_lists_unreviewed_records_soonest_deadline_then_lowest_confidence(reviewer_client, answered):
    same_day_less_sure = CommitmentFactory(document=answered.document, due_date=dt.date(2026, 6, 1),
                                           window_start=None, confidence=0.3)
    undated = CommitmentFactory(document=answered.document, due_date=None, window_start=None, precision="vague",
                                confidence=0.1)
    CommitmentFactory(document=answered.document, review_state=Commitment.ReviewState.CONFIRMED)
    CommitmentFactory(document=answered.document, review_state=Commitment.ReviewState.REJECTED)
    CommitmentFactory(document=answered.document, deleted_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    response = reviewer_client.get(reverse("review-queue"))
    assert response.status_code == 200
    assert queue_ids(response) == [same_day_less_sure.pk, answered.letter.pk, answered.evaluation.pk, undated.pk]
    assert "4 toezeggingen wachten op beoordeling" in response.content.decode()


def test_queue_shows_the_question_the_whole_answer_and_the_marks(reviewer_client, answered):
    html = reviewer_client.get(reverse("review-queue")).content.decode()
    record = html[html.index(f'id="record-{answered.letter.pk}"'):html.index(f'id="record-{answered.evaluation.pk}"')]
    assert "Vraag 1" in record and "Jansen" in record and "(VVD)" in record
    assert answered.q1.question_text in record
    assert "Het kabinet werkt aan een nieuwe handelsstrategie." in record  # the answer around the commitment
    assert "Nederland blijft zich inzetten voor open handel." in record
    assert '<mark class="hl hl-commitment hl-deadline">uiterlijk 1 juni</mark>' in record
    assert '<mark class="hl hl-commitment hl-motion">de motie Piri c.s. (Kamerstuk 36 800 V, nr. 30)</mark>' in record
    assert "[begin toezegging]" in record and "[einde termijn]" in record  # heard by screen readers


def test_queue_passage_without_a_question_is_the_surrounding_paragraph(reviewer_client, db):
    text = "Eerste alinea over iets anders.\n\nHet kabinet zal in 2026 een plan sturen. Dat is nodig.\n\nSlot."
    document = DocumentFactory(text=text, content=text.encode())
    start, end = span(text, "Het kabinet zal in 2026 een plan sturen.")
    CommitmentFactory(document=document, text=text[start:end], start=start, end=end, question=None)
    html = reviewer_client.get(reverse("review-queue")).content.decode()
    assert "Dat is nodig." in html
    assert "Eerste alinea" not in html and "Slot." not in html


@pytest.mark.parametrize("param", ["document", "commissie", "ministerie", "soort"])
def test_queue_filters(reviewer_client, answered, param):
    other_document = DocumentFactory(committee=CommitteeFactory(name="Financiën"),
                                     ministry=MinistryFactory(name="Financiën", abbreviation="FIN"))
    other = CommitmentFactory(document=other_document, kind=Commitment.Kind.ACTION)
    value = {"document": other_document.pk, "commissie": other_document.committee_id,
             "ministerie": other_document.ministry_id, "soort": "actie"}[param]
    response = reviewer_client.get(reverse("review-queue"), {param: value})
    assert queue_ids(response) == [other.pk]
    assert "Filters wissen" in response.content.decode()


def test_queue_and_record_page_use_a_fixed_number_of_queries(reviewer_client, django_assert_num_queries):
    first = build_answered_document(content=b"one")
    reviewer_client.get(reverse("review-queue"))  # warm the session
    # 11: the passages are cut in their own query, for the page's rows only, after paging
    with django_assert_num_queries(11):
        reviewer_client.get(reverse("review-queue"))
    for n in range(5):
        build_answered_document(content=f"more {n}".encode())
    with django_assert_num_queries(11):  # the same eleven statements for two records or twelve
        response = reviewer_client.get(reverse("review-queue"))
    assert len(queue_ids(response)) == 12
    commitment_correct(commitment=first.letter, user=None, expected_version=1, values={"actor": "het kabinet"})
    # 11: the delivery form (followup/_delivery_form.html) lists the ministry's recent documents;
    # 12: proposals that it is the same promise as a register entry (templates/opendata/_register_panel.html);
    # 13: the passage is cut in its own query
    with django_assert_num_queries(13):
        reviewer_client.get(reverse("commitment-detail", args=[first.letter.pk]))


def test_clerks_read_records_but_cannot_review(clerk_client, answered):
    assert clerk_client.get(reverse("review-queue")).status_code == 403
    page = clerk_client.get(reverse("commitment-detail", args=[answered.letter.pk]))
    assert page.status_code == 200
    assert "Bevestigen" not in page.content.decode()
    response = clerk_client.post(reverse("review-confirm", args=[answered.letter.pk]), {"version": 1})
    assert response.status_code == 403
    assert not ReviewEvent.objects.exists()
    assert clerk_client.get(reverse("review-stats")).status_code == 200


def test_the_menu_offers_review_to_reviewers_only(reviewer, clerk, answered):
    for user, shown in ((reviewer, True), (clerk, False)):
        client = Client()
        client.force_login(user)
        assert ('href="/beoordelen/">Beoordelen<' in client.get(reverse("document-list")).content.decode()) is shown


# --- confirm and reject from the queue ------------------------------------------------------


def test_confirm_from_the_queue_goes_on_at_the_next_record(reviewer_client, reviewer, answered):
    queue = reviewer_client.get(reverse("review-queue")).content.decode()
    next_url = re.search(rf'action="/beoordelen/{answered.letter.pk}/bevestigen/".*?name="next" value="([^"]+)"',
                         queue, re.S).group(1)
    assert next_url == f"/beoordelen/#record-{answered.evaluation.pk}"
    response = reviewer_client.post(reverse("review-confirm", args=[answered.letter.pk]),
                                    {"version": 1, "next": next_url}, follow=True)
    assert response.redirect_chain[-1][0] == next_url
    assert f"Toezegging #{answered.letter.pk} is bevestigd." in response.content.decode()
    assert queue_ids(response) == [answered.evaluation.pk]
    assert ReviewEvent.objects.get().user == reviewer


def test_a_stale_confirm_says_who_was_first_and_changes_nothing(reviewer_client, answered, administrator):
    commitment_reject(commitment=answered.letter, user=administrator, expected_version=1, reason="duplicate")
    response = reviewer_client.post(
        reverse("review-confirm", args=[answered.letter.pk]),
        {"version": 1, "next": "/beoordelen/", "back": f"/beoordelen/#record-{answered.letter.pk}"}, follow=True,
    )
    assert "intussen gewijzigd door anna" in response.content.decode()
    answered.letter.refresh_from_db()
    assert answered.letter.review_state == "rejected"
    assert ReviewEvent.objects.count() == 1


def test_next_never_leaves_the_site(reviewer_client, answered):
    response = reviewer_client.post(reverse("review-confirm", args=[answered.letter.pk]),
                                    {"version": 1, "next": "https://elders.example/"})
    assert response["Location"] == reverse("commitment-detail", args=[answered.letter.pk])


def test_reject_from_the_queue_with_a_reason(reviewer_client, answered):
    response = reviewer_client.post(reverse("review-reject", args=[answered.evaluation.pk]),
                                    {"version": 1, "reason": "not_commitment", "next": "/beoordelen/"})
    assert response.status_code == 302
    answered.evaluation.refresh_from_db()
    assert (answered.evaluation.review_state, answered.evaluation.reject_reason) == ("rejected", "not_commitment")


def test_reject_for_another_reason_without_explanation_shows_the_error(reviewer_client, answered):
    response = reviewer_client.post(reverse("review-reject", args=[answered.evaluation.pk]),
                                    {"version": 1, "reason": "other"})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary" role="alert"' in html
    assert 'href="#id_note">Toelichting: Licht de andere reden toe.' in html
    assert 'aria-describedby="id_note_error"' in html and 'aria-invalid="true"' in html
    assert Commitment.objects.get(pk=answered.evaluation.pk).review_state == "unreviewed"


# --- correct -----------------------------------------------------------------------------------


def correction_data(commitment: Commitment, **changes: object) -> dict[str, object]:
    data = {
        "version": commitment.version, "text": commitment.text, "actor": commitment.actor,
        "deliverables": "\n".join(commitment.deliverables), "kind": commitment.kind,
        "deadline_text": commitment.deadline_text,
        "due_date": commitment.due_date.isoformat() if commitment.due_date else "",
        "window_start": commitment.window_start.isoformat() if commitment.window_start else "",
        "precision": commitment.precision, "motions": "kst-36800-V-30",
        "question": commitment.question_id or "", "note": "",
    }
    data.update(changes)
    return data


def test_the_correction_form_shows_the_record_and_what_the_extractor_found(reviewer_client, answered):
    html = reviewer_client.get(reverse("review-correct", args=[answered.letter.pk])).content.decode()
    assert 'value="2026-06-01"' in html and 'type="date"' in html
    assert "kst-36800-V-30" in html
    assert "Wat de extractie vond" in html
    assert '<mark class="hl hl-commitment hl-deadline">uiterlijk 1 juni</mark>' in html


def test_correct_a_deadline_through_the_form(reviewer_client, reviewer, answered):
    data = correction_data(answered.letter, deadline_text="uiterlijk 15 juni", due_date="2026-06-15",
                           window_start="2026-06-15", note="nieuwe datum in debat genoemd")
    response = reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]), data)
    assert response.status_code == 302
    event = ReviewEvent.objects.get()
    assert set(event.changes) == {"deadline_text", "due_date", "window_start", "review_state"}  # CRLF text is no edit
    revision = DeadlineRevision.objects.get()
    assert (revision.new_due, revision.created_by, revision.source) == (dt.date(2026, 6, 15), reviewer, "reviewer")
    page = reviewer_client.get(reverse("commitment-detail", args=[answered.letter.pk])).content.decode()
    assert "1 juni 2026" in page and "15 juni 2026" in page and "nieuwe datum in debat genoemd" in page
    assert "14 dagen verschoven" in page


def test_changing_only_the_phrase_recomputes_the_date(reviewer_client, answered):
    data = correction_data(answered.letter, deadline_text="in het derde kwartaal")
    assert reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]), data).status_code == 302
    answered.letter.refresh_from_db()
    assert (answered.letter.window_start, answered.letter.due_date, answered.letter.precision) == (
        dt.date(2026, 7, 1), dt.date(2026, 9, 30), "quarter")


@pytest.mark.parametrize("changes, field, message", [
    ({"due_date": "2026-05-01"}, "due_date", "vóór het begin van de termijn"),
    ({"due_date": "2026-02-30"}, "due_date", "Voer een geldige datum in"),
    ({"precision": "vague"}, "precision", "kan niet de precisie"),
    ({"motions": "motie van Piri"}, "motions", "geen motie-aanduiding"),
    ({"actor": ""}, "actor", "Dit veld is vereist"),
])
def test_invalid_corrections_are_explained_per_field(reviewer_client, answered, changes, field, message):
    response = reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]),
                                    correction_data(answered.letter, **changes))
    html = response.content.decode()
    assert response.status_code == 400
    assert f'href="#id_{field}"' in html and message in html
    assert not ReviewEvent.objects.exists()


def test_a_second_reviewer_sees_the_other_change_and_can_save_deliberately(reviewer_client, answered, administrator):
    data = correction_data(answered.letter, actor="het kabinet")
    commitment_correct(commitment=answered.letter, user=administrator, expected_version=1,
                       values={"due_date": dt.date(2026, 6, 20), "window_start": None})
    response = reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]), data)
    html = response.content.decode()
    assert response.status_code == 409
    assert "intussen gewijzigd door anna" in html and "20 juni 2026" in html
    assert 'name="version" value="2"' in html  # saving again builds on anna's version
    assert 'value="het kabinet"' in html  # what the reviewer typed is kept
    answered.letter.refresh_from_db()
    assert answered.letter.actor == "minister van Buitenlandse Zaken"
    data.update(version=2, due_date="2026-06-20", window_start="")
    assert reviewer_client.post(reverse("review-correct", args=[answered.letter.pk]), data).status_code == 302
    answered.letter.refresh_from_db()
    assert (answered.letter.actor, answered.letter.due_date) == ("het kabinet", dt.date(2026, 6, 20))


# --- merge and split --------------------------------------------------------------------------------


def test_merge_a_repeat_found_in_a_later_document(reviewer_client, answered):
    later = DocumentFactory(title="Brief handelsbeleid 2026")
    repeat = CommitmentFactory(
        document=later, text="Zoals toegezegd ontvangt uw Kamer uiterlijk 1 juni een brief over de voortgang.",
        deliverables=["brief over de voortgang"],
    )
    page = reviewer_client.get(reverse("review-merge", args=[answered.letter.pk])).content.decode()
    assert f'name="duplicates" value="{repeat.pk}"' in page
    response = reviewer_client.post(reverse("review-merge", args=[answered.letter.pk]), {
        "version": 1, "duplicates": [repeat.pk], f"version_{repeat.pk}": 1, "note": "herhaling",
    })
    assert response.status_code == 302
    repeat.refresh_from_db()
    assert repeat.duplicate_of_id == answered.letter.pk and repeat.deleted_at is not None
    record = reviewer_client.get(reverse("commitment-detail", args=[answered.letter.pk])).content.decode()
    assert "Dezelfde toezegging elders" in record and "Brief handelsbeleid 2026" in record
    repeat_page = reviewer_client.get(reverse("commitment-detail", args=[repeat.pk])).content.decode()
    assert f"herhaalt toezegging #{answered.letter.pk}" in repeat_page


def test_merge_by_typed_record_numbers_and_unknown_numbers(reviewer_client, answered):
    response = reviewer_client.post(reverse("review-merge", args=[answered.letter.pk]),
                                    {"version": 1, "other_ids": "999999"})
    assert response.status_code == 400 and "bestaat niet" in response.content.decode()
    response = reviewer_client.post(reverse("review-merge", args=[answered.letter.pk]),
                                    {"version": 1, "other_ids": f"#{answered.evaluation.pk}"})
    assert response.status_code == 302
    assert Commitment.objects.get(pk=answered.evaluation.pk).duplicate_of_id == answered.letter.pk


def test_split_through_the_form(reviewer_client, answered):
    prefix = {"deel1": answered.letter, "deel2": answered.letter}
    data = {"version": 1, "note": "twee stukken"}
    for name, record in prefix.items():
        for key, value in correction_data(record).items():
            if key not in ("version", "note", "question"):
                data[f"{name}-{key}"] = value
    data["deel1-deliverables"] = "brief over de voortgang"
    data["deel2-deliverables"] = "planning van de handelsstrategie"
    data["deel2-motions"] = ""
    response = reviewer_client.post(reverse("review-split", args=[answered.letter.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    child = Commitment.objects.exclude(pk__in=[answered.letter.pk, answered.evaluation.pk]).get()
    assert child.deliverables == ["planning van de handelsstrategie"]
    assert not child.motion_citations.exists()
    assert Commitment.objects.get(pk=answered.letter.pk).motion_citations.count() == 1
    page = reviewer_client.get(reverse("commitment-detail", args=[child.pk])).content.decode()
    assert f"Afgesplitst van toezegging #{answered.letter.pk}" in page


# --- add a missed commitment -----------------------------------------------------------------------


def test_the_add_page_marks_what_was_found_and_carries_offsets(reviewer_client, answered):
    html = reviewer_client.get(reverse("review-add", args=[answered.document.pk])).content.decode()
    assert f'<span data-s="{answered.letter.start}">' in html
    assert 'class="hl hl-other"' in html


def test_add_a_missed_commitment_without_javascript(reviewer_client, reviewer, answered):
    response = reviewer_client.post(reverse("review-add", args=[answered.document.pk]), {
        "quote": answered.missed, "actor": "het kabinet", "kind": "product",
        "deliverables": "kabinetsreactie op het AIV-advies", "deadline_text": "voor de zomer", "precision": "",
    })
    assert response.status_code == 302
    record = Commitment.objects.get(text=answered.missed)
    assert response["Location"] == reverse("commitment-detail", args=[record.pk])
    assert (record.question, record.due_date, record.review_state) == (answered.q2, dt.date(2026, 7, 3), "confirmed")
    page = reviewer_client.get(response["Location"]).content.decode()
    assert "vastgelegd door beoordelaar" in page.lower() and "Handmatig toegevoegd" in page


def test_add_with_offsets_from_a_selection(reviewer_client, answered):
    start, end = span(answered.document.text, answered.missed)
    response = reviewer_client.post(reverse("review-add", args=[answered.document.pk]), {
        "quote": answered.missed, "start": start, "end": end, "actor": "het kabinet", "kind": "informeren",
    })
    assert response.status_code == 302
    assert Commitment.objects.filter(start=start, end=end).exists()


def test_add_refuses_a_quote_that_is_not_in_the_document(reviewer_client, answered):
    response = reviewer_client.post(reverse("review-add", args=[answered.document.pk]), {
        "quote": "Dit heeft de minister nooit geschreven.", "actor": "het kabinet", "kind": "informeren",
    })
    assert response.status_code == 400
    assert "staat niet in het document" in response.content.decode()


# --- the record page and quality figures -----------------------------------------------------------


def test_the_record_page_shows_extracted_values_next_to_the_reviewers(reviewer_client, answered, reviewer):
    commitment_correct(commitment=answered.letter, user=reviewer, expected_version=1,
                       values={"actor": "de staatssecretaris"}, note="ondertekend door de staatssecretaris")
    html = reviewer_client.get(reverse("commitment-detail", args=[answered.letter.pk])).content.decode()
    values = html[html.index("Wat de extractie vond"):html.index("Beoordelingsgeschiedenis")]
    assert "minister van Buitenlandse Zaken" in values and "de staatssecretaris" in values
    history = html[html.index("Beoordelingsgeschiedenis"):]
    assert "Gecorrigeerd" in history and "rob" in history and "ondertekend door de staatssecretaris" in history
    assert re.search(r"<th scope=\"row\">Actor</th><td>minister van Buitenlandse Zaken</td><td>de staatssecretaris</td>",
                     history)
    assert 'id="nakoming"' in html  # the follow-up's delivery block


def test_stats_measure_precision_per_version_and_kind_and_field_corrections(reviewer_client, reviewer, db):
    for state in ["confirmed", "confirmed", "corrected", "rejected"]:
        CommitmentFactory(extractor_version="1.0.0", review_state=state, kind="informeren",
                          extracted={"kind": "informeren"})
    CommitmentFactory(extractor_version="1.0.0", review_state="rejected", kind="actie",
                      extracted={"kind": "product"})  # counts under what the extractor said
    CommitmentFactory(extractor_version="0.9.0", review_state="confirmed")
    CommitmentFactory(extractor_version="", review_state="confirmed")  # added by hand: not counted
    corrected = CommitmentFactory(extractor_version="1.0.0")
    commitment_correct(commitment=corrected, user=reviewer, expected_version=1,
                       values={"due_date": dt.date(2026, 7, 1), "window_start": None})
    commitment_confirm(commitment=CommitmentFactory(extractor_version="1.0.0"), user=reviewer, expected_version=1)
    html = reviewer_client.get(reverse("review-stats")).content.decode()
    total = re.search(r"Versie 1\.0\.0</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>\s*<td>([^<]+)</td>", html)
    assert total.groups() == ("3", "2", "2", "71%")  # 5 of 7 were real commitments
    assert re.search(r"</span>Kamer informeren</th><td>3</td><td>2</td><td>1</td>\s*<td>83%</td>", html)
    assert re.search(r"</span>product leveren</th><td>0</td><td>0</td><td>1</td>\s*<td>0%</td>", html)
    assert "Versie 0.9.0" in html
    assert re.search(r"<th scope=\"row\">Uiterste datum</th><td>1</td><td>20%</td>", html)  # 1 of 5 kept records
