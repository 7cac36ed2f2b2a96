"""``voordeur chat``: talk to the front door in the terminal, as if on SMS.

Runs the same pipeline as the simulator (a fresh temporary database), with the clock
following real time. Options appear as "1 ..." / "2 ..." as they would on SMS.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from bot.simulate import Simulator

__all__ = ["chat"]


def chat(number: str) -> int:
    print("voordeur chat: u praat met de front door als op SMS. Stoppen: Ctrl-D.")
    print("(type '/later 3d' om de tijd 3 dagen vooruit te zetten)\n")
    sim = Simulator(start=datetime.now(UTC))
    try:
        while True:
            try:
                line = input("> ")
            except EOFError:
                print()
                return 0
            if line.startswith("/later "):
                items = sim.feed({"advance": line.split(None, 1)[1].strip()})
            else:
                sim.clock.set(max(sim.clock.now(), datetime.now(UTC)))
                items = sim.feed({"channel": "sms", "from": number, "text": line})
            for item in items:
                if item["type"] == "message":
                    print("\n".join("< " + ln for ln in item["text"].splitlines()))
                elif item["type"] == "error":
                    print(f"! {item['reason']}", file=sys.stderr)
                elif item["type"] in ("handoff", "followup_scheduled", "plan", "task"):
                    detail = {k: v for k, v in item.items() if k not in ("type", "t")}
                    print(f"  [{item['type']}] {detail}")
            print()
    finally:
        sim.close()
