"""Slack as it really is (issue 16), through the fake Slack as strict as Slack: command text arrives
escaped and is read as typed; the bot joins a public channel or asks to be invited; what Slack
refuses for good ends at once and the coordinator hears it once; a 429's Retry-After is honoured;
forms open within their trigger's life while Slack rate-limits other calls."""
from __future__ import annotations

import itertools
import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from delivery.outbox import GIVE_UP_AFTER
from domain.text_input import INERT
from installations import BOT_SCOPES
from service.channel_facts import ChannelFacts
from store.models import Decision, Municipality, Outbox, Trajectory, UrgentCase
from tests.conftest import TRAJECT, message_text
from tests.handlers.test_home import open_home
from tests.handlers.test_reliability import hold_the_database
from tests.handlers.test_shortcuts import view_of
from tests.handlers.test_workspaces import install, oauth_bot  # noqa: F401 - the fixture

COORD = "U_ADMIN"
_n = itertools.count(1)


def rows(bot, prefix: str) -> list[Outbox]:
    return [row for row in bot.all(Outbox) if row.key.startswith(prefix)]


def posts_to(slack, channel: str):
    return [c for c in slack.of("chat.postMessage") if c.body.get("channel") == channel]


# -- read as typed -------------------------------------------------------------------------------
def test_ampersands_in_commands_are_read_as_typed(trajectory, slack):
    trajectory.say("besluit Inkoopstrategie deadline: 15 januari door: B&W", user=COORD)
    [decision] = trajectory.all(Decision)
    assert decision.decided_by == "college"  # `B&W` arrived as `B&amp;W` and still means the college
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel & Buren op: gisteren", user=COORD)
    assert "B1 vastgesteld door Tiel, Buren" in text and "amp" not in text

    title = ("Verordening " + "B&W-besluit en raad & regio " * 5)[:140] + "x" * 6
    title = title[:146]
    assert title.count("&") >= 2 and len(title) == 146
    answer = trajectory.say(f"besluit {title} deadline: 20 januari", user=COORD)
    assert "Te lang" not in answer, answer
    assert trajectory.all(Decision)[-1].title == title  # stored as typed: 146 characters
    refused = trajectory.say(f"besluit {title}abcde deadline: 20 januari", user=COORD)
    assert "heeft 151 tekens, het maximum is 150" in refused  # counted as typed, not as Slack sent it


def test_kaag_en_braassem_with_an_ampersand_is_one_municipality(bot, slack):
    answer = bot.say("traject Jeugd Leiden 2027 regio: Holland Rijnland gemeenten: Leiden, Kaag & Braassem, Teylingen "
                     "contracteinde: 31-3-2027", user=COORD, channel="C_HR")
    assert "3 gemeenten" in answer, answer
    assert sorted(m.name for m in bot.all(Municipality)) == ["Kaag en Braassem", "Leiden", "Teylingen"]
    bot.say("besluit Tarieven deadline: 15 januari", user=COORD, channel="C_HR")
    assert "B1 vastgesteld door Kaag en Braassem" in bot.say("vastgesteld B1 gemeente: Kaag & Braassem",
                                                             user=COORD, channel="C_HR")


def test_what_was_typed_is_posted_as_typed_and_a_hand_typed_mention_is_no_mention(trajectory, slack):
    # Slack sends a hand-typed `<@U0BAAS>` escaped; a real mention comes as `<@U_JAN|jan>`.
    trajectory.command("urgent Jongeren &lt; 18 jaar &amp; B&amp;W: bel &lt;@U0BAAS&gt; of <@U_JAN|jan> ernst: laag",
                       user="U_KWAL", raw=True)
    [case] = trajectory.all(UrgentCase)
    assert case.description == f"Jongeren < 18 jaar & B&W: bel <{INERT}@U0BAAS> of <@U_JAN|jan>"
    [post] = posts_to(slack, "C_JEUGD")
    raw = json.dumps(post.body)
    assert "<@U0BAAS>" not in raw and "<@U_JAN|jan>" in raw  # only the real mention pings
    assert "Jongeren < 18 jaar & B&W: bel <@U0BAAS> of @jan" in message_text(post.body).replace(INERT, "")


