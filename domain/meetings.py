"""Meeting calendars: when a college, raad or regional board can adopt a decision (PRODUCT.md
"Meeting calendars and contracts", issue 19). Pure: dates in, dates out; no I/O, no database.

A body adopts only at one of its meetings, and only a proposal whose papers went out in time: a
raad's rules of order (Gemeentewet art. 19 and the council's own reglement) want them at least 10
days ahead, so the default papers lead time is 14 calendar days. Every function here returns None
where no calendar is known, so that the forecast keeps its average-lateness rule there."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Iterable

from domain.dates import MONTHS, WEEKDAYS, read_date
from domain.workdays import WorkCalendar

BODIES = ("raad", "college", "regio")
PAPERS_LEAD_DAYS = 14       # calendar days between sending the papers and the meeting
WARN_WORKING_DAYS = 5       # the digest warns this many working days before a proposal's last day


def _check_body(body: str) -> str:
    if body not in BODIES:
        raise ValueError(f"unknown body {body!r}; one of {BODIES}")
    return body


def _check_lead(lead_days: int) -> int:
    if lead_days < 0:
        raise ValueError("the papers lead time cannot be negative")
    return lead_days


@dataclass(frozen=True)
class MeetingCalendar:
    """The known meeting days of one municipality (raad, college) or one region (regio), each
    sorted and without duplicates. A body without meetings has no calendar: callers fall back."""
    raad: tuple[date, ...] = ()
    college: tuple[date, ...] = ()
    regio: tuple[date, ...] = ()

    def __post_init__(self):
        for body in BODIES:
            object.__setattr__(self, body, tuple(sorted(set(getattr(self, body)))))

    def dates(self, body: str) -> tuple[date, ...]:
        return getattr(self, _check_body(body))

    def has(self, body: str) -> bool:
        return bool(self.dates(body))

    def with_dates(self, body: str, dates: Iterable[date]) -> MeetingCalendar:
        """This calendar with `body`'s meetings replaced (a new typed list or a fresh feed)."""
        return replace(self, **{_check_body(body): tuple(dates)})

    def first_on_or_after(self, body: str, day: date) -> date | None:
        dates = self.dates(body)
        i = bisect.bisect_left(dates, day)
        return dates[i] if i < len(dates) else None

    def last_on_or_before(self, body: str, day: date) -> date | None:
        dates = self.dates(body)
        i = bisect.bisect_right(dates, day)
        return dates[i - 1] if i else None


def first_meeting(calendar: MeetingCalendar | None, body: str, on_or_after: date) -> date | None:
    """The body's first known meeting on or after the day; None without a calendar or when the
    calendar ends earlier."""
    if calendar is None:
        _check_body(body)
        return None
    return calendar.first_on_or_after(body, on_or_after)


# -- the expected adoption ----------------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedMeeting:
    """The meeting a municipality's (or the region's) adoption waits for."""
    body: str
    earliest: date   # the first day a meeting could take it: papers lead time after the start
    meeting: date    # the meeting it waits for (what `risico` names)
    expected: date   # the expected adoption day: the meeting, or the working day after it


def earliest_meeting_day(today: date, *, follows: date | None = None, rejected_on: date | None = None,
                         lead_days: int = PAPERS_LEAD_DAYS) -> date:
    """The first day a meeting can take the proposal: its papers go out no earlier than today,
    than the regional decision it follows (the council gets the board's proposal), and than a
    rejection (a revised proposal needs papers like any other), and need the lead time."""
    start = max(d for d in (today, follows, rejected_on) if d is not None)
    earliest = start + timedelta(days=_check_lead(lead_days))
    if rejected_on is not None:
        # The meeting that rejected cannot adopt too: with lead time 0 the next one is meant.
        earliest = max(earliest, rejected_on + timedelta(days=1))
    return earliest


def expected_adoption(calendar: MeetingCalendar | None, body: str, today: date, *,
                      follows: date | None = None, rejected_on: date | None = None,
                      lead_days: int = PAPERS_LEAD_DAYS, work: WorkCalendar | None = None,
                      ) -> ExpectedMeeting | None:
    """When `body` is expected to adopt: its first meeting on or after `earliest_meeting_day`.

    A rejection waits for the body's next meeting after the rejection that the papers lead time
    still allows (not simply the next meeting: a revised proposal is a new proposal, and a
    college meeting a week later cannot have it). A meeting on a weekend or holiday (it happens:
    a Saturday budget meeting) makes the expected day the working day after it, because every
    expected date is a working day and an adoption is never earlier than its meeting.
    None when the body has no calendar or none of its known meetings is late enough: the
    forecast then falls back to the average-lateness rule (`calendar_runs_out` tells the two
    apart)."""
    earliest = earliest_meeting_day(today, follows=follows, rejected_on=rejected_on, lead_days=lead_days)
    meeting = first_meeting(calendar, body, earliest)
    if meeting is None:
        return None
    return ExpectedMeeting(body, earliest, meeting, _working_day_on_or_after(meeting, work or WorkCalendar()))


