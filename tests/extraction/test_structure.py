"""Tests for tracker.extraction.structure (document metadata and Q/A segmentation).

The fixtures below are written for these tests in the shapes of real
Kamerstukken; they are not taken from any document.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import CORPUS_DIR, require_or_skip
from tracker.extraction.structure import document_info, item_at, segment
from tracker.extraction.types import DOCUMENT_KINDS, REFERENCE_DATE_SOURCES, QAItem

# In fixtures "~" stands for a trailing space (PDF text keeps them; the
# linter does not allow them in source).


def _check_spans(text: str, items: list[QAItem]) -> None:
    """Spans are exact, trimmed, ordered and do not overlap."""
    prev_end = 0
    for it in items:
        assert prev_end <= it.question_start <= it.question_end <= it.answer_start
        assert it.answer_start <= it.answer_end <= len(text)
        q = text[it.question_start : it.question_end]
        assert q == q.strip()
        assert " ".join(q.split()) == it.question
        a = text[it.answer_start : it.answer_end]
        assert a == a.strip()
        prev_end = it.answer_end


def _q(text: str, it: QAItem) -> str:
    return text[it.question_start : it.question_end]


def _a(text: str, it: QAItem) -> str:
    return text[it.answer_start : it.answer_end]


# ---------------------------------------------------------------------------
# Shape 1: numbered list under a "Nr Vraag Blz. (van) t/m" header
# ---------------------------------------------------------------------------

LIJST = """\

36999-XVI-1 Jaarverslag ministerie van Volksgezondheid, Welzijn en Sport 2024

nr. Lijst van vragen en antwoorden

Vastgesteld (wordt door griffie ingevuld als antwoorden er zijn)

De vaste commissie voor Volksgezondheid, Welzijn en Sport heeft een aantal vragen
voorgelegd aan de minister van Volksgezondheid, Welzijn en Sport over de brief van
de minister inzake het Jaarverslag ministerie van Volksgezondheid, Welzijn en Sport
2024 (36999-XVI-1, nr. 1).

De daarop door de minister gegeven antwoorden zijn hierbij afgedrukt.

Voorzitter van de commissie,
Jansen

Griffier van de commissie,
Kuipers

Nr Vraag Blz. (van) t/m

1 Hoeveel meldingen over lange wachttijden kwamen in 2024 binnen, en hoe
lang duurde het gemiddeld voordat een melder antwoord kreeg?

Antwoord

In 2024 kwamen 1.930 meldingen binnen. De verdeling naar wachttijd:

Wachttijd Meldingen
2 weken of korter 1.210
3 tot 6 weken 540
langer 180

Het meldpunt heeft op 3 maart jl. een nieuwe werkwijze ingevoerd.

4

2 Welke maatregelen zijn in 2024 genomen om de werkdruk van verpleegkundigen
te verlagen?

Antwoord

Het ministerie heeft drie maatregelen genomen:
1 een fonds voor extra opleidingsplaatsen;
2 een regeling voor herintreders;
3 minder registratielast per dienst.
Op 14 april jl. is uw Kamer over de eerste resultaten geïnformeerd; in maart jl.
volgde een tussenstand.

3 Waarom is het budget voor preventie in 2024 niet volledig besteed?

Antwoord

Een aantal projecten startte later dan gepland. De minister zal uw Kamer voor
de zomer over de besteding informeren.

12