def test_the_export_shows_titles_as_typed(trajectory, slack):
    trajectory.say("besluit Mandaat B&W <concept> deadline: 15 januari", user=COORD)
    trajectory.say("export", user=COORD)
    [decisions] = [data for data in slack.uploads.values() if b"Mandaat" in data and b"ref;" in data]
    assert "Mandaat B&W <concept>" in decisions.decode("utf-8-sig")


def test_meld_als_urgent_prefills_what_was_typed_and_accepts_its_own_prefill(trajectory, slack):
    typed = ("Melding van B&W: " + "wachtlijst jeugd & gezin loopt op; " * 60)[:1990]
    escaped = typed.replace("&", "&amp;")  # as Slack stores a message's text
    view = view_of(flag_message(trajectory, slack, escaped))
    [title] = [b for b in view["blocks"] if b.get("block_id") == "title"]
    assert title["element"]["initial_value"] == typed and title["element"]["max_length"] == 2000
    status, ack = trajectory.submit(view, {"title": typed, "ernst": "hoog"}, user="U_KWAL")
    assert ack == {}, ack  # 1,990 typed characters, with 60 ampersands: within the 2,000
    [case] = trajectory.all(UrgentCase)
    assert case.description == typed


@pytest.mark.answer_budget(0.5)
def test_a_slow_form_comes_back_as_typed_and_is_stored_as_typed(trajectory, slack):
    view = trajectory.command("besluit", user=COORD).body["view"]
    holder = hold_the_database(trajectory, 1.5)
    status, ack = trajectory.submit(view, {"title": "Mandaat B&W <regio>", "deadline": "15-01-2027", "door": "kabinet"},
                                    user=COORD)
    holder.join()
    assert ack["response_action"] == "update"
    form = slack.wait_for(lambda c: c.method == "views.update").body["view"]
    values = {b["block_id"]: b["element"].get("initial_value") for b in form["blocks"] if b["type"] == "input"}
    assert values["title"] == "Mandaat B&W <regio>"  # not `B&amp;W &lt;regio&gt;`
    assert trajectory.submit(form, {**values, "door": "college"}, user=COORD) == (200, {})
    [decision] = trajectory.all(Decision)
    assert decision.title == "Mandaat B&W <regio>"


def flag_message(bot, slack, text: str, *, user: str = "U_KWAL", channel: str = "C_JEUGD"):
    """"Meld als urgent" on a message; the views.open call (None when none came within the wait)."""
    n = next(_n)
    ts = "1764068400.001200"
    assert bot.interact({
        "type": "message_action", "callback_id": "meld_urgent", "trigger_id": f"flag-{n}",
        "action_ts": "1764068460.000100", "team": {"id": "T1", "domain": "regio"},
        "user": {"id": user, "name": user.lower(), "team_id": "T1"}, "api_app_id": "A1", "token": "legacy",
        "channel": {"id": channel, "name": "jeugd"}, "message_ts": ts,
        "message": {"type": "message", "user": "U_JAN", "ts": ts, "text": text, "team": "T1"},
        "response_url": slack.response_url(1000 + n)}) == 200
    return slack.wait_for(lambda c: (c.method == "views.open" and c.body.get("trigger_id") == f"flag-{n}")
                          or c.path == f"/response/{1000 + n}")


# -- the bot where it must post --------------------------------------------------------------------
def test_traject_joins_a_public_channel(bot, slack):
    assert "gekoppeld" in bot.say(TRAJECT, user=COORD)
    [join] = slack.of("conversations.join")
    assert join.body["channel"] == "C_JEUGD" and "C_JEUGD" in slack.joined


def test_traject_in_a_private_channel_without_the_bot_asks_to_invite_it_and_makes_nothing(bot, slack):
    slack.private["G_CRISIS"] = [COORD, "U_KWAL"]
    answer = bot.say(TRAJECT, user=COORD, channel="G_CRISIS")
    assert "/invite @Regiowacht" in answer and "niets opgeslagen" in answer
    assert bot.all(Trajectory) == []
    assert "/invite @Regiowacht" in bot.say("traject", user=COORD, channel="G_CRISIS")  # nor a form to fill in
    slack.private["G_CRISIS"].append("UBOT_T1")  # invited
    bot.rt.channels = ChannelFacts()  # what Slack said is remembered a few minutes: they have passed
    assert "gekoppeld" in bot.say(TRAJECT, user=COORD, channel="G_CRISIS")


