"""Commitment (toezegging) detection in Dutch government texts.

Implements ``shared/spec/commitments.md`` and the sections "Which phrase is
the deadline" and "Revisions" of ``shared/spec/deadlines.md``.

Public API
----------
``find_commitments(text, *, reference_date, calendar=None,
default_actor="het kabinet", spans=None, turns=None) -> list[Commitment]``;
``explain(sentence) -> Rejection | None`` (why a sentence is no promise).

With ``turns`` (:func:`tracker.extraction.turns.find_turns`) only government
speakers' turns are read, "ik" is the speaker, and a bare ``Ja, dat zeg ik
toe`` takes its content from the member's question just before it.

Layout
------
The words are data in :mod:`tracker.extraction.lexicon` (``verbs``,
``deliverables``, ``actors``); ``patterns`` generates the regexes from them;
``records.MARKERS`` is the table of undertaking markers and ``records.Rejection``
the named reasons for a no. ``regions`` picks the sentences, ``analyse`` judges
one (with ``markers``, ``acts``, ``actors``, ``timing``, ``deliverables``),
``revisions`` handles slips, neighbours and merging, ``debate`` the bare yes,
``dialogue`` a promise drawn out over sentences and turns of a debate (pick-ups,
confirmations, reported questions, a date named after ``wanneer?``).
Adding a cue: one row in the lexicon or the marker table, one test row in
``tests/extraction/test_commitment_shapes.py``.

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

from collections.abc import Sequence
from datetime import date

from tracker.extraction.commitments.analyse import _analyse, _list_items
from tracker.extraction.commitments.debate import _ANSWER_PROMISE_RE, _answer_promise, _Speakers
from tracker.extraction.commitments.dialogue import confirmation, follow_ups
from tracker.extraction.commitments.markers import _no_undertaking
from tracker.extraction.commitments.patterns import _ANAPHOR_START_RE, _CONTENT_CONT_RE
from tracker.extraction.commitments.phrases import new_document
from tracker.extraction.commitments.records import Rejection, _Ctx, _Found
from tracker.extraction.commitments.regions import _candidate_sentences, _regions
from tracker.extraction.commitments.registers import date_from_fields
from tracker.extraction.commitments.rejections import (
    fulfilled_later,
    motion_bodies,
    other_author,
    without,
)
from tracker.extraction.commitments.revisions import _attach_neighbours, _merge, _to_commitment
from tracker.extraction.commitments.tables import _L_TRIGGER
from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.turns import Turn
from tracker.extraction.types import Commitment

__all__ = ["CERTAINTIES", "KINDS", "Rejection", "explain", "find_commitments"]

KINDS = ("informeren", "product", "motie", "toezegging", "actie")
# Longest sentence read as a bare yes ("Ja, dat zeg ik toe.") or a confirmation ("Dat wil ik graag
# doen; dat zeg ik graag toe.").
_SHORT = 160
CERTAINTIES = ("clear", "borderline")




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
    if other_author(text):
        return []  # a letter of the Rekenkamer, a committee, a member: no government promise
    new_document()
    lower = text.lower()
    ctx = _Ctx(
        text, reference_date, calendar, default_actor, find_deadlines,
        lower if len(lower) == len(text) else None,
    )
    speakers = _Speakers(text, turns, default_actor) if turns else None
    regions = speakers.regions(spans) if speakers else _regions(text, spans)
    if "beraadslaging" in lower:
        regions = without(regions, motion_bodies(text))  # the Kamer's own motions
    found: list[_Found] = []
    confirms: list[tuple[int, int]] = []
    items_done = -1
    for s, e, sents, pos in _candidate_sentences(text, ctx.lower, regions):
        if s < items_done:
            continue
        hit = None
        if speakers is not None:
            ctx.default_actor = speakers.actor_at(s)
            if e - s <= _SHORT and _ANSWER_PROMISE_RE.match(text[s:e].strip()):  # a bare yes is short
                hit = _answer_promise(ctx, s, e, speakers.question_before(s))
            if hit is None and e - s <= _SHORT and confirmation(text, s, e):
                confirms.append((s, e))  # "Dat zeg ik graag toe." after a promise of the same turn
                continue
        hit = hit or _analyse(ctx, s, e)
        if hit is None and speakers is not None and text[s:e].rstrip().endswith("?"):
            # "Ik heb toegezegd terug te komen op X: hoe normeren we X?": the promise before the question
            colon = text.rfind(": ", s, e)
            if colon > s and "?" not in text[s:colon]:
                hit = _analyse(ctx, s, colon)
        if hit is None:
            # "Het kabinet zal de komende maanden:" followed by list items.
            items = _list_items(ctx, s, e, sents, pos)
            if items:
                found.extend(items)
                items_done = items[-1].end
            continue
        hit.anaphoric = bool(_ANAPHOR_START_RE.match(text, s) or _CONTENT_CONT_RE.match(text, s))
        _attach_neighbours(ctx, hit, sents, pos)
        if hit.marker == "restated" and speakers is None and fulfilled_later(text, hit.end):
            continue  # "… heb ik toegezegd … . Met deze brief kom ik tevens tegemoet aan …"
        if hit.kind:
            found.append(hit)
    merged = _merge(ctx, found)
    if speakers is not None:
        merged = follow_ups(ctx, merged, confirms, speakers)
    date_from_fields(text, merged, reference_date)
    return [_to_commitment(text, f) for f in merged]


def explain(sentence: str, *, reference_date: date | None = None) -> Rejection | None:
    """Why ``sentence`` is no promise, or None when it is one (for reviewers
    and tests: the named reason of each rejection)."""
    ctx = _Ctx(sentence, reference_date, None, "het kabinet", find_deadlines, sentence.lower())
    if len(ctx.lower or "") != len(sentence):
        ctx.lower = None
    if not _L_TRIGGER.search(sentence.lower()):
        return _no_undertaking(sentence, [])
    hit = _analyse(ctx, 0, len(sentence.rstrip()))
    return None if hit is not None else ctx.rejection or Rejection.NO_UNDERTAKING
