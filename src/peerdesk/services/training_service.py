"""Training: topics, the course catalogue, PSWs' records and their training-needs profiles."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from peerdesk.domain.errors import Problem
from peerdesk.domain.ids import PswId
from peerdesk.domain.text import SHORT_TEXT_MAX, tidy_line
from peerdesk.domain.training import (
    Course,
    CourseDetails,
    CourseId,
    NeedStatus,
    Topic,
    TopicId,
    TrainingNeed,
    TrainingNeedId,
    TrainingRecord,
    TrainingRecordId,
    course_problems,
)
from peerdesk.domain.viewer import COORDINATOR, Viewer
from peerdesk.services.changes import Changes
from peerdesk.services.clock import Clock
from peerdesk.services.evidence_writes import recomputed, refuse
from peerdesk.services.role_guard import Owned, require_sees_psw, require_sees_record
from peerdesk.storage import training_store
from peerdesk.storage.lookup import require_psw
from peerdesk.storage.workspace import Tx, Workspace


class TrainingService:
    """Each write is one transaction; anything a requirement reads recomputes due dates."""

    def __init__(self, workspace: Workspace, clock: Clock, viewer: Viewer = COORDINATOR) -> None:
        self._viewer = viewer
        self._ws = workspace
        self._clock = clock

    def topics(self) -> list[Topic]:
        with self._ws.reading() as s:
            return training_store.topics(s)

    def add_topic(self, name: str) -> tuple[Topic, Changes]:
        name = tidy_line(name)
        with self._ws.transaction() as s:
            refuse(self._topic_problems(s, name, None))
            topic = training_store.add_topic(s, name)
        return topic, Changes(policies=True)

    def update_topic(
        self, topic_id: TopicId, *, name: str, retired: bool = False
    ) -> tuple[Topic, Changes]:
        """Rename or retire a topic; requirements matching it by name are re-evaluated."""
        name = tidy_line(name)
        with self._ws.transaction() as s:
            refuse(self._topic_problems(s, name, topic_id))
            topic = training_store.set_topic(s, topic_id, name=name, retired=retired)
            changes = recomputed(s, training_store.psws_with_topic(s, topic_id), self._clock)
        return topic, changes | Changes(policies=True)

    def courses(self) -> list[Course]:
        with self._ws.reading() as s:
            return training_store.courses(s)

    def add_course(self, details: CourseDetails) -> tuple[Course, Changes]:
        clean = self._clean_course(details)
        with self._ws.transaction() as s:
            training_store.require_topic(s, clean.topic_id)
            course = training_store.save_course(s, clean, course_id=None)
        return course, Changes(policies=True)

    def update_course(self, course_id: CourseId, details: CourseDetails) -> tuple[Course, Changes]:
        """Edit a course; everyone who did it has their due dates recomputed."""
        clean = self._clean_course(details)
        with self._ws.transaction() as s:
            training_store.require_topic(s, clean.topic_id)
            course = training_store.save_course(s, clean, course_id=course_id)
            changes = recomputed(s, training_store.psws_with_course(s, course_id), self._clock)
        return course, changes | Changes(policies=True)

    def records(self, psw_id: PswId) -> list[TrainingRecord]:
        """Newest first, each with its computed expiry."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return training_store.records_for(s, psw_id)

    def add_record(
        self, psw_id: PswId, course_id: CourseId, *, done_on: dt.date
    ) -> tuple[TrainingRecord, Changes]:
        """Record a course done; open needs on its topic become met."""
        require_sees_psw(self._ws, self._viewer, psw_id)
        if done_on > self._clock.today():
            refuse([Problem("done_on", "The date the course was done cannot be in the future.")])
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            record = training_store.add_record(s, psw_id, course_id, done_on)
            training_store.mark_needs_met(s, psw_id, training_store.course_topic(s, course_id))
            changes = recomputed(s, [psw_id], self._clock)
        return record, changes

    def remove_record(self, record_id: TrainingRecordId) -> Changes:
        require_sees_record(self._ws, self._viewer, Owned.TRAINING_RECORD, record_id)
        with self._ws.transaction() as s:
            psw_id = training_store.delete_record(s, record_id)
            return recomputed(s, [psw_id], self._clock)

    def needs(self, psw_id: PswId) -> list[TrainingNeed]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        with self._ws.reading() as s:
            return training_store.needs_for(s, psw_id)

    def add_need(
        self,
        psw_id: PswId,
        topic_id: TopicId,
        *,
        source: str = "",
        status: NeedStatus = NeedStatus.OPEN,
    ) -> tuple[TrainingNeed, Changes]:
        require_sees_psw(self._ws, self._viewer, psw_id)
        source = tidy_line(source)
        refuse(_source_problems(source))
        with self._ws.transaction() as s:
            require_psw(s, psw_id)
            training_store.require_topic(s, topic_id)
            need = training_store.save_need(
                s, psw_id=psw_id, topic_id=topic_id, source=source, status=status
            )
        return need, Changes(checks=frozenset({psw_id}))

    def update_need(
        self, need_id: TrainingNeedId, *, topic_id: TopicId, source: str, status: NeedStatus
    ) -> tuple[TrainingNeed, Changes]:
        require_sees_record(self._ws, self._viewer, Owned.TRAINING_NEED, need_id)
        source = tidy_line(source)
        refuse(_source_problems(source))
        with self._ws.transaction() as s:
            training_store.require_topic(s, topic_id)
            need = training_store.save_need(
                s, topic_id=topic_id, source=source, status=status, need_id=need_id
            )
        return need, Changes(checks=frozenset({need.psw_id}))

    @staticmethod
    def _topic_problems(s: Tx, name: str, topic_id: TopicId | None) -> list[Problem]:
        if not name:
            return [Problem("name", "Enter the topic name.")]
        if len(name) > SHORT_TEXT_MAX:
            return [Problem("name", f"Topic names can be at most {SHORT_TEXT_MAX} characters.")]
        taken = training_store.topic_named(s, name)
        if taken is not None and taken != topic_id:
            return [Problem("name", f'"{name}" is already a topic.')]
        return []

    @staticmethod
    def _clean_course(details: CourseDetails) -> CourseDetails:
        clean = replace(details, name=tidy_line(details.name), provider=tidy_line(details.provider))
        refuse(course_problems(clean))
        return clean


def _source_problems(source: str) -> list[Problem]:
    if len(source) > SHORT_TEXT_MAX:
        return [Problem("source", f"The source can be at most {SHORT_TEXT_MAX} characters.")]
    return []
