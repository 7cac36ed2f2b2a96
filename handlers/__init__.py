"""Channel adapters: one module per channel (parse inbound, render, send).

Modules: ``base`` (contracts and errors), ``gsm7`` (SMS alphabet and segments),
``render`` (two options per channel), ``telegram``, ``twilio_sms``, ``twilio_whatsapp``,
``twilio_voice``, ``twilio_status`` (each with a FastAPI ``router``), ``twilio_client``.
Import the module you need; importing this package loads no provider library.
"""

__all__ = [
    "base",
    "gsm7",
    "render",
    "telegram",
    "twilio_client",
    "twilio_sms",
    "twilio_status",
    "twilio_voice",
    "twilio_whatsapp",
]
