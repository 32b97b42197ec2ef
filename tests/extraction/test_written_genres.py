"""Written genres: letters, delay letters, answers, lists of questions, register entries.

Every sentence, name and number here is invented for these tests, in the shapes that
Kamerbrieven, answers to Kamervragen and the Eerste Kamer register use.
"""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extraction.commitments import Rejection, explain, find_commitments
from tracker.extraction.pipeline import extract_pages
from tracker.extraction.sentences import split_sentences

REF = date(2026, 3, 2)
ACTOR = "minister van Onderwijs, Cultuur en Wetenschap"


def find(text: str) -> list:
    return find_commitments(text, reference_date=REF, default_actor=ACTOR)


# (sentence, actor or None for the signatory, due)
PROMISES = [
    # starting work on a product promises it
    ("Gezien de gefaseerde invoering van de regeling start ik met de evaluatie in 2027.", None, date(2027, 12, 31)),
    ("Het kabinet begint in het najaar met de evaluatie van de leskluis.", "het kabinet", date(2026, 11, 30)),
    # budget-cycle moments are time phrases
    ("Hierover wordt u geïnformeerd bij Slotwet.", None, date(2026, 5, 20)),  # Verantwoordingsdag
    ("Hierover wordt u bij de Voorjaarsnota nader geïnformeerd.", None, date(2026, 6, 1)),
    # V2: a fronted purpose clause is no subject
    ("Om uw Kamer goed voor te bereiden op het overleg zeg ik u graag een technische briefing toe in april.",
     None, date(2026, 4, 30)),
    # an enumeration of names over commas stays inside the relative clause
    ("In mijn brief, die ik u na mijn werkbezoek aan Aruba, Curaçao en Sint Maarten zal doen toekomen, zal ik "
     "nader ingaan op het akkoord.", None, None),
    # the subject stands before a relative clause of its own
    ("Het kabinetsstandpunt, dat ook ingaat op de uitkomsten van het onderzoek, komt voor de zomer beschikbaar.",
     None, date(2026, 7, 3)),
    # a main clause that reports an exchange: its date is the exchange's
    ("Met uw Kamer heb ik tijdens het debat van 12 februari jl. gewisseld dat de kabinetsreactie zo tijdig "
     "beschikbaar komt dat zij voor het zomerreces kan worden besproken.", None, date(2026, 7, 3)),
    ("Ik zal het plan zo tijdig sturen dat uw Kamer het voor het zomerreces kan behandelen.", None, date(2026, 7, 3)),
    # laten weten, expectations, hope
    ("Ik laat uw Kamer voor de zomer weten hoe het staat met de proef.", None, date(2026, 7, 3)),
    ("Voor de zomer laat ik u weten of de proef wordt voortgezet.", None, date(2026, 7, 3)),
    ("Ik zal uw Kamer voor de zomer laten weten hoe het staat met de proef.", None, date(2026, 7, 3)),
    ("Ik verwacht dat ik u in mei kan informeren over de uitkomsten.", None, date(2026, 5, 31)),
    ("Ik hoop u voor de zomer te informeren over de tweede ronde.", None, date(2026, 7, 3)),
    ("Het onderzoek naar de leskluis wordt in 2027 uitgevoerd.", None, date(2027, 12, 31)),
    # the pro-verb with a date of its own
    ("Dat doe ik voor 1 juni.", None, date(2026, 5, 31)),
    ("Dat zal ik voor de zomer doen.", None, date(2026, 7, 3)),
    # a polite "wil" before an explicit promise
    ("Ik wil wel toezeggen dat ik de Kamer voor de zomer informeer.", None, date(2026, 7, 3)),
    # a passive "worden bericht"; "Uw Kamer kan … verwachten"
    ("De Kamer zal hierover voor de zomer nader worden bericht.", None, date(2026, 7, 3)),
    ("Uw Kamer kan de brief in het voorjaar verwachten.", None, date(2026, 5, 31)),
    # "Als <product> is afgerond," names a moment, like "zodra"
    ("Als het onderzoek is afgerond, zal ik uw Kamer informeren over de uitkomsten.", None, None),
    # shapes that already worked, kept as a guard
    ("De resultaten van het onderzoek stuur ik u voor de zomer toe.", None, date(2026, 7, 3)),
    ("Ik zal de Kamer hierover voor de zomer nader berichten.", None, date(2026, 7, 3)),
    ("Naar verwachting kan ik u in juni informeren over de uitkomsten.", None, date(2026, 6, 30)),
    ("Zodra het rapport gereed is, zal ik het aan uw Kamer sturen.", None, None),
    ("De rapportage zal uw Kamer in juni worden toegestuurd.", None, date(2026, 6, 30)),
]