def calendar_runs_out(calendar: MeetingCalendar | None, body: str, day: date) -> bool:
    """The body has a calendar, but no known meeting on or after `day`: a typed list that needs
    its next dates (worth telling the coordinator; the forecast falls back meanwhile)."""
    return calendar is not None and calendar.has(body) and calendar.first_on_or_after(body, day) is None


def _working_day_on_or_after(day: date, work: WorkCalendar) -> date:
    return day if work.is_working_day(day) else work.add(day, 1)


def _working_day_on_or_before(day: date, work: WorkCalendar) -> date:
    return day if work.is_working_day(day) else work.add(day, -1)


# -- the deadline: the last day for a proposal, and a meeting that comes too late -------------------


@dataclass(frozen=True)
class ProposalDay:
    """The last day a proposal must be with the body to be adopted by the deadline."""
    body: str
    meeting: date    # the last meeting on or before the deadline
    last_day: date   # papers lead time before it, moved back to a working day

    def warn_from(self, work: WorkCalendar | None = None, days: int = WARN_WORKING_DAYS) -> date:
        """The first day the digest warns: `days` working days before the last day."""
        return (work or WorkCalendar()).add(self.last_day, -days)

    def warns_on(self, today: date, work: WorkCalendar | None = None, days: int = WARN_WORKING_DAYS) -> bool:
        """Whether the digest of `today` warns: from `warn_from` up to and including the last day
        (after it, the proposal is late and `misses_deadline` takes over)."""
        return self.warn_from(work, days) <= today <= self.last_day


def last_day_for_proposal(calendar: MeetingCalendar | None, body: str, deadline: date, *,
                          lead_days: int = PAPERS_LEAD_DAYS, work: WorkCalendar | None = None,
                          ) -> ProposalDay | None:
    """The papers lead time before the body's last meeting on or before the deadline; a last day
    on a weekend or holiday moves to the working day before (the papers must be there by then).
    The day may already be past: compare it with today.

    None when the body has no meeting on or before the deadline: either no calendar at all
    (`calendar.has(body)` is false: nothing to show) or the calendar starts after the deadline,
    so no meeting can make it (`misses_deadline` flags that)."""
    _check_body(body)
    meeting = calendar.last_on_or_before(body, deadline) if calendar is not None else None
    if meeting is None:
        return None
    last_day = _working_day_on_or_before(meeting - timedelta(days=_check_lead(lead_days)), work or WorkCalendar())
    return ProposalDay(body, meeting, last_day)


@dataclass(frozen=True)
class MissedDeadline:
    """The first meeting that can still take the proposal comes after the deadline
    (`Tiel: eerstvolgende raad 28 jan 2027, na de deadline 18 dec 2026`)."""
    body: str
    deadline: date
    earliest: date               # the first day a meeting could take it
    first_meeting: date | None   # None when the calendar does not reach that far yet


def misses_deadline(calendar: MeetingCalendar | None, body: str, today: date, deadline: date, *,
                    follows: date | None = None, rejected_on: date | None = None,
                    lead_days: int = PAPERS_LEAD_DAYS) -> MissedDeadline | None:
    """Whether the body's first possible meeting is after the deadline: weeks before the
    deadline, as soon as the last meeting before it can no longer get the papers in time.

    Flagged when the first known meeting from `earliest_meeting_day` on is after the deadline,
    or when that earliest day itself is after the deadline (no meeting can be in time, whether
    or not the calendar reaches further). Not flagged without a calendar, nor when the calendar
    ends before the deadline with no meeting left to judge by (unknown is not late)."""
    if calendar is None or not calendar.has(body):
        _check_body(body)
        return None
    earliest = earliest_meeting_day(today, follows=follows, rejected_on=rejected_on, lead_days=lead_days)
    meeting = calendar.first_on_or_after(body, earliest)
    if (meeting is not None and meeting > deadline) or earliest > deadline:
        return MissedDeadline(body, deadline, earliest, meeting)
    return None


# -- reading a typed list of meeting dates ----------------------------------------------------------


