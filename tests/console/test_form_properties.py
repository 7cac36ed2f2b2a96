"""Console forms with any input: never a 500, and what staff write is stored as written."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from storage.models import Message, Note
from tests.console.conftest import Console

odd = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["<script>alert(1)</script>", "'; DROP TABLE notes; --", "\u202eabc", "a\u200bb", "😀" * 500]),
)
FORMS = ["reply", "note", "plan", "followup", "close", "release", "offer", "take"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=st.sampled_from(FORMS), text=odd, extra=st.dictionaries(
    st.sampled_from(["who", "what", "when", "status", "new_who", "new_what", "day", "at", "helped_by",
                     "next", "staff_id", "item_id", "deeper_addressed"]), odd, max_size=4))
def test_console_forms_never_500(console: Console, form: str, text: str, extra: dict) -> None:
    if not hasattr(console, "_fuzz"):
        coordinator = console.staff("cora", "coordinator")
        _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
        coordinator.post(f"/console/c/{conv}/take")
        console._fuzz = (coordinator, conv)  # type: ignore[attr-defined]
    cora, conv = console._fuzz  # type: ignore[attr-defined]

    def written() -> list[str]:
        """What staff wrote so far: replies (author staff:...) or notes."""
        with console.db.session() as s:
            if form == "reply":
                q = select(Message.text).where(Message.author.like("staff:%"))
            else:
                q = select(Note.text)
            return list(s.scalars(q.order_by(Message.id if form == "reply" else Note.id)))

    before = written() if form in ("reply", "note") else []
    r = cora.post(f"/console/c/{conv}/{form}", {"text": text, **extra})
    assert r.status_code < 500, (form, r.status_code, r.text[:200])
    if form in ("reply", "note"):
        after = written()
        if len(after) > len(before):  # accepted (a reply is refused once handed back)
            assert after[-1] in (text.strip(), text.strip().replace("\x00", "\ufffd"), text.replace("\x00", "\ufffd"))
