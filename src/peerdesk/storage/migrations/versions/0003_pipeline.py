"""pipeline: who recorded each status change, leaving outcomes, application support, interviews

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 18:55:00

Status changes recorded before this revision get "Coordinator" as their recorder (the
server default also covers any writer that leaves the column out).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("psw_status_change", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "recorded_by",
                sa.String(length=200),
                nullable=False,
                server_default="Coordinator",
            )
        )

    op.create_table(
        "leaving_outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("status_change_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_leaving_outcome_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["status_change_id"],
            ["psw_status_change.id"],
            name=op.f("fk_leaving_outcome_status_change_id_psw_status_change"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leaving_outcome")),
        sa.UniqueConstraint("status_change_id", name=op.f("uq_leaving_outcome_status_change_id")),
    )
    with op.batch_alter_table("leaving_outcome", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leaving_outcome_psw_id"), ["psw_id"], unique=False)

    op.create_table(
        "leaving_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("leaving_id", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=200), nullable=False),
        sa.Column("offered_on", sa.Date(), nullable=False),
        sa.Column("answer", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["leaving_id"],
            ["leaving_outcome.id"],
            name=op.f("fk_leaving_route_leaving_id_leaving_outcome"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leaving_route")),
    )
    with op.batch_alter_table("leaving_route", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leaving_route_leaving_id"), ["leaving_id"])

    op.create_table(
        "application_support",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=200), nullable=False),
        sa.Column("given_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"],
            ["psw.id"],
            name=op.f("fk_application_support_psw_id_psw"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_support")),
    )
    with op.batch_alter_table("application_support", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_support_psw_id"), ["psw_id"])

    op.create_table(
        "interview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("adjustments", sa.Text(), nullable=False),
        sa.Column("questions_shared_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_interview_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview")),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_psw_id"), ["psw_id"])

    op.create_table(
        "interview_panel_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("lived_experience", sa.Boolean(), nullable=False),
        sa.Column("interview_trained", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["interview_id"],
            ["interview.id"],
            name=op.f("fk_interview_panel_member_interview_id_interview"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_panel_member")),
    )
    with op.batch_alter_table("interview_panel_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_panel_member_interview_id"), ["interview_id"]
        )


def downgrade() -> None:
    for table, index in (
        ("interview_panel_member", "ix_interview_panel_member_interview_id"),
        ("interview", "ix_interview_psw_id"),
        ("application_support", "ix_application_support_psw_id"),
        ("leaving_route", "ix_leaving_route_leaving_id"),
        ("leaving_outcome", "ix_leaving_outcome_psw_id"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(index))
        op.drop_table(table)
    with op.batch_alter_table("psw_status_change", schema=None) as batch_op:
        batch_op.drop_column("recorded_by")
