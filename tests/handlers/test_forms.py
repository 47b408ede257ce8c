"""A creating subcommand without arguments opens a form; its submission follows the same rules."""
from __future__ import annotations

from store.models import Decision, InputRequest, Trajectory
from tests.conftest import message_text


def test_besluit_without_arguments_opens_form_and_validates(trajectory, slack):
    call = trajectory.command("besluit", user="U_ADMIN")
    assert call.method == "views.open"
    view = call.body["view"]
    assert view["callback_id"] == "form_besluit" and view["title"]["text"] == "Nieuw besluit"
    status, ack = trajectory.submit(view, {"title": "Tarieven 2027", "deadline": "zsm"}, user="U_ADMIN")
    assert status == 200 and ack["response_action"] == "errors"
    assert "noemt geen dag" in ack["errors"]["deadline"]
    assert trajectory.all(Decision) == []
    status, ack = trajectory.submit(view, {"title": "Tarieven 2027", "deadline": "15-01-2027", "door": "raad"},
                                    user="U_ADMIN")
    assert status == 200 and not ack
    [decision] = trajectory.all(Decision)
    assert decision.decided_by == "raad"
    confirmation = slack.wait_for(lambda c: c.method == "chat.postEphemeral")
    assert confirmation.body["user"] == "U_ADMIN" and "vr 15 jan 2027" in message_text(confirmation.body)


def test_input_form_takes_a_slack_user_and_refuses_bsn(trajectory, slack):
    view = trajectory.command("input").body["view"]
    status, ack = trajectory.submit(view, {"title": "Over cliënt 111222333", "van_user": "U_JAN", "rol": "wethouder",
                                           "deadline": "vrijdag"})
    assert ack["response_action"] == "errors" and "burgerservicenummer" in ack["errors"]["title"]
    status, ack = trajectory.submit(view, {"title": "Reactie", "van": "Jan (bsn 12345672)", "rol": "wethouder",
                                           "deadline": "vrijdag"})
    assert "burgerservicenummer" in ack["errors"]["van"] and "12345672" not in str(ack)
    status, ack = trajectory.submit(view, {"title": "Reactie op tarieven", "van_user": "U_JAN", "rol": "wethouder",
                                           "deadline": "vrijdag"})
    assert not ack
    [request] = trajectory.all(InputRequest)
    assert request.stakeholder_user == "U_JAN"


def test_form_in_english_for_english_alias(trajectory):
    view = trajectory.command("task").body["view"]
    assert view["title"]["text"] == "New task"
    status, ack = trajectory.submit(view, {"title": "Codes", "eigenaar": "Kees", "deadline": "next week Friday",
                                           "na": "B7"})
    assert "can't find B7" in ack["errors"]["na"]


def test_traject_form_needs_admin(bot, slack):
    text = bot.say("traject", user="U_NOBODY")
    assert "beheerder" in text
    view = bot.command("traject", user="U_ADMIN").body["view"]
    status, ack = bot.submit(view, {"title": "Jeugd 2027", "regio": "Rivierenland", "contracteinde": "eind 2027"},
                             user="U_ADMIN")
    assert "Rivierenland is nieuw" in ack["errors"]["gemeenten"]
    status, ack = bot.submit(view, {"title": "Jeugd 2027", "regio": "Rivierenland", "gemeenten": "Tiel, Buren",
                                    "contracteinde": "eind 2027"}, user="U_ADMIN")
    assert ack == {}
    [row] = bot.all(Trajectory)
    assert row.contract_end.isoformat() == "2027-12-31" and row.domain == "beide"


def test_confirmation_comes_by_dm_when_the_bot_is_not_in_the_channel(trajectory, slack):
    view = trajectory.command("urgent").body["view"]
    slack.refuse["chat.postEphemeral"] = "not_in_channel"
    status, ack = trajectory.submit(view, {"title": "Wachtlijst loopt op", "ernst": "laag"})
    assert ack == {}
    dm = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "U_COORD")
    assert "U1 gemeld" in message_text(dm.body)
