"""Hostile clients against `python bot.py` as it runs in production (gunicorn, 2 workers of 4
threads): clients that send their request byte by byte, and huge bodies. Slack's commands and
/health keep answering within Slack's 3-second window, and a huge body is refused before it is read,
in HTTP mode and beside Socket Mode, on SQLite and PostgreSQL (issue 21)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.conftest import SignedClient, message_text
from tests.fake_slack import FakeSlack
from tests.fake_socket_mode import FakeSocketMode
from tests.test_live_service import demo_env, start_bot
from wiring.buffering_worker import READ_TIMEOUT

SLACK_WINDOW = 3.0  # Slack gives up on a command not acknowledged within 3 seconds


class SlowClient(threading.Thread):
    """A connection that sends its request one byte every half second: the headers, or (after
    whole headers) a 4 kB body. Records the status line the server answers with, if any."""

    def __init__(self, port: int, *, slow_headers: bool, give_up_after: float = READ_TIMEOUT + 5):
        super().__init__(daemon=True)
        self.port, self.slow_headers, self.give_up_after = port, slow_headers, give_up_after
        self.answer = b""
        self.ended_after: float | None = None

    def run(self) -> None:
        head = (b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                b"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\nContent-Length: 4096\r\n\r\n")
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.port)) as connection:
            connection.settimeout(0.5)
            if not self.slow_headers:
                connection.sendall(head)
            dribble = head if self.slow_headers else b"x" * 4096
            try:
                for byte in dribble:
                    if time.monotonic() - started > self.give_up_after:
                        break
                    connection.sendall(bytes([byte]))
                    try:
                        self.answer = connection.recv(200)
                        break  # answered (or closed: b"")
                    except socket.timeout:
                        continue
            except OSError:
                pass
        self.ended_after = time.monotonic() - started


def workers_of(pid: int, count: int = 2) -> list[int]:
    """Gunicorn's worker processes, once all `count` have forked."""
    for _ in range(100):
        children = [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        if len(children) >= count:
            return children
        time.sleep(0.1)
    return children


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


@pytest.fixture(params=["http", "socket mode"])
def live_bot(request, database_url):
    """`python bot.py` with the demo region: over HTTP, or in Socket Mode with its web server beside."""
    slack = FakeSlack().start()
    socket_mode = FakeSocketMode().start()
    env = demo_env(database_url, slack)
    if request.param == "socket mode":
        slack.socket_mode_url = socket_mode.url
        env["SLACK_APP_TOKEN"] = "xapp-1-A1-test"
    output: list[str] = []
    process, port = start_bot(env, output)
    yield request.param, process, port, slack, socket_mode
    process.terminate()
    process.wait(timeout=30)
    slack.stop()
    socket_mode.stop()
    log = "".join(output)
    assert "Traceback" not in log, log[-3000:]


def command(mode: str, port: int, slack: FakeSlack, socket_mode: FakeSocketMode, n: int) -> str:
    """`/inkoop status` in C_JEUGD, the way Slack delivers it in this mode; the answer's text."""
    if mode == "http":
        client = SignedClient(slack, f"http://127.0.0.1:{port}/slack/events")
        body = client.command_body("status", user="U_FATIMA", channel="C_JEUGD", team="T_LOCAL", n=n)
        status, answer = client.exchange(body, "application/x-www-form-urlencoded")
        assert status == 200
    else:
        socket_mode.wait_connected()
        envelope = socket_mode.command("status", user="U_FATIMA", channel="C_JEUGD", team="T_LOCAL", n=n,
                                       response_url=slack.response_url(n))
        answer = socket_mode.ack(envelope, timeout=SLACK_WINDOW)
    if not (answer.get("text") or answer.get("blocks")):
        answer = slack.wait_for(lambda c: c.path == f"/response/{n}").body
    return message_text(answer)


def test_slack_and_health_answer_while_slow_clients_dribble_and_the_slow_ones_are_cut_off(live_bot):
    mode, process, port, slack, socket_mode = live_bot
    # Three times the 8 threads: half dribble their headers, half their body.
    slow = [SlowClient(port, slow_headers=n % 2 == 0) for n in range(24)]
    for client in slow:
        client.start()
    time.sleep(1.5)  # every slow client is connected and sending by now
    for n in range(1, 6):
        text, took = timed(lambda: command(mode, port, slack, socket_mode, n))
        assert "Jeugdhulp Rivierenland 2027" in text and took < SLACK_WINDOW, (text, took)
        (status, body), took = timed(lambda: (lambda r: (r.status, r.read()))(
            urlopen(f"http://127.0.0.1:{port}/health", timeout=SLACK_WINDOW)))
        assert status == 200 and b'"ok"' in body and took < SLACK_WINDOW
    for client in slow:
        client.join(timeout=READ_TIMEOUT + 5)
    # None got a thread; each was told it was too slow once its time was up, and nothing more.
    assert {client.answer.split(b"\r\n")[0] for client in slow} == {b"HTTP/1.1 408 Request Timeout"}
    assert all(READ_TIMEOUT - 1 <= client.ended_after <= READ_TIMEOUT + 3 for client in slow)


def huge_request(port: int, *, mib: int, chunked: bool = False) -> bytes:
    """A bad-signature POST announcing a body of `mib` MiB, sent as fast as the server takes it;
    returns the status line the server answered with."""
    length = b"Transfer-Encoding: chunked\r\n" if chunked else b"Content-Length: %d\r\n" % (mib << 20)
    head = (b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\n" + length + b"\r\n")
    answer = []
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.settimeout(10)
        reader = threading.Thread(target=lambda: answer.append(connection.recv(200)), daemon=True)
        connection.sendall(head)
        reader.start()
        chunk = b"payload=" + b"x" * ((1 << 20) - 8)
        try:
            for _ in range(mib):
                connection.sendall(b"100000\r\n" + chunk + b"\r\n" if chunked else chunk)
        except OSError:
            pass  # the server answered and closed: the rest is never read
        reader.join(timeout=10)
    return (answer or [b""])[0].split(b"\r\n")[0]


def test_huge_bodies_are_refused_before_they_are_read(live_bot):
    """Three 120 MiB bad-signature requests once grew the workers from 181 to 1,597 MiB before
    the 401. Now each is a 413 as soon as its headers are in, and no worker grows."""
    mode, process, port, slack, socket_mode = live_bot
    workers = workers_of(process.pid)
    assert len(workers) == 2
    before = {pid: rss_mib(pid) for pid in workers}
    answers = []
    senders = [threading.Thread(target=lambda: answers.append(huge_request(port, mib=120))) for _ in range(3)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=60)
    assert answers == [b"HTTP/1.1 413 Content Too Large"] * 3  # in Socket Mode too, though no events arrive there
    assert huge_request(port, mib=2, chunked=True) == b"HTTP/1.1 411 Length Required"
    assert all(rss_mib(pid) - before[pid] < 20 for pid in workers), {pid: (before[pid], rss_mib(pid)) for pid in workers}
    assert "Jeugdhulp Rivierenland 2027" in command(mode, port, slack, socket_mode, 1)
