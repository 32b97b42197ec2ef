"""Commitment detection (tracker.extraction.commitments).

All sentences are written for these tests in the style of Dutch government
answers; none is copied from the corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import CERTAINTIES, KINDS, find_commitments
from tracker.extraction.types import Commitment

REF = date(2025, 3, 10)
ACTOR = "minister van Buitenlandse Zaken"


def find(text: str, ref: date | None = REF, **kw) -> list[Commitment]:
    return find_commitments(text, reference_date=ref, default_actor=ACTOR, **kw)


def one(text: str, ref: date | None = REF, **kw) -> Commitment:
    found = find(text, ref, **kw)
    assert len(found) == 1, [c.text for c in found]
    c = found[0]
    assert c.kind in KINDS and c.certainty in CERTAINTIES and 0 <= c.confidence <= 1
    assert text[c.start:c.end] == c.text
    return c


def none(text: str, ref: date | None = REF, **kw) -> None:
    found = find(text, ref, **kw)
    assert found == [], [(c.text, c.kind) for c in found]


# ---------------------------------------------------------------------------
# Clear commitments: each shape from the spec, in my own words
# ---------------------------------------------------------------------------

CLEAR = [
    # (sentence, kind, deliverable substring, deadline text or None, due)
    ("Ik zal uw Kamer voor de zomer informeren over de voortgang van de onderhandelingen.",
     "informeren", "voortgang van de onderhandelingen", "voor de zomer", date(2025, 7, 4)),
    ("Uw Kamer ontvangt uiterlijk 1 juni een brief over de stand van zaken rond de exportcontrole.",
     "informeren", "brief", "uiterlijk 1 juni", date(2025, 6, 1)),
    ("De Kamer wordt voor de zomer nader geïnformeerd over de uitkomsten van de consultatie.",
     "informeren", "uitkomsten", "voor de zomer", date(2025, 7, 4)),
    ("Hiertoe zal uw Kamer in het derde kwartaal van 2025 een nieuwe Afrikanota toekomen.",
     "product", "Afrikanota", "in het derde kwartaal van 2025", date(2025, 9, 30)),
    ("Deze internationale handelsstrategie zal in Q2/Q3 worden afgerond.",
     "product", "handelsstrategie", "in Q2/Q3", date(2025, 9, 30)),
    ("Het ministerie van BZK zal in het vierde kwartaal van 2026 een onderzoek opleveren naar digitale identiteit.",
     "product", "onderzoek", "in het vierde kwartaal van 2026", date(2026, 12, 31)),
    ("Bij de Voorjaarsnota 2026 zal het kabinet invulling geven aan de rest van de motie.",
     "motie", "motie", "Bij de Voorjaarsnota 2026", date(2026, 6, 1)),
    ("Ik ben bereid de Kamer een overzicht te sturen van alle lopende programma's in de regio.",
     "toezegging", "overzicht", None, None),
    ("Ik zeg toe dat ik de Kamer voor het einde van het jaar een analyse van de sancties stuur.",
     "toezegging", "analyse", "voor het einde van het jaar", date(2025, 12, 31)),
    ("Het kabinet zal in het najaar een wetsvoorstel indienen om de exportcontrole aan te scherpen.",
     "product", "wetsvoorstel", "in het najaar", date(2025, 11, 30)),
    ("Ik zal de Kamer op de hoogte houden van de ontwikkelingen rond de onderhandelingen.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Voor het kerstreces stuur ik uw Kamer de voortgangsrapportage over het programma.",
     "product", "voortgangsrapportage", "Voor het kerstreces", date(2025, 12, 19)),
    ("De kabinetsreactie op het advies zal ik uw Kamer in april doen toekomen.",
     "product", "kabinetsreactie", "in april", date(2025, 4, 30)),
    ("Ik zal uw Kamer hierover in het najaar berichten.",
     "informeren", "informatie aan de Kamer", "in het najaar", date(2025, 11, 30)),
    ("Over de uitkomsten hiervan zal de Kamer na de zomer worden geïnformeerd.",
     "informeren", "informatie aan de Kamer", "na de zomer", date(2025, 9, 30)),
    ("In het tweede kwartaal ontvangt u een brief over de uitvoering van het actieplan.",
     "informeren", "brief", "In het tweede kwartaal", date(2025, 6, 30)),
    ("Medio 2025 kunt u de eindrapportage van de evaluatie tegemoetzien.",
     "product", "eindrapportage", "Medio 2025", date(2025, 7, 31)),
    ("De voortgangsrapportage wordt eind mei aan uw Kamer toegezonden.",
     "product", "voortgangsrapportage", "eind mei", date(2025, 5, 31)),
    ("Binnen drie maanden informeer ik u over de resultaten van het onderzoek.",
     "informeren", "resultaten van het onderzoek", "Binnen drie maanden", date(2025, 6, 10)),
    ("Het kabinet zal de Kamer voor Prinsjesdag uitvoeriger informeren over de financiële gevolgen.",
     "informeren", "financiële gevolgen", "voor Prinsjesdag", date(2025, 9, 16)),
    ("Het kabinet zal in de eerste helft van 2026 een nieuwe Indo-Pacificstrategie opstellen en publiceren.",
     "product", "Indo-Pacificstrategie", "in de eerste helft van 2026", date(2026, 6, 30)),
    ("De subsidieregeling wordt in 2027 geëvalueerd.",
     "product", "evaluatie", "in 2027", date(2027, 12, 31)),
    ("De staatssecretaris van Buitenlandse Handel zal de Kamer begin 2026 een actieplan sturen.",
     "product", "actieplan", "begin 2026", date(2026, 3, 31)),
    ("Wij zullen de evaluatie van het fonds in het najaar aan uw Kamer aanbieden.",
     "product", "evaluatie", "in het najaar", date(2025, 11, 30)),
    ("Het kabinet gaat in 2026 een nieuwe strategie voor Latijns-Amerika opstellen.",
     "product", "strategie", "in 2026", date(2026, 12, 31)),
    ("Ik zal de motie Jansen c.s. uitvoeren door voor de zomer een plan van aanpak te presenteren.",
     "motie", "motie Jansen", "voor de zomer", date(2025, 7, 4)),
    ("Zoals toegezegd stuur ik uw Kamer voor 1 mei de kabinetsreactie op het rapport.",
     "product", "kabinetsreactie", "voor 1 mei", date(2025, 4, 30)),
    ("Het kabinet is bereid om uw Kamer via een technische briefing nader te informeren.",
     "toezegging", "briefing", None, None),
    ("Uw Kamer wordt hierover separaat geïnformeerd.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Ik verwacht uw Kamer later dit jaar uitvoeriger te informeren over de missies.",
     "informeren", "missies", "later dit jaar", date(2025, 12, 31)),
    ("De regering zal uiterlijk 1 oktober een reactie op het rapport aan de Kamer zenden.",
     "product", "reactie", "uiterlijk 1 oktober", date(2025, 10, 1)),
    ("Zodra de evaluatie is afgerond, zal ik uw Kamer de resultaten toesturen.",
     "informeren", "", "Zodra de evaluatie is afgerond", None),
    ("Ik zal de Kamer hierover voor het commissiedebat informeren.",
     "informeren", "informatie aan de Kamer", "voor het commissiedebat", None),
    ("De Kamer zal voor het zomerreces een brief ontvangen over de uitkomsten.",
     "informeren", "brief", "voor het zomerreces", date(2025, 7, 4)),
    ("Uw Kamer kan de rapportage in het voorjaar tegemoetzien.",
     "product", "rapportage", "in het voorjaar", date(2025, 5, 31)),
    ("Het kabinet komt voor de zomer met een reactie op het advies.",
     "product", "reactie op het advies", "voor de zomer", date(2025, 7, 4)),
    ("Er komt voor de zomer een evaluatie van de regeling.",
     "product", "evaluatie", "voor de zomer", date(2025, 7, 4)),
    ("Een nadere reactie volgt in het najaar.",
     "product", "reactie", "in het najaar", date(2025, 11, 30)),
    ("De beantwoording van de overige vragen volgt binnen drie weken.",
     "product", "beantwoording", "binnen drie weken", date(2025, 3, 31)),
    ("Ik zeg toe de Kamer hierover te informeren.",
     "toezegging", "de Kamer hierover informeren", None, None),
    ("De minister zegt toe de Kamer voor 1 juli te informeren.",
     "toezegging", "informeren", "voor 1 juli", date(2025, 6, 30)),
    ("Ik kan toezeggen dat de evaluatie voor de zomer naar de Kamer wordt gestuurd.",
     "toezegging", "evaluatie", "voor de zomer", date(2025, 7, 4)),
    ("Het kabinet zal de motie uitvoeren.",
     "motie", "motie", None, None),
    ("Aan de motie zal uitvoering worden gegeven door voor de zomer een plan te presenteren.",
     "motie", "motie", "voor de zomer", date(2025, 7, 4)),
    ("Ik informeer uw Kamer zo spoedig mogelijk over de uitkomst.",
     "informeren", "uitkomst", "zo spoedig mogelijk", None),
    ("In het voorjaar van 2026 verschijnt de nieuwe Afrikastrategie.",
     "product", "Afrikastrategie", "In het voorjaar van 2026", date(2026, 5, 31)),
    ("Het kabinet werkt aan een nieuwe strategie die in het najaar verschijnt.",
     "product", "strategie", "in het najaar", date(2025, 11, 30)),
    ("Wij zullen de Kamer over de voortgang blijven informeren.",
     "informeren", "voortgang", None, None),
    ("Het ministerie zal de komende maanden een inventarisatie maken van de knelpunten.",
     "product", "inventarisatie", "de komende maanden", None),
    ("Het kabinet is bereid de rapportage voor 1 mei aan de Kamer toe te zenden.",
     "toezegging", "rapportage", "voor 1 mei", date(2025, 4, 30)),
    ("Het kabinet heeft toegezegd voor de zomer een actieplan op te stellen.",
     "toezegging", "actieplan", "voor de zomer", date(2025, 7, 4)),
    ("Ik ga de Kamer hierover informeren.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Ik zal er zorg voor dragen dat de Kamer de evaluatie voor 1 juli ontvangt.",
     "product", "evaluatie", "voor 1 juli", date(2025, 6, 30)),
    ("De Tweede Kamer zal in het voorjaar een voortgangsbrief ontvangen.",
     "informeren", "voortgangsbrief", "in het voorjaar", date(2025, 5, 31)),
    ("Ik zal uw Kamer uiterlijk in het eerste kwartaal van 2026 informeren over de uitkomsten.",
     "informeren", "uitkomsten", "uiterlijk in het eerste kwartaal van 2026", date(2026, 3, 31)),
    ("Ik verwacht u hierover in het voorjaar nader te kunnen informeren.",
     "informeren", "informatie aan de Kamer", "in het voorjaar", date(2025, 5, 31)),
    ("Uw Kamer zal hierover in de eerstvolgende voortgangsrapportage worden geïnformeerd.",
     "informeren", "informatie aan de Kamer", "in de eerstvolgende voortgangsrapportage", None),
    ("Ik zeg u toe dat ik de Kamer voor het zomerreces een overzicht stuur.",
     "toezegging", "overzicht", "voor het zomerreces", date(2025, 7, 4)),
    ("In de tweede helft van dit jaar zal ik de Kamer een voorstel doen toekomen.",
     "product", "voorstel", "In de tweede helft van dit jaar", date(2025, 12, 31)),
    ("Ik stuur u voor de zomer het rapport van de commissie toe.",
     "product", "rapport van de commissie", "voor de zomer", date(2025, 7, 4)),
    ("De minister van EZK zal u hierover nader informeren.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Voor de zomer zal ik u, samen met de minister van Defensie, een brief sturen.",
     "informeren", "brief", "Voor de zomer", date(2025, 7, 4)),
    ("Zoals in de brief van 3 maart aangekondigd, zal het wetsvoorstel in mei in consultatie gaan.",
     "product", "wetsvoorstel", "in mei", date(2025, 5, 31)),
    ("Het onderzoek wordt uitgevoerd door een extern bureau en zal in het najaar worden afgerond.",
     "product", "onderzoek", "in het najaar", date(2025, 11, 30)),
    ("Het kabinet zal de Kamer informeren zodra de onderhandelingen zijn afgerond.",
     "informeren", "informatie aan de Kamer", "zodra de onderhandelingen zijn afgerond", None),
    ("De staatssecretaris zal de Kamer in april een kabinetsreactie op het IOB-rapport sturen.",
     "product", "kabinetsreactie op het IOB-rapport", "in april", date(2025, 4, 30)),
    ("Ik zal uw Kamer na afloop van de Raad via het verslag informeren over de uitkomsten.",
     "informeren", "uitkomsten", "na afloop van de Raad", None),
    ("Op 5 maart heb ik u geïnformeerd over de sancties; ik zal u voor de zomer informeren over de evaluatie.",
     "informeren", "over de evaluatie", "voor de zomer", date(2025, 7, 4)),
    ("De Kamer is in januari geïnformeerd over het plan en zal in juni de evaluatie ontvangen.",
     "product", "evaluatie", "in juni", date(2025, 6, 30)),
    ("Ik houd uw Kamer op de hoogte van de ontwikkelingen.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Wij houden u op de hoogte.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Hierop kom ik voor de zomer terug.",
     "informeren", "informatie aan de Kamer", "voor de zomer", date(2025, 7, 4)),
    ("Ik informeer de Kamer hierover nader.",
     "informeren", "informatie aan de Kamer", None, None),
    ("Ook zal het kabinet onderzoeken hoe de werking van de sancties kan worden versterkt.",
     "product", "onderzoek hoe de werking", None, None),
    ("Ik zal laten onderzoeken of een centraal register mogelijk is.",
     "product", "onderzoek of een centraal register", None, None),
    ("Ik zal de Kamer de gevraagde informatie verstrekken.",
     "informeren", "informatie aan de Kamer", None, None),
    ("De minister van VWS zal de Kamer in het najaar een voortgangsbrief sturen.",
     "informeren", "voortgangsbrief", "in het najaar", date(2025, 11, 30)),
    ("Ik zal de Kamer informeren, uiterlijk voor de zomer.",
     "informeren", "informatie aan de Kamer", "uiterlijk voor de zomer", date(2025, 7, 4)),
    ("Het kabinet zal de Kamer in de Voorjaarsnota informeren over de financiële gevolgen.",
     "informeren", "financiële gevolgen", "in de Voorjaarsnota", date(2025, 6, 1)),
    ("Voor het einde van dit jaar zal ik uw Kamer de evaluatie van het programma toesturen.",
     "product", "evaluatie van het programma", "Voor het einde van dit jaar", date(2025, 12, 31)),
    ("Ik zal de Kamer, zodra de gesprekken zijn afgerond, over de uitkomst informeren.",
     "informeren", "uitkomst", "zodra de gesprekken zijn afgerond", None),
    ("Binnen zes weken ontvangt uw Kamer een reactie op het rapport.",
     "product", "reactie op het rapport", "Binnen zes weken", date(2025, 4, 21)),
]


@pytest.mark.parametrize(("text", "kind", "deliverable", "deadline", "due"), CLEAR)
def test_clear_shapes(text: str, kind: str, deliverable: str, deadline: str | None, due: date | None) -> None:
    c = one(text)
    assert c.certainty == "clear", (c.kind, c.certainty)
    assert c.kind == kind
    assert deliverable.lower() in c.deliverable.lower(), c.deliverables
    if deadline is None:
        assert c.deadline is None, c.deadline
    else:
        assert c.deadline is not None and c.deadline.text == deadline, c.deadline
        assert c.deadline.due == due
        assert text[c.deadline.start:c.deadline.end] == deadline
    assert c.revision is None
    assert c.page is None


def test_confidence_is_calibrated() -> None:
    dated = one("Het kabinet zal in het derde kwartaal een nieuwe Afrikastrategie presenteren.")
    undated = one("Het kabinet zal een nieuwe Afrikastrategie presenteren.")
    hedged = one("Naar verwachting zal de Afrikastrategie in het derde kwartaal worden afgerond.")
    assert dated.confidence >= 0.9
    assert 0.75 <= undated.confidence < dated.confidence
    assert hedged.certainty == "borderline" and hedged.confidence < undated.confidence


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Ik zal uw Kamer voor de zomer informeren over de uitkomst.", ACTOR),
        ("Het kabinet zal voor de zomer een brief over de uitkomst sturen.", "het kabinet"),
        ("De regering zal de Kamer in mei een overzicht sturen.", "de regering"),
        ("Het ministerie van BZK zal in juni een onderzoek opleveren.", "het ministerie van BZK"),
        ("De minister van Defensie zal uw Kamer voor de zomer informeren over de missie.",
         "de minister van Defensie"),
        ("Uw Kamer wordt hierover geïnformeerd door de staatssecretaris van Financiën.",
         "de staatssecretaris van Financiën"),
        ("Uw Kamer ontvangt in juni een brief over de uitvoering.", ACTOR),
        ("De Kamer wordt na de zomer over de resultaten geïnformeerd.", ACTOR),
        ("Wij zullen uw Kamer in het najaar een nieuwe nota sturen.", ACTOR),
        ("Hiertoe zal het demissionaire kabinet voor de zomer een plan presenteren.", "het kabinet"),
    ],
)
def test_actor(text: str, actor: str) -> None:
    assert one(text).actor == actor


# ---------------------------------------------------------------------------
# Borderline
# ---------------------------------------------------------------------------

BORDERLINE = [
    "Nederland zal dit onderwerp opnieuw agenderen bij de Raad Buitenlandse Zaken in maart.",
    "Naar verwachting zal de evaluatie in het voorjaar van 2025 worden afgerond.",
    "Het streven is om het wetsvoorstel voor de zomer in consultatie te brengen.",
    "Het kabinet is voornemens later dit jaar een conferentie over maritieme veiligheid te organiseren.",
    "De evaluatie wordt ter beschikking gesteld aan de commissie die het onderzoek uitvoert.",
    "Daarover zullen de betrokken partners te zijner tijd worden geïnformeerd.",
    "Het kabinet zal in dit kader deelnemen aan de coalitie voor maritieme veiligheid.",
    "Ik streef ernaar uw Kamer voor de zomer te informeren.",
    "Naar verwachting ontvangt uw Kamer de nota in mei.",
    "Ik ben voornemens uw Kamer voor de zomer een plan te sturen.",
    "Het kabinet zal dit jaar nog een besluit nemen over de financiering.",
    "Het kabinet zal zich inspannen om de evaluatie voor de zomer af te ronden.",
    "Ik zal dit punt opbrengen in de Raad Buitenlandse Zaken van 14 april.",
    "Over de voortgang van de uitvoering informeer ik uw Kamer jaarlijks via de voortgangsrapportage.",
    "De verwachting is dat het wetsvoorstel in het najaar aan uw Kamer kan worden aangeboden.",
    "Ik heb het voornemen om in het voorjaar een brief aan uw Kamer te sturen.",
    "Ik beoog de Kamer voor de zomer te informeren.",
]


@pytest.mark.parametrize("text", BORDERLINE)
def test_borderline(text: str) -> None:
    c = one(text)
    assert c.certainty == "borderline", (c.kind, c.certainty)
    assert c.confidence < 0.7


def test_borderline_raising_a_subject_has_the_meeting_as_time() -> None:
    c = one("Nederland zal dit onderwerp opnieuw agenderen bij de Raad Buitenlandse Zaken in maart.")
    assert c.kind == "actie" and c.actor == "Nederland"
    assert c.deadline is not None and "maart" in c.deadline.text


def test_product_for_someone_else_is_borderline() -> None:
    c = one("De evaluatie wordt ter beschikking gesteld aan de commissie die het onderzoek uitvoert.")
    assert c.kind == "product" and "evaluatie" in c.deliverable


# ---------------------------------------------------------------------------
# Not commitments
# ---------------------------------------------------------------------------

NOT_COMMITMENTS = [
    # lasting policy lines
    "Nederland blijft zich inzetten voor een sterke internationale rechtsorde.",
    "Het kabinet zal zich blijven inzetten voor de vrijlating van politieke gevangenen.",
    "Het kabinet zal bij de partners blijven pleiten voor humanitaire toegang.",
    "Nederland zal de ontwikkelingen nauwlettend blijven volgen.",
    # past actions and facts
    "In 2024 heeft de EU twaalf personen en drie entiteiten gesanctioneerd.",
    "Uw Kamer is op 3 maart jl. geïnformeerd over de uitkomsten van de Raad.",
    "Het kabinet heeft in januari een brief aan uw Kamer gestuurd.",
    "In het voorjaar van 2023 is de strategie gepubliceerd.",
    "De Kamer is hierover op 12 februari 2024 per brief geïnformeerd.",
    # what others plan
    "Frankrijk heeft aangekondigd volgend jaar een conferentie te organiseren.",
    "De AIV gaat over het eigen werkprogramma.",
    "De Europese Commissie zal in het najaar een voorstel presenteren.",
    "De VN zal naar verwachting in juni een resolutie aannemen.",
    "Het rapport van de Rekenkamer verschijnt in het najaar.",
    "Het Strategisch Concept van de NAVO, dat naar verwachting in juni wordt vastgesteld, is belangrijk.",
    "De EU is bereid de sancties verder uit te breiden.",
    # questions
    "Kunt u toezeggen dat de Kamer voor de zomer een brief ontvangt?",
    "Is de minister bereid de Kamer hierover voor de zomer te informeren?",
    "Wanneer ontvangt de Kamer de evaluatie van het programma?",
    # negation
    "Ik zal de Kamer niet nader informeren over de vertrouwelijke onderhandelingen.",
    "Het kabinet zal geen nieuwe strategie opstellen.",
    # the letter itself
    "Via deze brief informeer ik uw Kamer over de stand van zaken.",
    "Met deze brief informeer ik u over de uitkomst van de Raad.",
    # hypothetical
    "Als de situatie verslechtert, zou het kabinet aanvullende maatregelen kunnen nemen.",
    # obligation, open outcome
    "De kosten zullen structureel moeten worden verlaagd.",
    "Het zal afhangen van de onderhandelingen of wij besluiten tot deelname.",
    # Kamer members
    "De leden van de fractie willen dat het onderzoek nog deze zomer wordt afgerond.",
    # more negation, performative letters, requests by others
    "Het kabinet zal de Kamer er niet over informeren.",
    "De mensen komen terug naar Nederland.",
    "De gemeente zal in juni een plan presenteren.",
    "Het Europees Parlement zal in het najaar een resolutie aannemen.",
    "De sector zal voor de zomer een convenant opstellen.",
    "Het CBS publiceert in juni de cijfers.",
    "De motie verzoekt de regering om de mogelijkheden te onderzoeken.",
    "Met de motie wordt de regering verzocht voor de zomer een plan te presenteren.",
    "Het kabinet zou in mei een brief sturen.",
    "Tijdens het commissiedebat heb ik toegezegd u voor de zomer te informeren over de visa. "
    "Met deze brief kom ik die toezegging na.",
    "In het commissiedebat van 3 maart heb ik toegezegd uw Kamer te informeren over de stand van zaken. "
    "Met deze brief doe ik dat.",
    "Kunt u aangeven wanneer de Kamer de evaluatie ontvangt?",
    "De leden vragen of de regering bereid is de Kamer te informeren.",
    "Het lid Jansen vraagt of de minister in het najaar een brief kan sturen.",
    "Ik heb de Kamer op 3 april jl. geïnformeerd en de Kamer zal ook nu worden geïnformeerd via deze brief.",
    "Ik heb u hierover op de hoogte gehouden.",
    "Ik kan niet toezeggen dat de brief voor de zomer komt.",
    "Het kabinet is niet bereid de Kamer een overzicht te sturen.",
    "Ik zie geen aanleiding om de Kamer een nieuwe brief te sturen.",
    "Deze brief wordt u aangeboden mede namens de minister van Defensie.",
    "Bijgaand ontvangt u de antwoorden op de schriftelijke vragen.",
    "Hierbij bied ik u de evaluatie aan.",
    "Met deze brief geef ik invulling aan de toezegging om de Kamer te informeren.",
    "Ik heb toegezegd de Kamer te informeren en doe dat met deze brief.",
    "Ik zal me ervoor blijven inzetten dat de Kamer tijdig wordt geïnformeerd.",
    "Uw Kamer heeft gevraagd om voor de zomer een brief te ontvangen.",
    "De Kamer wordt gevraagd in te stemmen met het voorstel.",
    "Het kabinet heeft de Kamer op 3 mei geïnformeerd en zal dat blijven doen.",
    "Het Europees Parlement stemt naar verwachting in juni over het voorstel.",
    "Nederland steunt het voorstel van de Commissie om in 2026 een evaluatie uit te voeren.",
    "De evaluatie is in 2024 aan uw Kamer toegezonden.",
    "De Commissie komt in het najaar met een voorstel.",
    "De Raad zal in juni een besluit nemen over de verlenging.",
    "Daarmee komt er een einde aan de onzekerheid.",
    "Hieruit volgt dat de regeling in 2026 afloopt.",
    "Het zal het mogelijk maken om sneller te handelen.",
    "Nederland zet zich in voor sancties, indien nieuwe informatie aan het licht komt over de betrokkenen.",
    "Zoals toegezegd in het commissiedebat van 12 maart, informeer ik u met deze brief over de stand van zaken.",
    "Het kabinet zal de komende jaren fors investeren in defensie.",
    "Het kabinet zal de uitvoering van het beleid nauwgezet monitoren.",
    "Op 14 mei jl. heb ik uw Kamer geïnformeerd over de uitkomsten.",
    "Het kabinet gaat ervan uit dat de Commissie in juni een voorstel presenteert.",
    "Wij verwachten dat de Raad in juni een besluit neemt.",
    "Het advies van de AIV wordt in het najaar verwacht.",
    "De evaluatie van de Rekenkamer verschijnt naar verwachting in juni.",
    "Nederland zal in de EU blijven pleiten voor een ambitieuze inzet.",
    "De commissie zal haar rapport in het najaar publiceren.",
    "Zij zullen de Kamer in juni informeren.",
    "De Kamer ontvangt doorgaans in september de begroting.",
    "De evaluatie zal laten zien of de maatregelen effectief zijn.",
    "Het kabinet verwelkomt het voorstel dat de Commissie in het najaar zal presenteren.",
    "Na de zomer zal blijken of de maatregelen voldoende zijn.",
    # plain statements with a future tense but nothing to deliver
    "In Afrika zal de bevolking de komende decennia naar verwachting verdubbelen.",
    "Deze steun gaat naar het financieren van reparaties aan de energie-infrastructuur.",
]


@pytest.mark.parametrize("text", NOT_COMMITMENTS)
def test_not_commitments(text: str) -> None:
    none(text)


def test_questions_are_skipped_with_spans() -> None:
    text = (
        "1\nKunt u toezeggen de Kamer voor de zomer een brief te sturen? Naar verwachting is de "
        "strategie in het derde kwartaal afgerond.\n\nAntwoord\nIk zal uw Kamer voor de zomer een brief sturen."
    )
    answer = text.index("Ik zal")
    cs = find(text, spans=[(answer, len(text))])
    assert [c.text for c in cs] == ["Ik zal uw Kamer voor de zomer een brief sturen."]


def test_questions_are_skipped_without_spans() -> None:
    text = (
        "Vraag\nDe AIV werkt aan een advies. Naar verwachting is dit in het derde kwartaal afgerond. "
        "Kan dit sneller?\n\nAntwoord\nDe AIV gaat over het eigen werkprogramma, maar ik ben graag bereid "
        "hierover met de AIV in overleg te gaan."
    )
    cs = find(text)
    assert len(cs) == 1
    assert cs[0].kind == "toezegging" and cs[0].actor == ACTOR
    assert "in overleg" in cs[0].deliverable


# ---------------------------------------------------------------------------
# Multiple deliverables
# ---------------------------------------------------------------------------


def test_one_sentence_several_products_is_one_record() -> None:
    c = one("Het kabinet zal in het derde kwartaal een Afrikastrategie en een Latijns-Amerikastrategie presenteren.")
    assert c.deliverables == ["Afrikastrategie", "Latijns-Amerikastrategie"]
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)


def test_coordinated_acts_add_deliverables() -> None:
    c = one("Ik zal de Kamer voor de zomer informeren over de onderhandelingen en na de zomer een evaluatie sturen.")
    assert c.deliverables == ["informatie aan de Kamer over de onderhandelingen", "evaluatie"]
    assert c.deadline is not None and c.deadline.text == "voor de zomer"
    c = one("Het kabinet zal de Kamer blijven informeren over de consultaties en de ideeën over het stelsel "
            "nader uitwerken.")
    assert c.deliverables[0] == "informatie aan de Kamer over de consultaties"
    assert "ideeën over het stelsel nader uitwerken" in c.deliverables[1]


def test_list_items_under_an_undertaking() -> None:
    text = (
        "Het kabinet zal de komende maanden:\n"
        "- de Kamer voor de zomer informeren over de uitkomsten van de consultatie;\n"
        "- een evaluatie van het fonds laten uitvoeren;\n"
        "- in het najaar een nieuwe Afrikastrategie presenteren.\n"
        "Daarnaast blijft Nederland zich inzetten voor de regio."
    )
    cs = find(text)
    assert [c.kind for c in cs] == ["informeren", "product", "product"]
    assert all(c.actor == "het kabinet" and c.certainty == "clear" for c in cs)
    assert cs[0].deadline is not None and cs[0].deadline.due == date(2025, 7, 4)
    assert cs[1].deliverables == ["evaluatie van het fonds"]
    assert cs[2].deliverables == ["Afrikastrategie"] and cs[2].deadline is not None
    for c in cs:
        assert c.text.startswith("- ") and text[c.start:c.end] == c.text


def test_numbered_items_under_a_toezegging() -> None:
    text = ("Ik zeg u het volgende toe:\n1. ik stuur de Kamer voor 1 juni het rapport;\n"
            "2. de Kamer ontvangt in het najaar de evaluatie.")
    cs = find(text)
    assert [c.deliverables for c in cs] == [["rapport"], ["evaluatie"]]
    assert [c.deadline.due if c.deadline else None for c in cs] == [date(2025, 5, 31), date(2025, 11, 30)]


def test_list_under_a_negated_lead_is_not_a_commitment() -> None:
    none("Het kabinet zal niet:\n- de Kamer een brief sturen;\n- een nieuwe strategie opstellen.")


def test_several_products_in_a_bracket() -> None:
    text = ("Dit geldt voor klimaat en gezondheid (in het derde kwartaal kunt u een Internationale "
            "Waterstrategie en Global Health strategie verwachten).")
    c = one(text)
    assert c.deliverables == ["Internationale Waterstrategie", "Global Health strategie"]
    assert c.kind == "product" and c.deadline is not None and c.deadline.text == "in het derde kwartaal"


# ---------------------------------------------------------------------------
# Which phrase is the deadline
# ---------------------------------------------------------------------------


def test_conference_date_is_not_the_deadline() -> None:
    c = one("Het kabinet zal besluiten over deelname aan de conferentie die dit najaar plaatsvindt.")
    assert c.deadline is None


def test_conference_date_after_the_topic_noun_is_not_the_deadline() -> None:
    c = one("Nederland zal op basis van de onderhandelingen besluiten over deelname dit najaar.")
    assert c.deadline is None


def test_past_date_in_subordinate_clause_is_not_the_deadline() -> None:
    ref = date(2025, 9, 20)
    c = one("Nadat de Raad op 10 september 2025 een besluit heeft genomen, zal ik uw Kamer in oktober "
            "informeren over de gevolgen.", ref)
    assert c.deadline is not None and c.deadline.text == "in oktober"
    assert c.deadline.due == date(2025, 10, 31)


def test_past_date_of_the_promise_itself_is_not_the_deadline() -> None:
    ref = date(2025, 10, 1)
    c = one("Op 10 september 2025 heeft het kabinet toegezegd de Kamer voor 1 december 2025 een plan "
            "van aanpak te sturen.", ref)
    assert c.kind in ("toezegging", "product")
    assert c.deadline is not None and c.deadline.due == date(2025, 11, 30)


def test_time_of_another_event_in_a_relative_clause() -> None:
    c = one("Ik zal uw Kamer, na afloop van de top die in juni plaatsvindt, in juli informeren.")
    assert c.deadline is not None and c.deadline.text == "in juli"


def test_event_topic_versus_informing_time() -> None:
    c = one("Ik zal uw Kamer in april informeren over de conferentie in juni.")
    assert c.deadline is not None and c.deadline.text == "in april"


def test_for_year_is_not_a_deadline() -> None:
    c = one("Voor 2026 zal het kabinet de Kamer in de HGIS-nota 2026 een overzicht van de uitgaven geven.")
    assert c.deadline is not None and "HGIS-nota" in c.deadline.text


def test_no_time_phrase_no_deadline() -> None:
    c = one("Hiertoe zal het kabinet een gerichte Azië-strategie formuleren.")
    assert c.deadline is None and c.deliverables == ["Azië-strategie"]


def test_deadline_from_the_next_sentence() -> None:
    text = ("Het kabinet heeft toegezegd nationale maatregelen voor te bereiden tegen de invoer van "
            "deze producten. Dit doet het kabinet zo snel mogelijk.")
    c = one(text)
    assert c.end == len(text)
    assert c.deadline is not None and c.deadline.precision == "vague"
    assert c.deadline.text == "zo snel mogelijk"
    assert text[c.deadline.start:c.deadline.end] == "zo snel mogelijk"


def test_anaphoric_sentence_dates_the_product_before_it() -> None:
    text = ("Daartoe zal een nieuwe strategie voor het handelsbeleid worden opgesteld. "
            "Deze handelsstrategie zal in het derde kwartaal worden afgerond.")
    c = one(text)
    assert (c.start, c.end) == (0, len(text))
    assert c.deliverables == ["handelsstrategie"]
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)


def test_expected_completion_in_next_sentence_takes_product_from_before() -> None:
    text = ("Momenteel wordt de Amerikastrategie opgesteld. "
            "Naar verwachting is deze in het derde kwartaal afgerond.")
    c = one(text)
    assert c.start == 0 and c.end == len(text)
    assert "Amerikastrategie" in c.deliverable
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)


def test_content_sentence_joins_the_promised_letter() -> None:
    text = ("Zoals toegezegd informeert het kabinet de Kamer voor eind april over de evacuaties. "
            "In deze brief zal ook worden ingegaan op de medische zorg.")
    c = one(text)
    assert c.end == len(text)
    assert c.deadline is not None and c.deadline.due == date(2025, 4, 30)


def test_deadline_offsets_are_relative_to_the_full_text() -> None:
    prefix = "Inleiding.\n\n"
    c = one(prefix + "Uw Kamer ontvangt uiterlijk 1 juni een brief over de stand van zaken.")
    assert c.deadline is not None
    assert (prefix + c.text)[0:0] == ""
    assert c.deadline.start is not None and c.deadline.end is not None
    assert (prefix + "Uw Kamer ontvangt uiterlijk 1 juni een brief over de stand van zaken.")[
        c.deadline.start:c.deadline.end
    ] == "uiterlijk 1 juni"


# ---------------------------------------------------------------------------
# Revisions
# ---------------------------------------------------------------------------


def test_revision_with_slack_and_no_new_date() -> None:
    text = ("Er wordt gewerkt aan een nieuwe Arctische strategie. Eerder is uw Kamer gemeld dat deze in "
            "Q1 2026 zou verschijnen; enige speling is nodig.")
    c = one(text)
    assert c.revision is not None
    assert c.revision.previous is not None and c.revision.previous.due == date(2026, 3, 31)
    assert c.deadline is None
    assert "Arctische strategie" in c.deliverable


def test_revision_over_two_sentences() -> None:
    text = ("Eerder is aan uw Kamer toegezegd dat de handelsagenda voor de zomer zou verschijnen. "
            "Door de verkiezingen is meer tijd nodig; de agenda verschijnt nu na de zomer.")
    c = one(text)
    assert c.revision is not None and c.revision.previous is not None
    assert c.revision.previous.text == "voor de zomer"
    assert c.deadline is not None and c.deadline.text == "na de zomer"
    assert c.end == len(text) and c.revision.end == len(text)
    assert "handelsagenda" in c.deliverable


def test_revision_delayed_with_new_date() -> None:
    c = one("De evaluatie van het mensenrechtenfonds is vertraagd en verschijnt nu in het derde kwartaal van 2025.")
    assert c.revision is not None and c.revision.previous is None
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)
    assert "evaluatie" in c.deliverable


def test_revision_originally_planned() -> None:
    c = one("De evaluatie, die oorspronkelijk voor het voorjaar was voorzien, verschijnt nu in het najaar.")
    assert c.revision is not None and c.revision.previous is not None
    assert c.revision.previous.text == "voor het voorjaar"
    assert c.deadline is not None and c.deadline.due == date(2025, 11, 30)


def test_revision_not_in_but_in() -> None:
    c = one("Anders dan eerder gemeld zal de nota niet in juni maar in september verschijnen.")
    assert c.revision is not None and c.revision.previous is not None
    assert c.revision.previous.due == date(2025, 6, 30)
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)


def test_revision_postponed_until() -> None:
    c = one("Door capaciteitsgebrek wordt de publicatie van de strategie uitgesteld tot het eerste kwartaal van 2026.")
    assert c.revision is not None
    assert c.deadline is not None and c.deadline.due == date(2026, 3, 31)


def test_revision_later_than_announced() -> None:
    c = one("De Afrikanota verschijnt later dan eerder aangekondigd, namelijk in september.")
    assert c.revision is not None
    assert c.deadline is not None and c.deadline.due == date(2025, 9, 30)


def test_restated_earlier_promise_is_not_a_revision() -> None:
    c = one("Eerder is uw Kamer toegezegd dat de handelsagenda voor de zomer zou verschijnen.")
    assert c.revision is None
    assert c.deadline is not None and c.deadline.text == "voor de zomer"


def test_past_delay_is_not_a_revision() -> None:
    none("Door de pandemie hebben veel programma's in 2020 vertraging opgelopen.")
    none("Het economisch zwaartepunt is de afgelopen decennia verschoven.")


# ---------------------------------------------------------------------------
# Several commitments and spans
# ---------------------------------------------------------------------------


def test_several_commitments_in_one_answer_and_offsets() -> None:
    text = (
        "Antwoord\nDe situatie is zorgelijk. Het kabinet zal in mei een brief over de hulp sturen. "
        "Nederland blijft zich inzetten voor toegang. Uw Kamer ontvangt uiterlijk 1 juli de evaluatie "
        "van het programma."
    )
    cs = find(text)
    assert [c.kind for c in cs] == ["informeren", "product"]
    for c in cs:
        assert text[c.start:c.end] == c.text
    assert cs[0].deadline is not None and cs[0].deadline.due == date(2025, 5, 31)
    assert cs[1].deadline is not None and cs[1].deadline.due == date(2025, 7, 1)


def test_spans_restrict_detection() -> None:
    text = "Ik zal uw Kamer in mei informeren. Ik zal uw Kamer in juni informeren."
    cs = find(text, spans=[(35, len(text))])
    assert len(cs) == 1 and cs[0].deadline is not None and cs[0].deadline.text == "in juni"


def test_overlapping_spans_give_one_record() -> None:
    text = "Ik zal uw Kamer in mei informeren over de uitkomst."
    assert len(find(text, spans=[(0, 30), (10, len(text)), (0, len(text))])) == 1
    assert find(text, spans=[]) == []


def test_repeated_promise_is_found_each_time() -> None:
    text = ("Vraag\nWanneer komt de brief?\n\nAntwoord\nUw Kamer ontvangt in juni een brief.\n\n"
            "Vraag\nEn de brief?\n\nAntwoord\nZoals gezegd ontvangt uw Kamer in juni een brief.")
    assert len(find(text)) == 2


def test_without_reference_date() -> None:
    c = one("Uw Kamer ontvangt uiterlijk 1 juni 2031 een brief over de evaluatie.", ref=None)
    assert c.deadline is not None and c.deadline.due == date(2031, 6, 1)


def test_empty_text() -> None:
    assert find("") == []


def test_each_promise_in_a_long_answer_text_is_found_once() -> None:
    # Realistic density: one promise among several paragraphs of plain answer text.
    answer = (
        "Antwoord\nHet kabinet deelt de zorgen van de leden over de humanitaire situatie. Nederland "
        "roept alle partijen op tot terughoudendheid en steunt de inzet van de VN. In 2024 is EUR 20 "
        "miljoen bijgedragen aan het noodhulpfonds (Kamerstuk 36 180, nr. 12). Ik zal uw Kamer voor de "
        "zomer informeren over de besteding van deze middelen.\n\n"
    )
    plain = (
        "Nederland heeft in 2024 samen met partners ingezet op diplomatieke druk. De EU heeft daarbij "
        "verschillende entiteiten gesanctioneerd en de exportbeperkingen uitgebreid. De consultaties met "
        "de regio vonden plaats in maart. Daarnaast blijft Nederland zich inzetten voor toegang voor "
        "hulporganisaties, zowel bilateraal als in EU-verband. Het mandaat is in 2024 verlengd tot eind "
        "2025 en de uitvoering ligt op schema.\n\n"
    )
    text = (answer + plain * 4) * 50
    assert len(find(text)) == 50


# ---------------------------------------------------------------------------
# Regression over the shared corpus (counts only; hand-verified, see the
# report of the commitment detector). Reference dates are the documents' own.
# ---------------------------------------------------------------------------

_LIGATURES = str.maketrans({"Ɵ": "ti", "Ō": "ft", "Ʃ": "tt", "Ư": "ff", "ﬁ": "fi", "ﬂ": "fl"})
CORPUS = {
    # file prefix: (reference date, clear, borderline, revisions)
    "000": (date(2025, 5, 27), 0, 0, 0),
    "001": (date(2022, 4, 26), 3, 6, 0),
    "002": (date(2021, 6, 16), 4, 2, 0),  # "Mocht dat het geval zijn, zal ik …" is conditional: no promise
    "003": (date(2026, 1, 28), 15, 6, 1),
    "004": (date(2022, 3, 8), 17, 7, 0),
}


@pytest.mark.parametrize("prefix", sorted(CORPUS))
def test_corpus_counts(corpus_dir, prefix: str) -> None:
    path = next(corpus_dir.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8").translate(_LIGATURES)
    ref, clear, borderline, revisions = CORPUS[prefix]
    cs = find_commitments(text, reference_date=ref, default_actor=ACTOR)
    assert sum(c.certainty == "clear" for c in cs) == clear
    assert sum(c.certainty == "borderline" for c in cs) == borderline
    assert sum(c.revision is not None for c in cs) == revisions
    for c in cs:
        assert text[c.start:c.end] == c.text
        assert not c.text.rstrip().endswith("?")
        if c.deadline is not None and c.deadline.start is not None:
            assert text[c.deadline.start:c.deadline.end] == c.deadline.text
            assert c.start <= c.deadline.start < c.end


def test_a_past_date_stated_with_its_year_still_governs_and_is_simply_overdue() -> None:
    text = "Bij de Voorjaarsnota 2026 zal het kabinet invulling geven aan de rest van de motie."
    [found] = find_commitments(text, reference_date=date(2026, 6, 4))
    assert found.deadline is not None
    assert found.deadline.due == date(2026, 6, 1)
