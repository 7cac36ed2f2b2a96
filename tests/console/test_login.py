"""Logging in to the console: good, bad, locked out, logged out, and CSRF."""

from __future__ import annotations

from sqlalchemy import select

from bot.staff import LOCK_AFTER
from storage.models import AuditEntry, StaffSession
from tests.console.conftest import PASSWORD, Console, csrf_of


def test_good_login_opens_the_queue(console: Console) -> None:
    console.add_staff("anna", "volunteer")
    r = console.login("anna")
    assert r.status_code == 303 and r.headers["location"] == "/console"
    cookie = r.headers["set-cookie"]
    assert (
        "vd_console=" in cookie
        and "HttpOnly" in cookie
        and "SameSite=strict" in cookie.replace("Strict", "strict")
    )


def test_session_token_is_stored_only_as_a_hash(console: Console) -> None:
    anna = console.staff("anna", "volunteer")
    with console.db.session() as s:
        row = s.scalar(select(StaffSession))
    assert row is not None and row.token_hash != anna.cookies["vd_console"]
    assert anna.cookies["vd_console"] not in row.token_hash


def test_wrong_password_says_so_in_plain_dutch(console: Console) -> None:
    console.add_staff("anna", "volunteer")
    r = console.login("anna", "fout wachtwoord")
    assert r.status_code == 401
    assert "Gebruikersnaam of wachtwoord klopt niet." in r.text
    assert "vd_console=" not in r.headers.get("set-cookie", "")


def test_unknown_user_gets_the_same_answer(console: Console) -> None:
    r = console.login("niemand", "wat dan ook")
    assert r.status_code == 401 and "Gebruikersnaam of wachtwoord klopt niet." in r.text


def test_repeated_failures_lock_the_account_even_for_the_right_password(console: Console) -> None:
    console.add_staff("anna", "volunteer")
    for _ in range(LOCK_AFTER):
        assert console.login("anna", "fout").status_code == 401
    r = console.login("anna")
    assert r.status_code == 401
    assert "Wacht een kwartier" in r.text


def test_lock_out_ends_after_a_quarter_of_an_hour(console: Console) -> None:
    from datetime import timedelta

    console.add_staff("anna", "volunteer")
    for _ in range(LOCK_AFTER):
        console.login("anna", "fout")
    console.services.core.clock.advance(timedelta(minutes=16))
    assert console.login("anna").status_code == 303


def test_queue_without_login_sends_to_the_login_page(console: Console) -> None:
    r = console.browser.request("GET", "/console", {}, headers={"Accept": "text/html"})
    assert r.status_code == 303 and r.headers["location"] == "/console/login"
    r = console.browser.request("GET", "/console/part/queue", {})
    assert r.status_code == 401


def test_login_without_form_token_is_refused(console: Console) -> None:
    console.add_staff("anna", "volunteer")
    r = console.browser.request(
        "POST", "/console/login", {}, data={"username": "anna", "password": "x" * 20}
    )
    assert r.status_code == 403


def test_post_without_csrf_token_is_forbidden(console: Console) -> None:
    anna = console.staff("anna", "coordinator")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    for url in (
        f"/console/c/{conv}/take",
        f"/console/c/{conv}/note",
        "/console/logout",
        "/console/staff",
    ):
        assert anna.post(url, {"text": "hallo"}, csrf=False).status_code == 403, url
        assert (
            anna.post(url, {"text": "hallo", "csrf": "verkeerd"}, csrf=False).status_code == 403
        ), url


def test_csrf_token_of_another_session_does_not_work(console: Console) -> None:
    anna = console.staff("anna", "coordinator")
    bert = console.staff("bert", "coordinator")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    assert anna.post(f"/console/c/{conv}/take", {"csrf": bert.csrf}, csrf=False).status_code == 403


def test_logout_ends_the_session(console: Console) -> None:
    anna = console.staff("anna", "volunteer")
    assert anna.post("/console/logout").status_code == 303
    assert anna.get("/console").status_code == 303
    with console.db.session() as s:
        assert s.scalar(select(StaffSession)) is None
        actions = [a.action for a in s.scalars(select(AuditEntry))]
    assert "login" in actions and "logout" in actions