"""


def test_lijst_items_and_spans() -> None:
    items = segment(LIJST)
    _check_spans(LIJST, items)
    assert [it.number for it in items] == ["1", "2", "3"]
    assert items[0].question.startswith("Hoeveel meldingen")
    assert items[0].question.endswith("antwoord kreeg?")
    # The table row "2 weken of korter" did not start item 2, and the lone
    # page-column number "4" is not part of answer 1.
    a1 = _a(LIJST, items[0])
    assert a1.startswith("In 2024 kwamen")
    assert "2 weken of korter 1.210" in a1
    assert a1.endswith("nieuwe werkwijze ingevoerd.")
    # The numbered list inside answer 2 did not start item 3.
    a2 = _a(LIJST, items[1])
    assert "3 minder registratielast per dienst." in a2
    assert a2.endswith("volgde een tussenstand.")
    assert items[2].question == "Waarom is het budget voor preventie in 2024 niet volledig besteed?"
    assert _a(LIJST, items[2]).endswith("over de besteding informeren.")
    assert all(it.member is None and it.party is None for it in items)


def test_lijst_document_info_placeholder_date_is_inferred_from_latest_jl() -> None:
    info = document_info(LIJST)
    assert info.kind == "lijst_van_vragen"
    assert info.title == "Jaarverslag ministerie van Volksgezondheid, Welzijn en Sport 2024"
    assert info.kamerstuk == "36999-XVI-1"
    assert info.committee == "Volksgezondheid, Welzijn en Sport"
    assert info.ministry == "Volksgezondheid, Welzijn en Sport"
    assert info.minister == "Minister van Volksgezondheid, Welzijn en Sport"
    # Latest "<d> <maand> jl." is 14 april; a jaarverslag over 2024 is
    # answered in 2025.
    assert info.reference_date == date(2025, 4, 14)
    assert info.reference_date_source == "inferred"


LIJST_KOLOMMEN = """\
Nr Vraag Blz. (van) t/m

1 Hoeveel inspecties vonden in 2024 plaats? 7 8

Antwoord

Er vonden 310 inspecties plaats.

Nr Vraag Blz. (van) t/m

2 Hoeveel daarvan waren onaangekondigd? 8

Antwoord

Ongeveer een derde.
"""


def test_lijst_page_columns_and_repeated_header_are_not_text() -> None:
    items = segment(LIJST_KOLOMMEN)
    _check_spans(LIJST_KOLOMMEN, items)
    assert [it.question for it in items] == [
        "Hoeveel inspecties vonden in 2024 plaats?",
        "Hoeveel daarvan waren onaangekondigd?",
    ]
    assert _a(LIJST_KOLOMMEN, items[0]) == "Er vonden 310 inspecties plaats."


# ---------------------------------------------------------------------------
# Shape 2: the number alone on its line
# ---------------------------------------------------------------------------

LOSSE_NUMMERS = """\
 1~
Hoeveel reservisten zijn in 2023 opgeroepen voor oefeningen in het
buitenland?~

Antwoord~
In 2023 zijn 640 reservisten opgeroepen. Het Ministerie van Defensie
houdt geen overzicht per land bij.

2~
Kunt u een overzicht geven van de uitgaven aan munitie per jaar?~

Antwoord~
Jaar
Uitgaven (mln)
2021
3~
2022
5~
Voor 2023 volgen de cijfers bij het jaarverslag.

Tweede Kamer, vergaderjaar 2023–2024, 36 410 X, nr. 9 2

 3~
Wanneer wordt de evaluatie van het reservistenbeleid afgerond?~

Antwoord~
De evaluatie wordt op 12 oktober jl. gestart. De resultaten volgen:
1~
een tussenrapport;
2~
een eindrapport.

4~
Welke rol speelt het Ministerie van Defensie bij de nationale
crisisstructuur?~

 Antwoord~