def test_traject_in_a_conversation_the_bot_cannot_join_says_to_use_a_channel(bot, slack):
    slack.private["D0PRIVE"] = [COORD, "U_KWAL"]  # a direct conversation between two people
    answer = bot.say(TRAJECT, user=COORD, channel="D0PRIVE")
    assert "privégesprek" in answer and "niets opgeslagen" in answer and bot.all(Trajectory) == []


def test_a_post_slack_refuses_for_good_is_not_retried_and_the_coordinator_hears_once(bot, slack, clock):
    slack.private["G_CRISIS"] = [COORD, "U_KWAL", "UBOT_T1"]
    assert "gekoppeld" in bot.say(TRAJECT, user=COORD, channel="G_CRISIS")
    slack.private["G_CRISIS"].remove("UBOT_T1")  # someone removed the bot from the channel
    answer = bot.say("urgent Crisisplek nodig voor twee jeugdigen ernst: hoog", user="U_KWAL", channel="G_CRISIS")
    assert "U1 gemeld" in answer and "/invite @Regiowacht" in answer and "probeert het automatisch" not in answer
    [row] = rows(bot, "urgent:")
    assert row.sent_at is None and row.attempts == GIVE_UP_AFTER and "channel_not_found" in row.last_error
    [dm] = posts_to(slack, COORD)
    text = message_text(dm.body)
    assert "het bericht over een urgent signaal in #G_CRISIS" in text and "Regiowacht is geen lid" in text
    assert "/invite @Regiowacht" in text and "Crisisplek nodig" in text
    for _ in range(3):  # later passes of the schedule: nothing is tried again, nobody hears twice
        clock.advance(hours=2)
        bot.rt.sender.deliver()
    assert len(posts_to(slack, "G_CRISIS")) == 1 and len(posts_to(slack, COORD)) == 1


def test_word_of_a_refused_message_never_loops(bot, slack, clock):
    slack.private["G_CRISIS"] = [COORD, "U_KWAL", "UBOT_T1"]
    bot.say(TRAJECT, user=COORD, channel="G_CRISIS")
    slack.private["G_CRISIS"].remove("UBOT_T1")
    slack.refuse_for[COORD] = "user_not_found"  # and the coordinator's account is gone too
    bot.say("urgent Crisisplek ernst: hoog", user="U_KWAL", channel="G_CRISIS")
    clock.advance(hours=2)
    bot.rt.sender.deliver()
    assert {row.key: row.attempts for row in bot.all(Outbox) if not row.sent_at} == {
        "urgent:1": GIVE_UP_AFTER, "undelivered:urgent:1": GIVE_UP_AFTER}
    assert len(posts_to(slack, COORD)) == 1


def test_a_dm_to_someone_who_left_tells_the_coordinator(trajectory, slack):
    slack.refuse_for["U_WEG"] = "user_not_found"
    trajectory.say("input Reactie op de tarieven van: <@U_WEG|weg> rol: beleid deadline: vrijdag", user=COORD)
    [dm] = posts_to(slack, COORD)
    text = message_text(dm.body)
    assert "een inputvraag aan @U_WEG" in text and "niet (meer) bereikbaar" in text


def test_a_429_is_tried_again_when_slack_says_and_the_answer_does_not_wait_for_it(trajectory, slack, clock):
    slack.rate_limited["chat.postMessage"] = 120
    started = time.monotonic()
    answer = trajectory.say("urgent Wachtlijst ernst: laag", user="U_KWAL")
    assert time.monotonic() - started < 2.0 and "probeert het automatisch opnieuw" in answer
    [row] = rows(trajectory, "urgent:")
    assert row.attempts == 1 and "429" in row.last_error
    assert row.next_attempt_at.replace(tzinfo=None) == (clock() + timedelta(seconds=120)).replace(tzinfo=None)
    tried = len(slack.throttled)
    clock.advance(seconds=60)
    trajectory.rt.sender.deliver()
    assert len(slack.throttled) == tried  # Slack said two minutes
    del slack.rate_limited["chat.postMessage"]
    clock.advance(seconds=61)
    trajectory.rt.sender.deliver()
    [row] = rows(trajectory, "urgent:")
    assert row.sent_at is not None


