"""Slack shows an error when a request is not acknowledged within 3 seconds, and a form must open
within 3 seconds of its trigger. Work that must answer in time runs on its own pool, with a budget
well inside that: done in time, the answer travels in the ack itself (the fastest way to the
user); late, the listener acks at once and follows up when the work is done. What may wait (a late
answer, files, App Home, a confirmation) runs on a second pool, so a follow-up that waits for
Slack's rate limits never holds an answer or a form.

Bolt runs with process_before_response, so the HTTP reply leaves the moment a listener returns
(no polling for the ack): whatever a listener does after its ack goes to `now` or `later`."""
from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError
from typing import Callable

log = logging.getLogger(__name__)


def _logged(work: Callable[..., object], *args) -> Callable[[], None]:
    def run() -> None:
        try:
            work(*args)
        except Exception:  # noqa: BLE001 - nobody waits for this: say what broke
            log.exception("follow-up %s failed", getattr(work, "__name__", "?"))
    return run


class Budget:
    def __init__(self, threads: int, seconds: float):
        self.seconds = seconds  # the answer's budget (Runtime.answer_budget)
        # Threads start on first use, so pools made before gunicorn forks are the worker's own.
        self._answers = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="regiowacht-answer")
        self._follow_ups = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="regiowacht-follow-up")

    def run(self, work: Callable[[], object]) -> tuple[bool, Future]:
        """Start `work`; (True, future) when it finished within the budget, else (False, future)."""
        future = self._answers.submit(work)
        try:
            future.result(timeout=self.seconds)
        except TimeoutError:
            return False, future
        return True, future

    def now(self, work: Callable[..., object], *args) -> None:
        """Work after the ack that still races a clock (a form's trigger): on the answers' pool."""
        self._answers.submit(_logged(work, *args))

    def later(self, work: Callable[..., object], *args) -> None:
        """Work after the ack that may wait: Slack has its answer; this must not hold the HTTP reply."""
        self._follow_ups.submit(_logged(work, *args))
