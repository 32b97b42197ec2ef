"""Regular expressions of the commitment finder, generated from the lexicon where the words are data."""

from __future__ import annotations

import re

from tracker.extraction.lexicon import actors, deliverables, verbs

_I = re.IGNORECASE


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _phrase(form: str) -> str:
    """A lexicon form as a regex: " ?" is optional space, " " one or more."""
    return form.replace(" ?", r"\s*").replace(" ", r"\s+")


def _family(family: dict[str, tuple[str, ...]]) -> str:
    """One word alternation of all forms of a verb family."""
    return r"\b(?:" + "|".join(_phrase(f) for forms in family.values() for f in forms) + r")\b"


def _lc(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive copy of a case-insensitive regex, for lower-cased text
    (several times faster than ``re.IGNORECASE``)."""
    pattern = rx.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    # A leading lookbehind instead of \b lets the engine skip ahead much faster.
    if pattern.startswith("\\b(?:"):
        pattern = _by_first_letter("(?<!\\w)" + pattern[2:])
    return re.compile(pattern)


def _top_level(body: str, sep: str = "|") -> list[int]:
    """Offsets of ``sep`` (or, with ``sep=")"``, of the first unbalanced
    bracket) outside groups and classes of a regex body."""
    out: list[int] = []
    depth, in_class, i = 0, False, 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0 and sep == ")":
                return [i]
            depth -= 1
        elif c == sep and depth == 0:
            out.append(i)
        i += 1
    return out


def _by_first_letter(pattern: str) -> str:
    """``(?<!\\w)(?:zal|zullen|gaat|…)…`` with the leading alternation grouped
    by first letter: ``(?:z(?:al|ullen)|g(?:aat)|…)``.

    ``re`` tries alternatives one by one; grouped, it tests one letter per
    group (about three times faster on the long word lists). Matches are the
    same: alternatives that can match at one position share their first letter
    and keep their order; one that does not start with a plain letter stays in
    its place between the groups.
    """
    head = "(?<!\\w)(?:"
    if not pattern.startswith(head):
        return pattern
    close = _top_level(pattern[len(head):], ")")
    if not close:
        return pattern
    body = pattern[len(head):len(head) + close[0]]
    if re.search(r"(?<!\\)\((?!\?:)", body):
        return pattern  # capturing groups would be renumbered
    cuts = [-1, *_top_level(body), len(body)]
    alts = [body[a + 1:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    parts: list[str] = []
    run: dict[str, list[str]] = {}
    for alt in alts:
        if alt[:1].isalpha() and alt[1:2] not in ("*", "+", "?", "{"):
            run.setdefault(alt[0], []).append(alt[1:])
            continue
        parts.extend(f"{c}(?:{'|'.join(rests)})" for c, rests in run.items())
        run = {}
        parts.append(alt)
    parts.extend(f"{c}(?:{'|'.join(rests)})" for c, rests in run.items())
    return head + "|".join(parts) + pattern[len(head) + close[0]:]



_CAP = r"[A-Z][\w'’-]*"
# "Onderwijs, Cultuur en Wetenschap": a ministry's name may list its parts with commas before its "en".
_NAMEPART = rf"{_CAP}(?:(?:,\s+{_CAP})+\s+en\s+{_CAP}|(?:\s+(?:en|van|voor|de|het))?\s+{_CAP})*"
# Government actors; capitals matter for the names of ministries/ministers.
_GOV_ACTOR_RE = re.compile(
    r"(?P<actor>"
    r"\b(?:[Hh]et|[Dd]it)(?:\s+(?:huidige|demissionaire|nieuwe|volgende))?\s+[Kk]abinet\b"
    r"|\b[Dd]e\s+(?:Nederlandse\s+)?[Rr]egering\b"
    rf"|\b(?:[Hh]et\s+)?[Mm]inisterie\s+van\s+{_NAMEPART}"
    r"|\b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Pp]remier|"
    r"[Bb]ewinds(?:lieden|personen))\b"
    rf"(?:\s+(?:van|voor)\s+{_NAMEPART}|\s+{_NAMEPART})?"
    r"|\b(?:[Mm]ijn|[Oo]ns|[Hh]et)\s+ministerie\b"
    r"|\b[Ii]k\b|\b[Ww]ij\b|\b[Ww]e\b"
    r"|\bNederland\b(?!se)|\b[Hh]et\s+Koninkrijk(?:\s+der\s+Nederlanden)?\b"
    r")"
)
_FIRST_PERSON_RE = _rx(r"^(?:ik|wij|we|mijn ministerie|ons ministerie)$")
_KAMER_RE = re.compile(
    r"\b(?:[Uu]w|[Dd]e|[Dd]er|Tweede|Eerste)\s+Kamer\b|\bKamerleden\b|\b[Uu]\b|\bparlement\b|\bStaten-Generaal\b|\b(?:[Bb]eide|[Dd]e)\s+Kamers\b"
)
_KAMER_SUBJECT_RE = _rx(r"^(?:uw|de|de\s+Tweede)\s+Kamer\b|^u\b")
# Bodies and people that are not the government (other states: any proper name, see _is_other_party).
_NON_GOV_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in actors.NON_GOVERNMENT_BODIES) + r")\b"
)
# A capitalised name that is the government or the Kamer, not another party.
_OWN_NAMES_RE = re.compile(
    r"(?:Nederland|Koninkrijk|Kamer|Tweede|Eerste|Rijk|Rijksoverheid|Minister\w*|Staatssecretaris|Kabinet|"
    r"Regering|Ministerie)\b"
)
# A paragraph written by Kamer members (verslag of a schriftelijk overleg). Members named by surname ("De leden
# Jansen en Brouwer vroegen …") are a minister answering them in a debate, not the members' own text.
_MEMBER_START_RE = re.compile(
    r"\s*(?:[Dd]e|[Dd]eze)\s+(?:[\w-]+\s+)?(?:leden(?!\s+[A-Z])|[\w-]*fractieleden)\b|\s*Vragen\s+en\s+opmerkingen\b"
)
_MEMBERS_RE = re.compile(
    r"\b(?:[Dd]e|[Dd]eze)\s+leden\b|\bleden\s+van\s+de\b|-fractie\b|\bfractieleden\b"
)

# Acts. Each family is one regex generated from the lexicon; the family decides the act's class.
_INFORM_TRUE_RE = _rx(_family(verbs.INFORM))
_INFORM_SEND_RE = _rx(_family(verbs.SEND))
_PRODUCT_VERB_RE = _rx(_family(verbs.PRODUCT))
# Product verbs that only count with a product in the sentence ("er komt een
# evaluatie", "een reactie volgt", "een inventarisatie maken").
_NEEDS_PRODUCT = verbs.NEEDS_PRODUCT
# Light verbs that are no act when their only product is a time phrase ("komt met de Voorjaarsnota");
# "meenemen in de evaluatie" names its product inside such a phrase by nature.
# ("beginnen met" and "meenemen" take the event-like phrase as their product: "begint in het najaar met de evaluatie")
_LIGHT_NO_TIME_OBJECT = verbs.NEEDS_PRODUCT - frozenset(verbs.PRODUCT["meenemen"] + verbs.PRODUCT["beginnen met"])
# Finite forms of separable verbs count only with their particle later on.
_SEPARABLE = verbs.SEPARABLE
_MOTION_ACT_RE = _rx(_family(verbs.MOTION))
_MOTIE_RE = _rx(r"\bmotie")
_ACTION_RE = _rx(_family(verbs.ACTION))
_TRUE_INFORM_WORDS = ("inform", "op de", "bericht", "brief", "inlicht", "ingelicht", "gebrieft")
# Product nouns (heads) and named products.
_PRODUCT_HEAD = r"[\w-]*(?:" + "|".join(deliverables.PRODUCT_HEADS) + ")"
_PRODUCT_RE = _rx(rf"\b{_PRODUCT_HEAD}\b")
_NAMED_PRODUCT_RE = re.compile(
    r"\b(?:[Jj]aarlijkse\s+)?Staat\s+van\s+(?:de|het)\s+[A-Z]\w+(?:\s+\d{4})?"
    r"|\b[A-Z][\w-]*(?:" + "|".join(deliverables.NAMED_HEADS) + r")\b(?:\s+\d{4})?"
)
_WEAK_PRODUCTS = deliverables.WEAK
_STRONG_ALONE = deliverables.STRONG_ALONE
# Actions that deliver their object when it is a product ("een wetsvoorstel indienen").
# "aan de Europese Commissie", "naar Brussel": a recipient other than the Kamer.
_OTHER_RECIPIENT_RE = re.compile(r"\b(?:aan|naar)\s+(?!de\s+kamer|uw\s+kamer|u\b)(?:de\s+|het\s+)?[a-z]")
_PASSIVE_DELIVERY = _words(
    "toegezonden gezonden toegestuurd gestuurd aangeboden verstuurd gedeeld voorgelegd"
) | {"ter beschikking gesteld", "beschikbaar gesteld"}
_DELIVERY_ACTIONS = _words(
    "indienen ingediend leveren geleverd aanleveren voor te leggen verstrekken uitbrengen "
    "laten uitvoeren starten"
)
# Acts that are a product by themselves: "zal … evalueren", "zal onderzoeken of …".
_IMPLIED_PRODUCT = deliverables.IMPLIED
_EVALUATE_RE = _rx(r"^(?:evalueren|ge[eë]valueerd|evalueer|evalueert)$")
_LETTER_RE = _rx(r"(?:brief|briefing)$")

# Undertaking markers.
_FUT_RE = _rx(r"\b(?:zal|zullen|zult)\b")
_GAAN_RE = _rx(r"\b(?:ga|gaat|gaan)\b")
_BEREID_RE = _rx(r"\bbereid\b")
_TOEZEG_RE = _rx(
    r"\b(?:zeg|zegt|zeggen|zegde|zegden)\b[^;?]{0,120}?\btoe\b|\b(?:zegt|zeggen)\s+(?:de|uw)\s+Kamer\b[^;?]{0,360}?\btoe\b|"
    r"\btoe\s+te\s+zeggen\b|\btoezeggen\b|"
    r"\btoezegging\s+(?:doe|doen)\b|\b(?:doe|doet|doen)\s+(?:\w+\s+){0,3}?(?:de|die|deze|een)\s+toezegging\b"
)
# A promise reported as made earlier: "heeft toegezegd … te …",
# "heeft aangegeven … te zullen …", "het voornemen om … te …".
_RESTATED_RE = _rx(
    r"\b(?P<verb>toegezegd|aangekondigd|aangegeven|beloofd)\b(?P<what>[^;?]{0,260}?)\bte\s+"
    r"(?:zullen\s+)?(?:laten\s+)?(?P<inf>\w+)|\bvoornemen\s+om\b(?P<what2>[^;?]{0,200}?)\bte\s+"
    r"(?P<inf2>\w+)"
)
_RESTATED_AUX_RE = _rx(r"\b(?:heeft|hebben|heb|is|zijn|ben|had|hadden)\b")
_EXPECT_OWN_VERB_RE = _rx(r"\bverwacht(?:en)?\b")
_TEGEMOET_RE = _rx(r"\btegemoet\b[^;?]{0,80}?\bdoor\b(?P<what>[^;?]{0,200}?)\bte\s+(?P<verb>\w+)")
_EXPECT_RE = _rx(
    r"\bverwacht(?:en)?\s+(?:ik|wij|we|het\s+kabinet|de\s+regering)\b[^;?]{0,160}?\bte\s+\w+|"
    r"\b(?:ik|wij|we|het\s+kabinet|de\s+regering)\s+verwacht(?:en)?\b[^;?]{0,160}?\bte\s+\w+|"
    r"\bverwacht(?:en)?\s+(?:(?:ik|wij|we)\s+)?dat\s+(?:ik|wij|we|het\s+kabinet)\b[^;?]{0,160}?\b(?:kan|kunnen)\b"
)
_INTENT_RE = _rx(
    r"\bnaar\s+verwachting\b|\bde\s+verwachting\s+is\b|\bverwacht\s+wordt\b|\bhet\s+streven\s+is\b|"
    r"\bstreeft\b|\bstreven\b|\bstreef\b|\bvoornemens\b|\bhet\s+voornemen\b|\bde\s+inzet\s+is\b|"
    r"\bbeoog\w*\b|\bis\s+(?:\w+\s+)?voorzien\b|\bstaat\s+gepland\b|\bis\s+gepland\b|"
    r"\balles\s+in\s+het\s+werk\b|\b(?:hoop|hopen)\b(?<!\bde\shoop)(?=[^;?.]{0,120}?\bte\s+\w+)|"
    r"\binzet\s+van\s+(?:het\s+kabinet|de\s+regering|mij|ons)\s+om\b"
)
_QUALIFIER_RE = _rx(
    r"\b(?:zal|zullen)\s+(?:\w+\s+){0,6}?kunnen\b|\bindien\s+mogelijk\b|\bwaar\s+mogelijk\b|"
    r"\bin\s+principe\b|\bwaarschijnlijk\b|\bwil(?:len)?\b|\bmogelijkerwijs\b|\binspann\w*|"
    r"\bspannen\b[^;]{0,40}\bin\b"
)
_COND_RE = _rx(
    r"\b(?:indien|mocht(?:en)?|tenzij|ingeval)\b|\bin\s+het\s+geval\s+dat\b|(?:^\s*|,\s*)als\b(?![^,]{3,120}\b(?:(?:is|zijn)\s+(?:"
    + "|".join(verbs.COMPLETED) + r")|(?:" + "|".join(verbs.COMPLETED) + r")\s+(?:is|zijn))\b)"
)
_UNCERTAIN_RE = _rx(
    r"\bniet\s+duidelijk\b|\bonduidelijk\b|\b(?:zal|zullen)\s+afhangen\b|\bhangt\s+(?:\w+\s+)?af\s+"
    r"van\b|\bnog\s+geen\s+besluit\b|\bis\s+aan\s+\w+\s+om\b"
)
_OBLIGATION_RE = _rx(r"\b(?:moet|moeten|dient|dienen)\b")
_LAID_DOWN_RE = _rx(
    r"\b(?:is|zijn|werd|werden|staat|stond|wordt|worden)\s+(?:[\w.]+\s+){0,4}?(?:"
    + "|".join(verbs.LAID_DOWN_PARTICIPLES) + r")\s+dat\b|\b(?:"
    + "|".join(_phrase(v) for v in verbs.LAID_DOWN_VERBS) + r")\s+(?:\w+\s+)?dat\b"
)
_BLIJVEN_RE = _rx(r"\bblijv\w*|\bblijft\b")
_NEG_BEFORE_RE = re.compile(r"\b(?:niet|geen|nooit)\b")
_NEG_RE = _rx(r"\b(?:niet|geen|nooit|noch)\b")
_NEG_OK_RE = _rx(
    r"\bniet\s+(?:alleen|later\s+dan|eerder\s+dan|langer\s+dan|meer\s+dan|zonder)\b|"
    r"\bgeen\s+(?:\w+\s+)?(?:later|eerder)\b"
)
_PERFORMATIVE_RE = _rx(
    r"\b(?:via|met|in|bij)\s+deze\s+[\w-]*(?:brief|nota|notitie|beantwoording)\b|\bhierbij\b|\bbijgaand\b|"
    r"(?<!verband )(?<!samenhang )(?<!lijn )(?<!aansluiting )\bhiermee\b(?!\s+(?:samenhangend|verband|gemoeid))|\bin\s+het\s+onderstaande\b|\b(?:parallel\s+aan|tegelijk\s+met|gelijktijdig\s+met)\s+deze\s+brief\b|\bdeze\s+(?:brief|nota|notitie)\s+wordt\b|^(?!.*\b(?:zal|zullen)\b).*?\bmede\s+namens\b|\b(?:ontvangt|krijgt)\s+u\s+(?:nu\s+)?deze\s+(?:brief|nota|notitie)\b"
)
_THIS_LETTER_RE = _rx(r"\b(?:via|met|bij)\s+deze\s+[\w-]*(?:brief|nota|notitie)\b|\bhierbij\b|(?<!verband )(?<!samenhang )(?<!lijn )(?<!aansluiting )\bhiermee\b(?!\s+(?:samenhangend|verband|gemoeid))")
# "zal ik … in deze brief ingaan op": in the act's own clause, "in deze brief" is this very letter
# (elsewhere it may only say where something was described: "Zoals in deze brief beschreven, zal ik …").
_IN_THIS_LETTER_RE = _rx(r"(?<!zoals )\bin\s+deze\s+[\w-]*(?:brief|nota|notitie|beantwoording)\b")
# The letter fulfils the promise just restated: "Met deze brief kom ik die toezegging na."
_FULFIL_RE = _rx(
    r"\b(?:met|via|in|bij)\s+deze\s+(?:brief|nota|notitie)\b|\bhierbij\b|(?<!verband )(?<!samenhang )(?<!lijn )(?<!aansluiting )\bhiermee\b(?!\s+(?:samenhangend|verband|gemoeid))|\bbij\s+dezen\b"
)
_PAST_AUX_RE = _rx(r"\b(?:heeft|hebben|had|hadden|was|waren|werd|werden|is|zijn|ben)\b")
_PRESENT_ACT_RE = _rx(
    r"^(?:informeer|informeert|stuur|stuurt|zend|zendt|bied|biedt|ontvangt|ontvangen|verschijnt|"
    r"rapporteer|rapporteert|verstuur|verstuurt|publiceer|publiceert|presenteer|presenteert|stel|"
    r"stelt|rond|rondt|lever|levert|breng|brengt|evalueer|evalueert|leg|legt|meld|meldt|"
    r"organiseer|organiseert|deelneemt|toetreedt|bespreekt|tegemoetzien|tegemoet\s*zien|verwachten|"
    r"tegemoet\s+kunt\s+zien|laat\s.*weten|toekomt|deel|deelt|geef|geeft|komt|kom|komen|volgt|volgen|maak|maakt|"
    r"bericht|krijgt|hoort|beantwoord|beantwoordt|plaatsvindt|plaatsheeft|start|begint|beginnen|(?:dat|dit)\s.*\b(?:doe|doen|doet)\s+(?:ik|we|wij|het\s+kabinet))$"
)
# Present tense describing a habit, not a promise ("ontvangt doorgaans in september").
# Recurring reporting in the present tense ("informeer ik uw Kamer jaarlijks").
_RECURRING_RE = re.compile(
    r"\b(?:jaarlijks|halfjaarlijks|tweejaarlijks|maandelijks|elk\s+(?:jaar|kwartaal)|"
    r"ieder\s+(?:jaar|kwartaal)|per\s+kwartaal)\b"
)
# "Ik houd uw Kamer op de hoogte", "Ik kom hierop terug", "informeer ik u nader".
_FORMULA_RE = re.compile(
    r"\b(?:houd|houdt|(?<=wij )houden|(?<=we )houden)\b[^;:]{0,60}?\bop\s+de\s+hoogte\b|"
    r"\bop\s+de\s+hoogte\s+(?:houd|houdt)\b|"
    r"\b(?:kom|komt)\b[^;:]{0,80}?\b(?:hier|daar|er)?op\s+terug\b|"
    r"\b(?:kom|komt)\s+(?:ik|wij|we|het\s+kabinet)?\s*(?:[^;:,.]{0,60}?\s)?terug\s+op\b|"
    r"\b(?:hier|daar)op\s+(?:kom|komt)\b[^;:]{0,60}?\bterug\b|"
    # subordinate order "(dat ik) daar later schriftelijk op terugkom"; "Op die punten kom ik terug"
    r"\b(?:hier|daar)\b[^;:,.]{0,50}?\bop\s+terug(?:kom|komt|komen)\b|"
    r"\bop\s+(?:die|dat|deze|dit|beide|al\s+die)\b[^;:,.]{0,50}?\b(?:kom|komt)\s+(?:ik|wij|we)\b[^;:]{0,30}?\bterug\b|"
    r"\b(?:informeer|informeert|bericht)\b[^;:]{0,40}?\bnader\b|\bnader\s+(?:informeer|informeert|bericht)\b"
)
# Lead sentences that open a list of undertakings, and list item starts.
_LEAD_MARKER_RE = re.compile(
    r"\b(?:zeg\w*\b[^:;]{0,40}?\btoe|toezeggingen|bereid|voornemens|volgende\s+stappen)\b"
)
_ITEM_START_RE = re.compile(r"[ \t]*(?:[-–—•▪*]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
_HABITUAL_RE = re.compile(
    r"\b(?:doorgaans|gebruikelijk|gewoonlijk|normaal\s+gesproken|altijd|telkens|traditiegetrouw|"
    r"in\s+de\s+regel|steeds)\b"
)
# A frequency without a schedule describes a practice with nothing to check ("De Kamer wordt periodiek
# geïnformeerd via de voortgangsbrief"); "jaarlijks", "per kwartaal" are a schedule (_RECURRING_RE).
_UNSCHEDULED_RE = re.compile(
    r"\b(?:periodiek\w*|regelmatig|geregeld|met\s+enige\s+regelmaat|van\s+tijd\s+tot\s+tijd|doorlopend)\b"
)
_MODAL_RE = _rx(r"\b(?:kunnen|kan|kunt|moet|moeten|mag|mogen|zou|zouden|hoop\w*|wil|willen)\b")
_PASSIVE_PRESENT_RE = _rx(r"\b(?:wordt|worden)\b")
_KAMER_PASSIVE_RE = _rx(
    r"\b(?:uw|de)\s+Kamer\s+wordt\s+(?:[^;?]{0,200}?)\bge[iï]nformeerd\b|"
    r"\bwordt\s+(?:\w+\s+){0,3}?(?:uw|de)\s+Kamer\b[^;?]{0,200}?\bge[iï]nformeerd\b|"
    r"\b(?:wordt|worden)\s+[^;?]{0,160}?\b(?:aan|met)\s+(?:uw|de)\s+Kamer\s+(?:toegezonden|"
    r"gezonden|gestuurd|aangeboden|gedeeld|verstuurd|voorgelegd)\b|"
    r"\bwordt\s+(?:\w+\s+){0,8}?gerapporteerd\b"
)
_TIME_HINT_RE = _rx(
    r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|kwartaal|Q[1-4]|zomer\w*|najaar|voorjaar|winter|jaar|jaarwisseling|week|weken|"
    r"maand|maanden|binnenkort|spoedig|snel|termijn|uiterlijk|Voorjaarsnota|Najaarsnota|"
    r"Prinsjesdag|begroting\w*|reces|kerst\w*|20\d\d|eind|begin|medio|half|helft|t\.z\.t|"
    r"zodra|nadat|na\s+afloop|na\s+afronding|wanneer|komende|aanstaande|volgend\w*|eerstvolgend\w*|"
    r"Miljoenennota|HGIS-nota|jaarverslag|Verantwoordingsdag|Slotwet|slotwet|suppletoire)\b"
)

# Revisions.
_EARLIER_RE = _rx(
    r"\b(?:eerder|oorspronkelijk|aanvankelijk|destijds)\b[^;?]{0,160}?\b(?:gemeld|medegedeeld|"
    r"meegedeeld|aangekondigd|toegezegd|bericht|ge[iï]nformeerd|gecommuniceerd|aangegeven)\b"
    r"[^;?]{0,60}?\bdat\b|\b(?:eerder|oorspronkelijk|aanvankelijk)\s+(?:\w+\s+){0,5}?(?:voorzien|"
    r"gepland|beoogd|aangekondigd|verwacht)e?\b"
)
_SLIP_WORD_RE = _rx(
    r"\bniet\s+(?:meer\s+)?(?:in|voor|op|per)\b[^;,]{2,40}?\bmaar\s+(?:in|voor|op|per|na)\b|"
    r"\banders\s+dan\s+(?:eerder\s+)?(?:gemeld|aangekondigd|toegezegd|voorzien|gepland|verwacht)\b|"
    r"\bvertraagd\b|\bvertraging\b|\blater\s+dan\b|\buitgesteld\b|\bverschoven\b|\bverschuift\b|"
    r"\bopgeschoven\b|\bschuift\s+op\b|\bspeling\b|\bmeer\s+tijd\b|\bniet\s+(?:meer\s+)?"
    r"(?:haalbaar|gehaald)\b|\bin\s+plaats\s+van\b"
)
_SLIP_NEXT_RE = _rx(
    r"\bvertraagd\b|\bvertraging\b|\blater\b|\buitgesteld\b|\bverschoven\b|\bverschuift\b|"
    r"\bopgeschoven\b|\bspeling\b|\bmeer\s+tijd\b|\bniet\s+(?:meer\s+)?(?:haalbaar|gehaald)\b|"
    r"\btijdpad\b|\btijdspad\b|\btijdlijn\b|\bplanning\b"
)
_FUTURE_FORM_RE = _rx(r"\b(?:zou|zouden|zal|zullen|zult|verschijnt|ontvangt)\b")
_NOW_RE = _rx(r"\b(?:nu|thans|inmiddels|alsnog|voortaan)\b")
_OLD_PLAN_RE = _rx(
    r"\b(?:eerder|oorspronkelijk|aanvankelijk|zou|zouden|was\s+voorzien|was\s+gepland|"
    r"in\s+plaats\s+van|was\s+aangekondigd|gepland\s+stond)\b"
)

# Clause structure.
_SEG_BREAK_RE = _rx(
    r"[,;:()]|\s[–—-]\s|\b(?:maar|en|of|want|dus)\s+(?=(?:ik|wij|we|het\s+kabinet|de\s+regering|"
    r"zal|zullen|wordt|worden|is|zijn|heeft|hebben|kan|kunnen|ga|gaat|gaan)\b)"
)
# "waar" + a preposition is a relative adverb; "waarschijnlijk", "waarde", "waarborgen" are not.
_WAAR_REL = (
    r"waar(?:bij|mee|in|op|over|van|door|na|aan|toe|voor|uit|naar|om|binnen|tegen|onder|langs|achter|heen)?"
)
_SUBORD_RE = _rx(
    r"\b(?:die|dat|welke|wat|" + _WAAR_REL + r"|omdat|zodat|terwijl|hoewel|aangezien|doordat|opdat)\b"
)
_REL_START_RE = _rx(
    r"^\s*(?:die|dat|welke|wat|" + _WAAR_REL + r"|omdat|zodat|terwijl|hoewel|aangezien|doordat|opdat|waarna|"
    r"om|zoals|of|hoe|wie|zodra|wanneer|nadat|als|indien|mits|voordat|totdat|tenzij)\b"
)
_DEBATE_ITEMS_RE = _rx(r"\b(?:" + "|".join(deliverables.DEBATE_ITEMS) + r")\b")
_CLAUSE_DELIVERY_RE = _rx(r"\b(?:" + "|".join(_phrase(f) for f in verbs.CLAUSE_DELIVERY) + r")\b")
_TEMPORAL_SUB_RE = _rx(r"^(?:zodra|wanneer|nadat|na|voordat|totdat|tot)\b")
_EVENT_NOUN_RE = _rx(
    r"\b(?:deelname|\w*conferentie|top|topontmoeting|summit|bijeenkomst|vergadering|verkiezing(?:en)?|"
    r"\w*bezoek|zitting|sessie|onderhandelingen|ronde|debat|missie|operatie|evenement|"
    r"besprekingen|consultaties|\w*top|spelen)\s*$"
)
_TOPIC_PREP_RE = _rx(r"\b(?:over|aan|van|naar|tot|inzake|voor)\b")
_FOR_YEAR_RE = _rx(r"^voor\s+(?:het\s+jaar\s+)?\d{4}\b")
_WITH_VIEW_RE = _rx(r"\bmet\s+het\s+oog\s+op\s*$")
_EVENT_CLAUSE_RE = _rx(
    r"\b(?:wanneer|zodra|nadat|[Aa]ls)\b[^,;:()]{3,90}?(?:\b(?:is|zijn|heeft|hebben)\s+(?:\w+\s+){0,2}?)?"
    r"(?:afgerond|verschenen|gepubliceerd|vastgesteld|aangenomen|ontvangen|plaatsgevonden|"
    r"besproken|bekend|beschikbaar|uitgebracht|opgeleverd|gereed|genomen|ondertekend|"
    r"geratificeerd)\b(?:\s+(?:is|zijn|heeft|hebben)\b)?|\bna\s+(?:de\s+|het\s+)?(?:afronding|afloop|ontvangst|publicatie|verschijnen|"
    r"vaststelling|inwerkingtreding|ondertekening|ratificatie|besluitvorming|oplevering|"
    r"behandeling|bespreking|totstandkoming)\s+van\b[^,;:()]{3,80}?(?=\s*[,.;:()]|$)"
)
_PAST_WORD_RE = _rx(r"\b(?:jl|vorig\w*|afgelopen|geleden|destijds)\b")
_STATED_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")

_ANAPHOR_START_RE = _rx(
    # "Dit najaar …", "Deze week …" open with a time phrase, not an anaphor
    r"\s*(?:(?:dit|dat|deze|die)(?!\s+(?:najaar|voorjaar|zomer|winter|jaar|week|maand|kwartaal)\b)|"
    r"het\s+(?=(?:is|wordt|zal|gebeurt|verschijnt)\b)|hiervan|daarvan|"
    r"naar\s+verwachting|de\s+verwachting\s+is|"
    r"verwacht\s+wordt)\b"
)
_CONTENT_CONT_RE = _rx(
    r"\s*(?:(?:in|met)\s+(?:deze|die|dezelfde)\s+(?:\w+\s+)?(?:brief|nota|notitie|strategie|"
    r"rapportage|rapport|update|briefing)|daarin|hierin)\b"
)
_ADVERBIAL_START_RE = _rx(
    r"^\s*(?:daar|hier|hiertoe|daartoe|daarom|daarnaast|tevens|verder|ook|zo|dan|nu|voorts|bovendien|"
    r"tegelijkertijd|vervolgens|binnenkort|uiteraard|wel|echter|hierover|daarover|hiervoor|"
    r"daarvoor|hierop|daarop|aanvullend|graag|om\s+die\s+reden|zoals\s+\w+(?:\s+\w+)?|in|op|bij|over|"
    r"voor|na|met|via|tijdens|naar|uiterlijk|begin|eind|medio|later|dit|deze|volgend\w*|komend\w*|"
    r"rond|vanaf|per|aan|conform|overeenkomstig|indachtig|gelet|gezien|nog|eveneens|voortaan|allereerst|"
    r"eerst|daarna|straks|spoedig|eerstdaags|uiteindelijk|tenslotte|ten\s+slotte|"
    r"tot\s+slot|ten\s+(?:eerste|tweede|derde|vierde)|dus|zodoende|opnieuw|wederom|andermaal|jaarlijks|"
    r"halfjaarlijks|periodiek|tijdig|hierin|daarin)\b"
)
_SUBJ_AFTER_RE = re.compile(
    r"^\s*(?P<subj>(?i:ik|u|wij|we|er)|(?i:het|dit)(?:\s+(?i:huidige|demissionaire|nieuwe|volgende))?"
    r"\s+(?i:kabinet)|(?i:de)\s+(?:Nederlandse\s+)?(?i:regering)|(?:(?i:het)\s+)?(?i:ministerie)\s+van\s+"
    rf"{_NAMEPART}|(?:(?i:de)\s+)?(?i:minister-president|ministers?|staatssecretaris(?:sen)?|premier|bewindslieden)"
    rf"(?:\s+(?:van|voor)\s+{_NAMEPART}|\s+{_CAP})?|(?i:uw|de)\s+(?i:kamer)|Nederland|"
    r"(?i:het)\s+Koninkrijk|(?i:mijn)\s+ministerie)\b"
)
_FINITE_RE = _rx(
    r"\b(?:zal|zullen|zult|ga|gaat|gaan|ben|is|zijn|wordt|worden|ontvangt|informeer|informeert|"
    r"stuur|stuurt|zend|zendt|bied|biedt|kunt|verwacht|komt|heeft|hebben|doet|verschijnt|"
    r"rapporteert|presenteert|publiceert|stelt|levert|rondt|werkt|brengt|legt|organiseert|doe|"
    r"krijgt|hoort|bericht)\b"
)
_DOOR_RE = _rx(r"\bdoor\s+(?P<agent>(?:de|het)\s+[^,.;()]{2,80})")
_COMPLEMENT_RE = _rx(
    r"\s+(?P<c>(?:tot|aan|bij|met|over|naar|op|hoe|of|welke|wat)\s+[^,;:()?]{2,90}?)(?=\s*[,;:()?]|\.\s|\.$|$)"
)
_TOEZEG_WHAT_RE = _rx(
    r"(?:\b(?:zeg|zegt|zeggen)\b[^;?]{0,60}?\btoe\b|\btoezeggen\b|\btoe\s+te\s+zeggen\b)\s*,?\s*"
    r"(?:dat\s+)?(?P<what>[^;?]{3,200})"
)
# Where an informing topic ends: "en" before a further act ("… en een evaluatie sturen").
_NEXT_ACT_RE = _rx(r"\s+en\s+(?=(?:\S+\s+){0,6}?(?:sturen|toesturen|zenden|opstellen|uitwerken|presenteren|"
                   r"publiceren|afronden|opleveren|uitvoeren|evalueren|onderzoeken|laten|aanbieden|indienen)\b)")
_OVER_RE = _rx(r"\bover\s+(?P<t>[^,.;:()«»]{3,140})")
_TOPIC_END_RE = _rx(
    r"\s+(?:zal|zullen|wordt|worden|is|zijn|te|om|nader|uitvoeriger|verwacht|blijven|informe\w*|"
    r"ge[iï]nformeerd|bericht\w*|sturen|toesturen|en\s+(?:over|\w+\s+nader))\b"
)
_BACK_ON_RE = _rx(r"\bterug\s+op\s+(?P<t>[^,.;:()«»]{3,140})")
_HIER_RE = _rx(r"\b(?:hierover|daarover)\b")

# The trigger: a sentence is a candidate only when it holds one of these.
_TRIGGER_RE = _rx(
    r"\b(?:zal|zullen|zult|gaat|gaan|ga|bereid|zeg|zegt|zeggen|toezeg\w*|toegezegd|ontvangt|tegemoet\w*|"
    r"toekomen|toekomt|informeer\w*|ge[iï]nformeerd|stuur|stuurt|sturen|gestuurd|toegezonden|"
    r"gezonden|zend|zendt|zenden|verstuur|verstuurt|versturen|aangeboden|bied|biedt|hoogte|"
    r"rapporteren|rapporteert|rapporteer|gerapporteerd|verslag|voornemens|voornemen|streven|"
    r"streeft|verwacht|verwachten|verwachting|inzet\s+is|ge[eë]valueerd|evalueren|evalueert|"
    r"opgeleverd|gepubliceerd|gepresenteerd|afgerond|opgesteld|uitgewerkt|verschijnt|voorzien|"
    r"gepland|vertraagd|vertraging|uitgesteld|speling|verschoven|eerder|aangekondigd|aangegeven|"
    r"beschikking|beschikbaar|presenteert|publiceert|toekomt|tegemoetzien|streef|beoog|beoogt|beogen|"
    r"volgt|volgen|inzage|kom|komt|komen|terug|terugkom|terugkomt|terugkomen|doe|bericht|krijgt|hoort|beantwoorden|plaatsvinden|plaatshebben|"
    r"werk|bereikt|bereiken|neem|start|begint|beginnen|doen|doet|laat|hoop|hopen|"
    # present passives of delivering a product or measure: "Het wetsvoorstel wordt in maart ingediend."
    r"ingediend|vastgesteld|uitgevoerd|ingevoerd|ge[iï]mplementeerd|aangepast|verlengd|getroffen|"
    r"voorgelegd|uitgebracht|ontwikkeld|geactualiseerd|gestart|opgestart|ingesteld|toegestuurd|zegde|zegden|beantwoord|beantwoordt)\b"
)
_QUESTION_HEAD_RE = re.compile(
    r"^[ \t\xa0]*(?:\d{1,3}[.)]?[ \t\xa0]*)?Vraag\b[^\n]{0,40}$", re.M
)
_ANSWER_HEAD_RE = re.compile(
    r"^[ \t\xa0]*(?:\d{1,3}[.)]?[ \t\xa0]*)?Antwoord\b[^\n]{0,40}$", re.M
)


# A future modal inside a clause that names a moment or manner: "De datum waarop het rapport zal
# verschijnen, hangt af van …", "de wijze waarop dit zal worden uitgevoerd is …".
_WH_CLAUSE_BEFORE_RE = _rx(
    r"\b(?:datum|moment|tijdstip|termijn|wijze|manier|mate|vraag|snelheid|volgorde)\s+"
    r"(?:waarop|waarin|waarmee|wanneer|of|hoe)\b[^,;:()]{0,140}$"
)
# "X heeft (desgevraagd) toegelicht/laten weten dat …": someone reports; who is X?
_REPORTED_OTHER_RE = _rx(
    r"^\s*(?P<subj>[^,;:]{2,120}?)\s+(?:heeft|hebben)\s+(?:\w+\s+){0,3}?(?:toegelicht|laten\s+weten|"
    r"aangegeven|gemeld|meegedeeld|medegedeeld|bericht|verklaard|aangekondigd|geantwoord)\s+dat\b"
)
# The Kamer's own wish: "dan ontvangt de Kamer graag een prognose", "De commissie ziet graag tegemoet".
_WISH_RE = _rx(r"\bgraag\b")

