"""In a real browser: a person asks for a human in the web chat, a volunteer takes
over in the console, they talk live, and the volunteer hands back to the bot."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.staff import create_staff
from tests.browser.conftest import LiveServer

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
SCREENSHOTS = Path("/tmp/voordeur-screenshots")


def _say(page: Any, text: str) -> None:
    page.fill("#text", text)
    page.press("#text", "Enter")


def test_person_and_volunteer_talk_live_then_the_bot_continues(
    live_server: LiveServer, browser: Any, tmp_path: Path
) -> None:
    svc = live_server.services
    with svc.core.db.session() as s, s.begin():
        create_staff(
            s,
            username="vera",
            name="Vera Jansen",
            role="volunteer",
            now=svc.core.clock.now(),
            password=PASSWORD,
            skills=["groceries"],
        )

    person_ctx = browser.new_context(locale="nl-NL")
    staff_ctx = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    try:
        person = person_ctx.new_page()
        person.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        person.goto(live_server.url + "/")
        _say(person, "hallo")
        person.get_by_role("button", name="Ja").click(timeout=10_000)
        person.get_by_text("Waar kan ik u mee helpen").wait_for(timeout=10_000)
        _say(person, "Ik heb hulp nodig met boodschappen <b>nu</b>")
        person.locator("#log li.bot").nth(3).wait_for(timeout=10_000)
        _say(person, "mens")

        staff = staff_ctx.new_page()
        staff.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        staff.goto(live_server.url + "/console/login")
        staff.fill("#username", "vera")
        staff.fill("#password", PASSWORD)
        staff.get_by_role("button", name="Inloggen").click()
        staff.wait_for_url(live_server.url + "/console")
        card = staff.locator(".card").first
        card.wait_for(timeout=15_000)  # appears live if the handoff lands after login
        text = card.inner_text()
        assert "Boodschappen" in text and "Webchat" in text
        assert "<b>nu</b>" in text  # shown literally, not as bold
        SCREENSHOTS.mkdir(exist_ok=True)
        staff.screenshot(path=str(tmp_path / "queue.png"), full_page=True)
        shutil.copy(tmp_path / "queue.png", SCREENSHOTS / "queue.png")

        card.get_by_role("link", name="Open gesprek").click()
        staff.get_by_role("button", name="Neem het gesprek over").click()
        staff.get_by_text("U heeft het gesprek overgenomen").wait_for()
        staff.fill("#reply-text", "Dag, ik ben Vera. Zal ik u morgen bellen?")
        staff.get_by_role("button", name="Verstuur").click()
        staff.get_by_text("Uw bericht is verstuurd.").wait_for()

        person.locator("#log li.staff", has_text="ik ben Vera").wait_for(timeout=15_000)
        _say(person, "Ja graag, na de lunch")
        # Live, without reload: Server-Sent Events bring it well before the 10 s poll.
        staff.locator(".thread .msg.in", has_text="na de lunch").wait_for(timeout=6_000)
        staff.screenshot(path=str(tmp_path / "conversation.png"), full_page=True)
        shutil.copy(tmp_path / "conversation.png", SCREENSHOTS / "conversation.png")

        bot_before = person.locator("#log li.bot").count()
        staff.get_by_label("Later vragen hoe het gaat").check()
        staff.get_by_role("button", name="Geef terug aan de computer").click()
        staff.get_by_text("Het gesprek is teruggegeven aan de computer.").wait_for()
        person.locator("#log li.bot").nth(bot_before).wait_for(timeout=15_000)
        assert person.locator("#log li.bot").count() > bot_before
    finally:
        person_ctx.close()
        staff_ctx.close()
    assert not [e for e in errors if "Content Security Policy" in e], errors
