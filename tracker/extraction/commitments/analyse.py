"""One sentence: undertaking + act + actor + deadline, or a named rejection."""

from __future__ import annotations

import re

from tracker.extraction.commitments.actors import _actor
from tracker.extraction.commitments.acts import (
    _ACT_RANK,
    _RECEIVE_WORDS,
    _coordinated_acts,
    _delivery_passive,
    _find_acts,
    _kind,
    _past_tense,
    _settle_act_class,
)
from tracker.extraction.commitments.deliverables import _coordinated_deliverable, _deliverables
from tracker.extraction.commitments.markers import (
    _LEADING_CONDITION_RE,
    _no_undertaking,
    _reported_question,
    _undertaking,
)
from tracker.extraction.commitments.patterns import (
    _BLIJVEN_RE,
    _COND_RE,
    _DEBATE_ITEMS_RE,
    _GOV_ACTOR_RE,
    _HABITUAL_RE,
    _I,
    _IN_THIS_LETTER_RE,
    _ITEM_START_RE,
    _KAMER_RE,
    _LAID_DOWN_RE,
    _LEAD_MARKER_RE,
    _LIGHT_NO_TIME_OBJECT,
    _MEMBERS_RE,
    _NAMED_PRODUCT_RE,
    _NEG_BEFORE_RE,
    _NEG_OK_RE,
    _NEG_RE,
    _OBLIGATION_RE,
    _PERFORMATIVE_RE,
    _QUALIFIER_RE,
    _RECURRING_RE,
    _REPORTED_OTHER_RE,
    _THIS_LETTER_RE,
    _UNSCHEDULED_RE,
    _WISH_RE,
)
from tracker.extraction.commitments.phrases import _cut_np, _is_question, _products, _segment
from tracker.extraction.commitments.records import MARKERS, Rejection, _Act, _Ctx, _Found
from tracker.extraction.commitments.rejections import (
    in_this_document,
    is_motion_request,
    not_a_promise,
    open_willingness,
    within_this_debate,
)
from tracker.extraction.commitments.revisions import _analyse_revision
from tracker.extraction.commitments.tables import (
    _KAMER_RECEIVES_RE,
    _L_BEREID,
    _L_EARLIER,
    _L_FUT,
    _L_GAAN,
    _L_INTENT,
    _L_SLIP_WORD,
    _L_TIME_HINT,
    _L_TOEZEG,
    _L_UNCERTAIN,
    _OWN_EFFORT_RE,
    _REVISION_HINT_RE,
    _UNCERTAIN_HINT_RE,
)
from tracker.extraction.commitments.timing import _event_clause, _governing
from tracker.extraction.lexicon import deliverables as deliverable_words
from tracker.extraction.prefilter import may_match, required_words
from tracker.extraction.types import Deadline


