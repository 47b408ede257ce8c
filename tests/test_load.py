"""A bounded load test: 8 people at once typing a mix of writes and reads into two channels, on
SQLite and PostgreSQL. Everything answered is stored, everything stored was answered, every
urgent case is posted once, references have no gaps. Prints the time to answer."""
from __future__ import annotations

import random
import re
import statistics
import threading
import time
from collections import Counter

from store.models import Decision, InputRequest, Outbox, Task, UrgentCase
from tests.conftest import TRAJECT, message_text

CLIENTS, COMMANDS = 8, 20
MIX = [
    ("besluit Besluit {n} deadline: over {d} werkdagen door: raad", "U_ADMIN"),
    ("taak Taak {n} eigenaar: Kees deadline: over {d} dagen", "U_B"),
    ("input Vraag {n} van: Stichting Lindenhout rol: aanbieder deadline: over {d} dagen", "U_B"),
    ("urgent Signaal {n} ernst: laag", "U_KWAL"),
    ("status", "U_B"),
    ("risico", "U_B"),
]


def test_eight_people_at_once(trajectory, slack, capsys):
    trajectory.say(TRAJECT.replace("Jeugdhulp", "Wmo"), user="U_ADMIN", channel="C_WMO")
    slack.clear()
    results: list[tuple[str, float, str]] = []
    lock = threading.Lock()

    def person(k: int) -> None:
        rand = random.Random(k)
        for i in range(COMMANDS):
            template, user = rand.choice(MIX)
            line = template.format(n=f"{k}-{i}", d=rand.randint(3, 40))
            started = time.perf_counter()
            text = trajectory.say(line, user=user, channel=rand.choice(["C_JEUGD", "C_WMO"]))
            with lock:
                results.append((line.split()[0], time.perf_counter() - started, text))

    threads = [threading.Thread(target=person, args=(k,)) for k in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == CLIENTS * COMMANDS
    assert not [text for _, _, text in results if "ging iets mis" in text]
    answered = Counter()
    for word, _, text in results:
        if re.search(r"\b[BITU]\d+\b", text) and word in ("besluit", "taak", "input", "urgent"):
            answered[word] += 1
    stored = {"besluit": trajectory.all(Decision), "taak": trajectory.all(Task), "input": trajectory.all(InputRequest),
              "urgent": trajectory.all(UrgentCase)}
    assert {word: len(rows) for word, rows in stored.items()} == {word: answered[word] for word in stored}
    for word, rows in stored.items():
        numbers = sorted(int(row.ref[1:]) for row in rows)
        assert numbers == list(range(1, len(numbers) + 1)), word  # no gaps, no doubles
    posts = Counter(re.search(r"U\d+", message_text(c.body)).group() for c in slack.of("chat.postMessage")
                    if "Urgent signaal" in message_text(c.body))
    assert posts == Counter({case.ref: 1 for case in stored["urgent"]})
    assert all(row.sent_at for row in trajectory.all(Outbox))
    times = sorted(elapsed for _, elapsed, _ in results)
    with capsys.disabled():
        print(f"\n  load ({trajectory.rt.engine.dialect.name}): {len(results)} commands from {CLIENTS} people, "
              f"time to answer p50 {statistics.median(times) * 1000:.0f} ms, "
              f"p99 {times[int(0.99 * len(times)) - 1] * 1000:.0f} ms, worst {times[-1] * 1000:.0f} ms; "
              f"stored {sum(answered.values())} = answered; urgent posts {sum(posts.values())} for {len(stored['urgent'])} cases")
