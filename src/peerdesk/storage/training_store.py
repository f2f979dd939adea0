"""Training topics, the course catalogue, PSWs' training records and training needs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from peerdesk.domain.ids import PswId
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
    expiry,
)
from peerdesk.storage.check_models import (
    TrainingCourseRow,
    TrainingNeedRow,
    TrainingRecordRow,
    TrainingTopicRow,
)
from peerdesk.storage.lookup import require


def topics(s: Session) -> list[Topic]:
    rows = s.scalars(select(TrainingTopicRow).order_by(TrainingTopicRow.position))
    return [Topic(TopicId(r.id), r.name, r.position, r.retired) for r in rows]


def topic_named(s: Session, name: str) -> TopicId | None:
    found = s.scalar(
        select(TrainingTopicRow.id).where(func.lower(TrainingTopicRow.name) == name.lower())
    )
    return None if found is None else TopicId(found)


def add_topic(s: Session, name: str) -> Topic:
    last = s.scalar(select(func.max(TrainingTopicRow.position)))
    row = TrainingTopicRow(name=name, position=(last or 0) + 1, retired=False)
    s.add(row)
    s.flush()
    return Topic(TopicId(row.id), row.name, row.position, row.retired)


def set_topic(s: Session, topic_id: TopicId, *, name: str, retired: bool) -> Topic:
    row = require(s, TrainingTopicRow, topic_id, "training topic")
    row.name, row.retired = name, retired
    s.flush()
    return Topic(TopicId(row.id), row.name, row.position, row.retired)


def course_topic(s: Session, course_id: CourseId) -> TopicId:
    return TopicId(require(s, TrainingCourseRow, course_id, "course").topic_id)


def require_topic(s: Session, topic_id: TopicId) -> str:
    return require(s, TrainingTopicRow, topic_id, "training topic").name


def read_course(row: TrainingCourseRow) -> Course:
    details = CourseDetails(
        name=row.name,
        topic_id=TopicId(row.topic_id),
        provider=row.provider,
        hours=row.hours,
        validity_months=row.validity_months,
    )
    return Course(CourseId(row.id), details, row.topic.name)


def courses(s: Session) -> list[Course]:
    rows = s.scalars(select(TrainingCourseRow).order_by(TrainingCourseRow.name))
    return [read_course(r) for r in rows]


def save_course(s: Session, details: CourseDetails, *, course_id: CourseId | None) -> Course:
    if course_id is None:
        row = TrainingCourseRow()
        s.add(row)
    else:
        row = require(s, TrainingCourseRow, course_id, "course")
    row.name = details.name
    row.topic_id = details.topic_id
    row.provider = details.provider
    row.hours = details.hours
    row.validity_months = details.validity_months
    s.flush()
    s.refresh(row, ["topic"])
    return read_course(row)


def psws_with_course(s: Session, course_id: CourseId) -> list[PswId]:
    rows = s.scalars(
        select(TrainingRecordRow.psw_id).where(TrainingRecordRow.course_id == course_id).distinct()
    )
    return [PswId(i) for i in rows]


def psws_with_topic(s: Session, topic_id: TopicId) -> list[PswId]:
    rows = s.scalars(
        select(TrainingRecordRow.psw_id)
        .join(TrainingCourseRow, TrainingRecordRow.course_id == TrainingCourseRow.id)
        .where(TrainingCourseRow.topic_id == topic_id)
        .distinct()
    )
    return [PswId(i) for i in rows]


def records_for(s: Session, psw_id: PswId) -> list[TrainingRecord]:
    rows = s.execute(
        select(TrainingRecordRow, TrainingCourseRow)
        .join(TrainingCourseRow, TrainingRecordRow.course_id == TrainingCourseRow.id)
        .where(TrainingRecordRow.psw_id == psw_id)
        .order_by(TrainingRecordRow.done_on.desc(), TrainingRecordRow.id.desc())
    ).tuples()
    return [_record(r, c) for r, c in rows]


def _record(r: TrainingRecordRow, c: TrainingCourseRow) -> TrainingRecord:
    return TrainingRecord(
        id=TrainingRecordId(r.id),
        psw_id=PswId(r.psw_id),
        course_id=CourseId(c.id),
        course=c.name,
        topic=c.topic.name,
        done_on=r.done_on,
        expires_on=expiry(r.done_on, c.validity_months),
    )


def add_record(s: Session, psw_id: PswId, course_id: CourseId, done_on: dt.date) -> TrainingRecord:
    course = require(s, TrainingCourseRow, course_id, "course")
    row = TrainingRecordRow(psw_id=psw_id, course_id=course_id, done_on=done_on)
    s.add(row)
    s.flush()
    return _record(row, course)


def delete_record(s: Session, record_id: TrainingRecordId) -> PswId:
    row = require(s, TrainingRecordRow, record_id, "training record")
    s.delete(row)
    s.flush()
    return PswId(row.psw_id)


def needs_for(s: Session, psw_id: PswId) -> list[TrainingNeed]:
    rows = s.execute(
        select(TrainingNeedRow, TrainingTopicRow.name)
        .join(TrainingTopicRow, TrainingNeedRow.topic_id == TrainingTopicRow.id)
        .where(TrainingNeedRow.psw_id == psw_id)
        .order_by(TrainingNeedRow.id)
    ).tuples()
    return [_need(n, topic) for n, topic in rows]


def _need(n: TrainingNeedRow, topic: str) -> TrainingNeed:
    return TrainingNeed(
        id=TrainingNeedId(n.id),
        psw_id=PswId(n.psw_id),
        topic_id=TopicId(n.topic_id),
        topic=topic,
        source=n.source,
        status=NeedStatus(n.status),
    )


def save_need(
    s: Session,
    *,
    topic_id: TopicId,
    source: str,
    status: NeedStatus,
    psw_id: PswId | None = None,
    need_id: TrainingNeedId | None = None,
) -> TrainingNeed:
    """Insert for ``psw_id`` or overwrite ``need_id``."""
    if need_id is None:
        row = TrainingNeedRow(psw_id=psw_id)
        s.add(row)
    else:
        row = require(s, TrainingNeedRow, need_id, "training need")
    row.topic_id, row.source, row.status = topic_id, source, status.value
    s.flush()
    return _need(row, require_topic(s, TopicId(row.topic_id)))


def mark_needs_met(s: Session, psw_id: PswId, topic_id: TopicId) -> int:
    """Set the PSW's open or planned needs on ``topic_id`` to met; how many changed."""
    rows = s.scalars(
        select(TrainingNeedRow).where(
            TrainingNeedRow.psw_id == psw_id,
            TrainingNeedRow.topic_id == topic_id,
            TrainingNeedRow.status != NeedStatus.MET.value,
        )
    ).all()
    for row in rows:
        row.status = NeedStatus.MET.value
    s.flush()
    return len(rows)