Het Ministerie van Defensie levert op verzoek capaciteit.
""".replace("~", " ")


def test_lone_numbers_skip_tables_and_lists_inside_answers() -> None:
    items = segment(LOSSE_NUMMERS)
    _check_spans(LOSSE_NUMMERS, items)
    assert [it.number for it in items] == ["1", "2", "3", "4"]
    # The table cell "3" in answer 2 is not item 3; the running header is
    # page furniture, not part of either text.
    a2 = _a(LOSSE_NUMMERS, items[1])
    assert a2.startswith("Jaar")
    assert a2.endswith("bij het jaarverslag.")
    assert items[2].question == "Wanneer wordt de evaluatie van het reservistenbeleid afgerond?"
    # The numbered list in answer 3 ("1", "2" on their own lines) stays in it.
    assert _a(LOSSE_NUMMERS, items[2]).endswith("een eindrapport.")
    assert items[3].question.startswith("Welke rol speelt")
    assert _a(LOSSE_NUMMERS, items[3]).startswith("Het Ministerie van Defensie levert")


def test_lone_numbers_document_info() -> None:
    info = document_info(LOSSE_NUMMERS)
    assert info.kind == "lijst_van_vragen"
    assert info.kamerstuk == "36410-X-9"
    assert info.ministry == "Defensie"
    assert info.minister is None
    # October falls in the first year of vergaderjaar 2023–2024.
    assert info.reference_date == date(2023, 10, 12)
    assert info.reference_date_source == "inferred"


def test_signature_closes_the_last_answer() -> None:
    text = (
        "1\nIs de regeling geëvalueerd?\n\nAntwoord\nJa, in 2024.\n\n"
        "De minister van Sociale Zaken en Werkgelegenheid,\n\nF.G. Smit\n"
    )
    items = segment(text)
    assert len(items) == 1
    assert _a(text, items[0]) == "Ja, in 2024."
    info = document_info(text)
    assert info.minister == "F.G. Smit, Minister van Sociale Zaken en Werkgelegenheid"
    assert info.ministry == "Sociale Zaken en Werkgelegenheid"


# ---------------------------------------------------------------------------
# Shape 3: fractie introductions, questions in prose, "n. Antwoord:"
# ---------------------------------------------------------------------------

FRACTIES = """\
 I Vragen en antwoorden

Vragen en opmerkingen van de leden van de BBB-fractie

De leden van de BBB-fractie hebben kennisgenomen van de Voortgangsrapportage
Natuurherstel 2023. Zij hebben nog enkele vragen.

Kan de Minister aangeven hoeveel hectare in 2023 is hersteld?

1. Antwoord:

In 2023 is 412 hectare hersteld, vooral in Drenthe en Overijssel.

De leden van de Europese Raad zijn op 8 februari jl. over de voortgang
geïnformeerd.

Tweede Kamer, vergaderjaar 2023–2024, 36 410 XIV, nr. 12 3

Deze leden lezen dat de uitvoering vertraging oploopt. Wat is daarvan
de oorzaak?

2. Antwoord: Zie het antwoord op vraag 1.

Vragen en opmerkingen van de leden van de SP-fractie

De leden van de SP-fractie maken zich zorgen over de handhaving in
beschermde gebieden.
Hoeveel boetes zijn er in 2023 opgelegd?

3. Antwoord:

Er zijn 37 boetes opgelegd.

De handhaving wordt in 2024 uitgebreid met twee teams.

1 Zie Kamerstuk 36 410 XIV, nr. 8.

Ook lezen zij dat twee provincies achterlopen bij de uitvoering. Welke
provincies zijn dat?

4. Antwoord:

Het gaat om twee provincies in het noorden. De Minister zal uw Kamer
hierover voor 1 juli informeren.

II Volledige agenda

Voortgangsrapportage Natuurherstel 2023. Kamerstuk 36 410 XIV, nr. 3
"""


def test_fracties_items_parties_and_question_boundaries() -> None:
    items = segment(FRACTIES)
    _check_spans(FRACTIES, items)
    assert [it.number for it in items] == ["1", "2", "3", "4"]
    assert [it.party for it in items] == ["BBB", "BBB", "SP", "SP"]
    assert all(it.member is None for it in items)
    # Item 1: the prose between the fractie heading and "1. Antwoord:".
    assert items[0].question.startswith("De leden van de BBB-fractie hebben kennisgenomen")
    assert items[0].question.endswith("in 2023 is hersteld?")
    # Answer 1 keeps its second paragraph ("De leden van de Europese Raad" is
    # not a fractie cue) but not the running header.
    a1 = _a(FRACTIES, items[0])
    assert a1.startswith("In 2023 is 412 hectare")
    assert a1.endswith("over de voortgang\ngeïnformeerd.")
    assert items[1].question.startswith("Deze leden lezen")
    assert _a(FRACTIES, items[1]) == "Zie het antwoord op vraag 1."
    # The heading ends answer 2; item 3's question starts after it.
    assert items[2].question.startswith("De leden van de SP-fractie maken zich zorgen")
    # The footnote at the end of answer 3 is trimmed off.
    assert _a(FRACTIES, items[2]).endswith("met twee teams.")
    assert items[3].question.startswith("Ook lezen zij")
    # The last answer stops at the next Roman-numbered section.
    a4 = _a(FRACTIES, items[3])
    assert a4.endswith("voor 1 juli informeren.")
    assert "Volledige agenda" not in a4


def test_fracties_document_info() -> None:
    info = document_info(FRACTIES)
    assert info.kind == "schriftelijke_antwoorden"
    assert info.kamerstuk == "36410-XIV-12"
    assert info.title == "Voortgangsrapportage Natuurherstel 2023"
    assert info.reference_date == date(2024, 2, 8)
    assert info.reference_date_source == "inferred"
    assert info.committee is None


FRACTIES_VRAAG_IN_ANTWOORD = """\
Vragen en opmerkingen van de leden van de CDA-fractie

