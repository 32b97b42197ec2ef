"""Verb families: every form of the verbs that carry a promised act.

Each family maps a verb (its infinitive, as a reader would name it) to all its
forms: infinitive, first/second/third person present, participle, and the
multi-word forms (``op de hoogte houden``, ``invulling geven aan``). Phrases are
written with single spaces; ``(?:…)`` groups and ``?`` mark optional words
(``(?:toe)?sturen`` is ``sturen`` and ``toesturen``), ``(?:\\w+ ){0,2}?`` up to
two words between. ``commitments.patterns`` generates the regexes and the
word tables from these rows; adding a verb form is one line here and one test
row in ``tests/extraction/test_commitments.py``.

The family decides what kind of act it is:

``INFORM``  informing the Kamer, whatever the channel (always an inform act);
``SEND``    sending or handing something over (counts when the Kamer or a
            product is in the sentence);
``PRODUCT`` making a product (counts with a product noun, see
            ``deliverables.py``);
``MOTION``  carrying out a motion (counts when the sentence names a motie);
``ACTION``  a concrete action without a product for the Kamer (borderline).
"""

INFORM: dict[str, tuple[str, ...]] = {
    "informeren": ("informeren", "informeer", "informeert", "geïnformeerd", "geinformeerd"),
    "op de hoogte houden": (
        "op de hoogte (?:te )?(?:houden|stellen|brengen|gehouden|gesteld|gebracht|houd|hou|houdt|stel|stelt"
        "|breng|brengt)",
    ),
    "berichten": ("berichten", "bericht"),
    "briefen": ("briefen", "gebrieft"),
    "inlichten": ("inlichten", "ingelicht"),
    "terugkomen": ("terugkomen", "terugkom", "terugkomt", "teruggekomen"),
    "beantwoorden": ("beantwoorden", "beantwoord", "beantwoordt"),
    "laten weten": ("laten weten", "laat (?:\\w+ ){0,8}?weten"),
}

SEND: dict[str, tuple[str, ...]] = {
    "sturen": ("(?:toe)?sturen", "stuur", "stuurt", "(?:toe)?gestuurd"),
    "zenden": ("toezenden", "zenden", "zend", "zendt", "(?:toe)?gezonden", "verzenden", "verzonden"),
    "versturen": ("versturen", "verstuurd", "verstuur", "verstuurt"),
    "toekomen": ("(?:doen )?toekomen", "toekomt", "toegaan", "toegaat"),
    # only with the Kamer as its object: "de brieven zullen uw Kamer voor de zomer bereiken"
    "bereiken": ("(?:uw |de )?kamer (?:\\w+ ){0,8}?(?:bereiken|bereikt)", "bereikt (?:uw |de )kamer"),
    "ontvangen": ("ontvangen", "ontvangt", "krijgt", "krijgen", "hoort"),
    "aanbieden": ("aanbieden", "aangeboden", "bied", "biedt"),
    "rapporteren": ("rapporteren", "rapporteer", "rapporteert", "gerapporteerd"),
    "verslag uitbrengen": ("verslag (?:uit)?brengen", "verslag uit"),
    "tegemoetzien": ("tegemoet ?zien", "tegemoetzien", "tegemoet kunt zien", "verwachten"),
    "voorleggen": ("voorleggen", "voorgelegd", "leg", "legt"),
    "terugkoppelen": ("terugkoppelen", "teruggekoppeld"),
    "melden": ("melden", "meld", "meldt", "gemeld"),
    "inzicht geven": ("inzicht (?:geven|bieden|verschaffen)",),
    "delen": ("delen", "gedeeld", "deel", "deelt"),
    "geven": ("geven", "geeft", "geef", "gegeven"),
    "verstrekken": ("verstrekken", "verstrek", "verstrekt", "verschaffen"),
    "ter inzage leggen": ("ter inzage (?:te )?(?:leggen|gelegd|leg|legt)",),
}

