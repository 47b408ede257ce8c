"""A sender process killed at the worst moments: between queueing and sending, and while Slack
holds the message it already accepted. Every message still arrives, exactly once."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlmodel import select

from wiring.slack import make_client
from domain.permissions import Actor
from delivery.sender import Sender
from service.interactions import run_command
from store.models import Outbox
from tests.conftest import message_text
from views.text import blocks_to_text

ROOT = Path(__file__).resolve().parents[2]
SEND_ONCE = """
from datetime import datetime, timezone
from wiring.slack import make_client
from config import Settings
from delivery.sender import Sender
from store.db import make_engine
settings = Settings.from_env()
Sender(make_engine(settings.database_url), make_client(settings), lambda: datetime.now(timezone.utc)).deliver()
"""


def urgent_posts(slack):
    return [c for c in slack.of("chat.postMessage") if "Crisisplek" in message_text(c.body)]


def flag_without_sending(bot) -> str:
    """An urgent case committed by a process that then dies before sending anything."""
    sender, bot.rt.sender = bot.rt.sender, None
    try:
        answer = run_command(bot.rt, Actor("T1", "U_KWAL", "C_JEUGD"), "urgent Crisisplek nodig ernst: hoog")
    finally:
        bot.rt.sender = sender
    return blocks_to_text(answer.blocks)


def test_killed_between_queueing_and_sending(trajectory, slack, clock):
    answer = flag_without_sending(trajectory)
    assert "U1 gemeld." in answer and "Regiowacht probeert het automatisch opnieuw" in answer
    assert urgent_posts(slack) == []
    restarted = Sender(trajectory.rt.engine, make_client(trajectory.rt.settings), clock, interval=0)
    restarted.deliver()
    restarted.deliver()
    assert len(urgent_posts(slack)) == 1


def test_killed_while_slack_holds_the_accepted_message(trajectory, slack, clock):
    flag_without_sending(trajectory)
    slack.hold.clear()  # Slack takes the post but does not answer yet
    env = {**os.environ, "DATABASE_URL": trajectory.rt.settings.database_url, "SLACK_BOT_TOKEN": "xoxb-test",
           "SLACK_API_URL": slack.url}
    process = subprocess.Popen([sys.executable, "-c", SEND_ONCE], cwd=ROOT, env=env)
    try:
        slack.wait_for(lambda c: c.method == "chat.postMessage", timeout=30)
        process.kill()  # killed after Slack accepted the message, before the sender could record it
        process.wait(timeout=10)
    finally:
        slack.hold.set()
    [row] = [r for r in trajectory.all(Outbox) if r.key == "urgent:1"]
    assert row.sent_at is None and row.claimed_until is not None  # its sender died holding it
    clock.moment = datetime.now(timezone.utc) + timedelta(minutes=3)  # the dead sender's claim ran out
    Sender(trajectory.rt.engine, make_client(trajectory.rt.settings), clock, interval=0).deliver()
    [post] = urgent_posts(slack)  # found in the channel's history: not posted a second time
    [row] = [r for r in trajectory.all(Outbox) if r.key == "urgent:1"]
    assert row.sent_at is not None and row.ts == slack.history["C_JEUGD"][-1]["ts"]
    assert slack.of("conversations.history")[-1].body["channel"] == "C_JEUGD"


def test_after_a_crash_the_bot_joins_an_older_public_channel_to_read_its_history(trajectory, slack, clock):
    slack.joined.discard("C_JEUGD")  # set up before the bot joined channels at `traject`
    flag_without_sending(trajectory)
    trajectory.rt.sender.deliver()  # posted (chat:write.public needs no membership); the sender dies before recording
    with trajectory.session() as session:
        [row] = [r for r in session.exec(select(Outbox)) if r.key == "urgent:1"]
        row.sent_at, row.ts, row.claims = None, None, row.claims + 1  # a claim that ended without an outcome
        session.add(row)
        session.commit()
    Sender(trajectory.rt.engine, make_client(trajectory.rt.settings), clock, interval=0).deliver()
    assert len(urgent_posts(slack)) == 1  # found in the history it could read after joining
    assert "C_JEUGD" in slack.joined and [r.ts for r in trajectory.all(Outbox) if r.key == "urgent:1"] != [None]


def test_two_senders_at_once_send_each_message_once(trajectory, slack, clock):
    """Two instances' outbox passes meet while Slack is slow to answer the first: the row the
    first has claimed is not the second's to send, nor to look up in the channel's history."""
    flag_without_sending(trajectory)
    slack.hold.clear()  # the first sender's post is taken, its answer delayed
    first = Sender(trajectory.rt.engine, make_client(trajectory.rt.settings), clock, interval=0)
    second = Sender(trajectory.rt.engine, make_client(trajectory.rt.settings), clock, interval=0)
    sending = threading.Thread(target=first.deliver)
    sending.start()
    try:
        slack.wait_for(lambda c: c.method == "chat.postMessage", timeout=30)
        second.deliver()
    finally:
        slack.hold.set()
        sending.join(timeout=30)
    assert len(urgent_posts(slack)) == 1
    assert slack.of("conversations.history") == []  # nobody took the first for dead
    [row] = [r for r in trajectory.all(Outbox) if r.key == "urgent:1"]
    assert row.sent_at is not None and row.claims == 1