@dataclass(frozen=True)
class Unreadable:
    """One entry of a typed list that is not a meeting day, and why (a text key and parameters;
    the `date_*` keys are the date reader's own)."""
    text: str
    problem: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class MeetingListReading:
    """What a typed list (`17-12-2026, 28-01-2027`) gave: the days read, sorted without
    duplicates, and every entry that could not be read. A list with any unreadable entry should be
    refused whole (the coordinator retypes it), so no calendar silently misses a meeting."""
    today: date
    dates: tuple[date, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()
    cleared: bool = False   # `geen`: the body's calendar is to be removed

    @property
    def ok(self) -> bool:
        return not self.unreadable and (bool(self.dates) or self.cleared)

    @property
    def past(self) -> tuple[date, ...]:
        """Days read that lie before today: kept (they are history, harmless to the forecast),
        but worth showing, since a past meeting in a new list is often a mistyped year."""
        return tuple(d for d in self.dates if d < self.today)


_CLEAR = re.compile(r"^(?:geen|none|leeg|empty|-)$")
_SEPARATORS = re.compile(r"\s*(?:[,;\n]|\s+en\s+|\s+and\s+)\s*")
_MONTH_NAME = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_ONLY = re.compile(r"^(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?$")
# A day with its year, in the forms people type a meeting: 17-12-2026, 17/12/26, 2026-12-17, 17 december 2026.
_DAY_WITH_YEAR = re.compile(r"\b[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})\b"
                            r"|\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b"
                            rf"|\b[0-9]{{1,2}}(?:e|ste|de)?\s+{_MONTH_NAME},?\s+[0-9]{{4}}\b")
# The same day without a year: refused, because a list of meetings is read once and kept.
_DAY_WITHOUT_YEAR = re.compile(r"\b[0-9]{1,2}[-/.][0-9]{1,2}\b"
                               rf"|\b[0-9]{{1,2}}(?:e|ste|de)?\s+{_MONTH_NAME}(?![a-z])")


def _entries(text: str) -> list[str]:
    """The entries of a list; a weekday split off by its comma (`do, 17 december 2026`) rejoins
    its date."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p]
    entries: list[str] = []
    for part in parts:
        if entries and _WEEKDAY_ONLY.match(entries[-1].lower()):
            entries[-1] = f"{entries[-1]} {part}"
        else:
            entries.append(part)
    return entries


def read_meeting_date(text: str, today: date, work: WorkCalendar | None = None) -> date | Unreadable:
    """One meeting day, only as a day with its year. The date reader's conventions for deadlines
    do not fit a list that is kept for months: a date without a year is refused (with the day the
    reader would take, as a suggestion), and a period or a relative phrase (`eind januari 2027`,
    `week 3`, `over twee weken`) is refused as not a day. A past day with its year is read (the
    reader refuses it only because a deadline cannot be past)."""
    shown = text.strip()
    reading = read_date(shown, today, work=work)
    lowered = shown.lower()
    if _DAY_WITH_YEAR.search(lowered):
        if reading.ok:
            return reading.value
        if reading.problem == "date_past" and reading.params.get("date"):
            return reading.params["date"]
        return Unreadable(shown, reading.problem or "date_unknown", dict(reading.params))
    if _DAY_WITHOUT_YEAR.search(lowered):
        return Unreadable(shown, "meeting_date_no_year", {"text": shown, "suggestion": reading.value})
    if reading.ok:
        return Unreadable(shown, "meeting_date_not_a_day", {"text": shown, "date": reading.value})
    return Unreadable(shown, reading.problem or "date_unknown", dict(reading.params))


def read_meeting_dates(text: str, today: date, work: WorkCalendar | None = None) -> MeetingListReading:
    """A typed list of meeting days (`17-12-2026, 28-01-2027`, `17 december 2026; 28 januari
    2027`, `do 17-12-2026 en do 28-01-2027`), or `geen` to remove the calendar. Every entry is
    read with `read_meeting_date`; the result names each one that could not be read."""
    stripped = (text or "").strip()
    if _CLEAR.match(stripped.lower()):
        return MeetingListReading(today, cleared=True)
    if not stripped:
        return MeetingListReading(today, unreadable=(Unreadable("", "meeting_list_empty"),))
    work = work or WorkCalendar()
    dates: set[date] = set()
    unreadable: list[Unreadable] = []
    for entry in _entries(stripped):
        result = read_meeting_date(entry, today, work)
        if isinstance(result, Unreadable):
            unreadable.append(result)
        else:
            dates.add(result)
    return MeetingListReading(today, tuple(sorted(dates)), tuple(unreadable))