def _analyse(ctx: _Ctx, s: int, e: int, lead_actor: str | None = None) -> _Found | None:
    sent = ctx.text[s:e]
    low = ctx.lower[s:e] if ctx.lower is not None else sent.lower()
    if len(low) != len(sent):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sent)
    if _is_question(sent):
        return ctx.reject(Rejection.QUESTION)
    statement = not_a_promise(sent, low)
    if statement is not None:
        return ctx.reject(_STATEMENT_REJECTIONS[statement])
    if ("leden" in low or "fractie" in low) and _MEMBERS_RE.search(sent) and not _GOV_ACTOR_RE.search(sent):
        return ctx.reject(Rejection.MEMBERS_TEXT)
    if _UNCERTAIN_HINT_RE.search(low) and _L_UNCERTAIN.search(low):
        return ctx.reject(Rejection.OPEN_OUTCOME)
    if ("verzo" in low or "roep" in low or "draagt" in low or "spreekt" in low) and is_motion_request(sent):
        return ctx.reject(Rejection.MOTION_TEXT)
    if _REVISION_HINT_RE.search(low) and (_L_EARLIER.search(low) or _L_SLIP_WORD.search(low)):
        rev = _analyse_revision(ctx, s, e, sent)
        if rev is not None:
            return rev
    acts = _find_acts(sent, low)
    # Found once here and handed to _undertaking, which needs the same matches.
    toezeg = _L_TOEZEG.search(low) if "toe" in low else None
    bereid = _L_BEREID.search(low) if toezeg is None and "bereid" in low else None
    explicit = (toezeg or bereid or "toegezegd" in low or "beloofd" in low) and (
        _TO_DO_RE.search(low)
    )
    if not acts and not (explicit and not sent.rstrip().endswith(":")):
        return ctx.reject(Rejection.NO_ACT)  # an explicit "zeg toe"/"bereid" promises whatever it names
    if lead_actor is not None:
        # A list item under "Ik zal:": the lead's undertaking governs its act.
        marker, anchor, act = "future", 0, min(acts, key=lambda a: (_ACT_RANK[a.kind], a.start))
    else:
        marker, anchor, act = _undertaking(sent, low, acts, (toezeg, bereid))
    if marker is None or act is None:
        return ctx.reject(_no_undertaking(sent, acts))
    row = MARKERS[marker]
    if row.now_cue == "performative" and may_match(_PERFORMATIVE_WORDS, low) and _PERFORMATIVE_RE.search(sent):
        return ctx.reject(Rejection.PERFORMED_NOW)
    if row.now_cue == "this_letter" and (
        (may_match(_THIS_LETTER_WORDS, low) and _THIS_LETTER_RE.search(sent))
        or (may_match(_IN_THIS_LETTER_WORDS, low) and _IN_THIS_LETTER_RE.search(sent, *_segment(sent, act.start)))
    ):
        return ctx.reject(Rejection.PERFORMED_NOW)  # "… zal worden geïnformeerd via deze brief"
    if lead_actor is None and _reported_question(sent, anchor):
        return ctx.reject(Rejection.REPORTED_QUESTION)
    if _LEADING_CONDITION_RE.match(sent):
        return ctx.reject(Rejection.CONDITIONAL)
    if _LAID_DOWN_HINT_RE.search(low) and _LAID_DOWN_RE.search(sent, 0, max(anchor, act.start)):
        return ctx.reject(Rejection.OBLIGATION)  # "In de wet is vastgelegd dat de minister … zendt"

    seg_a, seg_b = _segment(sent, anchor)
    lo, hi = sorted((anchor, act.start))
    span_text = sent[lo:max(hi + len(act.word), lo)]
    if not row.negation_checked:
        window = _NEG_OK_RE.sub(" ", span_text)
        if _NEG_RE.search(window) or _NEG_RE.search(sent[max(seg_a, act.start - 14):act.start]):
            return ctx.reject(Rejection.NEGATED)
    obliged = may_match(_OBLIGATION_WORDS, low)
    if row.obligation and obliged and _OBLIGATION_RE.search(span_text):
        return ctx.reject(Rejection.OBLIGATION)
    if act.kind != "pseudo" and obliged and _OBLIGATION_RE.search(sent[max(seg_a, act.start - 30):act.start]):
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
    reported = _REPORTED_OTHER_RE.match(sent) if lead_actor is None else None
    if reported and reported.end() <= anchor and not _GOV_ACTOR_RE.search(reported.group("subj")) and not re.search(
        r"\b(?:ik|wij|we|mijn|onze)\b", reported.group("subj"), re.I
    ):
        return ctx.reject(Rejection.OTHER_ACTOR)  # "De voorzitter van de commissie heeft laten weten dat …"

    delivery = marker == "present" and _delivery_passive(sent, act)
    receives = marker == "present" and act.word in _RECEIVE_WORDS and bool(_KAMER_RECEIVES_RE.search(low))
    recurring = (
        marker == "present" and act.kind == "inform" and bool(_RECURRING_RE.search(low))
        and bool(_KAMER_RE.search(sent))
    )
    if receives and may_match(_WISH_WORDS, low) and _WISH_RE.search(sent, act.end, act.end + 30):
        return ctx.reject(Rejection.OTHER_ACTOR)  # "dan ontvangt de Kamer graag een prognose": the Kamer's wish
    needs_time = row.needs_time and not delivery and not recurring and not receives
    if needs_time and not _L_TIME_HINT.search(low):
        return ctx.reject(Rejection.NO_TIME)
    deadlines = ctx.deadlines(s, e)  # needs_time implies a time hint here
    usable = deadlines
    if marker == "restated":
        # Phrases before "heeft … toegezegd" date the announcement itself.
        usable = [d for d in deadlines if d.start is not None and d.start - s > anchor]
    else:
        # "Met uw Kamer heb ik op 8 oktober jl. gewisseld dat het standpunt voor de zomer komt": the main
        # clause's phrases date the exchange, not the promise in its dat-clause.
        told = [m.end() for m in _TOLD_THAT_RE.finditer(sent, 0, act.start)] if "heb" in low else []
        if told:
            usable = [d for d in deadlines if d.start is not None and d.start - s >= told[-1]]
    deadline = _governing(ctx, sent, s, usable, act.start, anchor)
    if deadline is None:
        deadline = _event_clause(sent, s, act.start, anchor)
        if deadline is not None:
            deadlines = [*deadlines, deadline]
    if row.needs_time and not delivery:
        if _past_tense(sent, act):
            return ctx.reject(Rejection.PAST_ACT)
        if _HABITUAL_RE.search(low):
            return ctx.reject(Rejection.HABITUAL)
        if deadline is None and not recurring and not receives:
            return ctx.reject(Rejection.NO_TIME)
    if deadline is None and marker in ("present", "kamer_passive") and _UNSCHEDULED_RE.search(low):
        return ctx.reject(Rejection.HABITUAL)  # "De Kamer wordt periodiek geïnformeerd via …"
    if deadline is None and act.word.startswith(("dat ", "dit ")):
        return ctx.reject(Rejection.NO_TIME)  # a bare "Dat zullen we doen" restates the promise before it
    if row.hedged and deadline is None and act.kind == "action":
        return ctx.reject(Rejection.VAGUE_INTENT)
    if deadline is not None and act.word in deliverable_words.DEBATE_ACTS and (
        " ".join(deadline.text.lower().split()) in deliverable_words.THIS_DEBATE_TIMES
    ):
        return ctx.reject(Rejection.PERFORMED_NOW)  # "Ik zal vandaag vooral ingaan op …": this very debate
    if deadline is None and not products and act.kind in ("pseudo", "action") and open_willingness(sent, anchor):
        return ctx.reject(Rejection.OPEN_CONDITION)
    if deadline is None and act.kind in ("inform", "pseudo") and within_this_debate(sent):
        return ctx.reject(Rejection.PERFORMED_NOW)  # "Daar kom ik in de tweede termijn op terug"
    if (deadline is None or marker in ("present", "kamer_passive")) and marker != "restated" and in_this_document(
        ctx.text, s, sent
    ):
        return ctx.reject(Rejection.PERFORMED_NOW)  # "zal ik in deze brief ingaan op …"
    if deadline is None and not products and act.word in deliverable_words.DEBATE_ACTS and _DEBATE_ITEMS_RE.search(
        sent, min(anchor, act.start), act.end + 60
    ) and not _WITH_OTHERS_RE.search(sent, min(anchor, act.start), act.end + 60):
        # "daarna ga ik de moties bespreken": this very debate ("met de gemeenten bespreken" is not)
        return ctx.reject(Rejection.PERFORMED_NOW)

    # Drop product phrases inside a time phrase ("bij de Voorjaarsnota"); cut
    # those that run into one ("het wetsvoorstel op korte termijn").
    spans = [(d.start - s, d.end - s) for d in deadlines if d.start is not None and d.end is not None]
    # "ik zal daar in de voortgangsbrief van september op ingaan": a content verb's product is the
    # event phrase itself.
    in_product = act.word in _CONTENT_VERBS
    products = [
        _cut_np(sent, p, spans) for p in products
        if in_product or not any(a <= p.start < b for a, b in spans)
    ]
    if not products and act.word in _LIGHT_NO_TIME_OBJECT and act.kind != "pseudo" and marker not in ("toezeg", "bereid"):
        # "Het kabinet komt straks met de Voorjaarsnota": the only product is a time phrase (the budget cycle)
        return ctx.reject(Rejection.NO_ACT)

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
        row.hedged
        or bool(intent and not re.search(r"\bvan\s+(?:de|het)\b", low[intent.end():intent.end() + 12]))
        or any(
            # "wil ik toezeggen", "ben ik bereid": "wil" is courtesy before an explicit promise, not a hedge
            not (row.explicit and q.group().lower().startswith("wil")) for q in _QUALIFIER_RE.finditer(sent, seg_a, seg_b)
        )
    )
    if marker == "restated" and "voornemen" in sent.lower():
        hedged = True
    if row.hedged and act.word.startswith("beantwoord") and _OWN_EFFORT_RE.search(low):
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