PRODUCT: dict[str, tuple[str, ...]] = {
    "opstellen": ("opstellen", "opgesteld", "stel", "stelt"),
    "afronden": ("afronden", "afgerond", "rond", "rondt"),
    "opleveren": ("opleveren", "opgeleverd", "lever", "levert"),
    "publiceren": ("publiceren", "gepubliceerd", "publiceer", "publiceert"),
    "presenteren": ("presenteren", "gepresenteerd", "presenteer", "presenteert"),
    "uitwerken": ("uitwerken", "uitgewerkt", "werk", "werkt"),
    "formuleren": ("formuleren", "geformuleerd"),
    "verschijnen": ("verschijnen", "verschijnt", "gereed", "klaar"),
    "uitbrengen": ("uitbrengen", "uitgebracht", "breng", "brengt"),
    "evalueren": ("evalueren", "geëvalueerd", "geevalueerd", "evalueer", "evalueert"),
    "onderzoeken": ("(?:laten )?onderzoeken", "onderzocht"),
    "uitvoeren": ("(?:laten )?uitvoeren", "uitgevoerd"),
    "vaststellen": ("vaststellen", "vastgesteld"),
    "ontwikkelen": ("ontwikkelen", "ontwikkeld"),
    "actualiseren": ("actualiseren", "geactualiseerd", "herzien"),
    "consulteren": ("consultatie",),
    "schrijven": ("schrijven", "geschreven"),
    "opzetten": ("opzetten", "opgezet"),
    "ingaan op": ("ingaan", "ingegaan"),
    "op papier zetten": ("op papier (?:te )?(?:zetten|zet|gezet)",),
    "schetsen": ("schetsen", "geschetst", "schets", "schetst"),
    # light verbs: only with a product noun next to them ("er komt een evaluatie")
    "maken": ("maken", "maak", "maakt"),
    "volgen": ("volgt", "volgen"),
    "komen": ("komt", "komen", "kom"),
    "plaatsvinden": ("plaatsvinden", "plaatsvindt", "plaatshebben", "plaatsheeft"),
    # "Die vraag zal ik meenemen in de brief", "Dat betrekken we bij de reactie": content of a product
    "meenemen": ("meenemen", "meegenomen", "betrekken"),
    # starting work on a product promises it: "start ik in 2027 met de evaluatie" ("begin" is also a time word)
    "beginnen met": ("start", "begint", "beginnen"),
}

# Light verbs of PRODUCT that count only with a product noun beside them.
NEEDS_PRODUCT = frozenset(
    PRODUCT["maken"] + PRODUCT["volgen"] + PRODUCT["komen"] + PRODUCT["plaatsvinden"] + PRODUCT["meenemen"]
    + PRODUCT["beginnen met"]
)

MOTION: dict[str, tuple[str, ...]] = {
    "invulling geven": ("invulling (?:\\w+ ){0,2}?(?:geven|gegeven|geeft|geef)",),
    "uitvoering geven": ("uitvoering (?:\\w+ ){0,2}?(?:geven|gegeven|geeft|geef)",),
    "uitvoeren": ("uitvoeren", "uitgevoerd", "uitvoert"),
    "opvolging geven": ("opvolging (?:\\w+ ){0,2}?(?:geven|gegeven|geeft)",),
}

ACTION: dict[str, tuple[str, ...]] = {
    "organiseren": ("organiseren", "organiseer", "organiseert", "georganiseerd"),
    "deelnemen": ("deelnemen", "deelneemt", "toetreden", "toetreedt", "meedoen", "aansluiten"),
    "besluiten": ("besluiten", "beslissen", "(?:een )?besluit (?:\\w+ ){0,3}?(?:nemen|neemt|genomen)"),
    "aandacht vragen": ("(?:aandacht|steun) (?:\\w+ ){0,5}?vragen", "agenderen", "geagendeerd", "aankaarten",
                        "aangekaart", "opbrengen"),
    "bespreken": ("bespreken", "besproken", "bespreekt", "overleggen", "in overleg (?:te )?(?:gaan|treden)",
                  "contact (?:op ?)?nemen"),
    "initiatief nemen": ("(?:het )?initiatief nemen",),
    "oprichten": ("oprichten", "opgericht", "inrichten", "ingericht", "instellen", "ingesteld"),
    "benoemen": ("benoemen", "benoemd"),
    "openen": ("openen", "geopend", "starten", "hervatten", "hervat"),
    "financieren": ("verstrekken", "financieren", "reserveren", "toekennen", "vrijmaken", "vrijgemaakt",
                    "uitbetalen", "beschikbaar (?:te )?stellen", "ter beschikking (?:\\w+ ){0,2}?(?:stellen|gesteld)"),
    "leveren": ("leveren", "geleverd", "aanleveren", "indienen", "ingediend", "voor te leggen"),
    "beoordelen": ("beoordelen", "beoordeeld", "bezien", "verkennen", "verkend", "nagaan", "bekijken"),
    "onderzoek doen": ("verrichten", "onderzoek (?:laten )?(?:doen|verrichten|uitvoeren)"),
    "doorberekenen": ("doorberekenen", "doorberekend"),
    "aanpassen": ("corrigeren", "gecorrigeerd", "herstellen", "uitbreiden", "uitgebreid", "aanpassen",
                  "aangepast", "aanscherpen", "verlengen", "verlengd", "intrekken", "afschaffen", "opheffen"),
    "invoeren": ("implementeren", "geïmplementeerd", "geimplementeerd", "invoeren", "ingevoerd", "realiseren",
                 "gerealiseerd"),
    "bijwonen": ("bijwonen", "bezoeken"),
    "ondertekenen": ("ondertekenen", "ratificeren"),
    "aanvragen": ("aanvragen",),
    "voorbereiden": ("voor te bereiden", "voorbereiden"),
    # "een (overgangs)regeling / maatregelen treffen": the measure itself is checkable
    "treffen": ("treffen", "getroffen"),
    # "Ik zeg toe dat wij dat voor de zomer uitzoeken / in kaart brengen"
    "uitzoeken": ("uitzoeken", "uitgezocht", "in kaart (?:te )?(?:brengen|gebracht)", "inventariseren", "geïnventariseerd"),
    # the pro-verb: "Dat doen we in december", "Dat zal ik voor de zomer doen" (the act is in the sentence before)
    "dat doen": ("(?:dat|dit) (?:\\w+ ){0,4}?(?:doe|doen|doet) (?:ik|we|wij|het kabinet)",
                 "(?:dat|dit) (?:zal|zullen|ga|gaan|gaat) (?:ik|we|wij|het kabinet) (?:\\w+ ){0,5}?doen"),
}

