"""Slack shows an error when a request is not acknowledged within 3 seconds. The work runs on a
pool with a budget well inside that: done in time, the answer travels in the ack itself (the
fastest way to the user); late, the listener acks at once and follows up when the work is done.

Bolt runs with process_before_response, so the HTTP reply leaves the moment a listener returns
(no polling for the ack): whatever a listener does after its ack goes to `later`."""
from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError
from typing import Callable

log = logging.getLogger(__name__)

ANSWER_BUDGET = 2.0  # seconds; the rest of Slack's 3 is for the network


class Budget:
    def __init__(self, threads: int):
        # Threads start on first use, so a pool made before gunicorn forks is the worker's own.
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="regiowacht-work")

    def later(self, work: Callable[..., object], *args) -> None:
        """Work after the ack: Slack has its answer; this must not hold the HTTP reply."""
        def logged() -> None:
            try:
                work(*args)
            except Exception:  # noqa: BLE001 - nobody waits for this: say what broke
                log.exception("follow-up %s failed", getattr(work, "__name__", "?"))
        self._pool.submit(logged)

    def run(self, work: Callable[[], object], seconds: float = ANSWER_BUDGET) -> tuple[bool, Future]:
        """Start `work`; (True, future) when it finished within `seconds`, else (False, future)."""
        future = self._pool.submit(work)
        try:
            future.result(timeout=seconds)
        except TimeoutError:
            return False, future
        return True, future
