"""Look-alikes that are no government promise, each with its named reason.

Every sentence, name and number here is invented for these tests, in the
shapes that letters of other bodies, motions, debates and progress letters use.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain, find_commitments

REF = date(2026, 3, 2)


def find(text: str) -> list:
    return find_commitments(text, reference_date=REF, default_actor="minister van Onderwijs")


# ---------------------------------------------------------------------------
# Open conditions and open willingness: nothing checkable is promised
# ---------------------------------------------------------------------------

OPEN = [
    "Wat er ook uit het overleg komt, ik ben bereid om die rol op te pakken waar dat nuttig is.",
    "Welke taak er voor het Rijk ook uitkomt, het kabinet is bereid om die op te pakken.",
    "Het kabinet is bereid om daarbij te helpen.",
    "Ik ben graag bereid om daaraan bij te dragen.",
    "Ik ben bereid om hierbij actief mee te denken.",
    "Ik ben bereid de gemeenten te ondersteunen als daar aanleiding toe is.",
    "Ik ben bereid om de scholen te helpen indien dat nodig blijkt.",
    "De staatssecretaris is bereid om zo nodig bij te springen en de regio te steunen.",
    "Ik ben bereid om dat op de een of andere manier op te pakken.",
    "Het kabinet is bereid om mee te denken over oplossingen voor de regio.",
    "Ik ben altijd bereid om met de besturen in gesprek te gaan.",
    "De minister zegt toe om te helpen.",
]


@pytest.mark.parametrize("text", OPEN)
def test_an_open_willingness_is_no_promise(text: str) -> None:
    assert explain(text, reference_date=REF) == Rejection.OPEN_CONDITION
    assert find(text) == []


@pytest.mark.parametrize("text", [
    "Ik ben bereid om de Kamer voor de zomer te informeren als daar aanleiding toe is.",
    "Ik ben bereid een evaluatie van de regeling te laten uitvoeren.",
    "Ik ben bereid de gemeenten in juni een handreiking te sturen.",
    "Ik ben bereid om de scholen voor 1 mei te helpen met een rekenmodel.",
])
def test_a_willingness_with_a_product_a_date_or_the_kamer_stays_a_promise(text: str) -> None:
    assert explain(text, reference_date=REF) is None
    assert len(find(text)) == 1


def test_a_conditional_promise_with_a_product_is_borderline_not_dropped() -> None:
    [found] = find("Indien nodig zal ik u voor de zomer een aanvullende brief over de regeling sturen.")
    assert found.certainty == "borderline"


# ---------------------------------------------------------------------------
# Motions: the Kamer asks, the government does not promise
# ---------------------------------------------------------------------------

MOTION = """\
Motie van het lid Verhoeven-Smit

Voorgesteld 4 februari 2026

De Kamer,

gehoord de beraadslaging,

constaterende dat de regeling voor leerlingenvervoer nooit is geëvalueerd;

verzoekt de regering, de regeling in 2027 te evalueren en de Kamer voor de zomer van 2027 over de \
uitkomsten te informeren,

en gaat over tot de orde van de dag.

