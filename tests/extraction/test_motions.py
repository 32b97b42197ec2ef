"""Motion citations (moties): keys, citation shapes, footnotes, status, motion texts.

The sentences here are written for these tests in the shapes the corpus uses;
the corpus itself is only read by the regression test at the end.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tracker.extraction import motions
from tracker.extraction.motions import (
    STATUSES,
    ParsedMotion,
    canonical_key,
    find_citations,
    footnote_map,
    iter_kamerstukken,
    parse_kamerstuk,
    parse_motion_text,
    split_key,
)
from tracker.extraction.types import Footnote, MotionCitation


def one(text: str, footnotes: dict[str, str] | None = None) -> MotionCitation:
    found = find_citations(text, footnotes)
    assert len(found) == 1, found
    return found[0]


def keys(text: str, footnotes: dict[str, str] | None = None) -> list[str]:
    return [c.key for c in find_citations(text, footnotes)]


# --------------------------------------------------------------------------
# Keys and Kamerstuk references
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dossier", "number", "key"),
    [
        ("56 694", "43", "kst-56694-43"),
        ("59045", "4", "kst-59045-4"),
        ("44 501-02", "3236", "kst-44501-02-3236"),
        ("44501-02", "nr. 3236", "kst-44501-02-3236"),
        ("59600-V", "27", "kst-59600-V-27"),
        ("55735", "406", "kst-55735-406"),
        ("59 800-V", "30", "kst-59800-V-30"),
        ("59 800 V", "30", "kst-59800-V-30"),
        ("59800v", "30", "kst-59800-V-30"),
        ("58 925 V", "nr. 14", "kst-58925-V-14"),
        ("58 403", "F", "kst-58403-F"),
        ("59200 IV", "12", "kst-59200-IV-12"),
    ],
)
def test_canonical_key(dossier: str, number: str, key: str) -> None:
    assert canonical_key(dossier, number) == key
    assert canonical_key(*split_key(key)) == key


def test_canonical_key_refuses_an_empty_part() -> None:
    with pytest.raises(ValueError):
        canonical_key("56 694", " ")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kamerstuk 56 694, nr. 43", "kst-56694-43"),
        ("Kamerstuk59 045, nr. 4", "kst-59045-4"),
        ("59600-V-27", "kst-59600-V-27"),
        ("55735-406", "kst-55735-406"),
        ("44 501-02, nr. 3236", "kst-44501-02-3236"),
        ("44501-02-3236", "kst-44501-02-3236"),
        ("58 403, F", "kst-58403-F"),
        ("Kamerstukken II 2022/23, 59200 IV, nr. 12", "kst-59200-IV-12"),
        ("Kamerstukken I 2021/22, 58 403, F", "kst-58403-F"),
        ("Kamerstuk 59 800-V, nr. 30", "kst-59800-V-30"),
        ("59 800 V Nr. 30", "kst-59800-V-30"),
        ("Kamerstuk 58 925 V, nr. 14", "kst-58925-V-14"),
        ("Kamerstuk 44 501-02, nr. \n3236", "kst-44501-02-3236"),
        ("(Kamerstuk 45112-4209)", "kst-45112-4209"),
    ],
)
def test_parse_kamerstuk(text: str, key: str) -> None:
    ref = parse_kamerstuk(text)
    assert ref is not None
    assert canonical_key(*ref) == key


def test_parse_kamerstuk_returns_normalised_parts() -> None:
    assert parse_kamerstuk("Kamerstuk 44 501-02, nr. 3236") == ("44501-02", "3236")
    assert parse_kamerstuk("Kamerstuk 58 403, F") == ("58403", "F")
    assert parse_kamerstuk("59600-V-27") == ("59600-V", "27")


@pytest.mark.parametrize(
    "text",
    ["", "Kamerstuk", "op 10 september 2025", "EUR 2,5 miljard in 2026", "36.500 doden"],
)
def test_parse_kamerstuk_none(text: str) -> None:
    assert parse_kamerstuk(text) is None


def test_iter_kamerstukken_lists_every_reference() -> None:
    assert list(iter_kamerstukken("Kamerstukken 59200 V, J en 59200 V, M")) == [
        ("59200-V", "J"),
        ("59200-V", "M"),
    ]
    assert list(iter_kamerstukken("Kamerstuk 59045-24 en 44501-02-3236")) == [
        ("59045", "24"),
        ("44501-02", "3236"),
    ]
    assert list(iter_kamerstukken("Kamerstuk 55735, nrs. 406 en 407")) == [
        ("55735", "406"),
        ("55735", "407"),
    ]


# --------------------------------------------------------------------------
# Citation shapes
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cited", "members", "key"),
    [
        (
            "Het kabinet werkt aan de motie Koelewijn c.s. (Kamerstuk 56 694, nr. 43) over drones.",
            "motie Koelewijn c.s. (Kamerstuk 56 694, nr. 43)",
            ("Koelewijn",),
            "kst-56694-43",
        ),
        (
            "Zoals de motie van het lid Sjoukema c.s. (Kamerstuk59 045, nr. 4) vraagt, kijken wij.",
            "motie van het lid Sjoukema c.s. (Kamerstuk59 045, nr. 4)",
            ("Sjoukema",),
            "kst-59045-4",
        ),
        (
            "Wij volgen de motie Pasveer c.s. (Kamerstuk 44 501-02, nr. 3236) nauwgezet.",
            "motie Pasveer c.s. (Kamerstuk 44 501-02, nr. 3236)",
            ("Pasveer",),
            "kst-44501-02-3236",
        ),
        (
            "Motie van der Brug (Kamerstuk 59600-V-27) vraagt om een eigen bijdrage.",
            "Motie van der Brug (Kamerstuk 59600-V-27)",
            ("van der Brug",),
            "kst-59600-V-27",
        ),
        (
            "Dit sluit aan bij motie Van Kempen/Bosveld (Kamerstuk 44501-02, nr. 3196).",
            "motie Van Kempen/Bosveld (Kamerstuk 44501-02, nr. 3196)",
            ("Van Kempen", "Bosveld"),
            "kst-44501-02-3196",
        ),
        (
            "De motie van de leden Van der Brug en Pijl (Kamerstuk 44501-02, nr. 3000) gaat over reizen.",
            "motie van de leden Van der Brug en Pijl (Kamerstuk 44501-02, nr. 3000)",
            ("Van der Brug", "Pijl"),
            "kst-44501-02-3000",
        ),
        (
            "De gewijzigde motie van het lid Dassen (Kamerstuk 36 410 V, nr. 12) is helder.",
            "motie van het lid Dassen (Kamerstuk 36 410 V, nr. 12)",
            ("Dassen",),
            "kst-36410-V-12",
        ),
        (
            "Het rapport volgt op de motie van het lid Bakema c.s (Kamerstuk 58 403, F).",
            "motie van het lid Bakema c.s (Kamerstuk 58 403, F)",
            ("Bakema",),
            "kst-58403-F",
        ),
        (
            "Wij handelen naar de motie Van Baalbergen (Kamerstuk 59 800-V, nr. 27) en melden dat.",
            "motie Van Baalbergen (Kamerstuk 59 800-V, nr. 27)",
            ("Van Baalbergen",),
            "kst-59800-V-27",
        ),
        (
            "Zie de motie van de leden van der Wiel, Klomp en Pasveer (Kamerstukken II 2024/25, "
            "59 600 V, nr. 51).",
            "motie van de leden van der Wiel, Klomp en Pasveer (Kamerstukken II 2024/25, "
            "59 600 V, nr. 51)",
            ("van der Wiel", "Klomp", "Pasveer"),
            "kst-59600-V-51",
        ),
        (
            "Over de motie-Karsouw (GroenLinks-PvdA) c.s. hebben wij u eerder bericht.",
            "motie-Karsouw (GroenLinks-PvdA) c.s.",
            ("Karsouw",),
            "",
        ),
        (
            "Hoe staat het met de motie-Koelewijn?",
            "motie-Koelewijn",
            ("Koelewijn",),
            "",
        ),
        (
            "In december is de motie Van der Wiel (D66) over paspoorten besproken.",
            "motie Van der Wiel (D66)",
            ("Van der Wiel",),
            "",
        ),
        (
            "Naar aanleiding van de SGP-motie (Kamerstuk 59 600-V, nr. 45) is meer gedaan.",
            "SGP-motie (Kamerstuk 59 600-V, nr. 45)",
            (),
            "kst-59600-V-45",
        ),
    ],
)
def test_citation_shapes(text: str, cited: str, members: tuple[str, ...], key: str) -> None:
    c = one(text)
    assert c.text == cited
    assert text[c.start : c.end] == cited
    assert c.members == members
    assert c.key == key


def test_line_breaks_between_any_two_words() -> None:
    text = (
        "Het kabinet volgt de motie van\nhet lid\nVan der\nBrug c.s. (Kamerstuk\n59600-V-27)"
        " en de motie\nKoelewijn c.s. (Kamerstuk 44 501-02, nr. \n3236) en motie Van Kempen/\n"
        "Bosveld\n(Kamerstuk 44501-02, nr. 3196)."
    )
    found = find_citations(text)
    assert [(c.members, c.key) for c in found] == [
        (("Van der Brug",), "kst-59600-V-27"),
        (("Koelewijn",), "kst-44501-02-3236"),
        (("Van Kempen", "Bosveld"), "kst-44501-02-3196"),
    ]
    for c in found:
        assert text[c.start : c.end] == c.text
    assert found[1].text.endswith("nr. \n3236)")


@pytest.mark.parametrize(
    ("text", "members", "key"),
    [
        (
            "De motie van het lid Van der Leij over klimaatgeld (Kamerstuk 36 410 XVII, nr. 20) telt.",
            ("Van der Leij",),
            "kst-36410-XVII-20",
        ),
        (
            "De motie Koelewijn (zie Kamerstuk 56 694, nr. 43) is helder.",
            ("Koelewijn",),
            "kst-56694-43",
        ),
        ("De motie Koelewijn, Kamerstuk 56 694, nr. 43, is helder.", ("Koelewijn",), "kst-56694-43"),
        ("De motie van de VVD-fractie (Kamerstuk 56 694, nr. 43) telt.", (), "kst-56694-43"),
        (
            "De motie Ten Hove/De Roozen (Kamerstuk 59 600 V, nr. 3) telt.",
            ("Ten Hove", "De Roozen"),
            "kst-59600-V-3",
        ),
        (
            "De motie Dekker-Abdulaziz c.s. (Kamerstuk 59 600 V, nr. 3) telt.",
            ("Dekker-Abdulaziz",),
            "kst-59600-V-3",
        ),
        ("Het kabinet volgt de motie van het lid El Abassi.", ("El Abassi",), ""),
        ("Het kabinet volgt de motie-Van der Plas c.s. op.", ("Van der Plas",), ""),
        ("In lijn met de motie Bosveld en Nederland zal het kabinet handelen.", ("Bosveld",), ""),
    ],
)
def test_more_citation_shapes(text: str, members: tuple[str, ...], key: str) -> None:
    c = one(text)
    assert (c.members, c.key) == (members, key)


def test_text_after_cs_starting_a_new_sentence_does_not_number_the_motion() -> None:
    text = "Conform de motie Koelewijn c.s. Daarover is de Kamer geïnformeerd (Kamerstuk 56 694, nr. 63)."
    assert keys(text) == [""]


def test_a_blank_line_ends_the_citation() -> None:
    # "Antwoord" on the next paragraph is a heading, not a member.
    assert find_citations("Hoe staat het met de motie\n\nAntwoord\n\nDat volgt.") == []


def test_citations_come_in_text_order_with_exact_spans() -> None:
    text = (
        "Conform de motie Pijl c.s. (Kamerstuk 55735-406) en de motie-Klingen werkt het "
        "kabinet. Later volgt de motie van het lid Dommering (Kamerstuk 55 735, nr. 386)."
    )
    found = find_citations(text)
    assert [c.members for c in found] == [("Pijl",), ("Klingen",), ("Dommering",)]
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert all(text[c.start : c.end] == c.text for c in found)


def test_party_motion_named_by_party() -> None:
    text = (
        "Is er gehandeld naar de aangenomen motie van de SGP? "
        "Ja, naar aanleiding van de SGP-motie (Kamerstuk 59 600-V, nr. 45) is dat gebeurd."
    )
    first, second = find_citations(text)
    assert first.text == "motie van de SGP"
    assert first.members == ()
    assert first.key == second.key == "kst-59600-V-45"  # the party stands in for members
    assert first.stated_status == "aangenomen"


def test_unnamed_motion_with_its_number_later_in_the_clause() -> None:
    text = (
        "In 2020 diende de fractie een motie in om de ambassade te verplaatsen "
        "(Kamerstuk 58 570 V, nr. 24). Dat is bekend."
    )
    c = one(text)
    assert c.key == "kst-58570-V-24"
    assert c.members == ()
    assert c.text.startswith("motie in om") and c.text.endswith("nr. 24)")


def test_unnamed_motion_does_not_take_a_letter_reference() -> None:
    text = "Over de motie is de Kamer per brief geïnformeerd (Kamerstuk 56 694, nr. 63)."
    assert find_citations(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hoe staat het met de breed aangenomen motie over een fonds voor partnerschappen?",
        "Als er ruimte is, wordt indachtig deze motie bekeken of meer kan.",
        "Kan de minister een update geven over beide moties?",
        "Hoe geeft de minister invulling aan de moties die zijn ingediend?",
        "De motieven van het kabinet (Kamerstuk 36 000 V, nr. 1) zijn helder.",
        "Een motie van wantrouwen is niet ingediend.",
        "MOTIES EN TOEZEGGINGEN",
    ],
)
def test_mentions_that_identify_no_motion(text: str) -> None:
    assert find_citations(text) == []


def test_plural_moties_with_their_numbers() -> None:
    text = (
        "De moties Koelewijn (Kamerstuk 56 694, nr. 43) en Sjoukema (Kamerstuk 59 045, nr. 4) "
        "zijn uitgevoerd."
    )
    first, second = find_citations(text)
    assert (first.members, first.key) == (("Koelewijn",), "kst-56694-43")
    assert (second.members, second.key) == (("Sjoukema",), "kst-59045-4")
    assert first.text == "moties Koelewijn (Kamerstuk 56 694, nr. 43)"
    assert second.text == "Sjoukema (Kamerstuk 59 045, nr. 4)"
    assert first.stated_status == second.stated_status == "uitgevoerd"


def test_plural_moties_split_into_motions_and_members() -> None:
    found = find_citations("Wij steunen de moties Van Kempen/Bosveld en Pijl c.s. van harte.")
    assert [c.members for c in found] == [("Van Kempen", "Bosveld"), ("Pijl",)]


def test_plural_moties_share_a_footnote_listing_two_motions() -> None:
    text = "De moties Pijl en Klingen14 zijn besproken."
    fn = {"14": "Kamerstuk 55735-406; Kamerstuk 59045-243"}
    assert [(c.members, c.key) for c in find_citations(text, fn)] == [
        (("Pijl",), "kst-55735-406"),
        (("Klingen",), "kst-59045-243"),
    ]


def test_unnamed_plural_with_a_footnote_listing_two_motions() -> None:
    text = "Het kabinet voert beide moties15 uit."
    fn = {"15": "Kamerstuk 59600-V-27 en Kamerstuk 44501-02, nr. 3000"}
    assert keys(text, fn) == ["kst-59600-V-27", "kst-44501-02-3000"]


# --------------------------------------------------------------------------
# Footnote markers
# --------------------------------------------------------------------------


def test_marker_glued_to_cs() -> None:
    c = one(
        "De motie Pijl c.s.7 vraagt het kabinet om ruimte te zoeken.", {"7": "Kamerstuk 55735-406"}
    )
    assert c.key == "kst-55735-406"
    assert c.members == ("Pijl",)
    assert c.text == "motie Pijl c.s."


def test_marker_glued_to_cs_is_not_part_of_a_name_without_its_footnote() -> None:
    c = one("JA21 steunde de motie van der Brug c.s.12, zoals bekend.", {})
    assert c.members == ("van der Brug",)
    assert c.text == "motie van der Brug c.s."
    assert c.key == ""


def test_marker_glued_to_a_name_and_after_a_period() -> None:
    fn = {"19": "Kamerstuk 55 735, nr. 386", "10": "Kamerstuk 52754, nr. 765"}
    first = one("Op grond van motie Dommering19 kunnen visa worden verstrekt.", fn)
    assert (first.members, first.key, first.text) == (("Dommering",), "kst-55735-386", "motie Dommering")
    second = one("De lijn is in lijn met motie Bosveld.10 De EU gaat daarover.", fn)
    assert (second.members, second.key, second.text) == (
        ("Bosveld",),
        "kst-52754-765",
        "motie Bosveld",
    )


def test_marker_glued_to_an_unnamed_motie() -> None:
    fn = {"17": "Kamerstuk 44501-20, nr. 2366", "8": "Kamerstuk 59045-243"}
    c = one("De Kamer heeft een motie17 aangenomen om afhankelijkheden te tonen.", fn)
    assert (c.key, c.members, c.text) == ("kst-44501-20-2366", (), "motie")
    c = one("Later volgt de uitwerking van de motie.8\n", fn)
    assert (c.key, c.text) == ("kst-59045-243", "motie")


def test_marker_closing_the_sentence_of_a_single_unnumbered_motion() -> None:
    fn = {"6": "Kamerstuk 59800-V, nr. 30"}
    text = "In december is de motie Van der Wiel (D66) over paspoorten aangenomen.6 Het volgt."
    c = one(text, fn)
    assert c.key == "kst-59800-V-30"
    assert c.stated_status == "aangenomen"


def test_marker_after_a_question_mark_at_the_end_of_a_line() -> None:
    text = "Hoe wordt opvolging gegeven aan de aangenomen motie Dommering over Iran? 18 \n\nAntwoord"
    c = one(text, {"18": "Kamerstuk 44501-02, nr. 3305"})
    assert c.key == "kst-44501-02-3305"


@pytest.mark.parametrize(
    "text",
    [
        "Sinds de motie Klingen zijn 3 brieven verstuurd.",
        "De motie Pijl c.s. is 7 keer besproken.",
        "Het gaat om de motie Klingen. 3 landen steunen haar.",
        "De motie Klingen kost EUR 3,5 miljard in 2026.",
        "De motie Klingen (nr. 3 op de lijst) is besproken.",
    ],
)
def test_ordinary_numbers_are_not_markers(text: str) -> None:
    fn = {"3": "Kamerstuk 59045-243", "7": "Kamerstuk 55735-406"}
    assert keys(text, fn) == [""]


def test_sentence_marker_is_refused_when_the_footnote_names_no_motion() -> None:
    text = "Conform de motie Bosveld heeft de premier dit in de Raad ingebracht.11"
    fn = {"11": "Kamerstuk 44501-20, nr. 2362 (Verslag van de Europese Raad)"}
    assert keys(text, fn) == [""]


def test_footnote_listing_two_documents_gives_the_motion_its_own_number() -> None:
    fn = {
        "9": "Kamerstukken 59200 V, J en 59200 V, M (Gewijzigde motie-Karsouw c.s. over Iran; "
        "Verslag van een schriftelijk overleg over de motie Karsouw c.s.; Begrotingsstaat 2023)"
    }
    assert keys("Dit volgt uit de motie Karsouw c.s.9 over Iran.", fn) == ["kst-59200-V-J"]
    # Without titles the first reference is taken.
    assert keys(
        "Dit volgt uit de motie Karsouw c.s.9 over Iran.", {"9": "Kamerstuk 1 en 55735-406"}
    ) == ["kst-55735-406"]


def test_footnote_lines_left_in_the_text_fill_in_missing_footnotes() -> None:
    text = "De motie Pijl c.s.7 vraagt het kabinet om ruimte te zoeken.\n\n7 Kamerstuk 55735-406 \n"
    assert keys(text) == ["kst-55735-406"]
    assert keys(text, {}) == ["kst-55735-406"]
    assert keys(text, {"8": "Kamerstuk 59045-243"}) == ["kst-55735-406"]
    # A separated footnote wins over a line in the text.
    assert keys(text, {"7": "Kamerstuk 59045-243"}) == ["kst-59045-243"]


def test_motion_named_in_a_footnote_title_list_in_the_text() -> None:
    text = (
        "Het standpunt is niet veranderd.9\n\n"
        "9 Kamerstukken 59200 V, J en 59200 V, M (Gewijzigde motie-Karsouw (GroenLinks-PvdA) c.s. \n"
        "over Iran; Verslag van een schriftelijk overleg over de uitvoering van de \n"
        "motie Karsouw c.s. over Iran; Begrotingsstaat Buitenlandse Zaken 2023) \n"
    )
    assert [(c.members, c.key) for c in find_citations(text)] == [
        (("Karsouw",), "kst-59200-V-J"),
        (("Karsouw",), "kst-59200-V-J"),
    ]


def test_footnote_map() -> None:
    fns = [Footnote("7", "Kamerstuk 55735-406", page=3), Footnote("8", "Kamerstuk 59045-243")]
    assert footnote_map(fns) == {"7": "Kamerstuk 55735-406", "8": "Kamerstuk 59045-243"}


# --------------------------------------------------------------------------
# Name-only resolution
# --------------------------------------------------------------------------


def test_name_only_takes_the_key_of_a_later_numbered_citation() -> None:
    text = (
        "Hoe staat het met de motie-Koelewijn? "
        "De motie van het lid Koelewijn c.s. (Kamerstuk 56 694, nr. 43) wordt uitgevoerd."
    )
    assert keys(text) == ["kst-56694-43", "kst-56694-43"]


def test_name_only_takes_the_key_of_an_earlier_numbered_citation() -> None:
    text = (
        "Motie van der Brug (Kamerstuk 59600-V-27) vraagt om een bijdrage. "
        "JA21 steunde de motie Van der Brug c.s. destijds."
    )
    assert keys(text) == ["kst-59600-V-27", "kst-59600-V-27"]


def test_name_only_without_a_numbered_citation_keeps_an_empty_key() -> None:
    c = one("In lijn met de motie Ekkers c.s. heeft het kabinet gehandeld.")
    assert (c.key, c.members) == ("", ("Ekkers",))


def test_name_only_needs_the_same_member_set() -> None:
    text = (
        "De motie van de leden Van der Brug en Pijl (Kamerstuk 44501-02, nr. 3000) is helder. "
        "Ook de motie Van der Brug is helder."
    )
    assert keys(text) == ["kst-44501-02-3000", ""]


def test_name_only_stays_empty_when_the_members_cited_two_numbers() -> None:
    fn = {"10": "Kamerstuk 52754, nr. 765", "11": "Kamerstuk 44501-20, nr. 2362"}
    text = (
        "Het kabinet volgt motie Bosveld.10 Het kabinet volgt ook motie Bosveld.11 "
        "Vorig jaar is de motie Bosveld aangenomen."
    )
    assert keys(text, fn) == ["kst-52754-765", "kst-44501-20-2362", ""]


# --------------------------------------------------------------------------
# Amendments and letters
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Bij de begroting heeft Sjoukema c.s. een amendement ingediend (Kamerstuk 58 925 V, nr. 14).",
        "Het amendement-Molema (Kamerstuk 58 925 V, nr. 14) is aangenomen.",
        "Over een motie en een amendement (Kamerstuk 58 925 V, nr. 14) is gestemd.",
        "De Kamer is op 11 oktober per brief geïnformeerd (Kamerstuk 56 694, nr. 63).",
    ],
)
def test_amendments_and_letters_are_not_motions(text: str) -> None:
    assert find_citations(text) == []


def test_amendment_reference_after_a_motion_is_not_taken() -> None:
    c = one(
        "De motie Koelewijn en het amendement-Molema (Kamerstuk 58 925 V, nr. 14) zijn besproken."
    )
    assert (c.members, c.key) == (("Koelewijn",), "")


def test_a_later_letter_does_not_number_a_named_motion() -> None:
    text = (
        "Het kabinet heeft voor de motie van het lid Koelewijn c.s. (Kamerstuk 56 694, nr. 43). "
        "Daarover is de Kamer geïnformeerd (Kamerstuk 56 694, nr. 63)."
    )
    assert keys(text) == ["kst-56694-43"]


# --------------------------------------------------------------------------
# Handelingen: "op stuk nr. N" and "Zij krijgt nr. N (dossier)"
# --------------------------------------------------------------------------

# A debate item as the Handelingen print it: the motions are submitted and numbered
# first, the minister gives an opinion on each one later by its stuk number only.
DEBATE = """De voorzitter:

