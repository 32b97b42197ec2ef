"""Parliamentary and budget events: the recesses of the Kamer, the budget cycle, meetings.

Data only. ``tracker.extraction.calendar`` keeps the dates of the recesses
(table first, ``RECESS_DEFAULTS`` otherwise); the deadline rules generate their
patterns from the word lists here.
"""

from __future__ import annotations

# Every recess of the Tweede Kamer: table key -> the words that name it.
RECESS_WORDS: dict[str, tuple[str, ...]] = {
    "voorjaarsreces": ("voorjaarsreces", "krokusreces", "voorjaarsvakantie", "krokusvakantie"),
    "meireces": ("meireces", "meivakantie"),
    "zomerreces": ("zomerreces", "zomervakantie", "zomerperiode", "zomer"),
    "herfstreces": ("herfstreces", "herfstvakantie"),
    "kerstreces": ("kerstreces", "kerstvakantie", "kerstperiode", "kerstmis", "kerst"),
}

# Default first day of each recess where the table has no entry: the Friday that
# falls in (month, first day .. first day + 6), and the recess's length in days
# (first to last day). Summer and Christmas are the spec's rules; the other three
# follow the Kamer's usual pattern but the spec gives them no default, so a phrase
# naming them gets a date only from the administrators' table (docs/decisions.md).
RECESS_DEFAULTS: dict[str, tuple[int, int, int]] = {
    "voorjaarsreces": (2, 13, 10),
    "meireces": (4, 22, 17),
    "zomerreces": (7, 3, 59),
    "herfstreces": (10, 13, 10),
    "kerstreces": (12, 17, 24),
}
SPEC_DEFAULT_RECESSES: tuple[str, ...] = ("zomerreces", "kerstreces")

# The turn of the year (``rond de jaarwisseling``): not a recess, same rule family.
YEAR_TURN_WORDS: tuple[str, ...] = ("jaarwisseling", "jaareinde")

# Budget and accountability cycle: the word -> the calendar function that dates it.
BUDGET_MOMENTS: dict[str, str] = {
    "voorjaarsnota": "voorjaarsnota",
    "najaarsnota": "najaarsnota",
    "prinsjesdag": "prinsjesdag",
    "verantwoordingsdag": "verantwoordingsdag",
    "miljoenennota": "begroting",
    "belastingplan": "begroting",
}

# Nouns for meetings, steps and publications that name an undated event after a
# trigger (``voor het commissiedebat``, ``na afronding van``); regex fragments allowed.
EVENT_NOUNS: tuple[str, ...] = (
    "commissiedebat(?:ten)?", "(?:plenair |plenaire )?debat(?:ten)?", "notaoverleg",
    "wetgevingsoverleg", "(?:algemeen|schriftelijk|bestuurlijk) overleg", "tweeminutendebat",
    "dertigledendebat", "begrotingsbehandeling(?:en)?", "(?:plenaire )?behandeling",
    "verantwoordingsdebat", "stemmingen", "(?:algemene|financiële) (?:politieke )?beschouwingen",
    "europese raad", "raad buitenlandse zaken(?: handel)?", "raad algemene zaken", "rbz", "raz",
    "ecofin(?:-raad)?", "eurogroep", "[a-z]+-raad", "(?:[\\w]+-)?top(?:ontmoeting)?",
    "algemene vergadering", "[\\w-]*verkiezingen", "kabinetsformatie", "formatie", "aantreden",
    "installatie", "beëdiging", "afronding", "afloop", "publicatie", "verschijning", "verschijnen",
    "oplevering", "vaststelling", "[\\w-]*evaluatie", "mid-?term review", "inwerkingtreding",
    "uitkomsten", "uitkomst", "resultaten", "besluitvorming", "kabinetsreactie",
    "voortgangsrapportages", "voortgangsrapportage", "voortgangsbrief", "voortgangsrapport",
    "tussenrapportage", "eindrapport", "ondertekening", "goedkeuring", "internetconsultatie",
    "consultatie", "start", "lancering", "herijking", "[\\w-]*reces",
)

# Meetings that can carry their own date (``het commissiedebat van 9 september``).
MEETING_NOUNS: tuple[str, ...] = (
    "commissiedebat", "debat", "plenair debat", "plenaire debat", "notaoverleg",
    "wetgevingsoverleg", "algemeen overleg", "schriftelijk overleg", "tweeminutendebat",
    "dertigledendebat", "overleg", "begrotingsbehandeling", "behandeling", "stemmingen",
    "stemming", "vergadering", "bijeenkomst", "hoorzitting", "rondetafelgesprek",
    "technische briefing", "briefing", "werkbezoek", "raad", "europese raad", "top",
    "conferentie", "gesprek", "bespreking", "verkiezingen",
)

# Documents that count as an event only with "next" (``bij de volgende voortgangsrapportage``).
NEXT_DOCUMENT_NOUNS: tuple[str, ...] = (
    "brief", "kamerbrief", "verzamelbrief", "rapportage", "jaarrapportage", "update", "verslag",
    "monitor", "geannoteerde agenda", "stand van zaken(?:brief)?",
)

# Reports that may follow ``in``/``met`` (``in de kabinetsreactie``).
REPORT_NOUNS: tuple[str, ...] = (
    "kabinetsreactie", "voortgangsrapportages", "voortgangsrapportage", "voortgangsbrief",
    "voortgangsrapport", "tussenrapportage", "eindrapport", "[\\w-]*evaluatie",
)

EVENT_ADJECTIVES: tuple[str, ...] = (
    "volgende", "eerstvolgende", "eerstkomende", "komende", "aankomende", "aanstaande", "nieuwe",
    "nieuw", "eerste", "tweede", "derde", "vierde", "jaarlijkse", "halfjaarlijkse", "geplande",
    "voorziene", "verwachte", "laatste", "definitieve", "formele", "plenaire", "schriftelijke",
    "mondelinge", "aangekondigde", "toegezegde", "volgend", "eerstvolgend", "komend",
)
NEXT_ADJECTIVES: tuple[str, ...] = (
    "volgende", "eerstvolgende", "eerstkomende", "komende", "aankomende", "aanstaande", "volgend",
    "eerstvolgend", "komend", "nieuwe", "jaarlijkse", "halfjaarlijkse",
)

# Documents whose date is a fact of the past (``bij brief van 8 februari``, ``d.d. 3 maart``).
DATED_DOCUMENT_NOUNS: tuple[str, ...] = (
    "brief", "kamerbrief", "e-mail", "mail", "bericht", "besluit", "beschikking", "verzoek",
    "vragen", "motie", "verslag", "notitie", "nota", "uitspraak", "vonnis", "arrest",
)

# How a sentence dates a meeting in a relative clause ("de verkiezingen, die gepland staan
# voor 7 september"): here "voor" names the day itself, not the day before.
SCHEDULED_VERBS: tuple[str, ...] = (
    "gepland staat", "gepland staan", "staat gepland", "staan gepland", "is gepland", "zijn gepland",
    "gepland is", "gepland zijn", "plaatsvindt", "plaatsvinden", "zal plaatsvinden", "zullen plaatsvinden",
    "wordt gehouden", "worden gehouden", "is voorzien", "zijn voorzien", "staat ingepland", "is ingepland",
    "is geagendeerd", "staat geagendeerd",
)

# Dated things a span of time can count from, besides meetings ("binnen twee maanden na de
# laatste verkiezingsronde van 7 september").
MEETING_NOUNS_EXTRA: tuple[str, ...] = ("verkiezingsronde", "verkiezing", "stemronde", "referendum", "top")

