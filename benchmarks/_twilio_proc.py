"""The fake Twilio Messages API in its own process, so it does not share the load
generator's GIL. Prints its URL on the first stdout line, then reads commands on stdin:

    fail N KIND      fail the next N message creations (KIND: server_error | rate_limit)
    clear            forget pending failures
    quit             stop

Accepted messages are read back through the fake's own ``GET Messages.json``.
"""

from __future__ import annotations

import sys

from tests.fakes.twilio_server import FakeTwilioServer


def main() -> int:
    with FakeTwilioServer() as tw:
        print(tw.url, flush=True)
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "fail":
                tw.fail_next(int(parts[1]), parts[2], retry_after=int(parts[3]) if len(parts) > 3 else 7)
            elif parts[0] == "clear":
                with tw._lock:  # benchmark-only: end a failure period early
                    tw._failures.clear()
            elif parts[0] == "quit":
                break
            print("ok", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
