"""Look-alikes that are no promise: the words behind the named rejections.

Data only; :mod:`tracker.extraction.commitments.rejections` builds its patterns
from these rows. Phrases follow the conventions of ``verbs.py``: single spaces,
``(?:…)`` groups, ``?`` for optional words, ``\\w+`` for any one word.
"""

# Conditions that leave open whether anything will be done at all: the act
# waits on a need nobody will establish ("waar dat nuttig is", "indien nodig").
OPEN_CONDITIONS: tuple[str, ...] = (
    "waar (?:dat|het|mogelijk|nodig) (?:\\w+ )?(?:nuttig|nodig|zinvol|wenselijk|mogelijk|opportuun|gepast"
    "|passend|helpt|kan)(?: is| zijn)?",
    "waar nodig",
    "zo nodig",
    "(?:indien|als|wanneer|voor zover|voorzover|mocht) (?:dat|het|dit) (?:\\w+ )?(?:nodig|nuttig|zinvol"
    "|wenselijk|opportuun|gewenst|aangewezen) (?:is|blijkt|zijn|wordt geacht|lijkt)",
    "(?:indien|als|wanneer) nodig",
    "(?:als|indien|wanneer|waar) (?:daar|daartoe|hiertoe|er) (?:\\w+ )?aanleiding (?:toe |voor )?(?:is|bestaat"
    "|blijkt|ziet|zie)",
    "(?:als|indien|wanneer|waar) de situatie (?:daar(?:om)?|erom) vraagt",
    "(?:als|indien|wanneer|waar) (?:dat|het) (?:op enig moment )?aan de orde (?:is|komt)",
    "op de een of andere (?:manier|wijze)",
    "in welke vorm dan ook",
)

# A free-choice clause names no particular thing: "Welke rol er ook uitkomt, …".
FREE_CHOICE: tuple[str, ...] = (
    "(?:welke|wat|hoe|wie|waar) (?:\\w+ ){0,8}?ook (?:\\w+ ){0,3}?(?:uitkomt|wordt|is|zijn|blijkt|komt|gebeurt"
    "|besluit|besluiten|kiest|kiezen)",
)

# Verbs of open willingness: helping or picking up without a product or a date.
OPEN_WILLINGNESS_VERBS: tuple[str, ...] = (
    "helpen", "bijdragen", "bij te dragen", "ondersteunen", "meewerken", "mee te werken", "meedenken",
    "mee te denken", "oppakken", "op te pakken", "steunen", "faciliteren", "bijstaan", "bij te staan",
    "assisteren", "een rol spelen", "een rol te spelen", "een bijdrage leveren", "een bijdrage te leveren",
)

# A willingness that is a lasting disposition, not an act: "Ik ben altijd bereid om …".
LASTING_WILLINGNESS: tuple[str, ...] = ("altijd", "steeds", "te allen tijde", "immer", "telkens", "nog altijd")

# What such a verb takes when it names nothing checkable: a pronoun or a pronominal adverb.
VAGUE_OBJECTS: tuple[str, ...] = (
    "die", "dat", "dit", "het", "daarbij", "daaraan", "daarin", "daarmee", "hierbij", "hieraan", "hierin",
    "er", "daar",
)

# Adverbs that may stand between such an object and its verb ("om daarbij actief te helpen").
FILLERS: tuple[str, ...] = ("graag", "wel", "ook", "zeker", "verder", "actief", "mee", "waar mogelijk", "zo veel mogelijk")

# Bodies whose own letters and reports carry no government promise: heading
# "BRIEF VAN DE ALGEMENE REKENKAMER", "ADVIES RAAD VAN STATE", "MOTIE VAN HET LID …".
NON_GOVERNMENT_AUTHORS: tuple[str, ...] = (
    "(?:de )?algemene rekenkamer",
    "(?:de )?(?:afdeling advisering (?:van )?(?:de )?)?raad van state",
    "(?:de )?nationale ombudsman",
    "(?:de )?kinderombudsman",
    "(?:de )?(?:vaste |algemene |tijdelijke |parlementaire )?(?:enquête)?commissie(?: voor| van| \\w+)?",
    "(?:het |de )?(?:lid|leden) \\w+",
    "(?:de )?voorzitter (?:van de (?:tweede|eerste) kamer|der staten-generaal|van de (?:vaste |algemene )?commissie)",
    "(?:het )?presidium",
    "(?:de )?griffier",
    "(?:het )?college voor de rechten van de mens",
    "(?:de )?raad voor de rechtspraak",
    "(?:de )?(?:autoriteit persoonsgegevens|kiesraad|onderzoeksraad voor veiligheid)",
)

