"""The few texts the pipeline says itself, outside any dialog.

Dialog texts live in dialogs/flows/*.yaml; these are for when a turn fails, a sender
floods, or the person asks what is stored. Plain Dutch (A2) and English, GSM-7 only.
"""

from __future__ import annotations

__all__ = ["text"]

_TEXTS: dict[str, dict[str, str]] = {
    "fallback": {
        "nl": "Sorry, er ging iets mis bij ons. Uw bericht is bewaard. "
        "Een mens kijkt ernaar. Typ MENS als u snel iemand wilt spreken.",
        "en": "Sorry, something went wrong on our side. Your message is saved. "
        "A person will look at it. Type HUMAN to talk to someone soon.",
    },
    "fallback_crisis": {
        "nl": "Bent u in gevaar? Bel dan 112. Denkt u aan zelfdoding? Bel 113 of 0800-0113. "
        "Gaat het om geweld? Bel Veilig Thuis 0800-2000. Een hulpverlener neemt contact op.",
        "en": "Are you in danger? Call 112. Thinking about suicide? Call 113 or 0800-0113. "
        "Is it about violence? Call Veilig Thuis 0800-2000. A professional will contact you.",
    },
    "flood": {
        "nl": "U stuurt veel berichten tegelijk. Wij bewaren ze allemaal. "
        "Een mens leest ze. Even geduld alstublieft.",
        "en": "You are sending many messages at once. We keep them all. "
        "A person will read them. Please be patient.",
    },
    "stored_data": {
        "nl": "Dit bewaren wij van u: uw {addresses}, {messages} berichten, "
        "{plan_items} afspraken in uw plan en {followups} keer terugbellen of berichten. "
        "Typ VERWIJDER MIJN GEGEVENS om alles te wissen.",
        "en": "This is what we keep about you: your {addresses}, {messages} messages, "
        "{plan_items} agreements in your plan and {followups} planned check-ins. "
        "Type DELETE MY DATA to erase everything.",
    },
    "plan_empty": {
        # The open question follows when there is one, so this asks nothing itself.
        "nl": "U heeft nog geen plan. Dat maken we samen.",
        "en": "You do not have a plan yet. We make it together.",
    },
    "plan_header": {"nl": "Dit spreken we af:", "en": "This is what we agreed:"},
    "who_self": {"nl": "U", "en": "You"},
    "who_network": {"nl": "{name}", "en": "{name}"},
    "who_network_anon": {"nl": "Iemand uit uw omgeving", "en": "Someone close to you"},
    "who_volunteer": {"nl": "Een vrijwilliger", "en": "A volunteer"},
    "who_professional": {"nl": "Een hulpverlener", "en": "A professional"},
    "address_phone": {"nl": "telefoonnummer", "en": "phone number"},
    "address_telegram": {"nl": "Telegram-account", "en": "Telegram account"},
    "address_webchat": {"nl": "chat op de website", "en": "website chat"},
}


def text(key: str, language: str = "nl", **values: object) -> str:
    entry = _TEXTS[key]
    template = entry.get(language) or entry["nl"]
    return template.format(**values) if values else template