def test_idle_session_expires(console: Console) -> None:
    from datetime import timedelta

    anna = console.staff("anna", "volunteer")
    console.services.core.clock.advance(timedelta(hours=3))
    r = anna.get("/console")
    assert r.status_code == 303 and r.headers["location"] == "/console/login?verlopen=1"
    assert "Log opnieuw in" in anna.get("/console/login?verlopen=1").text


def test_disabled_staff_are_logged_out(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    anna = console.staff("anna", "volunteer")
    assert boss.post(f"/console/staff/{anna.id}/disable").status_code == 303
    assert anna.get("/console").status_code == 303
    assert console.login("anna").status_code == 401


def test_cookie_is_secure_over_https(console: Console) -> None:
    console.add_staff("anna", "volunteer")
    cookies: dict[str, str] = {}
    page = console.browser.request("GET", "https://testserver/console/login", cookies)
    r = console.browser.request(
        "POST",
        "https://testserver/console/login",
        cookies,
        data={"username": "anna", "password": PASSWORD, "csrf": csrf_of(page.text)},
    )
    assert r.status_code == 303
    assert "Secure" in r.headers["set-cookie"]


def test_errors_are_plain_dutch_pages(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    r = vera.get("/console/c/424242")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Niet gevonden" in r.text and "Dit gesprek bestaat niet" in r.text
    forbidden = vera.post("/console/staff", {}, csrf=False)
    assert forbidden.status_code == 403 and "text/html" in forbidden.headers["content-type"]


def test_live_events_need_a_login(console: Console) -> None:
    r = console.browser.request("GET", "/console/events", {})
    assert r.status_code == 401


def test_login_page_when_logged_in_goes_to_the_queue(console: Console) -> None:
    anna = console.staff("anna", "volunteer")
    r = anna.get("/console/login")
    assert r.status_code == 303 and r.headers["location"] == "/console"


def test_coordinator_sets_a_new_password_and_lifts_a_lock_out(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    anna_id = console.add_staff("anna", "volunteer")
    for _ in range(LOCK_AFTER):
        console.login("anna", "fout")
    assert console.login("anna").status_code == 401
    r = boss.post(f"/console/staff/{anna_id}/password", {"password": "een heel nieuw wachtwoord"})
    assert r.status_code == 303
    assert console.login("anna", "een heel nieuw wachtwoord").status_code == 303
    assert boss.post(f"/console/staff/{anna_id}/password", {"password": "kort"}).status_code == 400


def test_many_failed_logins_from_one_address_are_stopped_whatever_the_account(console: Console) -> None:
    """Password spraying: a few guesses on each of many accounts never locks one of
    them, so the address is counted too."""
    from datetime import timedelta

    from bot.web.login_throttle import LIMIT

    console.add_staff("anna", "volunteer")
    for i in range(LIMIT):
        assert console.login(f"medewerker{i}", "Welkom2026!").status_code == 401
    r = console.login("anna")  # even the right password, from this address
    assert r.status_code == 429 and "Te veel pogingen" in r.text
    assert "vd_console=" not in r.headers.get("set-cookie", "")
    console.services.core.clock.advance(timedelta(minutes=16))
    assert console.login("anna").status_code == 303, "the window passes"


def test_the_address_count_forgets_old_failures_and_bounds_its_memory() -> None:
    from datetime import UTC, datetime, timedelta

    from bot.web import login_throttle
    from bot.web.login_throttle import LoginThrottle

    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    throttle = LoginThrottle(limit=3, window=timedelta(minutes=15))
    for minute in (0, 5, 10):
        throttle.failed("10.0.0.1", t0 + timedelta(minutes=minute))
    assert throttle.blocked("10.0.0.1", t0 + timedelta(minutes=11))
    assert not throttle.blocked("10.0.0.2", t0 + timedelta(minutes=11)), "other addresses are free"
    assert not throttle.blocked("10.0.0.1", t0 + timedelta(minutes=15)), "the first failure expired"
    for i in range(login_throttle.MAX_ADDRESSES + 5):
        throttle.failed(f"10.1.{i // 256}.{i % 256}", t0)
    assert len(throttle._failures) == login_throttle.MAX_ADDRESSES