@pytest.mark.parametrize(("text", "actor", "due"), PROMISES)
def test_each_written_shape_makes_one_record(text: str, actor: str | None, due: date | None) -> None:
    [found] = find(text)
    assert found.actor == (actor or ACTOR)
    assert (found.deadline.due if found.deadline else None) == due


REJECTED = [
    # what a law or agreement lays down is a duty
    ("In artikel 4.2 van de Wet op de leskluis is vastgelegd dat de minister binnen vijf jaar een verslag aan "
     "de Kamer zendt.", Rejection.OBLIGATION),
    ("De wet bepaalt dat de minister de Kamer jaarlijks in mei een rapportage stuurt.", Rejection.OBLIGATION),
    # a practice without a schedule
    ("De Kamer wordt periodiek geïnformeerd over de voortgang van het programma via de voortgangsbrief.",
     Rejection.HABITUAL),
    ("Uw Kamer wordt regelmatig geïnformeerd over de stand van zaken.", Rejection.HABITUAL),
    # done by this very letter, also in a compound "-brief" and in the act's own clause
    ("Graag informeer ik uw Kamer in deze voortgangsbrief over de wet, zoals toegezegd tijdens het debat.",
     Rejection.PERFORMED_NOW),
    ("Vooruitlopend op de rapportage zal ik, mede namens de minister van Financiën, in deze brief ingaan op "
     "enkele punten.", Rejection.PERFORMED_NOW),
    # a bare pro-verb restates the promise before it
    ("Dat zullen we doen.", Rejection.NO_TIME),
    ("Dat doen we nu al.", Rejection.NO_TIME),
    # a surname the document did not give a government role is someone else
    ("Van der Berg stuurt de Kamer in juni een brief.", Rejection.OTHER_ACTOR),
    ("Als er geld beschikbaar komt, zal ik de regeling in juni uitbreiden.", Rejection.CONDITIONAL),
    # starting and telling verbs promise only with the government as subject
    ("Op 12 mei start de consultatie van het wetsvoorstel door het Adviescollege.", Rejection.NO_ACT),
    ("De Tweede Kamer laat in juni weten of zij instemt.", Rejection.NO_ACT),
    ("De commissie start in mei met haar werkzaamheden.", Rejection.NO_ACT),
    # "een bericht" stays a noun without a passive or a first person
    ("Het bericht over de leskluis komt in juni in de krant.", Rejection.NO_ACT),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED)
def test_a_written_look_alike_says_why_it_is_no_promise(text: str, reason: Rejection) -> None:
    assert explain(text, reference_date=REF) == reason


def test_a_promise_quoting_where_the_rule_is_laid_down_still_counts() -> None:
    [found] = find("Zoals in de wet is vastgelegd, zal ik de wet in 2027 evalueren.")
    assert found.deadline is not None and found.deadline.due == date(2027, 12, 31)


def test_in_this_letter_elsewhere_in_the_sentence_does_not_cancel_a_later_promise() -> None:
    [found] = find("Zoals in deze brief beschreven, zal ik uw Kamer voor de zomer informeren over de proef.")
    assert found.deadline is not None and found.deadline.due == date(2026, 7, 3)


def test_a_product_in_a_relative_clause_is_not_the_deliverable() -> None:
    [found] = find("De kabinetsreactie, die ook ingaat op het advies, ontvangt u voor de zomer.")
    assert found.deliverables == ["kabinetsreactie"]


def test_the_pro_verb_takes_the_sentence_it_points_back_to() -> None:
    text = "Het is nog te vroeg om de cijfers te duiden. Dat doen we in december, met de Staat van de Leskluis."
    [found] = find(text)
    assert found.start == 0 and found.deadline is not None and found.deadline.due == date(2026, 12, 31)


def test_a_surname_takes_the_role_the_document_gave_it() -> None:
    text = (
        "Staatssecretaris Van Dalen heeft de Kamer documenten gestuurd. Ze sluit niet uit dat er meer stukken "
        "opduiken. Van Dalen doet de toezegging die dan ook met de Kamer te delen."
    )
    [found] = find_commitments(text, reference_date=REF, default_actor="staatssecretaris van Financiën")
    assert found.actor == "staatssecretaris van Financiën"
    assert found.text.startswith("Ze sluit niet uit")  # the case it is promised for


