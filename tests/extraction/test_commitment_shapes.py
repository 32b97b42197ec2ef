"""The Dutch ways of promising, every genre, and the named reasons for a no.

Every sentence, name and number here is invented for these tests in the shapes
that Kamerbrieven, delay letters, register entries and Handelingen use.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain, find_commitments
from tracker.extraction.lexicon import verbs
from tracker.extraction.pipeline import default_actor, extract_pages
from tracker.extraction.turns import CHAIR, GOVERNMENT, MEMBER, find_turns

REF = date(2026, 3, 2)
ACTOR = "minister van Onderwijs, Cultuur en Wetenschap"
# Enough ordinary Dutch around a single sentence for the language check of the pipeline.
PREAMBLE = (
    "Geachte voorzitter, met deze brief geef ik u een beeld van de stand van zaken rond het "
    "onderwijs in de regio en van de gesprekken die daarover met de scholen zijn gevoerd.\n\n"
)


def find(text: str) -> list:
    return find_commitments(text, reference_date=REF, default_actor=ACTOR)


# ---------------------------------------------------------------------------
# Shapes that each make one record (sentence, deliverable substring, due)
# ---------------------------------------------------------------------------

PROMISES = [
    ("Uw Kamer ontvangt over de uitkomsten van de proef met de leskluis een aparte brief.", "brief", None),
    ("De beantwoording zal eind juni plaatshebben.", "beantwoording", date(2026, 6, 30)),
    ("De beantwoording van de vragen zal binnen vier weken plaatsvinden.", "beantwoording", date(2026, 3, 30)),
    ("Over de uitkomsten van de gesprekken met de besturen bericht ik u na de zomer.",
     "uitkomsten van de gesprekken", date(2026, 9, 30)),
    ("Ik streef ernaar de vragen binnen drie weken te beantwoorden.", "beantwoording van de vragen",
     date(2026, 3, 23)),
    ("Ik stuur uw Kamer voor 1 juni de voortgangsrapportage over de lerarenbeurs.",
     "voortgangsrapportage", date(2026, 5, 31)),
    ("In mei doe ik u de resultaten van het onderzoek naar de wachtlijsten toekomen.", "onderzoek",
     date(2026, 5, 31)),
    ("Daar krijgt u voor de zomer een brief over.", "brief", date(2026, 7, 3)),
    ("U hoort dat eind april van mij.", "", date(2026, 4, 30)),
    ("Ik kom in het najaar terug op de uitkomsten van de evaluatie.", "uitkomsten van de evaluatie",
     date(2026, 11, 30)),
    ("U kunt de kabinetsreactie op het advies in het voorjaar tegemoet zien.", "kabinetsreactie",
     date(2026, 5, 31)),
    ("De evaluatie van de wet wordt in het voorjaar van 2027 aan uw Kamer gezonden.", "evaluatie",
     date(2027, 5, 31)),
    ("Ik zal trachten de antwoorden voor het kerstreces aan uw Kamer te sturen.", "", date(2026, 12, 18)),
    ("Ik kom nog voor de zomer met een brief aan de Kamer over de toewijzing, maar deze motie moet ik ontraden.",
     "brief", date(2026, 7, 3)),
    ("De voortgangsrapportage over de leskluis zal uw Kamer kort voor het kerstreces bereiken.",
     "voortgangsrapportage", date(2026, 12, 18)),
    # "waarschijnlijk" hedges the promise but opens no relative clause ("waar…" is not always "waarin").
    ("De rapportage zal de Kamer waarschijnlijk in september bereiken.", "rapportage", date(2026, 9, 30)),
    # The product's own relative clause dates it when the main clause names only the channel.
    ("Uw Kamer wordt hierover geïnformeerd in de nieuwe Schoolmonitor, die medio 2026 wordt verstuurd.",
     "", date(2026, 7, 31)),
    ("Ik informeer uw Kamer daarover in de jaarrapportage, die eind mei verschijnt.", "", date(2026, 5, 31)),
    # A fronted adverb is no subject: the promiser follows the finite verb.
    ("Voortaan zal ik, zoals met uw Kamer afgesproken, in de geannoteerde agenda ingaan op de stand van zaken.",
     "", None),
    ("Allereerst zal ik uw Kamer voor de zomer informeren over de proef.", "", date(2026, 7, 3)),
    ("Ik zal het onderzoeken en uw Kamer voor de zomer informeren.", "", date(2026, 7, 3)),
    # an event named on by a word or two keeps its date ("… onderwijs begin november")
    ("De voortgangsrapportage ontvangt u voor de begrotingsbehandeling onderwijs begin november.",
     "voortgangsrapportage", date(2026, 11, 10)),
]


@pytest.mark.parametrize(("text", "deliverable", "due"), PROMISES)
def test_each_way_of_promising_makes_one_record(text: str, deliverable: str, due: date | None) -> None:
    [found] = find(text)
    assert found.text == text
    assert found.actor == ACTOR
    assert deliverable in " ".join(found.deliverables)
    assert (found.deadline.due if found.deadline else None) == due


def test_reaching_a_goal_is_no_delivery_to_the_kamer() -> None:
    assert explain("Met deze aanpak zullen wij de doelen voor de regio in 2030 bereiken.", reference_date=REF) is not None


def test_a_relative_clause_about_something_else_does_not_date_the_promise() -> None:
    [found] = find("Ik informeer uw Kamer na de zomer over de conferentie, die in april plaatsvindt.")
    assert found.deadline.due == date(2026, 9, 30)


def test_what_the_promised_letter_will_hold_belongs_to_the_promise() -> None:
    text = ("De jaarrapportage over de leskluis ontvangt u voor de zomer. "
            "Daarin beantwoord ik tevens de motie van het lid Pietersen over de kosten.")
    [found] = find(text)
    assert found.text == text
    assert found.deadline.due == date(2026, 7, 3)


def test_a_bare_report_back_sentence_dates_the_promise_before_it() -> None:
    text = ("De minister van Onderwijs zegt de Kamer toe om met de scholen de gevolgen van de wet in kaart te "
            "brengen. Ervaringen in de buurlanden worden hierbij betrokken. De Kamer wordt over twee jaar "
            "geïnformeerd.")
    [found] = find(text)
    assert found.text == text
    assert found.deadline.due == date(2028, 3, 2)


def test_a_report_back_with_a_topic_of_its_own_is_its_own_record() -> None:
    text = ("De minister zegt de Kamer toe om met de scholen de gevolgen van de wet in kaart te brengen. "
            "De Kamer wordt voor de zomer geïnformeerd over de leerlingenaantallen.")
    assert len(find(text)) == 2


@pytest.mark.parametrize("text", [
    "Ik overleg nog met de besturen over de laatste punten. Zo snel mogelijk daarna stuur ik u de tweede rapportage.",
    "Door de vele verzoeken heb ik iets meer tijd nodig voor de antwoorden. U ontvangt de antwoorden voor 1 mei.",
])
def test_the_step_or_delay_a_promise_hangs_on_belongs_to_it(text: str) -> None:
    [found] = find(text)
    assert found.text == text


def test_a_dated_sentence_after_a_vague_promise_gives_it_its_date() -> None:
    text = ("De komende maanden ontvangt u de brieven over de nieuwe scholen in de regio. "
            "Deze brieven zullen uw Kamer naar verwachting eind oktober bereiken.")
    [found] = find(text)
    assert found.text == text
    assert found.deadline.text == "eind oktober"
    assert found.deadline.due == date(2026, 10, 31)


def test_gaan_after_a_fronted_time_phrase_credits_the_cabinet() -> None:
    [found] = find("Volgend jaar gaat het kabinet een plan opstellen voor de leesvaardigheid.")
    assert (found.actor, found.deliverables, found.deadline.due) == ("het kabinet", ["plan"], date(2027, 12, 31))


def test_the_standard_sentence_of_a_delay_letter_is_clear() -> None:
    [found] = find("Ik streef ernaar de vragen binnen drie weken te beantwoorden.")
    assert found.certainty == "clear"


# ---------------------------------------------------------------------------
# Rejections with named reasons
# ---------------------------------------------------------------------------

REJECTED = [
    ("De heer Pietersen vroeg of ik bereid ben de Kamer te informeren.", Rejection.REPORTED_QUESTION),
    ("Mevrouw De Boer heeft gevraagd om de Kamer voor de zomer een overzicht te sturen.",
     Rejection.REPORTED_QUESTION),
    ("Mocht de Kamer dat wensen, dan stuur ik haar voor de zomer een overzicht van de subsidies.",
     Rejection.CONDITIONAL),
    ("Indien de raad daarom vraagt, zal ik de Kamer informeren over de uitkomst.", Rejection.CONDITIONAL),
    ("Kunt u toezeggen dat de Kamer voor de zomer een brief ontvangt?", Rejection.QUESTION),
    ("Het kabinet blijft zich inzetten voor goed onderwijs in de regio.", Rejection.LASTING_POLICY),
    ("Ik heb de Kamer vorig jaar een brief gestuurd over de subsidies.", Rejection.PAST_ACT),
    ("Frankrijk zal in juni een plan presenteren voor de landbouw.", Rejection.OTHER_ACTOR),
    ("In juni presenteert Duitsland een plan voor de energievoorziening.", Rejection.OTHER_ACTOR),
    ("Voortaan zal de inspectie jaarlijks een rapport over de scholen opstellen.", Rejection.OTHER_ACTOR),
    # a verb form after a determiner is a noun: no act of researching here
    ("Wij gaan kort in op twee punten uit onze onderzoeken naar de regio.", Rejection.NO_ACT),
    # running the debate itself: discussing its motions and questions here and now
    ("Ik doe eerst de laatste vraag, en daarna ga ik meteen alle negen moties bespreken.", Rejection.PERFORMED_NOW),
    ("Dan zal de staatssecretaris ingaan op alle vragen met betrekking tot de scholen.", Rejection.PERFORMED_NOW),
    ("Ook gaat de inspectie de maatregelen beoordelen die het schoolbestuur heeft genomen.",
     Rejection.OTHER_ACTOR),
    ("Hierbij informeer ik uw Kamer over de stand van zaken.", Rejection.PERFORMED_NOW),
    ("Parallel aan deze brief ontvangt u van de minister voor Sport een aparte brief.", Rejection.PERFORMED_NOW),
    ("Ik zal de Kamer niet opnieuw informeren over dit onderwerp.", Rejection.NEGATED),
    ("Ik kan wel toezeggen dat de gewone regels van toepassing zijn.", Rejection.NO_ACT),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED)
def test_a_sentence_that_is_no_promise_says_why(text: str, reason: Rejection) -> None:
    assert explain(text, reference_date=REF) == reason
    assert find(text) == []


def test_explain_says_nothing_against_a_promise() -> None:
    assert explain("Ik zal uw Kamer voor de zomer informeren.", reference_date=REF) is None


@pytest.mark.parametrize("text", [
    "Ik zal de motie met de Vereniging van Gemeenten bespreken.",
    "Ik zal in de brief van juni ingaan op de vragen van de commissie.",
    "Ik zal de moties voor de zomer met de provincies bespreken.",
])
def test_discussing_debate_items_elsewhere_or_later_is_still_a_promise(text: str) -> None:
    assert explain(text, reference_date=REF) is None


# ---------------------------------------------------------------------------
# The griffie's third-person register entries
# ---------------------------------------------------------------------------

GRIFFIE = [
    ("De minister zegt toe de Kamer voor het kerstreces te informeren over de voortgang van het programma.",
     "de minister", "informeren over de voortgang", date(2026, 12, 18)),
    ("De minister van Binnenlandse Zaken zegt de Kamer, naar aanleiding van vragen en opmerkingen van de "
     "leden Jansen (VVD), De Wit (PvdA), Bakker (CDA) en Smit (SGP), toe om bij de volgende evaluatie van "
     "de wet een voorstel te doen over de termijnen.",
     "de minister van Binnenlandse Zaken", "voorstel doen", None),
    ("De staatssecretaris van Financiën zegt de Kamer, naar aanleiding van vragen van het lid Pietersen, toe "
     "de regeling drie jaar na inwerkingtreding te zullen evalueren.",
     "de staatssecretaris van Financiën", "de regeling evalueren", None),
    ("De minister van Onderwijs zegt de Kamer toe om contact te houden met de scholen over de gevolgen.",
     "de minister van Onderwijs", "contact houden", None),
]


@pytest.mark.parametrize(("text", "actor", "deliverable", "due"), GRIFFIE)
def test_register_entries_credit_the_named_minister(text: str, actor: str, deliverable: str, due) -> None:
    [found] = find(text)
    assert found.actor == actor
    assert found.kind == "toezegging"
    assert deliverable in found.deliverables[0]
    assert (found.deadline.due if found.deadline else None) == due


ENTRY = "Toezegging Evaluatie van de leerplichtwet (36.123) (T04321)\n\n{promise}\n\nKerngegevens\n\n{fields}\n"
PROMISE = ("De minister van Onderwijs zegt de Kamer, naar aanleiding van vragen van het lid Pietersen, toe de wet "
           "{when}te evalueren.")


@pytest.mark.parametrize(("when", "fields", "due"), [
    ("", "Nummer T04321\nStatus openstaand\nDatum toezegging 3 maart 2026\nDeadline 1 juli 2028", date(2028, 7, 1)),
    ("", "Nummer | T04321 |\n---|---|\nDeadline | 1 oktober 2027 |\nCategorie | evaluatie |", date(2027, 10, 1)),
    # a dated sentence keeps its own date
    ("voor de zomer ", "Deadline 1 juli 2028", date(2026, 7, 3)),
])
def test_the_deadline_field_of_a_register_entry_dates_its_promise(when: str, fields: str, due: date) -> None:
    [found] = find(ENTRY.format(promise=PROMISE.format(when=when), fields=fields))
    assert found.deadline.due == due


def test_a_deadline_field_of_the_next_entry_is_not_borrowed() -> None:
    first = ENTRY.format(promise=PROMISE.format(when=""), fields="Nummer T04321")
    second = "Toezegging Overig (36.124) (T04322)\n\nDeadline 1 juli 2028\n"
    [found] = find(first + "\n" + second)
    assert found.deadline is None


# ---------------------------------------------------------------------------
# Debate transcripts
# ---------------------------------------------------------------------------

DEBATE = """Minister Van der Berg:

