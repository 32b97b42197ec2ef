"""Actors and bodies: who can promise, and who cannot.

A commitment binds the government: a minister, a state secretary, the cabinet,
the government, a ministry, or ``ik``/``wij`` when a minister writes or speaks.
Plans of anyone else (EU bodies, advisory councils, inspectorates, other
states, municipalities, companies, Kamer members) are no promise. Other states
and named organisations need no row here: a capitalised name as subject that
is not a government actor is someone else (see ``commitments.actors``).
"""

# Government functions, lower case; a speaker label or subject starting with
# one of these speaks for the government.
GOVERNMENT_ROLES = ("minister-president", "minister", "staatssecretaris", "premier")

# Titles that open a member's speaker label ("De heer Pietersen (CDA):").
MEMBER_TITLES = ("De heer", "Mevrouw", "Het lid", "Het Kamerlid")

# Lower-case particles inside Dutch surnames ("Van der Berg", "De Wit").
NAME_PARTICLES = ("van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op")

# Bodies that are not the government; matched as whole words, case as written.
NON_GOVERNMENT_BODIES = (
    # international organisations and their organs
    "EU", "Europese Unie", "Europese Commissie", "Europese Raad", "Europees Parlement",
    "Europese Parlement", "Europese Dienst", "Commissie", "NAVO", "NATO", "VN", "Verenigde Naties",
    "OESO", "OECD", "WHO", "IMF", "Wereldbank", "Strafhof", "SIPRI", "OHCHR", "UNHCR", "IOM",
    # independent Dutch bodies: councils, inspectorates, planning offices, courts, services
    "AIV", "CAVV", "Rekenkamer", "Raad van State", "IOB", "CPB", "CBS", "SCP", "PBL", "AIVD", "MIVD",
    "NCTV", "Hof", "rechter", "rechtbank", "politie", "OM", "inspectie", "Inspectie", "toezichthouder",
    "ombudsman", "Ombudsman",
    # plural and generic others
    "lidstaten", "partners", "bondgenoten", "landen", "organisaties", "bedrijven", "gemeenten",
    "provincies", "gemeente", "provincie", "sector", "werkgevers", "vakbonden", "ngo's", "NGO's",
    "bedrijfsleven", "universiteiten", "kennisinstellingen", "onderzoekers", "rapporteur",
    "projectleider", "commissie",
    # the Kamer and its members
    "fractie", "fracties", "leden", "lid", "Kamerleden",
)
