"""Commitment (toezegging) detection in Dutch government texts.

Implements ``shared/spec/commitments.md`` and the sections "Which phrase is
the deadline" and "Revisions" of ``shared/spec/deadlines.md``.

Public API
----------
``find_commitments(text, *, reference_date, calendar=None,
default_actor="het kabinet", spans=None) -> list[Commitment]``

``KINDS`` and ``CERTAINTIES`` are the closed vocabularies of
``Commitment.kind`` and ``Commitment.certainty``. Records come back in text
order; ``page`` is None (the pipeline fills it), ``motions``/``question`` are
left to the pipeline (it links them by span overlap with ``start``/``end``).

How it works
------------
1. A precompiled *trigger* regex, run on the lower-cased text, finds the few
   sentences that can hold a promise (future auxiliaries, ``bereid``,
   ``toezeggen``, informing and delivery verbs, revision words). Only the
   paragraphs with a hit are split into sentences
   (:mod:`tracker.extraction.sentences`) and only the hit sentences are
   analysed; ``find_deadlines`` runs on a sentence only once it has an
   undertaking and an act.
2. A sentence is a commitment when an *undertaking* is tied, in the same
   clause segment, to an *act*. Undertakings: ``zal``/``zullen`` or ``gaan``
   + act; ``bereid``; ``zeg … toe``/``toezeggen``; ``komt … tegemoet door
   …``; a restated promise (``heeft toegezegd/aangekondigd … te …``,
   ``heeft aangegeven … te zullen …``, ``het voornemen om … te``); an
   intention (``naar verwachting``, ``het streven is``, ``streef ernaar``,
   ``voornemens``, ``beoog``, ``de inzet is``, ``is voorzien``); ``verwacht
   … te informeren``; the present passive ``Uw Kamer wordt … geïnformeerd``
   and ``De evaluatie wordt ter beschikking gesteld aan …``; the promise
   formulas ``Ik houd u op de hoogte``, ``Ik kom hierop terug``, ``informeer
   ik u nader``; and any present-tense act with a future time phrase (``Uw
   Kamer ontvangt in juni …``, ``Er komt voor de zomer een evaluatie``,
   ``Een reactie volgt in het najaar``). List items after a lead sentence
   ending in a colon (``Het kabinet zal:``, ``Ik zeg het volgende toe:``)
   take the lead's undertaking and actor. Acts: informing the Kamer or
   sending it something; delivering a named product (including separable
   verbs: ``op te stellen``, ``stelt … op``, and light verbs with a product:
   ``komt met een reactie``, ``een inventarisatie maken``); carrying out a
   motion; an investigation or evaluation (a product by itself); or a
   concrete action. The subject must be the government (``ik``/``wij`` →
   ``default_actor``; ``het kabinet``; ``de regering``; a ministry; a
   minister or state secretary, also as passive agent ``door de minister
   van …``; ``Nederland``), or the act is passive (``De Kamer wordt
   geïnformeerd``, ``Deze strategie zal … worden afgerond``).
3. Not commitments: questions (``?``; the question spans when ``spans`` is
   given; without ``spans`` the text between a ``Vraag`` and the next
   ``Antwoord`` heading, and paragraphs by Kamer members); lasting policy
   (``blijven`` + act unless it is ``blijven informeren``; ``zich inzetten``,
   ``pleiten``, ``steunen``, ``monitoren`` are no acts); past acts and facts
   (no undertaking; a present tense with a past time phrase or a perfect
   auxiliary); habits (``doorgaans``, ``in de regel``); negated acts (``zal
   niet``, ``geen``, ``niet bereid``, ``kan niet toezeggen``); obligations
   (``zal … moeten``); open outcomes (``het zal afhangen van``,
   ``onduidelijk``); hypotheticals (``zou … kunnen``); plans of others
   (``Frankrijk``, ``de EU``, ``de AIV``, ``dat de Commissie …
   presenteert``, ``het rapport van de Rekenkamer``); letters that perform
   the act now (``Via deze brief informeer ik …``, ``Hierbij bied ik u …
   aan``); and a restated promise that this letter fulfils (``… heb ik
   toegezegd … Met deze brief kom ik die toezegging na.``).

Kinds (``KINDS``)
-----------------
``informeren``
    inform the Kamer or send it a letter, information, a briefing, a report
    on progress; every ``informeren``/``op de hoogte houden``/``berichten``/
    ``terugkomen op`` promise, whatever the channel.
``product``
    deliver a named product — strategie, nota, notitie, onderzoek, evaluatie,
    plan, wetsvoorstel, kabinetsreactie, reactie, rapportage, verkenning,
    Staat van … — also when it is sent to the Kamer (``Uw Kamer ontvangt …
    een hoofdlijnennotitie``); an announced investigation or evaluation
    (``zal onderzoeken of …``, ``wordt in 2027 geëvalueerd``).
``motie``
    carry out (the rest of) a motion.
``toezegging``
    an explicit undertaking: ``Ik zeg toe``, ``Ik ben bereid``, ``heeft
    toegezegd … te …``, ``komt … tegemoet door …``.
``actie``
    a concrete action without a product for the Kamer (raise a subject at a
    meeting, organise a conference, join a treaty, take a decision, submit
    payment requests); always ``borderline``.

Deliverables are short: the product noun phrase (``hoofdlijnennotitie over
de Europawet``, ``Internationale Klimaatstrategie``), ``informatie aan de
Kamer over <topic>``, ``uitvoering motie <naam>``, ``evaluatie <object>``,
``onderzoek <of/hoe …>``, or the act's verb phrase. One sentence with
several products, or with acts joined by ``en`` under one auxiliary (``zal …
informeren over X en een evaluatie sturen``), is one record listing each.

Certainty and confidence
------------------------
``clear`` unless the promise is an intention or expectation (``naar
verwachting``, ``het streven is``, ``voornemens``, ``de inzet is``, ``is
voorzien``, ``beoog``, ``zal … kunnen``, ``waar mogelijk``, ``zich
inspannen``), conditional (``indien``, ``mocht``), goes to someone other
than the Kamer (``ter beschikking gesteld aan de commissie``, ``partners
worden geïnformeerd``), only adds content to a product announced elsewhere
(``Deze inzet zal in de nieuwe nota worden uitgewerkt``), is recurring
reporting in the present without a date (``informeer ik uw Kamer
jaarlijks``), or is an ``actie``: then ``borderline``. ``confidence``
follows the same features: clear with a dated deadline 0.89–0.95 (0.95 for
a product, motion or Kamer promise in the future tense), clear with an event
or vague deadline 0.84–0.90, clear without deadline 0.77–0.83, borderline
0.45–0.63 (higher with a product and a deadline).

Which phrase is the deadline
----------------------------
Every time phrase of the sentence (``find_deadlines``) is a candidate.
Dropped are phrases that are already past on the reference date (or say
``jl.``/``vorig``/``afgelopen``); phrases before ``heeft toegezegd`` in a
restated promise (they date the promise, ``Op 10 september heeft het
kabinet toegezegd …``); phrases in brackets or in a relative/subordinate
clause (``die``, ``dat``, ``waar…``, ``omdat`` …) that does not hold the
promised act (``de conferentie die dit najaar plaatsvindt``); a time phrase
right after an event noun that is the topic of the act (``besluiten over
deelname dit najaar``, ``van de toetsingsconferentie in 2022``); ``voor
<jaar>`` (budget language for "for that year"); and phrases after ``met het
oog op``. Of the rest, the one nearest to the promised act (its verb, else
the auxiliary) governs; an undated meeting followed by its date (``bij de
Raad … in maart``) takes the date. Without any, a temporal clause that
governs the act becomes an undated event (``wanneer de verkenning is
afgerond``, ``na ratificatie van het akkoord``). If still none and the next
sentence continues the promise anaphorically with a time phrase (``Dit doet
het kabinet zo snel mogelijk.``, ``Naar verwachting is dit afgerond in het
derde kwartaal.``), that phrase governs and the record spans both sentences;
such an anaphoric sentence with no product of its own takes the product from
the sentence before and spans it (``Momenteel wordt de Amerikastrategie
opgesteld. Naar verwachting is deze in het derde kwartaal afgerond.``). A
sentence that dates a product anaphorically (``Deze cyberstrategie zal in
Q2/Q3 worden afgerond.``) right after the sentence announcing it without a
date is merged into that record, and so is a sentence that only adds content
to the promised letter (``In deze brief zal ook …``).

Revisions
---------
A statement that an earlier promise moves becomes a Commitment whose
``revision`` is set (its being non-None is the marker: the record revises, it
does not create). It is recognised by an earlier announcement (``Eerder is
(aan) uw Kamer gemeld/medegedeeld/toegezegd dat … zou …``, ``oorspronkelijk
… was voorzien``, ``anders dan eerder gemeld``) together with a slip signal
in the same or the next sentence (``speling``, ``vertraagd``, ``later``,
``uitgesteld``, ``verschoven``, ``meer tijd``, ``tijdpad``, ``niet in juni
maar in september``, or a new date with ``nu``/``thans``/``inmiddels``), or
by a slip word about a named product with a future date or form (``De nota
is vertraagd en verschijnt nu in het derde kwartaal``, ``wordt uitgesteld
tot …``). ``revision.previous`` is the time phrase of the old plan (in the
clause with ``eerder``, ``oorspronkelijk``, ``zou``, ``was voorzien``, ``in
plaats van``, ``niet in …``), resolved; the Commitment's ``deadline`` is the
new phrase, or None when no new date is given. When the slip is in the next
sentence the record and ``revision.text`` span both. An anaphoric subject
(``deze``) takes its deliverable from the product named in the preceding
sentences. An ``eerder … zou …`` sentence without any slip signal is a
restated promise: a normal record with the stated date as deadline.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.lexicon import actors, deliverables, verbs
from tracker.extraction.sentences import block_spans, split_sentences
from tracker.extraction.turns import GOVERNMENT, MEMBER, Turn
from tracker.extraction.types import Commitment, Deadline, Revision

__all__ = ["CERTAINTIES", "KINDS", "Rejection", "explain", "find_commitments"]

KINDS = ("informeren", "product", "motie", "toezegging", "actie")
CERTAINTIES = ("clear", "borderline")

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
        pattern = "(?<!\\w)" + pattern[2:]
    return re.compile(pattern)


# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

_CAP = r"[A-Z][\w'’-]*"
_NAMEPART = rf"{_CAP}(?:(?:\s+(?:en|van|voor|de|het))?\s+{_CAP})*"
# Government actors; capitals matter for the names of ministries/ministers.
_GOV_ACTOR_RE = re.compile(
    r"(?P<actor>"
    r"\b(?:[Hh]et|[Dd]it)(?:\s+(?:huidige|demissionaire|nieuwe|volgende))?\s+[Kk]abinet\b"
    r"|\b[Dd]e\s+(?:Nederlandse\s+)?[Rr]egering\b"
    rf"|\b(?:[Hh]et\s+)?[Mm]inisterie\s+van\s+{_NAMEPART}"
    r"|\b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Pp]remier)\b"
    rf"(?:\s+(?:van|voor)\s+{_NAMEPART}|\s+{_NAMEPART})?"
    r"|\b(?:[Mm]ijn|[Oo]ns|[Hh]et)\s+ministerie\b"
    r"|\b[Ii]k\b|\b[Ww]ij\b|\b[Ww]e\b"
    r"|\bNederland\b(?!se)|\b[Hh]et\s+Koninkrijk(?:\s+der\s+Nederlanden)?\b"
    r")"
)
_FIRST_PERSON_RE = _rx(r"^(?:ik|wij|we|mijn ministerie|ons ministerie)$")
_KAMER_RE = re.compile(
    r"\b(?:[Uu]w|[Dd]e|[Dd]er|Tweede|Eerste)\s+Kamer\b|\bKamerleden\b|\b[Uu]\b|\bparlement\b"
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
# A paragraph written by Kamer members (verslag of a schriftelijk overleg).
_MEMBER_START_RE = re.compile(
    r"\s*(?:[Dd]e|[Dd]eze)\s+(?:[\w-]+\s+)?(?:leden|[\w-]*fractieleden)\b|\s*Vragen\s+en\s+opmerkingen\b"
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
    "laten uitvoeren"
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
    r"\b(?:zeg|zegt|zeggen)\b[^;?]{0,120}?\btoe\b|\btoe\s+te\s+zeggen\b|\btoezeggen\b|"
    r"\btoezegging\s+(?:doe|doen)\b"
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
    r"\b(?:ik|wij|we|het\s+kabinet|de\s+regering)\s+verwacht(?:en)?\b[^;?]{0,160}?\bte\s+\w+"
)
_INTENT_RE = _rx(
    r"\bnaar\s+verwachting\b|\bde\s+verwachting\s+is\b|\bverwacht\s+wordt\b|\bhet\s+streven\s+is\b|"
    r"\bstreeft\b|\bstreven\b|\bstreef\b|\bvoornemens\b|\bhet\s+voornemen\b|\bde\s+inzet\s+is\b|"
    r"\bbeoog\w*\b|\bis\s+(?:\w+\s+)?voorzien\b|\bstaat\s+gepland\b|\bis\s+gepland\b|"
    r"\balles\s+in\s+het\s+werk\b"
)
_QUALIFIER_RE = _rx(
    r"\b(?:zal|zullen)\s+(?:\w+\s+){0,6}?kunnen\b|\bindien\s+mogelijk\b|\bwaar\s+mogelijk\b|"
    r"\bin\s+principe\b|\bwaarschijnlijk\b|\bwil(?:len)?\b|\bmogelijkerwijs\b|\binspann\w*|"
    r"\bspannen\b[^;]{0,40}\bin\b"
)
_COND_RE = _rx(
    r"\b(?:indien|mocht(?:en)?|tenzij|ingeval)\b|\bin\s+het\s+geval\s+dat\b|^\s*als\b|,\s*als\b"
)
_UNCERTAIN_RE = _rx(
    r"\bniet\s+duidelijk\b|\bonduidelijk\b|\b(?:zal|zullen)\s+afhangen\b|\bhangt\s+(?:\w+\s+)?af\s+"
    r"van\b|\bnog\s+geen\s+besluit\b|\bis\s+aan\s+\w+\s+om\b"
)
_OBLIGATION_RE = _rx(r"\b(?:moet|moeten|dient|dienen)\b")
_BLIJVEN_RE = _rx(r"\bblijv\w*|\bblijft\b")
_NEG_BEFORE_RE = re.compile(r"\b(?:niet|geen|nooit)\b")
_NEG_RE = _rx(r"\b(?:niet|geen|nooit|noch)\b")
_NEG_OK_RE = _rx(
    r"\bniet\s+(?:alleen|later\s+dan|eerder\s+dan|langer\s+dan|meer\s+dan|zonder)\b|"
    r"\bgeen\s+(?:\w+\s+)?(?:later|eerder)\b"
)
_PERFORMATIVE_RE = _rx(
    r"\b(?:via|met|in|bij)\s+deze\s+(?:brief|nota|notitie|beantwoording)\b|\bhierbij\b|\bbijgaand\b|"
    r"\bhiermee\b|\bin\s+het\s+onderstaande\b|\bdeze\s+(?:brief|nota|notitie)\s+wordt\b|\bmede\s+namens\b"
)
_THIS_LETTER_RE = _rx(r"\b(?:via|met|bij)\s+deze\s+(?:brief|nota|notitie)\b|\bhierbij\b|\bhiermee\b")
# The letter fulfils the promise just restated: "Met deze brief kom ik die toezegging na."
_FULFIL_RE = _rx(
    r"\b(?:met|via|in|bij)\s+deze\s+(?:brief|nota|notitie)\b|\bhierbij\b|\bhiermee\b|\bbij\s+dezen\b"
)
_PAST_AUX_RE = _rx(r"\b(?:heeft|hebben|had|hadden|was|waren|werd|werden|is|zijn|ben)\b")
_PRESENT_ACT_RE = _rx(
    r"^(?:informeer|informeert|stuur|stuurt|zend|zendt|bied|biedt|ontvangt|ontvangen|verschijnt|"
    r"rapporteer|rapporteert|verstuur|verstuurt|publiceer|publiceert|presenteer|presenteert|stel|"
    r"stelt|rond|rondt|lever|levert|breng|brengt|evalueer|evalueert|leg|legt|meld|meldt|"
    r"organiseer|organiseert|deelneemt|toetreedt|bespreekt|tegemoetzien|tegemoet\s*zien|verwachten|"
    r"tegemoet\s+kunt\s+zien|toekomt|deel|deelt|geef|geeft|komt|kom|komen|volgt|volgen|maak|maakt|"
    r"bericht|krijgt|hoort|beantwoord|beantwoordt|plaatsvindt|plaatsheeft)$"
)
# Present tense describing a habit, not a promise ("ontvangt doorgaans in september").
# Recurring reporting in the present tense ("informeer ik uw Kamer jaarlijks").
_RECURRING_RE = re.compile(
    r"\b(?:jaarlijks|halfjaarlijks|tweejaarlijks|periodiek|maandelijks|elk\s+(?:jaar|kwartaal)|"
    r"ieder\s+(?:jaar|kwartaal)|per\s+kwartaal)\b"
)
# "Ik houd uw Kamer op de hoogte", "Ik kom hierop terug", "informeer ik u nader".
_FORMULA_RE = re.compile(
    r"\b(?:houd|houdt|(?<=wij )houden|(?<=we )houden)\b[^;:]{0,60}?\bop\s+de\s+hoogte\b|"
    r"\bop\s+de\s+hoogte\s+(?:houd|houdt)\b|"
    r"\b(?:kom|komt)\b[^;:]{0,80}?\b(?:hier|daar|er)?op\s+terug\b|"
    r"\b(?:kom|komt)\s+(?:ik|wij|we|het\s+kabinet)?\s*(?:[^;:,.]{0,60}?\s)?terug\s+op\b|"
    r"\b(?:hier|daar)op\s+(?:kom|komt)\b[^;:]{0,60}?\bterug\b|"
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
    r"zodra|nadat|na\s+afloop|na\s+afronding|wanneer|komende|aanstaande|volgend\w*|"
    r"Miljoenennota|HGIS-nota|jaarverslag|Verantwoordingsdag)\b"
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
_SUBORD_RE = _rx(
    r"\b(?:die|dat|welke|wat|waar\w*|omdat|zodat|terwijl|hoewel|aangezien|doordat|opdat|"
    r"waarbij|waarmee|waarin|waarop|waarover|waarvan|waardoor|waarna)\b"
)
_REL_START_RE = _rx(
    r"^\s*(?:die|dat|welke|wat|waar\w*|omdat|zodat|terwijl|hoewel|aangezien|doordat|opdat|waarna|"
    r"om|zoals|of|hoe|wie|zodra|wanneer|nadat|als|indien|mits|voordat|totdat|tenzij)\b"
)
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
    r"\b(?:wanneer|zodra|nadat)\b[^,;:()]{3,90}?(?:\b(?:is|zijn|heeft|hebben)\s+(?:\w+\s+){0,2}?)?"
    r"(?:afgerond|verschenen|gepubliceerd|vastgesteld|aangenomen|ontvangen|plaatsgevonden|"
    r"besproken|bekend|beschikbaar|uitgebracht|opgeleverd|gereed|genomen|ondertekend|"
    r"geratificeerd)\b(?:\s+(?:is|zijn|heeft|hebben)\b)?|\bna\s+(?:de\s+|het\s+)?(?:afronding|afloop|ontvangst|publicatie|verschijnen|"
    r"vaststelling|inwerkingtreding|ondertekening|ratificatie|besluitvorming|oplevering|"
    r"behandeling|bespreking|totstandkoming)\s+van\b[^,;:()]{3,80}?(?=\s*[,.;:()]|$)"
)
_PAST_WORD_RE = _rx(r"\b(?:jl|vorig\w*|afgelopen|geleden|destijds)\b")
_STATED_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")

_ANAPHOR_START_RE = _rx(
    r"\s*(?:dit|dat|deze|die|het\s+(?=(?:is|wordt|zal|gebeurt|verschijnt)\b)|hiervan|daarvan|"
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
    r"rond|vanaf|per|aan|conform|overeenkomstig|indachtig|gelet|gezien|nog|eveneens)\b"
)
_SUBJ_AFTER_RE = re.compile(
    r"^\s*(?P<subj>(?i:ik|u|wij|we|er)|(?i:het|dit)(?:\s+(?i:huidige|demissionaire|nieuwe|volgende))?"
    r"\s+(?i:kabinet)|(?i:de)\s+(?:Nederlandse\s+)?(?i:regering)|(?:(?i:het)\s+)?(?i:ministerie)\s+van\s+"
    rf"{_NAMEPART}|(?:(?i:de)\s+)?(?i:minister-president|minister|staatssecretaris|premier)"
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
    r"volgt|volgen|inzage|komt|komen|terug|bericht|krijgt|hoort|beantwoorden|plaatsvinden|plaatshebben|"
    r"werk)\b"
)
_QUESTION_HEAD_RE = re.compile(
    r"^[ \t\xa0]*(?:\d{1,3}[.)]?[ \t\xa0]*)?Vraag\b[^\n]{0,40}$", re.M
)
_ANSWER_HEAD_RE = re.compile(
    r"^[ \t\xa0]*(?:\d{1,3}[.)]?[ \t\xa0]*)?Antwoord\b[^\n]{0,40}$", re.M
)

# Lower-case twins of the regexes on the hot path (applied to ``text.lower()``).
_L_TRIGGER = _lc(_TRIGGER_RE)
# Act verbs: single words are looked up in a table (fast); the multi-word
# forms ("op de hoogte houden", "invulling geven", "ter beschikking stellen")
# come from one regex of the phrase alternatives.
_ACT_FAMILIES = (("motion", _MOTION_ACT_RE), ("inform", _INFORM_TRUE_RE), ("send", _INFORM_SEND_RE),
                 ("product", _PRODUCT_VERB_RE), ("action", _ACTION_RE))


def _expand(pattern: str) -> tuple[list[str], list[str]]:
    """Split a ``\\b(?:a|b|…)\\b`` word alternation into plain words (with
    ``[iï]`` classes and ``(?:toe)?`` prefixes expanded) and phrase patterns."""
    body = pattern.lower()
    body = body[body.index("(?:") + 3:body.rindex(")")]
    alts: list[str] = []
    depth = 0
    cur = ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
    alts.append(cur)
    words: list[str] = []
    phrases: list[str] = []
    for alt in alts:
        variants = [alt]
        m = re.fullmatch(r"\(\?:([^()]+)\)\?(\w+)", alt)
        if m and re.fullmatch(r"\w+", m.group(1)):
            variants = [m.group(1) + m.group(2), m.group(2)]
        elif m:  # "(?:laten\s+)?uitvoeren": the bare verb is a word, the rest a phrase
            words.append(m.group(2))
            phrases.append(alt)
            continue
        out: list[str] = []
        for v in variants:
            cls = re.search(r"\[(\w+)\]", v)
            out.extend(v[:cls.start()] + c + v[cls.end():] for c in cls.group(1)) if cls else out.append(v)
        if all(re.fullmatch(r"\w+", v) for v in out):
            words.extend(out)
        else:
            phrases.append(alt)
    return words, phrases


def _act_tables() -> tuple[
    dict[str, tuple[str, ...]], re.Pattern[str], list[tuple[str, re.Pattern[str]]]
]:
    table: dict[str, tuple[str, ...]] = {}
    all_phrases: list[str] = []
    families: list[tuple[str, re.Pattern[str]]] = []
    for family, rx in _ACT_FAMILIES:
        words, phrases = _expand(rx.pattern)
        for w in words:
            table[w] = (*table.get(w, ()), family)
        if phrases:
            all_phrases.extend(phrases)
            families.append((family, re.compile("(?:" + "|".join(phrases) + ")")))
    return table, re.compile(r"(?<!\w)(?:" + "|".join(all_phrases) + r")\b"), families


_ACT_WORDS, _L_ACT_PHRASES, _PHRASE_FAMILIES = _act_tables()
_ACT_KEYS = frozenset(_ACT_WORDS)
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(".,;:!?()[]{}«»\"'“”‘’/–—-…*•0123456789", " "))


def _word_positions(low: str, word: str) -> list[int]:
    """Start offsets of ``word`` as a whole word in ``low``."""
    out = []
    i = low.find(word)
    n = len(word)
    while i >= 0:
        if (i == 0 or not low[i - 1].isalnum()) and (i + n == len(low) or not low[i + n].isalnum()):
            out.append(i)
        i = low.find(word, i + 1)
    return out
_RESTATED_HINT_RE = re.compile(r"toegezegd|aangekondigd|aangegeven|beloofd|voornemen")
_UNCERTAIN_HINT_RE = re.compile(r"duidelijk|afhang|hangt|besluit|is aan ")
_REVISION_HINT_RE = re.compile(
    r"maar in|maar voor|maar na|anders dan|eerder|oorspronkelijk|aanvankelijk|destijds|vertra|later|uitgesteld|verscho|verschuift|schuift|"
    r"speling|meer tijd|haalbaar|gehaald|plaats van"
)
# "Uw Kamer ontvangt …", "ontvangt u …", "Daar krijgt u een brief over", "U hoort dat in mei".
_KAMER_RECEIVES_RE = re.compile(
    r"(?:\b(?:uw|de)\s+kamer|(?<!\w)u)\s+(?:ontvangt|krijgt|hoort)\b"
    r"|\b(?:ontvangt|krijgt|hoort)\s+(?:\w+\s+){0,2}?(?:u|uw\s+kamer|de\s+kamer)\b"
)
_I_REPORT_RE = re.compile(r"\b(?:ik|wij|we)\s+bericht(?:en)?\b|\bbericht(?:en)?\s+(?:ik|wij|we)\b")
# First-person effort promises that bind: "Ik streef ernaar de vragen … te beantwoorden".
_OWN_EFFORT_RE = re.compile(
    r"\b(?:ik|wij|we)\s+(?:stre(?:ef|ven)\s+ernaar|zet(?:ten)?\s+alles\s+in\s+het\s+werk)\b"
    r"|\bstre(?:ef|ven)\s+(?:ik|wij|we)\s+ernaar\b"
)
_WITH_KAMER_LOW_RE = re.compile(r"\bmet\s+(?:uw|de)\s+kamer\b|\bmet\s+u\b")
_YOU_CAN_RE = re.compile(r"\b(?:kunt|kan|mag)\s+u\b|\bu\s+(?:kunt|kan|mag)\b")
_PHRASE_HINT_RE = re.compile(
    r"hoogte|invulling|uitvoering|opvolging|verslag|tegemoet|inzicht|beschik|aandacht|steun|"
    r"overleg|contact|initiatief|voor te|laten|doen|onderzoek |besluit|inzage"
)
# Separable verbs as te-infinitive: "op te stellen", "af te ronden", "toe te zenden".
_SEP_TE_RE = re.compile(
    r"(?<!\w)(op|af|uit|toe|aan|voor|in|vast|door|bij|over|terug|mee|na|ter\s+beschikking)\s+te\s+(\w+)"
)
_LOW_WORD_RE = re.compile(r"[^\W\d_]+")
# Product nouns are found by their ending (much cheaper than a leading [\w-]*).
_L_PRODUCT_END = re.compile(_PRODUCT_HEAD.lower().replace("[\\w-]*", "", 1) + r"\b")
_L_FUT = _lc(_FUT_RE)
_L_GAAN = _lc(_GAAN_RE)
_L_BEREID = _lc(_BEREID_RE)
_L_TOEZEG = _lc(_TOEZEG_RE)
_L_TEGEMOET = _lc(_TEGEMOET_RE)
_L_EXPECT = _lc(_EXPECT_RE)
_L_RESTATED = _lc(_RESTATED_RE)
_L_KAMER_PASSIVE = _lc(_KAMER_PASSIVE_RE)
_L_INTENT = _lc(_INTENT_RE)
_L_EARLIER = _lc(_EARLIER_RE)
_L_SLIP_WORD = _lc(_SLIP_WORD_RE)
_L_UNCERTAIN = _lc(_UNCERTAIN_RE)

_WS_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[\w'’-]+")
_DETERMINERS = _words(
    "een de het deze dit die dat zijn haar hun onze ons mijn uw nieuwe nieuw hernieuwde gerichte "
    "overkoepelende aparte nadere volgende eerste tweede derde uitgebreide"
)
_STOP_LEFT = _words(
    "een de het deze dit die dat en of van voor in op met aan over naar bij door te om als zal "
    "zullen wordt worden is zijn u uw kamer ik wij we er ook nog tot"
)
_STOP_RIGHT = _words(
    "die dat waarin waarmee waarover waarbij en om te zal zullen wordt worden is zijn kan "
    "kunnen moet ontvangt ontvangen informeren toekomen sturen opleveren opstellen afronden "
    "volgt volgen verschijnt verschijnen komt komen gaat wil kan toe af laten uitvoeren presenteren "
    "publiceren opleveren uitwerken evalueren indienen aanbieden toezenden versturen "
    "in voor bij uiterlijk"
)
# Words after "dat"/"die" that show a clause, not a noun ("uit dat de Commissie …").
_CLAUSE_STARTERS = _words("de het een er ik wij we u zij hij dit deze die dat nog ook niet al zo men")
_PREV_WORD_RE = re.compile(r"([\w'’-]+)[^\w]*$")
_PREPOSITIONS = _words(
    "om in op met voor van bij door na tot aan over naar uit onder tegen vanwege volgens "
    "zonder tijdens sinds via"
)
_TAIL_WORDS = _words(
    "de het een van en of over voor in op met aan te om die dat naar bij door als hoe rond tot "
    "tegen tussen binnen onder na sinds zonder"
)


# --------------------------------------------------------------------------
# Deadlines (tracker.extraction.deadlines)
# --------------------------------------------------------------------------

_DeadlineFinder = Callable[..., list[Deadline]]


# --------------------------------------------------------------------------
# Working records
# --------------------------------------------------------------------------


class Rejection(StrEnum):
    """Why a candidate sentence is not a promise (``explain`` returns it)."""

    QUESTION = "question"  # a question, including "Kunt u toezeggen …?"
    MEMBERS_TEXT = "members_text"  # written by Kamer members ("De leden van de …-fractie")
    OPEN_OUTCOME = "open_outcome"  # "het zal afhangen van", "onduidelijk"
    NO_ACT = "no_act"  # nothing checkable is done
    NO_UNDERTAKING = "no_undertaking"  # an act, but nobody undertakes it
    PERFORMED_NOW = "performed_now"  # "Hierbij informeer ik u": done by this very letter
    REPORTED_QUESTION = "reported_question"  # "De heer X vroeg of ik bereid ben …"
    CONDITIONAL = "conditional"  # "Mocht de Kamer dat wensen, dan …"
    NEGATED = "negated"  # "zal niet", "niet bereid"
    OBLIGATION = "obligation"  # "zal … moeten": a duty, not an undertaking
    LASTING_POLICY = "lasting_policy"  # "Nederland blijft zich inzetten voor …"
    OTHER_ACTOR = "other_actor"  # what someone other than the government plans
    NO_TIME = "no_time"  # a present tense without a future time phrase: a description
    PAST_ACT = "past_act"  # "heeft … gestuurd"
    HABITUAL = "habitual"  # "ontvangt doorgaans in september"
    VAGUE_INTENT = "vague_intent"  # an intended action with no date


class _NP(NamedTuple):
    """A product noun phrase: offsets in the sentence, its text, its head noun."""

    start: int
    end: int
    text: str
    head: str


@dataclass(slots=True)
class _Act:
    kind: str  # inform / product / motion / action / pseudo
    start: int  # offsets relative to the sentence
    end: int
    word: str


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    certainty: str
    confidence: float
    actor: str
    deliverables: list[str]
    deadline: Deadline | None
    act_pos: int
    revision: Revision | None = None
    anaphoric: bool = False
    hedged: bool = False
    slip_pending: bool = False
    marker: str = ""


@dataclass(slots=True)
class _Ctx:
    text: str
    reference_date: date | None
    calendar: object
    default_actor: str
    finder: _DeadlineFinder | None
    lower: str | None = None
    cache: dict[tuple[int, int], list[Deadline]] = field(default_factory=dict)
    rejection: Rejection | None = None

    def reject(self, reason: Rejection) -> None:
        """Note why the sentence under analysis is no promise."""
        self.rejection = reason

    def deadlines(self, start: int, end: int) -> list[Deadline]:
        """Time phrases of ``text[start:end]``, offsets into the full text."""
        key = (start, end)
        got = self.cache.get(key)
        if got is None:
            got = []
            if self.finder is not None:
                ref = self.reference_date or date.today()
                got = [
                    d.shifted(start)
                    for d in self.finder(self.text[start:end], ref, self.calendar)
                    if d.start is not None and d.end is not None
                ]
            self.cache[key] = got
        return got

    def is_past(self, d: Deadline) -> bool:
        if _PAST_WORD_RE.search(d.text):
            return True
        if self.reference_date is None or d.due is None:
            return False
        return d.due < self.reference_date


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def find_commitments(
    text: str,
    *,
    reference_date: date | None,
    calendar: object = None,
    default_actor: str = "het kabinet",
    spans: Sequence[tuple[int, int]] | None = None,
    turns: Sequence[Turn] | None = None,
) -> list[Commitment]:
    """Find the commitments in ``text`` (see the module documentation).

    ``spans`` restricts detection to those ranges (the answers of a list of
    questions); without it the whole text is read, minus question blocks.
    ``reference_date`` resolves relative time phrases; when None, phrases
    are resolved against today and no phrase is dropped as past by date.
    """
    lower = text.lower()
    ctx = _Ctx(
        text, reference_date, calendar, default_actor, find_deadlines,
        lower if len(lower) == len(text) else None,
    )
    speakers = _Speakers(text, turns, default_actor) if turns else None
    regions = speakers.regions(spans) if speakers else _regions(text, spans)
    found: list[_Found] = []
    items_done = -1
    for s, e, sents, pos in _candidate_sentences(text, ctx.lower, regions):
        if s < items_done:
            continue
        hit = None
        if speakers is not None:
            ctx.default_actor = speakers.actor_at(s)
            hit = _answer_promise(ctx, s, e, speakers.question_before(s))
        hit = hit or _analyse(ctx, s, e)
        if hit is None:
            # "Het kabinet zal de komende maanden:" followed by list items.
            items = _list_items(ctx, s, e, sents, pos)
            if items:
                found.extend(items)
                items_done = items[-1].end
            continue
        hit.anaphoric = bool(_ANAPHOR_START_RE.match(text, s) or _CONTENT_CONT_RE.match(text, s))
        _attach_neighbours(ctx, hit, sents, pos)
        if hit.kind:
            found.append(hit)
    return [_to_commitment(text, f) for f in _merge(ctx, found)]


def explain(sentence: str, *, reference_date: date | None = None) -> Rejection | None:
    """Why ``sentence`` is no promise, or None when it is one (for reviewers
    and tests: the named reason of each rejection)."""
    ctx = _Ctx(sentence, reference_date, None, "het kabinet", find_deadlines, sentence.lower())
    if len(ctx.lower or "") != len(sentence):
        ctx.lower = None
    if not _L_TRIGGER.search(sentence.lower()):
        return Rejection.NO_UNDERTAKING
    hit = _analyse(ctx, 0, len(sentence.rstrip()))
    return None if hit is not None else ctx.rejection or Rejection.NO_UNDERTAKING


# --------------------------------------------------------------------------
# Debate transcripts
# --------------------------------------------------------------------------


class _Speakers:
    """Who speaks where in a transcript: only government turns are read, and
    "ik" is the speaker; text before the first label is read as a letter."""

    def __init__(self, text: str, turns: Sequence[Turn], default_actor: str) -> None:
        self.text = text
        self.turns = list(turns)
        self.starts = [t.start for t in self.turns]
        self.default_actor = default_actor

    def regions(self, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
        first = self.turns[0].label_start
        out = _regions(self.text[:first], spans) if first > 0 else []
        out += [(t.start, t.end) for t in self.turns if t.role == GOVERNMENT and t.end > t.start]
        return out

    def _index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def actor_at(self, pos: int) -> str:
        i = self._index(pos)
        return self.turns[i].actor if i >= 0 else self.default_actor

    def question_before(self, pos: int) -> tuple[int, int] | None:
        """The member turn just before the government turn holding ``pos``
        (when ``pos`` opens that turn: a bare yes answers what was just asked)."""
        i = self._index(pos)
        if i <= 0 or self.turns[i - 1].role != MEMBER or pos - self.turns[i].start > _ANSWER_REACH:
            return None
        prev = self.turns[i - 1]
        return prev.start, prev.end


# How far into a government turn a bare yes still answers the member's question.
_ANSWER_REACH = 240
# "Ja, dat zeg ik toe." / "Dat zal ik doen." / "Die toezegging doe ik graag.":
# a promise whose content is the question just asked.
_ANSWER_PROMISE_RE = re.compile(
    r"^(?![^.?!]*\b(?:niet|geen|nooit)\b)"
    r"(?:(?:ja|jazeker|zeker|akkoord|prima|goed|natuurlijk|uiteraard|dank\s+u\s+wel|voorzitter)\b[,.!]?\s*)*"
    r"(?:(?:dat|die|het|deze)\s+(?:toezegging\s+)?(?:zeg|doe|wil|kan|ga|zal)\s+ik\s+"
    r"(?:\w+\s+){0,3}?(?:toe|toezeggen|doen|graag)\b|"
    r"(?:dat|die|het)\s+(?:zeg|doe)\s+ik\s+(?:u\s+|bij\s+dezen\s+|graag\s+|hierbij\s+)*toe\b|"
    r"(?:ik\s+)?zeg\s+(?:ik\s+)?(?:dat|dit)\s+(?:graag\s+)?toe\b)"
    r"[^.?!]{0,40}[.!]?\s*$",
    re.IGNORECASE,
)
# "Kan de minister toezeggen dat …?", "Is de minister bereid om …?": the ask, without the asking.
_ASK_RE = re.compile(
    r"^(?:(?:en|maar|dus|voorzitter)[,]?\s+)*(?:kan|wil|is|zou|gaat)\s+(?:de\s+)?(?:minister|staatssecretaris|"
    r"premier|regering|het\s+kabinet|u|zij|hij)\b(?:[\w\s-]{0,30}?)\s*(?:toezeggen|bereid(?:\s+zijn)?|"
    r"beloven)?\s*(?:om|dat|te)?\s*",
    re.IGNORECASE,
)


def _answer_promise(ctx: _Ctx, s: int, e: int, question: tuple[int, int] | None) -> _Found | None:
    """A government speaker's bare yes to a member's question: the content and
    any deadline come from the question."""
    if question is None or not _ANSWER_PROMISE_RE.match(ctx.text[s:e].strip()):
        return None
    qa, qb = question
    qtext = ctx.text[qa:qb]
    asks = list(re.finditer(r"[^.?!]*\?", qtext))
    if asks:
        last = asks[-1]
        qa, qb = qa + last.start(), qa + last.end()
    ask = _WS_RE.sub(" ", ctx.text[qa:qb]).strip()
    ask_body = _ASK_RE.sub("", ask).rstrip(" ?")
    deadlines = [d for d in ctx.deadlines(qa, qb) if not ctx.is_past(d)]
    deadline = deadlines[0] if deadlines else None
    spans = [(d.start - qa, d.end - qa) for d in deadlines if d.start is not None and d.end is not None]
    what = _clip(_strip_te(_without_spans(ctx.text[qa:qb], ask.find(ask_body[:20]) if ask_body else 0,
                                          qb - qa, spans)), 14) if ask_body else ""
    return _Found(
        start=s, end=e, kind="toezegging", certainty="clear",
        confidence=_confidence("clear", "toezegging", deadline, "toezeg", True),
        actor=ctx.default_actor, deliverables=[what.rstrip(" ?")] if what else [],
        deadline=deadline, act_pos=s, marker="toezeg",
    )


# --------------------------------------------------------------------------
# Regions and candidate sentences
# --------------------------------------------------------------------------


def _regions(text: str, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if spans is not None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans if b > a):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged
    regions: list[tuple[int, int]] = []
    pos = 0
    for q in _QUESTION_HEAD_RE.finditer(text):
        if q.start() < pos:
            continue
        a = _ANSWER_HEAD_RE.search(text, q.end())
        regions.append((pos, q.start()))
        pos = a.end() if a else len(text)
    regions.append((pos, len(text)))
    return [(a, b) for a, b in regions if b > a]


def _candidate_sentences(
    text: str, lower: str | None, regions: list[tuple[int, int]]
) -> list[tuple[int, int, list[tuple[int, int]], int]]:
    """Sentences holding a trigger word: (start, end, sentences of the block, index).

    One regex search per candidate sentence (on the lower-cased text); only
    paragraphs with a hit are split into sentences.
    """
    out: list[tuple[int, int, list[tuple[int, int]], int]] = []
    whole = len(regions) >= 1 and regions[0][0] == 0 and regions[-1][1] == len(text)
    trigger, subject = (_L_TRIGGER, lower) if lower is not None else (_TRIGGER_RE, text)
    for ra, rb in regions:
        blocks: list[tuple[int, int]] | None = None
        starts: list[int] = []
        pos = ra
        while True:
            m = trigger.search(subject, pos, rb)
            if m is None:
                break
            p = m.start()
            if blocks is None:
                blocks = block_spans(text, ra, rb)
                starts = [b[0] for b in blocks]
            bi = bisect.bisect_right(starts, p) - 1
            if bi < 0 or p >= blocks[bi][1]:
                pos = m.end()
                continue
            ba, bb = blocks[bi]
            pos = bb
            if whole and _MEMBER_START_RE.match(text, ba):
                continue  # a paragraph by Kamer members ("De leden van de …-fractie …")
            sents = split_sentences(text, ba, bb)
            for si, (s, e) in enumerate(sents):
                if e > p and trigger.search(subject, max(s, p), e):
                    out.append((s, e, sents, si))
    return out


# --------------------------------------------------------------------------
# Sentence analysis
# --------------------------------------------------------------------------


def _is_question(sent: str) -> bool:
    return sent.rstrip().rstrip("\"'»”’)]0123456789").endswith("?")


@functools.lru_cache(maxsize=64)
def _breaks(sent: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    ms = list(_SEG_BREAK_RE.finditer(sent))
    return tuple(m.start() for m in ms), tuple(m.end() for m in ms)


def _segment(sent: str, pos: int) -> tuple[int, int]:
    """The clause segment around ``pos``: between commas, brackets, ``;``,
    ``:``, dashes and a conjunction that starts a new clause."""
    starts, ends = _breaks(sent)
    i = bisect.bisect_right(ends, pos) - 1
    a = ends[i] if i >= 0 else 0
    j = bisect.bisect_left(starts, pos)
    b = starts[j] if j < len(starts) else len(sent)
    return a, b


def _strong_product_near(sent: str, word: str, start: int, end: int) -> bool:
    """A product noun next to a light verb in its clause segment ("er komt een
    evaluatie", "een reactie volgt", "een inventarisatie maken")."""
    seg_a, seg_b = _segment(sent, start)
    reach = 25 if word.startswith("maak") or word == "maken" else 90
    for p in _products(sent[seg_a:seg_b]):
        ps, pe = p.start + seg_a, p.end + seg_a
        if _product_is_strong(p) and (0 <= start - pe <= reach or 0 <= ps - end <= reach):
            return True
    return False


def _find_acts(sent: str, low: str | None = None) -> list[_Act]:
    if low is None or len(low) != len(sent):
        low = sent.lower()
        if len(low) != len(sent):  # a character whose lower case is longer
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sent)
    acts: list[_Act] = []
    kamer: bool | None = None
    motie = "motie" in low
    found: list[tuple[str, int, int, str]] = []
    for w in _ACT_KEYS.intersection(low.translate(_PUNCT_TO_SPACE).split()):
        families = _ACT_WORDS[w]
        fam = next((f for f in families if f != "motion" or motie), None)
        if fam is None:
            continue
        for start in _word_positions(low, w):
            found.append((fam, start, start + len(w), w))
    found.sort(key=lambda f: (f[1], -f[2]))
    if "hoogte" in low or "terug" in low:
        for m in _FORMULA_RE.finditer(low):
            if "hoogte" in m.group() or "terug" in m.group():
                found.append(("inform", m.start(), m.end(), "terugkomen" if "terug" in m.group() else "op de hoogte houden"))
        found.sort(key=lambda f: (f[1], -f[2]))
    if " te " in low:
        for m in _SEP_TE_RE.finditer(low):
            joined = m.group(1).replace(" ", "") + m.group(2)
            families = _ACT_WORDS.get(joined)
            if families:
                fam = next((f for f in families if f != "motion" or motie), None)
                if fam:
                    found.append((fam, m.start(), m.end(), joined))
        found.sort(key=lambda f: (f[1], -f[2]))
    if _PHRASE_HINT_RE.search(low):
        for m in _L_ACT_PHRASES.finditer(low):
            fam = next((f for f, rx in _PHRASE_FAMILIES if rx.fullmatch(m.group())), "action")
            found.append((fam, m.start(), m.end(), _WS_RE.sub(" ", m.group())))
        found.sort(key=lambda f: (f[1], -f[2]))
    for family, start, end, w in found:
        if w == "bericht" and not _I_REPORT_RE.search(low):
            continue  # the noun "een bericht"
        particle = _SEPARABLE.get(w)
        if particle and family in ("product", "send") and not _word_positions(low[end:], particle):
            continue
        if w in _NEEDS_PRODUCT and not (
            _L_PRODUCT_END.search(low) and _strong_product_near(sent, w, start, end)
        ):
            continue
        if family == "motion":
            if not motie:
                continue
        elif family == "send":
            if kamer is None:
                kamer = bool(_KAMER_RE.search(sent)) or (
                    bool(_L_PRODUCT_END.search(low)) and not _OTHER_RECIPIENT_RE.search(low)
                )
            if not kamer:
                continue
            if w in ("geven", "geeft", "geef", "gegeven") and not _KAMER_RE.search(sent):
                continue
            if w in ("delen", "gedeeld", "deel", "deelt") and not _WITH_KAMER_LOW_RE.search(low):
                continue
            if w == "verwachten" and not _YOU_CAN_RE.search(low):
                continue
            if w in ("krijgt", "krijgen", "hoort") and not _KAMER_RECEIVES_RE.search(low):
                continue
            if w in _PRODUCT_SEND:
                acts.append(_Act("product", start, end, w))
            family = "inform"
        acts.append(_Act(family, start, end, w))
    return acts


