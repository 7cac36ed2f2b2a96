"""The web app: web chat, console, webhooks, health. It owns its scheduler and clients,
created in the lifespan and closed there, never at import time.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from bot.clock import Clock
from bot.delivery import SendRules, StatusPort
from bot.handoff import StaffActions
from bot.live import Hub
from bot.messages import Channel
from bot.metrics import Metrics
from bot.outbox import STUCK_AFTER, Dispatcher
from bot.services import Core, build_core
from bot.turn_process import TurnProcess
from bot.web.plain import VoordeurApp
from config.profile import Profile
from config.settings import Settings
from handlers.base import Delivery, Rendered, Sender
from handlers.render import render_for
from nlu.api import Understander

__all__ = [
    "DEFAULT_RATES",
    "AppServices",
    "NluOnFirstUse",
    "create_app",
    "models_trained",
    "outbox_rates",
    "serve",
]

log = logging.getLogger("voordeur.app")

#: Messages per second per channel: Telegram allows about 30/s overall; Twilio queues
#: per sender; WhatsApp's default throughput is far higher than we need. The settings
#: OUTBOX_RATE_SMS / _WHATSAPP / _TELEGRAM change them (these are their defaults).
DEFAULT_RATES = {"telegram": 25.0, "sms": 10.0, "whatsapp": 20.0}


def outbox_rates(settings: Settings) -> dict[str, float]:
    """Per-channel send rates from the settings (0: no limit)."""
    return {
        "telegram": settings.outbox_rate_telegram,
        "sms": settings.outbox_rate_sms,
        "whatsapp": settings.outbox_rate_whatsapp,
    }


class WebchatSender:
    """The web chat has no provider: 'sending' tells the open page to fetch."""

    channel = Channel.WEBCHAT

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        return render_for(Channel.WEBCHAT, text, options, language)

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        self.hub.publish(f"webchat:{address}", {"kind": "message"})
        return Delivery(provider_id=None)


class SpokenSender:
    """Voice replies are spoken in the TwiML answer; nothing to send afterwards."""

    channel = Channel.VOICE

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        return render_for(Channel.VOICE, text, options, language)

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        return Delivery(provider_id=None)


class NluOnFirstUse:
    """The NLU of a web process whose turns run in the turn process (TURN_PROCESS).

    The turn process understands the messages; the web process needs the models only if
    it answers one itself (a message stored before a restart, ``Pipeline.recover``).
    Loading them at start kept numpy and both models (about 46 MB) in the web process
    for nothing; now they are loaded the first time they are asked for.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._nlu: Understander | None = None
        self._lock = threading.Lock()

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Any:
        with self._lock:
            if self._nlu is None:
                from bot.services import build_nlu

                self._nlu = build_nlu(self._settings)
        return self._nlu.understand(text, language_hint, relief_answer=relief_answer)


def models_trained(settings: Settings) -> None:
    """Make sure the saved NLU models are current before the turn process loads them.

    Checking loads them, so it runs in a child process (none of it stays in this one),
    which trains them when missing or stale, as a first start always did in
    the web process: the turn process then finds them ready within its start timeout.
    """
    import subprocess
    import sys

    # nlu.service imports numpy: only the child imports it (the default folder is
    # relative to the working directory, which the child shares).
    code = (
        "import sys; from nlu.service import DEFAULT_MODEL_DIR, train_models; "
        "train_models(sys.argv[1] or str(DEFAULT_MODEL_DIR.resolve()))"
    )
    folder = str(Path(settings.nlu_model_dir).resolve()) if settings.nlu_model_dir else ""
    # A plain child interpreter (multiprocessing would leave its resource tracker behind).
    done = subprocess.run([sys.executable, "-c", code, folder], check=False)
    if done.returncode != 0:
        raise RuntimeError(f"checking the NLU models failed (exit code {done.returncode})")


