"""Scanning text for deadline phrases.

Running every rule at every word start is far too slow, so scanning is
anchored: every phrase contains one of its rule's *anchor* words (a month,
``kwartaal``, ``zomer``, a year, ``termijn``, an event noun, ...) and everything
before its first anchor is a short run of *prefix* words (``uiterlijk``, ``in``,
``het``, ``derde``, ``1``, ...). One trie-shaped regex finds the anchors; for
each, the run of prefix words before it gives a handful of candidate starts,
tried leftmost first with the combined master pattern and then with every rule
(the longest accepted match wins). Adjacent periods then merge into ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.extraction.calendar import ParliamentaryCalendar
from tracker.extraction.deadlines.dates import _ONE, _R, CAL_PRECISIONS, DAY, EVENT, VAGUE, _norm
from tracker.extraction.deadlines.relative import DAN_AFTER, REFER_BACK
from tracker.extraction.deadlines.rules import _MASTER, _RULES, _resolve_cached
from tracker.extraction.lexicon.calendar import DAY_ORDINALS, NUMBER_WORDS, WEEKDAY_NEXT, WEEKDAYS
from tracker.extraction.lexicon.events import DATED_DOCUMENT_NOUNS
from tracker.extraction.types import Deadline

_PREFIX_WORDS = frozenset(f"""
nog ruim al kort reeds ook uiterlijk niet later dan ergens in op per voor vóór tijdens
gedurende rond rondom omstreeks tegen of met ingang van m.i.v. na aan het de een deze dit
die dat begin vroeg medio half halverwege midden eind einde ultimo loop eerder rest
eerste tweede derde vierde laatste 1e 2e 3e 4e 1ste 2de 3de 4de lopende huidige volgend
volgende komend komende aankomende eerstkomende eerstvolgende eerstvolgend aanstaande
afgelopen vorig vorige zo spoedig snel vlot gauw als binnen afzienbare zeer korte
kortere kort mogelijke lange langere middellange middellangere te zijner dien nabije
over enkele paar aantal enige meerdere verscheidene en t/m tot à a - – / bij via ten
tijde gelijktijdig tegelijk tegelijkertijd voorafgaand voorafgaande aanloop naar direct
meteen vlak onmiddellijk minimaal minstens minste tenminste maandag dinsdag woensdag
donderdag vrijdag zaterdag zondag vanaf sinds nieuwe nieuw jaarlijkse halfjaarlijkse geplande
voorziene verwachte definitieve formele plenaire plenair schriftelijke mondelinge
aangekondigde toegezegde europese algemeen algemene schriftelijk bestuurlijk
financiële politieke mid-term midterm aanvang start maand later voorbije exact precies
gestelde wettelijke afgesproken nader bepalen eerder d.d. dato gepland staat staan is zijn
worden wordt mijn onze uw haar hun {" ".join(DATED_DOCUMENT_NOUNS)} {" ".join(WEEKDAY_NEXT)}
{" ".join(NUMBER_WORDS)} {" ".join(DAY_ORDINALS)} {" ".join(WEEKDAYS)}
""".split())
_PREFIX_NUMBER = re.compile(r"\d{1,3}(?:e|ste|de|[.,]5)?|\d{1,2}[-–/]\d{1,2}")
_LEADING_PUNCT = "([{«“‘\"'„"
# A slash between two periods ("november/december"; "/" is its own token) opens the second one.
_PERIOD_SLASH = "/"


def _trie_regex(words: list[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _anchor_regex() -> re.Pattern[str]:
    """One pass over the text finds every rule's anchors: plain words in a trie, small regexes beside it."""
    words = {a for rule in _RULES for a in rule.anchors if a.replace("-", "").isalpha()}
    others = sorted({a for rule in _RULES for a in rule.anchors} - words)
    return re.compile(r"\b(?:" + "|".join([_trie_regex(sorted(words)), *others]) + r")\b")


_ANCHOR = _anchor_regex()
_TOKEN = re.compile(r"[([{«“‘\"'„]?t/m|[^\s/]+|/")  # "/" splits: "eind 2026/begin 2027"
_BACK = 160  # how far before an anchor a phrase may start


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: int
    norm: str
    r: _R
    has_pre: bool


_PRE_WORD = re.compile(
    r"(?:uiterlijk|nog|in|op|per|voor|vóór|tijdens|gedurende|rond|rondom|omstreeks|tegen|"
    r"bij|met|na|binnen|over)\b"
)
_JOIN = re.compile(r"\s*[/–-]\s*|\s+(?:of|à|a|tot(?:\s+en\s+met)?|t/m|tot\s+uiterlijk|en)\s+")
_PREC_RANK = {p: i for i, p in enumerate(CAL_PRECISIONS)}