Deze motie is voorgesteld door de leden Verhoeckx en Ter Laan. Naar mij blijkt, wordt de
indiening ervan voldoende ondersteund. Zij maakt deel uit van de beraadslaging.

Zij krijgt nr. 412 (40 118).

De voorzitter:

Deze motie is voorgesteld door het lid Ouwerkerk. Naar mij blijkt, wordt de indiening ervan
voldoende ondersteund. Zij maakt deel uit van de beraadslaging.

Zij krijgt nr. 413 (40118).

Minister Dalstra:

Ik begin met de motie op stuk nr. 412 van de leden Verhoeckx en Ter Laan. Die ontraad ik.
De motie van de heer Ouwerkerk op stuk nr. 413 laat ik aan het oordeel van de Kamer.
Dan de motie op stuk nr. 414, van de heren Brink en Sallou, over de dijken.
De motie-Verhoeckx/Ter Laan vraagt te veel.
"""


def test_stuk_numbers_take_their_dossier_from_the_numbering_in_the_same_debate() -> None:
    found = find_citations(DEBATE)
    assert [(c.key, c.members) for c in found] == [
        ("kst-40118-412", ("Verhoeckx", "Ter Laan")),
        ("kst-40118-413", ("Ouwerkerk",)),
        ("kst-40118-412", ("Verhoeckx", "Ter Laan")),
        ("kst-40118-413", ("Ouwerkerk",)),
        # not numbered in this excerpt: the dossier of the motions numbered beside it
        ("kst-40118-414", ("Brink", "Sallou")),
        # name only: the key of the same members' numbered motion
        ("kst-40118-412", ("Verhoeckx", "Ter Laan")),
    ]
    assert all(DEBATE[c.start : c.end] == c.text for c in found)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Minister Dalstra:\n\nDe motie op stuk nr. 7 ontraad ik.\n\nZij krijgt nr. 7 (40 222-XIV).",
         "kst-40222-XIV-7"),
        ("Ik begin met de eerste motie, die op stuk nr. 7. Zij krijgt nr. 7 (40222).", "kst-40222-7"),
        ("De motie op stuk nummer 7 is van mevrouw Kalsbeek. Zij krijgt nummer 7 (40222).", "kst-40222-7"),
        ("De motie van mevrouw Kalsbeek en de heer Drost op stuk nr. 7. Zij krijgt nr. 7 (40222).",
         "kst-40222-7"),
    ],
)
def test_stuk_number_shapes(text: str, key: str) -> None:
    assert key in keys(text)


def test_a_stuk_number_far_from_any_numbered_motion_stays_without_key() -> None:
    text = "De motie op stuk nr. 90 van het lid Kalsbeek ontraad ik. Zij krijgt nr. 7 (40222)."
    assert [(c.key, c.members) for c in find_citations(text)] == [("", ("Kalsbeek",))]


def test_an_unnamed_stuk_number_without_dossier_is_no_citation() -> None:
    assert find_citations("De voorzitter:\n\nDan de motie op stuk nr. 12.") == []


def test_the_nearest_numbering_wins_when_two_debates_reuse_a_number() -> None:
    text = (
        "Zij krijgt nr. 5 (40111).\n\nDe motie op stuk nr. 5 van het lid Drost ontraad ik.\n\n"
        + "Het volgende debat gaat over iets anders. " * 40
        + "\n\nZij krijgt nr. 5 (40999).\n\nDe motie op stuk nr. 5 van het lid Smeding ontraad ik."
    )
    assert keys(text) == ["kst-40111-5", "kst-40999-5"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("In de motie Tamsma (kamerstuk 41 777, nr. 3) wordt gevraagd.", "kst-41777-3"),
        ("de motie van het lid Tamsma (Kamerstuknummer 41 777, nr. 9) vraagt", "kst-41777-9"),
        ("de motie van het lid Tamsma (TK 41 777, nr. 9) vraagt", "kst-41777-9"),
        ("de motie van het lid Tamsma (kst-41777-IV-9) vraagt", "kst-41777-IV-9"),
        ("de motie van het lid Tamsma (Handelingen II 2029/30, nr. 12, item 4; Kamerstuk 41 777, nr. 9)",
         "kst-41777-9"),
        ("de motie van het lid Tamsma (ingediend 3 april 2030, Kamerstuk 41 777, nr. 9)", "kst-41777-9"),
        ("De motie van het lid Tamsma (Kamerstukken II 2029/30, 41 300 XV, nr. 12) is aangenomen.",
         "kst-41300-XV-12"),
        ("de motie-Van der Berg (Kamerstuk 41234, nr. 67) over de dijken", "kst-41234-67"),
        ("de motie van het lid Hoekstein c.s. (41 234, nr. 67) verzoekt", "kst-41234-67"),
        ("de motie Tamsma (41 777-IV, nr. 9)", "kst-41777-IV-9"),
        ("De motie van het lid Tamsma (Kamerstukken I 2029/30, 41 777, G) vraagt", "kst-41777-G"),
        ("De motie van het lid Tamsma (Kamerstukken II, 2029-2030, 41 300 XV, nr. 12) vraagt.", "kst-41300-XV-12"),
        ("De motie van het lid Tamsma (Tweede Kamer, vergaderjaar 2029–2030, 41 300 XV, nr. 12).",
         "kst-41300-XV-12"),
        ("De motie-Tamsma c.s. (EK 41 403, F) vraagt.", "kst-41403-F"),
        ("De Kamer heeft de motie van het lid Tamsma aangenomen (Kamerstuk 41 300, nr. 4).", "kst-41300-4"),
        # a joint dossier: the key takes the first one
        ("de motie van het lid Tamsma (Kamerstukken 41 777 en 41 888, nr. 9) vraagt", "kst-41777-9"),
        ("De motie van het lid Tamsma1 vraagt.\n\n1 Tweede Kamer, vergaderjaar 2029–2030, 41 300 XV, nr. 12",
         "kst-41300-XV-12"),
    ],
)
def test_reference_spellings_of_letters_and_annexes(text: str, key: str) -> None:
    assert keys(text) == [key]


def test_members_named_after_the_reference() -> None:
    found = one("De motie (Kamerstuk 41 300 XV, nr. 12) van het lid Tamsma vraagt.")
    assert (found.key, found.members) == ("kst-41300-XV-12", ("Tamsma",))


def test_a_letter_later_in_the_sentence_does_not_number_a_named_motion() -> None:
    assert keys("de motie van het lid Tamsma vraagt om een brief (Kamerstuk 41 777, nr. 10).") == [""]


def test_motion_modules_stay_small() -> None:
    folder = Path(motions.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("motions*.py")}
    assert len(sizes) > 1 and max(sizes.values()) <= 500, sizes


# --------------------------------------------------------------------------
# Stated status
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Hoe staat het met de in augustus aangenomen motie Pasveer over handel?", "aangenomen"),
        ("Vorig jaar is de motie Bosveld aangenomen die om kopgroepen vroeg.", "aangenomen"),
        ("Wanneer wordt de motie Klingen uitgevoerd?", None),
        ("Is de motie Klingen al aangenomen?", None),
        ("Hiermee is de motie Koelewijn uitgevoerd.", "uitgevoerd"),
        ("Het kabinet beschouwt de motie Koelewijn hiermee als afgedaan.", "uitgevoerd"),
        (
            "Met deze brief heeft het kabinet uitvoering gegeven aan de motie Koelewijn.",
            "uitgevoerd",
        ),
        ("Daarmee wordt uitvoering gegeven aan de motie Sjoukema.", "in uitvoering"),
        ("De motie Sjoukema wordt momenteel uitgevoerd.", "in uitvoering"),
        ("De motie Sjoukema is in uitvoering.", "in uitvoering"),
        ("De motie Klingen is gedeeltelijk uitgevoerd.", "deels uitgevoerd"),
        (
            "Het kabinet geeft invulling aan de rest van de motie Klingen in het voorjaar.",
            "deels uitgevoerd",
        ),
        ("De motie Dommering is verworpen.", "verworpen"),
        ("De motie Dommering is aangehouden.", "aangehouden"),
        ("De motie Dommering is ingetrokken.", "ingetrokken"),
        ("Het kabinet bekijkt hoe de motie Dommering uitgevoerd kan worden.", None),
        ("De motie Dommering is nog niet uitgevoerd.", None),
        ("Conform de motie Dommering beziet het kabinet de opties.", None),
        (
            "Het kabinet heeft in lijn met de motie Dommering (Kamerstuk 55 735, nr. 386) gehandeld.",
            None,
        ),
        ("De in juni aangenomen motie Dommering is inmiddels uitgevoerd.", "uitgevoerd"),
        (
            "Motie van het lid Dommering over visa\nStand van zaken: Afgedaan. Zie de brief.",
            "uitgevoerd",
        ),
        ("Motie van het lid Dommering over visa\nStand van zaken: lopend.", "in uitvoering"),
        ("Motie van het lid Dommering over visa\nStand van zaken: deels afgedaan.", "deels uitgevoerd"),
    ],
)
def test_stated_status(text: str, status: str | None) -> None:
    assert one(text).stated_status == status


def test_status_vocabulary_is_closed() -> None:
    assert set(STATUSES) == {
        "aangenomen",
        "verworpen",
        "aangehouden",
        "ingetrokken",
        "uitgevoerd",
        "deels uitgevoerd",
        "in uitvoering",
    }


def test_status_from_the_following_sentence_that_points_back() -> None:
    text = (
        "De motie Koelewijn c.s. (Kamerstuk 56 694, nr. 43) vroeg om een conferentie. "
        "Hiermee is de motie uitgevoerd. Volgend jaar komt er meer."
    )
    assert one(text).stated_status == "uitgevoerd"


def test_status_of_a_bare_motie_with_footnote() -> None:
    text = "Bij de Voorjaarsnota zal het kabinet invulling geven aan de rest van de motie.8\n"
    c = one(text, {"8": "Kamerstuk 59045-243"})
    assert (c.key, c.stated_status) == ("kst-59045-243", "deels uitgevoerd")


def test_status_is_not_taken_from_an_unrelated_next_sentence() -> None:
    text = "De motie Koelewijn vraagt om een conferentie. Het verdrag is in 2020 aangenomen."
    assert one(text).stated_status is None


def test_coordinated_motions_share_the_status_of_their_clause() -> None:
    text = "Hiermee is uitvoering gegeven aan de motie Koelewijn en de motie Pijl."
    assert [c.stated_status for c in find_citations(text)] == ["uitgevoerd", "uitgevoerd"]


def test_active_perfect_states_uitgevoerd() -> None:
    assert one("Het kabinet heeft de motie Koelewijn uitgevoerd.").stated_status == "uitgevoerd"
    assert one("Het kabinet heeft de motie Koelewijn niet uitgevoerd.").stated_status is None


def test_status_belongs_to_the_motion_it_follows() -> None:
    text = "De motie Pijl is aangenomen, maar de motie Klingen is verworpen."
    assert [c.stated_status for c in find_citations(text)] == ["aangenomen", "verworpen"]


# --------------------------------------------------------------------------
# parse_motion_text
# --------------------------------------------------------------------------

MOTION = """\
Tweede Kamer der Staten-Generaal
Vergaderjaar 2025–2026