def test_a_restated_promise_that_slips_is_one_record_with_the_old_deadline() -> None:
    text = (
        "Tijdens het overleg van 10 februari heb ik toegezegd uw Kamer binnen vier weken een brief te sturen "
        "over de leskluis.\n\nVanwege de vele verzoeken heb ik enkele dagen extra tijd nodig. U zult deze "
        "informatie tegelijk met de andere stukken ontvangen."
    )
    [found] = find(text)
    assert found.revision is not None and found.revision.previous is not None
    assert found.revision.previous.text == "binnen vier weken"


def test_a_restated_promise_without_a_delay_stays_its_own_record() -> None:
    text = (
        "Tijdens het overleg van 10 februari heb ik toegezegd uw Kamer voor de zomer een brief te sturen over "
        "de leskluis. Ik zal uw Kamer daarnaast in het najaar informeren over de proef."
    )
    assert len(find(text)) == 2


def test_a_ministry_named_with_commas_is_one_actor() -> None:
    [found] = find(
        "De minister van Landbouw, Natuur en Voedselkwaliteit zegt de Kamer toe de Kamer voor het kerstreces "
        "te informeren over de pilot."
    )
    assert found.actor == "de minister van Landbouw, Natuur en Voedselkwaliteit"


def test_ministers_in_the_plural_promise_together() -> None:
    [found] = find("De ministers van Financiën en van Defensie zeggen toe de Kamer in het najaar te informeren.")
    assert found.actor.startswith("de ministers van Financiën")


def test_a_register_entry_then_the_spoken_promise_from_the_proceedings() -> None:
    text = (
        "T04511\n\nToezegging Monitor leskluis (36.412)\n\nDe staatssecretaris van OCW zegt de Kamer toe de "
        "Kamer jaarlijks te informeren over de leskluis.\n\nKerngegevens\nNummer T04511\nDeadline 1 juli 2027\n\n"
        "Uit de stukken\n\nStaatssecretaris Brouwer:\n\nDe leden Jansen en De Wit hadden het over de monitor. "
        "Met alle voorbehouden wil ik toch toezeggen dat de stand van zaken in de jaarlijkse rapportage zal "
        "worden gemeld.\n"
    )
    found = find(text)
    assert len(found) == 2
    assert found[1].text.startswith("Met alle voorbehouden")


# ---------------------------------------------------------------------------
# Layout: letter heads and footnoted questions
# ---------------------------------------------------------------------------

def test_the_head_of_a_letter_does_not_run_into_its_first_sentence() -> None:
    text = (
        "36 412 Leskluis\nNr. 9\nBRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 2 maart 2026\n"
        "Hierbij informeer ik uw Kamer over de proef met de leskluis.\n"
    )
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[-1] == "Hierbij informeer ik uw Kamer over de proef met de leskluis."
    assert "Den Haag, 2 maart 2026" in sentences


def test_a_question_with_a_footnote_marker_ends_before_its_answer() -> None:
    text = "Bent u bekend met artikel 4 van de wet?1\nJa. Ik zal de wet in 2027 evalueren.\n"
    sentences = [text[s:e] for s, e in split_sentences(text)]
    assert sentences[0] == "Bent u bekend met artikel 4 van de wet?1"
    [found] = find(text)
    assert found.text == "Ik zal de wet in 2027 evalueren."


ANSWER_SHAPES = [
    "Vraag 1:\nBent u bekend met het bericht?\n\nAntwoord op vraag 1:\nJa.\n\nVragen 2 en 3:\n"
    "Wanneer informeert u de Kamer? Komt er een evaluatie?\n\nAntwoord op vragen 2 en 3:\n{a}",
    "Vraag 1\nBent u bekend met het bericht?\n\nAntwoord op vraag 1\nJa.\n\nVraag 2, 3 en 4\n"
    "Wanneer informeert u de Kamer?\n\nAntwoord op vraag 2, 3 en 4\n{a}",
    "Vraag 1. Bent u bekend met het bericht?\nAntwoord 1. Ja.\n\nVraag 2. Wanneer informeert u de Kamer?\n"
    "Antwoord 2. {a}",
]