Hoeveel gemeenten doen mee aan de proef?

1. Antwoord:

Waarom zo weinig? Dat vroegen ook de gemeenten zelf.

Wanneer volgt de evaluatie?

2. Antwoord:

In het najaar.
"""


def test_fracties_question_never_takes_the_first_answer_paragraph() -> None:
    items = segment(FRACTIES_VRAAG_IN_ANTWOORD)
    _check_spans(FRACTIES_VRAAG_IN_ANTWOORD, items)
    assert _a(FRACTIES_VRAAG_IN_ANTWOORD, items[0]).startswith("Waarom zo weinig?")
    assert items[1].question == "Wanneer volgt de evaluatie?"
    assert [it.party for it in items] == ["CDA", "CDA"]


# ---------------------------------------------------------------------------
# Shape 4: cover letter, member headings, Vraag / Antwoord blocks
# ---------------------------------------------------------------------------

BLOKKEN = """\
2025D01234  Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 12 november 2025

Hierbij treft u de schriftelijke antwoorden aan op vragen gesteld tijdens de
eerste termijn van de begrotingsbehandeling Infrastructuur en Waterstaat op
10 november jl.

De minister van Infrastructuur en Waterstaat,
A.B. de Groot

Vragen van het lid Bakker (VVD)

Vraag
Wanneer besluit het kabinet over de verbreding van de ringweg?

Antwoord
Het kabinet besluit in drie stappen:
1. een verkenning;
2. een voorkeursbeslissing;
3. een tracébesluit.
Uw Kamer ontvangt de verkenning in het eerste kwartaal van 2026.

Vraag
Kan de minister toezeggen de kosten per stap te delen?

Antwoord
Ja. Ik zal de kosten bij de voorkeursbeslissing aan uw Kamer sturen.

Vragen van de leden van der Linden en El Idrissi (GL-PvdA)

Vraag~~
Hoeveel bruggen zijn aan groot onderhoud toe?

Antwoord~~
Het gaat om 41 bruggen. Tabel 1 geeft de verdeling:
Provincie Aantal
Utrecht 12
Gelderland 29

4 Kamerstuk 36 600 XII, nr. 15

Vraag
Worden gemeenten betrokken bij de planning?

Antwoord
Ja, via de regionale tafels.

Vragen van het lid Omtzigt

Vraag
Wat kost de vertraging van het programma per jaar?