59 800 V Vaststelling van de begrotingsstaten van het Ministerie van
Buitenlandse Zaken (V) voor het jaar 2026

Nr. 30 MOTIE VAN DE LEDEN VAN DER WIEL EN KLOMP

Voorgesteld 11 december 2025

De Kamer,

gehoord de beraadslaging,

constaterende dat reizigers voor een nieuw paspoort vaak ver moeten
reizen;

overwegende dat digitale alternatieven die reis kunnen besparen;

verzoekt de regering, te onderzoeken of een paspoort op afstand
verlengd kan worden, en de Kamer daarover voor de zomer te informeren,

en gaat over tot de orde van de dag.

Van der Wiel
Klomp
"""


def test_parse_motion_text_standard_shape() -> None:
    m = parse_motion_text(MOTION)
    assert isinstance(m, ParsedMotion)
    assert m.members == ("Van der Wiel", "Klomp")
    assert m.key == "kst-59800-V-30"
    assert (m.dossier, m.number) == ("59800-V", "30")
    assert m.proposed == date(2025, 12, 11)
    assert m.considerations == (
        "constaterende dat reizigers voor een nieuw paspoort vaak ver moeten reizen",
        "overwegende dat digitale alternatieven die reis kunnen besparen",
    )
    assert m.request == (
        "verzoekt de regering, te onderzoeken of een paspoort op afstand verlengd kan worden, "
        "en de Kamer daarover voor de zomer te informeren"
    )
    assert m.amended is False


def test_parse_motion_text_flat_with_kamerstuk_header() -> None:
    text = (
        "Kamerstuk 36 410-V, nr. 12. Gewijzigde motie van het lid Dassen c.s. over sancties "
        "Voorgesteld 3 februari 2024 De Kamer, gehoord de beraadslaging, overwegende dat "
        "sancties werken, constaterende dat er gaten zijn, verzoekt de regering de gaten te "
        "dichten, en gaat over tot de orde van de dag."
    )
    m = parse_motion_text(text)
    assert m is not None
    assert m.key == "kst-36410-V-12"
    assert m.members == ("Dassen",)
    assert m.amended is True
    assert m.proposed == date(2024, 2, 3)
    assert m.considerations == (
        "overwegende dat sancties werken",
        "constaterende dat er gaten zijn",
    )
    assert m.request == "verzoekt de regering de gaten te dichten"


def test_parse_motion_text_without_number() -> None:
    text = (
        "Motie van het lid Pijl\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "van mening dat steun nodig blijft;\n\nspreekt uit dat het fonds blijft,\n\n"
        "en gaat over tot de orde van de dag.\n"
    )
    m = parse_motion_text(text)
    assert m is not None
    assert (m.key, m.dossier, m.number, m.proposed) == ("", None, None, None)
    assert m.members == ("Pijl",)
    assert m.considerations == ("van mening dat steun nodig blijft",)
    assert m.request == "spreekt uit dat het fonds blijft"


def test_parse_motion_text_replacing_motion_and_flat_header() -> None:
    text = (
        "59 600 V Begroting Buitenlandse Zaken 2025\n\n"
        "Nr. 41 GEWIJZIGDE MOTIE VAN HET LID VAN BAALBERGEN C.S. TER VERVANGING VAN DIE GEDRUKT "
        "ONDER NR. 33\n\nVoorgesteld 2 oktober 2024\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "overwegende dat het beleid knelt;\n\nverzoekt de regering het beleid te herzien,\n\n"
        "en gaat over tot de orde van de dag.\n\nVan Baalbergen\n"
    )
    m = parse_motion_text(text)
    assert m is not None
    assert (m.key, m.members, m.amended) == ("kst-59600-V-41", ("Van Baalbergen",), True)
    flat = (
        "Motie van het lid Pijl Voorgesteld 5 maart 2025 De Kamer, gehoord de beraadslaging, "
        "verzoekt de regering het fonds te behouden, en gaat over tot de orde van de dag."
    )
    m = parse_motion_text(flat)
    assert m is not None
    assert (m.members, m.considerations, m.proposed) == (("Pijl",), (), date(2025, 3, 5))
    assert m.request == "verzoekt de regering het fonds te behouden"


def test_parse_motion_text_does_not_split_at_a_wrapped_line() -> None:
    text = (
        "Motie van het lid Klingen\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "constaterende dat het kabinet een\nbesluit over steun heeft genomen;\n\n"
        "verzoekt de regering dat\nbesluit uit te voeren,\n\nen gaat over tot de orde van de dag.\n"
    )
    m = parse_motion_text(text)
    assert m is not None
    assert m.considerations == (
        "constaterende dat het kabinet een besluit over steun heeft genomen",
    )
    assert m.request == "verzoekt de regering dat besluit uit te voeren"


def test_parse_motion_text_rejects_other_texts() -> None:
    assert parse_motion_text("Hierbij ontvangt u de antwoorden op de vragen.") is None
    assert parse_motion_text("") is None


# --------------------------------------------------------------------------
# Engine properties and the corpus
# --------------------------------------------------------------------------


def test_module_is_pure_python() -> None:
    tree = ast.parse(Path(motions.__file__).read_text(encoding="utf-8"))
    imported = {
        (n.module or "") if isinstance(n, ast.ImportFrom) else a.name
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    }
    assert not any(name.split(".")[0] == "django" for name in imported)


# Per corpus file, the citations checked by hand against the text: (line, numbered,
# number of members, stated status). The members' names and the Kamerstuk numbers are
# real, so they are not written here; a key found must be one the document itself spells.
CORPUS_CITATIONS: dict[str, list[tuple[int, bool, int, str | None]]] = {
    "000_8871ae96de72df09.txt": [
        (188, False, 1, None),
    ],
    "001_1c21a1c393742de0.txt": [
        (452, True, 1, None),
        (830, True, 1, None),
        (1293, True, 1, None),
    ],
    "002_5201e208e690f08f.txt": [
        (245, True, 1, None),
        (257, True, 1, None),
        (881, True, 0, None),
    ],
    "003_d3283acc6c501d75.txt": [
        (138, True, 1, 'aangenomen'),
        (147, True, 2, None),
        (152, True, 1, None),
        (153, True, 1, None),
        (553, True, 1, 'aangenomen'),
        (583, True, 1, None),
        (600, False, 1, None),
        (611, True, 0, 'deels uitgevoerd'),
        (674, True, 1, None),
        (677, True, 1, None),
        (797, False, 1, 'aangenomen'),
        (808, True, 1, None),
        (837, False, 1, 'aangenomen'),
        (861, True, 1, None),
        (975, True, 1, None),
        (975, False, 2, None),
        (982, True, 1, None),
        (1004, True, 2, None),
        (1113, False, 1, None),
        (1286, True, 2, None),
        (1291, True, 1, None),
        (1292, True, 1, None),
        (1441, True, 2, None),
        (1495, True, 0, 'aangenomen'),
        (1501, True, 0, None),
        (1530, True, 2, None),
        (1535, True, 1, None),
        (1536, True, 1, None),
        (1576, True, 0, 'aangenomen'),
        (1834, True, 1, 'aangenomen'),
        (1861, True, 1, None),
    ],
    "004_117d03dec8eb1697.txt": [
        (113, True, 1, None),
        (482, True, 1, None),
        (898, True, 1, None),
    ],
}


# Floors, not exact counts: the engine may change; it may not lose or invent much.
CORPUS_RECALL = 0.9
CORPUS_PRECISION = 0.9


def _spelled_in(key: str, text: str) -> bool:
    dossier, number = key.removeprefix("kst-").rsplit("-", 1)
    digits = re.sub(r"\D", "", dossier)
    flat = re.sub(r"[\s\u00a0-]", "", text)
    return digits[:5] in flat and number in text


@pytest.mark.parametrize("name", sorted(CORPUS_CITATIONS))
def test_corpus_citations(corpus_dir: Path, name: str) -> None:
    text = (corpus_dir / name).read_text(encoding="utf-8")
    found = find_citations(text)
    got = Counter((text.count("\n", 0, c.start) + 1, bool(c.key), len(c.members), c.stated_status) for c in found)
    want = Counter(CORPUS_CITATIONS[name])
    right = sum((got & want).values())
    assert right >= CORPUS_RECALL * sum(want.values()), (sorted(want - got), sorted(got - want))
    assert right >= CORPUS_PRECISION * sum(got.values()), (sorted(want - got), sorted(got - want))
    assert all(text[c.start : c.end] == c.text for c in found)
    assert all(_spelled_in(c.key, text) for c in found if c.key)
