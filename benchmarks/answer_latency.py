"""Time until the user sees the answer to `/inkoop status` and `/inkoop risico`, on a trajectory
with 40 decisions, 200 input requests and 300 tasks (the national data set of national.py), served
by `python bot.py` exactly as in production: gunicorn, the schedule running in the same service,
a fake Slack on 127.0.0.1. Beside it, in the same run and under the same server settings, two bare
Bolt apps: one that answers in its ack, one that acks and then posts to response_url.

"Sees the answer": the HTTP reply when it carries the answer (Slack shows an ack's content at
once), else the moment the response_url post reaches the fake Slack.

Run: .venv/bin/python benchmarks/answer_latency.py            (SQLite)
     BENCH_POSTGRES=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/answer_latency.py
Targets (issue 9): p99 at 4 concurrent <= 2x the bare ack-then-respond app's p99; worst < 250 ms."""
from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from benchmarks.national import generate  # noqa: E402
from config import Settings  # noqa: E402
from store.db import normalize_url  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402
from wiring.runtime import open_runtime  # noqa: E402

SECRET = "bench-secret"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))  # per target and concurrency


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(args: list[str], env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                time.sleep(0.5)  # the worker has booted a moment after the socket listens
                return process
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{args} did not start")


class Client:
    def __init__(self, slack: FakeSlack, port: int):
        self.slack, self.url = slack, f"http://127.0.0.1:{port}/slack/events"
        self.verifier = SignatureVerifier(SECRET)

    def ask(self, text_: str, channel: str, n: str) -> float:
        body = urlencode({"team_id": "T1", "channel_id": channel, "user_id": "U001", "command": "/inkoop",
                          "text": text_, "response_url": self.slack.response_url(n), "trigger_id": f"t-{n}"})
        stamp = str(int(time.time()))
        request = Request(self.url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self.verifier.generate_signature(timestamp=stamp, body=body)})
        started = time.perf_counter()
        with urlopen(request, timeout=10) as response:
            raw = response.read()
        answered = time.perf_counter()
        if raw.strip().startswith(b"{") and json.loads(raw).get("text"):
            return answered - started
        call = self.slack.wait_for(lambda c: c.path == f"/response/{n}")
        return call.at - started


def measure(client: Client, text_: str, channel: str, users: int) -> list[float]:
    samples: list[float] = []
    lock = threading.Lock()
    per_user = REQUESTS // users

    def user(k: int) -> None:
        for i in range(per_user):
            sample = client.ask(text_, channel, f"{uuid.uuid4().hex[:8]}-{k}-{i}")
            with lock:
                samples.append(sample)

    threads = [threading.Thread(target=user, args=(k,)) for k in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def summary(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return (statistics.median(ordered) * 1000, ordered[max(0, round(0.99 * len(ordered)) - 1)] * 1000,
            ordered[-1] * 1000)


def run_backend(label: str, database_url: str) -> None:
    slack = FakeSlack().start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update({"SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.url,
                "DATABASE_URL": database_url, "BOT_ADMINS": "U001"})
    rt = open_runtime(Settings.from_env(env))  # migrate
    generate(rt.engine)
    rt.engine.dispose()
    processes = []
    try:
        ports = {name: free_port() for name in ("regiowacht", "bare-ack", "bare-respond")}
        processes.append(start(["bot.py"], {**env, "PORT": str(ports["regiowacht"])}, ports["regiowacht"]))
        for name, answer in (("bare-ack", "ack"), ("bare-respond", "respond")):
            processes.append(start(["benchmarks/bare_bolt.py"], {**env, "PORT": str(ports[name]), "ANSWER": answer},
                                   ports[name]))
        clients = {name: Client(slack, port) for name, port in ports.items()}
        targets = [("bare Bolt app, answer in the ack", "bare-ack", "status"),
                   ("bare Bolt app, ack then respond()", "bare-respond", "status"),
                   ("Regiowacht status", "regiowacht", "status"), ("Regiowacht risico", "regiowacht", "risico")]
        for _, name, command in targets:  # warm up every server and code path
            measure(clients[name], command, "C0001", 4)
        print(f"\n{label}: time until the user sees the answer, {REQUESTS} requests per row "
              f"(ms: p50 / p99 / worst)")
        print(f"{'':38} {'1 user':>22} {'4 concurrent':>24}")
        results = {}
        for title, name, command in targets:
            row = []
            for users in (1, 4):
                results[(name, command, users)] = summary(measure(clients[name], command, "C0001", users))
                row.append("{:6.1f} / {:6.1f} / {:6.1f}".format(*results[(name, command, users)]))
            print(f"{title:38} {row[0]:>22} {row[1]:>24}")
        # Right after a change nothing is remembered: what the first reader pays, and the write itself.
        client, writes, reads = clients["regiowacht"], [], []
        for i in range(REQUESTS // 4):
            day = "15-12-2027" if i % 2 else "16-12-2027"
            writes.append(client.ask(f"uitstel T2 deadline: {day} reden: benchmark", "C0001", f"w{uuid.uuid4().hex[:8]}"))
            reads.append(client.ask("status", "C0001", f"r{uuid.uuid4().hex[:8]}"))
        print("{:38} {:>22}".format("Regiowacht uitstel (a write)", "{:6.1f} / {:6.1f} / {:6.1f}".format(*summary(writes))))
        print("{:38} {:>22}".format("Regiowacht status right after it", "{:6.1f} / {:6.1f} / {:6.1f}".format(*summary(reads))))
        bare = results[("bare-respond", "status", 4)][1]
        for command in ("status", "risico"):
            p99, worst = results[("regiowacht", command, 4)][1:]
            print(f"{command} at 4 concurrent: p99 {p99:.1f} ms = {p99 / bare:.2f}x the bare ack-then-respond p99 "
                  f"(target <= 2x); worst {worst:.1f} ms (target < 250 ms)")
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        slack.stop()


def main() -> None:
    run_backend("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")
    postgres = os.environ.get("BENCH_POSTGRES")
    if postgres:
        base = normalize_url(postgres)
        schema = "bench_" + uuid.uuid4().hex[:8]
        admin = create_engine(base)
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        try:
            run_backend("PostgreSQL", base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}")
        finally:
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


if __name__ == "__main__":
    main()
