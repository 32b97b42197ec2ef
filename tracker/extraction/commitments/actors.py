"""Who promises: the government actor of a sentence, or None for someone else."""

from __future__ import annotations

import re

from tracker.extraction.commitments.patterns import (
    _ADVERBIAL_START_RE,
    _DOOR_RE,
    _EXPECT_OWN_VERB_RE,
    _FINITE_RE,
    _FIRST_PERSON_RE,
    _GOV_ACTOR_RE,
    _I,
    _KAMER_SUBJECT_RE,
    _NAMED_PRODUCT_RE,
    _NON_GOV_RE,
    _OWN_NAMES_RE,
    _PASSIVE_PRESENT_RE,
    _PRESENT_ACT_RE,
    _PRODUCT_RE,
    _RESTATED_AUX_RE,
    _SUBJ_AFTER_RE,
)
from tracker.extraction.commitments.phrases import _segment, _subordinators
from tracker.extraction.commitments.records import _Act, _Ctx
from tracker.extraction.commitments.tables import _WORD_RE, _WS_RE


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
    while seg_a > 1 and sent[seg_a - 1] == "," and _NAME_LIST_TAIL_RE.fullmatch(sent[seg_a:fin].strip()):
        seg_a, _ = _segment(sent, seg_a - 2)  # "aan Bonaire, Sint Maarten en Saba zal": one list, one clause
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
    if subj and _FIRST_PERSON_RE.match(subj.group("subj")):
        return ctx.default_actor  # inversion: "De eerste vraag van de heer X kan ik … daar kom ik op terug"
    if not before_s or _ADVERBIAL_START_RE.match(before_s):
        if subj:
            return _subject_actor(ctx, subj.group("subj"))
        tail = after.lstrip()[:60]
        if _is_other_party(tail):
            return None  # "In juni presenteert Duitsland een plan"
        bare = re.sub(r"^(?:de|het)\s+", "", tail)
        if bare != tail and _NON_GOV_RE.match(bare) and not _GOV_ACTOR_RE.match(tail):
            return None  # "Ook gaat de inspectie … beoordelen"
        others = _NON_GOV_RE.match(tail) or (
            re.match(r"(?:de|het)\s+(?:[A-Z][\w-]*\s*){1,3}", tail) and _NON_GOV_RE.search(tail[:30])
        )
        if others and not _PRODUCT_RE.search(tail[:40]):
            return None
        return ctx.default_actor
    if subj and re.fullmatch(r"(?i:ik|wij|we)", subj.group("subj")):
        return ctx.default_actor  # V2: "Om … te informeren zeg ik u toe": the fronted part is no subject
    return _subject_actor(ctx, before_s)


# The tail of an enumeration of names cut off by a comma: "Sint Maarten en Sint Eustatius".
_NAME_LIST_TAIL_RE = re.compile(r"(?:[A-Z][\w'’-]*|en|of|van|de|der|het)(?:\s+(?:[A-Z][\w'’-]*|en|of|van|de|der|het)){0,6}")
# "Minister Van Dalen", "staatssecretaris Brouwer-Kok": a government role named with a surname.
_ROLE_BEFORE_RE = re.compile(r"\b(?P<role>[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris)\s+(?:van\s+\w+\s+)?$")


def _named_role(ctx: _Ctx, name: str) -> str | None:
    """The role the document gives a surname ("Staatssecretaris Van Dalen … Van Dalen doet de
    toezegging"): a news item or register names the promiser by surname only."""
    text = ctx.text
    i = text.find(name)
    while i >= 0:
        m = _ROLE_BEFORE_RE.search(text, max(0, i - 40), i)
        if m is not None and (i + len(name) == len(text) or not text[i + len(name)].isalnum()):
            role = m.group("role").lower()
            if ctx.default_actor.lower().startswith(role):
                return ctx.default_actor
            return f"de {role} {name}"
        i = text.find(name, i + 1)
    return None


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
    if marker == "intent" and act.start > anchor and _PRESENT_ACT_RE.match(act.word):
        return act.start  # "Naar verwachting publiceert het CBS …": the subject follows the verb
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
        if len(words) <= 4 and words[-1][:1].isupper():
            return _named_role(ctx, subj)
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
