"""How long `/inkoop status` and /health take while clients send their requests slowly (issue 21):
`python bot.py` as in production (gunicorn, 2 workers of 4 threads, the demo region, a fake Slack),
with 0, 24 and 300 connections that each send one byte every half second (half their headers, half
a 4 kB body), plus 300 idle connections in the last row.

Run: .venv/bin/python benchmarks/slow_clients.py
Target: every answer within Slack's 3 seconds; before issue 21, eight slow clients blocked all."""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.fake_slack import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dribble(port: int, slow_headers: bool, stop: threading.Event) -> None:
    head = (b"POST /slack/events HTTP/1.1\r\nHost: bot\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"X-Slack-Request-Timestamp: 1\r\nX-Slack-Signature: v0=00\r\nContent-Length: 4096\r\n\r\n")
    while not stop.is_set():  # cut off after 10 s, it comes back: the pressure stays
        try:
            with socket.create_connection(("127.0.0.1", port)) as connection:
                connection.settimeout(0.5)
                if not slow_headers:
                    connection.sendall(head)
                for byte in head if slow_headers else b"x" * 4096:
                    if stop.is_set():
                        return
                    connection.sendall(bytes([byte]))
                    try:
                        if connection.recv(100) is not None:
                            break
                    except socket.timeout:
                        continue
        except OSError:
            time.sleep(0.1)


def status_request(port: int, slack: FakeSlack, n: int) -> float:
    body = urlencode({"team_id": "T_LOCAL", "channel_id": "C_JEUGD", "user_id": "U_FATIMA", "command": "/inkoop",
                      "text": "status", "response_url": slack.response_url(n), "trigger_id": f"t{n}"})
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=timestamp, body=body)
    started = time.perf_counter()
    request = Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature})
    with urlopen(request, timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def health_request(port: int) -> float:
    started = time.perf_counter()
    with urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    slack = FakeSlack().start()
    directory = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    subprocess.run([sys.executable, "bot.py", "demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    env.update(SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SECRET, SLACK_API_URL=slack.url, PORT=str(port))
    bot = subprocess.Popen([sys.executable, "bot.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        for _ in range(150):
            try:
                health_request(port)
                break
            except OSError:
                time.sleep(0.1)
        print("time until the answer, 40 requests each (ms: p50 / p99 / worst)")
        print(f"{'slow clients':>28}   {'/inkoop status':>24}   {'/health':>24}")
        numbers = iter(range(1, 100_000))
        for slow, idle in ((0, 0), (24, 0), (300, 300)):
            stop = threading.Event()
            threads = [threading.Thread(target=dribble, args=(port, n % 2 == 0, stop), daemon=True) for n in range(slow)]
            for thread in threads:
                thread.start()
            held = [socket.create_connection(("127.0.0.1", port)) for _ in range(idle)]
            time.sleep(2)
            commands = [status_request(port, slack, next(numbers)) for _ in range(40)]
            checks = [health_request(port) for _ in range(40)]
            stop.set()
            for connection in held:
                connection.close()
            label = f"{slow} dribbling" + (f" + {idle} idle" if idle else "")

            def figures(values: list[float]) -> str:
                values = sorted(values)
                return f"{statistics.median(values):6.1f} / {values[int(len(values) * 0.99) - 1]:6.1f} / {values[-1]:6.1f}"
            print(f"{label:>28}   {figures(commands):>24}   {figures(checks):>24}")
            for thread in threads:
                thread.join(timeout=15)
    finally:
        bot.terminate()
        bot.wait(timeout=30)
        slack.stop()


if __name__ == "__main__":
    main()
