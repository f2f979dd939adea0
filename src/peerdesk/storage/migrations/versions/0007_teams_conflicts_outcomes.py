"""teams, conflicts, protected records, access log, outcomes, plan rejections, person share consent

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 20:08:39

New tables, and one new nullable column (``person.linked_psw_id``): no existing row changes.
The access log is append-only: triggers refuse UPDATE and DELETE on it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("viewer", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_table(
        "outcome_measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scoring", sa.String(length=10), nullable=False),
        sa.Column("higher_is_better", sa.Boolean(), nullable=False),
        sa.Column("every_months", sa.Integer(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_measure")),
    )
    op.create_table(
        "outcome_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("wording", sa.Text(), nullable=False),
        sa.Column("low", sa.Integer(), nullable=False),
        sa.Column("high", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["outcome_measure.id"],
            name=op.f("fk_outcome_item_measure_id_outcome_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_item")),
    )
    with op.batch_alter_table("outcome_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_item_measure_id"), ["measure_id"], unique=False
        )

    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["list_item.id"], name=op.f("fk_team_area_id_list_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name_key", name=op.f("uq_team_name_key")),
    )
    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_team_member_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_team_member_team_id_team"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_member")),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index("ix_team_member_psw_id", ["psw_id", "team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_member_team_id"), ["team_id"], unique=False)

    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("declared_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_conflict_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_conflict_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflict")),
    )
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.create_index("ix_conflict_person_id", ["person_id", "psw_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_conflict_psw_id"), ["psw_id"], unique=False)

    op.create_table(
        "outcome_score",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["outcome_measure.id"],
            name=op.f("fk_outcome_score_measure_id_outcome_measure"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_outcome_score_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_score")),
    )
    with op.batch_alter_table("outcome_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_score_measure_id"), ["measure_id"], unique=False
        )
        batch_op.create_index(
            "ix_outcome_score_person_id", ["person_id", "measure_id", "taken_on"], unique=False
        )

    op.create_table(
        "person_share_consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("how", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_share_consent_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_share_consent")),
    )
    with op.batch_alter_table("person_share_consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_share_consent_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "plan_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.Column("rejected_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_plan_rejection_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_plan_rejection_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_rejection")),
    )
    with op.batch_alter_table("plan_rejection", schema=None) as batch_op:
        batch_op.create_index("ix_plan_rejection_person_id", ["person_id", "psw_id"], unique=True)
        batch_op.create_index(batch_op.f("ix_plan_rejection_psw_id"), ["psw_id"], unique=False)

    op.create_table(
        "outcome_answer",
        sa.Column("score_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["outcome_item.id"], name=op.f("fk_outcome_answer_item_id_outcome_item")
        ),
        sa.ForeignKeyConstraint(
            ["score_id"],
            ["outcome_score.id"],
            name=op.f("fk_outcome_answer_score_id_outcome_score"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("score_id", "item_id", name=op.f("pk_outcome_answer")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("linked_psw_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_person_linked_psw_id"), ["linked_psw_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_person_linked_psw_id_psw"),
            "psw",
            ["linked_psw_id"],
            ["id"],
            ondelete="SET NULL",
        )

    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER access_log_no_{verb.lower()} BEFORE {verb} ON access_log "
            "BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS access_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS access_log_no_delete")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_person_linked_psw_id_psw"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_person_linked_psw_id"))
        batch_op.drop_column("linked_psw_id")

    op.drop_table("outcome_answer")
    with op.batch_alter_table("plan_rejection", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_rejection_psw_id"))
        batch_op.drop_index("ix_plan_rejection_person_id")

    op.drop_table("plan_rejection")
    with op.batch_alter_table("person_share_consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_share_consent_person_id"))

    op.drop_table("person_share_consent")
    with op.batch_alter_table("outcome_score", schema=None) as batch_op:
        batch_op.drop_index("ix_outcome_score_person_id")
        batch_op.drop_index(batch_op.f("ix_outcome_score_measure_id"))

    op.drop_table("outcome_score")
    with op.batch_alter_table("conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conflict_psw_id"))
        batch_op.drop_index("ix_conflict_person_id")

    op.drop_table("conflict")
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_member_team_id"))
        batch_op.drop_index("ix_team_member_psw_id")

    op.drop_table("team_member")
    op.drop_table("team")
    with op.batch_alter_table("outcome_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_item_measure_id"))

    op.drop_table("outcome_item")
    op.drop_table("outcome_measure")
    op.drop_table("access_log")
