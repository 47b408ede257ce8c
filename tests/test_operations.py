"""What an operator watches: /metrics (the outbox backlog while Slack refuses posts, and after),
/health (whether the database answers), and the log as JSON lines without what users typed."""
from __future__ import annotations

import io
import json
import logging
import socket
import sys
import time
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from prometheus_client.parser import text_string_to_metric_families

from service.health import Health
from wiring.logs import configure
from store.db import make_engine
from tests.conftest import METRICS_TOKEN
from tests.handlers.test_database_outage import unpluggable  # noqa: F401 - the fixture

SECRET_WORD = "Kwartelkoning"  # typed in titles; must never reach a log line


def scrape(base: str) -> dict[tuple, float]:
    """/metrics as {(sample name, labels...): value}, scraped with the bearer token."""
    request = Request(f"{base}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    with urlopen(request, timeout=5) as response:
        assert response.status == 200 and response.headers["Content-Type"].startswith("text/plain")
        body = response.read().decode()
    return {(s.name, *sorted(s.labels.items())): s.value
            for family in text_string_to_metric_families(body) for s in family.samples}


def health(base: str) -> tuple[int, dict]:
    try:
        with urlopen(f"{base}/health", timeout=5) as response:
            return response.status, json.loads(response.read())
    except HTTPError as error:
        return error.code, json.loads(error.read())


def test_metrics_show_the_outbox_backlog_rise_while_slack_refuses_and_fall_after(trajectory, slack, clock):
    before = scrape(trajectory.base)
    assert before[("regiowacht_outbox_pending",)] == 0
    assert before[("regiowacht_outbox_oldest_pending_seconds",)] == 0
    slack.refuse["chat.postMessage"] = "internal_error"
    for n in range(3):
        trajectory.say(f"urgent Signaal {n} ernst: laag", user="U_KWAL")
    clock.advance(minutes=10)
    during = scrape(trajectory.base)
    assert during[("regiowacht_outbox_pending",)] == 3
    assert during[("regiowacht_outbox_oldest_pending_seconds",)] == 600
    failed = ("regiowacht_outbox_failed_total", ("kind", "urgent"))
    assert during[failed] - before.get(failed, 0) == 3

    del slack.refuse["chat.postMessage"]  # Slack is back; the schedule's next outbox pass
    clock.advance(hours=1)
    trajectory.rt.sender.deliver()
    after = scrape(trajectory.base)
    assert after[("regiowacht_outbox_pending",)] == 0
    assert after[("regiowacht_outbox_oldest_pending_seconds",)] == 0
    sent = ("regiowacht_outbox_sent_total", ("kind", "urgent"))
    assert after[sent] - before.get(sent, 0) == 3
    assert after[failed] == during[failed]
    assert after[("regiowacht_command_duration_seconds_count", ("command", "urgent"))] >= 3


def test_health_is_200_with_a_short_json_body(bot):
    assert health(bot.base) == (200, {"status": "ok", "database": "ok"})


def test_health_is_503_while_the_database_is_unreachable_and_200_when_it_is_back(unpluggable):
    bot, proxy = unpluggable
    assert health(bot.base)[0] == 200
    proxy.down()
    status, body = health(bot.base)
    assert status == 503 and body["status"] == "unavailable"
    assert "OperationalError" in body["database"] and "postgres" not in json.dumps(body)  # no user, host or URL
    assert scrape(bot.base)  # counters still answer; the backlog needs the database
    proxy.up()
    for _ in range(3):  # the first try may still meet a connection the outage killed
        if health(bot.base)[0] == 200:
            break
    assert health(bot.base) == (200, {"status": "ok", "database": "ok"})


def test_health_gives_up_on_a_database_that_never_answers():
    """A server that accepts the connection and then says nothing (a hung database, a dropped
    route): /health answers 503 at its deadline instead of hanging with it, and later checks wait
    for that same attempt instead of opening connection after connection."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    engine = make_engine(f"postgresql://u@127.0.0.1:{silent.getsockname()[1]}/db")
    held = []
    try:
        check = Health(engine, deadline=0.5)
        started = time.monotonic()
        healthy, body = check.check()
        assert not healthy and body == {"status": "unavailable", "database": "no answer within 0.5 s"}
        assert time.monotonic() - started < 1.5
        assert check.check()[0] is False
        silent.settimeout(0.5)
        try:
            while True:
                held.append(silent.accept()[0])
        except socket.timeout:
            pass
        assert len(held) == 1
    finally:
        for connection in held:
            connection.close()
        silent.close()


@pytest.fixture
def json_log(monkeypatch):
    """LOG_FORMAT=json as bot.py sets it up, into a buffer; the test run's own handlers after."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    buffer = io.StringIO()
    monkeypatch.setattr(sys, "stderr", buffer)
    configure("json")
    yield buffer
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


def test_json_log_is_one_object_per_line_without_what_users_typed(trajectory, slack, json_log):
    slack.refuse["chat.postMessage"] = "internal_error"  # the outbox logs each failed post
    trajectory.say(f"urgent {SECRET_WORD} wachtlijst ernst: hoog", user="U_KWAL")
    trajectory.say(f"besluit {SECRET_WORD} deadline: 15 januari", user="U_ADMIN")
    trajectory.say(f"besluit {SECRET_WORD} deadline: morgen op: gisteren", user="U_ADMIN")  # refused: a wrong field
    trajectory.say(f"{SECRET_WORD.lower()} is geen subcommando", user="U_ADMIN")
    try:
        raise ValueError("a bug\nwith a traceback")
    except ValueError:
        logging.getLogger("regiowacht").exception("something broke", extra={"command": "besluit"})
    lines = json_log.getvalue().splitlines()
    entries = [json.loads(line) for line in lines]
    assert len(entries) >= 2  # the failed post and the bug, each on its own line
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)
    failure = next(e for e in entries if e["message"].startswith("outbox urgent:1 not sent"))
    assert failure["level"] == "WARNING" and failure["outbox_key"] == "urgent:1" and failure["attempt"] == 1
    bug = entries[-1]
    assert bug["command"] == "besluit" and "Traceback" in bug["exception"] and "with a traceback" in bug["exception"]
    assert SECRET_WORD.lower() not in json_log.getvalue().lower()
