"""Cheap word-overlap similarity, used to link a later document to the
commitment it revises or fulfils. Scores are suggestions for reviewers."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-zà-ÿ]{5,}")
# Words that occur in nearly every commitment and say nothing about its subject.
_STOP = frozenset({
    "kamer", "kabinet", "minister", "zullen", "wordt", "worden", "informeren", "geïnformeerd", "hierover",
    "daarover", "zoals", "eerder", "conform", "waarin", "nader", "uiterlijk", "kwartaal", "zomer",
})


def content_words(*texts: str) -> set[str]:
    return {w for w in _WORD.findall(" ".join(texts).lower()) if w not in _STOP}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
