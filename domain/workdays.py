"""Working days for Dutch municipal staff: Monday to Friday, minus the public holidays of the
`holidays` NL calendar and 5 May every year (CAO Gemeenten). Good Friday is a working day unless
configured otherwise (the Algemene termijnenwet counts it as a holiday)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter


@lru_cache(maxsize=256)
def _days_off(year: int, good_friday_is_holiday: bool) -> frozenset[date]:
    days = set(holidays.NL(years=year).keys())
    days.add(date(year, 5, 5))
    good_friday = easter(year) - timedelta(days=2)
    if good_friday_is_holiday:
        days.add(good_friday)
    else:
        days.discard(good_friday)
    return frozenset(days)


class WorkCalendar:
    def __init__(self, good_friday_is_holiday: bool = False):
        self.good_friday_is_holiday = good_friday_is_holiday

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _days_off(day.year, self.good_friday_is_holiday)

    def add(self, day: date, n: int) -> date:
        """The n-th working day after `day` (not counting `day` itself); n may be negative."""
        step = 1 if n >= 0 else -1
        remaining = abs(n)
        while remaining:
            day += timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def on_or_after(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add(day, 1)

    def on_or_before(self, day: date) -> date:
        """`day` itself when it is a working day, else the last working day before it."""
        return day if self.is_working_day(day) else self.add(day, -1)

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative when end is earlier)."""
        if end < start:
            return -self.between(end, start)
        return sum(1 for i in range(1, (end - start).days + 1)
                   if self.is_working_day(start + timedelta(days=i)))


WORK_START, WORK_END = time(9, 0), time(17, 0)


def in_working_hours(calendar: WorkCalendar, moment: datetime) -> bool:
    """`moment` in local time: 09:00 to 17:00 on a working day."""
    return calendar.is_working_day(moment.date()) and WORK_START <= moment.time() < WORK_END


def add_working_hours(calendar: WorkCalendar, start: datetime, hours: float) -> datetime:
    """The local moment `hours` working hours (09:00-17:00 on working days) after `start`."""
    remaining = timedelta(hours=hours)
    moment = start
    while True:
        day_start = datetime.combine(moment.date(), WORK_START, moment.tzinfo)
        day_end = datetime.combine(moment.date(), WORK_END, moment.tzinfo)
        if not calendar.is_working_day(moment.date()) or moment >= day_end:
            moment = datetime.combine(moment.date() + timedelta(days=1), WORK_START, moment.tzinfo)
            continue
        moment = max(moment, day_start)
        if moment + remaining <= day_end:
            return moment + remaining
        remaining -= day_end - moment
        moment = day_end
