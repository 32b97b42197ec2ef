"""Shapes found on a second round of real documents outside the dev set (issue-12g2), in invented sentences.

Families: statements about how long the work takes, abilities denied for now,
earlier promises the letter calls a mistake, "het voornemen" as the topic of a
past letter, month ranges written with a slash, and an outer bound that follows
the object as its own comma phrase (including an event whose day comes after
a name with "en" in it).
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain, find_commitments
from tracker.extraction.deadlines import find_deadlines

REF = date(2026, 3, 2)


def find(text: str) -> list:
    return find_commitments(text, reference_date=REF, default_actor="minister van Wonen")


STATEMENTS = [
    # how long the work takes: no act is promised
    ("De beantwoording zal, gelet op het grote aantal vragen, meer tijd in beslag nemen.", Rejection.NO_ACT),
    ("Het opstellen van de evaluatie zal meer tijd vergen dan bij de start werd gedacht.", Rejection.NO_ACT),
    ("De afronding van het onderzoek naar de dijkversterking zal langer duren dan voorzien.", Rejection.NO_ACT),
    ("De bouw van het nieuwe register zal vertraging oplopen.", Rejection.NO_ACT),
    # an ability denied for now, closing the sentence
    ("Hoeveel huurwoningen in 2027 naar verwachting worden opgeleverd kan nog niet in beeld worden gebracht.",
     Rejection.NEGATED),
    ("Wanneer het rapport wordt gepubliceerd, kan ik op dit moment nog niet zeggen.", Rejection.NEGATED),
    # an earlier promise the letter itself calls a mistake
    ("Per abuis is toegezegd dat de monitor voor de zomer van 2025 naar uw Kamer wordt gestuurd.",
     Rejection.NO_UNDERTAKING),
    ("Door een misverstand is aan uw Kamer toegezegd dat u de rapportage in januari ontvangt.",
     Rejection.NO_UNDERTAKING),
    # the intention is the topic of a past letter
    ("In 2025 bent u per brief geïnformeerd over het voornemen tot het instellen van een nieuw fonds.",
     Rejection.NO_UNDERTAKING),
]


@pytest.mark.parametrize(("sentence", "reason"), STATEMENTS)
def test_statements_about_the_work_are_no_promise(sentence: str, reason: Rejection) -> None:
    assert explain(sentence, reference_date=REF) == reason
    assert find(sentence) == []


KEPT = [
    # the statement stands beside a real promise in the same sentence
    ("De beantwoording zal meer tijd vergen; ik zal de antwoorden voor 1 juni sturen.", date(2026, 5, 31)),
    ("Een precieze datum kan ik nog niet noemen, maar ik informeer u voor de zomer.", None),
    # an intention that is the undertaking itself stays (hedged)
    ("Het kabinet is voornemens de nota over het fonds in juni aan uw Kamer te sturen.", date(2026, 6, 30)),
]


@pytest.mark.parametrize(("sentence", "due"), KEPT)
def test_a_promise_beside_such_a_statement_is_still_found(sentence: str, due: date | None) -> None:
    found = find(sentence)
    assert len(found) == 1
    if due is not None:
        assert found[0].deadline is not None and found[0].deadline.due == due


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("in oktober/november 2027", date(2027, 10, 1), date(2027, 11, 30)),
        ("in mei/juni 2026", date(2026, 5, 1), date(2026, 6, 30)),
        ("in september / oktober", date(2026, 9, 1), date(2026, 10, 31)),
    ],
)
def test_a_slash_between_months_is_one_window_to_the_end_of_the_last(phrase: str, start: date, due: date) -> None:
    found = find_deadlines(phrase, REF)
    assert len(found) == 1
    assert (found[0].text, found[0].window_start, found[0].due) == (phrase, start, due)


@pytest.mark.parametrize(("phrase", "due"), [("op 1/6/2026", date(2026, 6, 1)), ("in 2026/2027", date(2027, 12, 31))])
def test_slashes_in_dates_and_years_keep_their_reading(phrase: str, due: date) -> None:
    assert [d.due for d in find_deadlines(phrase, REF)] == [due]


BOUNDS = [
    ("Ik zal u zo spoedig mogelijk de gevraagde cijfers doen toekomen, in ieder geval ruimschoots voorafgaand "
     "aan het notaoverleg over Wonen en Ruimte op 14 april.", date(2026, 4, 13)),
    ("Ik stuur uw Kamer zo snel mogelijk de uitwerking, maar uiterlijk 1 juli.", date(2026, 7, 1)),
    ("De staatssecretaris stuurt de notitie zo spoedig mogelijk toe, in elk geval voor het commissiedebat "
     "van 9 juni.", date(2026, 6, 8)),
]


@pytest.mark.parametrize(("sentence", "due"), BOUNDS)
def test_an_outer_bound_after_the_object_dates_a_vague_promise(sentence: str, due: date) -> None:
    found = find(sentence)
    assert len(found) == 1
    assert found[0].deadline is not None and found[0].deadline.due == due


def test_a_later_phrase_without_a_bound_word_does_not_date_the_vague_promise() -> None:
    found = find("Ik zal de antwoorden zo snel mogelijk sturen, en de brief over de evaluatie in maart.")
    assert found and found[0].deadline is not None and found[0].deadline.due is None
