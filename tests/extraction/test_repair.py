"""Text repair: every repair kind, the offset map, idempotency, question numbers.

Fixtures are written for these tests in the shapes PDF extraction produces;
the shared corpus is only read (never copied) by the last tests.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from tracker.extraction import repair as repair_module
from tracker.extraction.repair import RepairedText, keep_line_end_hyphen, repair, repair_inline
from tracker.extraction.types import Footnote

LIGATURE_SOURCES = {"ti": "Ɵ", "ft": "Ō", "tt": "Ʃ", "ff": "Ưﬀ", "fi": "ﬁ", "fl": "ﬂ",
                    "ffi": "ﬃ", "ffl": "ﬄ", "st": "ﬅﬆ"}


def fix(text: str) -> str:
    return repair([text]).text


def assert_maps_back(result: RepairedText, pages: list[str]) -> None:
    """Every repaired character maps to the source character it came from."""
    for k, ch in enumerate(result.text):
        page, off = result.source_offset(k)
        src = pages[page][off]
        if ch == src:
            continue
        if ch.isspace() and src.isspace():  # odd space → space, moved line break
            continue
        if ch == "\n" and (off == 0 or pages[page][off - 1] == "\n"):
            continue  # a line break inserted between pages maps to the next page's start
        if any(src in glyphs and ch in expansion for expansion, glyphs in LIGATURE_SOURCES.items()):
            continue
        raise AssertionError(f"offset {k}: {ch!r} maps to {src!r} on page {page} at {off}")


# -- ligatures -----------------------------------------------------------------


def test_broken_ligature_glyphs_become_letters():
    text = "Hierbij treŌ u de schriŌelijke antwoorden Ɵjdens de begroƟngsbehandeling aan de VoorziƩer; de eƯecten zijn bekend."
    assert fix(text) == (
        "Hierbij treft u de schriftelijke antwoorden tijdens de begrotingsbehandeling "
        "aan de Voorzitter; de effecten zijn bekend."
    )


def test_unicode_ligatures_become_letters():
    assert fix("ﬁnanciële ﬂexibiliteit, aﬀaire, eﬃciënt, aﬄuent") == (
        "financiële flexibiliteit, affaire, efficiënt, affluent"
    )


def test_macron_o_at_word_start_is_left_alone():
    # Ō/Ư only stand for ft/ff inside a word; a real name keeps its letter.
    assert fix("De delegatie reisde naar Ōsaka.") == "De delegatie reisde naar Ōsaka."


# -- hyphenation ---------------------------------------------------------------


def test_line_end_hyphen_joins_and_line_break_moves_behind_the_word():
    text = "het ministerie van Buiten-\nlandse Zaken heeft het depar-\ntement gevraagd."
    assert fix(text) == "het ministerie van Buitenlandse\nZaken heeft het departement\ngevraagd."


def test_joined_word_at_line_end_keeps_following_line():
    assert fix("over de verant-\nwoording\nvan dit jaar") == "over de verantwoording\nvan dit jaar"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("EU", "lidstaten"),  # acronym
        ("VN", "missie"),
        ("ICT", "systemen"),
        ("GroenLinks", "fractie"),  # mixed case name
        ("Noord", "Afrika"),  # capital after the break
        ("44 501", "02"),  # digits
        ("veiligheids", "en"),  # elliptical compound
        ("sanctie", "eenheid"),  # vowel clash: Dutch spelling needs the hyphen
        ("politie", "inzet"),
        ("auto", "industrie"),
        ("e", "mail"),  # single letter
        ("niet", "westerse"),  # prefix written with a hyphen
        ("https://www.example.org/een", "pagina"),  # URL
        ("whole-of", "government"),
    ],
)
def test_real_hyphens_stay(left, right):
    text = f"Zo spreken we over {left}-\n{right} in dit verband."
    assert fix(text) == text


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("depar", "tement", "departement"),
        ("financi", "eel", "financieel"),  # i-e is an ordinary hyphenation point
        ("repatri", "ëring", "repatriëring"),
        ("EU-mensenrechten", "sanctieregime", "EU-mensenrechtensanctieregime"),
        ("ge", "ïnformeerd", "geïnformeerd"),
    ],
)
def test_hyphenated_words_join(left, right, joined):
    assert fix(f"Het {left}-\n{right} volgt.") == f"Het {joined}\nvolgt."


def test_hyphen_decision_follows_spelling_used_nearby():
    # "contra-terrorisme" is written with a hyphen elsewhere: keep it at the break.
    text = "Inzet op contra-terrorisme blijft. Het beleid voor contra-\nterrorisme wordt herzien."
    assert fix(text) == text
    # The joined spelling nearby joins a break that the rules would keep.
    text = "De macroeconomische cijfers en de macro-\neconomische vooruitzichten."
    assert fix(text) == "De macroeconomische cijfers en de macroeconomische\nvooruitzichten."


def test_capitalised_name_before_hyphen_keeps_it():
    text = "De rol van Syrië en president Aldoran is bekend. Leden van het Aldoran-\nregime worden vervolgd."
    assert "Aldoran-\nregime" in fix(text)


def test_capitalised_word_at_sentence_start_still_joins():
    assert fix("Samen-\nwerking is nodig.") == "Samenwerking\nis nodig."


def test_line_break_is_not_moved_onto_a_number_or_bullet():
    # A line must not start with a number it did not start with (question numbers).
    assert fix("in het depar-\ntement 12 medewerkers") == "in het departement 12 medewerkers"
    assert fix("de verant-\nwoording - zie boven") == "de verantwoording - zie boven"


def test_soft_hyphen_at_line_end_always_joins():
    assert fix("de Noord\xad\nzee is koud") == "de Noordzee\nis koud"


def test_keep_line_end_hyphen_rules():
    assert keep_line_end_hyphen("NAVO", "bondgenoten")
    assert keep_line_end_hyphen("Zuid", "Korea")
    assert not keep_line_end_hyphen("onder", "steuning")
    assert not keep_line_end_hyphen("begroƟngs", "behandeling")


# -- spaces and blank lines ----------------------------------------------------


def test_odd_spaces_become_spaces_and_zero_width_characters_go():
    assert fix("uw\xa0Kamer en\u202fhet\u2009kabinet\u200b zijn") == "uw Kamer en het kabinet zijn"


def test_whitespace_only_lines_collapse():
    assert fix("Eerste alinea.\n   \n\t\n\xa0\nTweede alinea.") == "Eerste alinea.\n\nTweede alinea."


def test_leading_and_trailing_blank_lines_go():
    assert fix("\n \n\nTekst van de brief.\n\n  \n") == "Tekst van de brief."


def test_sentence_running_on_across_blank_lines_is_joined_by_one_line_break():
    assert fix("De minister zal de\n\n\n \nKamer informeren en\n\nverder rapporteren.") == (
        "De minister zal de\n\nKamer informeren en\nverder rapporteren."
    )


def test_carriage_returns_and_control_characters():
    assert fix("eerste regel\r\ntweede\x00 regel\rderde") == "eerste regel\ntweede regel\nderde"


# -- page numbers --------------------------------------------------------------


def test_page_number_inside_a_sentence_goes():
    assert fix("Het kabinet stuurt de brief\n\n12\n\nnaar verwachting in mei.") == (
        "Het kabinet stuurt de brief\nnaar verwachting in mei."
    )


def test_page_number_inside_a_hyphenated_word_goes():
    assert fix("Het kabinet stuurt de verant-\n7\nwoording in mei.") == (
        "Het kabinet stuurt de verantwoording\nin mei."
    )


def test_zero_line_goes():
    assert fix("De kosten zijn betaald.\n\n0\n\n4 Welke stappen zet u?") == (
        "De kosten zijn betaald.\n\n4 Welke stappen zet u?"
    )


def test_number_lines_between_paragraphs_stay():
    # Without page structure a bare number between paragraphs may be a question number.
    text = "Het antwoord is nee.\n\n12\n\nWelke middelen zijn ingezet?"
    assert fix(text) == text


# -- question numbers and lists --------------------------------------------------


QUESTIONS = (
    " 1 \nOnder welk artikel is de eenheid van het ministerie onder-\ngebracht?\n\n"
    "Antwoord \nDe eenheid valt onder artikel 7.\n\n"
    "2 \nHoe is de bezetting van het postennet? \n\nAntwoord \nZie de tabel.\n\n"
    "3 Aangezien de evaluatie niet wordt\ngenoemd, wanneer volgt zij?\n\nAntwoord\n\n"
    "Het kabinet heeft drie doelen:\n1 Het kabinet zet in op handel.\n"
    "2 Het kabinet zet in op veiligheid.\n"
)


def test_question_numbers_and_numbered_items_survive():
    result = repair([QUESTIONS])
    lines = result.text.split("\n")
    assert " 1 " in lines
    assert "2 " in lines
    assert any(line.startswith("3 Aangezien") for line in lines)
    assert "1 Het kabinet zet in op handel." in lines
    assert "2 Het kabinet zet in op veiligheid." in lines
    assert result.footnotes == []


def test_numbered_item_stays_even_when_its_number_is_a_marker_nearby():
    text = (
        "De Kamer nam de motie aan.1 Het kabinet heeft twee doelen:\n"
        "1 Het kabinet zet in op handel.\n2 Het kabinet zet in op veiligheid.\n\nVerder."
    )
    assert fix(text) == text


# -- footnotes -----------------------------------------------------------------


def test_footnote_after_paragraph_is_removed_and_marker_kept():
    text = (
        "De motie Jansen c.s.7 verzoekt de regering om een plan. Het kabinet zal dit\n"
        "plan voor de zomer sturen.\n\n7 Kamerstuk 59100-12\n\n\n \n"
        "Vraag \nWanneer volgt het plan?\n"
    )
    result = repair([text])
    assert "Kamerstuk 59100-12" not in result.text
    assert "c.s.7 verzoekt" in result.text
    assert result.footnotes == [Footnote("7", "Kamerstuk 59100-12", 1)]
    assert "Vraag \nWanneer volgt het plan?" in result.text


def test_footnote_chain_and_multi_line_footnote():
    text = (
        "Zoals gemeld aan de Kamer.2 Daarna volgde een brief.3 De minister\n"
        "zal de Kamer\n\n"
        "2 Zie ook Kamerstuk 35 000, nr. 3\n"
        "3 The Daily News, 2 juni 2021, «A long title that runs onto\n"
        "a second line» (https://example.org/a-long-\npath).\n"
        " informeren over de voortgang.\n"
    )
    result = repair([text])
    assert [f.number for f in result.footnotes] == ["2", "3"]
    assert result.footnotes[1].text == (
        "The Daily News, 2 juni 2021, «A long title that runs onto a second line» "
        "(https://example.org/a-long-path)."
    )
    # The sentence runs on across the removed footnotes.
    assert "De minister\nzal de Kamer\n informeren over de voortgang." in result.text


def test_footnote_marker_glued_to_year_and_after_sentence_space():
    text = (
        "Totaal aantal goederen in 20211\n\nLand Waarde\nA 12\n\n"
        "1 Voorlopige cijfers uit 2021.\n\n\n"
        "Het kabinet speelt een rol als geopolitieke speler. 2 In deze rol trekt het op.\n\n"
        "2 Zie ook Kamerstuk 58 982, nr. 3\n \nVerder met de tekst."
    )
    result = repair([text])
    assert [(f.number, f.text) for f in result.footnotes] == [
        ("1", "Voorlopige cijfers uit 2021."),
        ("2", "Zie ook Kamerstuk 58 982, nr. 3"),
    ]
    assert "in 20211" in result.text


def test_footnote_looking_line_without_marker_stays():
    text = "Het plan is klaar.\n\n7 Kamerstuk 59100-12\n\n\nVerder."
    assert "7 Kamerstuk 59100-12" in fix(text)


def test_references_are_not_markers():
    # nr.3 and m2 are not footnote markers.
    text = "Zie Kamerstuk 58 925, nr.3 en de 40 m2 kantoor.\n\n3 Kamerstuk 1-2\n\n\n2 Zie hier\n\n\n"
    result = repair([text])
    assert result.footnotes == []


# -- pages ---------------------------------------------------------------------

HEADER = "Tweede Kamer, vergaderjaar 2025–2026, 59 800 V, nr. {n}"


def make_pages() -> list[str]:
    return [
        HEADER.format(n=14) + "\n"
        "Het kabinet heeft de motie van het lid Jansen c.s.4 uitgevoerd en\n"
        "zal de Kamer voor de zomer informeren over het depar-\n"
        "1\n",
        HEADER.format(n=14) + "\n"
        "tement en de uitvoering. De evaluatie volgt in het derde kwartaal.\n"
        "Nederland blijft zich inzetten voor de rechtsstaat.\n"
        "4 Kamerstuk 44501-02, nr. 3236\n"
        "2\n",
        HEADER.format(n=14) + "\n"
        "23\n"
        "Welke middelen zijn hiervoor in 2026 beschikbaar?\n"
        "Antwoord\n"
        "Daarvoor is 3 miljoen euro beschikbaar.\n"
        "3\n",
    ]


def test_page_footnote_with_marker_on_the_same_page():
    pages = make_pages()
    pages[1] = pages[1].replace("De evaluatie volgt", "De motie Klingen c.s.4 vraagt dit. De evaluatie volgt")
    result = repair(pages)
    assert result.footnotes == [Footnote("4", "Kamerstuk 44501-02, nr. 3236", 2)]
    text = result.text
    assert "Tweede Kamer" not in text
    assert "over het departement\nen de uitvoering." in text
    assert "\n1\n" not in text and "\n2\n" not in text and not text.endswith("3")
    # A question number at the top of a page does not follow the page sequence: it stays.
    assert "\n23\nWelke middelen" in text
    assert result.page_at(text.index("departement")) == 1
    assert result.page_at(text.index("uitvoering")) == 2
    assert result.page_at(text.index("Welke middelen")) == 3
    assert len(result.page_starts) == 3
    assert_maps_back(result, pages)


def test_worded_page_numbers_go_at_page_edges():
    bodies = ["De minister schrijft.", "Het kabinet besluit.", "De Kamer stemt in."]
    pages = [f"Pagina {i} van 3\n{body}\n" for i, body in enumerate(bodies, 1)]
    result = repair(pages)
    assert result.text == "De minister schrijft.\n\nHet kabinet besluit.\n\nDe Kamer stemt in."


def test_empty_and_blank_pages_keep_page_numbering():
    pages = ["Eerste pagina.", "", "  \n ", "Vierde pagina."]
    result = repair(pages)
    assert result.text == "Eerste pagina.\n\nVierde pagina."
    assert result.page_starts == [0, 16, 16, 16]
    assert result.page_at(result.text.index("Vierde")) == 4


def test_sentence_running_across_pages_joins_with_one_line_break():
    result = repair(["De minister zal de\n", "Kamer informeren.\n", "Nieuwe alinea.\n"])
    assert result.text == "De minister zal de\nKamer informeren.\n\nNieuwe alinea."


# -- offset map ----------------------------------------------------------------


def test_source_offset_round_trip_single_page():
    text = (
        "\n \nDe eƯecten van het depar-\ntement\xa0zijn bekend.\n\n\n\n"
        "Zoals de motie Pijl c.s.7 vraagt, zal het kabinet\n\n"
        "7 Kamerstuk 55735-406\n\n\n \nschriŌelijk antwoorden over Buiten-\nlandse Zaken.\n"
    )
    result = repair([text])
    assert_maps_back(result, [text])
    k = result.text.index("departement")
    assert result.source_offset(k) == (0, text.index("depar-"))
    k = result.text.index("tement")
    assert result.source_offset(k) == (0, text.index("tement"))
    k = result.text.index("effecten")
    assert text[result.source_offset(k + 1)[1]] == "Ư"
    assert text[result.source_offset(k + 2)[1]] == "Ư"
    assert text[result.source_offset(k + 3)[1]] == "e"


def test_source_offset_end_of_text_and_errors():
    result = repair(["Een korte tekst."])
    assert result.source_offset(len(result.text)) == (0, len("Een korte tekst."))
    with pytest.raises(IndexError):
        result.source_offset(len(result.text) + 1)
    with pytest.raises(IndexError):
        result.page_at(-1)


def test_offset_map_is_compact():
    text = ("Een regel met een gewone zin erin zonder reparatie.\n" * 20000) + "eƯect\n"
    result = repair([text])
    assert len(result._out) < 10  # segments grow with edits, not with text length


# -- idempotency -----------------------------------------------------------------

FRAGMENTS = [
    "De minister zal de Kamer informeren", " over de", " depar-\ntement", " Buiten-\nlandse",
    " EU-\nlidstaten", " Noord-\nAfrika", ".", "?", ",", "\n", "\n\n", "\n \n\n", " eƯecten",
    " Ɵjdens", "\xa0", " c.s.7", " motie.8", "\n7 Kamerstuk 55735-406\n", "\n8 Zie ook hier\n\n\n",
    "\n12\n", "\n\n0\n\n", " 1 \n", "\n3 Aangezien het kabinet", "\nAntwoord\n", " veiligheids-\nen",
    " sanctie-\neenheid", "\n 23 \n", " verant-\n\n\nwoording", "\u200b", " -\n", "-\n\n",
]


def split_pages(text: str, size: int = 97) -> list[str]:
    """Cut text into pages at line ends, as a PDF's pages are."""
    pages = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        cut = len(text) if cut < 0 else cut + 1
        pages.append(text[start:cut])
        start = cut
    return pages or [""]


