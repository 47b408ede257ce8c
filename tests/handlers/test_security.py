"""Requests not signed by Slack, stale ones, and Slack's retries change nothing."""
from __future__ import annotations

import time

from store.models import Decision, Trajectory
from tests.conftest import TRAJECT


def test_forged_signature_is_rejected_and_stores_nothing(bot, slack):
    body = bot.command_body(TRAJECT, user="U_ADMIN", channel="C_JEUGD", team="T1", n=900)
    assert bot.post(body, "application/x-www-form-urlencoded", secret="not-the-secret") == 401
    assert bot.all(Trajectory) == []
    assert slack.of("response_url") == []


def test_stale_request_is_rejected(bot, slack):
    body = bot.command_body(TRAJECT, user="U_ADMIN", channel="C_JEUGD", team="T1", n=901)
    six_minutes_ago = int(time.time()) - 6 * 60
    assert bot.post(body, "application/x-www-form-urlencoded", timestamp=six_minutes_ago) == 401
    assert bot.all(Trajectory) == []


def test_slack_retry_of_the_same_request_changes_nothing_twice(trajectory, slack):
    body = trajectory.command_body("besluit Tarieven deadline: 15 januari", user="U_ADMIN", channel="C_JEUGD",
                                   team="T1", n=902)
    status, answer = trajectory.exchange(body, "application/x-www-form-urlencoded")
    assert status == 200 and "*B1* Tarieven" in answer["text"]
    # The answer travels in the ack, so the work is done when the ack arrives: no waiting needed.
    status, retried = trajectory.exchange(body, "application/x-www-form-urlencoded", headers={"X-Slack-Retry-Num": "1"})
    assert status == 200 and retried == {}
    assert len(trajectory.all(Decision)) == 1
    assert [c for c in slack.calls if c.path == "/response/902"] == []
