import datetime as dt

import pytest

from tests.factories import CommitmentFactory, DocumentFactory
from tracker.ingest.fulfilment import suggest_fulfilments
from tracker.models import Commitment, FulfilmentSuggestion


@pytest.fixture
def promise(db):
    return CommitmentFactory(
        document=DocumentFactory(content=b"oud", reference_date=dt.date(2026, 1, 28)),
        deliverables=["Afrikastrategie"], text="De Afrikastrategie verschijnt in het derde kwartaal.",
    )


def letter(title: str, text: str = "", **kwargs):
    return DocumentFactory(content=title.encode(), title=title, text=text or title, kind="brief",
                           reference_date=dt.date(2026, 9, 1), **kwargs)


def test_a_letter_named_after_the_promised_product_is_suggested(promise):
    document = letter("Afrikastrategie: samen werken aan welvaart", ministry=promise.ministry)
    [suggestion] = suggest_fulfilments(document)
    assert suggestion.commitment == promise
    assert suggestion.score >= 0.7
    assert suggestion.matched_words == ["afrikastrategie"]
    promise.refresh_from_db()
    assert promise.status == Commitment.Status.OPEN, "a suggestion never closes a commitment"


def test_an_unrelated_letter_suggests_nothing(promise):
    assert suggest_fulfilments(letter("Voortgang visserijbeleid", ministry=promise.ministry)) == []


def test_only_promises_made_before_the_document_and_still_open_are_suggested(promise):
    CommitmentFactory(document=DocumentFactory(content=b"later", reference_date=dt.date(2026, 12, 1)),
                      deliverables=["Afrikastrategie"])
    CommitmentFactory(deliverables=["Afrikastrategie"], status=Commitment.Status.DELIVERED)
    CommitmentFactory(deliverables=["Afrikastrategie"], review_state=Commitment.ReviewState.REJECTED)
    suggestions = suggest_fulfilments(letter("Afrikastrategie", ministry=promise.ministry))
    assert [s.commitment for s in suggestions] == [promise]


def test_suggesting_twice_adds_nothing(promise):
    document = letter("Afrikastrategie", ministry=promise.ministry)
    suggest_fulfilments(document)
    suggest_fulfilments(document)
    assert FulfilmentSuggestion.objects.count() == 1


def test_it_reads_candidates_in_a_constant_number_of_queries(promise, django_assert_max_num_queries):
    for _ in range(20):
        CommitmentFactory(deliverables=["Afrikastrategie"], document=promise.document)
    document = letter("Afrikastrategie", ministry=promise.ministry)
    with django_assert_max_num_queries(5):
        suggest_fulfilments(document)
