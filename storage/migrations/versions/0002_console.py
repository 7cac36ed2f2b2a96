"""console: staff sessions and indexes for the queue

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 15:30:00
"""

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("expires_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staff_sessions_expires_at"), ["expires_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_staff_sessions_staff_id"), ["staff_id"], unique=False)
    op.create_index("ix_handoffs_offered", "handoffs", ["offered_to", "status"], unique=False)
    op.create_index(
        "ix_handoffs_conversation", "handoffs", ["conversation_id", "status"], unique=False
    )
    op.create_index("ix_conversations_held", "conversations", ["held_by", "owner"], unique=False)
    op.create_index("ix_tasks_open", "tasks", ["status", "due_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_tasks_open", table_name="tasks")
    op.drop_index("ix_conversations_held", table_name="conversations")
    op.drop_index("ix_handoffs_conversation", table_name="handoffs")
    op.drop_index("ix_handoffs_offered", table_name="handoffs")
    with op.batch_alter_table("staff_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_sessions_staff_id"))
        batch_op.drop_index(batch_op.f("ix_staff_sessions_expires_at"))
    op.drop_table("staff_sessions")