_RECEIVE_WORDS = frozenset({"ontvangt", "krijgt", "hoort"})
# Sending verbs that also deliver a product ("een onderzoek toekomen").
_PRODUCT_SEND = frozenset({"toekomen", "toekomt"})
_ACT_RANK = {"motion": 0, "inform": 1, "product": 2, "action": 3, "pseudo": 4}


def _coordinated_acts(sent: str, acts: list[_Act], main: _Act, anchor: int) -> list[_Act]:
    """Acts joined to the main one by "en" under the same auxiliary
    ("zal … informeren over X en een evaluatie sturen"): each adds a deliverable."""
    a0, b0 = _clause_bounds(sent, anchor)
    out: list[_Act] = []
    for a in acts:
        if a is main or a.start < anchor or not (a0 <= a.start < b0) or a.kind == "pseudo":
            continue
        if a.start < main.end and a.end > main.start:
            continue  # overlaps the main act
        lo, hi = sorted((main.end, a.start)) if a.start > main.start else sorted((a.end, main.start))
        between = sent[lo:hi]
        if re.search(r"\ben\b", between, _I) and not _SUBORD_RE.search(between) and "," not in between:
            out.append(a)
    return out[:2]


def _coordinated_deliverable(
    sent: str, main: _Act, other: _Act, products: list[_NP], spans: list[tuple[int, int]]
) -> str:
    """The deliverable of an act joined by "en": its product, else its verb phrase."""
    lo = main.end if other.start > main.start else 0
    joins = list(re.finditer(r"\ben\b", sent[lo:other.start], _I))
    start = lo + joins[-1].end() if joins else lo
    inside = [p for p in products if start <= p.start < other.start]
    if inside:
        return _strip_np(inside[-1].text)
    if other.word in _IMPLIED_PRODUCT:
        return _IMPLIED_PRODUCT[other.word]
    phrase = _without_spans(sent, start, other.end, spans)
    tail = _COMPLEMENT_RE.match(sent, other.end)
    if tail and tail.group("c"):
        phrase += " " + _without_spans(sent, tail.start("c"), tail.end("c"), spans)
    phrase = phrase.replace("«", "").replace("»", "")
    return _clip(phrase, 10)


