"""audit log, retention rules and holds, erasures, users and roles, form drafts

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 23:05:00

New tables, and ``anonymised_on`` on psw and person (empty). The audit log refuses UPDATE and
DELETE by trigger; the retention rules are seeded with the defaults, editable in Settings.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RULES = [
    ("enquiry", 6, "erase"),
    ("unsuccessful_applicant", 6, "erase"),
    ("psw_left", 24, "anonymise"),
    ("psw_left_after_incident", 84, "anonymise"),
    ("supported_person", 24, "anonymise"),
]
"""DOMAIN.md's schedule: months after the trigger date, then what happens."""


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_log_hash")),
    )
    op.create_table(
        "erasure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure")),
    )
    op.create_table(
        "form_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_form_draft")),
        sa.UniqueConstraint("form", "record_id", name="uq_form_draft_form_record"),
    )
    op.create_table(
        "retention_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(length=40), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_rule")),
        sa.UniqueConstraint("subject", name=op.f("uq_retention_rule_subject")),
    )
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("slot", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("name", name=op.f("uq_user_account_name")),
        sa.UniqueConstraint("slot", name=op.f("uq_user_account_slot")),
    )
    op.create_table(
        "protected_access",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_protected_access_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_protected_access_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "psw_id", name=op.f("pk_protected_access")),
    )
    with op.batch_alter_table("protected_access", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_protected_access_psw_id"), ["psw_id"], unique=False)

    op.create_table(
        "user_supervisee",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_user_supervisee_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_user_supervisee_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "psw_id", name=op.f("pk_user_supervisee")),
    )
    with op.batch_alter_table("user_supervisee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_supervisee_psw_id"), ["psw_id"], unique=False)

    op.create_table(
        "retention_hold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_on", sa.Date(), nullable=False),
        sa.Column("lifted_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_retention_hold_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_retention_hold_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retention_hold")),
    )
    with op.batch_alter_table("retention_hold", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_retention_hold_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_retention_hold_psw_id"), ["psw_id"], unique=False)

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_on", sa.Date(), nullable=True))

    with op.batch_alter_table("psw", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_on", sa.Date(), nullable=True))

    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    rule = sa.table(
        "retention_rule",
        sa.column("subject", sa.String),
        sa.column("months", sa.Integer),
        sa.column("action", sa.String),
    )
    op.bulk_insert(rule, [{"subject": s, "months": m, "action": a} for s, m, a in _RULES])


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table("psw", schema=None) as batch_op:
        batch_op.drop_column("anonymised_on")

    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("anonymised_on")

    with op.batch_alter_table("retention_hold", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retention_hold_psw_id"))
        batch_op.drop_index(batch_op.f("ix_retention_hold_person_id"))

    op.drop_table("retention_hold")
    with op.batch_alter_table("user_supervisee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_supervisee_psw_id"))

    op.drop_table("user_supervisee")
    with op.batch_alter_table("protected_access", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_protected_access_psw_id"))

    op.drop_table("protected_access")
    op.drop_table("user_account")
    op.drop_table("retention_rule")
    op.drop_table("form_draft")
    op.drop_table("erasure")
    op.drop_table("audit_log")
