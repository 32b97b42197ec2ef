"""Words and glyphs for text repair (data only; see ``tracker.extraction.repair``)."""

# Ligature glyphs as PDFs map them, and what they stand for.
LIGATURES = {
    "Ɵ": "ti", "Ō": "ft", "Ʃ": "tt", "Ư": "ff",
    "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
}

# Words after which a number is a reference, not a footnote marker (nr.3, art.7, km2).
NOT_MARKER_WORDS = frozenset({"nr", "art", "blz", "p", "pag", "no", "sub", "m", "km", "cm", "mm"})

# Words that open a line of a document's structure, never a running header.
STRUCTURAL_WORDS = frozenset({"vraag", "vragen", "antwoord", "antwoorden", "toelichting", "bijlage", "inleiding"})

# Pairs of vowels that Dutch spelling separates with a hyphen in compounds, so a
# line-end hyphen between them is real. ``ie`` is not in the list: financi-eel,
# materi-eel are ordinary hyphenations.
VOWEL_CLASH = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ij", "oe", "oi", "oo", "ou", "ui", "uu"})
# The hyphen stays before these words: "veiligheids- en defensiebeleid".
ELLIPSIS_WORDS = frozenset({"en", "of", "tot", "noch", "als", "dan", "and", "or", "to"})
# Prefixes written with a hyphen before a lower-case word (niet-westerse, ex-minister).
HYPHEN_PREFIXES = frozenset({"ex", "niet", "non"})
# Short English words inside hyphenated phrases (whole-of-government).
ENGLISH_LINKS = frozenset({"of", "to", "the", "and", "for", "by", "on", "at", "in"})
