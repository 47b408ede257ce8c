"""Date reader speed: start-up cost, phrases per second, p50/p99 per phrase after warm-up, over
both tables of tests.domain.test_dates.py (deadlines forward, adoption dates backward).
Run: .venv/bin/python benchmarks/dates.py   (target: p99 <= 5 ms)"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

start = time.perf_counter()
from domain.dates import read_date, warm_up  # noqa: E402

imported = time.perf_counter()
warm_up()
warmed = time.perf_counter()

from tests.domain.test_dates import BACKWARD, FORWARD  # noqa: E402

phrases = [(date.fromisoformat(today), phrase, False) for today, phrase, _ in FORWARD]
phrases += [(date.fromisoformat(today), phrase, True) for today, phrase, _ in BACKWARD]
timings = []
rounds = 20
for _ in range(rounds):
    for today, phrase, past in phrases:
        t0 = time.perf_counter()
        read_date(phrase, today, past=past)
        timings.append(time.perf_counter() - t0)
total = sum(timings)
timings.sort()
print(f"start-up: import {1000 * (imported - start):.0f} ms, warm-up {1000 * (warmed - imported):.0f} ms")
print(f"phrases: {len(phrases)} x {rounds} rounds = {len(timings)} readings")
print(f"throughput: {len(timings) / total:,.0f} phrases/s")
print(f"per phrase: p50 {1000 * statistics.median(timings):.3f} ms, "
      f"p99 {1000 * timings[int(0.99 * len(timings)) - 1]:.3f} ms, max {1000 * timings[-1]:.3f} ms")
