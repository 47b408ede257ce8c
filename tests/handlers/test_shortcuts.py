""""Meld als urgent" on a message: a signed `message_action` opens the urgent form prefilled with
the message, and the case it creates links back to that message."""
from __future__ import annotations

import itertools
import json

from store.models import AuditLog, UrgentCase
from tests.conftest import message_text

_n = itertools.count(1)


def flag(bot, slack, text: str, *, user: str = "U_KWAL", channel: str = "C_JEUGD", author: str = "U_JAN",
         ts: str = "1764068400.001200"):
    """Press "Meld als urgent" on a message, as Slack sends it; returns the views.open call."""
    n = next(_n)
    slack.clear()
    status = bot.interact({
        "type": "message_action", "callback_id": "meld_urgent", "trigger_id": f"shortcut-{n}",
        "action_ts": "1764068460.000100", "team": {"id": "T1", "domain": "regio"},
        "user": {"id": user, "name": user.lower(), "team_id": "T1"}, "api_app_id": "A1", "token": "legacy",
        "channel": {"id": channel, "name": "jeugd-2027"}, "message_ts": ts,
        "message": {"type": "message", "user": author, "ts": ts, "text": text, "team": "T1"},
        "response_url": slack.response_url(n)})
    assert status == 200
    return slack.wait_for(lambda c: c.method == "views.open" and c.body.get("trigger_id") == f"shortcut-{n}")


def view_of(call) -> dict:
    view = call.body["view"]
    return json.loads(view) if isinstance(view, str) else view


def prefilled(view: dict, block_id: str):
    [block] = [b for b in view["blocks"] if b.get("block_id") == block_id]
    element = block["element"]
    return element.get("initial_value") if element["type"] == "plain_text_input" else element["initial_option"]["value"]


def test_a_message_becomes_a_linked_case(trajectory, slack):
    view = view_of(flag(trajectory, slack, "Aanbieder Lindenhout stopt per 1 januari met crisisopvang; "
                                            "3 jeugdigen zonder plek, zaak 2026-0412."))
    assert view["callback_id"] == "form_urgent" and view["title"]["text"] == "Urgent signaal"
    assert prefilled(view, "title") == ("Aanbieder Lindenhout stopt per 1 januari met crisisopvang; "
                                        "3 jeugdigen zonder plek, zaak 2026-0412.")
    assert prefilled(view, "ernst") == "middel"  # the default, shown; the officer chooses
    assert "Vanuit het bericht van <@U_JAN>" in json.dumps(view["blocks"])  # Slack shows the author's name

    status, ack = trajectory.submit(view, {"title": "Lindenhout stopt crisisopvang per 1 jan, zaak 2026-0412",
                                           "ernst": "hoog"}, user="U_KWAL")
    assert status == 200 and ack == {}
    [case] = trajectory.all(UrgentCase)
    assert (case.ref, case.severity, case.flagged_by) == ("U1", "hoog", "U_KWAL")
    assert case.description == "Lindenhout stopt crisisopvang per 1 jan, zaak 2026-0412"
    assert case.source_link == "https://regio.slack.com/archives/C_JEUGD/p1764068400001200"
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "C_JEUGD")
    shown = message_text(post.body)
    assert "U1 Urgent signaal (hoog) van @U_KWAL: Lindenhout stopt crisisopvang per 1 jan, zaak 2026-0412" in shown
    assert "Gemeld vanuit dit bericht: https://regio.slack.com/archives/C_JEUGD/p1764068400001200" in shown
    assert "U1 gemeld" in message_text(slack.wait_for(lambda c: c.method == "chat.postEphemeral").body)


def test_a_message_with_a_bsn_opens_the_form_empty_with_the_reason(trajectory, slack):
    call = flag(trajectory, slack, "Jeugdige met BSN 111 222 333 zit sinds vrijdag zonder plek")
    view = view_of(call)
    assert prefilled(view, "title") is None
    shown = message_text({"blocks": view["blocks"]})
    assert "kan zijn, dus het formulier is leeg gelaten" in shown and "zaaknummer" in shown
    assert "111" not in json.dumps(call.body)  # the number is not echoed into Slack
    status, ack = trajectory.submit(view, {"title": "Jeugdige zonder plek sinds vrijdag, zaak 2026-0415"}, user="U_KWAL")
    assert ack == {}
    [case] = trajectory.all(UrgentCase)
    assert case.severity == "middel" and case.source_link.endswith("/p1764068400001200")


def test_outside_a_trajectory_channel_it_says_so(trajectory, slack):
    view = view_of(flag(trajectory, slack, "Wachtlijst loopt op", channel="C_RANDOM"))
    assert view.get("callback_id") != "form_urgent"
    assert "In dit kanaal loopt geen inkooptraject" in message_text({"blocks": view["blocks"]})
    assert trajectory.all(UrgentCase) == []


def test_mentions_links_and_broadcasts_are_read_not_replayed(trajectory, slack):
    view = view_of(flag(trajectory, slack, "<!channel> <@U_JAN|jan> zie <https://evil.example|de lijst> &amp; bel"))
    assert prefilled(view, "title") == "@channel @jan zie de lijst (https://evil.example) & bel"
    trajectory.submit(view, {"title": prefilled(view, "title"), "ernst": "laag"}, user="U_KWAL")
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "C_JEUGD")
    raw = json.dumps(post.body)
    assert "<!channel>" not in raw and "|de lijst>" not in raw


def test_a_long_message_is_cut_and_the_form_says_so(trajectory, slack):
    view = view_of(flag(trajectory, slack, "Wachtlijst " + "loopt op " * 400))
    title = prefilled(view, "title")
    assert len(title) <= 2000 and title.endswith("…")
    assert "langer dan 2000 tekens" in message_text({"blocks": view["blocks"]})


def test_without_a_permalink_the_form_still_opens_and_the_case_has_no_link(trajectory, slack):
    slack.refuse["chat.getPermalink"] = "message_not_found"
    view = view_of(flag(trajectory, slack, "Wachtlijst ambulante hulp loopt op"))
    assert prefilled(view, "title") == "Wachtlijst ambulante hulp loopt op"
    trajectory.submit(view, {"title": "Wachtlijst ambulante hulp loopt op"}, user="U_KWAL")
    [case] = trajectory.all(UrgentCase)
    assert case.source_link is None
    assert any(row.action == "signaal gemeld" for row in trajectory.all(AuditLog))


def test_english_users_get_the_english_form(trajectory, slack):
    trajectory.say("taal en", user="U_KWAL")
    view = view_of(flag(trajectory, slack, "Waiting list grows"))
    assert view["title"]["text"] == "Urgent case"
    assert "From the message by <@U_JAN>" in json.dumps(view["blocks"])
