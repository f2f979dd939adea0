"""consent ledger: append-only consent entries; existing consent boxes carried over

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 19:20:00

Every lived-experience consent box that was ticked becomes a "given" entry marked as recorded
before the ledger, dated the day the PSW's record was created (the best date the vault holds),
with what they were told left empty because it was never recorded.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CARRY_OVER = """
INSERT INTO consent_entry (psw_id, purpose, kind, given_on, how, told, wording_version,
    recorded_by, recorded_at, withdrawn_on, withdrawn_how, note, before_ledger, corrects_id)
SELECT le.psw_id, 'lived_experience:' || le.item_id || ':' || '{use}', 'given',
    substr(p.created_at, 1, 10), 'recorded before the ledger', '', NULL,
    'Coordinator', p.created_at, NULL, NULL, '', 1, NULL
FROM psw_lived_experience AS le JOIN psw AS p ON p.id = le.psw_id
WHERE le.{column} = 1
ORDER BY le.psw_id, le.item_id
"""


def upgrade() -> None:
    op.create_table(
        "consent_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("how", sa.String(length=40), nullable=True),
        sa.Column("told", sa.Text(), nullable=False),
        sa.Column("wording_version", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("withdrawn_how", sa.String(length=40), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("before_ledger", sa.Boolean(), nullable=False),
        sa.Column("corrects_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_consent_entry_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["corrects_id"],
            ["consent_entry.id"],
            name=op.f("fk_consent_entry_corrects_id_consent_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_entry")),
    )
    with op.batch_alter_table("consent_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consent_entry_psw_purpose", ["psw_id", "purpose", "id"], unique=False
        )
    op.execute(_CARRY_OVER.format(use="matching", column="use_for_matching"))
    op.execute(_CARRY_OVER.format(use="sharing", column="share_with_supported"))


def downgrade() -> None:
    with op.batch_alter_table("consent_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_entry_psw_purpose")
    op.drop_table("consent_entry")
