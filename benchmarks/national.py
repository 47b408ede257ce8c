"""A national-scale database and what the daily job, `status` and `risico` cost on it.

342 municipalities in 42 regions, 2 trajectories per region, per trajectory 40 decisions, 200
input requests and 300 tasks, with a year of audit history. Prints: the full daily job's time
(forecast and digest for every channel, sent to a fake Slack), SQL statements per digest (for a
small and a full trajectory: it must not grow), peak memory, and p50/p99 of `status` and `risico`
beside a bare Bolt app served the same way, in the same run.

Run: .venv/bin/python benchmarks/national.py   (DATABASE_URL=postgresql://… for PostgreSQL)
Targets: daily job <= 3 s, <= 15 statements per digest, peak RSS <= 300 MB, p99 within 2x bare."""
from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import Request, urlopen

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import App  # noqa: E402
from slack_sdk.signature import SignatureVerifier  # noqa: E402
from sqlalchemy import event, insert, text  # noqa: E402
from sqlmodel import select  # noqa: E402

from bot import make_client, wsgi_app  # noqa: E402
from jobs.digest import queue_digest, run_digests  # noqa: E402
from jobs.runner import JobRun  # noqa: E402
from service.runtime import freeze_startup_heap  # noqa: E402
from store.db import session_scope  # noqa: E402
from store.models import (Adoption, AuditLog, Decision, InputRequest, Municipality, RefCounter,  # noqa: E402
                          Region, Task, Trajectory)
from tests.conftest import SECRET, Clock, SlackBot, make_settings, serve_wsgi  # noqa: E402
from tests.fake_slack import FakeSlack  # noqa: E402

REGIONS, MUNICIPALITIES, DECISIONS, INPUTS, TASKS = 42, 342, 40, 200, 300
TODAY = date(2026, 11, 24)
TEAM = "T1"
rand = random.Random(2026)


