"""factory_boy factories for the whole object graph."""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from motions.models import Motion, MotionCitation, MotionSigner, MotionVote
from tracker.models import (
    Commitment,
    Committee,
    DeadlineRevision,
    Document,
    Ministry,
    Person,
    QuestionItem,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("wachtwoord-123")

    @factory.post_generation
    def role(self, create: bool, extracted: str | None, **kwargs: object) -> None:
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("name",)

    name = "Buitenlandse Zaken"


class MinistryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ministry
        django_get_or_create = ("name",)

    name = "Buitenlandse Zaken"
    abbreviation = "BZ"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Lid {n}")
    role = Person.Role.MEMBER
    party = "D66"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    class Params:
        content = factory.Sequence(lambda n: f"Brief nummer {n}.\n".encode())

    file = factory.LazyAttribute(lambda d: ContentFile(d.content, name="document.txt"))
    sha256 = factory.LazyAttribute(lambda d: hashlib.sha256(d.content).hexdigest())
    size = factory.LazyAttribute(lambda d: len(d.content))
    file_format = "txt"
    original_name = "document.txt"
    kind = Document.Kind.LETTER
    title = factory.Sequence(lambda n: f"Beleidsbrief {n}")
    reference_date = dt.date(2026, 1, 28)
    reference_date_source = Document.DateSource.DOCUMENT
    status = Document.Status.DONE
    committee = factory.SubFactory(CommitteeFactory)
    ministry = factory.SubFactory(MinistryFactory)
    text = factory.LazyAttribute(lambda d: d.content.decode())


class QuestionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionItem

    document = factory.SubFactory(DocumentFactory)
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda i: str(i.position))
    question_text = "Kan de minister toezeggen de Kamer te informeren?"
    member = "Jansen"
    party = "VVD"
    question_start = 0
    question_end = 10
    answer_start = 10
    answer_end = 20


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    document = factory.SubFactory(DocumentFactory)
    committee = factory.LazyAttribute(lambda c: c.document.committee)
    ministry = factory.LazyAttribute(lambda c: c.document.ministry)
    text = "Uw Kamer ontvangt uiterlijk 1 juni een brief over de voortgang."
    start = 0
    end = factory.LazyAttribute(lambda c: len(c.text))
    actor = "minister van Buitenlandse Zaken"
    deliverables = factory.LazyFunction(lambda: ["brief over de voortgang"])
    kind = Commitment.Kind.INFORM
    deadline_text = "uiterlijk 1 juni"
    due_date = dt.date(2026, 6, 1)
    window_start = dt.date(2026, 6, 1)
    precision = "day"
    confidence = 0.95
    extractor_version = "test"


class MotionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motion
        django_get_or_create = ("key",)

    dossier = "36800-V"
    number = factory.Sequence(lambda n: str(n + 1))
    key = factory.LazyAttribute(lambda m: f"kst-{m.dossier}-{m.number}")
    title = "Motie over de voortgang"
    members = factory.LazyFunction(lambda: ["Piri"])
    vote_result = Motion.VoteResult.ADOPTED


class MotionCitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MotionCitation

    document = factory.SubFactory(DocumentFactory)
    motion = factory.SubFactory(MotionFactory)
    key = factory.LazyAttribute(lambda c: c.motion.key if c.motion else "")
    members = factory.LazyFunction(lambda: ["Piri"])
    text = "de motie Piri c.s."
    start = factory.Sequence(lambda n: n * 100)
    end = factory.LazyAttribute(lambda c: c.start + len(c.text))


class DeadlineRevisionFactory(factory.django.DjangoModelFactory):
    """A deadline move; by default a later document moving 1 June to 1 September."""

    class Meta:
        model = DeadlineRevision

    commitment = factory.SubFactory(CommitmentFactory)
    source = DeadlineRevision.Source.DOCUMENT
    old_text = "uiterlijk 1 juni"
    old_due = dt.date(2026, 6, 1)
    old_precision = "day"
    new_text = "na de zomer"
    new_due = dt.date(2026, 9, 1)
    new_precision = "season"


class MotionSignerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MotionSigner

    motion = factory.SubFactory(MotionFactory)
    role = MotionSigner.Role.SUBMITTER
    position = factory.Sequence(lambda n: n + 1)
    name = "Piri"
    party = "GroenLinks-PvdA"


class MotionVoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MotionVote

    motion = factory.SubFactory(MotionFactory)
    tk_id = factory.Sequence(lambda n: f"stemming-{n}")
    decision_tk_id = factory.LazyAttribute(lambda v: v.motion.decision_tk_id)
    party = "D66"
    choice = MotionVote.Choice.FOR
    party_size = 9