def _pick_act(
    sent: str, acts: list[_Act], anchor: int, *, after_only: bool = False, infinitive: bool = False
) -> _Act | None:
    """The act tied to the marker at ``anchor``: in its segment, else later in the clause."""
    a0, b0 = _segment(sent, anchor)
    cands = [a for a in acts if a0 <= a.start < b0 and (a.start >= anchor or not after_only)]
    if not cands:
        # "zal het kabinet, of het nieuwe kabinet, invulling geven": follow
        # the clause over commas, but not into a relative or subordinate clause.
        pos = b0
        while not cands and pos < len(sent) and pos - anchor < 220:
            if sent[pos] in ";:?":
                break
            na, nb = _segment(sent, pos + 1)
            if nb <= pos:
                break
            if not _REL_START_RE.match(sent[na:nb]):
                cands = [a for a in acts if na <= a.start < nb]
            pos = nb
    if infinitive:
        cands = [a for a in cands if a.word.endswith("en") or " " in a.word]
    if not cands:
        return None
    # An act inside a relative clause after the marker ("die … worden
    # georganiseerd") yields to a later act of the main clause.
    if len(cands) > 1:
        main = [
            a for a in cands
            if not (a.start > anchor and _SUBORD_RE.search(sent, anchor, a.start)
                    and any(b.start > a.end for b in cands))
        ]
        cands = main or cands
    return min(cands, key=lambda a: (_ACT_RANK[a.kind], abs(a.start - anchor)))