def generate(engine) -> None:
    now = datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    sizes = [MUNICIPALITIES // REGIONS + (1 if i < MUNICIPALITIES % REGIONS else 0) for i in range(REGIONS)]
    with session_scope(engine) as session:
        session.execute(insert(Region), [{"id": r + 1, "team_id": TEAM, "name": f"Regio {r + 1:02d}"}
                                         for r in range(REGIONS)])
        members, mid = {}, 0
        rows = []
        for r, size in enumerate(sizes, 1):
            members[r] = []
            for _ in range(size):
                mid += 1
                members[r].append(mid)
                rows.append({"id": mid, "region_id": r, "name": f"Gemeente {mid:03d}"})
        session.execute(insert(Municipality), rows)
        trajectories, decisions, adoptions, inputs, tasks, audit = [], [], [], [], [], []
        tid = did = iid = xid = 0
        for r in range(1, REGIONS + 1):
            for domain in ("jeugd", "wmo"):
                tid += 1
                end = TODAY + timedelta(days=rand.randint(90, 400))
                trajectories.append({"id": tid, "team_id": TEAM, "channel_id": f"C{tid:04d}", "region_id": r,
                                     "title": f"{domain.capitalize()} regio {r:02d}", "domain": domain,
                                     "contract_end": end, "go_live": end + timedelta(days=1), "lead_weeks": 12,
                                     "coordinator_id": f"U{r:03d}", "risk_changes": 0, "created_at": now,
                                     "last_digest_at": now - timedelta(days=1)})
                first_decision = did + 1
                for _ in range(DECISIONS):
                    did += 1
                    deadline = TODAY + timedelta(days=rand.randint(-200, 120))
                    state = rand.random()
                    taken = deadline < TODAY and state < 0.6
                    decisions.append({"id": did, "team_id": TEAM, "ref": f"B{did}", "trajectory_id": tid,
                                      "title": f"Besluit {did}", "deadline": deadline, "decided_by": "college",
                                      "created_by": f"U{r:03d}", "postponements": 0, "created_at": now,
                                      "taken_on": deadline + timedelta(days=5) if taken else None})
                    adopting = members[r] if taken else (members[r][: len(members[r]) // 2] if state < 0.85 else [])
                    for m in adopting:
                        adoptions.append({"decision_id": did, "municipality_id": m, "outcome": "vastgesteld",
                                          "on_date": min(TODAY, deadline + timedelta(days=rand.randint(-3, 5))),
                                          "recorded_by": f"U{r:03d}", "recorded_at": now})
                for _ in range(INPUTS):
                    iid += 1
                    deadline = TODAY + timedelta(days=rand.randint(-150, 90))
                    received = deadline < TODAY and rand.random() < 0.7
                    inputs.append({"id": iid, "team_id": TEAM, "ref": f"I{iid}", "trajectory_id": tid,
                                   "question": f"Vraag {iid}", "stakeholder_user": f"U{rand.randint(1, 400):03d}",
                                   "stakeholder_name": "collega", "role": "beleid", "deadline": deadline,
                                   "decision_id": rand.randint(first_decision, did) if rand.random() < 0.3 else None,
                                   "requested_by": f"U{r:03d}", "postponements": 0,
                                   "created_at": now,
                                   "received_on": deadline + timedelta(days=rand.randint(-2, 6)) if received else None})
                for _ in range(TASKS):
                    xid += 1
                    deadline = TODAY + timedelta(days=rand.randint(-100, 300))
                    tasks.append({"id": xid, "team_id": TEAM, "ref": f"T{xid}", "trajectory_id": tid,
                                  "title": f"Taak {xid}", "owner_user": f"U{rand.randint(1, 400):03d}",
                                  "owner_name": "collega", "deadline": deadline,
                                  "after_decision_id": rand.randint(first_decision, did) if rand.random() < 0.3 else None,
                                  "created_by": f"U{r:03d}", "postponements": 0, "created_at": now,
                                  "done_on": deadline if deadline < TODAY and rand.random() < 0.8 else None})
                for day in range(365):
                    for _ in range(rand.randint(2, 8)):
                        audit.append({"team_id": TEAM, "trajectory_id": tid, "actor": f"U{r:03d}",
                                      "action": rand.choice(["vastgesteld", "taak klaar", "input ontvangen", "uitstel"]),
                                      "item": f"B{rand.randint(1, did)}",
                                      "at": now - timedelta(days=day, minutes=rand.randint(0, 600))})
        session.execute(insert(RefCounter), [{"team_id": TEAM, "kind": kind, "value": value}
                                             for kind, value in (("B", did), ("I", iid), ("T", xid))])
        for table, rows in ((Trajectory, trajectories), (Decision, decisions), (Adoption, adoptions),
                            (InputRequest, inputs), (Task, tasks), (AuditLog, audit)):
            for start in range(0, len(rows), 5000):
                session.execute(insert(table), rows[start:start + 5000])
    if engine.dialect.name == "postgresql":  # explicit ids above: move the id sequences past them
        with session_scope(engine) as session:
            for table in ("region", "municipality", "trajectory", "decision", "inputrequest", "task"):
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))  # statistics for the planner, as autovacuum would gather
    print(f"data: {tid} trajectories, {did} decisions, {len(adoptions)} adoptions, {iid} input requests, "
          f"{xid} tasks, {len(audit)} audit rows")


class StatementCounter:
    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._on)

    def _on(self, *args, **kwargs):
        self.count += 1


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[max(0, int(0.99 * len(ordered)) - 1)] * 1000