# Independent bodies whose letterhead (their name alone on one of the first lines) or
# signature (", president" under their name at the end) marks a letter of their own.
LETTERHEAD_AUTHORS: tuple[str, ...] = (
    "(?:de )?algemene rekenkamer", "(?:de )?raad van state", "(?:de )?nationale ombudsman",
    "(?:de )?kinderombudsman", "(?:het )?college voor de rechten van de mens",
)
SIGNATURE_TITLES: tuple[str, ...] = ("president", "vice-president", "ombudsman", "kinderombudsman")

# The genre words of a document heading that names its author ("BRIEF VAN …").
AUTHORED_GENRES: tuple[str, ...] = (
    "brief", "advies", "voorlichting", "motie", "gewijzigde motie", "amendement", "gewijzigd amendement",
    "initiatiefnota", "rapport", "jaarverslag", "verslag van bevindingen", "reactie",
)

# The opening and closing formulas of a motion's own text ("De Kamer, gehoord de beraadslaging, …").
MOTION_OPENINGS: tuple[str, ...] = (
    "de (?:eerste |tweede )?kamer(?: der staten-generaal)?, gehoord de (?:beraadslaging|beraadslagingen|discussie),?",
)

# A heading that also holds the government's reply is the government's text too.
GOVERNMENT_REPLY_IN_HEADING: tuple[str, ...] = ("nader rapport", "en reactie van de regering")
MOTION_CLOSINGS: tuple[str, ...] = (
    "en gaat over tot de orde van de dag\\.?",
)

# What a motion asks of the government: the Kamer's request, not a promise.
MOTION_REQUESTS: tuple[str, ...] = (
    "verzoekt (?:de regering|het kabinet|de minister|de staatssecretaris|de bewindspersonen?)",
    "roept (?:de regering|het kabinet|de minister|de staatssecretaris) (?:\\w+ ){0,3}?op",
    "draagt (?:de regering|het kabinet|de minister|de staatssecretaris) op",
    "spreekt (?:zich )?uit dat (?:de regering|het kabinet)",
    "(?:de regering|het kabinet|de minister|de staatssecretaris) (?:wordt|worden) (?:\\w+ )?(?:verzocht|opgeroepen)",
)

# Statements that this very letter fulfils earlier promises ("Met deze brief kom ik
# tevens tegemoet aan andere toezeggingen", "Hiermee voldoe ik aan de toezegging").
FULFILMENTS: tuple[str, ...] = (
    "(?:met|via|in) deze brief (?:\\w+ ){0,4}?(?:kom|komen|voldoe|voldoen|geef|geven|doe|doen) (?:ik|wij|we)"
    " (?:\\w+ ){0,6}?(?:tegemoet aan|na|aan|invulling aan|uitvoering aan|gevolg aan)"
    " (?:\\w+ ){0,6}?(?:toezegging|toezeggingen|verzoek|verzoeken)",
    "(?:hiermee|hierbij|daarmee) (?:kom|voldoe|geef|doe) (?:ik|wij|we) (?:\\w+ ){0,6}?(?:tegemoet aan|na|aan"
    "|invulling aan|uitvoering aan|gevolg aan) (?:\\w+ ){0,6}?(?:toezegging|toezeggingen)",
    "(?:hiermee|daarmee|met deze brief) (?:beschouw ik|is|zijn|acht ik) (?:\\w+ ){0,4}?(?:toezegging|toezeggingen)"
    " (?:\\w+ ){0,3}?(?:afgedaan|voldaan|ingelost|nagekomen|afgerond)",
    "(?:hiermee|daarmee|(?:met|via) deze brief) (?:kom|komen) (?:ik|wij|we) (?:\\w+ ){0,4}?(?:toezegging|toezeggingen"
    "|verzoek|verzoeken) (?:\\w+ ){0,8}?na",
    "(?:met|via|in) deze brief (?:informeer ik u|informeren wij u|wordt uw kamer geïnformeerd) (?:hier|daar)over",
)