def _analyse(ctx: _Ctx, s: int, e: int, lead_actor: str | None = None) -> _Found | None:
    sent = ctx.text[s:e]
    low = ctx.lower[s:e] if ctx.lower is not None else sent.lower()
    if len(low) != len(sent):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sent)
    if _is_question(sent):
        return ctx.reject(Rejection.QUESTION)
    if ("leden" in low or "fractie" in low) and _MEMBERS_RE.search(sent) and not _GOV_ACTOR_RE.search(sent):
        return ctx.reject(Rejection.MEMBERS_TEXT)
    if _UNCERTAIN_HINT_RE.search(low) and _L_UNCERTAIN.search(low):
        return ctx.reject(Rejection.OPEN_OUTCOME)
    if _REVISION_HINT_RE.search(low) and (_L_EARLIER.search(low) or _L_SLIP_WORD.search(low)):
        rev = _analyse_revision(ctx, s, e, sent)
        if rev is not None:
            return rev
    acts = _find_acts(sent, low)
    if not acts:
        return ctx.reject(Rejection.NO_ACT)
    if lead_actor is not None:
        # A list item under "Ik zal:": the lead's undertaking governs its act.
        marker, anchor, act = "future", 0, min(acts, key=lambda a: (_ACT_RANK[a.kind], a.start))
    else:
        marker, anchor, act = _undertaking(sent, low, acts)
    if marker is None or act is None:
        return ctx.reject(_no_undertaking(sent, acts))
    if _PERFORMATIVE_RE.search(sent) and marker in ("present", "kamer_passive", "restated"):
        return ctx.reject(Rejection.PERFORMED_NOW)
    if marker in ("future", "gaan") and _THIS_LETTER_RE.search(sent):
        return ctx.reject(Rejection.PERFORMED_NOW)  # "… zal worden geïnformeerd via deze brief"
    if lead_actor is None and _reported_question(sent, anchor):
        return ctx.reject(Rejection.REPORTED_QUESTION)
    if _LEADING_CONDITION_RE.match(sent):
        return ctx.reject(Rejection.CONDITIONAL)

    seg_a, seg_b = _segment(sent, anchor)
    lo, hi = sorted((anchor, act.start))
    span_text = sent[lo:max(hi + len(act.word), lo)]
    if marker not in ("toezeg",):
        window = _NEG_OK_RE.sub(" ", span_text)
        if _NEG_RE.search(window) or _NEG_RE.search(sent[max(seg_a, act.start - 14):act.start]):
            return ctx.reject(Rejection.NEGATED)
    if marker in ("future", "gaan", "intent") and _OBLIGATION_RE.search(span_text):
        return ctx.reject(Rejection.OBLIGATION)
    if act.kind != "pseudo" and _OBLIGATION_RE.search(sent[max(seg_a, act.start - 30):act.start]):
        return ctx.reject(Rejection.OBLIGATION)
    blijven = _BLIJVEN_RE.search(span_text)
    if blijven and (act.kind != "inform" or re.search(
        r"\b(?:inzetten|inspannen|zorgen|pleiten|streven|dat)\b", span_text[blijven.end():], _I
    )):
        return ctx.reject(Rejection.LASTING_POLICY)  # "blijven informeren" is a promise

    products = _products(sent)
    kamer = bool(_KAMER_RE.search(sent))
    act = _settle_act_class(sent, act, products, marker)
    if act is None:
        return ctx.reject(Rejection.NO_ACT)

    actor = lead_actor or _actor(ctx, sent, marker, anchor, act)
    if actor is None:
        return ctx.reject(Rejection.OTHER_ACTOR)

    delivery = marker == "present" and _delivery_passive(sent, act)
    receives = marker == "present" and act.word in _RECEIVE_WORDS and bool(_KAMER_RECEIVES_RE.search(low))
    recurring = (
        marker == "present" and act.kind == "inform" and bool(_RECURRING_RE.search(low))
        and bool(_KAMER_RE.search(sent))
    )
    needs_time = marker == "present" and not delivery and not recurring and not receives
    if needs_time and not _TIME_HINT_RE.search(sent):
        return ctx.reject(Rejection.NO_TIME)
    deadlines = ctx.deadlines(s, e) if (not needs_time or _TIME_HINT_RE.search(sent)) else []
    usable = deadlines
    if marker == "restated":
        # Phrases before "heeft … toegezegd" date the announcement itself.
        usable = [d for d in deadlines if d.start is not None and d.start - s > anchor]
    deadline = _governing(ctx, sent, s, usable, act.start, anchor)
    if deadline is None:
        deadline = _event_clause(sent, s, act.start, anchor)
        if deadline is not None:
            deadlines = [*deadlines, deadline]
    if marker == "present" and not delivery:
        if _past_tense(sent, act):
            return ctx.reject(Rejection.PAST_ACT)
        if _HABITUAL_RE.search(low):
            return ctx.reject(Rejection.HABITUAL)
        if deadline is None and not recurring and not receives:
            return ctx.reject(Rejection.NO_TIME)
    if marker == "intent" and deadline is None and act.kind == "action":
        return ctx.reject(Rejection.VAGUE_INTENT)

    # Drop product phrases inside a time phrase ("bij de Voorjaarsnota"); cut
    # those that run into one ("het wetsvoorstel op korte termijn").
    spans = [(d.start - s, d.end - s) for d in deadlines if d.start is not None and d.end is not None]
    products = [_cut_np(sent, p, spans) for p in products if not any(a <= p.start < b for a, b in spans)]

    kind = _kind(sent, act, marker, products)
    deliverables = _deliverables(sent, act, kind, products, marker, anchor, spans)
    for other in _coordinated_acts(sent, acts, act, anchor):
        d = _coordinated_deliverable(sent, act, other, products, spans)
        if d and d not in deliverables:
            deliverables.append(d)
    other_recipient = (
        act.kind == "inform" and not kamer and not act.word.startswith(("terugkom", "op de hoogte", "beantwoord"))
    ) or bool(re.search(r"ter\s+beschikking", act.word, _I))
    intent = _L_INTENT.search(low)
    hedged = (
        marker == "intent"
        or bool(intent and not re.search(r"\bvan\s+(?:de|het)\b", low[intent.end():intent.end() + 12]))
        or bool(_QUALIFIER_RE.search(sent[seg_a:seg_b]))
    )
    if marker == "restated" and "voornemen" in sent.lower():
        hedged = True
    if marker == "intent" and act.word.startswith("beantwoord") and _OWN_EFFORT_RE.search(low):
        hedged = False  # the standard promise of a delay letter
    content_only = act.kind == "product" and act.word in ("uitwerken", "uitgewerkt", "ingaan", "ingegaan") and not any(
        _NAMED_PRODUCT_RE.match(p[2]) for p in products
    )
    cond = bool(_COND_RE.search(sent))
    certainty = "clear"
    if hedged or cond or other_recipient or kind == "actie" or content_only or (recurring and deadline is None):
        certainty = "borderline"
    conf = _confidence(certainty, kind, deadline, marker, kamer)
    return _Found(
        start=s, end=e, kind=kind, certainty=certainty, confidence=conf, actor=actor,
        deliverables=deliverables, deadline=deadline, act_pos=s + act.start, hedged=hedged,
        marker=marker,
    )