@pytest.mark.parametrize("shape", ANSWER_SHAPES)
def test_answers_in_every_numbering_shape_name_their_question(shape: str) -> None:
    answer = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van de proef."
    text = (
        "Antwoorden van de minister van Onderwijs, Cultuur en Wetenschap op vragen van het lid Brouwer-Kok "
        "(GL) over de leskluis.\n\n" + shape.format(a=answer)
        + "\n\nDe minister van Onderwijs, Cultuur en Wetenschap,\nJ. van Dalen\n"
    )
    result = extract_pages([text], reference_date=REF)
    [found] = result.commitments
    assert found.text == answer
    assert found.question is not None and found.question.number == "2"


# ---------------------------------------------------------------------------
# The signatory: every shape of signature, the letter's head, co-signatories
# ---------------------------------------------------------------------------

BODY = (
    "Met deze brief geef ik u een beeld van de stand van zaken rond de leskluis en van de gesprekken "
    "die daarover met de scholen zijn gevoerd. Ik zal uw Kamer voor de zomer informeren over de proef.\n\n"
)


@pytest.mark.parametrize(("head", "signature", "actor"), [
    ("", "De Staatssecretaris van Onderwijs, Cultuur en Wetenschap, P. de Wit",
     "staatssecretaris van Onderwijs, Cultuur en Wetenschap"),
    ("", "De Minister van Justitie en Veiligheid, J.K. van Dalen", "minister van Justitie en Veiligheid"),
    ("", "DE STAATSSECRETARIS VAN DEFENSIE\n\ndrs. J.G. van Dalen", "staatssecretaris van Defensie"),
    ("Nr. 12 BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN\n\n", "", "staatssecretaris van Financiën"),
    ("Nr. 4 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES\n\n", "",
     "minister van Binnenlandse Zaken en Koninkrijksrelaties"),
])
def test_a_letter_credits_its_signatory_in_every_signature_shape(head: str, signature: str, actor: str) -> None:
    result = extract_pages([head + BODY + signature + "\n"], reference_date=REF)
    [found] = result.commitments
    assert found.actor == actor


def test_co_signatories_of_a_letter_are_named_with_its_promises() -> None:
    text = (
        "Mede namens de minister van Defensie en de staatssecretaris van Financiën informeer ik uw Kamer "
        "over de stand van zaken rond de leskluis en de gesprekken met de scholen.\n\n" + BODY
        + "De Minister van Onderwijs, Cultuur en Wetenschap,\n\nJ. van Dalen\n"
    )
    [found] = extract_pages([text], reference_date=REF).commitments
    assert found.actor == (
        "minister van Onderwijs, Cultuur en Wetenschap (mede namens de minister van Defensie en de "
        "staatssecretaris van Financiën)"
    )


def test_the_asking_member_is_read_from_the_title_line_of_an_answer_document() -> None:
    text = (
        "Vragen van het lid Brouwer-Kok (GroenLinks) aan de minister van Onderwijs, Cultuur en Wetenschap over "
        "de leskluis (ingezonden 3 februari 2026).\n\n"
        "Antwoord van minister Van Dalen (Onderwijs, Cultuur en Wetenschap) (ontvangen 20 februari 2026).\n\n"
        "Vraag 1\nBent u bekend met het bericht over de leskluis?\n\nAntwoord 1\nJa.\n\n"
        "Vraag 2\nWanneer informeert u de Kamer over de proef?\n\nAntwoord 2\n"
        "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van de proef.\n"
    )
    [found] = extract_pages([text], reference_date=REF).commitments
    assert found.question is not None
    assert (found.question.number, found.question.member, found.question.party) == ("2", "Brouwer-Kok", "GroenLinks")


def test_a_nota_answer_on_the_line_after_the_members_question_is_read() -> None:
    text = (
        "De leden van de VVD-fractie vragen wanneer de evaluatie van de wet naar de Kamer wordt\ngestuurd.\n"
        "De evaluatie van de wet wordt in het voorjaar van 2027 aan de Kamer gezonden.\n"
        "De leden van de D66-fractie vragen of de regering bereid is de Kamer voor de zomer te informeren.\n"
        "Zij ontvangen graag voor de zomer een brief.\n"
    )
    [found] = find(text)
    assert found.text == "De evaluatie van de wet wordt in het voorjaar van 2027 aan de Kamer gezonden."
