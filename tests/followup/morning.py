"""A clerk's morning: a few ministries, committees and ministers with records in every state.

Used by the browser tests and for screenshots; dates are relative to today so
the dashboard always has something overdue, something due soon and a history.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.factories import (
    CommitmentFactory,
    CommitteeFactory,
    DeadlineRevisionFactory,
    DocumentFactory,
    MinistryFactory,
    PersonFactory,
)
from tracker.followup.overdue import flag_overdue
from tracker.models import Commitment, Person

MINISTRIES = [
    ("Buitenlandse Zaken", "BZ", "Buitenlandse Zaken", "Van Weel", "Minister van Buitenlandse Zaken"),
    ("Defensie", "DEF", "Defensie", "Brekelmans", "Minister van Defensie"),
    ("Financiën", "FIN", "Financiën", "Heinen", "Minister van Financiën"),
    ("Infrastructuur en Waterstaat", "IenW", "Infrastructuur en Waterstaat", "Madlener",
     "Minister van Infrastructuur en Waterstaat"),
    ("Volksgezondheid, Welzijn en Sport", "VWS", "Volksgezondheid, Welzijn en Sport", "Agema",
     "Minister van Volksgezondheid, Welzijn en Sport"),
]
TEXTS = [
    "Uw Kamer ontvangt voor de zomer een brief over de voortgang van de stikstofaanpak.",
    "De minister stuurt de Kamer uiterlijk 1 juni de evaluatie van het Dutch Good Growth Fund.",
    "In het vierde kwartaal volgt een onderzoek naar de uitvoerbaarheid van de nieuwe regeling.",
    "De Kamer wordt na afloop van de NAVO-top per brief geïnformeerd over de uitkomsten.",
    "Het kabinet zendt de Kamer een kabinetsreactie op het IBO-rapport over de zorgkosten.",
    "De minister informeert de Kamer over de stand van zaken rond de Rijnlandroute.",
    "De staatssecretaris komt met een plan van aanpak voor de wachtlijsten in de jeugdzorg.",
    "Uw Kamer ontvangt een overzicht van de inzet van reservisten bij de hoogwaterbescherming.",
]


def build_morning() -> dict[str, object]:
    today = timezone.localdate()
    day = dt.timedelta(days=1)
    created: list[Commitment] = []
    for m, (ministry_name, abbreviation, committee_name, minister_name, function) in enumerate(MINISTRIES):
        ministry = MinistryFactory(name=ministry_name, abbreviation=abbreviation)
        committee = CommitteeFactory(name=committee_name)
        minister = PersonFactory(name=minister_name, role=Person.Role.MINISTER, party="", function=function,
                                 ministry=ministry)
        document = DocumentFactory(ministry=ministry, committee=committee, title=f"Lijst van vragen {abbreviation}")
        # overdue, more for the first ministries; due soon; later; delivered on time and late
        plan = [-(40 + 9 * k) for k in range(5 - m)] + [3 + m, 11] + [60 + 20 * m, 150]
        for n, offset in enumerate(plan):
            created.append(CommitmentFactory(
                document=document, minister=minister, text=TEXTS[(m + n) % len(TEXTS)],
                due_date=today + offset * day, window_start=None, deadline_text="voor de zomer" if n % 2 else
                "uiterlijk 1 juni", promised_to_member="Jansen", promised_to_party="VVD",
            ))
        for q in range(8):
            for k in range(2 + (m + q) % 3):
                due = today - (q * 91 + 20 + k * 7) * day
                late = (k + m + q) % 4 == 0
                created.append(CommitmentFactory(
                    document=document, minister=minister, text=TEXTS[(k + q) % len(TEXTS)],
                    due_date=due, window_start=None, status=Commitment.Status.DELIVERED,
                    fulfilled_on=due + (12 if late else -5) * day, delivered_on_time=not late,
                    fulfilled_kamerstuk=f"36{600 + q} {abbreviation} nr. {k + 3}",
                ))
    partly = created[1]
    Commitment.objects.filter(pk=partly.pk).update(status=Commitment.Status.PARTLY_DELIVERED,
                                                   delivery_note="Deel 2 volgt na de zomer.")
    slipped = created[0]
    DeadlineRevisionFactory(commitment=slipped, old_due=slipped.due_date - 120 * day, new_due=slipped.due_date,
                            old_text="uiterlijk 1 maart", new_text="voor de zomer", quote="Wij verwachten de brief "
                            "voor de zomer aan uw Kamer te sturen.")
    flag_overdue(today=today)
    return {"slipped": slipped, "first": created[0]}
