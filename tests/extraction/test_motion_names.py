"""Who is a member after "motie", told by grammar, and the key shapes that resolve
through the one ``canonical_key``.

Every name, sentence and number here is invented for these tests.
"""

from __future__ import annotations

import pytest

from tracker.extraction.lexicon import motions as motion_words
from tracker.extraction.motions import canonical_key, find_citations
from tracker.extraction.motions_grammar import not_a_name


def cited(text: str, footnotes: dict[str, str] | None = None) -> list[tuple[tuple[str, ...], str]]:
    return [(c.members, c.key) for c in find_citations(text, footnotes)]


def test_the_lexicon_holds_no_list_of_places() -> None:
    assert not hasattr(motion_words, "NOT_NAMES")
    for word in ("Oekraïne", "Rusland", "Brussel", "Bonaire", "Curaçao"):
        assert not not_a_name(word)  # a place is told apart by how the document uses it


@pytest.mark.parametrize("word", [
    "Het", "Tijdens", "Daarnaast", "Welke",  # closed-class words opening a sentence or heading
    "Kamerstuk", "Kamerstukken", "Voorjaarsnota", "Kamerbrief", "Regering", "Minister",
    "Nederlandse", "Europese", "Gewijzigde", "Verenigde",  # inflected adjectives
])
def test_grammar_says_these_are_no_member(word: str) -> None:
    assert not_a_name(word)


@pytest.mark.parametrize("word", ["Verhoef", "Wuite", "Kaplan", "Brouwer-Kok", "Nijland", "Bente"])
def test_surnames_stay_names(word: str) -> None:
    assert not not_a_name(word)


@pytest.mark.parametrize("text", [
    "De motie over Bonaire is aangenomen.",
    "Het kabinet voert de motie inzake Oekraïne uit.",
    "De motie Oekraïne is aangenomen. De steun aan Oekraïne blijft onverminderd.",
    "Over de motie Saba\nis gestemd; de haven op Saba wordt eerst hersteld.",
    "De motie Nederlandse inzet in de Raad telt.",
    "De motie Verenigde Naties werd besproken.",
])
def test_a_place_after_motie_is_no_member(text: str) -> None:
    assert cited(text) == []


@pytest.mark.parametrize(("text", "members"), [
    ("De motie Verhoef is aangenomen.", ("Verhoef",)),
    # a member of that name who is also a place elsewhere: the title says person
    ("De motie Breda is aangenomen. De heer Breda woont niet in Breda.", ("Breda",)),
    # a place-like word with c.s. is a member
    ("De motie Zeeland c.s. is aangenomen. In Zeeland is het stil.", ("Zeeland",)),
    # a given name before a surname with a tussenvoegsel tells two members apart
    ("De motie Jasper van Houten is aangenomen.", ("Jasper van Houten",)),
    ("De motie-Inge van der Berg c.s. is aangenomen.", ("Inge van der Berg",)),
    ("De motie Jansen van de Kamer is aangenomen.", ("Jansen",)),
    ("De motie Jansen\nvan Houten is aangenomen.", ("Jansen",)),
])
def test_a_surname_after_motie_is_a_member(text: str, members: tuple[str, ...]) -> None:
    assert cited(text)[0][0] == members


@pytest.mark.parametrize(("text", "key"), [
    # the motion and then the letter about it: the first number is the motion
    ("de aangehouden motie van het lid Verhoef c.s. over de regeling (Kamerstuk 38 412, nr. 7) "
     "(Kamerstuk 38 412, nr. 9);", "kst-38412-7"),
    # a joint-dossier number: the key takes the first dossier
    ("de motie Verhoef c.s. (Kamerstukken 48 638 en 49 861, nr. 209) vraagt om een plan.", "kst-48638-209"),
    ("de motie-Jansen/De Vries (38 412-XV, nr. 33) vraagt om een plan.", "kst-38412-XV-33"),
    ("de motie Jansen/De Vries (38 412-XV, nr. 33) vraagt om een plan.", "kst-38412-XV-33"),
    ("de motie van de leden Jansen en De Vries (Kamerstuk 38412-XV-33) vraagt om een plan.", "kst-38412-XV-33"),
    ("De motie-Verhoef (Kamerstuk 38 412 nr. 7) vraagt om een plan.", "kst-38412-7"),
])
def test_key_shapes(text: str, key: str) -> None:
    [(_members, got)] = cited(text)
    assert got == key


def test_a_footnoted_motion_takes_its_footnote_number() -> None:
    text = "De motie Verhoef c.s.4 verzoekt de regering om een plan."
    assert cited(text, {"4": "Kamerstuk 38 412, nr. 12"}) == [(("Verhoef",), "kst-38412-12")]


def test_the_submitted_motion_takes_its_number_from_the_chair() -> None:
    text = (
        "Door het lid Verhoef wordt de volgende motie voorgesteld:\n\nMotie\n\nDe Kamer,\n\ngehoord de "
        "beraadslaging,\n\nverzoekt de regering een plan te maken,\n\nen gaat over tot de orde van de dag.\n\n"
        "De voorzitter:\n\nDeze motie is voorgesteld door het lid Verhoef.\n\nZij krijgt nr. 14 (38 412).\n"
    )
    assert ("Verhoef",) in [m for m, _ in cited(text)]
    assert "kst-38412-14" in [k for _, k in cited(text)]


@pytest.mark.parametrize(("dossier", "number", "key"), [
    ("38 412", "nr. 7", "kst-38412-7"),
    ("38 412-XV", "33", "kst-38412-XV-33"),
    ("38412 xv", "Nr. 33", "kst-38412-XV-33"),
    ("21 601-02", "nr. 3240", "kst-21601-02-3240"),
    ("38 403", "F", "kst-38403-F"),
])
def test_every_spelling_lands_on_one_key(dossier: str, number: str, key: str) -> None:
    assert canonical_key(dossier, number) == key
