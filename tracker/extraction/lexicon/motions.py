"""Words for motion citations: parties, capitalised non-names, abbreviations.

Data only; :mod:`tracker.extraction.motions_grammar` and
:mod:`tracker.extraction.motions_status` build their patterns from these.
"""

# Party names and abbreviations as they appear beside a motion (``de SGP-motie``,
# ``motie Van Dijk (CDA)``); longer spellings first so the alternation prefers them.
PARTIES = (
    "GroenLinks-PvdA",
    "GL-PvdA",
    "GroenLinks",
    "PvdA",
    "PvdD",
    "Partij voor de Dieren",
    "ChristenUnie",
    "SGP",
    "VVD",
    "CDA",
    "PVV",
    "D66",
    "SP",
    "CU",
    "DENK",
    "Denk",
    "JA21",
    "FvD",
    "FVD",
    "BBB",
    "NSC",
    "Volt",
    "50PLUS",
    "BIJ1",
    "Bij1",
    "GL",
)

# Capitalised words that follow "motie" without being a member's name.
NOT_NAMES = frozenset(
    """Kamer Kamerstuk Kamerstukken Kamerbrief Antwoord Vraag Vragen Nederland Nederlandse
    Regering Kabinet Minister Staatssecretaris Europa Europese Voorzitter Defensie Zie
    Dit Deze Die Het De Een In Op Met Bij Voor Over Naar Ook Daarnaast Daarom Hiermee
    Daarmee Tijdens Conform Zoals Gewijzigde Motie Moties Inzake Wanneer Hoe Wat Welke
    Is Kan Wordt Voorjaarsnota Najaarsnota Miljoenennota Begroting Verenigde Staten
    Oekraïne Rusland China Israël Iran Den Haag Brussel""".split()  # noqa: SIM905
)

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """c.s nr nrs o.a cf jl d.d bijv n.a.v t.a.v m.b.t i.p.v e.d resp ca mr dr drs prof ir
    z.s.m a.s vs incl excl art blz e.a m.n i.c.m o.b.v d.w.z t.b.v i.o.m st dhr mw mevr
    min max vgl zgn evt""".split()  # noqa: SIM905
)
