"""Local servers that speak the Telegram Bot API and the Twilio REST API.

For tests and benchmarks: real HTTP on 127.0.0.1, used with the real client libraries.
"""

from tests.fakes.telegram_server import TELEGRAM_TEST_TOKEN, FakeTelegramServer
from tests.fakes.twilio_server import (
    TWILIO_TEST_SID,
    TWILIO_TEST_TOKEN,
    FakeTwilioServer,
    sign_twilio,
    twilio_headers,
)

__all__ = [
    "TELEGRAM_TEST_TOKEN",
    "TWILIO_TEST_SID",
    "TWILIO_TEST_TOKEN",
    "FakeTelegramServer",
    "FakeTwilioServer",
    "sign_twilio",
    "twilio_headers",
]
