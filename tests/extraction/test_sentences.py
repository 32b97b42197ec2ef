"""Dutch sentence splitting (tracker.extraction.sentences)."""

from __future__ import annotations

import pytest

from tracker.extraction.sentences import block_spans, sentence_at, split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_plain_sentences_and_offsets() -> None:
    text = "Het kabinet deelt de zorg. Ik zal uw Kamer informeren! Is dat zo? Ja."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Het kabinet deelt de zorg.",
        "Ik zal uw Kamer informeren!",
        "Is dat zo?",
        "Ja.",
    ]
    assert spans[0] == (0, 26)


@pytest.mark.parametrize(
    "text",
    [
        "De motie Van Dijk c.s. (Kamerstuk 36 410, nr. 12) verzoekt de regering om een plan.",
        "Het verslag is op 14 mei jl. door de ambassade verstuurd.",
        "De bijeenkomst van 3 juni a.s. wordt door Nederland voorgezeten.",
        "De brief d.d. 2 april bevat een overzicht m.b.t. de exportvergunningen.",
        "Er zijn bijv. afspraken gemaakt over o.a. visa en i.v.m. de verkiezingen uitgesteld.",
        "Het kabinet zal dit t.z.t. en z.s.m. met de Kamer bespreken, incl. de bijlagen.",
        "De kosten bedragen resp. EUR 2 mln. en ca. EUR 3 mln. voor dit project.",
        "Zie art. 4 van de wet en nr. 7 van de bijlage voor de details.",
        "Dit geldt voor landen, regio's e.d. waar een rood reisadvies geldt.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sents(text) == [text]


def test_initials_are_not_sentence_ends() -> None:
    text = "De minister van Buitenlandse Zaken,\nA.B. de Vries\n\nHet antwoord volgt hieronder."
    out = sents(text)
    assert "De minister van Buitenlandse Zaken,\nA.B. de Vries" in out
    assert "Het antwoord volgt hieronder." in out


def test_no_split_inside_brackets() -> None:
    text = "Zie de brief (Kamerstuk 21 501-02, nr. 2801. Bijlage 3) over de Raad. Daarna volgt meer."
    assert sents(text) == [
        "Zie de brief (Kamerstuk 21 501-02, nr. 2801. Bijlage 3) over de Raad.",
        "Daarna volgt meer.",
    ]


def test_abbreviation_that_closes_a_sentence() -> None:
    text = "Dit is ingediend door het lid Jansen c.s. De Kamer heeft de motie aangenomen."
    assert sents(text) == [
        "Dit is ingediend door het lid Jansen c.s.",
        "De Kamer heeft de motie aangenomen.",
    ]


def test_headings_blank_lines_and_list_items() -> None:
    text = (
        "12\nWanneer ontvangt de Kamer de evaluatie?\n\nAntwoord\nDe evaluatie volgt in mei.\n"
        "Daarnaast geldt het volgende:\n- de subsidie wordt verlengd,\n- het loket blijft open.\n"
        "1) De eerste stap is gezet.\n2) De tweede volgt."
    )
    out = sents(text)
    assert "Wanneer ontvangt de Kamer de evaluatie?" in out
    assert "Antwoord" in out
    assert "De evaluatie volgt in mei." in out
    assert "- de subsidie wordt verlengd," in out
    assert "- het loket blijft open." in out
    assert "1) De eerste stap is gezet." in out
    assert "2) De tweede volgt." in out


def test_numbered_items_in_lower_case() -> None:
    text = "Ik zeg het volgende toe:\n1. ik stuur de Kamer een brief;\n2. ik informeer de Kamer."
    assert sents(text) == ["Ik zeg het volgende toe:", "1. ik stuur de Kamer een brief;", "2. ik informeer de Kamer."]


def test_vraag_and_numbered_answer_headings() -> None:
    text = "Vraag\nKunt u dit toelichten?\n\nAntwoord\nJa, dat kan.\n\n3. Antwoord:\n\nIk zal dat doen."
    out = sents(text)
    assert out[:4] == ["Vraag", "Kunt u dit toelichten?", "Antwoord", "Ja, dat kan."]
    assert out[-1] == "Ik zal dat doen."


def test_short_title_line_between_sentences() -> None:
    text = "Dat is de kern van het beleid.\nCrisisbeheersing\nDe crisisorganisatie wordt versterkt met extra personeel."
    assert sents(text) == [
        "Dat is de kern van het beleid.",
        "Crisisbeheersing",
        "De crisisorganisatie wordt versterkt met extra personeel.",
    ]


def test_wrapped_lines_stay_one_sentence() -> None:
    text = "Het kabinet zal in het voorjaar een\nnieuwe strategie voor de\nregio presenteren. Daarna volgt overleg."
    assert sents(text) == [
        "Het kabinet zal in het voorjaar een\nnieuwe strategie voor de\nregio presenteren.",
        "Daarna volgt overleg.",
    ]


def test_page_break_inside_a_sentence_is_joined() -> None:
    text = "Het kabinet zal bij de partners blijven aandringen op\n\n\n \n\ntoegang voor hulporganisaties. Dat is nodig."
    assert len(block_spans(text)) == 1
    assert sents(text)[0].startswith("Het kabinet") and sents(text)[0].endswith("hulporganisaties.")


def test_footnote_marker_glued_to_the_end() -> None:
    text = "Dat is in lijn met de motie Jansen.4 De Kamer is hierover geïnformeerd."
    assert sents(text) == ["Dat is in lijn met de motie Jansen.4", "De Kamer is hierover geïnformeerd."]


def test_numbers_with_dots_do_not_split() -> None:
    text = "Het gaat om 2.408 fte en EUR 1.820,- in totaal. Dat is meer dan vorig jaar."
    assert sents(text) == ["Het gaat om 2.408 fte en EUR 1.820,- in totaal.", "Dat is meer dan vorig jaar."]


def test_span_restriction_and_sentence_at() -> None:
    text = "Eerste zin. Tweede zin staat hier. Derde zin."
    spans = split_sentences(text, 12, 34)
    assert [text[s:e] for s, e in spans] == ["Tweede zin staat hier."]
    assert text[slice(*sentence_at(text, 20))] == "Tweede zin staat hier."


def test_a_long_text_splits_the_same_way_throughout() -> None:
    chunk = (
        "Het kabinet zal de Kamer voor de zomer informeren over de uitvoering van de motie Jansen c.s. "
        "(Kamerstuk 36 100, nr. 4). Dit gebeurt o.a. via de brief d.d. 3 mei jl. waarin de stand van "
        "zaken rond de onderhandelingen en de inzet van Nederland in de Raad wordt toegelicht. De "
        "minister, A.B. de Vries, heeft hierover op 12 april met zijn ambtgenoten gesproken.\n\nAntwoord\n"
        "De evaluatie volgt in het najaar.\n- een eerste punt over de subsidieregeling,\n"
    )
    text = chunk * 200
    # the list item runs on into the next chunk (no blank line)
    assert len(split_sentences(text)) == 5 * 200 + 1