# -- forms within their trigger's life --------------------------------------------------------------
def test_a_form_opens_in_time_while_slack_rate_limits_app_home(trajectory, slack):
    slack.rate_limited["views.publish"] = 5  # every App Home waits five seconds, twice
    for n in range(8):
        open_home(trajectory, f"U_LEZER{n}")
    deadline = time.monotonic() + 10
    while len([c for c in slack.throttled if c.method == "views.publish"]) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)  # every follow-up thread is now waiting for Slack
    started = time.perf_counter()
    call = trajectory.command("besluit", user=COORD)
    assert call.method == "views.open" and call.at - started < 3.0, call.at - started


def test_a_short_rate_limit_on_views_open_is_waited_out_within_the_trigger(trajectory, slack):
    slack.fail_next = [429]  # Retry-After: 1
    started = time.perf_counter()
    call = trajectory.command("besluit", user=COORD)
    assert call.method == "views.open" and 1.0 <= call.at - started < 3.0


def test_a_form_that_cannot_open_in_time_says_so(trajectory, slack):
    slack.rate_limited["views.open"] = 5
    started = time.perf_counter()
    call = trajectory.command("besluit", user=COORD)
    assert call.method == "response_url" and "kon niet op tijd openen" in message_text(call.body)
    assert call.at - started < 3.0
    answer = flag_message(trajectory, slack, "Lindenhout stopt met crisisopvang")
    assert answer.method == "response_url" and "Meld als urgent" in message_text(answer.body)


# -- what Slack says, remembered -------------------------------------------------------------------
def test_regio_and_app_home_do_not_ask_slack_about_every_channel_every_time(trajectory, slack):
    for channel in ("C_WMO", "C_BEGELEID", "C_VERVOER"):
        trajectory.say(TRAJECT.replace("Jeugdhulp", channel).replace(" gemeenten: Buren, Culemborg, Maasdriel, "
                                                                     "Neder-Betuwe, Tiel, West Betuwe, West Maas en Waal, "
                                                                     "Zaltbommel", ""), user=COORD, channel=channel)
    slack.clear()
    for _ in range(3):
        assert "4 trajecten in deze regio" in trajectory.say("regio", user="U_KWAL")
        open_home(trajectory, COORD)
    slack.wait_for(lambda c: c.method == "views.publish")
    assert len(slack.of("conversations.info")) == 0  # known since `traject` asked, a minute ago


def test_oauth_mode_remembers_what_auth_test_said(oauth_bot, slack):
    install(oauth_bot, "T1")
    assert "gekoppeld" in oauth_bot.say(TRAJECT, user=COORD)
    before = len(slack.of("auth.test"))
    for _ in range(4):
        oauth_bot.say("status", user="U_KWAL")
    assert len(slack.of("auth.test")) == before


# -- forms and scopes -----------------------------------------------------------------------
def test_every_form_field_says_how_long_it_may_be(bot, slack):
    limits = {("besluit", "title"): 150, ("input", "title"): 2000, ("urgent", "title"): 2000, ("input", "van"): 150,
              ("taak", "eigenaar"): 150, ("traject", "regio"): 150, ("input", "rol"): 2000}
    bot.say(TRAJECT, user=COORD)
    for name in ("besluit", "input", "taak", "urgent"):
        view = bot.command(name, user=COORD).body["view"]
        fields = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"
                  and b["element"]["type"] == "plain_text_input"}
        assert fields and all(element.get("max_length") for element in fields.values()), name
        for (form, key), limit in limits.items():
            if form == name:
                assert fields[key]["max_length"] == limit, (form, key)
    view = bot.command("traject", user=COORD, channel="C_NIEUW").body["view"]
    assert all(b["element"].get("max_length") for b in view["blocks"]
               if b["type"] == "input" and b["element"]["type"] == "plain_text_input")


def test_the_app_asks_for_the_scopes_it_uses():
    manifest = yaml.safe_load((Path(__file__).resolve().parents[2] / "manifest.yml").read_text())
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    for needed in ("im:read", "mpim:read", "channels:join", "channels:read", "groups:read", "chat:write.public"):
        assert needed in scopes and needed in BOT_SCOPES, needed
    assert scopes == set(BOT_SCOPES)
