"""A national-scale database and what the daily job costs on it.

342 municipalities in 42 regions, 2 trajectories per region, per trajectory 40 decisions, 200
input requests and 300 tasks, with a year of audit history. Prints: the full daily job's time
(forecast and digest for every channel, sent to a fake Slack), SQL statements per digest (for a
small and a full trajectory: it must not grow) and peak memory. The time users wait for
`status` and `risico` on this data is measured by answer_latency.py.

Run: .venv/bin/python benchmarks/national.py   (DATABASE_URL=postgresql://… for PostgreSQL)
Targets: daily job <= 1.5 s, <= 15 statements per digest, peak RSS <= 300 MB."""
from __future__ import annotations

import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, insert, text  # noqa: E402
from sqlmodel import select  # noqa: E402

from jobs.digest import queue_digest, run_digests  # noqa: E402
from jobs.runner import JobRun  # noqa: E402
from store.db import session_scope  # noqa: E402
from store.models import (  # noqa: E402
    Adoption,
    AuditLog,
    Decision,
    InputRequest,
    Municipality,
    RefCounter,
    Region,
    Task,
    Trajectory,
)
from tests.conftest import Clock, SlackBot, make_settings  # noqa: E402
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
          f"(target <= 1.5 s)")
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

    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (target <= 300 MB)")
    harness.close()
    slack.stop()


if __name__ == "__main__":
    main()
