"""Messages Slack refuses wait in the outbox and arrive exactly once; a channel is paced."""
from __future__ import annotations

from collections import Counter

from jobs.digest import run_digests
from delivery.sender import Sender
from jobs.runner import JobRun
from store.models import Outbox
from tests.conftest import TRAJECT


def test_flaky_slack_every_message_arrives_exactly_once(bot, slack, clock):
    channels = [f"C_T{i}" for i in range(12)]
    for channel in channels:
        bot.say(TRAJECT.replace("Jeugdhulp", channel), user="U_ADMIN", channel=channel)
    for i in range(6):
        bot.say(f"urgent Signaal {i} ernst: laag", user="U_KWAL", channel=channels[i])
    slack.clear()
    slack.failure_rate = 0.3  # 429 (Retry-After) or 500 on 30% of calls
    run_digests(JobRun(bot.rt))
    for _ in range(40):  # later passes of the schedule's outbox job
        if all(row.sent_at for row in bot.all(Outbox)):
            break
        clock.advance(minutes=30)
        bot.rt.sender.deliver()
    rows = bot.all(Outbox)
    assert all(row.sent_at for row in rows), [(r.key, r.last_error) for r in rows if not r.sent_at]
    arrived = Counter(c.body["channel"] for c in slack.of("chat.postMessage"))
    assert arrived == Counter({channel: 1 for channel in channels})  # one digest each, none twice


def test_a_failed_message_is_kept_with_its_error_and_retried_later(trajectory, slack, clock):
    slack.fail_next = [500] * 3  # the first send and its two retries
    trajectory.say("urgent Crisisplek ernst: hoog", user="U_KWAL")
    [row] = [r for r in trajectory.all(Outbox) if r.key == "urgent:1"]
    assert row.sent_at is None and row.attempts == 1 and "500" in row.last_error
    assert slack.of("chat.postMessage") == []
    trajectory.rt.sender.deliver()  # not due yet: backing off
    assert slack.of("chat.postMessage") == []
    clock.advance(minutes=1)
    trajectory.rt.sender.deliver()
    assert len(slack.of("chat.postMessage")) == 1
    trajectory.rt.sender.deliver()
    assert len(slack.of("chat.postMessage")) == 1


def test_one_channel_gets_about_one_message_per_second(trajectory, slack, clock):
    trajectory.rt.sender = Sender(trajectory.rt.engine, trajectory.rt.sender.client, clock, interval=1.0)
    for n in (1, 2, 3):
        trajectory.say(f"urgent Signaal {n} ernst: laag", user="U_KWAL")
    posts = slack.of("chat.postMessage")
    assert len(posts) == 3
    # Measured where Slack sees them: each post arrives a second after the one before.
    assert all(later.at - earlier.at >= 0.98 for earlier, later in zip(posts, posts[1:]))


def test_a_dm_notification_shows_a_typed_link_as_text(trajectory, slack):
    """The notification text of a post (what the phone shows) is read by Slack like its blocks:
    link markup someone typed into a title (Slack sends it escaped, as text) must not become a live
    link with a hidden target there."""
    trajectory.say("taak &lt;https://evil.example|Klik hier&gt; eigenaar: <@U_JAN|jan> deadline: 3-12-2026",
                   user="U_KEES", raw=True)
    trajectory.say("toewijzen T1 aan: <@U_FLEUR|fleur>", user="U_JAN")
    [told] = [c.body for c in slack.of("chat.postMessage") if c.body["channel"] == "U_FLEUR"]
    assert "&lt;https://evil.example|Klik hier&gt;" in told["text"], told["text"]
    assert "<https://evil.example" not in told["text"]