def timed_commands(slack: FakeSlack, url: str, text: str, channel: str, n: int, first: int) -> list[float]:
    """Signed slash commands, one at a time; each timed until its answer reaches response_url."""
    verifier = SignatureVerifier(SECRET)
    samples = []
    for i in range(first, first + n):
        body = urlencode({"team_id": TEAM, "channel_id": channel, "user_id": "U001", "command": "/inkoop",
                          "text": text, "response_url": slack.response_url(i), "trigger_id": f"b-{i}"})
        stamp = str(int(time.time()))
        request = Request(url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body)})
        started = time.perf_counter()
        urlopen(request, timeout=10).read()
        slack.wait_for(lambda c, i=i: c.path == f"/response/{i}")
        samples.append(time.perf_counter() - started)
    return samples


def bare_app(slack: FakeSlack) -> App:
    app = App(client=make_client(make_settings(slack, "sqlite://")), signing_secret=SECRET)

    @app.command("/inkoop")
    def answer(ack, respond):
        ack()
        respond(text="ok", response_type="ephemeral")
    return app


def main() -> None:
    slack = FakeSlack().start()
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/national.sqlite3"
    clock = Clock("2026-11-24 08:30")
    harness = SlackBot(slack, make_settings(slack, database_url), clock)
    rt = harness.rt
    t0 = time.perf_counter()
    generate(rt.engine)
    print(f"generated in {time.perf_counter() - t0:.1f} s on {rt.engine.dialect.name}")

    counter = StatementCounter(rt.engine)
    slack.clear()
    started = time.perf_counter()
    run = JobRun(rt)
    queued_statements = None
    original_finish = run.finish

    def finish():
        nonlocal queued_statements
        queued_statements = counter.count
        return original_finish()
    run.finish = finish
    keys = run_digests(run)
    elapsed = time.perf_counter() - started
    sent = len(slack.of("chat.postMessage"))
    print(f"daily job: {len(keys)} digests built and queued, {sent} sent to the fake Slack in {elapsed:.2f} s "
          f"(target <= 3 s)")
    print(f"statements: {queued_statements / len(keys):.1f} per digest to build and queue, "
          f"{(counter.count - queued_statements) / len(keys):.1f} per digest to send (target <= 15)")

    # One digest's statements, for a trajectory with one item of each kind and for a full one.
    harness.say("traject Klein regio: Regio 01 contracteinde: 31-12-2027", user="U_ADMIN", channel="C_SMALL")
    harness.say("besluit Een deadline: 1 december", user="U_ADMIN", channel="C_SMALL")
    harness.say("input Een van: Jan rol: beleid deadline: 1 december", user="U_ADMIN", channel="C_SMALL")
    harness.say("taak Een eigenaar: Kees deadline: 1 december", user="U_ADMIN", channel="C_SMALL")
    clock.advance(days=1)
    with session_scope(rt.engine) as session:
        small = session.exec(select(Trajectory.id).where(Trajectory.channel_id == "C_SMALL")).one()
    for label, trajectory_id in (("1 item of each kind", small), ("40/200/300 items", 1)):
        before = counter.count
        queue_digest(JobRun(rt), trajectory_id)
        print(f"  one digest, {label}: {counter.count - before} statements")

    freeze_startup_heap()  # as `python bot.py` does once it has started
    first = 10_000
    ours = {}
    for command in ("status", "risico"):
        timed_commands(slack, harness.url, command, "C0001", 20, first)  # warm up
        first += 20
        ours[command] = timed_commands(slack, harness.url, command, "C0001", 200, first)
        first += 200
    bare_url, stop = serve_wsgi(wsgi_app(bare_app(slack), SECRET))
    timed_commands(slack, bare_url, "status", "C0001", 20, first)
    first += 20
    bare = timed_commands(slack, bare_url, "status", "C0001", 200, first)
    stop()
    p50, p99 = percentiles(bare)
    print(f"bare Bolt app: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    for command, samples in ours.items():
        o50, o99 = percentiles(samples)
        print(f"{command}: p50 {o50:.1f} ms, p99 {o99:.1f} ms ({o99 / p99:.1f}x the bare app's p99; target <= 2x)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (target <= 300 MB)")
    harness.close()
    slack.stop()


if __name__ == "__main__":
    main()
