"""Prometheus metrics at ``/metrics``.

Counters and the turn-latency histogram live in this process; queue depths are read
from the database at scrape time, so every worker reports the same truth. With several
workers, set ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's multiprocess mode) to
sum the counters of all workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select

from storage.db import Database
from storage.models import FollowUp, Handoff, OutboxRow

__all__ = ["CONTENT_TYPE", "TURN_BUCKETS", "Metrics"]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

#: Upper bounds (seconds) of the turn-latency histogram. A quantile is interpolated
#: linearly inside its bucket, so buckets must be narrow where turns fall: with
#: (0.05, 0.1) a true p99 of 60 ms read as 91 ms. Steps of at most ~1.5x from 1 ms to
#: 200 ms (the goal is p99 under 50 ms), coarser above.
TURN_BUCKETS = (
    0.001,
    0.002,
    0.003,
    0.004,
    0.005,
    0.0075,
    0.01,
    0.0125,
    0.015,
    0.02,
    0.025,
    0.03,
    0.035,
    0.04,
    0.045,
    0.05,
    0.06,
    0.07,
    0.08,
    0.1,
    0.125,
    0.15,
    0.2,
    0.3,
    0.5,
    1.0,
    2.5,
    5.0,
)


class _Depths:
    """Gauges read from the database when Prometheus scrapes."""

    def __init__(self, db: Database, now: Callable[[], datetime]) -> None:
        self.db = db
        self.now = now

    def describe(self) -> list[Any]:
        return []

    def collect(self) -> Any:
        now = self.now()
        with self.db.reader() as s:
            outbox = dict(
                s.execute(
                    select(OutboxRow.status, func.count())
                    .where(OutboxRow.status.in_(("queued", "sending", "held", "uncertain")))
                    .group_by(OutboxRow.status)
                ).all()
            )
            waiting = s.execute(
                select(Handoff.priority, func.count(), func.min(Handoff.created_at))
                .where(Handoff.status == "waiting")
                .group_by(Handoff.priority)
            ).all()
            due = (
                s.scalar(
                    select(func.count()).where(FollowUp.status == "pending", FollowUp.due_at <= now)
                )
                or 0
            )
            late = (
                s.scalar(
                    select(func.count()).where(
                        FollowUp.status == "pending", FollowUp.due_at <= now - timedelta(minutes=15)
                    )
                )
                or 0
            )
        g = GaugeMetricFamily(
            "voordeur_outbox_depth", "Outbox messages not yet sent, by status", labels=["status"]
        )
        for status in ("queued", "sending", "held", "uncertain"):
            g.add_metric([status], outbox.get(status, 0))
        yield g
        h = GaugeMetricFamily(
            "voordeur_handoffs_waiting", "Handoffs nobody took yet", labels=["priority"]
        )
        a = GaugeMetricFamily(
            "voordeur_handoff_oldest_wait_seconds",
            "Age of the oldest waiting handoff",
            labels=["priority"],
        )
        for priority, n, oldest in waiting:
            h.add_metric([priority], n)
            a.add_metric([priority], (now - oldest).total_seconds() if oldest else 0)
        yield h
        yield a
        yield GaugeMetricFamily(
            "voordeur_followups_due", "Follow-ups due and not yet sent", value=due
        )
        yield GaugeMetricFamily(
            "voordeur_followups_late", "Follow-ups more than 15 minutes late", value=late
        )


class Metrics:
    def __init__(self, db: Database, now: Callable[[], datetime]) -> None:
        self.registry = CollectorRegistry()
        self.inbound = Counter(
            "voordeur_inbound_messages",
            "Messages people sent, by channel",
            ["channel"],
            registry=self.registry,
        )
        self.outbound = Counter(
            "voordeur_outbound_messages",
            "Messages handed to providers, by result",
            ["channel", "status"],
            registry=self.registry,
        )
        self.turn = Histogram(
            "voordeur_turn_seconds",
            "From a message received to its replies stored",
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self._depths = _Depths(db, now)
        self.registry.register(self._depths)  # type: ignore[arg-type]

    def render(self) -> bytes:
        if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
            # Several workers: the counters of all of them (each worker writes its values
            # to the shared folder), plus the depths read from the database, once.
            from prometheus_client import multiprocess

            registry = CollectorRegistry()
            multiprocess.MultiProcessCollector(registry)
            registry.register(self._depths)  # type: ignore[arg-type]
            return generate_latest(registry)
        return generate_latest(self.registry)