# Finite forms of separable verbs count only with their particle later on
# ("Ik stel … op", "Ik bied u … aan").
SEPARABLE = {
    "stel": "op", "stelt": "op", "rond": "af", "rondt": "af", "lever": "op", "levert": "op",
    "werk": "uit", "werkt": "uit", "breng": "uit", "brengt": "uit", "bied": "aan", "biedt": "aan",
    "leg": "voor", "legt": "voor",
}

# A product dated in a relative clause of its own: "de monitor, die in juni wordt verstuurd". These forms
# say the product itself goes out or is ready, so the clause's time phrase dates the promised product.
CLAUSE_DELIVERY: tuple[str, ...] = (
    "(?:wordt|worden) (?:\\w+ )?(?:verstuurd|verzonden|gestuurd|toegestuurd|toegezonden|aangeboden|gepubliceerd"
    "|opgeleverd|afgerond|uitgebracht|gepresenteerd|verwacht)",
    "verschijnt", "verschijnen", "uitkomt", "uitkomen", "(?:gereed|klaar) (?:is|zijn|komt|komen)",
)

# A verb form right after one of these words is a noun ("uit onze onderzoeken", "de besluiten", "een bericht");
# "het", "dat", "die" and "deze" stay out: they are also object pronouns ("ik zal het onderzoeken").
NOUN_DETERMINERS = frozenset({
    "de", "een", "onze", "ons", "mijn", "uw", "hun", "eerdere", "andere", "diverse", "verschillende", "enkele",
    "alle", "beide", "vele", "meerdere", "nieuwe", "lopende",
})

# Present forms that are also past participles ("ik beantwoord" / "heb beantwoord"): after a
# perfect auxiliary they are past.
PARTICIPLE_LIKE_PRESENT = frozenset({"beantwoord", "bericht", "verstrekt", "herzien"})
# What a law, treaty or agreement lays down is a duty, not an undertaking: "In artikel 12 is vastgelegd dat de
# minister binnen vijf jaar een verslag zendt", "De wet bepaalt dat …". Participles after "is/zijn/staat …",
# and finite verbs with the rule as subject. ("is afgesproken dat" stays out: an agreement with the Kamer binds.)
LAID_DOWN_PARTICIPLES: tuple[str, ...] = ("vastgelegd", "bepaald", "geregeld", "voorgeschreven", "neergelegd")
LAID_DOWN_VERBS: tuple[str, ...] = ("bepaalt", "bepaalde", "schrijft voor", "schreef voor", "regelt")

# A product or step that is done: "Als het onderzoek is afgerond, …" names a moment, like "zodra".
COMPLETED: tuple[str, ...] = (
    "afgerond", "gereed", "klaar", "bekend", "beschikbaar", "verschenen", "gepubliceerd", "vastgesteld",
    "opgeleverd", "ontvangen", "uitgevoerd",
)