@dataclass
class AppServices:
    """What routes find on ``request.app.state.services``."""

    settings: Settings
    profile: Profile
    core: Core
    pipeline: Any
    outbox: StatusPort
    hub: Hub
    staff: StaffActions
    dispatcher: Dispatcher
    channels: dict[str, Sender] = field(default_factory=dict)
    metrics: Any = None


async def _start_channels(settings: Settings, core: Core) -> tuple[dict[str, Sender], list[Any]]:
    senders: dict[str, Sender] = {
        Channel.WEBCHAT: WebchatSender(core.hub),
        Channel.VOICE: SpokenSender(),
    }
    closers: list[Any] = []
    if settings.telegram_enabled:
        from handlers.telegram import TelegramPoller, TelegramSender

        tg = TelegramSender.from_settings(settings)
        await tg.start()
        closers.append(tg)
        senders[Channel.TELEGRAM] = tg
        if not settings.public_base_url:
            poller = TelegramPoller(tg.bot, core.pipeline)
            await poller.start()
            closers.insert(0, poller)
        elif settings.telegram_webhook_secret is not None:
            await tg.bot.set_webhook(
                url=settings.public_base_url.rstrip("/") + "/webhooks/telegram",
                secret_token=settings.telegram_webhook_secret.get(),
            )
    if settings.sms_enabled:
        from handlers.twilio_sms import TwilioSmsSender

        sms = TwilioSmsSender.from_settings(settings)
        await sms.start()
        closers.append(sms)
        senders[Channel.SMS] = sms
    if settings.whatsapp_enabled:
        from handlers.twilio_whatsapp import TwilioWhatsAppSender

        wa = TwilioWhatsAppSender.from_settings(settings)
        await wa.start()
        closers.append(wa)
        senders[Channel.WHATSAPP] = wa
    return senders, closers


