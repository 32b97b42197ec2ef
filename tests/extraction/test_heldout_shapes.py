"""Shapes found on real documents outside the dev set (issue-12g), in invented sentences.

Families: linking adverbs that are not "done by this letter", fronted objects,
register promises to take a measure, dates of documents already sent, moment
clauses, reports of what others said, the Kamer's own wishes, debate discourse,
ordinal weekdays of a month, and text rendered without blank lines or spaces.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain, find_commitments
from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.sentences import split_sentences

REF = date(2026, 3, 2)


def find(text: str) -> list:
    return find_commitments(text, reference_date=REF, default_actor="minister van Wonen")


PROMISES = [
    ("In verband hiermee kunt u de voortgangsbrief in mei tegemoet zien.", date(2026, 5, 31)),
    ("In samenhang hiermee ontvangt uw Kamer in juni een brief over de huurtoeslag.", date(2026, 6, 30)),
    ("In aansluiting hiermee zal ik uw Kamer voor de zomer informeren.", None),
    ("De gevraagde notitie en de hiermee samenhangende vragen zal de staatssecretaris mede namens "
     "de minister van Financiën in april sturen.", date(2026, 4, 30)),
    ("Mede namens de minister van Klimaat zal ik uw Kamer in het najaar informeren over de proef.",
     date(2026, 11, 30)),
    ("De minister van Wonen zegt de Kamer, naar aanleiding van de motie Brouwer-Kok c.s., toe dat voor "
     "huurders met een tijdelijk contract een overgangsregeling zal worden getroffen.", None),
    ("Zoals ik heb toegezegd in mijn brief van 9 februari 2026 zal ik u twee keer per jaar over de "
     "voortgang rapporteren.", None),
    ("Voor de derde dinsdag van september zal ik uw Kamer informeren over de opzet van de doorlichting.",
     date(2026, 9, 14)),
]


@pytest.mark.parametrize(("sentence", "due"), PROMISES)
def test_promise_shapes_found(sentence: str, due: date | None) -> None:
    found = find(sentence)
    assert len(found) == 1, sentence
    got = found[0].deadline.due if found[0].deadline else None
    if due is not None:
        assert got == due
    else:
        assert got is None or got >= REF  # never the date of a letter already sent


def test_dated_document_never_becomes_the_deadline() -> None:
    found = find("Zoals toegezegd in de brief van 12 januari 2026 zal ik u halfjaarlijks rapporteren.")
    assert found and (found[0].deadline is None or found[0].deadline.due != date(2026, 1, 12))


NO_PROMISES = [
    ("De datum waarop het eindrapport zal worden gepubliceerd, is afhankelijk van de commissie.", None),
    ("De wijze waarop de regeling zal worden uitgevoerd hangt af van de uitvoerders.", None),
    ("De voorzitter van de adviescommissie heeft desgevraagd laten weten dat het advies in mei wordt "
     "opgeleverd.", Rejection.OTHER_ACTOR),
    ("De toezichthouder heeft aangegeven dat het jaarverslag in juni wordt gepubliceerd.", Rejection.OTHER_ACTOR),
    ("Is de toezegging nog niet nagekomen, dan ontvangt de Kamer graag voor 1 mei een planning.",
     Rejection.OTHER_ACTOR),
    ("In verband met de kabinetswisseling ontvangt u deze brief nu.", Rejection.PERFORMED_NOW),
    ("Ik zal daarom vandaag vooral ingaan op de gevolgen voor de regio.", Rejection.PERFORMED_NOW),
    ("Ik kom nog even terug op de procedure van vorig jaar.", None),
]


@pytest.mark.parametrize(("sentence", "reason"), NO_PROMISES)
def test_look_alikes_are_no_promise(sentence: str, reason: Rejection | None) -> None:
    assert find(sentence) == []
    if reason is not None:
        assert explain(sentence, reference_date=REF) == reason


def test_government_report_is_still_a_promise() -> None:
    found = find("Mijn ambtsvoorganger heeft aangegeven dat uw Kamer in juni een brief over de proef ontvangt.")
    assert len(found) == 1


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("voor de derde dinsdag van september", date(2026, 9, 14)),
        ("op de derde woensdag van mei", date(2026, 5, 20)),
        ("uiterlijk de eerste maandag van april 2027", date(2027, 4, 5)),
        ("op de laatste vrijdag van juni", date(2026, 6, 26)),
        ("op de eerste dinsdag van februari", date(2027, 2, 2)),  # passed on the reference date: next year
    ],
)
def test_ordinal_weekday_of_a_month(phrase: str, due: date) -> None:
    found = find_deadlines(f"Ik stuur u de brief {phrase}.", reference_date=REF)
    assert found and found[0].due == due and found[0].precision == "day"


def test_letterhead_lines_without_blank_lines_stand_alone() -> None:
    text = (
        "Nr. 12 BRIEF VAN DE MINISTER VAN WONEN\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
        "Den Haag, 2 maart 2026\nUw Kamer ontvangt in juni een brief over de huurtoeslag."
    )
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts[-1] == "Uw Kamer ontvangt in juni een brief over de huurtoeslag."
    assert "Den Haag, 2 maart 2026" in parts


def test_sentence_end_glued_to_next_word_splits() -> None:
    text = "Dat vraagt een zorgvuldige analyse.De gevraagde brief stuur ik u in mei. Zie J.K. Verbeek."
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert parts == ["Dat vraagt een zorgvuldige analyse.", "De gevraagde brief stuur ik u in mei.",
                     "Zie J.K. Verbeek."]


# Present passives of delivering a product or a measure, the parliament named as a whole,
# a past-tense register promise, and research verbs under an explicit promise.
MORE_PROMISES = [
    ("Het wetsvoorstel wordt in het eerste kwartaal van 2027 bij uw Kamer ingediend.", date(2027, 3, 31)),
    ("In juni wordt het uitvoeringsplan vastgesteld.", date(2026, 6, 30)),
    ("De tussenevaluatie wordt dit najaar uitgevoerd.", date(2026, 11, 30)),
    ("De evaluatie zal binnen drie jaar aan de Staten-Generaal worden gezonden.", date(2029, 3, 2)),
    ("De eindrapportage wordt voor de zomer aan beide Kamers voorgelegd.", None),
    ("De minister zegde toe de Kamer schriftelijk te informeren over de wachtlijsten.", None),
    ("Ik zeg de heer Hoekstra toe dat wij voor de zomer uitzoeken hoe vaak dit voorkomt.", None),
    ("In de eerstvolgende voortgangsbrief informeer ik uw Kamer over de uitkomsten.", None),
]


@pytest.mark.parametrize(("sentence", "due"), MORE_PROMISES)
def test_more_promise_shapes(sentence: str, due: date | None) -> None:
    found = find(sentence)
    assert len(found) == 1, sentence
    if due is not None:
        assert found[0].deadline is not None and found[0].deadline.due == due


@pytest.mark.parametrize(
    "sentence",
    [
        "Het wetsvoorstel is in juni ingediend.",
        "Het kabinet heeft in maart aanvullende maatregelen getroffen.",
        "In 2024 werd de regeling ingevoerd.",
        "De gemeente heeft in juni een aanvraag ingediend.",
        "De toezichthouder heeft het besluit in juni vastgesteld.",
    ],
)
def test_past_participles_stay_past(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("phrase", "start", "due"),
    [
        ("in week 12", date(2026, 3, 16), date(2026, 3, 22)),
        ("uiterlijk in week 23", date(2026, 6, 1), date(2026, 6, 7)),
        ("in week 5", date(2027, 2, 1), date(2027, 2, 7)),  # week 5 of 2026 has passed: next year
        ("in week 12 van 2027", date(2027, 3, 22), date(2027, 3, 28)),
        ("in de eerste week van juni", date(2026, 6, 1), date(2026, 6, 7)),
        ("uiterlijk de tweede week van april", date(2026, 4, 8), date(2026, 4, 14)),
        ("in de laatste week van februari", date(2027, 2, 22), date(2027, 2, 28)),
        ("voor de tweede week van april", None, date(2026, 4, 7)),
        ("in de week van 9 maart", date(2026, 3, 9), date(2026, 3, 15)),
        ("voor de week van 9 maart", None, date(2026, 3, 8)),
        ("de week van 2 februari", date(2027, 2, 1), date(2027, 2, 7)),
    ],
)
def test_week_phrases(phrase: str, start: date | None, due: date) -> None:
    found = find_deadlines(f"Ik stuur u de brief {phrase}.", reference_date=REF)
    assert found and found[0].text.endswith(phrase.split()[-1])
    assert (found[0].window_start, found[0].due, found[0].precision) == (start, due, "month")


def test_week_numbers_need_a_week_word_and_a_whole_number() -> None:
    assert find_deadlines("Het tarief stijgt met 12,5 procent.", reference_date=REF) == []
    assert [d.due for d in find_deadlines("Dat kost week 12.5 niet.", reference_date=REF)] == []


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("U ontvangt de antwoorden zo spoedig mogelijk, maar uiterlijk voor 1 mei.", date(2026, 4, 30)),
        ("Ik informeer uw Kamer binnenkort en in elk geval voor 1 juli.", date(2026, 6, 30)),
        ("Ik beantwoord de vragen zo spoedig mogelijk, maar in ieder geval binnen drie weken.", date(2026, 3, 23)),
        ("Ik zal de Kamer zo snel mogelijk, op zijn laatst in juni, informeren.", date(2026, 6, 30)),
    ],
)
def test_outer_bound_after_a_vague_phrase_governs(sentence: str, due: date) -> None:
    found = find(sentence)
    assert len(found) == 1 and found[0].deadline is not None and found[0].deadline.due == due


def test_present_answering_is_a_promise_but_after_a_perfect_auxiliary_it_is_past() -> None:
    assert len(find("Ik beantwoord de vragen van het lid Smit voor 1 mei.")) == 1
    assert find("Ik heb de vragen van het lid Smit op 3 februari beantwoord.") == []
    assert find("De vragen van het lid Smit heb ik op 3 februari beantwoord.") == []


def test_verb_first_label_lines_are_no_promise() -> None:
    text = (
        "Ingediend 4 februari 2026\nBeantwoord 20 maart 2026 (na 44 dagen)\n"
        "Indiener Jan Smit (GL)\nBeantwoord door Van Dalen (minister van Wonen)\n"
    )
    assert find(text) == []


def test_seeing_to_it_that_the_kamer_receives() -> None:
    assert len(find("Ik zorg ervoor dat uw Kamer de cijfers over de wachtlijsten in mei krijgt.")) == 1
    assert len(find("Ik zal ervoor zorgen dat de Kamer die informatie voor het commissiedebat krijgt.")) == 1
    assert find("Het is belangrijk dat de Kamer die informatie krijgt.") == []
    assert find("Ik begrijp dat de Kamer veel brieven krijgt.") == []


@pytest.mark.parametrize(
    "delivery",
    [
        "In de bijlage treft u dit overzicht aan.",
        "Hierbij ontvangt u dit overzicht.",
        "Bijgaand stuur ik u het overzicht.",
    ],
)
def test_restated_promise_delivered_by_the_next_sentence_is_closed(delivery: str) -> None:
    text = ("In het commissiedebat van 3 februari heb ik toegezegd uw Kamer een overzicht te sturen van de "
            "lopende onderzoeken. " + delivery)
    assert find(text) == []


def test_restated_promise_still_open_is_kept() -> None:
    text = ("In het commissiedebat van 3 februari heb ik toegezegd uw Kamer een overzicht te sturen van de "
            "lopende onderzoeken. Dat overzicht volgt na de zomer.")
    assert len(find(text)) == 1
