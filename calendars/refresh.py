"""The daily refresh of a meeting calendar feed, as a small state machine the job runs per feed
and the database stores: a feed that fails keeps its last good calendar, and the coordinator is
told once per run of failures, not every day. Pure, apart from `refresh`, which fetches."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from calendars.ical import CalendarChange, FeedError, FeedLimits, FeedReading, compare, read_feed


@dataclass(frozen=True)
class FeedState:
    """What is kept of one feed between reads."""
    last_good: FeedReading | None = None   # the calendar in use
    read_on: date | None = None            # the day of the last good read
    failing_since: date | None = None      # the first failed read since then, if the feed fails now
    failure_told: bool = False             # the coordinator was told about this run of failures


@dataclass(frozen=True)
class Refresh:
    """The outcome of one refresh: the new state, and what to tell."""
    state: FeedState
    change: CalendarChange | None = None    # read: what changed against the last good calendar
    tell_failure: FeedError | None = None   # tell the coordinator now (the first failure of a run)
    recovered: bool = False                 # the feed reads again after a failure was told

    @property
    def calendar(self) -> FeedReading | None:
        """The calendar to use from now on: the new one, or the last good one."""
        return self.state.last_good


def after_read(state: FeedState, reading: FeedReading, today: date) -> Refresh:
    change = compare(state.last_good, reading, today) if state.last_good else None
    return Refresh(FeedState(reading, today), change, None, recovered=state.failure_told)


def after_failure(state: FeedState, error: FeedError, today: date) -> Refresh:
    """Keep the last good calendar; tell only the first failure of a run (a feed that recovers
    and fails again is told again)."""
    if state.failure_told:
        return Refresh(state)
    return Refresh(replace(state, failing_since=state.failing_since or today, failure_told=True), tell_failure=error)


def refresh(state: FeedState, url: str, today: date, limits: FeedLimits = FeedLimits(),
            read: Callable[[str, date, FeedLimits], FeedReading] = read_feed) -> Refresh:
    """Read the feed again and say what follows from it."""
    try:
        reading = read(url, today, limits)
    except FeedError as error:
        return after_failure(state, error, today)
    return after_read(state, reading, today)
