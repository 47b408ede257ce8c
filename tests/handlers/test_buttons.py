"""Oppakken / Opgelost under an urgent case's post."""
from __future__ import annotations

from store.models import UrgentCase
from tests.conftest import message_text


def test_buttons_acknowledge_then_resolve_and_update_the_post(trajectory, slack):
    trajectory.say("urgent Crisisplek nodig voor zaak 2026-0099 ernst: hoog", user="U_KWAL")
    post = slack.wait_for(lambda c: c.method == "chat.postMessage")
    [case] = trajectory.all(UrgentCase)
    buttons = [b for b in post.body["blocks"] if b["type"] == "actions"][0]["elements"]
    assert [b["action_id"] for b in buttons] == ["urgent_ack", "urgent_resolve"]
    assert trajectory.click("urgent_ack", str(case.id), user="U_ZORG") == 200
    update = slack.wait_for(lambda c: c.method == "chat.update")
    assert "Opgepakt door @U_ZORG" in message_text(update.body) and "[Oppakken]" not in message_text(update.body)
    slack.clear()
    assert trajectory.click("urgent_resolve", str(case.id), user="U_ZORG") == 200
    update = slack.wait_for(lambda c: c.method == "chat.update")
    assert "Opgelost door @U_ZORG" in message_text(update.body)
    assert not [b for b in update.body["blocks"] if b["type"] == "actions"]
    [case] = trajectory.all(UrgentCase)
    assert case.acked_by == "U_ZORG" and case.resolved_by == "U_ZORG"


def test_pressing_on_a_resolved_case_says_so(trajectory, slack):
    trajectory.say("urgent Wachtlijst ernst: laag", user="U_KWAL")
    [case] = trajectory.all(UrgentCase)
    trajectory.say("opgelost U1")
    trajectory.click("urgent_ack", str(case.id), user="U_LATE")
    answer = slack.wait_for(lambda c: c.method == "response_url" and "U1 is al opgelost door @U_COORD" in message_text(c.body))
    assert answer.body.get("replace_original") is False