# "De heer X vroeg of ik bereid ben …", "Mevrouw Y heeft gevraagd om …", "wil weten wanneer …".
_REPORTED_ASK_RE = re.compile(
    r"\b(?:vroeg|vroegen|vraagt|vragen|gevraagd|verzocht|verzoekt|wil(?:de|den)?\s+weten|informeerde|"
    r"informeerden)\b[^.;:?]{0,80}?\b(?:of|om|wanneer|hoe|waarom|welke|wat)\b",
    re.IGNORECASE,
)
# A sentence that opens with a condition: "Mocht …", "Indien …", "Als … , dan".
_LEADING_CONDITION_RE = re.compile(
    r"\s*(?:Mocht(?:en)?\b|Indien\b(?!\s+(?:mogelijk|nodig)\b)|Ingeval\b|In\s+het\s+geval\s+dat\b|"
    r"Als\b(?=[^,]{3,120}\b(?:is|zijn|wordt|worden|blijkt|blijken|heeft|hebben|kan|kunnen|wil|wilt|"
    r"willen|wenst|wensen|mocht|komt|gaat|lukt)\b[^,]*,))"
)


def _no_undertaking(sent: str, acts: list[_Act]) -> Rejection:
    """Name the reason when no undertaking governs the acts."""
    if _BLIJVEN_RE.search(sent):
        return Rejection.LASTING_POLICY
    first = acts[0].start
    if _PAST_AUX_RE.search(sent, 0, first) or _PAST_AUX_RE.match(sent[acts[0].end:].lstrip()):
        return Rejection.PAST_ACT
    return Rejection.NO_UNDERTAKING


def _reported_question(sent: str, anchor: int) -> bool:
    """Is the undertaking part of a question someone else asked ("X vroeg of
    ik bereid ben …")? The asked clause runs to the next comma or semicolon."""
    for m in _REPORTED_ASK_RE.finditer(sent, 0, anchor + 1):
        if m.start() > anchor:
            break
        stop = re.search(r"[,;:]", sent[m.end():])
        clause_end = m.end() + stop.start() if stop else len(sent)
        if m.end() <= anchor + 1 and anchor < clause_end and not re.search(
            r"\b(?:ik|wij|we)\s+(?:vroeg|vraag|heb\s+gevraagd)\b", sent[max(0, m.start() - 12):m.end()], re.I
        ):
            return True
    return False


def _list_items(
    ctx: _Ctx, s: int, e: int, sents: list[tuple[int, int]], pos: int
) -> list[_Found]:
    """List items that complete a lead sentence ending in a colon with an
    undertaking ("Ik zal:" / "Het kabinet zal de volgende stappen zetten:")."""
    text = ctx.text
    lead = text[s:e].rstrip()
    if not lead.endswith(":") or pos + 1 >= len(sents):
        return []
    low = lead.lower()
    marker = _L_FUT.search(low) or _L_GAAN.search(low) or _LEAD_MARKER_RE.search(low)
    if marker is None or _NEG_BEFORE_RE.search(low, marker.start(), len(low)):
        return []
    actor = _actor(ctx, lead, "future", marker.start(), _Act("pseudo", len(lead) - 1, len(lead), ""))
    if actor is None:
        return []
    out = []
    for is_, ie in sents[pos + 1:]:
        if not _ITEM_START_RE.match(text, is_):
            break
        hit = _analyse(ctx, is_, ie, lead_actor=actor)
        if hit is not None:
            out.append(hit)
    return out


def _undertaking(sent: str, low: str, acts: list[_Act]) -> tuple[str | None, int, _Act | None]:
    """The undertaking marker, its offset and the act it governs."""
    m = _L_TOEZEG.search(low) if "toe" in low else None
    if m and _NEG_BEFORE_RE.search(low, max(0, m.start() - 25), m.start() + 12):
        return None, 0, None  # "ik kan niet toezeggen"
    if m:
        act = _pick_act(sent, acts, m.end(), after_only=True) or _Act("pseudo", m.start(), m.end(), "toezeggen")
        return "toezeg", m.start(), act
    m = _L_BEREID.search(low) if "bereid" in low else None
    if m and not re.search(r"\bniet\s+(?:\w+\s+)?$", sent[max(0, m.start() - 20):m.start()], _I):
        act = _pick_act(sent, acts, m.end(), after_only=True) or _Act("pseudo", m.start(), m.end(), "bereid")
        return "bereid", m.start(), act
    m = _L_TEGEMOET.search(low) if "tegemoet" in low else None
    if m and _GOV_ACTOR_RE.search(sent, 0, m.start()):
        return "tegemoet", m.start(), _Act("pseudo", m.start("verb"), m.end("verb"), m.group("verb").lower())
    for m in _L_FUT.finditer(low):
        if sent[max(0, m.start() - 3):m.start()].lower() == "te ":
            continue  # "te zullen sturen": reported, see _RESTATED_RE
        act = _pick_act(sent, acts, m.start())
        if act is not None:
            return "future", m.start(), act
    for m in _L_GAAN.finditer(low):
        before = sent[max(0, m.start() - 4):m.start()].lower()
        after = sent[m.end():m.end() + 14].lower()
        if before.endswith("te ") or re.match(r"\s*(?:er\s*van\s*uit|ervanuit|over|om|het|naar|uit|er)\b", after):
            continue
        act = _pick_act(sent, acts, m.start(), after_only=True, infinitive=True)
        if act is not None:
            return "gaan", m.start(), act
    m = _L_EXPECT.search(low) if "verwacht" in low else None
    if m:
        act = _pick_act(sent, acts, m.start(), after_only=True)
        if act is not None and act.kind == "inform":
            return "expect", m.start(), act
    restated = _L_RESTATED.finditer(low) if _RESTATED_HINT_RE.search(low) else ()
    for m in restated:
        if m.group("verb") and re.search(r"\bzoals\s+(?:\w+\s+){0,3}$", sent[max(0, m.start() - 40):m.start()], _I):
            continue
        inf = "inf" if m.group("inf") else "inf2"
        pos = m.start(inf)
        act = next((a for a in acts if pos - 12 <= a.start <= pos + 4 or a.start <= pos < a.end), None)
        if act is None:
            continue
        return "restated", m.start(), act
    m = _L_KAMER_PASSIVE.search(low) if ("wordt" in low or "worden" in low) else None
    if m:
        act = next((a for a in acts if m.start() <= a.start < m.end() and a.kind == "inform"), None)
        if act is not None:
            return "kamer_passive", m.start(), act
    m = _L_INTENT.search(low)
    if m and not re.search(r"\bvan\s+(?:de|het)\b", sent[m.end():m.end() + 12], _I):
        act = _pick_act(sent, acts, m.start())
        if act is None:
            a0, b0 = _segment(sent, m.start())
            act = next((a for a in acts if a.start >= m.start() and a.start - m.start() < 200), None)
        if act is not None:
            return "intent", m.start(), act
    # Promise formulas in the present tense: no time phrase needed.
    m = _FORMULA_RE.search(low) if ("hoogte" in low or "terug" in low or "nader" in low) else None
    if m and not _PAST_AUX_RE.search(low, max(0, m.start() - 40), m.start()):
        act = next((a for a in acts if m.start() <= a.start < m.end() and a.kind == "inform"), None)
        act = act or _Act("inform", m.start(), m.end(), "terugkomen")
        return "formula", m.start(), act
    # Present tense act (finite) or present passive, to be confirmed by a
    # future time phrase.
    for a in acts:
        seg_a, _ = _segment(sent, a.start)
        if _MODAL_RE.search(sent, seg_a, a.start) and a.word not in (
            "verwachten", "tegemoetzien", "tegemoet zien", "tegemoet kunt zien"
        ):
            continue
        if _PRESENT_ACT_RE.match(a.word) and sent[max(0, a.start - 3):a.start].lower() != "te ":
            return "present", a.start, a
        if a.word == "toekomen" and re.search(r"\b(?:doe|doet)\b", low[seg_a:a.start]):
            return "present", a.start, a  # "In mei doe ik u … toekomen"
        if _PASSIVE_PRESENT_RE.search(sent, seg_a, a.start) or _PASSIVE_PRESENT_RE.match(sent[a.end:].lstrip()):
            return "present", a.start, a
    return None, 0, None


def _settle_act_class(sent: str, act: _Act, products: list[tuple[int, int, str]], marker: str) -> _Act | None:
    """Product verbs need a product (an evaluation, an investigation is one by
    itself); making a product available is a delivery."""
    if act.word in _IMPLIED_PRODUCT:
        return _Act("product", act.start, act.end, act.word)
    if act.kind == "action" and re.search(r"beschikbaar|beschikking", act.word, _I) and any(
        _product_is_strong(p) for p in products
    ):
        return _Act("product", act.start, act.end, act.word)
    if act.kind == "product" and _EVALUATE_RE.match(act.word):
        return act
    if act.kind == "action" and act.word in _DELIVERY_ACTIONS and any(_product_is_strong(p) for p in products):
        return _Act("product", act.start, act.end, act.word)
    if act.kind == "product":
        strong = [p for p in products if _product_is_strong(p)]
        anaphoric = re.match(r"\s*(?:deze|dit|die|het)\b", sent, _I)
        if not strong and not anaphoric and marker not in ("bereid", "toezeg", "restated", "tegemoet"):
            return _Act("action", act.start, act.end, act.word)
    return act