Antwoord
Dat is nog niet bekend.
""".replace("~", " ")


def test_blocks_members_parties_and_positional_numbers() -> None:
    items = segment(BLOKKEN)
    _check_spans(BLOKKEN, items)
    assert [it.number for it in items] == ["1", "2", "3", "4", "5"]
    assert [it.member for it in items] == [
        "Bakker", "Bakker", "van der Linden en El Idrissi", "van der Linden en El Idrissi",
        "Omtzigt",
    ]
    assert [it.party for it in items] == ["VVD", "VVD", "GL-PvdA", "GL-PvdA", None]
    assert items[0].question == "Wanneer besluit het kabinet over de verbreding van de ringweg?"
    a1 = _a(BLOKKEN, items[0])
    assert a1.startswith("Het kabinet besluit in drie stappen:")
    assert a1.endswith("eerste kwartaal van 2026.")  # the numbered list stayed inside
    # The table stays in answer 3; the page footnote belongs to neither item.
    a3 = _a(BLOKKEN, items[2])
    assert a3.endswith("Gelderland 29")
    assert items[3].question == "Worden gemeenten betrokken bij de planning?"
    # A members' heading ends the previous answer.
    assert _a(BLOKKEN, items[3]) == "Ja, via de regionale tafels."
    assert _a(BLOKKEN, items[4]) == "Dat is nog niet bekend."


def test_blocks_document_info_letter_date_and_signature() -> None:
    info = document_info(BLOKKEN)
    assert info.kind == "schriftelijke_antwoorden"
    assert info.reference_date == date(2025, 11, 12)
    assert info.reference_date_source == "document"
    assert info.minister == "A.B. de Groot, Minister van Infrastructuur en Waterstaat"
    assert info.ministry == "Infrastructuur en Waterstaat"
    assert info.title == (
        "Schriftelijke antwoorden op vragen gesteld tijdens de eerste termijn van de "
        "begrotingsbehandeling Infrastructuur en Waterstaat"
    )
    assert info.kamerstuk is None


BLOKKEN_GETALLEN = """\
Vragen van het lid Jansen (SP)

Vraag
Hoeveel sluizen zijn verouderd?

Antwoord
12 sluizen zijn verouderd.

Daarvan worden er dit jaar drie vervangen. Dat besluit nam
De minister van Defensie,
Hierover wordt uw Kamer nog geïnformeerd.

3 Kamerstuk 36 600 XII, nr. 20
"""


def test_blocks_answer_starting_with_a_number_is_not_a_footnote() -> None:
    items = segment(BLOKKEN_GETALLEN)
    assert len(items) == 1
    answer = _a(BLOKKEN_GETALLEN, items[0])
    assert answer.startswith("12 sluizen zijn verouderd.")
    assert answer.endswith("nog geïnformeerd.")  # the page footnote is trimmed
    info = document_info(BLOKKEN_GETALLEN)
    assert info.minister is None  # a sentence line is not a signature


KAMERVRAGEN = """\
Antwoord van minister Jansen (Financiën) (ontvangen 5 maart 2025)

Vraag 1
Bent u bekend met het bericht over de stijgende kosten van toeslagen?

Antwoord 1
Ja.

Vraag 2: Welke gevolgen heeft dit voor de begroting van dit jaar?

Antwoord 2: De gevolgen worden verwerkt in de Voorjaarsnota.
"""


def test_numbered_vraag_labels_keep_their_numbers() -> None:
    info = document_info(KAMERVRAGEN)
    assert info.kind == "schriftelijke_antwoorden"
    assert (info.reference_date, info.reference_date_source) == (date(2025, 3, 5), "document")
    items = segment(KAMERVRAGEN)
    _check_spans(KAMERVRAGEN, items)
    assert [it.number for it in items] == ["1", "2"]
    assert items[0].question.startswith("Bent u bekend")
    assert _a(KAMERVRAGEN, items[0]) == "Ja."
    assert items[1].question == "Welke gevolgen heeft dit voor de begroting van dit jaar?"
    assert _a(KAMERVRAGEN, items[1]) == "De gevolgen worden verwerkt in de Voorjaarsnota."


# ---------------------------------------------------------------------------
# Letters, motions, verslagen
# ---------------------------------------------------------------------------

BRIEF = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 8 maart 2024

Via deze brief informeer ik uw Kamer graag over de voortgang van de
hervorming van het belastingstelsel.

Wat betekent dit voor huishoudens met een laag inkomen? Die vraag staat in
deze brief centraal. Het kabinet zal uw Kamer voor de zomer nader informeren.

1 Zie de Miljoenennota 2024.

De staatssecretaris van Financiën,
C.D. Pietersen

Tweede Kamer, vergaderjaar 2023–2024, 32 140, nr. 210 4
"""


