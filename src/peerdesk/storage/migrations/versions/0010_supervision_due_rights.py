"""stored supervision due dates, rights requests, bank holidays

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 22:43:56

New tables; bank holidays for 2026 and 2027 in each UK nation are seeded (editable in Settings).
Supervision due dates are filled on first use, from the journeys and sessions already held.
"""

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HOLIDAYS = {
    "england-wales": [
        ("2026-01-01", "New Year's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
    "scotland": [
        ("2026-01-01", "New Year's Day"),
        ("2026-01-02", "2nd January"),
        ("2026-04-03", "Good Friday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-03", "Summer bank holiday"),
        ("2026-11-30", "St Andrew's Day"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-01-04", "2nd January (substitute day)"),
        ("2027-03-26", "Good Friday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-02", "Summer bank holiday"),
        ("2027-11-30", "St Andrew's Day"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
    "northern-ireland": [
        ("2026-01-01", "New Year's Day"),
        ("2026-03-17", "St Patrick's Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-07-13", "Battle of the Boyne (substitute day)"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-03-17", "St Patrick's Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-07-12", "Battle of the Boyne (Orangemen's Day)"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
    ],
}
"""As published on GOV.UK for 2026 and 2027; a coordinator adds later years in Settings."""


def upgrade() -> None:
    op.create_table(
        "bank_holiday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nation", sa.String(length=30), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_holiday")),
        sa.UniqueConstraint("nation", "day", name="uq_bank_holiday_nation_day"),
    )
    op.create_table(
        "supervision_due",
        sa.Column("psw_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_supervision_due_psw_id_psw"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("psw_id", "kind", name=op.f("pk_supervision_due")),
    )
    with op.batch_alter_table("supervision_due", schema=None) as batch_op:
        batch_op.create_index("ix_supervision_due_due_on", ["due_on", "psw_id"], unique=False)

    op.create_table(
        "rights_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("psw_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("nation", sa.String(length=30), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("identity_asked_on", sa.Date(), nullable=True),
        sa.Column("identity_received_on", sa.Date(), nullable=True),
        sa.Column("clarification_asked_on", sa.Date(), nullable=True),
        sa.Column("clarification_received_on", sa.Date(), nullable=True),
        sa.Column("extension_months", sa.Integer(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_rights_request_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["psw_id"], ["psw.id"], name=op.f("fk_rights_request_psw_id_psw"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_request")),
    )
    with op.batch_alter_table("rights_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rights_request_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rights_request_psw_id"), ["psw_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rights_request_sent_on"), ["sent_on"], unique=False)

    holiday = sa.table(
        "bank_holiday",
        sa.column("nation", sa.String),
        sa.column("day", sa.Date),
        sa.column("name", sa.String),
    )
    op.bulk_insert(
        holiday,
        [
            {"nation": nation, "day": dt.date.fromisoformat(day), "name": name}
            for nation, days in _HOLIDAYS.items()
            for day, name in days
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("rights_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rights_request_sent_on"))
        batch_op.drop_index(batch_op.f("ix_rights_request_psw_id"))
        batch_op.drop_index(batch_op.f("ix_rights_request_person_id"))

    op.drop_table("rights_request")
    with op.batch_alter_table("supervision_due", schema=None) as batch_op:
        batch_op.drop_index("ix_supervision_due_due_on")

    op.drop_table("supervision_due")
    op.drop_table("bank_holiday")
