"""Requests that Slack did not sign, in every malformed way a probe tries: a 401 and one log line,
never a 500 or a traceback, and nothing stored or answered (issue 21, item 7). A body larger than
/slack/events takes is refused before it is read; /metrics wants its bearer token."""
from __future__ import annotations

import logging
import socket
import time
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from slack_sdk.signature import SignatureVerifier

from store.models import Trajectory
from tests.conftest import METRICS_TOKEN, SECRET, TRAJECT


def answered(slack) -> list:
    """What reached Slack besides the token check at start: an answer, a post, a form."""
    return [call for call in slack.calls if call.method != "auth.test"]


def post(bot, body: bytes, headers: dict) -> tuple[int, bytes]:
    request = Request(bot.url, data=body, method="POST",
                      headers={"Content-Type": "application/x-www-form-urlencoded", **headers})
    try:
        with urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except HTTPError as error:
        return error.code, error.read()


def signature(body: bytes, timestamp: str) -> str:
    return SignatureVerifier(SECRET).generate_signature(timestamp=timestamp, body=body)


NOW = str(int(time.time()))  # only ever paired with a wrong signature: it may be stale by the time it is sent
MALFORMED = [
    ({"X-Slack-Signature": "v0=" + "0" * 64}, "no timestamp header"),
    ({}, "neither header"),
    ({"X-Slack-Request-Timestamp": NOW}, "no signature header"),
    ({"X-Slack-Request-Timestamp": "", "X-Slack-Signature": "v0=00"}, "an empty timestamp"),
    ({"X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"}, "a timestamp that is no number"),
    ({"X-Slack-Request-Timestamp": "\u00b2\u00b3", "X-Slack-Signature": "v0=00"}, "superscript digits"),
    ({"X-Slack-Request-Timestamp": "-5", "X-Slack-Signature": "v0=00"}, "a negative timestamp"),
    ({"X-Slack-Request-Timestamp": "9" * 40, "X-Slack-Signature": "v0=00"}, "a 40-digit timestamp"),
    ({"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "v0=\u00e9\u00e9"}, "a signature that is not ASCII"),
    ({"X-Slack-Request-Timestamp": NOW, "X-Slack-Signature": "garbage"}, "a signature without its version"),
]


@pytest.mark.parametrize("headers,why", MALFORMED, ids=[why for _, why in MALFORMED])
def test_an_unsigned_request_is_a_401_and_changes_nothing(bot, slack, caplog, headers, why):
    caplog.set_level(logging.INFO)
    body = bot.command_body(TRAJECT, user="U_ADMIN", channel="C_JEUGD", team="T1", n=1).encode()
    status, answer = post(bot, body, headers)
    assert status == 401 and answer == b"unauthorized"
    assert bot.all(Trajectory) == [] and answered(slack) == []
    assert "Traceback" not in caplog.text and all(record.exc_info is None for record in caplog.records)
    assert "unsigned or stale Slack request refused" in caplog.text
    assert "Jeugdhulp" not in caplog.text  # what was sent is not logged


def test_the_same_request_signed_is_answered(bot):
    """The control: with Slack's headers right, the very same body sets up the trajectory."""
    body = bot.command_body(TRAJECT, user="U_ADMIN", channel="C_JEUGD", team="T1", n=2).encode()
    now = str(int(time.time()))
    status, _ = post(bot, body, {"X-Slack-Request-Timestamp": now, "X-Slack-Signature": signature(body, now)})
    assert status == 200 and len(bot.all(Trajectory)) == 1


def test_a_body_larger_than_slack_sends_is_refused_before_it_is_read(bot, slack):
    """Only the headers are sent: the answer comes without the server waiting for the 1 MiB."""
    port = int(bot.base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           b"X-Slack-Request-Timestamp: %s\r\nX-Slack-Signature: v0=00\r\nContent-Length: %d\r\n\r\n"
                           % (NOW.encode(), (1 << 20) + 1))
        assert connection.recv(100).startswith(b"HTTP/1.0 413")
    assert bot.all(Trajectory) == [] and answered(slack) == []


def test_health_and_metrics_take_no_body(bot):
    request = Request(bot.base + "/health", data=b"x" * 100, method="POST")
    with pytest.raises(HTTPError) as refused:
        urlopen(request, timeout=10)
    assert refused.value.code == 413


def metrics(bot, token: str | None) -> tuple[int, str, dict]:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    try:
        with urlopen(Request(bot.base + "/metrics", headers=headers), timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_metrics_answer_only_the_bearer_token(bot):
    status, body, _ = metrics(bot, METRICS_TOKEN)
    assert status == 200 and "regiowacht_outbox_pending" in body
    for token in (None, "", METRICS_TOKEN[:-1], METRICS_TOKEN + "x", "\u00e9" * 20):
        status, body, headers = metrics(bot, token)
        assert status == 401 and "regiowacht" not in body.replace('realm="regiowacht"', "")
        assert headers.get("WWW-Authenticate") == 'Bearer realm="regiowacht"'
    status, body, _ = metrics(bot, METRICS_TOKEN.lower().replace("test", "TEST"))  # case matters
    assert status == 401


def test_without_a_token_metrics_are_off_and_say_how_to_turn_them_on(slack, database_url, clock, tmp_path):
    from tests.conftest import SlackBot, make_settings
    harness = SlackBot(slack, make_settings(slack, database_url, METRICS_TOKEN="", MAIL_DIR=str(tmp_path)), clock)
    try:
        status, body, _ = metrics(harness, METRICS_TOKEN)
        assert status == 403 and "METRICS_TOKEN" in body and "regiowacht_outbox" not in body
    finally:
        harness.close()
