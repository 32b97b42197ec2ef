"""Debate transcripts: promises drawn out over sentences and turns, oral promise
shapes, and what in a debate is no promise (invented speakers and numbers)."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain
from tracker.extraction.motions import find_citations
from tracker.extraction.pipeline import extract_pages

REF = date(2026, 3, 2)
MINISTER = "Minister Van Dalen:\n\n"
MEMBER = "Mevrouw Brouwer-Kok (GroenLinks):\n\n"
CHAIR = "De voorzitter:\n\n"
# Enough ordinary Dutch in a member's turn for the language check of the pipeline.
OPENING = (
    "De heer Pietersen (CDA):\n\nVoorzitter, ik heb de minister gevraagd naar de stand van zaken rond de "
    "scholen in de regio en naar de gesprekken die daarover met de besturen zijn gevoerd.\n\n"
)


def debate(*turns: str) -> list:
    return extract_pages([OPENING + "\n\n".join(turns)], reference_date=REF).commitments


def texts(found: list) -> list[str]:
    return [c.text for c in found]


# ---------------------------------------------------------------------------
# One promise over several sentences of a turn
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("turn", "first", "last"), [
    # a restated promise and the letter it will bring
    ("Ik heb toegezegd om in het najaar te bekijken of de regeling kan worden verruimd. Daar krijgt u "
     "een brief over.", "Ik heb toegezegd", "brief over."),
    # "Ik kom terug op dat …" one sentence later
    ("Ik zeg toe dat ik in juni terugkom op het wetsvoorstel over de leerplicht. Dat was nog voor het advies "
     "van de Raad van State. Ik kom terug op dat wetsvoorstel en noem dan ook de gemeenten die het anders doen.",
     "Ik zeg toe", "anders doen."),
    # "Ik ben bereid om dat … te doen" restates the offer
    ("Ik ben bereid om met de besturen te bezien of een leesuur kan worden ingevoerd. Dat kan via de "
     "regiotafels. Ik ben bereid om dat samen met de besturen te doen.", "Ik ben bereid om met",
     "besturen te doen."),
    # "Op die twee punten kom ik terug" after the points were named
    ("Ik heb ook toegezegd terug te komen op de huisvesting en de klassengrootte: hoe normeren we die "
     "klassengrootte? Op die twee punten kom ik dus terug.", "Ik heb ook toegezegd", "dus terug."),
    # a bare confirmation of the promise just made
    ("Ik zal de Kamer informeren over de wachtlijsten in het speciaal onderwijs. Dat wil ik graag doen; dat "
     "zeg ik graag toe.", "Ik zal de Kamer", "graag toe."),
    # an intention, the plan it brings and what that plan will hold
    ("Dat is de inzet van het kabinet om over enkele weken met een plan van aanpak naar de Kamer te komen. In "
     "dat plan zullen we de maatregelen schetsen. Daarbij zullen we de Kamer ook inzicht geven in de kosten.",
     "Dat is de inzet", "in de kosten."),
    ("We zullen een inschatting maken van de omvang van het verzuim en die naar de Kamer sturen. Dat zullen "
     "we doen.", "We zullen", "we doen."),
])
def test_a_promise_picked_up_later_in_the_turn_is_one_record(turn: str, first: str, last: str) -> None:
    found = debate(MINISTER + turn)
    assert len(found) == 1
    assert found[0].text.startswith(first) and found[0].text.endswith(last)
    assert found[0].actor == "minister Van Dalen"


def test_a_pick_up_brings_the_date_to_the_promise() -> None:
    found = debate(MINISTER + "Ik zeg toe dat ik in juni terugkom op het wetsvoorstel over de leerplicht. "
                   "Ik kom terug op dat wetsvoorstel en noem dan ook de gemeenten. Dat zeg ik graag toe.")
    assert len(found) == 1 and found[0].deadline.due == date(2026, 6, 30)
    assert found[0].certainty == "clear"


@pytest.mark.parametrize("turns", [
    # two dates: two promises
    (MINISTER + "Ik stuur u in mei de evaluatie van de regeling. Daarover informeer ik u ook in september "
     "met de voortgangsrapportage.",),
    # another paragraph is another subject
    (MINISTER + "Ik stuur u in mei de evaluatie van de regeling.\n\nDaarnaast zal ik de Kamer informeren "
     "over de leerlingenaantallen.",),
    # a member's turn in between
    (MINISTER + "Ik stuur u in mei de evaluatie van de regeling.",
     MEMBER + "Dank u wel. Ik wil nog iets anders vragen over de bekostiging.",
     MINISTER + "Daar kom ik schriftelijk op terug."),
])
def test_separate_promises_stay_separate(turns: tuple[str, ...]) -> None:
    assert len(debate(*turns)) == 2


def test_a_confirmation_without_a_promise_before_it_is_nothing() -> None:
    assert debate(CHAIR + "De motie op stuk nr. 7.", MINISTER + "Die ontraad ik. Dat zeg ik toe.") == []


# ---------------------------------------------------------------------------
# A date fixed in dialogue
# ---------------------------------------------------------------------------

def test_a_date_named_after_the_chair_asks_when_dates_the_promise() -> None:
    found = debate(
        MINISTER + "Ik maak een inventarisatie van de regels voor het leerlingenvervoer. Daarover zal ik de "
        "Kamer informeren.",
        CHAIR + "En wanneer krijgen we die brief van u?",
        MINISTER + "Dat kost wel even tijd, denk ik.",
        CHAIR + "Voor de zomer, denk ik.",
        MINISTER + "Dat zou ik nooit zo doen. Mag ik er september van maken?",
    )
    assert len(found) == 1
    assert found[0].deadline is not None and found[0].deadline.due == date(2026, 9, 30)


@pytest.mark.parametrize("asker", [
    CHAIR + "Dank u wel. Dan gaan we naar het volgende blokje.",  # nobody asks when
    MEMBER + "Wanneer komt de minister daarmee? Ik hoop in september.",  # the member names the date
])
def test_without_a_minister_naming_the_date_the_promise_stays_undated(asker: str) -> None:
    found = debate(
        MINISTER + "Daarover zal ik de Kamer informeren.",
        asker,
        MINISTER + "Ik kom bij de vragen over de bekostiging.",
    )
    assert len(found) == 1 and found[0].deadline is None


# ---------------------------------------------------------------------------
# Oral shapes of promising
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Ik stel voor dat ik daar later schriftelijk op terugkom.",
    "Op die twee punten kom ik dus terug.",
    "De tweede vraag van mevrouw Brouwer-Kok kan ik nu niet beantwoorden en daar kom ik later op terug.",
])
def test_coming_back_to_it_is_a_promise_of_the_speaker(sentence: str) -> None:
    found = debate(MINISTER + sentence)
    assert [(c.kind, c.actor) for c in found] == [("informeren", "minister Van Dalen")]


def test_writing_it_down_is_a_product_dated_by_the_next_sentence() -> None:
    found = debate(MINISTER + "Dan zal ik vragen om de hele stand van zaken op papier te zetten. Dat kan ik "
                   "binnen twee maanden per brief hier hebben liggen.")
    assert len(found) == 1 and found[0].kind == "product"
    assert found[0].deadline is not None and found[0].deadline.due == date(2026, 5, 2)


def test_the_step_a_promise_to_come_back_waits_for_belongs_to_it() -> None:
    found = debate(MINISTER + "Dit moet ik eerst even overleggen met mijn collega van Financiën. Ik stel voor "
                   "dat ik daar later schriftelijk op terugkom.")
    assert texts(found) == ["Dit moet ik eerst even overleggen met mijn collega van Financiën. Ik stel voor "
                            "dat ik daar later schriftelijk op terugkom."]


# ---------------------------------------------------------------------------
# What in a debate is no promise
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("turns", [
    (MEMBER + "Ik kom daar in de tweede termijn op terug. Ik zal ook een motie indienen.",),
    (MINISTER + "Ik begin met de motie op stuk nr. 12. Oordeel Kamer. Dan de motie op stuk nr. 13. Die "
     "ontraad ik.",),
    (MINISTER + "Daarna ga ik de moties bespreken.",),
    (MINISTER + "Mevrouw Brouwer-Kok vroeg of ik bereid ben de Kamer te informeren over de leerplicht.",),
])
def test_members_words_motion_appreciation_and_reported_questions_promise_nothing(turns) -> None:
    assert debate(*turns) == []


def test_a_reported_question_says_why() -> None:
    sentence = "De heer Pietersen vroeg of ik bereid ben de Kamer te informeren over de leerplicht."
    assert explain(sentence) == Rejection.REPORTED_QUESTION


# ---------------------------------------------------------------------------
# "de motie op stuk nr. N": the dossier from the same document
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "key"), [
    # the item heading names the dossier under debate
    ("Wijziging van de Wet op het leerlingenvervoer (40 415)\n\n" + MINISTER
     + "Ik begin met de motie op stuk nr. 12 van het lid Brouwer-Kok. Oordeel Kamer.", "kst-40415-12"),
    # a full reference to the same number elsewhere in the text
    ("De motie van het lid Brouwer-Kok (40 415, nr. 12) verzoekt de regering de scholen te ondersteunen.\n\n"
     + MINISTER + "De motie op stuk nr. 12 van het lid Brouwer-Kok ontraad ik.", "kst-40415-12"),
    # the number that opens a printed verslag
    ("40 415 Leerlingenvervoer\n\nNr. 15 VERSLAG VAN EEN NOTAOVERLEG\n\n" + MINISTER
     + "De motie op stuk nr. 9 van het lid Brouwer-Kok ontraad ik.", "kst-40415-9"),
    # "Zij krijgt nr." still wins over the heading
    ("Leerlingenvervoer (40 415)\n\nZij krijgt nr. 12 (40 999).\n\n" + MINISTER
     + "De motie op stuk nr. 12 van het lid Brouwer-Kok ontraad ik.", "kst-40999-12"),
])
def test_a_stuk_number_takes_the_dossier_the_document_states(text: str, key: str) -> None:
    found = find_citations(text)
    assert [c.key for c in found if "stuk" in c.text] == [key]


def test_a_stuk_number_without_any_dossier_in_the_document_stays_without_key() -> None:
    found = find_citations(MINISTER + "Ik begin met de motie op stuk nr. 12 van het lid Brouwer-Kok. Oordeel Kamer.")
    assert [c.key for c in found] == [""]


@pytest.mark.parametrize(("sentence", "promised"), [
    ("Die suggestie zal ik meenemen in de evaluatie van de wet.", True),
    ("Dat zullen we betrekken bij de kabinetsreactie.", True),
    ("In de evaluatie, die in het najaar verschijnt, zal ik dat punt meenemen.", True),  # product fronted
    ("Ik zal dat meenemen in mijn overwegingen.", False),  # no product: nothing to check
    ("Het kabinet komt straks met de Voorjaarsnota en dan kunt u het geheel overzien.", False),  # budget cycle
    ("Ik kom voor de zomer met een brief over de bekostiging.", True),
])
def test_light_verbs_promise_only_with_a_product_of_their_own(sentence: str, promised: bool) -> None:
    assert bool(debate(MINISTER + sentence)) is promised


# ---------------------------------------------------------------------------
# Questions reported in the answer
# ---------------------------------------------------------------------------

def test_a_reported_when_answered_with_a_date_is_a_promise_of_that_product() -> None:
    found = debate(MINISTER + "De SP vroeg wanneer de brief over het leerlingenvervoer zou komen. Volgens mij "
                   "heb ik gezegd: voor 1 juni.")
    assert len(found) == 1
    assert found[0].text.startswith("De SP vroeg wanneer") and found[0].text.endswith("voor 1 juni.")
    assert found[0].deliverables == ["brief over het leerlingenvervoer"]
    assert found[0].deadline.due == date(2026, 5, 31)
    assert found[0].actor == "minister Van Dalen"


@pytest.mark.parametrize("turn", [
    # no date in the answer
    "De SP vroeg wanneer de brief over het leerlingenvervoer zou komen. Dat weet ik nog niet precies.",
    # nothing comes to the Kamer: a date of the law, not a delivery
    "De SP vroeg wanneer de wet op het leerlingenvervoer ingaat. Dat is op 1 januari 2027.",
])
def test_a_reported_when_without_a_delivery_date_in_the_answer_is_nothing(turn: str) -> None:
    assert debate(MINISTER + turn) == []


def test_a_time_phrase_opening_the_next_sentence_is_no_pick_up() -> None:
    found = debate(MINISTER + "Ik kom terug op de wachtlijsten. Dit najaar stuur ik u de evaluatie van de wet.")
    assert len(found) == 2


def test_a_promise_begins_at_the_question_it_answers() -> None:
    found = debate(MINISTER + "Mevrouw Brouwer-Kok vroeg aandacht voor de toegankelijkheid van de scholen. Dat "
                   "heb ik genoteerd. Dat zullen we betrekken bij de kabinetsreactie.")
    assert texts(found) == ["Mevrouw Brouwer-Kok vroeg aandacht voor de toegankelijkheid van de scholen. Dat "
                            "heb ik genoteerd. Dat zullen we betrekken bij de kabinetsreactie."]


def test_you_will_hear_it_then_dates_the_promise_just_made() -> None:
    found = debate(MINISTER + "De Kamer zal worden geïnformeerd zodra de inspectie klaar is. Dat lijkt mij de "
                   "goede volgorde. U hoort dat half mei.")
    assert len(found) == 1 and found[0].deadline.due == date(2026, 5, 20)


# ---------------------------------------------------------------------------
# A deadline that refers back to the one just stated
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("second", [
    "Dan zal ik de Kamer ook informeren over de kosten van de regeling.",
    "Ik zal u dan ook informeren over de kosten van de regeling.",
    "Op hetzelfde moment zal ik de Kamer informeren over de kosten van de regeling.",
])
def test_then_takes_the_date_of_the_promise_just_before(second: str) -> None:
    found = debate(MINISTER + "Ik stuur u in mei de evaluatie van de wet. " + second)
    assert [c.deadline.due for c in found] == [date(2026, 5, 31), date(2026, 5, 31)]


def test_then_after_an_undated_promise_or_far_away_gives_no_date() -> None:
    found = debate(MINISTER + "Ik stuur u de evaluatie van de wet. Dan zal ik de Kamer ook informeren over de "
                   "kosten.\n\nIk stuur u in mei de monitor. Dat is een belangrijk punt. Het is ook ingewikkeld. "
                   "Dan zal ik de Kamer ook informeren over de leerlingenaantallen.")
    assert [c.deadline.due if c.deadline else None for c in found] == [None, date(2026, 5, 31), None]


@pytest.mark.parametrize(("sentence", "actor"), [
    ("Het kabinet zal de Kamer voor de zomer informeren over de bekostiging.", "minister Van Dalen"),
    ("De regering zal in het najaar een wetsvoorstel indienen over de leerplicht.", "minister Van Dalen"),
    ("De minister van Financiën zal de Kamer voor de zomer informeren over de bekostiging.",
     "de minister van Financiën"),
])
def test_a_promise_in_a_debate_is_credited_to_the_speaker_unless_another_minister_is_named(
    sentence: str, actor: str
) -> None:
    assert [c.actor for c in debate(MINISTER + sentence)] == [actor]


# ---------------------------------------------------------------------------
# The question a bare yes answers
# ---------------------------------------------------------------------------

PIETERSEN_ASKS = ("De heer Pietersen (CDA):\n\nKan de minister toezeggen dat hij in het najaar de evaluatie van de "
                  "regeling naar de Kamer stuurt?")


def test_a_bare_yes_answers_the_member_across_the_chair_giving_the_floor() -> None:
    found = debate(PIETERSEN_ASKS, CHAIR + "Dan geef ik nu het woord aan de minister.",
                   MINISTER + "Dank u wel, voorzitter. Ja, dat zeg ik toe.")
    assert [c.text for c in found] == ["Ja, dat zeg ik toe."]
    assert "evaluatie" in found[0].deliverables[0] and found[0].deadline.due == date(2026, 11, 30)
    assert found[0].question is not None and found[0].question.member == "Pietersen"


def test_a_bare_yes_answers_the_member_the_minister_names() -> None:
    found = debate(PIETERSEN_ASKS, MEMBER + "Ik sluit mij aan bij de vorige spreker. Verder geen vragen.",
                   MINISTER + "Ik begin met de vraag van de heer Pietersen. Ja, dat zeg ik toe.")
    assert len(found) == 1 and "evaluatie" in found[0].deliverables[0]


def test_content_promised_for_a_dated_letter_names_that_letter() -> None:
    found = debate(MINISTER + "Ik zal daar in de voortgangsbrief van september op ingaan.")
    assert [(c.deliverables, c.deadline.due) for c in found] == [(["voortgangsbrief"], date(2026, 9, 30))]


def test_a_yes_to_a_reported_question_promises_what_was_asked() -> None:
    found = debate(MINISTER + "Mevrouw Brouwer-Kok vroeg of ik bereid ben de Kamer te informeren over de "
                   "wachtlijsten. Ja, voorzitter, dat wil ik. Ik wil daar ook zeker op terugkomen bij de Kamer.")
    assert len(found) == 1 and found[0].certainty == "clear"
    assert found[0].text.startswith("Mevrouw Brouwer-Kok vroeg") and found[0].text.endswith("bij de Kamer.")
    assert "wachtlijsten" in found[0].deliverables[0]


def test_a_yes_to_a_reported_action_is_borderline() -> None:
    found = debate(MINISTER + "Mevrouw Brouwer-Kok vroeg of ik bereid ben om met de gemeenten in gesprek te "
                   "gaan over de tarieven. Dat ben ik zeker.")
    assert [(c.kind, c.certainty) for c in found] == [("toezegging", "borderline")]


def test_taking_a_point_along_answers_the_members_question() -> None:
    found = debate("De heer Van Lier (VVD):\n\nKan de minister in de evaluatie ook ingaan op de regeldruk?",
                   MINISTER + "Dat neem ik mee.")
    assert [c.text for c in found] == ["Dat neem ik mee."]
    assert "regeldruk" in found[0].deliverables[0]


# ---------------------------------------------------------------------------
# The chair reads out the promises at the end of a commissiedebat
# ---------------------------------------------------------------------------

def test_the_promises_the_chair_reads_out_are_credited_to_the_minister_who_spoke() -> None:
    found = debate(
        MINISTER + "Ik kom bij de vragen over de tarieven.",
        CHAIR + "Ik lees de toezeggingen voor.\n- De minister informeert de Kamer voor 1 mei over de tarieven.\n"
        "- De minister stuurt de evaluatie van de wet in het derde kwartaal naar de Kamer.\n"
        "Ik dank iedereen en sluit de vergadering.",
    )
    assert [(c.text[:28], c.actor) for c in found] == [
        ("De minister informeert de Ka", "minister Van Dalen"),
        ("De minister stuurt de evalua", "minister Van Dalen"),
    ]


def test_the_chairs_own_words_are_no_promise() -> None:
    assert debate(CHAIR + "Ik zal de vergadering schorsen tot na de lunch. De minister krijgt zo het woord.") == []


def test_a_demonstrative_naming_another_product_is_no_pick_up() -> None:
    found = debate(MINISTER + "Ik zal de Kamer informeren over de wachtlijsten. Dat wetsvoorstel stuur ik u in juni.")
    assert len(found) == 2
    same = debate(MINISTER + "Ik zal de Kamer in mei een brief sturen over de wachtlijsten. Die brief bevat ook de "
                  "cijfers die u vroeg. Dat wetsvoorstel stuur ik u in juni.")
    assert len(same) == 2


def test_a_dated_answer_to_when_a_product_comes_promises_it() -> None:
    found = debate("De heer Van Lier (VVD):\n\nKan de minister zeggen wanneer de brief over de leerlingenaantallen "
                   "komt?", MINISTER + "Die komt na de zomer. Ik heb iets meer tijd nodig voor de cijfers.")
    assert [(c.text, c.deadline.due) for c in found] == [("Die komt na de zomer.", date(2026, 9, 30))]
    assert "brief" in found[0].deliverables[0] and found[0].question.member == "Van Lier"


def test_an_answer_without_a_date_or_to_another_question_is_nothing() -> None:
    assert debate("De heer Van Lier (VVD):\n\nWanneer komt de brief?", MINISTER + "Die komt zo snel als het kan, "
                  "maar ik kan niets beloven.") == []
    assert debate("De heer Van Lier (VVD):\n\nWaarom is de wet zo ingewikkeld?",
                  MINISTER + "Die wordt na de zomer eenvoudiger.") == []
