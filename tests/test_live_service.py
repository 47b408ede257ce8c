"""`python bot.py` as it runs in production: gunicorn serving Slack in a forked worker while the
schedule runs in the master process, on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.request import urlopen

from sqlalchemy import create_engine, text

from store.db import normalize_url
from tests.conftest import METRICS_TOKEN, SECRET, SignedClient, free_port, message_text
from tests.fake_slack import FakeSlack
from tests.test_operations import scrape

ROOT = Path(__file__).resolve().parents[1]


def demo_env(database_url: str, slack: FakeSlack) -> dict:
    """The demo region in the database, and the environment of a bot serving it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = database_url
    assert subprocess.run([sys.executable, "bot.py", "demo"], cwd=ROOT, env=env, capture_output=True).returncode == 0
    env.update({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.url,
                "BOT_ADMINS": "U_ANNE", "METRICS_TOKEN": METRICS_TOKEN, "FIRST_SCAN_AFTER": "1"})
    return env


def start_bot(env: dict, output: list[str]) -> tuple[subprocess.Popen, int]:
    """`python bot.py` on a free port, once it answers on /health; its log goes to `output`.
    Another test may take the port first: then it starts again on another."""
    for _ in range(3):
        port = free_port()
        process = subprocess.Popen([sys.executable, "bot.py"], cwd=ROOT, env={**env, "PORT": str(port)},
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
        for _ in range(300):
            if process.poll() is not None:
                break
            try:
                if urlopen(f"http://127.0.0.1:{port}/health", timeout=1).status == 200:
                    return process, port
            except OSError:
                time.sleep(0.1)
        process.kill()
        process.wait(timeout=10)
    raise AssertionError("bot.py did not start:\n" + "".join(output)[-3000:])


def scans_done(port: int) -> float:
    """How many risk scans this instance has finished (its /metrics add up its processes)."""
    return scrape(f"http://127.0.0.1:{port}").get(("regiowacht_job_duration_seconds_count", ("job", "scan")), 0)


def wait_for_scans(ports: list[int]) -> None:
    for _ in range(300):
        if all(scans_done(port) for port in ports):
            return
        time.sleep(0.1)
    raise AssertionError("the first risk scans did not finish")


def test_two_instances_with_the_schedule_send_every_message_once(database_url):
    """Two `python bot.py` on one database, both running the schedule: their first risk scans
    come within moments of each other, and every alert and escalation arrives once."""
    slack = FakeSlack().start()
    env = demo_env(database_url, slack)
    output: list[str] = []
    started = [start_bot(env, output) for _ in range(2)]
    bots = [process for process, _ in started]
    try:
        wait_for_scans([port for _, port in started])  # both first scans have run, and sent what they sent
        texts = [message_text(c.body) for c in slack.of("chat.postMessage")]
        assert len([t for t in texts if "is nu rood" in t]) == 1
        assert len(texts) == len(set(texts))  # escalations too (whether due depends on the hour): none twice
    finally:
        for process in bots:
            process.terminate()
            process.wait(timeout=60)
        slack.stop()
    log = "".join(output)
    assert "Traceback" not in log, log[-3000:]


def test_schedule_and_web_worker_each_use_their_own_connections(database_url):
    """The first risk scan runs while four users ask for status: one alert, every answer, and on
    PostgreSQL the master and the worker hold separate backends."""
    slack = FakeSlack().start()
    output: list[str] = []
    process, port = start_bot(demo_env(database_url, slack), output)
    try:
        client = SignedClient(slack, f"http://127.0.0.1:{port}/slack/events")
        numbers = iter(range(1, 10_000))
        lock = threading.Lock()
        answers = []

        def user():
            for _ in range(15):
                with lock:
                    n = next(numbers)
                body = client.command_body("status", user="U_FATIMA", channel="C_JEUGD", team="T_LOCAL", n=n)
                answers.append(client.ask(body, n).body)

        users = [threading.Thread(target=user) for _ in range(4)]
        for thread in users:
            thread.start()
        alert = slack.wait_for(lambda c: c.method == "chat.postMessage" and "is nu rood" in message_text(c.body),
                               timeout=30)
        for thread in users:
            thread.join()
        assert len(answers) == 60 and all("Jeugdhulp Rivierenland 2027" in message_text(body) for body in answers)
        if "postgresql" in database_url:
            admin = create_engine(normalize_url(os.environ["TEST_DATABASE_URL"]))
            with admin.connect() as connection:
                names = set(connection.scalars(text(
                    "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE 'regiowacht-%'")))
            admin.dispose()
            assert f"regiowacht-{process.pid}" in names and len(names - {f"regiowacht-{os.getpid()}"}) >= 2, names
        wait_for_scans([port])  # a second post of the same alert would have been sent by the time it is done
        alerts = [c for c in slack.of("chat.postMessage") if "is nu rood" in message_text(c.body)]
        assert alerts == [alert]
    finally:
        process.terminate()
        process.wait(timeout=60)
        slack.stop()
    log = "".join(output)
    assert "Traceback" not in log and "Error" not in log, log[-3000:]


def test_metrics_from_any_worker_add_up_every_process_and_the_log_is_json_lines(database_url):
    """Two gunicorn workers and the schedule in the master: /metrics, whichever worker answers,
    counts the command a worker handled and the alert the master's first scan sent. With
    LOG_FORMAT=json every line the service writes is one JSON object, and what the user typed is
    in none of them."""
    from tests.test_operations import SECRET_WORD
    slack = FakeSlack().start()
    output: list[str] = []
    process, port = start_bot({**demo_env(database_url, slack), "LOG_FORMAT": "json", "WEB_WORKERS": "2"}, output)
    base = f"http://127.0.0.1:{port}"
    try:
        client = SignedClient(slack, f"{base}/slack/events")
        body = client.command_body(f"taak {SECRET_WORD} bellen eigenaar: <@U_ANNE> deadline: vrijdag", user="U_ANNE", channel="C_JEUGD",
                                   team="T_LOCAL", n=1)
        assert SECRET_WORD in message_text(client.ask(body, 1).body)
        slack.wait_for(lambda c: c.method == "chat.postMessage" and "is nu rood" in message_text(c.body), timeout=30)
        for _ in range(100):  # the scan's duration is recorded when its last step is done
            if scrape(base).get(("regiowacht_job_duration_seconds_count", ("job", "scan"))):
                break
            time.sleep(0.2)
        for _ in range(6):  # gunicorn hands these to either worker: each adds up all processes
            metrics = scrape(base)
            assert metrics[("regiowacht_command_duration_seconds_count", ("command", "taak"))] == 1
            assert metrics[("regiowacht_outbox_sent_total", ("kind", "alert"))] >= 1
            assert metrics[("regiowacht_job_duration_seconds_count", ("job", "scan"))] == 1
            assert metrics[("regiowacht_job_duration_seconds_count", ("job", "scan_risk"))] == 1
            assert metrics[("regiowacht_outbox_pending",)] == 0
    finally:
        process.terminate()
        process.wait(timeout=60)
        slack.stop()
    log = "".join(output)
    entries = [json.loads(line) for line in log.splitlines()]
    assert any(e["logger"] == "gunicorn.error" and "Booting worker" in e["message"] for e in entries)
    assert any(e["logger"] == "gunicorn.access" and e.get("path") == "/slack/events" for e in entries)
    assert SECRET_WORD.lower() not in log.lower()