Voorzitter, ik kom bij de vragen over de bibliotheken. De heer Pietersen vroeg of ik bereid ben de Kamer \
te informeren over de sluitingen. Ik zal de Kamer voor de zomer informeren over de sluiting van de \
filialen.

De heer Pietersen (CDA):

Dank daarvoor. Kan de minister toezeggen dat de Kamer voor 1 oktober een brief krijgt over de \
leesbevordering?

Minister Van der Berg:

Ja, dat zeg ik toe.

Mevrouw De Boer (PvdA): Ik zal in het najaar een initiatiefnota over bibliotheken indienen.

De voorzitter:

Dank u wel. Ik zal de vergadering schorsen tot na de lunch.

Staatssecretaris Smits:

Ik stuur uw Kamer in mei de evaluatie van de subsidieregeling.
"""


def test_turns_name_each_speaker_and_role() -> None:
    turns = find_turns(DEBATE)
    assert [(t.role, t.speaker, t.party) for t in turns] == [
        (GOVERNMENT, "Minister Van der Berg", None),
        (MEMBER, "De heer Pietersen", "CDA"),
        (GOVERNMENT, "Minister Van der Berg", None),
        (MEMBER, "Mevrouw De Boer", "PvdA"),
        (CHAIR, "De voorzitter", None),
        (GOVERNMENT, "Staatssecretaris Smits", None),
    ]
    assert turns[0].actor == "minister Van der Berg"
    assert DEBATE[turns[3].start:].startswith("Ik zal in het najaar")


def test_a_letter_has_no_turns() -> None:
    assert find_turns(PREAMBLE + "De minister zegt: wij gaan de omvang onderzoeken.") == []


def test_in_a_debate_only_government_speakers_promise() -> None:
    ex = extract_pages([DEBATE], reference_date=REF)
    found = [(c.actor, c.text) for c in ex.commitments]
    assert found == [
        ("minister Van der Berg",
         "Ik zal de Kamer voor de zomer informeren over de sluiting van de filialen."),
        ("minister Van der Berg", "Ja, dat zeg ik toe."),
        ("staatssecretaris Smits", "Ik stuur uw Kamer in mei de evaluatie van de subsidieregeling."),
    ]


def test_a_bare_yes_takes_its_content_and_deadline_from_the_question() -> None:
    ex = extract_pages([DEBATE], reference_date=REF)
    yes = next(c for c in ex.commitments if c.text == "Ja, dat zeg ik toe.")
    assert yes.kind == "toezegging" and yes.certainty == "clear"
    assert "leesbevordering" in yes.deliverables[0]
    assert yes.deadline is not None and yes.deadline.due == date(2026, 9, 30)
    assert yes.question is not None
    assert (yes.question.member, yes.question.party) == ("Pietersen", "CDA")


@pytest.mark.parametrize(("answer", "promised"), [
    ("Dat zal ik doen.", True),
    ("Ja, dat doe ik.", True),
    ("Die toezegging doe ik graag.", True),
    ("Dat wil ik niet doen.", False),
    ("Nee, dat lijkt me niet verstandig.", False),
])
def test_a_short_answer_promises_only_when_it_says_yes(answer: str, promised: bool) -> None:
    text = ("De heer Pietersen (CDA):\n\nWil de minister de Kamer voor de zomer informeren over de "
            f"leesbevordering?\n\nMinister Van der Berg:\n\n{answer}\n")
    found = extract_pages([text], reference_date=REF).commitments
    assert [c.text for c in found] == ([answer] if promised else [])
    if promised:
        assert "leesbevordering" in found[0].deliverables[0]
        assert found[0].deadline.due == date(2026, 7, 3)


# ---------------------------------------------------------------------------
# Actors of letters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("ministry", "minister", "actor"), [
    ("Financiën", "J.P. de Vries, Staatssecretaris van Financiën", "staatssecretaris van Financiën"),
    ("Financiën", "A. Bakker, Minister van Financiën", "minister van Financiën"),
    (None, "C. Smits, Minister voor Klimaat en Energie", "minister voor Klimaat en Energie"),
    (None, None, "het kabinet"),
])
def test_a_letter_is_credited_to_its_signatory(ministry, minister, actor) -> None:
    assert default_actor(ministry, minister) == actor


def test_a_letter_signed_by_a_staatssecretaris_credits_the_staatssecretaris() -> None:
    text = (PREAMBLE + "Ik zal uw Kamer voor de zomer informeren over de evaluatie.\n\n"
            "De staatssecretaris van Financiën,\n\nJ.P. de Vries\n")
    [found] = extract_pages([text], reference_date=REF).commitments
    assert found.actor == "staatssecretaris van Financiën"


# ---------------------------------------------------------------------------
# Genres recognised from the text itself
# ---------------------------------------------------------------------------


def test_a_delay_letter_after_unanswered_questions_still_promises() -> None:
    text = ("Vraag 1\n\nHeeft u kennisgenomen van het bericht over de leskluis?\n\n"
            "Vraag 2\n\nBent u bereid de Kamer te informeren over de proef?\n\n"
            "Mededeling\n\nDe vragen van het lid Jansen kunnen niet binnen de gebruikelijke termijn worden "
            "beantwoord, omdat de inbreng van de scholen nodig is.\n\n"
            "Ik streef ernaar de vragen binnen drie weken te beantwoorden.\n")
    [found] = find(text)
    assert found.text == "Ik streef ernaar de vragen binnen drie weken te beantwoorden."


def test_an_answer_to_kamervragen_is_credited_to_the_answering_staatssecretaris() -> None:
    text = ("Vragen van het lid Jansen aan de staatssecretaris van Financiën over de leskluis.\n\n"
            "Mededeling van staatssecretaris De Vries (Financiën) (ontvangen 20 februari 2026).\n\n"
            "De vragen kunnen niet binnen de gebruikelijke termijn worden beantwoord, omdat de inbreng van de "
            "scholen nodig is. Ik streef ernaar de vragen binnen drie weken te beantwoorden.\n")
    [found] = extract_pages([text], reference_date=REF).commitments
    assert found.actor == "staatssecretaris van Financiën"


def test_a_bare_paragraph_is_read_as_a_letter() -> None:
    [found] = extract_pages([PREAMBLE + "Het kabinet zal in het najaar een nieuwe leesstrategie opstellen."],
                            reference_date=REF).commitments
    assert found.actor == "het kabinet" and found.kind == "product"


# ---------------------------------------------------------------------------
# The lexicon is the one home of the verb forms
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["stuur", "stuurt", "sturen", "toesturen", "gestuurd", "zend", "zendt",
                                  "toegezonden", "informeer", "geïnformeerd", "bericht", "beantwoorden"])
def test_every_form_of_a_sending_or_informing_verb_is_in_the_lexicon(form: str) -> None:
    rows = [f for family in (verbs.SEND, verbs.INFORM) for forms in family.values() for f in forms]
    assert any(f == form or f.endswith(")?" + form) or f.endswith(")?" + form.removeprefix("toe"))
               for f in rows)