def create_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    nlu: Understander | None = None,
    tick_seconds: float | None = None,
) -> FastAPI:
    """The ASGI app. Everything with a lifetime starts and stops in its lifespan."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from apscheduler.schedulers.asyncio import AsyncIOScheduler
        from apscheduler.triggers.cron import CronTrigger

        # Turns, sends and scheduled jobs run in worker threads. PostgreSQL runs them
        # side by side, so more threads help; SQLite has one write lock, where more
        # threads made the tail worse (p99 1.2 s -> 2.6 s in benchmarks.load --quick).
        sqlite = settings.is_sqlite
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=6 if sqlite else 16, thread_name_prefix="voordeur")
        )
        turns: TurnProcess | None = None
        if settings.turn_process:
            if clock is not None:
                raise ValueError("TURN_PROCESS runs turns on the system clock; no clock given")
            turns = TurnProcess(settings)
            await turns.spawn()  # its imports run while this process builds its core
        web_nlu = nlu
        if turns is not None and web_nlu is None:
            web_nlu = NluOnFirstUse(settings)
        try:
            core = await asyncio.to_thread(build_core, settings, clock=clock, nlu=web_nlu)
            if isinstance(web_nlu, NluOnFirstUse):
                await asyncio.to_thread(models_trained, settings)
        except BaseException:
            if turns is not None:
                await turns.stop()
            raise
        if sqlite:
            # SQLite writes one at a time anyway: turns queue for one thread instead of
            # taking turns at the write connection (and at the GIL) from several.
            core.pipeline.turn_executor = ThreadPoolExecutor(1, thread_name_prefix="voordeur-turn")
        if turns is not None:
            await turns.start()
            core.pipeline.turn_process = turns
        core.hub.bind(asyncio.get_running_loop())
        senders, closers = await _start_channels(settings, core)
        wa = senders.get(Channel.WHATSAPP)
        rules = SendRules(getattr(wa, "render_template", None))
        dispatcher = Dispatcher(
            core.db,
            senders,
            core.clock,
            rates=outbox_rates(settings),
            window_check=rules,
            concurrency=settings.outbox_concurrency,
        )
        core.pipeline.on_outbox = dispatcher.wake
        metrics = Metrics(core.db, core.clock.now)
        core.pipeline.metrics = metrics
        dispatcher.on_result = lambda channel, status: metrics.outbound.labels(
            channel, status
        ).inc()
        # One SQLite process: whatever is 'sending' was cut off. Several PostgreSQL workers:
        # only rows no live worker could still be sending (the loop re-checks them).
        settled, uncertain = await dispatcher.recover(
            timedelta(0) if core.db.is_sqlite else STUCK_AFTER
        )
        if settled or uncertain:
            log.warning(
                "after a crash: %d messages settled with the provider, %d uncertain",
                settled,
                uncertain,
            )
        recovered = await asyncio.to_thread(core.pipeline.recover)
        if recovered:
            log.info("answered %d messages stored before a restart", recovered)
        dispatcher.start()
        scheduler = AsyncIOScheduler(timezone=core.profile.timezone)

        async def tick() -> None:
            await asyncio.to_thread(core.jobs.tick)

        async def retention() -> None:
            await asyncio.to_thread(core.jobs.apply_retention)

        scheduler.add_job(
            tick,
            "interval",
            seconds=tick_seconds or settings.scheduler_tick_seconds,
            id="tick",
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        scheduler.add_job(
            retention,
            CronTrigger(hour=4, minute=15, timezone=core.profile.timezone),
            id="retention",
            replace_existing=True,
            misfire_grace_time=3600,
        )
        scheduler.start()
        app.state.services = AppServices(
            settings=settings,
            profile=core.profile,
            core=core,
            pipeline=core.pipeline,
            outbox=StatusPort(core.db),
            hub=core.hub,
            staff=StaffActions(core.pipeline),
            dispatcher=dispatcher,
            channels=senders,
            metrics=metrics,
        )
        # Everything built so far (NLU model, dialogs, libraries) lives as long as the
        # process: keep it out of the garbage collector's full passes. With the model
        # loaded one full pass took 108 ms (a stall for every message in flight);
        # after the freeze it skips these objects.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            scheduler.shutdown(wait=False)
            if turns is not None:  # every turn handed over is finished before it exits
                await turns.stop()
            await dispatcher.stop()
            for c in closers:
                try:
                    await c.stop()
                except Exception:
                    log.exception("closing %s failed", type(c).__name__)
            if core.pipeline.turn_executor is not None:
                await asyncio.to_thread(core.pipeline.turn_executor.shutdown, wait=True)
            core.db.dispose()

    app = VoordeurApp(
        title="voordeur", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None
    )
    from bot.web import install
    from bot.web.login_throttle import LoginThrottle

    app.state.login_throttle = LoginThrottle()
    install(app, settings)
    return app


def serve(settings: Settings, *, host: str | None, port: int | None, workers: int = 1) -> int:
    import uvicorn

    host = host or settings.host
    port = port or settings.port
    if workers > 1 and settings.is_sqlite:
        print("SQLite runs with one worker only. Set DATABASE_URL to PostgreSQL for more.")
        return 2
    print(f"voordeur: web chat   http://{host}:{port}/")
    print(f"voordeur: console    http://{host}:{port}/console")
    print(f"voordeur: channels   {', '.join(settings.enabled_channels())}")
    print(f"voordeur: database   {settings.database_url.split('@')[-1]}")
    if settings.encryption_key is None:
        print("voordeur: running WITHOUT an encryption key (local mode); set ENCRYPTION_KEY")
    # No access log unless asked for: it holds the IP address of every web chat visitor
    # (personal data), the reverse proxy in front keeps one anyway, and writing it was
    # 3 % of the web process's CPU under load.
    access_log = settings.access_log
    from bot.web.onewrite import PROTOCOL  # each response in one write (see there)

    if workers > 1:
        uvicorn.run(
            "bot.asgi:app",
            host=host,
            port=port,
            workers=workers,
            log_level="info",
            access_log=access_log,
            http=PROTOCOL,
        )
    else:
        uvicorn.run(
            create_app(settings),
            host=host,
            port=port,
            log_level="info",
            access_log=access_log,
            http=PROTOCOL,
        )
    return 0
