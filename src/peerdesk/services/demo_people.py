"""Deterministic made-up supported people for demo vaults and benchmarks, with their matches."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from peerdesk.domain.availability import Availability, TimeRange
from peerdesk.domain.contact import ContactMode
from peerdesk.domain.contacts import ContactDetails, ContactOutcome
from peerdesk.domain.ids import PswId, TaxonomyItemId
from peerdesk.domain.journey import DEFAULT_RECORDER
from peerdesk.domain.match_lifecycle import EndReason, MatchStage, MatchStep
from peerdesk.domain.person import (
    REFERRAL_SOURCE_SUGGESTIONS,
    ExperienceWish,
    IdentityPreference,
    PersonDetails,
    PersonStatus,
    PersonStatusChange,
    Wish,
)
from peerdesk.domain.psw import LanguageSkill
from peerdesk.domain.taxonomy import ListItem, ListKind
from peerdesk.services.demo_names import choose_background, make_name

P = PersonStatus
M = MatchStage


@dataclass(frozen=True)
class DemoMatch:
    psw_id: PswId
    steps: tuple[MatchStep, ...]
    contacts: tuple[ContactDetails, ...]
    rationale: str = ""


@dataclass(frozen=True)
class DemoPerson:
    """One made-up supported person, ready for ``storage.person_bulk.insert_people``."""

    details: PersonDetails
    status: PersonStatus
    status_since: dt.date
    history: tuple[PersonStatusChange, ...]
    matches: tuple[DemoMatch, ...]
    consent_given_on: dt.date | None
    """Their consent to share their details with a PSW (given before any introduction)."""
    created_at: dt.datetime


class Places:
    """Active PSWs with places left, handed out at random as matches are made."""

    def __init__(self, free: Sequence[tuple[PswId, int]]) -> None:
        self._ids = [psw for psw, places in free for _ in range(places)]

    def take(self, rng: random.Random) -> PswId | None:
        if not self._ids:
            return None
        i = rng.randrange(len(self._ids))
        self._ids[i], self._ids[-1] = self._ids[-1], self._ids[i]
        return self._ids.pop()


_WANTS = (
    "Someone to talk to who has been through it.",
    "Help getting out of the house again, a bit at a time.",
    "Company at appointments; I get anxious on my own.",
    "To feel less alone since my mum died.",
    "Someone who understands caring for a partner.",
    "Getting back to the things I used to enjoy.",
    "Practising speaking English with someone patient.",
    "",
)
_HOLD_REASONS = ("In hospital for a while.", "Asked to pause while they move house.", "Away.")
_CLOSE_REASONS = ("No longer wants support.", "Moved out of the area.", "Goals met.")
_NOTES = ("Good first meeting at the library.", "Talked about walking group.", "", "", "")
_BLOCKS = ((18, 24), (20, 28), (26, 34), (28, 36), (36, 40))
_IDENTITY = (
    ("gender", ("Woman", "Woman", "Man"), 0.22),
    ("ethnicity", (), 0.05),
    ("religion", ("Muslim", "Christian"), 0.04),
    ("sexual_orientation", ("Gay or lesbian", "Bisexual"), 0.04),
)


def iter_people(
    items: Sequence[ListItem],
    *,
    count: int,
    seed: int,
    now: dt.datetime,
    places: Places,
    ended_pool: Sequence[PswId],
) -> Iterator[DemoPerson]:
    """``count`` people, about a third waiting; the same seed gives the same people."""
    rng = random.Random(seed * 7919 + 1)
    live = sorted((i for i in items if not i.retired), key=lambda i: i.id)
    kinds = {k: [i for i in live if i.kind is k] for k in ListKind}
    waiting = count // 3
    roles = ["waiting"] * waiting + ["rest"] * (count - waiting)
    rng.shuffle(roles)
    for role in roles:
        yield _person(rng, kinds, now, role, places, ended_pool)


def _person(
    rng: random.Random,
    kinds: dict[ListKind, list[ListItem]],
    now: dt.datetime,
    role: str,
    places: Places,
    ended_pool: Sequence[PswId],
) -> DemoPerson:
    today = now.date()
    bg = choose_background(rng)
    gender = "f" if rng.random() < 0.58 else "m"
    name = make_name(rng, bg, gender)
    referred = today - dt.timedelta(days=rng.randrange(1, 365))
    language_ids = {i.name: i.id for i in kinds[ListKind.LANGUAGE]}
    details = PersonDetails(
        full_name=name.full_name,
        known_as=name.known_as,
        referred_on=referred,
        pronouns=rng.choice(("", "", "she/her" if gender == "f" else "he/him", "they/them")),
        phone="" if rng.random() < 0.1 else f"07700 900{rng.randrange(1000):03d}",
        contact_modes=tuple(rng.sample(list(ContactMode), rng.choice((1, 2, 2, 3)))),
        referral_source=rng.choice(REFERRAL_SOURCE_SUGGESTIONS),
        wants=rng.choice(_WANTS),
        lived_experience=_experience(rng, kinds[ListKind.LIVED_EXPERIENCE]),
        interests=tuple(sorted(i.id for i in _sample(rng, kinds[ListKind.INTEREST], 0, 3))),
        languages=_languages(rng, language_ids, [lang for lang, *_ in bg.languages]),
        identity=_identity(rng, bg.ethnicity),
        availability=_availability(rng),
        area_id=rng.choice(kinds[ListKind.AREA]).id if kinds[ListKind.AREA] else None,
    )
    story = _Story(rng, details, today, now)
    if role == "waiting":
        story.waiting(ended_pool)
    else:
        story.rest(places, ended_pool)
    return story.done()


class _Story:
    """A person's status history and matches, built in date order."""

    def __init__(
        self, rng: random.Random, details: PersonDetails, today: dt.date, now: dt.datetime
    ) -> None:
        self.rng, self.details, self.today, self.now = rng, details, today, now
        self.status = P.WAITING
        self.since = details.referred_on
        self.history = [
            PersonStatusChange(None, P.WAITING, self.since, "Referred.", self._at(self.since))
        ]
        self.matches: list[DemoMatch] = []
        self.consent: dt.date | None = None

    def _at(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(9 + self.rng.randrange(8), 0))

    def _later(self, low: int, high: int) -> dt.date | None:
        day = self.since + dt.timedelta(days=self.rng.randint(low, high))
        return day if day <= self.today else None

    def move(self, to: PersonStatus, on: dt.date, reason: str) -> None:
        self.history.append(PersonStatusChange(self.status, to, on, reason, self._at(on)))
        self.status, self.since = to, on

    def waiting(self, ended_pool: Sequence[PswId]) -> None:
        roll = self.rng.random()
        if roll < 0.15:  # an earlier match that did not last
            self._match(ended_pool, end=True)
        elif roll < 0.25 and (back := self._later(20, 90)) is not None:
            self.move(P.ON_HOLD, back, self.rng.choice(_HOLD_REASONS))
            if (again := self._later(14, 60)) is not None:
                self.move(P.WAITING, again, "Ready again.")

    def rest(self, places: Places, ended_pool: Sequence[PswId]) -> None:
        roll = self.rng.random()
        if roll < 0.08 and (on := self._later(10, 60)) is not None:
            self.move(P.ON_HOLD, on, self.rng.choice(_HOLD_REASONS))
        elif roll < 0.14 and (on := self._later(30, 200)) is not None:
            self.move(P.CLOSED, on, self.rng.choice(_CLOSE_REASONS))
        else:
            psw = places.take(self.rng)
            if psw is not None:
                self._match([psw], end=False, proposed_only=roll < 0.22)

    def _match(self, pool: Sequence[PswId], *, end: bool, proposed_only: bool = False) -> None:
        rng = self.rng
        psw = rng.choice(pool) if pool else None
        proposed = self._later(7, 60)
        if proposed_only and proposed is not None:
            # a proposal still waiting for an introduction is recent; a few are overdue (14+ days)
            recent = self.today - dt.timedelta(days=rng.randint(1, 20))
            proposed = max(proposed, recent)
        if psw is None or proposed is None:
            return
        steps = [MatchStep(M.PROPOSED, proposed, DEFAULT_RECORDER, "Suggested by PeerDesk.")]
        contacts: list[ContactDetails] = []
        introduced = proposed + dt.timedelta(days=rng.randint(3, 14))
        if not proposed_only and introduced <= self.today:
            self.consent = proposed - dt.timedelta(days=rng.randint(0, 5))
            steps.append(MatchStep(M.INTRODUCED, introduced, DEFAULT_RECORDER))
            self.move(P.MATCHED, introduced, "Introduced to their PSW.")
            active = introduced + dt.timedelta(days=rng.randint(5, 21))
            stop = self.today
            if active <= self.today:
                steps.append(MatchStep(M.ACTIVE, active, DEFAULT_RECORDER))
                if end:
                    stop = min(self.today, active + dt.timedelta(days=rng.randint(20, 120)))
                contacts = self._contacts(active, stop)
            if end:
                ended = max(stop, introduced)
                reason = rng.choice(list(EndReason))
                note = "Agreed together." if reason is EndReason.OTHER else ""
                steps.append(MatchStep(M.ENDED, ended, DEFAULT_RECORDER, note, reason))
                self.move(P.WAITING, ended, f"Match ended: {reason.label}.")
        elif end:
            return  # a withdrawn proposal is not worth showing
        self.matches.append(DemoMatch(psw, tuple(steps), tuple(contacts)))

    def _contacts(self, start: dt.date, stop: dt.date) -> list[ContactDetails]:
        rng = self.rng
        if rng.random() < 0.1:  # a quiet match: no contact for the last month or two
            stop = min(stop, self.today - dt.timedelta(days=rng.randint(31, 60)))
        modes = self.details.contact_modes or (ContactMode.PHONE,)
        out = []
        day = start
        while day <= stop:
            outcome = rng.choices(list(ContactOutcome), (85, 8, 7))[0]
            minutes = (
                rng.choice((30, 45, 60, 60, 90, 120)) if outcome is ContactOutcome.ATTENDED else 0
            )
            out.append(ContactDetails(day, minutes, rng.choice(modes), outcome, rng.choice(_NOTES)))
            day += dt.timedelta(days=rng.randint(6, 21))
        return out

    def done(self) -> DemoPerson:
        created = self.history[0].recorded_at
        return DemoPerson(
            self.details,
            self.status,
            self.since,
            tuple(self.history),
            tuple(self.matches),
            self.consent,
            created,
        )


