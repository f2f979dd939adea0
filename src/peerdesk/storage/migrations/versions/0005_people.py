"""people: supported people with their wishes, availability and dated status history

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 19:36:23

New tables only: no existing row changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("known_as", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=400), nullable=False),
        sa.Column("search_key", sa.String(length=800), nullable=False),
        sa.Column("pronouns", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("postcode", sa.String(length=200), nullable=False),
        sa.Column("referral_source", sa.String(length=200), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("wants", sa.Text(), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("risk_notes", sa.Text(), nullable=False),
        sa.Column("team", sa.String(length=200), nullable=False),
        sa.Column("team_key", sa.String(length=400), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_since", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"], ["list_item.id"], name=op.f("fk_person_area_id_list_item")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_area_id"), ["area_id"], unique=False)
        batch_op.create_index("ix_person_name_key", ["name_key", "search_key"], unique=False)
        batch_op.create_index(
            "ix_person_status_referred_on", ["status", "referred_on"], unique=False
        )
        batch_op.create_index("ix_person_team_key", ["team_key", "name_key"], unique=False)

    op.create_table(
        "person_availability",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_slot", sa.Integer(), nullable=False),
        sa.Column("end_slot", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_availability_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_availability")),
    )
    with op.batch_alter_table("person_availability", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_availability_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "person_contact_mode",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=40), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_contact_mode_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "mode", name=op.f("pk_person_contact_mode")),
    )
    op.create_table(
        "person_identity",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=40), nullable=False),
        sa.Column("answer", sa.String(length=200), nullable=False),
        sa.Column("wish", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_identity_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "question", name=op.f("pk_person_identity")),
    )
    op.create_table(
        "person_interest",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["list_item.id"], name=op.f("fk_person_interest_item_id_list_item")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_interest_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "item_id", name=op.f("pk_person_interest")),
    )
    with op.batch_alter_table("person_interest", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_interest_item_id"), ["item_id"], unique=False)

    op.create_table(
        "person_language",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("is_first", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["list_item.id"], name=op.f("fk_person_language_item_id_list_item")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_language_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "item_id", name=op.f("pk_person_language")),
    )
    with op.batch_alter_table("person_language", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_language_item_id"), ["item_id"], unique=False)

    op.create_table(
        "person_lived_experience",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("most_important", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"], ["list_item.id"], name=op.f("fk_person_lived_experience_item_id_list_item")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_lived_experience_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "item_id", name=op.f("pk_person_lived_experience")),
    )
    with op.batch_alter_table("person_lived_experience", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_lived_experience_item_id"), ["item_id"], unique=False
        )

    op.create_table(
        "person_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_status_change_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_status_change")),
    )
    with op.batch_alter_table("person_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_status_change_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("person_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_status_change_person_id"))

    op.drop_table("person_status_change")
    with op.batch_alter_table("person_lived_experience", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_lived_experience_item_id"))

    op.drop_table("person_lived_experience")
    with op.batch_alter_table("person_language", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_language_item_id"))

    op.drop_table("person_language")
    with op.batch_alter_table("person_interest", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_interest_item_id"))

    op.drop_table("person_interest")
    op.drop_table("person_identity")
    op.drop_table("person_contact_mode")
    with op.batch_alter_table("person_availability", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_availability_person_id"))

    op.drop_table("person_availability")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_team_key")
        batch_op.drop_index("ix_person_status_referred_on")
        batch_op.drop_index("ix_person_name_key")
        batch_op.drop_index(batch_op.f("ix_person_area_id"))

    op.drop_table("person")
