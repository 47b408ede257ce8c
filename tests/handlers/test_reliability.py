"""Issue 8's findings, each through signed requests to the real app: forms on Slack's retry and on
a slow database, malformed requests, and the smaller holes."""
from __future__ import annotations

import json
import logging
import threading
import time
from urllib.parse import urlencode

import pytest
from sqlalchemy import text

from store.models import Decision, Task, UrgentCase
from tests.conftest import message_text

COORD = "U_ADMIN"


def hold_the_database(bot, seconds: float) -> threading.Thread:
    """Another transaction holds the write lock for a while: every write waits (a slow database)."""
    started = threading.Event()

    def hold():
        with bot.rt.engine.connect() as connection:
            if connection.dialect.name == "postgresql":  # reads of the trajectory wait too
                connection.execute(text("LOCK TABLE trajectory IN ACCESS EXCLUSIVE MODE"))
            else:
                connection.execute(text("UPDATE refcounter SET value = value"))  # BEGIN IMMEDIATE holds the lock
            started.set()
            time.sleep(seconds)
            connection.commit()

    thread = threading.Thread(target=hold)
    thread.start()
    started.wait(5)
    return thread


def test_a_form_resent_by_slack_is_stored_once(trajectory, slack):
    view = trajectory.command("besluit", user=COORD).body["view"]
    values = {"title": "Tarieven 2027", "deadline": "15-01-2027"}
    assert trajectory.submit(view, values, user=COORD) == (200, {})
    status, ack = trajectory.submit(view, values, user=COORD, headers={"X-Slack-Retry-Num": "1"})
    assert (status, ack) == (200, {})
    assert len(trajectory.all(Decision)) == 1
    slack.wait_for(lambda c: c.method == "chat.postEphemeral")  # the confirmation follows the ack
    assert len(slack.of("chat.postEphemeral")) == 1


def test_a_corrected_form_after_an_error_is_not_mistaken_for_a_retry(trajectory):
    view = trajectory.command("besluit", user=COORD).body["view"]
    status, ack = trajectory.submit(view, {"title": "Tarieven", "deadline": "zsm"}, user=COORD)
    assert ack["response_action"] == "errors"
    assert trajectory.submit(view, {"title": "Tarieven", "deadline": "15-01-2027"}, user=COORD) == (200, {})
    assert len(trajectory.all(Decision)) == 1


@pytest.mark.answer_budget(0.5)
def test_a_slow_form_is_answered_within_three_seconds_and_then_shows_what_was_stored(trajectory, slack):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    view = trajectory.command("taak").body["view"]
    holder = hold_the_database(trajectory, 1.5)
    started = time.monotonic()
    status, ack = trajectory.submit(view, {"title": "Codes inrichten", "eigenaar": "Kees", "deadline": "eind januari"})
    answered = time.monotonic() - started
    holder.join()
    assert status == 200 and answered < 3.0, answered
    assert ack["response_action"] == "update" and "slaat dit op" in json.dumps(ack["view"], ensure_ascii=False)
    update = slack.wait_for(lambda c: c.method == "views.update")
    assert update.body["view_id"] == "V1" and "T1" in json.dumps(update.body["view"], ensure_ascii=False)
    assert [t.title for t in trajectory.all(Task)] == ["Codes inrichten"]


@pytest.mark.answer_budget(0.5)
def test_a_slow_form_with_a_mistake_comes_back_filled_in_with_the_problem(trajectory, slack):
    view = trajectory.command("besluit", user=COORD).body["view"]
    holder = hold_the_database(trajectory, 1.5)
    status, ack = trajectory.submit(view, {"title": "Tarieven", "deadline": "15-01-2027", "door": "kabinet"}, user=COORD)
    holder.join()
    assert ack["response_action"] == "update"
    form = slack.wait_for(lambda c: c.method == "views.update").body["view"]
    assert form["callback_id"] == "form_besluit" and "geen geldige waarde" in json.dumps(form, ensure_ascii=False)
    assert {b["block_id"]: b["element"].get("initial_value") for b in form["blocks"] if b["type"] == "input"}[
        "door"] == "kabinet"
    assert trajectory.all(Decision) == []


def test_malformed_requests_get_400_and_one_log_line_never_a_traceback(trajectory, caplog):
    caplog.set_level(logging.INFO)
    form = urlencode({"payload": "{not json"})
    assert trajectory.post(form, "application/x-www-form-urlencoded") == 400
    base = {"team": {"id": "T1"}, "user": {"id": COORD, "team_id": "T1"}, "api_app_id": "A1", "token": "t"}
    assert trajectory.interact({**base, "type": "block_actions", "actions": []}) == 400
    assert trajectory.interact({**base, "type": "block_actions", "actions": [
        {"action_id": "urgent_ack", "value": "DROP TABLE"}]}) == 400
    assert trajectory.interact({**base, "type": "view_submission", "view": {"id": "V1", "callback_id": "form_besluit"}}) == 400
    sealed_elsewhere = json.dumps({"d": {"channel": "C_OTHER", "lang": "nl"}, "m": "0" * 32})
    assert trajectory.interact({**base, "type": "view_submission", "view": {
        "id": "V1", "callback_id": "form_besluit", "private_metadata": sealed_elsewhere, "state": {"values": {}}}}) == 400
    assert trajectory.interact({**base, "type": "view_submission", "view": {
        "id": "V1", "callback_id": "form_onbekend", "private_metadata": "{}", "state": {"values": {}}}}) == 400
    no_user = urlencode({"command": "/inkoop", "text": "status", "team_id": "T1", "channel_id": "C_JEUGD",
                         "trigger_id": "x", "response_url": trajectory.slack.response_url(1)})
    started = time.monotonic()
    assert trajectory.post(no_user, "application/x-www-form-urlencoded") == 400
    assert time.monotonic() - started < 1.0
    assert "Traceback" not in caplog.text and all(r.exc_info is None for r in caplog.records)
    assert caplog.text.count("refused") == 7