def test_letter_without_questions() -> None:
    assert segment(BRIEF) == []
    info = document_info(BRIEF)
    assert info.kind == "brief"
    assert info.reference_date == date(2024, 3, 8)
    assert info.reference_date_source == "document"
    assert info.title == "Voortgang van de hervorming van het belastingstelsel"
    assert info.minister == "C.D. Pietersen, Staatssecretaris van Financiën"
    assert info.ministry == "Financiën"
    assert info.kamerstuk == "32140-210"


BRIEF_BETREFT = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 2 oktober 2025
Betreft Kabinetsreactie op het advies over digitale weerbaarheid

Geachte voorzitter,

Met deze brief reageer ik op het advies.

De minister voor Buitenlandse Handel en Ontwikkelingshulp,
E.F. Bos
"""


def test_letter_subject_line_and_minister_voor() -> None:
    info = document_info(BRIEF_BETREFT)
    assert info.kind == "brief"
    assert info.title == "Kabinetsreactie op het advies over digitale weerbaarheid"
    assert info.reference_date == date(2025, 10, 2)
    assert info.minister == "E.F. Bos, Minister voor Buitenlandse Handel en Ontwikkelingshulp"
    assert info.ministry is None  # a "minister voor" has no department of its own


MOTIE = """\
36 600 V Vaststelling van de begrotingsstaten van het Ministerie van Buitenlandse Zaken (V) voor het jaar 2025

Nr. 27 MOTIE VAN HET LID VAN DER BURG C.S.

Voorgesteld 13 november 2024

De Kamer,

gehoord de beraadslaging,

overwegende dat consulaire hulp in het buitenland onder druk staat;

verzoekt de regering, een plan voor extra consulaire capaciteit op te stellen,

en gaat over tot de orde van de dag.

Van der Burg
"""


def test_motion() -> None:
    assert segment(MOTIE) == []
    info = document_info(MOTIE)
    assert info.kind == "motie"
    assert info.kamerstuk == "36600-V-27"
    assert info.reference_date == date(2024, 11, 13)
    assert info.reference_date_source == "document"
    assert info.title.startswith("Vaststelling van de begrotingsstaten")


VERSLAG = """\
35 999 VIII Jaarverslag en slotwet Ministerie van Onderwijs, Cultuur en Wetenschap 2021

Nr. 6 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vastgesteld 15 september 2022

De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft een aantal vragen
en opmerkingen voorgelegd aan de minister van Onderwijs, Cultuur en Wetenschap.

De leden van de D66-fractie vragen hoe het lerarentekort zich in 2021 ontwikkelde.
Kan de minister dat per regio aangeven?
"""


def test_verslag_without_answers() -> None:
    assert segment(VERSLAG) == []
    info = document_info(VERSLAG)
    assert info.kind == "verslag"
    assert info.reference_date == date(2022, 9, 15)
    assert info.reference_date_source == "document"
    assert info.committee == "Onderwijs, Cultuur en Wetenschap"
    assert info.kamerstuk == "35999-VIII-6"
    assert info.title == "Jaarverslag en slotwet Ministerie van Onderwijs, Cultuur en Wetenschap 2021"


BRIEF_VERSLAG_RAAD = """\
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 20 januari 2025

Verslag van de Raad Algemene Zaken van 16 januari 2025

In antwoord op de lijst van vragen van uw commissie stuur ik u dit verslag.
Eerder nam uw Kamer deze motie aan:

De Kamer,

gehoord de beraadslaging,

verzoekt de regering het verslag binnen een week te sturen.
"""


def test_letter_is_not_a_verslag_motion_or_lijst_because_of_its_words() -> None:
    assert document_info(BRIEF_VERSLAG_RAAD).kind == "brief"


LIJST_MET_VRAAG_LABELS = """\
36 725 VI Jaarverslag en slotwet Ministerie van Justitie en Veiligheid 2024

Nr. 5 LIJST VAN VRAGEN EN ANTWOORDEN

Vastgesteld 10 juni 2025

Vraag 1
Hoeveel zaken lagen eind 2024 op de plank?

Antwoord 1
Ruim 9.000.

Vraag 2
Hoe lang duurde een gemiddelde zaak?

