"""The queue stays fast with thousands of conversations."""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy import insert, select

from storage.models import Contact, Conversation, Handoff
from tests.console.conftest import Console


def test_queue_with_thousands_of_handoffs_is_quick_and_paged(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    boss = console.staff("boss", "coordinator")
    now = console.services.core.clock.now()
    n = 3000
    with console.db.session() as s, s.begin():
        s.execute(
            insert(Contact),
            [
                {"created_at": now, "language": "nl", "stopped": False, "source": "inbound"}
                for _ in range(n)
            ],
        )
        contact_ids = list(s.scalars(select(Contact.id).order_by(Contact.id)))
        s.execute(
            insert(Conversation),
            [
                {
                    "contact_id": cid,
                    "owner": "waiting",
                    "state": {},
                    "topics": [],
                    "literal_topics": [],
                    "deeper_topics": [],
                    "language": "nl",
                    "channel": "sms",
                    "created_at": now,
                    "updated_at": now,
                }
                for cid in contact_ids
            ],
        )
        convs = list(
            s.execute(select(Conversation.id, Conversation.contact_id).order_by(Conversation.id))
        )
        s.execute(
            insert(Handoff),
            [
                {
                    "conversation_id": cid,
                    "contact_id": kid,
                    "role": "volunteer" if i % 3 else "professional",
                    "priority": "urgent" if i % 97 == 0 else "normal",
                    "topics": ["groceries"],
                    "summary": f"vraag {i}",
                    "reason": "test",
                    "status": "waiting",
                    "escalation": 0,
                    "offered_to": vera.id if i % 50 == 0 else None,
                    "language": "nl",
                    "created_at": now - timedelta(minutes=n - i),
                }
                for i, (cid, kid) in enumerate(convs)
            ],
        )
    for member in (vera, boss):
        start = time.perf_counter()
        r = member.get("/console")
        took = time.perf_counter() - start
        assert r.status_code == 200
        assert r.text.count('<li class="card') <= 50
        assert took < 2.0, f"queue took {took:.2f}s for {member.username}"
    last = boss.get("/console?page=60")
    assert "Pagina 60 van 60" in last.text
