"""Deliverable nouns: the products a promise can name.

A noun whose last part is one of ``PRODUCT_HEADS`` is a product
(``hoofdlijnennotitie``, ``voortgangsrapportage``). ``WEAK`` heads are too
general to make a promise a product promise by themselves (``maatregelen``,
``aanpak``), unless they are also in ``STRONG_ALONE``. ``IMPLIED`` maps acts
that are a product by themselves (``zal … evalueren``) to that product.
"""

PRODUCT_HEADS = (
    "strategie", "nota", "notitie", "brief", "briefing", "onderzoek", "evaluatie", "plan", "wetsvoorstel",
    "kabinetsreactie", "reactie", "rapportage", "rapport", "verslag", "visie", "agenda", "kader", "analyse",
    "verkenning", "appreciatie", "overzicht", "monitor", "inventarisatie", "handreiking", "routekaart",
    "standpunt", "voorstel", "voorstellen", "fiche", "doorlichting", "studie", "update", "beleidslijn", "wet",
    "regeling", "aanpak", "programma", "advies", "adviesaanvraag", "maatregelen", "maatregel", "beantwoording",
    "uitwerking",
)

WEAK = frozenset({
    "maatregelen", "maatregel", "aanpak", "programma", "advies", "voorstel", "uitwerking", "voorstellen",
    "kader", "agenda", "update", "regeling", "wet", "analyse", "overzicht", "plan", "onderzoek",
})
STRONG_ALONE = frozenset({"plan", "onderzoek", "wet", "overzicht", "analyse", "update"})

# Heads that a capitalised compound names as a product of its own ("Klimaatstrategie 2026").
NAMED_HEADS = ("rapportage", "nota", "strategie", "notitie", "wet", "plan", "agenda")

IMPLIED: dict[str, str] = {
    **dict.fromkeys(("evalueren", "geëvalueerd", "geevalueerd", "evalueer", "evalueert"), "evaluatie"),
    **dict.fromkeys(("onderzoeken", "laten onderzoeken", "onderzoek laten doen", "onderzoek laten uitvoeren",
                     "onderzoek doen", "onderzoek verrichten", "onderzoek laten verrichten"), "onderzoek"),
    **dict.fromkeys(("verkennen",), "verkenning"),
    # "de stand van zaken op papier zetten": a written account
    **dict.fromkeys(("op papier zetten", "op papier te zetten", "op papier zet", "op papier gezet"), "notitie"),
}

# The debate's own business: discussing these here and now is how a debate runs, not a promise
# ("daarna ga ik de moties bespreken", "dan zal de staatssecretaris ingaan op alle vragen").
DEBATE_ITEMS = ("moties", "motie", "amendementen", "amendement", "vragen", "vraag", "blokjes", "blokje",
                "opmerkingen", "inbreng", "punten", "sprekers")
DEBATE_ACTS = frozenset({"bespreken", "bespreekt", "ingaan", "behandelen", "behandel", "behandelt",
                         "langslopen", "langsgaan", "doorlopen", "nalopen"})

# Times that mean "in this very debate" when the act is a debate act ("Ik zal vandaag vooral ingaan op …").
THIS_DEBATE_TIMES = frozenset({"vandaag", "nu", "straks", "zo meteen", "zometeen", "dadelijk", "zo dadelijk",
                               "in dit debat", "in deze termijn", "in de tweede termijn"})