# Words one of which every match holds (derived from the patterns): a substring test on the
# lower-cased sentence skips the regex on most sentences.
_PERFORMATIVE_WORDS = required_words(_PERFORMATIVE_RE)
_THIS_LETTER_WORDS = required_words(_THIS_LETTER_RE)
_IN_THIS_LETTER_WORDS = required_words(_IN_THIS_LETTER_RE)
_OBLIGATION_WORDS = required_words(_OBLIGATION_RE)
_WISH_WORDS = required_words(_WISH_RE)
# "zal meer tijd vergen" names no act; "kan nog niet worden gezegd" denies one; "per abuis toegezegd" undoes one.
_STATEMENT_REJECTIONS = {
    "duration": Rejection.NO_ACT, "not_yet": Rejection.NEGATED, "mistaken": Rejection.NO_UNDERTAKING,
}
_CONTENT_VERBS = frozenset(("ingaan", "ingegaan", "meenemen", "meegenomen", "betrekken", "schetsen", "geschetst"))
_LAID_DOWN_HINT_RE = re.compile(r"vastgelegd|bepaal|geregeld|voorgeschreven|neergelegd|schr[ie]\w+ voor|regelt")
# A perfect main clause that reports what was said or agreed: "heb ik … gewisseld/afgesproken/gemeld dat".
_TOLD_THAT_RE = re.compile(
    r"\b(?:heb|heeft|hebben)\b[^;:?]{0,200}?\b(?:ge\w+[dt]|afgesproken|toegezegd|aangegeven|aangekondigd|"
    r"besproken|uitgewisseld|medegedeeld|meegedeeld|overeengekomen|toegelicht)\s+dat\b",
    re.I,
)
_WITH_OTHERS_RE = re.compile(r"\b[Mm]et\s+(?:(?:de|het|mijn|onze|een|alle|betrokken)\b|[A-Z])")

# "toe (om) … te <verb>", "bereid (om) … te <verb>": an explicit promise names its act as an infinitive.
_TO_DO_RE = re.compile(r"\b(?:toe|bereid|toegezegd|beloofd)\s*,?\s+(?:om\s+)?(?!dat\b)[^;?]{0,220}?\bte\s+\w+")


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


def _confidence(certainty: str, kind: str, deadline: Deadline | None, marker: str, kamer: bool) -> float:
    if certainty == "clear":
        c = 0.8
        if deadline is not None:
            c += 0.12 if deadline.due is not None else 0.07
        if kind in ("product", "motie", "toezegging") or kamer:
            c += 0.03
        if MARKERS[marker].indirect:
            c -= 0.03
        return round(min(c, 0.97), 2)
    c = 0.45
    if kind != "actie":
        c += 0.1
    if deadline is not None:
        c += 0.08
    return round(min(c, 0.69), 2)