# Moments inside the debate under way: coming back to a point then is how a debate runs,
# not a promise ("Daar kom ik in de tweede termijn op terug", "Daar kom ik straks op terug").
DEBATE_MOMENTS: tuple[str, ...] = (
    "straks", "zo meteen", "zometeen", "dadelijk", "zo dadelijk", "zo", "direct", "meteen", "aanstonds",
    # discourse: "Ik kom nog even terug op de procedure", "Ik kom nu terug op uw vraag"
    "nog even", "even", "eerst",
    "in (?:de |mijn )?(?:eerste |tweede |derde )?termijn", "in (?:de |mijn )?(?:beantwoording|betoog|bijdrage)",
    "later in (?:de |mijn |deze )?(?:\\w+ )?(?:termijn|beantwoording|betoog|bijdrage|debat)",
    "(?:aan het eind|aan het einde|aan het slot) van (?:mijn |de |deze )?(?:\\w+ )?(?:termijn|beantwoording|betoog"
    "|bijdrage)",
    "in het (?:\\w+ )?(?:blokje|mapje)(?: \\w+){0,4}",
    "bij (?:de bespreking van )?(?:de|het) (?:amendementen|amendement|moties|motie|blokje|mapje)(?: \\w+){0,4}",
    "na de schorsing", "na de lunchpauze", "na de pauze", "in deze termijn", "in dit debat", "vandaag nog",
)

# Ways of coming back that leave the debate: a letter, in writing ("schriftelijk", "per brief").
OUTSIDE_THE_DEBATE: tuple[str, ...] = (
    "schriftelijk", "per brief", "in een brief", "met een brief", "brief", "notitie", "nota", "voor de zomer",
)

# The document itself ("in deze brief", "in deze hoofdlijnenbrief", "met onderhavige nota"):
# an act done there is done now, unless the sentence before promised such a document.
THIS_DOCUMENT_DETERMINERS: tuple[str, ...] = ("deze", "onderhavige", "voorliggende", "de voorliggende")
THIS_DOCUMENT_HEADS: tuple[str, ...] = ("brief", "nota", "notitie", "beantwoording", "rapportage")


# Statements about how long the work takes, not a promise of it ("De beantwoording zal, gezien het aantal
# vragen, meer tijd in beslag nemen", "Het onderzoek zal langer duren dan voorzien").
DURATION_STATEMENTS: tuple[str, ...] = (
    "(?:zal|zullen|gaat|gaan),?(?: \\S+){0,8}? (?:meer|langer|extra|enige|nog enige|veel|nog wat) tijd"
    " (?:in beslag )?(?:nemen|kosten|vergen|vragen)",
    "(?:zal|zullen),?(?: \\S+){0,8}? (?:langer|wat langer|enige tijd) duren",
    "(?:zal|zullen),?(?: \\S+){0,8}? vertraging oplopen",
)

# An ability denied for now, closing the sentence ("Hoeveel … worden opgeleverd kan nog niet in beeld
# worden gebracht.", "Een datum kan ik op dit moment nog niet noemen.").
NOT_YET_POSSIBLE: tuple[str, ...] = ("(?:kan|kunnen)(?: \\w+){0,4}? nog niet(?: [\\w-]+){0,6}",)

# A past promise that the text itself calls a mistake ("Per abuis is toegezegd dat …", "Door een
# misverstand is aangegeven dat …"): nothing is promised anew.
MISTAKEN_PROMISES: tuple[str, ...] = (
    "(?:per abuis|abusievelijk|bij vergissing|ten onrechte|misverstand)(?:\\W+\\w+){0,8}?\\W+(?:toegezegd"
    "|beloofd|aangegeven|aangekondigd|gemeld)",
)

# What a sentence may hold besides such a statement and still promise something ("…, maar ik stuur u …").
OTHER_UNDERTAKING_WORDS: tuple[str, ...] = (
    "zal", "zullen", "ga", "gaat", "gaan", "ontvangt", "ontvangen", "stuur", "stuurt", "informeer",
    "informeert", "toe", "bereid",
)

# Prepositions that make "het voornemen" the topic, not the undertaking ("geïnformeerd over het voornemen tot …").
INTENT_TOPIC_PREPOSITIONS: tuple[str, ...] = ("over", "op", "aan", "naar", "met", "tegen", "zonder", "bij")
