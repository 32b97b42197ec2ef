"""Words for motion citations: parties, the grammar of non-names, abbreviations.

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

# A capitalised word after "motie" is a member's surname unless grammar says otherwise
# (see ``motions_grammar.not_a_name``): a closed-class word opening a new sentence or
# heading, a document or institution noun, an inflected adjective, or a word the same
# document uses as a place ("in X", "naar X") and never as a person ("de heer X").

# Dutch closed-class words (articles, pronouns, prepositions, conjunctions, sentence
# adverbs, question words, auxiliaries), lower case.
FUNCTION_WORDS = frozenset(
    """de het een dit deze die dat zij ze wij we ik u hij hun hen er hier daar
    in op met bij voor over naar van uit aan door om tot tegen onder binnen buiten na sinds
    zonder via per namens inzake tijdens conform zoals volgens ingevolge gelet gezien
    en of maar want dus noch als indien mits tenzij toen nu dan ook ten
    daarnaast daarom hiermee daarmee hierbij daarbij hierover daarover hierin daarin
    voorts tevens bovendien verder wel niet geen zie
    wanneer hoe wat welke wie waarom waar
    is zijn was waren kan kunnen wordt worden werd werden heeft hebben zal zullen""".split()  # noqa: SIM905
)

# Nouns of documents and institutions, and the state itself (a government actor in the
# commitments spec): never a member ("motie Kamerstuk …", "de motie X en Nederland").
INSTITUTION_WORDS = frozenset(
    """kamer kamerlid regering kabinet voorzitter ministerie rijksoverheid overheid motie moties
    antwoord vraag vragen begroting nederland koninkrijk rijk""".split()  # noqa: SIM905
)
# Heads of compound document nouns ("Voorjaarsnota", "Kamerbrief", "Kamerstukken").
DOCUMENT_HEADS = ("nota", "notitie", "brief", "begroting", "stuk", "stukken", "strategie", "rapportage",
                  "agenda", "wet", "wijziging")

# Prepositions before a place ("in Bonaire", "naar Oekraïne"): a word the document uses
# so, and never after a member's title, names a place, not a member.
LOCATIVE_PREPOSITIONS = ("in", "naar", "uit", "vanuit", "op", "richting", "binnen", "buiten", "rond", "aan", "tegen",
                         "met", "voor", "bij", "over")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """c.s nr nrs o.a cf jl d.d bijv n.a.v t.a.v m.b.t i.p.v e.d resp ca mr dr drs prof ir
    z.s.m a.s vs incl excl art blz e.a m.n i.c.m o.b.v d.w.z t.b.v i.o.m st dhr mw mevr
    min max vgl zgn evt""".split()  # noqa: SIM905
)