Verhoeven-Smit
"""


def test_a_motion_text_holds_no_government_promise() -> None:
    assert find(MOTION) == []


@pytest.mark.parametrize("text", [
    "verzoekt de regering de regeling in 2027 te evalueren en de Kamer daarover te informeren,",
    "roept de regering op om voor 1 juni een plan voor de scholenbouw te sturen,",
    "draagt het kabinet op de regeling in 2027 te evalueren,",
    "De regering wordt verzocht voor 1 juni een plan voor de scholenbouw te sturen.",
    "De commissie verzoekt de minister om voor 1 mei een brief over de regeling te sturen.",
])
def test_the_request_of_a_motion_names_its_reason(text: str) -> None:
    assert explain(text, reference_date=REF) == Rejection.MOTION_TEXT


def test_a_motion_inside_a_debate_is_skipped_but_the_minister_after_it_is_read() -> None:
    text = (
        "De voorzitter:\n\nDoor de leden Verhoeven-Smit en Bakker wordt de volgende motie voorgesteld:\n\n"
        "De Kamer,\n\ngehoord de beraadslaging,\n\nverzoekt de regering de Kamer voor 1 juni te informeren "
        "over het leerlingenvervoer,\n\nen gaat over tot de orde van de dag.\n\n"
        "Minister Van Dalen:\n\nIk zal uw Kamer voor de zomer informeren over de stand van de scholenbouw.\n"
    )
    [found] = find(text)
    assert "scholenbouw" in found.text


def test_a_promise_to_carry_out_a_motion_that_asks_the_government_stays() -> None:
    text = "Ik zal de motie die de regering verzoekt de regeling te evalueren, voor de zomer uitvoeren."
    assert explain(text, reference_date=REF) is None


# ---------------------------------------------------------------------------
# Authors other than the government
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "Nr. 7 BRIEF VAN DE ALGEMENE REKENKAMER",
    "Nr. 12 BRIEF VAN DE VASTE COMMISSIE VOOR ONDERWIJS, CULTUUR EN WETENSCHAP",
    "ADVIES AFDELING ADVISERING RAAD VAN STATE",
    "Nr. 3 BRIEF VAN DE NATIONALE OMBUDSMAN",
    "Nr. 9 MOTIE VAN HET LID VERHOEVEN-SMIT",
    "Nr. 4 INITIATIEFNOTA VAN HET LID BAKKER",
])
def test_a_document_by_another_body_holds_no_government_promise(heading: str) -> None:
    text = (
        f"38 412 Onderwijs in de regio\n\n{heading}\n\nAan de Voorzitter van de Tweede Kamer der "
        "Staten-Generaal\n\nDen Haag, 2 maart 2026\n\nWij zullen u voor de zomer informeren over de "
        "uitkomsten van ons onderzoek naar de regeling. De minister zal in 2027 een evaluatie opleveren.\n"
    )
    assert find(text) == []


LETTER_BODY = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 maart 2026\n\n"
    "Wij zullen u voor de zomer informeren over de uitkomsten van ons onderzoek naar de regeling.\n\n"
)


def test_a_letterhead_of_another_body_marks_its_letter() -> None:
    assert find("Algemene Rekenkamer\n\n" + LETTER_BODY) == []


@pytest.mark.parametrize("signature", [
    "Algemene Rekenkamer\n\ndrs. A.B. Verhoef,\npresident\n\nmr. C. de Wit,\nsecretaris\n",
    "Algemene Rekenkamer,\n\ndrs. A.B. Verhoef, president\n\nmr. C. de Wit, secretaris\n",
])
def test_a_signature_of_another_body_marks_its_letter(signature: str) -> None:
    assert find(LETTER_BODY + signature) == []


def test_a_minister_naming_the_body_in_a_title_line_is_read() -> None:
    text = "Reactie op het rapport van de Algemene Rekenkamer\n\n" + LETTER_BODY.replace("Wij zullen", "Ik zal")
    assert len(find(text)) == 1


def test_an_advice_with_the_governments_reply_is_read() -> None:
    text = (
        "38 412 Onderwijs in de regio\n\nNr. 4 ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT\n\n"
        "Het kabinet zal de toelichting voor de zomer aanvullen en uw Kamer in juni een evaluatieplan sturen.\n"
    )
    assert len(find(text)) == 1


def test_a_senate_motion_is_the_kamers_request() -> None:
    text = (
        "De Eerste Kamer der Staten-Generaal,\n\ngehoord de beraadslaging,\n\nverzoekt de regering de "
        "Kamer voor 1 juni te informeren over de regeling,\n\nen gaat over tot de orde van de dag.\n"
    )
    assert find(text) == []


def test_a_letter_of_a_minister_is_read_as_usual() -> None:
    text = (
        "38 412 Onderwijs in de regio\n\nNr. 8 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 maart 2026\n\n"
        "In reactie op de brief van de Algemene Rekenkamer zal ik u voor de zomer informeren over de regeling.\n"
    )
    assert len(find(text)) == 1


# ---------------------------------------------------------------------------
# A restated promise that this letter fulfils
# ---------------------------------------------------------------------------

def test_a_restated_promise_fulfilled_by_this_letter_is_not_open() -> None:
    text = (
        "In mijn brief van 3 februari jl. heb ik aangegeven dat de regeling wordt herzien.\n\n"
        "Tevens heb ik in die brief toegezegd uw Kamer voor het einde van het jaar te informeren over "
        "de voortgang van de proef met kleinere klassen.\n\n"
        "Met deze brief kom ik tevens tegemoet aan andere toezeggingen uit mijn brief van 3 februari.\n"
    )
    assert find(text) == []


@pytest.mark.parametrize("fulfilment", [
    "Hiermee kom ik die toezegging na.",
    "Met deze brief geef ik invulling aan de toezeggingen uit het debat.",
    "Hiermee beschouw ik de toezegging als afgedaan.",
    "Met deze brief informeer ik u daarover.",
])
def test_sibling_shapes_of_a_fulfilment(fulfilment: str) -> None:
    text = (
        "In het commissiedebat van 3 februari heb ik toegezegd uw Kamer voor de zomer te informeren over "
        f"de proef met kleinere klassen.\n\nDe proef loopt op twaalf scholen.\n\n{fulfilment}\n"
    )
    assert find(text) == []


def test_a_restated_promise_without_a_fulfilment_stays_open() -> None:
    text = (
        "Tevens heb ik in die brief toegezegd uw Kamer voor het einde van het jaar te informeren over "
        "de voortgang van de proef met kleinere klassen.\n\n"
        "De proef loopt nog op twaalf scholen.\n"
    )
    assert len(find(text)) == 1


# ---------------------------------------------------------------------------
# What others plan, also with the subject after the verb
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Naar verwachting publiceert het CBS de cijfers over de scholen in mei.",
    "Naar verwachting publiceert de inspectie in mei haar rapport over de regio.",
])
def test_an_expected_act_of_another_body_is_no_promise(text: str) -> None:
    assert explain(text, reference_date=REF) == Rejection.OTHER_ACTOR
    assert find(text) == []


def test_an_expected_delivery_to_the_kamer_stays_a_hedged_promise() -> None:
    [found] = find("Naar verwachting ontvangt uw Kamer in mei de rapportage over de regio.")
    assert found.certainty == "borderline"


# ---------------------------------------------------------------------------
# Coming back within the debate under way
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Daar kom ik in de tweede termijn op terug.",
    "Daar kom ik straks op terug.",
    "Ik kom daar zo op terug.",
    "Daar kom ik later in mijn betoog op terug.",
    "Daar kom ik in het blokje over de scholen op terug.",
    "Daar kom ik bij de bespreking van de amendementen op terug.",
    "Ik zal de vraag van mevrouw Brouwer-Kok in de tweede termijn beantwoorden.",
])
def test_coming_back_later_in_this_debate_is_no_promise(text: str) -> None:
    assert explain(text, reference_date=REF) == Rejection.PERFORMED_NOW


@pytest.mark.parametrize("text", [
    "Daar kom ik schriftelijk op terug.",
    "Daar kom ik voor de zomer op terug.",
    "Daar kom ik in een brief op terug.",
    "Ik kom daar zo snel mogelijk op terug.",
])
def test_coming_back_outside_the_debate_stays_a_promise(text: str) -> None:
    assert explain(text, reference_date=REF) is None


# ---------------------------------------------------------------------------
# Done in the document at hand
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Vooruitlopend op de rapportage zal ik in deze brief ingaan op de kosten van de regeling.",
    "Graag informeer ik uw Kamer in deze voortgangsbrief over de regeling, zoals toegezegd in het debat van "
    "3 februari.",
    "Zoals beschreven in de genoemde brief van 3 februari zal ik in deze brief ingaan op de kosten.",
])
def test_an_act_done_in_this_very_letter_is_no_promise(text: str) -> None:
    assert find(text) == []


def test_this_letter_after_a_promised_letter_is_that_letter() -> None:
    text = "Ik stuur u in juni een brief over de regeling. In deze brief zal ik ook ingaan op de kosten."
    [found] = find(text)
    assert found.text == text
