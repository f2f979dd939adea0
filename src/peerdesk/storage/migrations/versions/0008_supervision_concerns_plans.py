"""supervision sessions, safeguarding concerns, plan versions

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 20:42:33

New tables only: no existing row changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "supervision_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("is_group", sa.Boolean(), nullable=False),
        sa.Column("supervisor", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.String(length=5), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("confidentiality", sa.String(length=20), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("agreed_by_psw_on", sa.Date(), nullable=True),
        sa.Column("agreed_by_supervisor_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_session")),
    )
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.create_index("ix_supervision_session_held_on", ["held_on", "id"], unique=False)

    op.create_table(
        "supervision_addendum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("added_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_addendum_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_addendum")),
    )
    with op.batch_alter_table("supervision_addendum", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_addendum_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "supervision_topic",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["list_item.id"], name=op.f("fk_supervision_topic_item_id_list_item")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_topic_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "item_id", name=op.f("pk_supervision_topic")),
    )
    op.create_table(
        "plan_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("sections", sa.Text(), nullable=False),
        sa.Column("confidentiality", sa.String(length=20), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("agreed_by_psw_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_plan_version_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
    )
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.create_index("ix_plan_version_psw_id", ["psw_id", "kind", "number"], unique=True)
        batch_op.create_index(batch_op.f("ix_plan_version_review_on"), ["review_on"], unique=False)

    op.create_table(
        "supervision_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_in_session_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["closed_in_session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_action_closed_in_session_id_supervision_session"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"],
            ["psw.id"],
            name=op.f("fk_supervision_action_psw_id_psw"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_action_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_action")),
    )
    with op.batch_alter_table("supervision_action", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervision_action_psw_id", ["psw_id", "status", "due_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_action_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "supervision_attendee",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("checkin", sa.Integer(), nullable=True),
        sa.Column("checkin_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"],
            ["psw.id"],
            name=op.f("fk_supervision_attendee_psw_id_psw"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_attendee_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "psw_id", name=op.f("pk_supervision_attendee")),
    )
    with op.batch_alter_table("supervision_attendee", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervision_attendee_psw_id", ["psw_id", "session_id"], unique=False
        )

    op.create_table(
        "safeguarding_concern",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("raised_on", sa.Date(), nullable=False),
        sa.Column("source_kind", sa.String(length=20), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("psw_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("who_told", sa.Text(), nullable=False),
        sa.Column("referral", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("was_incident", sa.Boolean(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_safeguarding_concern_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"],
            ["psw.id"],
            name=op.f("fk_safeguarding_concern_psw_id_psw"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_concern")),
    )
    with op.batch_alter_table("safeguarding_concern", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safeguarding_concern_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_safeguarding_concern_psw_id"), ["psw_id"], unique=False
        )
        batch_op.create_index(
            "ix_safeguarding_concern_status", ["status", "raised_on"], unique=False
        )

    op.create_table(
        "supervision_learning_need",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("training_need_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["psw_id"],
            ["psw.id"],
            name=op.f("fk_supervision_learning_need_psw_id_psw"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_supervision_learning_need_session_id_supervision_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_need_id"],
            ["training_need.id"],
            name=op.f("fk_supervision_learning_need_training_need_id_training_need"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_learning_need")),
    )
    with op.batch_alter_table("supervision_learning_need", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervision_learning_need_psw_id"), ["psw_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervision_learning_need_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "safeguarding_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("concern_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["concern_id"],
            ["safeguarding_concern.id"],
            name=op.f("fk_safeguarding_step_concern_id_safeguarding_concern"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_step")),
    )
    with op.batch_alter_table("safeguarding_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safeguarding_step_concern_id"), ["concern_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("safeguarding_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_step_concern_id"))

    op.drop_table("safeguarding_step")
    with op.batch_alter_table("supervision_learning_need", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_learning_need_session_id"))
        batch_op.drop_index(batch_op.f("ix_supervision_learning_need_psw_id"))

    op.drop_table("supervision_learning_need")
    with op.batch_alter_table("safeguarding_concern", schema=None) as batch_op:
        batch_op.drop_index("ix_safeguarding_concern_status")
        batch_op.drop_index(batch_op.f("ix_safeguarding_concern_psw_id"))
        batch_op.drop_index(batch_op.f("ix_safeguarding_concern_person_id"))

    op.drop_table("safeguarding_concern")
    with op.batch_alter_table("supervision_attendee", schema=None) as batch_op:
        batch_op.drop_index("ix_supervision_attendee_psw_id")

    op.drop_table("supervision_attendee")
    with op.batch_alter_table("supervision_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_action_session_id"))
        batch_op.drop_index("ix_supervision_action_psw_id")

    op.drop_table("supervision_action")
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_version_review_on"))
        batch_op.drop_index("ix_plan_version_psw_id")

    op.drop_table("plan_version")
    op.drop_table("supervision_topic")
    with op.batch_alter_table("supervision_addendum", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervision_addendum_session_id"))

    op.drop_table("supervision_addendum")
    with op.batch_alter_table("supervision_session", schema=None) as batch_op:
        batch_op.drop_index("ix_supervision_session_held_on")

    op.drop_table("supervision_session")
