"""What the person reads about who will help and where the handoff goes agree."""

from __future__ import annotations

from types import SimpleNamespace

from bot.dialog_runner import PipelineConversation
from dialogs.api import HandOff


def _talk(understander, lines: list[str]) -> tuple[str, list[HandOff]]:
    conv = PipelineConversation(SimpleNamespace(person={}, language=None), understander)
    try:
        said: list[str] = []
        handoffs: list[HandOff] = []
        for line in lines:
            said += [r.text for r in conv.say(line)]
            handoffs += [e for e in conv.effects() if isinstance(e, HandOff)]
        return "\n".join(said), handoffs
    finally:
        conv.close()


def test_a_letter_handed_to_a_volunteer_reaches_a_volunteer(understander) -> None:
    said, handoffs = _talk(
        understander,
        [
            "ik snap de brieven van de belasting niet",
            "ja",  # consent
            "ja",  # money and papers, right
            "dan heb ik rust",  # difference
            "als mijn zoon er is",  # exception
            "6",  # scale
            "dat iemand het uitlegt",  # one higher
            "ik kan de post openmaken",  # own strength
            "nee",  # network
            "ja graag",  # a volunteer
            "Noord",
            "over een paar dagen",
        ],
    )
    assert "vrijwilliger" in said
    assert "hulpverlener" not in said
    assert [h.role.value for h in handoffs] == ["volunteer"]


def test_debts_are_offered_to_a_social_worker_and_reach_one(understander) -> None:
    said, handoffs = _talk(
        understander,
        [
            "ik heb schulden en de deurwaarder komt",
            "ja",
            "ja",
            "dan slaap ik weer",
            "als ik werk",
            "3",
            "ik weet het niet",
            "dat iemand meekijkt",
            "ik kan de post openmaken",
            "nee",
            "ja graag",
            "Noord",
            "over een paar dagen",
        ],
    )
    assert "hulpverlener" in said
    assert [h.role.value for h in handoffs] == ["professional"]