def test_a_failing_users_info_says_slack_could_not_be_asked(bot, slack):
    slack.refuse["users.info"] = "ratelimited"
    text = bot.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel contracteinde: eind 2027", user="U_WSADMIN")
    assert "Ik kon Slack nu niet vragen of je workspace-beheerder bent; er is niets opgeslagen" in text


def test_a_huge_title_is_refused_and_nothing_is_stored(trajectory):
    # 18,000 characters: past the line limit, within the 1 MiB a request to /slack/events may have
    text = trajectory.say("besluit " + "Tarieven " * 2_000 + " deadline: vrijdag", user=COORD)
    assert "meer dan 12000 lees ik niet" in text.replace(".", "")
    text = trajectory.say("besluit " + "x" * 151 + " deadline: vrijdag", user=COORD)
    assert "Te lang: titel heeft 151 tekens, het maximum is 150" in text
    assert trajectory.all(Decision) == []


def test_two_writes_without_a_trigger_id_are_both_stored(trajectory):
    for n in (1, 2):
        body = urlencode({"team_id": "T1", "channel_id": "C_JEUGD", "user_id": "U_B", "command": "/inkoop",
                          "text": f"taak Taak {n} eigenaar: Kees deadline: vrijdag",
                          "response_url": trajectory.slack.response_url(800 + n)})
        status, answer = trajectory.exchange(body, "application/x-www-form-urlencoded")
        assert status == 200 and f"*T{n}* Taak {n}" in answer["text"]
    assert [t.ref for t in trajectory.all(Task)] == ["T1", "T2"]


def test_a_button_acts_only_on_items_of_the_channel_it_is_pressed_in(trajectory, slack):
    trajectory.say("urgent Wachtlijst ernst: hoog", user="U_KWAL")
    [case] = trajectory.all(UrgentCase)
    assert trajectory.click("urgent_ack", str(case.id), user="U_ADMIN", channel="C_ANDER") == 200
    answer = slack.wait_for(lambda c: c.method == "response_url" and "vind" in message_text(c.body))
    assert "Ik vind U1 niet in het traject van dit kanaal" in message_text(answer.body)
    assert trajectory.all(UrgentCase)[0].acked_at is None


def test_broadcasts_and_hidden_links_are_never_posted(trajectory, slack):
    from jobs.digest import run_digests
    from jobs.runner import JobRun
    trajectory.say("urgent <!channel> wachtlijst <!here> <!everyone> <!subteam^S1|@jeugd> ernst: hoog", user="U_KWAL")
    trajectory.say("besluit Tarieven <!channel> zie <https://evil.example|het voorstel> deadline: 15 januari",
                   user=COORD)
    assert "moet een persoon zijn" in trajectory.say("input X van: <!channel> rol: beleid deadline: vrijdag")
    assert "moet een persoon zijn" in trajectory.say("taak X eigenaar: <!here> deadline: vrijdag")
    view = trajectory.command("urgent").body["view"]
    trajectory.submit(view, {"title": "Typte <!channel> en <@U_BAAS> in een formulier", "ernst": "laag"})
    run_digests(JobRun(trajectory.rt))
    posts = [c.body for c in slack.calls if c.method in ("chat.postMessage", "response_url", "chat.postEphemeral")]
    raw = str(posts)
    assert "<!channel>" not in raw and "<!here>" not in raw and "<!everyone>" not in raw and "<!subteam" not in raw
    assert "<https://evil.example|" not in raw and "<@U_BAAS>" not in raw
    digest = message_text(slack.of("chat.postMessage")[-1].body)
    assert "Tarieven @channel zie het voorstel (https://evil.example)" in digest.replace("\u2060", "")
    form_post = [message_text(c.body) for c in slack.of("chat.postMessage") if "formulier" in message_text(c.body)]
    assert "Typte <!channel> en <@U_BAAS> in een formulier" in form_post[0]  # shown as typed, as text


def test_every_bsn_spelling_is_refused_in_commands_and_forms_and_stored_nowhere(trajectory, slack):
    spellings = ["bsn111222333", "111-222-333", "111\u00a0222\u00a0333", "111\u2009222\u2009333", "111  222  333",
                 "111\t222\t333", "BSN 123456789"]
    for spelling in spellings:
        assert "burgerservicenummer" in trajectory.say(f"urgent Cliënt {spelling} wacht ernst: hoog", user="U_KWAL")
        assert "burgerservicenummer" in trajectory.say(f"taak Bel over {spelling} eigenaar: Jan deadline: vrijdag")
    view = trajectory.command("urgent").body["view"]
    for spelling in spellings:
        status, ack = trajectory.submit(view, {"title": f"Cliënt {spelling} wacht", "ernst": "hoog"})
        assert "burgerservicenummer" in ack["errors"]["title"] and spelling not in str(ack)
    assert trajectory.all(UrgentCase) == [] and trajectory.all(Task) == []
    with trajectory.session() as session:
        stored = " ".join(str(row) for table in ("auditlog", "outbox", "urgentcase", "task")
                          for row in session.execute(text(f"SELECT * FROM {table}")))
    assert "222" not in stored
    assert all("222" not in str(c.body) for c in slack.calls if c.method != "response_url")


def test_control_characters_never_reach_the_database(trajectory):
    assert "B1 Tarieven2027" in trajectory.say("besluit Tarieven\x002027\x07 deadline: 15 januari", user=COORD)
    [decision] = trajectory.all(Decision)
    assert decision.title == "Tarieven2027"
