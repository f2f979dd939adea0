"""Gather everything held about a request's data subject, find passages naming anyone else,
and make the subject access ZIP (the bytes are written by export/access_bundle)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerdesk.domain.access_content import Item, Passage, Section, item, passages, redacted
from peerdesk.domain.errors import NotFound
from peerdesk.domain.ids import PersonId, PswId
from peerdesk.domain.name_finder import NameFinder
from peerdesk.domain.plans import PlanKind
from peerdesk.domain.progress import Exported, Progress
from peerdesk.domain.rights_request import RequestId, RightsRequest
from peerdesk.domain.roles import Action
from peerdesk.export.access_bundle import BundleInput, bundle_zip
from peerdesk.services.bundle import Services
from peerdesk.storage import rights_store
from peerdesk.storage.migrate import HEAD_REVISION

PRIVATE_DECISION = (
    "Notes marked private are included: they are about the data subject, and the right of "
    "access covers them."
)
CONFIDENTIAL_DECISION = "Notes marked confidential are included: they are the subject's own data."


@dataclass(frozen=True)
class BundleDraft:
    """A request's gathered content and the passages to review before the bundle is made."""

    request: RightsRequest
    sections: tuple[Section, ...]
    passages: tuple[Passage, ...]


def _items(title: str, records: Sequence[object]) -> tuple[Item, ...]:
    return tuple(item(f"{title} {n}", r) for n, r in enumerate(records, start=1))


def _psw_sections(services: Services, psw_id: PswId, progress: Progress) -> list[Section]:
    sv = services
    sections = [
        Section("Record", (item("Record", sv.psws.get(psw_id)),)),
        Section("Consent", _items("Consent entry", sv.consents.ledger(psw_id))),
        Section("References", _items("Reference", sv.references.references(psw_id))),
        Section("DBS checks", _items("DBS check", sv.dbs.checks(psw_id))),
        Section("Occupational health", _items("Referral", sv.health.referrals(psw_id))),
        Section("Adjustments", _items("Adjustment", sv.health.adjustments(psw_id))),
        Section("Induction", (item("Induction", sv.induction.induction(psw_id)),)),
        Section("Training", _items("Training", sv.training.records(psw_id))),
        Section("Learning needs", _items("Learning need", sv.training.needs(psw_id))),
        Section("Application support", _items("Entry", sv.interviews.support(psw_id))),
        Section("Interviews", _items("Interview", sv.interviews.interviews(psw_id))),
        Section("Leaving", _items("Outcome", sv.psws.leaving_outcomes(psw_id))),
        Section("Matches", _items("Match", sv.matches.for_psw(psw_id))),
    ]
    progress.check()
    sessions = [
        sv.supervision.session(row.id, psw_id, private_revealed=True)
        for row in sv.supervision.history(psw_id)
    ]
    sections.append(Section("Supervision", _items("Session", sessions)))
    for kind in PlanKind:
        versions = list(sv.plans.versions(psw_id, kind))
        sections.append(Section(kind.label, _items("Version", versions)))
    progress.check()
    reviews = [
        sv.reviews.review(row.id, private_revealed=True) for row in sv.reviews.history(psw_id)
    ]
    sections.append(Section("Annual reviews", _items("Review", reviews)))
    sections.append(Section("Goals", _items("Goal", sv.reviews.goals(psw_id))))
    sections.append(
        Section("Safeguarding concerns", _items("Concern", sv.concerns.for_psw(psw_id)))
    )
    return sections


def _person_sections(services: Services, person_id: PersonId, progress: Progress) -> list[Section]:
    sv = services
    matches = list(sv.matches.for_person(person_id))
    contacts = [c for m in matches for c in sv.matches.contacts(m.id)]
    progress.check()
    return [
        Section("Referral and wishes", (item("Record", sv.people.get(person_id)),)),
        Section("Consent to share", _items("Consent", sv.person_consents.history(person_id))),
        Section("Matches", _items("Match", matches)),
        Section("Contacts", _items("Contact", contacts)),
        Section("Outcomes", _items("Score", sv.outcomes.scores(person_id))),
        Section("Safeguarding concerns", _items("Concern", sv.concerns.for_person(person_id))),
    ]


def draft(
    services: Services, request_id: RequestId, progress: Progress | None = None
) -> BundleDraft:
    """Everything held about the request's subject, and the passages naming anyone else."""
    services.viewer.require(Action.BULK_EXPORT)
    progress = progress or Progress()
    request = services.rights.request(request_id).request
    if request.psw_id is not None:
        sections = _psw_sections(services, request.psw_id, progress)
        psw = services.psws.get(request.psw_id).details
        own = [psw.full_name, psw.known_as]
    elif request.person_id is not None:
        sections = _person_sections(services, request.person_id, progress)
        person = services.people.get(request.person_id).details
        own = [person.full_name, person.known_as]
    else:
        raise NotFound("The subject's record has been erased: there is nothing to gather.")
    requests = services.rights.requests(psw_id=request.psw_id, person_id=request.person_id)
    sections.append(Section("Requests", _items("Request", [r.request for r in requests])))
    with services.workspace.reading() as s:
        names = rights_store.known_names(s)
    finder = NameFinder(names, except_names=[n for n in own if n])
    found = tuple(sections)
    return BundleDraft(request, found, tuple(passages(found, finder)))


def make_bundle(
    services: Services,
    drafted: BundleDraft,
    redact: frozenset[str],
    progress: Progress,
    *,
    reviewed: bool = True,
) -> Exported:
    """The ZIP, with the passages in ``redact`` (their keys) replaced by the redaction words."""
    services.viewer.require(Action.BULK_EXPORT)
    progress.step(0, 2)
    request = drafted.request
    subject = "psw" if request.psw_id is not None else "person"
    subject_id = request.psw_id if request.psw_id is not None else request.person_id
    made = bundle_zip(
        BundleInput(
            reference=request.reference,
            subject_kind=subject,
            subject_id=int(subject_id or 0),
            organisation=services.settings.organisation().name,
            printed_at=services.clock.now(),
            schema_version=HEAD_REVISION,
            sections=redacted(drafted.sections, redact),
            redacted=tuple(p for p in drafted.passages if p.key in redact),
            kept=tuple(p for p in drafted.passages if p.key not in redact),
            reviewed=reviewed,
            decisions=(CONFIDENTIAL_DECISION, PRIVATE_DECISION),
        ),
        progress,
    )
    count = sum(1 for p in drafted.passages if p.key in redact)
    note = f"{count} passage{'s' if count != 1 else ''} naming another person redacted"
    if not reviewed:
        note += " (every one, without review: see manifest.txt)"
    if made.unprintable:
        note += f"; {made.unprintable} characters could not be printed"
    return Exported(made.data, f"{request.reference.lower()}-bundle.zip", note)


def sar_document(services: Services, request_id: int, progress: Progress) -> Exported:
    """``peerdesk export sar REQUEST_ID``: every passage naming someone else is redacted."""
    services.viewer.require(Action.BULK_EXPORT)
    drafted = draft(services, RequestId(request_id), progress)
    keys = frozenset(p.key for p in drafted.passages)
    return make_bundle(services, drafted, keys, progress, reviewed=False)
