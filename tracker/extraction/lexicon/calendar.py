"""Dutch calendar words, once for the whole engine: months, weekdays, numbers, units, seasons.

Data only. The deadline rules (``tracker.extraction.deadlines``) generate their
patterns from these tables; other stages may read them too.
"""

from __future__ import annotations

MONTH_NAMES: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)

# Abbreviations as they occur in letters and tables (``1 febr. 2026``, ``mrt 2025``).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | MONTH_ABBREVIATIONS

WEEKDAYS: dict[str, int] = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3,
    "vrijdag": 4, "zaterdag": 5, "zondag": 6,
}

# Cardinal number words (``binnen drie weken``, ``vijftien maart``).
NUMBER_WORDS: dict[str, float] = {
    "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
    "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11,
    "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "eenentwintig": 21, "tweeëntwintig": 22, "drieëntwintig": 23, "vierentwintig": 24,
    "vijfentwintig": 25, "zesentwintig": 26, "zevenentwintig": 27, "achtentwintig": 28,
    "negenentwintig": 29, "dertig": 30, "eenendertig": 31,
    "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100,
    "anderhalf": 1.5, "anderhalve": 1.5,
}

# Counts without a number: the phrase stays vague (``over enkele weken``).
VAGUE_NUMBERS: tuple[str, ...] = (
    "enkele", "een paar", "een aantal", "enige", "meerdere", "verscheidene",
)

# Ordinal words for days of the month (``de eerste juni``, ``vijftiende maart``).
DAY_ORDINALS: dict[str, int] = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
    "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11,
    "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15,
    "zestiende": 16, "zeventiende": 17, "achttiende": 18, "negentiende": 19,
    "twintigste": 20, "eenentwintigste": 21, "tweeëntwintigste": 22,
    "drieëntwintigste": 23, "vierentwintigste": 24, "vijfentwintigste": 25,
    "zesentwintigste": 26, "zevenentwintigste": 27, "achtentwintigste": 28,
    "negenentwintigste": 29, "dertigste": 30, "eenendertigste": 31,
}

# Ordinals of quarters and halves (``het derde kwartaal``, ``de 2e helft``).
PERIOD_ORDINALS: dict[str, int] = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3,
    "3e": 3, "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}

# Duration units: word -> (days, months, counts working days only).
UNITS: dict[str, tuple[int, int, bool]] = {
    "dag": (1, 0, False), "dagen": (1, 0, False),
    "werkdag": (1, 0, True), "werkdagen": (1, 0, True),
    "week": (7, 0, False), "weken": (7, 0, False),
    "maand": (0, 1, False), "maanden": (0, 1, False),
    "kwartaal": (0, 3, False), "kwartalen": (0, 3, False),
    "half jaar": (0, 6, False), "halfjaar": (0, 6, False),
    "jaar": (0, 12, False), "jaren": (0, 12, False),
    "decennium": (0, 120, False), "decennia": (0, 120, False),
}
PLURAL_UNITS: tuple[str, ...] = ("dagen", "werkdagen", "weken", "maanden", "kwartalen", "jaren", "decennia")

# Colloquial diminutives of units (``een weekje of drie``).
UNIT_DIMINUTIVES: dict[str, str] = {
    "dagje": "dag", "weekje": "week", "maandje": "maand", "jaartje": "jaar",
}

# Season words -> the season they name (windows: ``seasons`` in the deadline rules).
SEASONS: dict[str, str] = {
    "voorjaar": "voorjaar", "lente": "voorjaar", "zomer": "zomer",
    "najaar": "najaar", "herfst": "najaar", "winter": "winter",
}

# After a date: it lies in the past (``27 januari jl.``) or ahead (``1 juli a.s.``).
PAST_MARKERS: tuple[str, ...] = ("jl.", "jl", "j.l.", "jongstleden", "ll.", "laatstleden")
NEXT_MARKERS: tuple[str, ...] = ("a.s.", "a.s", "aanstaande", "aanstaand")

# Before a weekday: the coming one (``aanstaande dinsdag``, ``volgende week dinsdag``).
WEEKDAY_NEXT: tuple[str, ...] = ("aanstaande", "komende", "aankomende", "eerstkomende", "volgende")
WEEKDAY_NEXT_WEEK: tuple[str, ...] = ("volgende week", "komende week")
