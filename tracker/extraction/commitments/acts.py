"""Acts: the checkable things a sentence can promise, and their class."""

from __future__ import annotations

import re

from tracker.extraction.commitments.patterns import (
    _DELIVERY_ACTIONS,
    _EVALUATE_RE,
    _FORMULA_RE,
    _I,
    _IMPLIED_PRODUCT,
    _KAMER_RE,
    _LETTER_RE,
    _NEEDS_PRODUCT,
    _OTHER_RECIPIENT_RE,
    _PASSIVE_DELIVERY,
    _PASSIVE_PRESENT_RE,
    _PAST_AUX_RE,
    _PRESENT_ACT_RE,
    _REL_START_RE,
    _SEPARABLE,
    _SUBORD_RE,
)
from tracker.extraction.commitments.phrases import (
    _clause_bounds,
    _product_is_strong,
    _products,
    _segment,
)
from tracker.extraction.commitments.records import MARKERS, _Act
from tracker.extraction.commitments.tables import (
    _ACT_KEYS,
    _ACT_WORDS,
    _I_REPORT_RE,
    _KAMER_RECEIVES_RE,
    _L_ACT_PHRASES,
    _L_PRODUCT_END,
    _PHRASE_FAMILIES,
    _PHRASE_HINT_RE,
    _PUNCT_TO_SPACE,
    _SEP_TE_RE,
    _WITH_KAMER_LOW_RE,
    _WS_RE,
    _YOU_CAN_RE,
    _word_positions,
)
from tracker.extraction.lexicon import verbs

_CONTENT_WORDS = frozenset(verbs.PRODUCT["meenemen"])


def _strong_product_near(sent: str, word: str, start: int, end: int) -> bool:
    """A product noun next to a light verb in its clause segment ("er komt een
    evaluatie", "een reactie volgt", "een inventarisatie maken")."""
    seg_a, seg_b = _segment(sent, start)
    if word in _CONTENT_WORDS:
        seg_a, seg_b = 0, len(sent)  # "In dezelfde brief …, zal ik die vraag meenemen": the product is fronted
    reach = 25 if word.startswith("maak") or word == "maken" else 90
    for p in _products(sent[seg_a:seg_b]):
        ps, pe = p.start + seg_a, p.end + seg_a
        if _product_is_strong(p) and (0 <= start - pe <= reach or 0 <= ps - end <= reach):
            return True
    # "Het standpunt, dat ook ingaat op …, komt beschikbaar": the subject stands before a relative clause.
    if seg_a > 1:
        ra, rb = _segment(sent, seg_a - 2)
        if ra > 1 and _REL_START_RE.match(sent[ra:rb]):
            pa, pb = _segment(sent, ra - 2)
            head = sent[pa:pb].rstrip()
            return any(_product_is_strong(p) and p.end >= len(head) - 1 for p in _products(head))
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
        if " " not in w and _word_before(low, start) in verbs.NOUN_DETERMINERS:
            continue  # the noun "uit onze onderzoeken"
        if (w in _OWN_SUBJECT_ONLY or w.startswith("laat ")) and not _GOV_SUBJECT_NEAR_RE.search(
            low, max(0, start - 40), end + 25
        ):
            continue  # "de consultatie start", "de Kamer laat weten": someone else starts or tells
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


def _word_before(low: str, start: int) -> str:
    """The word right before ``start`` (lower case), or "" after punctuation."""
    end = start
    while end > 0 and low[end - 1] == " ":
        end -= 1
    begin = end
    while begin > 0 and low[begin - 1].isalpha():
        begin -= 1
    return low[begin:end]


_RECEIVE_WORDS = frozenset({"ontvangt", "krijgt", "hoort"})
# Intransitive or telling verbs that promise only with the government as their subject nearby.
_OWN_SUBJECT_ONLY = frozenset({"start", "begint", "beginnen"})
_GOV_SUBJECT_NEAR_RE = re.compile(r"\b(?:ik|wij|we|kabinet|regering|minister\w*|staatssecretaris\w*|ministerie)\b")
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
        if not strong and not anaphoric and not MARKERS[marker].explicit:
            return _Act("action", act.start, act.end, act.word)
    return act


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
        if act.word.lower() in verbs.PARTICIPLE_LIKE_PRESENT and re.search(
            r"\b(?:heb|hebt|heeft|hebben|had|hadden|is|zijn|was|waren)\b", sent[seg_a:act.start], re.I
        ):
            return True  # "Ik heb de vragen op 3 maart beantwoord"
        return bool(_PAST_AUX_RE.search(sent, seg_a, act.start) and re.search(r"\bge\w+[dt]\b", sent[act.end:act.end + 60]))
    if re.search(r"\b(?:wordt|worden)\b", before, _I):
        return False
    after = sent[act.end:act.end + 40]
    return bool(_PAST_AUX_RE.search(before) or _PAST_AUX_RE.match(after.strip()))


def _kind(sent: str, act: _Act, marker: str, products: list[tuple[int, int, str]]) -> str:
    if MARKERS[marker].kind:
        return MARKERS[marker].kind
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
    # Products named inside a relative clause ("het standpunt, dat ingaat op het onderzoek, komt …")
    # describe another one; they are objects only when nothing else is.
    main = [p for p in out if not _REL_START_RE.match(sent[slice(*_segment(sent, p[0]))])]
    return main or out
