"""A span of time counted from a dated meeting or a numeric date, and the
issue-12 shapes checked once more; invented sentences, one row per phrase.

The choices are in docs/decisions.md ("Deadlines: spans from a dated meeting").
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.deadlines import find_deadlines

d = date
WED = d(2026, 3, 4)  # a Wednesday

ROWS = [
    # phrase, reference date, due, window_start, precision
    # N units from a meeting with its own date: the meeting's date + N
    ("binnen twee maanden na de verkiezingen van 7 september", WED, d(2026, 11, 7), d(2026, 9, 7), "day"),
    ("twee weken na het debat van 9 september", WED, d(2026, 9, 23), d(2026, 9, 9), "day"),
    ("drie weken voor het commissiedebat op 30 juni", WED, d(2026, 6, 9), None, "day"),
    # the date in a relative clause: "gepland staat voor" names the day itself
    ("binnen zes weken na de tweede verkiezingsronde, die gepland staat voor 12 oktober", WED,
     d(2026, 11, 23), d(2026, 10, 12), "day"),
    ("binnen een maand na het notaoverleg, dat nu is gepland op 20 mei", WED, d(2026, 6, 20), d(2026, 5, 20), "day"),
    # from a numeric date, also with a two-digit year; "exact"/"precies" is that one day
    ("drie maanden na 1-7-2026", WED, d(2026, 10, 1), d(2026, 7, 1), "day"),
    ("exact vijf jaar na 12-12-12", WED, d(2017, 12, 12), d(2017, 12, 12), "day"),
    ("precies een jaar na 1 juni", WED, d(2027, 6, 1), d(2027, 6, 1), "day"),
    # issue 12: each of these shapes resolves
    ("voorafgaand aan het debat van 9 september", WED, d(2026, 9, 8), None, "day"),
    ("aanstaande dinsdag", WED, d(2026, 3, 10), d(2026, 3, 10), "day"),
    ("volgende week dinsdag", WED, d(2026, 3, 10), d(2026, 3, 10), "day"),
    ("op de eerste juni", WED, d(2026, 6, 1), d(2026, 6, 1), "day"),
    ("op één juni", WED, d(2026, 6, 1), d(2026, 6, 1), "day"),
    ("tot en met 2028", WED, d(2028, 12, 31), None, "year"),
    ("uiterlijk juni", WED, d(2026, 6, 30), d(2026, 6, 1), "month"),
    ("op 3 februari jl.", WED, d(2026, 2, 3), d(2026, 2, 3), "day"),
    ("op 3 februari j.l.", WED, d(2026, 2, 3), d(2026, 2, 3), "day"),
    ("op 3 februari jongstleden", WED, d(2026, 2, 3), d(2026, 2, 3), "day"),
    ("in 20271", WED, d(2027, 12, 31), d(2027, 1, 1), "year"),
    # unnumbered "een keer" is some time; a frequency has no due date
    ("een keer", WED, None, None, "vague"),
    ("twee keer per jaar", WED, None, None, "vague"),
]


@pytest.mark.parametrize("text", ["Ik zal dat nog een keer bekijken.", "Dat is een keer eerder gebeurd.",
                                  "Dat doe ik voor een keer niet."])
def test_een_keer_that_means_once_or_again_is_no_time_phrase(text: str) -> None:
    assert find_deadlines(text, WED) == []


@pytest.mark.parametrize(("phrase", "ref", "due", "start", "precision"), ROWS)
def test_phrase(phrase: str, ref: date, due: date | None, start: date | None, precision: str) -> None:
    found = find_deadlines(f"daar kom ik {phrase} op terug" if phrase == "een keer" else phrase, ref)
    assert len(found) == 1, found
    got = found[0]
    assert (got.text, got.due, got.window_start, got.precision) == (phrase, due, start, precision)



@pytest.mark.parametrize("recess", ["voorjaarsreces", "krokusreces", "meireces", "zomerreces", "herfstreces",
                                    "kerstreces", "krokusvakantie", "meivakantie", "herfstvakantie"])
def test_every_recess_is_a_phrase(recess: str) -> None:
    [got] = find_deadlines(f"voor het {recess}", WED)
    assert got.text == f"voor het {recess}"
    assert got.precision == "event"


def test_a_span_in_a_sentence_takes_the_whole_phrase() -> None:
    text = "Ik neem dit besluit binnen twee maanden na de verkiezingen van 7 september, zoals gevraagd."
    [got] = find_deadlines(text, WED)
    assert got.text == "binnen twee maanden na de verkiezingen van 7 september"
    assert got.due == d(2026, 11, 7)


# ---------------------------------------------------------------------------
# The sentence decides: a year-less date in a clause about the past
# ---------------------------------------------------------------------------

PAST = [
    # text, phrase, due (reference date: WED, 4 March 2026)
    ("Op 9 februari heeft u mij verzocht een reactie te geven op de brief.", "Op 9 februari", d(2026, 2, 9)),
    ("In januari heeft de raad een advies uitgebracht over de scholen.", "In januari", d(2026, 1, 31)),
    ("In het notaoverleg op 25 februari (Kamerstuk 38 412, nr. 7) heb ik u toegezegd om de nota te sturen.",
     "op 25 februari", d(2026, 2, 25)),
    ("Begin februari zijn alle procedures al gestart.", "Begin februari", d(2026, 2, 10)),
    ("Eerder heb ik gemeld dat de nota eind februari zou verschijnen.", "eind februari", d(2026, 2, 28)),
]


@pytest.mark.parametrize(("text", "phrase", "due"), PAST)
def test_a_yearless_date_in_a_past_clause_is_the_date_just_gone(text: str, phrase: str, due: date) -> None:
    [got] = [x for x in find_deadlines(text, WED) if x.text == phrase]
    assert got.due == due


@pytest.mark.parametrize(("text", "phrase", "due"), [
    # the future or the present: the spec's roll-forward rule
    ("Ik zal u op 9 februari informeren.", "op 9 februari", d(2027, 2, 9)),
    ("Uw Kamer ontvangt in juli de rapportage.", "in juli", d(2026, 7, 31)),
    # the date this year is still ahead: nothing to roll back
    ("Ik heb toegezegd om in het derde kwartaal te kijken of dat kan.", "in het derde kwartaal", d(2026, 9, 30)),
    # a past verb in another clause does not reach the promise
    ("Ik zeg toe dat ik in februari terugkom op het plan dat het kabinet had voorgenomen.", "in februari",
     d(2027, 2, 28)),
])
def test_the_roll_forward_rule_holds_outside_a_past_clause(text: str, phrase: str, due: date) -> None:
    [got] = [x for x in find_deadlines(text, WED) if x.text == phrase]
    assert got.due == due
