"""App Home: what waits for a user, with buttons that work."""
from __future__ import annotations

import json
import time

from store.models import InputRequest, Task
from tests.conftest import message_text


def open_home(bot, user: str) -> int:
    body = json.dumps({"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
                       "event_id": f"Ev{time.time_ns()}", "event_time": int(time.time()),
                       "event": {"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home",
                                 "event_ts": str(time.time())}})
    return bot.post(body, "application/json")


def test_home_shows_what_waits_and_its_buttons_work(trajectory, slack):
    trajectory.say("input Reactie van: <@U_JAN|jan> rol: wethouder deadline: vrijdag", user="U_BEL")
    trajectory.say("taak Codes eigenaar: <@U_JAN|jan> deadline: 4 december", user="U_BEL")
    trajectory.say("urgent Wachtlijst ernst: laag", user="U_JAN")
    assert open_home(trajectory, "U_JAN") == 200
    home = slack.wait_for(lambda c: c.method == "views.publish")
    assert home.body["user_id"] == "U_JAN"
    text = message_text(home.body["view"])
    for expected in ("Input die van jou gevraagd is", "I1 Reactie", "T1 Codes", "U1 (laag) Wachtlijst",
                     "Jeugdhulp Rivierenland 2027", "groen"):
        assert expected in text, expected
    buttons = {b["accessory"]["action_id"]: b["accessory"]["value"] for b in home.body["view"]["blocks"]
               if b.get("accessory")}
    assert set(buttons) == {"home_received", "home_done", "urgent_ack"}
    slack.clear()
    trajectory.interact({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U_JAN", "team_id": "T1"},
                         "api_app_id": "A1", "token": "legacy", "trigger_id": "trigger-home-1",
                         "container": {"type": "view", "view_id": "V1"}, "view": {"id": "V1", "type": "home"},
                         "actions": [{"type": "button", "action_id": "home_done", "block_id": "b",
                                      "value": buttons["home_done"], "action_ts": "1"}]})
    refreshed = slack.wait_for(lambda c: c.method == "views.publish")
    assert "T1 Codes" not in message_text(refreshed.body["view"])
    assert trajectory.all(Task)[0].done_on is not None and trajectory.all(InputRequest)[0].received_on is None


def test_home_for_someone_with_nothing(bot, slack):
    open_home(bot, "U_NEW")
    home = slack.wait_for(lambda c: c.method == "views.publish")
    text = message_text(home.body["view"])
    assert text.count("Niets op dit moment.") == 1  # one line, not a row of empty headings
    assert "Input die van jou gevraagd is" not in text and "Jouw trajecten" not in text