def _sample(rng: random.Random, pool: list[ListItem], low: int, high: int) -> list[ListItem]:
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def _experience(rng: random.Random, pool: list[ListItem]) -> tuple[ExperienceWish, ...]:
    picked = _sample(rng, pool, 0, 3)
    return tuple(
        ExperienceWish(item.id, most_important=n == 0 and rng.random() < 0.4)
        for n, item in enumerate(picked)
    )


def _languages(
    rng: random.Random, ids: dict[str, TaxonomyItemId], theirs: list[str]
) -> tuple[LanguageSkill, ...]:
    english = ids.get("English")
    own = [ids[name] for name in theirs if name in ids and name != "English"]
    if own and rng.random() < 0.6:
        first = own[0]
        rest = [english] if english is not None and rng.random() < 0.7 else []
        return (LanguageSkill(first, True), *(LanguageSkill(i) for i in rest))
    if english is None or rng.random() < 0.3:
        return ()
    return (LanguageSkill(english, True),)


def _identity(rng: random.Random, ethnicity: str) -> tuple[IdentityPreference, ...]:
    out = []
    for question, answers, chance in _IDENTITY:
        if rng.random() < chance:
            answer = rng.choice(answers) if answers else ethnicity
            wish = Wish.MUST if rng.random() < 0.35 else Wish.WOULD_LIKE
            out.append(IdentityPreference(question, answer, wish))
    return tuple(out)


def _availability(rng: random.Random) -> Availability:
    if rng.random() < 0.2:
        return Availability()
    days = rng.sample(range(7), rng.choice((1, 2, 2, 3, 5)))
    return Availability.of([TimeRange(d, *rng.choice(_BLOCKS)) for d in days])