def _product_is_strong(np: _NP) -> bool:
    if _NAMED_PRODUCT_RE.match(np.text):
        return True
    if np.head in _WEAK_PRODUCTS:
        return np.head in _STRONG_ALONE
    return True


def _delivery_passive(sent: str, act: _Act) -> bool:
    """"De evaluatie wordt ter beschikking gesteld aan …": a present passive of
    handing over a product, a promise even without a date."""
    if act.word not in _PASSIVE_DELIVERY:
        return False
    seg_a, _ = _segment(sent, act.start)
    aux = _PASSIVE_PRESENT_RE.search(sent, seg_a, act.start)
    if aux is None:
        return False
    subject = sent[seg_a:aux.start()]
    return any(_product_is_strong(p) for p in _products(subject))


def _past_tense(sent: str, act: _Act) -> bool:
    before = sent[max(0, act.start - 160):act.start]
    if _PRESENT_ACT_RE.match(act.word):
        seg_a, _ = _segment(sent, act.start)
        return bool(_PAST_AUX_RE.search(sent, seg_a, act.start) and re.search(r"\bge\w+[dt]\b", sent[act.end:act.end + 60]))
    if re.search(r"\b(?:wordt|worden)\b", before, _I):
        return False
    after = sent[act.end:act.end + 40]
    return bool(_PAST_AUX_RE.search(before) or _PAST_AUX_RE.match(after.strip()))


def _kind(sent: str, act: _Act, marker: str, products: list[tuple[int, int, str]]) -> str:
    if marker in ("bereid", "toezeg", "tegemoet"):
        return "toezegging"
    if marker == "restated" and act.kind != "inform" and re.search(r"\btoegezegd\b|\bbeloofd\b", sent, _I):
        return "toezegging"
    if act.kind == "motion":
        return "motie"
    if act.kind == "inform":
        if "verslag" in act.word or _is_true_inform(act.word):
            return "informeren"  # informing, whatever the channel ("via het verslag")
        sent_products = [p for p in _objects(sent, products) if not _LETTER_RE.search(p.head)]
        return "product" if sent_products else "informeren"
    if act.kind == "product":
        return "product" if any(_product_is_strong(p) for p in products) or re.match(
            r"\s*(?:deze|dit|die)\b", sent, _I
        ) or act.word in _IMPLIED_PRODUCT else "actie"
    if act.kind == "pseudo":
        return "toezegging"
    return "actie"


def _is_true_inform(word: str) -> bool:
    return "inform" in _ACT_WORDS.get(word, ()) or word.startswith(("op de hoogte", "inzicht"))