Antwoord 2
Zeven maanden.
"""


def test_lijst_heading_wins_over_the_label_shape() -> None:
    info = document_info(LIJST_MET_VRAAG_LABELS)
    assert info.kind == "lijst_van_vragen"
    assert info.kamerstuk == "36725-VI-5"
    assert info.reference_date == date(2025, 6, 10)
    items = segment(LIJST_MET_VRAAG_LABELS)
    assert [it.number for it in items] == ["1", "2"]
    assert _a(LIJST_MET_VRAAG_LABELS, items[1]) == "Zeven maanden."


# ---------------------------------------------------------------------------
# Dates, kamerstuk numbers, item_at
# ---------------------------------------------------------------------------


def test_jl_dates_across_the_year_end() -> None:
    text = (
        "Tweede Kamer, vergaderjaar 2025–2026, 36 800 V, nr. 70 1\n\n"
        "De Raad sprak op 18 december jl. over sancties. Op 27 januari jl. volgde een besluit,\n"
        "na overleg op 24 en 25 november jl.\n"
    )
    info = document_info(text)
    assert info.reference_date == date(2026, 1, 27)
    assert info.reference_date_source == "inferred"
    assert info.kamerstuk == "36800-V-70"


def test_jl_date_without_context_year_is_unknown() -> None:
    info = document_info("Het overleg vond plaats op 4 juni jl. in Brussel.\n")
    assert info.reference_date is None
    assert info.reference_date_source is None
    assert info.kind == "other"


def test_nothing_to_find() -> None:
    info = document_info("")
    assert info.kind == "other"
    assert info.title == ""
    assert info.reference_date is None
    assert segment("") == []


def test_running_header_with_numbered_dossier_suffix() -> None:
    text = "Brief.\n\nTweede Kamer, vergaderjaar 2022–2023, 21 501-02, nr. 3236 2\n"
    assert document_info(text).kamerstuk == "21501-02-3236"


def test_values_come_from_the_shared_vocabularies() -> None:
    for fixture in (LIJST, LOSSE_NUMMERS, FRACTIES, BLOKKEN, BRIEF, MOTIE, VERSLAG):
        info = document_info(fixture)
        assert info.kind in DOCUMENT_KINDS
        assert info.reference_date_source in (*REFERENCE_DATE_SOURCES, None)


def test_item_at() -> None:
    items = segment(BLOKKEN)
    first, second = items[0], items[1]
    assert item_at(items, first.question_start) is first
    assert item_at(items, first.answer_end - 1) is first
    assert item_at(items, second.answer_start + 3) is second
    assert item_at(items, 0) is None  # the cover letter precedes every question
    assert item_at(items, len(BLOKKEN) + 10) is None
    assert item_at([], 5) is None
    heading = BLOKKEN.index("Vragen van de leden van der Linden")
    assert item_at(items, heading) is None  # between items


def test_segment_returns_a_fresh_list() -> None:
    items = segment(BLOKKEN)
    items.clear()
    assert len(segment(BLOKKEN)) == 5


# ---------------------------------------------------------------------------
# Corpus regression (counts verified by reading the documents)
# ---------------------------------------------------------------------------

def _corpus(prefix: str) -> str:
    require_or_skip(CORPUS_DIR.is_dir(), f"the shared corpus is not at {CORPUS_DIR}", "NAKOMING_REQUIRE_CORPUS")
    [path] = sorted(CORPUS_DIR.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "count"), [("000", 11), ("001", 75), ("002", 31), ("003", 59), ("004", 0)]
)
def test_corpus_item_counts(prefix: str, count: int) -> None:
    text = _corpus(prefix)
    items = segment(text)
    assert len(items) == count
    assert [it.number for it in items] == [str(n) for n in range(1, count + 1)]
    _check_spans(text, items)
    for it in items:
        assert it.question
        assert "Antwoord" not in _q(text, it).split("\n")[-1]


def test_corpus_000_lijst() -> None:
    text = _corpus("000")
    info = document_info(text)
    assert info.kind == "lijst_van_vragen"
    assert info.title == "Jaarverslag ministerie van Buitenlandse Zaken 2024"
    assert info.kamerstuk == "36740-V-1"
    assert info.committee == "Buitenlandse Zaken"
    assert info.ministry == "Buitenlandse Zaken"
    assert (info.reference_date, info.reference_date_source) == (date(2025, 5, 27), "inferred")
    items = segment(text)
    assert "schoonmaakkosten" in items[2].question
    a3 = _a(text, items[2])
    assert a3.startswith("De schoonmaakkosten")
    assert a3.endswith("aangifte gedaan.")  # the page-column "0" after it is trimmed
    assert _a(text, items[1]).count("\n- ") == 6  # the bulleted list stays in answer 2
    assert items[10].question.endswith("waarom?")


def test_corpus_001_lone_numbers() -> None:
    text = _corpus("001")
    info = document_info(text)
    assert info.kind == "lijst_van_vragen"
    assert info.kamerstuk == "36100-V-8"
    assert (info.reference_date, info.reference_date_source) == (date(2022, 4, 26), "inferred")
    items = segment(text)
    a3 = _a(text, items[2])
    assert "Handelsbalans" in a3  # the trade table, its footnote "1 …" and source stay inside
    assert a3.endswith("(IND).")
    assert "Tweede Kamer, vergaderjaar" not in items[13].question  # running header trimmed
    assert "Tweede Kamer, vergaderjaar" not in items[35].question
    assert _a(text, items[51]).endswith("Yangon 1.259")  # table of 74 embassies
    assert _a(text, items[71]) == "Schaal 15"


def test_corpus_002_fracties() -> None:
    text = _corpus("002")
    info = document_info(text)
    assert info.kind == "schriftelijke_antwoorden"
    assert info.kamerstuk == "35830-V-8"
    assert (info.reference_date, info.reference_date_source) == (date(2021, 6, 16), "inferred")
    items = segment(text)
    parties = [it.party for it in items]
    assert parties == ["VVD"] * 7 + ["D66"] * 6 + ["PVV"] * 7 + ["CDA"] * 5 + ["PvdA"] * 6
    assert items[16].question.startswith("Niet alleen")  # a question without "?"
    assert items[19].question.startswith("Uit antwoorden")
    assert _a(text, items[20]) == "Zie het antwoord op vraag 2."
    assert _a(text, items[17]) == "Zie het antwoord op vraag 11"
    assert items[28].question.startswith("De leden van de PvdA-fractie maken")
    assert "Volledige agenda" not in _a(text, items[30])
    assert "Tweede Kamer, vergaderjaar" not in items[25].question


def test_corpus_003_blocks() -> None:
    text = _corpus("003")
    info = document_info(text)
    assert info.kind == "schriftelijke_antwoorden"
    assert (info.reference_date, info.reference_date_source) == (date(2026, 1, 28), "document")
    assert info.minister == "D.M. van Weel, Minister van Buitenlandse Zaken"
    assert info.ministry == "Buitenlandse Zaken"
    items = segment(text)
    assert (items[0].member, items[0].party) == ("van der Werf en Klos", "D66")
    per_party: dict[str | None, int] = {}
    for it in items:
        per_party[it.party] = per_party.get(it.party, 0) + 1
    assert per_party == {
        "D66": 6, "VVD": 9, "GL-PvdA": 4, "PVV": 4, "CDA": 5, "JA21": 7, "FvD": 1,
        "DENK": 7, "SGP": 2, "PvdD": 3, "CU": 5, "SP": 5, "Groep Markuszower": 1,
    }
    assert (items[15].member, items[15].party) == ("Piri", "GL-PvdA")
    # Page footnotes between "Vraag" and the question are not part of it.
    assert items[9].question.startswith("Op welke andere")
    assert items[17].question.startswith("Welke maatregelen")
    assert not _a(text, items[25])[0].isdigit()


def test_corpus_004_letter() -> None:
    text = _corpus("004")
    info = document_info(text)
    assert info.kind == "brief"
    assert (info.reference_date, info.reference_date_source) == (date(2022, 3, 8), "document")
    assert info.minister == "W.B. Hoekstra, Minister van Buitenlandse Zaken"
    assert info.kamerstuk == "35925-V-84"
    assert info.title.startswith("Inzet van het kabinet")
    assert segment(text) == []