def _lower(text: str) -> str:
    """Lower-case ``text`` without changing its length (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ": keep such characters as they are
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _candidates(low: str, a: int, floor: int) -> list[int]:
    """Possible phrase starts for the anchor at ``a``: the run of prefix words before it."""
    for back in (48, _BACK):  # a short look first; most runs are one or two words
        lo = max(floor, a - back)
        tokens = list(_TOKEN.finditer(low, lo, a))
        anchor_start = a
        if tokens and tokens[-1].end() == a:  # anchor inside a token: "1-6-2026", "(2026"
            tok = tokens.pop().group()
            if tok == _PERIOD_SLASH and a >= 2 and low[a - 2].isalpha():
                return [a]  # "november/december": the second period starts at its own word
            core = tok.lstrip(_LEADING_PUNCT)
            anchor_start = a - len(core)
            if core != tok:
                return [anchor_start]
        starts = [anchor_start]
        stopped = False
        for m in reversed(tokens):
            tok = m.group()
            core = tok.lstrip(_LEADING_PUNCT)
            if core not in _PREFIX_WORDS and not _PREFIX_NUMBER.fullmatch(core):
                stopped = True
                break
            starts.append(m.end() - len(core))
            if core != tok:
                stopped = True
                break
        if stopped or lo == floor:
            break
    starts.reverse()
    return starts


def _match_at(low: str, p: int, ref: date, cal: ParliamentaryCalendar) -> _Hit | None:
    """The longest accepted rule match starting at ``p``."""
    found = []
    for i, rule in enumerate(_RULES):
        cm = rule.regex.match(low, p)
        if cm is not None and cm.end() > p:
            found.append((-cm.end(), i))
    found.sort()
    for neg_end, i in found:
        norm = _norm(low[p:-neg_end])
        r = _resolve_cached(i, norm, ref, cal, None)
        if r is not None:
            return _Hit(p, -neg_end, i, norm, r, bool(_PRE_WORD.match(norm)))
    return None


def _scan(text: str, ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    low = _lower(text)
    hits: list[_Hit] = []
    pos = 0
    tried: set[int] = set()
    master_match = _MASTER.match
    for am in _ANCHOR.finditer(low):
        a = am.start()
        if a < pos:
            continue
        for p in _candidates(low, a, pos):
            if p in tried:
                continue
            tried.add(p)
            if master_match(low, p) is None:
                continue
            hit = _match_at(low, p, ref, cal)
            if hit is not None:
                hits.append(hit)
                pos = hit.end
                tried.clear()
                break
    return finish(text, hits, ref, cal)


def finish(text: str, hits: list[_Hit], ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    """Merge adjacent periods into ranges, then resolve references back."""
    if len(hits) > 1:
        hits = _merge_ranges(text, hits, ref, cal)
    if any(h.r.refers for h in hits):
        hits = refer_back(text, hits, ref, cal)
    return hits


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1).lower() if m else ""


_REFER_SPAN = 300  # how far back (characters) an antecedent may stand


def refer_back(text: str, hits: list[_Hit], ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    """``dan``/``op dat moment`` take the window of the dated phrase just before;
    ``daarna`` opens the day after it (no due date, like ``na X``). Without such a
    phrase within reach, the fixed expressions stay undated events and a bare
    ``dan``/``daarna`` is dropped. ``dan`` and ``daarna`` only refer to a moment
    still ahead on the reference date (``in 2019 … dan`` narrates). ``dat jaar``
    (``eind dat jaar``) is the year of the phrase just before."""
    out: list[_Hit] = []
    for hit in hits:
        if not hit.r.refers:
            out.append(hit)
            continue
        if hit.r.refers == "year":
            year = next(
                (h.r.year for h in reversed(out)
                 if h.r.year is not None and not h.r.refers and hit.start - h.end <= _REFER_SPAN),
                None,
            )
            resolved = None if year is None else _resolve_cached(hit.rule, hit.norm, ref, cal, year)
            if resolved is not None:
                out.append(_Hit(hit.start, hit.end, hit.rule, hit.norm, resolved, False))
            continue
        key = _norm(text[hit.start:hit.end])
        if key == "dan" and _word_before(text, hit.start) not in DAN_AFTER:
            continue
        fixed = REFER_BACK[key][1]
        antecedent = next(
            (
                h for h in reversed(out)
                if h.r.due is not None and not h.r.refers and hit.start - h.end <= _REFER_SPAN
                and (fixed or h.r.due >= ref)
            ),
            None,
        )
        if antecedent is None:
            if fixed:
                out.append(_Hit(hit.start, hit.end, hit.rule, hit.norm, _R(None, None, EVENT), False))
            continue
        a = antecedent.r
        assert a.due is not None
        if hit.r.refers == "after":
            r = _R(a.due + _ONE, None, VAGUE, year=a.year)
        else:
            r = _R(a.window_start, a.due, a.precision, year=a.year, before=a.before)
        out.append(_Hit(hit.start, hit.end, hit.rule, hit.norm, r, False))
    return out


def _mergeable(r: _R) -> bool:
    return r.precision in _PREC_RANK and r.due is not None and not r.before


def _merge_ranges(text: str, hits: list[_Hit], ref: date, cal: ParliamentaryCalendar) -> list[_Hit]:
    out: list[_Hit] = [hits[0]]
    for b in hits[1:]:
        a = out[-1]
        gap = text[a.end:b.start]
        jm = _JOIN.fullmatch(gap) if len(gap) < 20 else None
        if jm is None or not (_mergeable(a.r) and _mergeable(b.r)):
            out.append(b)
            continue
        if _norm(gap) == "en" and (b.has_pre or a.r.precision == DAY):
            # "op 1 juni en op 1 december", "1 juni en 1 december": two dates
            out.append(b)
            continue
        ar = a.r
        if ar.missing and not b.r.missing and b.r.year is not None:
            redone = _resolve_cached(a.rule, a.norm, ref, cal, b.r.year)
            if redone is not None and _mergeable(redone):
                ar = redone
        assert ar.due is not None and b.r.due is not None
        if b.r.due <= ar.due:
            out.append(b)
            continue
        prec = max(ar.precision, b.r.precision, key=_PREC_RANK.__getitem__)
        merged = _R(ar.window_start, b.r.due, prec, year=b.r.year)
        out[-1] = _Hit(a.start, b.end, -1, "", merged, a.has_pre)
    return out


def _deadline(text: str, hit: _Hit) -> Deadline:
    r = hit.r
    return Deadline(text[hit.start:hit.end], r.due, r.window_start, r.precision, hit.start, hit.end)