def _objects(sent: str, products: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Products that are not the topic of the act (not after "over …")."""
    out = []
    for p in products:
        left = sent[max(0, p[0] - 60):p[0]]
        if re.search(r"\b(?:over|omtrent|inzake|aangaande)\s+(?:[\w-]+\s+){0,6}$", left, _I):
            continue
        out.append(p)
    return out


def _confidence(certainty: str, kind: str, deadline: Deadline | None, marker: str, kamer: bool) -> float:
    if certainty == "clear":
        c = 0.8
        if deadline is not None:
            c += 0.12 if deadline.due is not None else 0.07
        if kind in ("product", "motie", "toezegging") or kamer:
            c += 0.03
        if marker in ("restated", "expect", "present"):
            c -= 0.03
        return round(min(c, 0.97), 2)
    c = 0.45
    if kind != "actie":
        c += 0.1
    if deadline is not None:
        c += 0.08
    return round(min(c, 0.69), 2)


# --------------------------------------------------------------------------
# Actor
# --------------------------------------------------------------------------


def _actor(ctx: _Ctx, sent: str, marker: str, anchor: int, act: _Act) -> str | None:
    """Who promises; None when the subject is someone other than the government."""
    # Passive with an agent: "… geïnformeerd door de minister van Defensie".
    for door in (_DOOR_RE.search(sent, act.start, min(len(sent), act.end + 90)),
                 _DOOR_RE.search(sent, max(0, act.start - 90), act.start)):
        if door is None:
            continue
        agent = door.group("agent")
        g = _GOV_ACTOR_RE.match(agent)
        if g:
            return _norm_actor(ctx, g.group("actor"))
        others = _NON_GOV_RE.search(agent[:40]) and not _GOV_ACTOR_RE.search(agent[:40])
        passive = re.match(r"ge\w+[dt]$", act.word) or _PASSIVE_PRESENT_RE.search(
            sent, max(0, act.start - 80), act.start
        )
        if others and passive:
            return None
    fin = _finite_for(sent, marker, anchor, act)
    fin_word = _WORD_RE.match(sent, fin)
    fin_end = fin_word.end() if fin_word else fin
    seg_a, _ = _segment(sent, fin)
    before = sent[seg_a:fin]
    after = sent[fin_end:]
    subj = _SUBJ_AFTER_RE.match(after)
    # The finite verb closes a relative or subordinate clause when a
    # relative pronoun/conjunction precedes it with no finite verb between.
    rel = None
    for m in _subordinators(sent, seg_a, fin):
        rel = m
    if rel is not None and not _FINITE_RE.search(sent, rel.end(), fin) and not re.match(
        r"(?i)zoals\b", rel.group()
    ):
        inside = sent[rel.end():fin]
        g = _GOV_ACTOR_RE.search(inside)
        if g and g.group("actor").lower() not in ("nederland",) or g and not re.search(r"\bvan\s*$", inside[:g.start()]):
            return _norm_actor(ctx, g.group("actor"))
        antecedent = sent[max(0, rel.start() - 90):rel.start()]
        if _KAMER_SUBJECT_RE.match(inside.strip()):
            return ctx.default_actor
        head = re.sub(r"^(?:de|het|deze|die|dit)\s+", "", inside.strip(), flags=_I)
        if _NON_GOV_RE.match(head) or _is_other_party(head) or (
            _NON_GOV_RE.search(inside) and not _PRODUCT_RE.search(inside)
        ):
            return None  # "dat de Commissie in juni een voorstel presenteert"
        if re.search(r"\bvan\s+de\s+(?:NAVO|EU|VN|OESO|Europese\s+\w+|Commissie|WHO)\b", antecedent):
            return None
        tail = antecedent[-45:]
        if _NON_GOV_RE.search(tail) and not _PRODUCT_RE.search(tail) and not _GOV_ACTOR_RE.search(tail):
            return None
        return ctx.default_actor
    before_s = before.strip()
    if not before_s or _ADVERBIAL_START_RE.match(before_s):
        if subj:
            return _subject_actor(ctx, subj.group("subj"))
        tail = after.lstrip()[:60]
        if _is_other_party(tail):
            return None  # "In juni presenteert Duitsland een plan"
        others = _NON_GOV_RE.match(tail) or (
            re.match(r"(?:de|het)\s+(?:[A-Z][\w-]*\s*){1,3}", tail) and _NON_GOV_RE.search(tail[:30])
        )
        if others and not _PRODUCT_RE.search(tail[:40]):
            return None
        return ctx.default_actor
    return _subject_actor(ctx, before_s)


def _is_other_party(phrase: str) -> bool:
    """A subject that is a proper name of someone else: another state, an
    organisation ("Frankrijk", "de Onderwijsraad") — not the government, the
    Kamer or a product ("de Klimaatstrategie")."""
    words = phrase.split(None, 2)
    if words and words[0].lower() in ("de", "het"):
        words = words[1:]
    if not words or not words[0][:1].isupper() or _OWN_NAMES_RE.match(words[0]):
        return False
    head = words[0].strip(",.;:")
    return not (_GOV_ACTOR_RE.match(head) or _PRODUCT_RE.search(head) or _NAMED_PRODUCT_RE.match(head))


def _finite_for(sent: str, marker: str, anchor: int, act: _Act) -> int:
    """Offset of the finite verb whose subject is the promiser."""
    if marker == "restated":
        aux = list(_RESTATED_AUX_RE.finditer(sent, max(0, anchor - 320), anchor))
        return aux[-1].start() if aux else anchor
    if marker == "bereid":
        m = list(re.finditer(r"\b(?:ben|is|zijn|was|blijft|blijf|blijven)\b", sent[max(0, anchor - 60):anchor], _I))
        return max(0, anchor - 60) + m[-1].start() if m else anchor
    if marker in ("present", "kamer_passive"):
        if _PRESENT_ACT_RE.match(act.word):
            return act.start  # the act itself is the finite verb
        seg_a, _ = _segment(sent, act.start)
        m = list(_PASSIVE_PRESENT_RE.finditer(sent, seg_a, act.start + 1))
        if m:
            return m[-1].start()
        m = list(_FINITE_RE.finditer(sent, seg_a, act.start + 1))
        return m[0].start() if m else act.start
    if marker == "expect":
        m = _EXPECT_OWN_VERB_RE.search(sent, anchor)
        return m.start() if m else anchor
    return anchor


def _subject_actor(ctx: _Ctx, subj: str) -> str | None:
    subj = _WS_RE.sub(" ", subj).strip()
    if _KAMER_SUBJECT_RE.match(subj):
        return ctx.default_actor
    g = _GOV_ACTOR_RE.search(subj)
    if g and g.start() < 25:
        return _norm_actor(ctx, g.group("actor"))
    if re.fullmatch(r"(?:er|het|dit|dat|deze|die)", subj, _I):
        return ctx.default_actor
    if _PRODUCT_RE.search(subj) or _NAMED_PRODUCT_RE.search(subj):
        of = re.search(r"\bvan\s+(?:de\s+|het\s+)?(?P<owner>[^,;()]{2,60})", subj)
        if of and _NON_GOV_RE.match(of.group("owner")) and not _GOV_ACTOR_RE.match(of.group("owner")):
            return None  # "het rapport van de Rekenkamer": someone else's product
        return ctx.default_actor
    if _NON_GOV_RE.search(subj):
        return None
    words = subj.split()
    if any(w[:1].isupper() for w in words[1:]) or (len(words) == 1 and words[0][:1].isupper()):
        return None
    return ctx.default_actor


def _norm_actor(ctx: _Ctx, actor: str) -> str:
    a = _WS_RE.sub(" ", actor).strip()
    if _FIRST_PERSON_RE.match(a):
        return ctx.default_actor
    low = a.lower()
    if low.endswith("kabinet"):
        return "het kabinet"
    if "regering" in low:
        return "de regering"
    if a.startswith(("Nederland", "Het Koninkrijk", "het Koninkrijk")):
        return "het Koninkrijk" + a[len("Het Koninkrijk"):] if a.startswith("Het Koninkrijk") else a
    words = a.split(" ")
    if words[0].lower() in ("het", "de"):
        words = words[1:]
    role = words[0].lower()
    rest = " ".join(words[1:])
    article = "het" if role.startswith("ministerie") else "de"
    return f"{article} {role}{(' ' + rest) if rest else ''}"


# --------------------------------------------------------------------------
# Deliverables
# --------------------------------------------------------------------------


def _products(sent: str) -> list[_NP]:
    """Product noun phrases in the sentence, left to right, not nested."""
    return list(_products_cached(sent))


@functools.lru_cache(maxsize=256)
def _products_cached(sent: str) -> tuple[_NP, ...]:
    out: list[_NP] = []
    taken: list[tuple[int, int]] = []
    for m in _NAMED_PRODUCT_RE.finditer(sent):
        a = _extend_left(sent, m.start())
        head = m.group().split()[-1].lower()
        if head.isdigit():
            head = m.group().split()[-2].lower()
        out.append(_NP(a, m.end(), _WS_RE.sub(" ", sent[a:m.end()]), head))
        taken.append((m.start(), m.end()))
    low = sent.lower() if len(sent.lower()) == len(sent) else sent
    for m in _L_PRODUCT_END.finditer(low):
        w0 = m.start()
        while w0 > 0 and (sent[w0 - 1].isalnum() or sent[w0 - 1] == "-"):
            w0 -= 1
        if any(a <= w0 < b for a, b in taken) or low.endswith(("in ", "als "), 0, w0):
            continue  # nested, or "in reactie op", "als reactie"
        a = _extend_left(sent, w0)
        b = _extend_right(sent, m.end(), m.group())
        phrase = _WS_RE.sub(" ", sent[a:b]).strip()
        words = phrase.split(" ")
        while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
            words.pop()
        out.append(_NP(a, b, " ".join(words), sent[w0:m.end()].lower()))
        taken.append((w0, b))
    out.sort()
    return tuple(out)


def _cut_np(sent: str, np: _NP, spans: list[tuple[int, int]]) -> _NP:
    for a, _b in spans:
        if np.start < a < np.end:
            words = _WS_RE.sub(" ", sent[np.start:a]).strip().split(" ")
            while len(words) > 1 and words[-1].lower() in _TAIL_WORDS:
                words.pop()
            return _NP(np.start, a, " ".join(words), np.head)
    return np


def _extend_left(sent: str, pos: int) -> int:
    start = pos
    for n, w in enumerate(reversed(list(_WORD_RE.finditer(sent, max(0, pos - 80), pos)))):
        t = w.group()
        low = t.lower()
        if low in _STOP_LEFT or low in _DETERMINERS or n >= 4 or sent[w.end():start].strip():
            break
        if not (t[:1].isupper() or low.endswith("e") or t.isdigit()):
            break
        start = w.start()
    return start


_OP_HEADS = ("reactie", "visie", "appreciatie", "antwoord", "zicht")


def _extend_right(sent: str, pos: int, head: str = "") -> int:
    m = re.match(r"\s+\d{4}\b", sent[pos:])
    if m:
        pos += m.end()
    m = re.match(
        r"\s+(?:over|naar|inzake|met\s+betrekking\s+tot|ten\s+aanzien\s+van|omtrent|van|op)\s+",
        sent[pos:], _I,
    )
    if m and m.group().strip().lower() == "op" and not head.endswith(_OP_HEADS):
        return pos
    if not m:
        return pos
    end = pos
    n = 0
    scan = pos + m.end()
    for w in _WORD_RE.finditer(sent, scan):
        if sent[scan:w.start()].strip() or w.group().lower() in _STOP_RIGHT or n >= 6 or (
            w.group().lower() in _ACT_KEYS
        ):
            break
        end = scan = w.end()
        n += 1
    return end if n else pos


def _clip(words: str, limit: int = 10) -> str:
    parts = _WS_RE.sub(" ", words).strip().split(" ")[:limit]
    while len(parts) > 1 and parts[-1].lower().strip(",;:«»") in _TAIL_WORDS:
        parts.pop()
    return " ".join(parts).strip(",;:. «»")


def _without_spans(sent: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """``sent[a:b]`` with the time phrases in ``spans`` and brackets removed."""
    chars = list(sent[a:b])
    for x, y in spans:
        for i in range(max(x, a), min(y, b)):
            chars[i - a] = " "
    out = "".join(chars)
    out = re.sub(r"\([^()]*\)", " ", out)
    return _WS_RE.sub(" ", out).strip()


def _deliverables(
    sent: str, act: _Act, kind: str, products: list[tuple[int, int, str]], marker: str,
    anchor: int, spans: list[tuple[int, int]],
) -> list[str]:
    names = [p for p in products if _product_is_strong(p)]
    if kind == "motie":
        m = re.search(
            r"\b(?:(?:de\s+)?rest\s+van\s+)?(?:de\s+)?motie(?:-|\s+van\s+(?:het\s+lid|de\s+leden)\s+|\s+)?"
            r"(?P<name>[A-Z][\w'-]*(?:\s+(?:van\s+der|van\s+den|van|de|den|der)\s+[A-Z][\w'-]*)?"
            r"(?:\s*/\s*[A-Z][\w'-]*)?(?:\s+c\.s\.)?)?",
            sent,
        )
        if m and m.group("name"):
            return ["uitvoering motie " + _WS_RE.sub(" ", m.group("name"))]
        if m and "rest" in m.group().lower():
            return ["uitvoering rest van de motie"]
        return ["uitvoering motie"]
    if marker == "tegemoet":
        t = _TEGEMOET_RE.search(sent)
        if t:
            what = _without_spans(sent, t.start("what"), t.end("what"), spans)
            what = re.sub(r"\b(?:alvast|graag|voor\s+\d{4}(?:\s+en\s+\d{4})?)\b", " ", what, flags=_I)
            return [_clip(what, 9) + " " + t.group("verb")]
    if act.word.startswith("beantwoord"):
        what = _clip(_without_spans(sent, _segment(sent, act.start)[0], act.start, spans), 12)
        what = re.sub(r"^(?:.*?\b)?((?:de|het|deze|die|alle|uw|zijn|haar|hun)\s)", r"\1", what, flags=_I)
        what = re.sub(r"\s*\bte$", "", what)
        return ["beantwoording van " + what if what else "beantwoording"]
    if kind == "informeren" or (act.kind == "inform" and kind != "product"):
        objects = _objects(sent, products)
        letters = [p for p in objects if _LETTER_RE.search(p.head)]
        if "verslag" in act.word:
            topic = re.search(r"\bover\s+(?P<t>[^,.;:()]{3,100}?)\s+(?:voor|aan|in|bij|uiterlijk)\b", sent, _I)
            return ["verslag aan de Kamer" + (" over " + _clip(topic.group("t"), 6) if topic else "")]
        if letters:
            return [_strip_np(letters[0][2])]
        if kind == "toezegging":
            pass
        else:
            return [_inform_topic(sent, act, spans)]
    if kind == "product" and act.word in _IMPLIED_PRODUCT and not names:
        return [_evaluation(sent, act, anchor, spans)]
    if kind == "product" and _EVALUATE_RE.match(act.word):
        return [_evaluation(sent, act, anchor, spans)]
    if kind == "product" and act.kind == "inform":
        sent_products = [p for p in _objects(sent, products) if not _LETTER_RE.search(p.head)]
        if sent_products:
            return _dedupe([_strip_np(p.text) for p in _coordinated(sent, sent_products, act)])
    if kind in ("product",) and names:
        return _dedupe([_strip_np(p[2]) for p in _coordinated(sent, _objects(sent, names) or names, act)])
    if kind == "toezegging":
        m = re.search(r"\bbereid\s+(?:om\s+)?(?P<what>[^;?]{3,220})", sent, _I)
        if m:
            return [_clip(_strip_te(_without_spans(sent, m.start("what"), m.end("what"), spans)), 16)]
        m = re.search(r"\b(?:toegezegd|beloofd|aangekondigd|aangegeven)\b,?(?P<what>[^;?]{3,260}?)\bte\s+"
                      r"(?:zullen\s+)?(?P<verb>\w+)", sent, _I)
        if m:
            what = _without_spans(sent, m.start("what"), m.end("what"), spans)
            what = what.split(",")[-1] if "," in what else what
            if re.fullmatch(r"\s*(?:voor|op|aan|uit|toe|af|in|door|na)\s*", what.split()[-1] if what.split() else ""):
                parts = what.split()
                return [_clip(" ".join(parts[:-1]), 9) + " " + parts[-1] + m.group("verb")]
            return [_clip(what, 9) + " " + m.group("verb")]
        m = _TOEZEG_WHAT_RE.search(sent)
        if names:
            return _dedupe([_strip_np(p[2]) for p in names[:2]])
        if m:
            what = _without_spans(sent, m.start("what"), m.end("what"), spans)
            what = re.sub(r"^(?:ik|wij|we|het\s+kabinet)\s+", "", _strip_te(what), flags=_I)
            return [_clip(what, 12)]
    if _EVALUATE_RE.match(act.word):
        return [_evaluation(sent, act, anchor, spans)]
    if names:
        return _dedupe([_strip_np(p[2]) for p in _coordinated(sent, names, act)])
    return [_clip(_act_phrase(sent, act, anchor, spans), 10)]


def _evaluation(sent: str, act: _Act, anchor: int, spans: list[tuple[int, int]]) -> str:
    """"evaluatie <object>", "onderzoek <hoe/of …>" for an act that is a product."""
    noun = _IMPLIED_PRODUCT.get(act.word, "evaluatie")
    phrase = _act_phrase(sent, act, anchor, spans)
    i = phrase.lower().find(act.word)
    what = (phrase[:i] + " " + phrase[i + len(act.word):]) if i >= 0 else phrase
    what = re.sub(r"^(?:zijn|haar|hun|het|de|een|deze|dit|ook|nog)\s+", "", what.strip(), flags=_I)
    what = re.sub(r"\s*\([^)]*\)\s*", " ", what).strip()
    return noun + (" " + _clip(what, 10) if what else "")


def _clause_bounds(sent: str, pos: int) -> tuple[int, int]:
    """The stretch around ``pos`` between ``;`` / ``:`` boundaries."""
    a = max(sent.rfind(";", 0, pos), sent.rfind(":", 0, pos)) + 1
    ends = [i for i in (sent.find(";", pos), sent.find(":", pos)) if i >= 0]
    return a, (min(ends) if ends else len(sent))


def _inform_topic(sent: str, act: _Act, spans: list[tuple[int, int]]) -> str:
    """``informatie aan de Kamer over <topic>``: the ``over …`` of the act's
    clause (after the act, else fronted before it)."""
    a, b = _clause_bounds(sent, act.start)
    nxt = _NEXT_ACT_RE.search(sent, act.end, b)
    if nxt:
        b = nxt.start()
    clause = _without_spans(sent, a, b, [(x - a, y - a) for x, y in spans if a <= x < b])
    rel = act.start - a
    overs = [m for m in _OVER_RE.finditer(clause) if not _HIER_RE.search(m.group())]
    if not overs:
        overs = list(_BACK_ON_RE.finditer(clause))
    after = [m for m in overs if m.start() >= rel - 5]
    m = after[0] if after else (overs[0] if overs else None)
    if m:
        t = _TOPIC_END_RE.split(m.group("t"), maxsplit=1)[0]
        return "informatie aan de Kamer over " + _clip(t, 9)
    return "informatie aan de Kamer"


def _coordinated(sent: str, names: list[tuple[int, int, str]], act: _Act) -> list[tuple[int, int, str]]:
    """The product phrase nearest to the act plus those coordinated with it."""
    if len(names) == 1:
        return names
    nearest = min(names, key=lambda p: min(abs(p[0] - act.start), abs(p[1] - act.start)))
    group = [nearest]
    idx = names.index(nearest)
    for step in (-1, 1):
        j = idx
        while 0 <= j + step < len(names):
            left, right = sorted((names[j], names[j + step]))
            if re.fullmatch(r"\s*(?:,|en|of|alsmede|evenals)\s*(?:(?:een|de|het)\s+)?", sent[left[1]:right[0]], _I):
                group.append(names[j + step])
                j += step
            else:
                break
    return sorted(group)


def _strip_np(np: str) -> str:
    words = np.split()
    while len(words) > 1 and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _strip_te(s: str) -> str:
    s = _WS_RE.sub(" ", s).strip()
    m = re.search(r"\b(?:voor|op|aan|uit|toe|af|in)?\s*te\s+(\w+)\b", s, _I)
    if m:
        particle = (m.group().split()[0] if not m.group().lower().startswith("te") else "")
        s = (s[:m.start()].rstrip() + " " + (particle if particle.lower() != "te" else "") + m.group(1) + s[m.end():])
    return _WS_RE.sub(" ", s).strip()


def _act_phrase(sent: str, act: _Act, anchor: int, spans: list[tuple[int, int]]) -> str:
    """A short verb phrase: the words from the subject/marker to the act verb."""
    seg_a, _ = _segment(sent, act.start)
    start = max(seg_a, min(anchor, act.start))
    if anchor >= act.start:
        start = seg_a
    intent = _INTENT_RE.match(sent, start)
    if intent:
        start = intent.end()
    m = _FINITE_RE.match(sent, start)
    if m:
        start = m.end()
    phrase = _without_spans(sent, start, act.end, spans)
    g = _SUBJ_AFTER_RE.match(phrase)
    if g and g.group("subj").lower() not in ("er",):
        phrase = phrase[g.end():]
    rel = list(_subordinators(phrase, 0, len(phrase)))
    if rel:
        verbs = list(re.finditer(r"\b(?:ge\w+[dt]|worden|wordt|zijn|is)\b", phrase[rel[-1].end():], _I))
        if verbs:
            phrase = phrase[rel[-1].end() + verbs[-1].end():]
    phrase = re.sub(r"^\s*(?:er|ook|nog|zich|daarom|tevens|in\s+dit\s+kader|in\s+dat\s+kader|andermaal)\b",
                    " ", phrase, flags=_I)
    phrase = re.sub(r"\b(?:worden|wordt|zal|zullen|kunnen|kan|moeten|is|zijn|te|om)\b", " ", phrase, flags=_I)
    words = _WS_RE.sub(" ", phrase).strip().split(" ")
    phrase = " ".join(words[-10:])
    tail = _COMPLEMENT_RE.match(sent, act.end)
    if tail and tail.group("c"):
        phrase += " " + _clip(_without_spans(sent, tail.start("c"), tail.end("c"), spans), 8)
    return phrase


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


# --------------------------------------------------------------------------
# Governing deadline
# --------------------------------------------------------------------------


def _governing(
    ctx: _Ctx, sent: str, base: int, deadlines: list[Deadline], act_pos: int, anchor: int
) -> Deadline | None:
    best = _nearest_governing(ctx, sent, base, deadlines, act_pos, anchor, keep_stated_years=False)
    if best is None:
        # deadlines.md: a date that has already passed but was stated with its
        # year keeps that year — the promise is simply overdue.
        best = _nearest_governing(ctx, sent, base, deadlines, act_pos, anchor, keep_stated_years=True)
    if best is not None and best.due is None and best.end is not None:
        # "bij de Raad Buitenlandse Zaken in maart": the date of the event governs.
        for d in deadlines:
            if d.start is not None and d.due is not None and 0 <= d.start - best.end <= 2 and not ctx.is_past(d):
                return d
    return best


def _nearest_governing(
    ctx: _Ctx, sent: str, base: int, deadlines: list[Deadline], act_pos: int, anchor: int,
    *, keep_stated_years: bool,
) -> Deadline | None:
    best: Deadline | None = None
    best_dist = 1 << 30
    for d in deadlines:
        if d.start is None or d.end is None:
            continue
        ds, de = d.start - base, d.end - base
        if ctx.is_past(d) and not (
            keep_stated_years and _STATED_YEAR_RE.search(d.text) and not _PAST_WORD_RE.search(d.text)
        ):
            continue
        if _FOR_YEAR_RE.match(d.text) and d.precision == "year":
            continue
        if _WITH_VIEW_RE.search(sent[max(0, ds - 20):ds]):
            continue
        if _in_other_bracket(sent, ds, act_pos):
            continue
        if _in_other_clause(sent, ds, de, act_pos, anchor):
            continue
        if _dates_topic_event(sent, ds):
            continue
        dist = min(abs(ds - act_pos), abs(de - act_pos), abs(ds - anchor), abs(de - anchor))
        if dist < best_dist:
            best, best_dist = d, dist
    return best


def _event_clause(sent: str, base: int, act_pos: int, anchor: int) -> Deadline | None:
    """``wanneer de verkenning is afgerond``: an event with no date, when the
    deadline module has no phrase for it and it governs the act."""
    for m in _EVENT_CLAUSE_RE.finditer(sent):
        if _in_other_bracket(sent, m.start(), act_pos):
            continue
        text = m.group().rstrip(" ,")
        return Deadline(text, None, None, "event", base + m.start(), base + m.start() + len(text))
    return None


def _in_other_bracket(sent: str, ds: int, act_pos: int) -> bool:
    open_i = sent.rfind("(", 0, ds)
    if open_i < 0 or sent.rfind(")", open_i, ds) >= 0:
        return False
    close_i = sent.find(")", ds)
    close_i = len(sent) if close_i < 0 else close_i
    return not (open_i < act_pos < close_i)


def _subordinators(text: str, a: int, b: int) -> list[re.Match[str]]:
    """Relative pronouns and subordinating conjunctions in ``text[a:b]``; a
    ``die``/``dat`` after a preposition or at the very start is a determiner
    (``om die reden``, ``Dat rapport``)."""
    out = []
    for m in _SUBORD_RE.finditer(text, a, b):
        if m.group().lower() in ("die", "dat", "wat"):
            prev = _PREV_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            nxt = _WORD_RE.match(text, m.end() + 1) if m.end() < len(text) else None
            clause_next = nxt is not None and (
                nxt.group().lower() in _CLAUSE_STARTERS or nxt.group()[:1].isupper()
            )
            if (prev is None or prev.group(1).lower() in _PREPOSITIONS) and not clause_next:
                continue
        out.append(m)
    return out


def _in_other_clause(sent: str, ds: int, de: int, act_pos: int, anchor: int) -> bool:
    """Is the phrase inside a relative/subordinate clause that lacks the act?"""
    left = sent[:ds]
    cut = max(left.rfind(","), left.rfind("("), left.rfind(";"))
    subs = list(_subordinators(left, cut + 1, len(left)))
    if not subs:
        return False
    sub = subs[-1]
    if _TEMPORAL_SUB_RE.match(sub.group()):
        return False
    c_start = sub.start()
    nxt = sent.find(",", de)
    c_end = len(sent) if nxt < 0 else nxt
    return not (c_start <= act_pos < c_end)


def _dates_topic_event(sent: str, ds: int) -> bool:
    """``over deelname dit najaar``, ``van de toetsingsconferentie … in 2022``."""
    left = sent[max(0, ds - 80):ds]
    words = list(_WORD_RE.finditer(left))
    for k in range(len(words) - 1, max(-1, len(words) - 5), -1):
        w = words[k].group().lower()
        if w in ("zal", "zullen", "wordt", "worden", "is", "zijn", "gaat", "ga"):
            return False
        if _EVENT_NOUN_RE.search(left[:words[k].end()]):
            head = [x.group() for x in words[max(0, k - 4):k]]
            return bool(_TOPIC_PREP_RE.search(" ".join(head)))
    return False


# --------------------------------------------------------------------------
# Revisions
# --------------------------------------------------------------------------


def _analyse_revision(ctx: _Ctx, s: int, e: int, sent: str) -> _Found | None:
    """A sentence that moves an earlier promise (old plan and/or slip)."""
    earlier = _EARLIER_RE.search(sent)
    if earlier and re.search(r"\bzoals\s+$", sent[max(0, earlier.start() - 8):earlier.start()], _I):
        earlier = None
    slip = _SLIP_WORD_RE.search(sent)
    if earlier is None and slip is None:
        return None
    products = _products(sent)
    names = [p for p in products if _product_is_strong(p)]
    anaphoric = re.search(r"\b(?:deze|dit|die)\b", sent, _I)
    if not (names or anaphoric):
        return None
    deadlines = ctx.deadlines(s, e)
    previous: Deadline | None = None
    new: Deadline | None = None
    for d in deadlines:
        if d.start is None:
            continue
        ds = d.start - s
        cut = max(sent.rfind(",", 0, ds), sent.rfind(";", 0, ds), 0)
        clause_left = sent[cut:ds]
        old_clause = _OLD_PLAN_RE.search(clause_left) or (
            earlier and earlier.start() < ds and not re.search(r"[,;]", sent[earlier.end():ds])
        )
        if old_clause and not _NOW_RE.search(clause_left) and previous is None:
            previous = d
        elif not ctx.is_past(d) and not _WITH_VIEW_RE.search(sent[max(0, ds - 20):ds]):
            new = d
    if earlier is None:
        # A slip word alone: about a promised product, with a future date or
        # a future form ("verschijnt nu", "zal later").
        if slip is None or not names or re.search(r"\b(?:zou|zouden)\b", sent, _I):
            return None
        if new is None and not _FUT_RE.search(sent) and not _NOW_RE.search(sent):
            return None
        if re.search(r"\b(?:heeft|hebben|had|hadden)\b[^.;]*\bopgelopen\b", sent, _I) and new is None:
            return None
    elif previous is None and not (names or anaphoric):
        return None
    slip_here = bool(slip) or (new is not None and previous is not None)
    deliverables = [_strip_np(names[0][2])] if names else []
    return _Found(
        start=s, end=e, kind="product", certainty="clear",
        confidence=0.88 if previous is not None else 0.8,
        actor=ctx.default_actor, deliverables=deliverables, deadline=new, act_pos=s,
        revision=Revision(previous=previous, text=sent, start=s, end=e),
        slip_pending=not slip_here,
    )


# --------------------------------------------------------------------------
# Neighbours and merging
# --------------------------------------------------------------------------


def _attach_neighbours(ctx: _Ctx, hit: _Found, sents: list[tuple[int, int]], pos: int) -> None:
    text = ctx.text
    if hit.revision is not None:
        _complete_revision(ctx, hit, sents, pos)
        return
    if hit.marker == "restated" and pos + 1 < len(sents):
        ns, ne = sents[pos + 1]
        nxt = text[ns:ne]
        if _FULFIL_RE.search(nxt) and re.search(r"\b(?:na|dat|invulling|uitvoering|gevolg|voldoe|doe|informeer)\b", nxt, _I):
            hit.kind = ""  # "Met deze brief kom ik die toezegging na": fulfilled, not open
            return
    if hit.anaphoric and pos > 0 and not _has_strong_product(text[hit.start:hit.end]):
        # "Momenteel wordt de Amerikastrategie opgesteld. Naar verwachting is
        # dit in het derde kwartaal afgerond.": the product is in the sentence before.
        ps, pe = sents[pos - 1]
        prev = text[ps:pe]
        names = [p for p in _products(prev) if _product_is_strong(p)]
        if names and not _is_question(prev) and _adjacent(text, pe, hit.start):
            hit.start = ps
            hit.deliverables = [_strip_np(names[-1][2])]
            if hit.kind == "actie":
                hit.kind = "product"
    if hit.deadline is not None or pos + 1 >= len(sents):
        return
    ns, ne = sents[pos + 1]
    nxt = text[ns:ne]
    if not _ANAPHOR_START_RE.match(nxt) or _is_question(nxt) or not _TIME_HINT_RE.search(nxt):
        return
    if _FUT_RE.search(nxt) and not _is_same_promise(nxt):
        return
    cands = [
        d for d in ctx.deadlines(ns, ne)
        if not ctx.is_past(d) and d.start is not None and not _dates_topic_event(nxt, d.start - ns)
        and not _FOR_YEAR_RE.match(d.text)
    ]
    if cands:
        hit.deadline = cands[0]
        hit.end = ne
        if hit.certainty == "clear":
            hit.confidence = round(min(0.95, hit.confidence + (0.08 if cands[0].due else 0.04)), 2)


def _complete_revision(ctx: _Ctx, hit: _Found, sents: list[tuple[int, int]], pos: int) -> None:
    text = ctx.text
    assert hit.revision is not None
    if not hit.deliverables:
        hit.deliverables = _antecedent_product(text, sents, pos)
    if hit.slip_pending and pos + 1 < len(sents):
        ns, ne = sents[pos + 1]
        nxt = text[ns:ne]
        if not _is_question(nxt) and (_SLIP_NEXT_RE.search(nxt) or (
            _NOW_RE.search(nxt) and _TIME_HINT_RE.search(nxt)
        )):
            hit.slip_pending = False
            hit.end = ne
            new = [
                d for d in ctx.deadlines(ns, ne)
                if not ctx.is_past(d) and d.start is not None
                and not _WITH_VIEW_RE.search(text[max(0, d.start - 20):d.start])
                and not re.search(r"\baantreden\b", d.text, _I)
            ]
            if new and hit.deadline is None:
                hit.deadline = new[0]
            hit.revision = Revision(hit.revision.previous, text[hit.start:ne], hit.start, ne)
    if hit.slip_pending:
        # No slip: an earlier promise restated with its date (or, without a
        # date, only a reference to an earlier letter: dropped by the caller).
        hit.deadline = hit.revision.previous
        hit.revision = None
        hit.confidence = 0.8
        hit.slip_pending = False
        if hit.deadline is None or not _FUTURE_FORM_RE.search(text, hit.start, hit.end):
            hit.kind = ""


def _has_strong_product(sent: str) -> bool:
    return any(_product_is_strong(p) for p in _products(sent))


def _is_same_promise(nxt: str) -> bool:
    return bool(re.match(
        r"\s*(?:dit|dat|deze|die|het)\s+(?:\w+\s+){0,2}?(?:zal|zullen|wordt|is|gebeurt|doet)\b", nxt, _I
    ))


def _antecedent_product(text: str, sents: list[tuple[int, int]], pos: int) -> list[str]:
    best = ""
    for k in range(pos - 1, max(-1, pos - 4), -1):
        s, e = sents[k]
        for p in _products(text[s:e]):
            np = _strip_np(p.text)
            if _product_is_strong(p) and len(np.split()) > len(best.split()):
                best = np
        if len(best.split()) > 1:
            break
    return [best] if best else []


def _merge(ctx: _Ctx, found: list[_Found]) -> list[_Found]:
    text = ctx.text
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.start < prev.end:
            # Already absorbed as the previous record's neighbour.
            if prev.deadline is None and f.deadline is not None:
                prev.deadline = f.deadline
            if f.revision is None and _more_specific(f.deliverables, prev.deliverables):
                prev.deliverables = f.deliverables
            prev.end = max(prev.end, f.end)
            continue
        if (
            prev is not None and f.anaphoric and f.revision is None and prev.revision is None
            and _adjacent(text, prev.end, f.start)
        ):
            content = bool(_CONTENT_CONT_RE.match(text, f.start))
            dated = prev.deadline is None and f.deadline is not None and (
                _same_head(prev.deliverables, f.deliverables) or f.kind == prev.kind
            )
            if content or dated:
                prev.end = f.end
                if prev.deadline is None:
                    prev.deadline = f.deadline
                if dated and _more_specific(f.deliverables, prev.deliverables):
                    prev.deliverables = f.deliverables
                if prev.certainty == "borderline" and f.certainty == "clear" and not prev.hedged:
                    prev.certainty = "clear"
                prev.confidence = max(prev.confidence, f.confidence)
                continue
        out.append(f)
    return out


def _adjacent(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return b >= a and not gap.strip() and gap.count("\n") <= 1


def _heads(items: list[str]) -> set[str]:
    out: set[str] = set()
    for it in items:
        m = re.search(
            r"(strategie|nota|notitie|brief|onderzoek|evaluatie|plan|rapportage|rapport|wetsvoorstel)\b",
            it, _I,
        )
        if m:
            out.add(m.group(1).lower())
    return out


def _same_head(a: list[str], b: list[str]) -> bool:
    return bool(_heads(a) & _heads(b))


def _more_specific(new: list[str], old: list[str]) -> bool:
    if not new or any(x.lower().startswith(("informatie", "uitvoering")) for x in new):
        return False
    if not old:
        return True
    return _same_head(new, old) and len(" ".join(new)) > len(" ".join(old))


def _to_commitment(text: str, f: _Found) -> Commitment:
    return Commitment(
        text=text[f.start:f.end], start=f.start, end=f.end, page=None, actor=f.actor,
        deliverables=f.deliverables, kind=f.kind, certainty=f.certainty, confidence=f.confidence,
        deadline=f.deadline, revision=f.revision,
    )
