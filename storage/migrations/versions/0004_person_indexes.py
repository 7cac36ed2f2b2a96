"""indexes for per-person lookups on every turn

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 17:00:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_messages_contact_in", "messages", ["contact_id", "direction", "created_at"])
    op.create_index("ix_identities_contact", "identities", ["contact_id", "channel"])
    op.create_index("ix_followups_contact", "followups", ["contact_id", "status"])


def downgrade() -> None:
    op.drop_index("ix_followups_contact", table_name="followups")
    op.drop_index("ix_identities_contact", table_name="identities")
    op.drop_index("ix_messages_contact_in", table_name="messages")