@pytest.mark.parametrize("seed", range(40))
def test_repair_is_idempotent_on_generated_text(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(5, 80)))
    once = repair([text])
    assert repair([once.text]).text == once.text
    assert_maps_back(once, [text])
    pages = split_pages(text)
    paged = repair(pages)
    assert repair([paged.text]).text == paged.text
    assert_maps_back(paged, pages)


@pytest.mark.parametrize(
    "text",
    [QUESTIONS, "\n".join(make_pages()), "Het Aldoran-\nregime en president Aldoran."],
)
def test_repair_is_idempotent_on_fixtures(text):
    once = fix(text)
    assert fix(once) == once


def test_repair_inline_for_short_pieces():
    assert repair_inline("schriŌelijke  ant-\nwoorden\xa0van de https://example.org/lang-\npad") == (
        "schriftelijke antwoorden van de https://example.org/lang-pad"
    )


def test_accepts_a_single_string_and_empty_input():
    assert repair("Een tekst.").text == "Een tekst."
    assert repair([]).text == ""
    assert repair([""]).page_starts == [0]


# -- real documents (read from the shared corpus, never copied) -----------------


def test_corpus_documents_repair_cleanly(corpus_dir):
    for path in sorted(corpus_dir.glob("*.txt")):
        source = path.read_text(encoding="utf-8")
        result = repair([source])
        assert repair([result.text]).text == result.text, path.name
        assert not re.search("[ƟŌƩƯﬁﬂ\xa0]", result.text), path.name
        assert_maps_back(result, [source])
        # Question-number lines survive: every line that is only a number
        # (other than 0) in the source is still there.
        numbers = re.findall(r"(?m)^ ?([1-9]\d{0,2}) *$", source)
        assert re.findall(r"(?m)^ ?([1-9]\d{0,2}) *$", result.text) == numbers, path.name
        for note in result.footnotes:
            assert note.text and note.number.isdigit()


def test_repair_modules_stay_small_and_free_of_django():
    folder = Path(repair_module.__file__).parent
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("repair*.py")}
    assert len(texts) > 1
    assert max(len(t.splitlines()) for t in texts.values()) <= 500
    assert not any("import django" in t or "from django" in t for t in texts.values())
