"""The literal pre-check never rules out a sentence its regex would match."""

import re

from tracker.extraction.commitments.patterns import (
    _OBLIGATION_RE,
    _PERFORMATIVE_RE,
    _THIS_LETTER_RE,
)
from tracker.extraction.prefilter import may_match, required_words

SENTENCES = [
    "Met deze brief informeer ik uw Kamer over de stand van zaken.",
    "Hierbij zend ik u de antwoorden op de vragen van het lid Van Dalen.",
    "Bijgaand treft u het rapport aan.",
    "Hiermee kom ik tegemoet aan de toezegging aan mevrouw Brouwer-Kok (GL).",
    "In het onderstaande ga ik in op de motie (Kamerstuk 38 412, nr. 7).",
    "Deze brief wordt mede namens de minister van Financiën verzonden.",
    "De minister moet de Kamer jaarlijks informeren.",
    "Ik zal de Kamer voor de zomer informeren over de evaluatie.",
    "HIERBIJ ontvangt u DEZE NOTA.",
]


def test_required_words_are_necessary() -> None:
    for rx in (_PERFORMATIVE_RE, _THIS_LETTER_RE, _OBLIGATION_RE):
        words = required_words(rx)
        assert words, rx.pattern
        for sentence in SENTENCES:
            if rx.search(sentence):
                assert may_match(words, sentence.lower()), (rx.pattern, sentence)


def test_sentence_without_the_words_is_ruled_out() -> None:
    words = required_words(_THIS_LETTER_RE)
    assert not may_match(words, "ik zal de kamer voor de zomer informeren over de evaluatie.")


def test_no_guarantee_without_a_safe_literal() -> None:
    # "is"/"als" hold letters that IGNORECASE also matches elsewhere ("ſ", "ı"): no pre-check.
    assert required_words(re.compile(r"\b(?:is|als)\b", re.I)) is None
    assert required_words(re.compile(r"\w+")) is None
    assert may_match(None, "")


def test_alternatives_each_contribute() -> None:
    words = required_words(re.compile(r"\b(?:brief|nota)\s+volgt|\bverslag\b", re.I))
    assert words is not None
    assert may_match(words, "de nota volgt") and may_match(words, "het verslag")
    assert not may_match(words, "de beantwoording")


def test_hints_agree_with_their_regex() -> None:
    from tracker.extraction.prefilter import Hints

    for pattern in (r"maar in|eerder|vertra|meer tijd", r"schr[ie]\w+ voor|regelt"):
        hints = Hints(pattern)
        for sentence in SENTENCES + ["het besluit is eerder genomen", "de wet schrijft voor dat"]:
            low = sentence.lower()
            assert hints.search(low) == bool(re.search(pattern, low)), (pattern, sentence)


def test_exact_patterns_give_exact_words() -> None:
    rx = re.compile(r"\b[Mm]ede\s+namens\s+(?:de|het)\s+\w+")
    assert required_words(rx) == ("namens",)
    assert required_words(re.compile(r"(?i:mede namens)")) is None  # case-insensitive part of an exact pattern


def test_signature_of_another_author_still_found() -> None:
    from tracker.extraction.commitments.rejections import other_author

    body = "Geachte voorzitter,\n\n" + "Hierbij zend ik u het rapport over de uitvoering van de regeling.\n\n" * 6
    letter = body + "Algemene Rekenkamer\n\nP.J. de Wit,\npresident\n"  # the author only under the letter
    own = "Geachte voorzitter,\n\nHierbij zend ik u het rapport.\n\nDe minister van Financiën,\n\nA.B. de Wit\n"
    assert other_author(letter)
    assert not other_author(own)
