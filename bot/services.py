"""Build the front door's parts from settings: database, NLU, engine, pipeline, jobs.

The web app (bot/app.py), the simulator and the terminal chat all start from here, so
every way in runs the same pipeline.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.clock import Clock, SystemClock
from bot.crypto import cipher_from_setting
from bot.jobs import Jobs
from bot.live import Hub
from bot.pipeline import Pipeline
from config.profile import Profile, load_profile
from config.settings import Settings
from dialogs.engine import Engine
from dialogs.loader import load_dialogs
from nlu.api import Understander
from storage.db import Database
from storage.types import set_cipher

__all__ = ["Core", "build_core"]

log = logging.getLogger("voordeur")


@dataclass
class Core:
    """Everything but the web server and the channel clients."""

    settings: Settings
    profile: Profile
    db: Database
    clock: Clock
    nlu: Understander
    engine: Engine
    pipeline: Pipeline
    jobs: Jobs
    hub: Hub = field(default_factory=Hub)
    extra: dict[str, Any] = field(default_factory=dict)


def build_nlu(settings: Settings) -> Understander:
    from nlu.service import load_understander

    return load_understander(
        backend=settings.nlu_backend, model_dir=settings.nlu_model_dir, rasa_url=settings.rasa_url
    )


def build_core(
    settings: Settings,
    *,
    clock: Clock | None = None,
    nlu: Understander | None = None,
    upgrade: bool = True,
) -> Core:
    profile = load_profile(settings.profile_path)
    set_cipher(cipher_from_setting(settings.encryption_key))
    db = Database(settings.database_url)
    if upgrade:
        db.upgrade()
    clock = clock or SystemClock()
    understander = nlu or build_nlu(settings)
    engine = Engine(load_dialogs(), profile)
    hub = Hub()
    pipeline = Pipeline(
        db,
        understander,
        engine,
        profile,
        clock,
        rate_per_minute=settings.inbound_rate_per_minute,
        on_event=lambda kind, data: hub.publish("console", {"kind": kind, **data}),
    )
    jobs = Jobs(
        pipeline,
        profile,
        silence_hours=settings.followup_silence_hours,
        pickup_minutes=settings.handoff_pickup_minutes,
        retention_months=settings.retention_months,
    )
    return Core(
        settings=settings,
        profile=profile,
        db=db,
        clock=clock,
        nlu=understander,
        engine=engine,
        pipeline=pipeline,
        jobs=jobs,
        hub=hub,
    )
