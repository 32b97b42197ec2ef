"""A small register: motions with signers, votes, committees and citing documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from motions.models import Motion
from tests.factories import (
    CommitteeFactory,
    DocumentFactory,
    MinistryFactory,
    MotionCitationFactory,
    MotionFactory,
    MotionSignerFactory,
    MotionVoteFactory,
)


@dataclass
class Register:
    piri: Motion  # adopted, BZ, cited twice
    dobbe: Motion  # rejected, Europese Zaken, SP
    klaver: Motion  # adopted long ago, never cited, executed in part
    gone: Motion  # deleted in the open data


def build_register() -> Register:
    bz = CommitteeFactory(name="Buitenlandse Zaken")
    eu = CommitteeFactory(name="Europese Zaken")
    ministry_bz = MinistryFactory(name="Buitenlandse Zaken", abbreviation="BZ")
    ministry_jenv = MinistryFactory(name="Justitie en Veiligheid", abbreviation="JenV")
    piri = MotionFactory(
        dossier="36800-V", number="30", key="kst-36800-V-30", title="Motie van het lid Piri c.s. over paspoorten",
        members=["Piri"], co_signers=["Van der Werf"], date=dt.date(2025, 12, 11), vote_date=dt.date(2025, 12, 16),
        committee=bz, ministry=ministry_bz, zaak_number="2025Z20001", decision_tk_id="besluit-1",
        considerations=["constaterende dat reizigers ver moeten reizen"],
        request="verzoekt de regering paspoorten op afstand te verlengen",
    )
    MotionSignerFactory(motion=piri, name="Piri", party="GroenLinks-PvdA", position=1)
    MotionSignerFactory(motion=piri, name="Van der Werf", party="D66", role="medeindiener", position=1)
    MotionVoteFactory(motion=piri, party="GroenLinks-PvdA", party_size=25)
    MotionVoteFactory(motion=piri, party="PVV", party_size=37, choice="tegen")
    MotionVoteFactory(motion=piri, party="VVD", party_size=24, mistake=True)
    dobbe = MotionFactory(
        dossier="21501-02", number="3236", key="kst-21501-02-3236", title="Motie van het lid Dobbe over visa",
        members=["Dobbe"], date=dt.date(2025, 11, 5), vote_result=Motion.VoteResult.REJECTED,
        vote_date=dt.date(2025, 11, 11), committee=eu, ministry=ministry_jenv,
    )
    MotionSignerFactory(motion=dobbe, name="Dobbe", party="SP", position=1)
    klaver = MotionFactory(
        dossier="36600-V", number="12", key="kst-36600-V-12", title="Motie van het lid Klaver over steun",
        members=["Klaver"], date=dt.date(2024, 10, 1), vote_date=dt.date(2024, 10, 8), committee=bz,
        execution_status=Motion.Execution.PARTLY_DONE,
    )
    MotionSignerFactory(motion=klaver, name="Klaver", party="GroenLinks-PvdA", position=1)
    gone = MotionFactory(dossier="36600-V", number="13", key="kst-36600-V-13", title="Verwijderde motie",
                         deleted_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    return Register(piri, dobbe, klaver, gone)


@pytest.fixture
def register(db) -> Register:
    return build_register()


def cite(motion: Motion | None, day: dt.date, *, stated: str = "", text: str = "de motie Piri c.s.",
         members: list[str] | None = None, **kwargs: object):
    """A citation of ``motion`` in a fresh letter dated ``day``."""
    document = DocumentFactory(reference_date=day, title=f"Brief van {day:%-d %B %Y}")
    return MotionCitationFactory(document=document, motion=motion, stated_status=stated, text=text,
                                 members=members or ["Piri"], **kwargs)
