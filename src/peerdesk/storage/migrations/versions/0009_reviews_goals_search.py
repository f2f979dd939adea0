"""annual reviews, framework, goals, search index

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 20:57:33

New tables only. The full-text index (``search_entry`` and the FTS5 table ``search_text``) is
plain SQL, written out here so this revision never changes when storage/search_index.py does;
the two must create the same tables. Folded words go in ``body`` (tokenizer ``ascii``: PeerDesk
folds text itself), prefix indexes for 2-4 characters, and ``secure-delete`` on, so removed
text does not linger in the index's pages.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CREATE_SEARCH = (
    """CREATE TABLE search_entry (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        CONSTRAINT uq_search_entry_kind_record UNIQUE (kind, record_id)
    )""",
    """CREATE VIRTUAL TABLE search_text USING fts5(
        body,
        original UNINDEXED,
        kind UNINDEXED,
        record_id UNINDEXED,
        psw_id UNINDEXED,
        day UNINDEXED,
        confidentiality UNINDEXED,
        tokenize = 'ascii',
        prefix = '2 3 4'
    )""",
    "INSERT INTO search_text (search_text, rank) VALUES ('secure-delete', 1)",
)
_DROP_SEARCH = ("DROP TABLE search_text", "DROP TABLE search_entry")


def upgrade() -> None:
    op.create_table(
        "framework_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["framework_item.id"],
            name=op.f("fk_framework_item_parent_id_framework_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_framework_item")),
    )
    with op.batch_alter_table("framework_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_framework_item_kind"), ["kind"], unique=False)

    op.create_table(
        "annual_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=10), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("framework", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("confidentiality", sa.String(length=20), nullable=False),
        sa.Column("next_on", sa.Date(), nullable=True),
        sa.Column("agreed_by_psw_on", sa.Date(), nullable=True),
        sa.Column("agreed_by_reviewer_on", sa.Date(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_annual_review_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_review")),
    )
    with op.batch_alter_table("annual_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_annual_review_next_on"), ["next_on"], unique=False)
        batch_op.create_index("ix_annual_review_psw_id", ["psw_id", "held_on"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_goal_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["annual_review.id"],
            name=op.f("fk_goal_review_id_annual_review"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index("ix_goal_psw_id", ["psw_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_review_id"), ["review_id"], unique=False)

    op.create_table(
        "goal_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_progress_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_session.id"],
            name=op.f("fk_goal_progress_session_id_supervision_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal_progress")),
    )
    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_progress_goal_id"), ["goal_id"], unique=False)

    for statement in _CREATE_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    for statement in _DROP_SEARCH:
        op.execute(statement)
    with op.batch_alter_table("goal_progress", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_progress_goal_id"))

    op.drop_table("goal_progress")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_review_id"))
        batch_op.drop_index("ix_goal_psw_id")

    op.drop_table("goal")
    with op.batch_alter_table("annual_review", schema=None) as batch_op:
        batch_op.drop_index("ix_annual_review_psw_id")
        batch_op.drop_index(batch_op.f("ix_annual_review_next_on"))

    op.drop_table("annual_review")
    with op.batch_alter_table("framework_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_framework_item_kind"))

    op.drop_table("framework_item")
