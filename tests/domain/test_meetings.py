"""Meeting calendars (issue 19), with hand-computed tables. Every test sets its own "today".

The region: Tiel and Buren have calendars, Culemborg has none. Weekdays checked by hand:
Tiel raad meets on Thursdays 26 Nov, 17 Dec 2026, 28 Jan, 25 Feb 2027 (no meeting in the
Christmas recess); Tiel's college on Tuesdays, not on 22 and 29 Dec (recess), once on Koningsdag
(Tue 27 Apr 2027, a holiday); Buren raad on Thursdays 10 Dec 2026, 21 Jan and 18 Feb 2027. The
regional board (portefeuillehoudersoverleg) on Fridays 8 and 15 Jan 2027."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from domain.workdays import WorkCalendar
from domain.meetings import (MeetingCalendar, calendar_runs_out, earliest_meeting_day, expected_adoption,
                             first_meeting, last_day_for_proposal, misses_deadline, read_meeting_date,
                             read_meeting_dates)


def d(text: str) -> date:
    return date.fromisoformat(text)


def days(*texts: str) -> tuple[date, ...]:
    return tuple(d(t) for t in texts)


TIEL = MeetingCalendar(
    raad=days("2026-11-26", "2026-12-17", "2027-01-28", "2027-02-25"),
    college=days("2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12", "2027-01-19",
                 "2027-01-26", "2027-04-20", "2027-04-27"))
BUREN = MeetingCalendar(raad=days("2026-12-10", "2027-01-21", "2027-02-18"))
CULEMBORG = None   # no calendar known
REGION = MeetingCalendar(regio=days("2027-01-08", "2027-01-15"))
CALENDARS = {"Tiel": TIEL, "Buren": BUREN, "Culemborg": CULEMBORG}
WORK = WorkCalendar()


def test_the_calendar_sorts_and_removes_duplicates():
    calendar = MeetingCalendar(raad=days("2027-01-28", "2026-12-17", "2027-01-28"))
    assert calendar.raad == days("2026-12-17", "2027-01-28")
    assert calendar.has("raad") and not calendar.has("college")
    assert calendar.with_dates("college", days("2027-01-05")).college == days("2027-01-05")
    assert calendar.with_dates("college", days("2027-01-05")).raad == calendar.raad


def test_an_unknown_body_is_a_programming_error():
    with pytest.raises(ValueError):
        first_meeting(TIEL, "gemeenteraad", d("2026-12-01"))
    with pytest.raises(ValueError):
        first_meeting(None, "gemeenteraad", d("2026-12-01"))


@pytest.mark.parametrize("body, on_or_after, expected", [
    ("raad", "2026-11-26", "2026-11-26"),      # on the day itself
    ("raad", "2026-11-27", "2026-12-17"),
    ("raad", "2026-12-18", "2027-01-28"),      # over the Christmas recess and the year end
    ("raad", "2027-02-26", None),              # the calendar ends
    ("college", "2026-12-16", "2027-01-05"),   # no college on 22 and 29 Dec
    ("regio", "2026-12-01", None),             # Tiel has no regional calendar
])
def test_first_meeting(body, on_or_after, expected):
    assert first_meeting(TIEL, body, d(on_or_after)) == (d(expected) if expected else None)


# today, lead days, Tiel raad, Buren raad, Culemborg raad (no calendar: the forecast falls back)
RAAD_TABLE = [
    ("2026-11-24", 14, "2026-12-17", "2026-12-10", None),  # earliest 8 Dec
    ("2026-11-12", 14, "2026-11-26", "2026-12-10", None),  # earliest 26 Nov: a meeting on that day counts
    ("2026-11-13", 14, "2026-12-17", "2026-12-10", None),  # earliest 27 Nov: one day too late for 26 Nov
    ("2026-12-04", 14, "2027-01-28", "2027-01-21", None),  # earliest 18 Dec: over the recess into 2027
    ("2026-12-04", 10, "2026-12-17", "2027-01-21", None),  # a 10-day lead time (earliest 14 Dec) makes 17 Dec
    ("2026-12-20", 14, "2027-01-28", "2027-01-21", None),  # a Sunday before Christmas
    ("2027-02-05", 14, "2027-02-25", None, None),          # earliest 19 Feb: Buren's list ends 18 Feb, falls back
]


@pytest.mark.parametrize("today, lead, tiel, buren, culemborg", RAAD_TABLE)
def test_raad_adoption_per_municipality(today, lead, tiel, buren, culemborg):
    expected = {name: expected_adoption(calendar, "raad", d(today), lead_days=lead)
                for name, calendar in CALENDARS.items()}
    shown = {name: (e.meeting.isoformat() if e else None) for name, e in expected.items()}
    assert shown == {"Tiel": tiel, "Buren": buren, "Culemborg": culemborg}
    for e in expected.values():
        if e is not None:
            assert e.expected == e.meeting      # Thursdays, all working days
            assert WORK.is_working_day(e.expected)


# today, Tiel college meeting, expected adoption day
COLLEGE_TABLE = [
    ("2026-11-17", "2026-12-01", "2026-12-01"),  # earliest Tue 1 Dec: that day's meeting
    ("2026-11-18", "2026-12-08", "2026-12-08"),
    ("2026-12-02", "2027-01-05", "2027-01-05"),  # earliest 16 Dec: 22 and 29 Dec are recess
    ("2026-12-19", "2027-01-05", "2027-01-05"),  # a Saturday; earliest 2 Jan, a Saturday of the new year
    ("2026-12-22", "2027-01-05", "2027-01-05"),  # earliest 5 Jan itself
    ("2027-04-12", "2027-04-27", "2027-04-28"),  # earliest 26 Apr: the meeting on Koningsdag, adopted the day after
]


@pytest.mark.parametrize("today, meeting, adopted", COLLEGE_TABLE)
def test_college_adoption_across_the_christmas_recess(today, meeting, adopted):
    e = expected_adoption(TIEL, "college", d(today))
    assert (e.meeting, e.expected) == (d(meeting), d(adopted))
    assert e.earliest == d(today) + timedelta(days=14)


# Tiel raad. rejected on, today, lead, meeting waited for
REJECTION_TABLE = [
    ("2026-12-17", "2026-12-18", 14, "2027-01-28"),  # rejected at the December meeting; earliest 1 Jan
    ("2026-12-17", "2026-12-17", 0, "2027-01-28"),   # lead 0: still not the meeting that rejected
    ("2026-11-26", "2026-11-27", 14, "2026-12-17"),  # rejected 26 Nov; earliest 11 Dec: the next meeting can
    ("2026-11-26", "2026-12-04", 14, "2027-01-28"),  # the revised proposal is not sent yet on 4 Dec: January
    ("2026-12-03", "2026-12-04", 14, "2027-01-28"),  # a rejection between meetings (outside a meeting)
]


@pytest.mark.parametrize("rejected, today, lead, meeting", REJECTION_TABLE)
def test_a_rejection_waits_for_the_next_meeting_the_papers_allow(rejected, today, lead, meeting):
    e = expected_adoption(TIEL, "raad", d(today), rejected_on=d(rejected), lead_days=lead)
    assert e.meeting == d(meeting)


def test_a_college_rejection_skips_the_weekly_meeting_the_papers_cannot_make():
    # Rejected Tue 5 Jan 2027: the college meets 12 Jan, but a revised proposal needs its 14 days.
    e = expected_adoption(TIEL, "college", d("2027-01-05"), rejected_on=d("2027-01-05"))
    assert (e.earliest, e.meeting) == (d("2027-01-19"), d("2027-01-19"))


# Regional decision expected on `follows`; today 24 Nov 2026; Tiel and Buren raad
FOLLOWS_TABLE = [
    (None, "2026-12-17", "2026-12-10"),
    ("2026-11-26", "2026-12-17", "2026-12-10"),  # earliest 10 Dec: Buren's meeting that day can
    ("2026-11-27", "2026-12-17", "2027-01-21"),  # earliest 11 Dec: Buren's 10 Dec is lost
    ("2026-12-10", "2027-01-28", "2027-01-21"),  # earliest 24 Dec: both over the recess
]


@pytest.mark.parametrize("follows, tiel, buren", FOLLOWS_TABLE)
def test_a_council_follows_the_regional_decision(follows, tiel, buren):
    follow = d(follows) if follows else None
    assert expected_adoption(TIEL, "raad", d("2026-11-24"), follows=follow).meeting == d(tiel)
    assert expected_adoption(BUREN, "raad", d("2026-11-24"), follows=follow).meeting == d(buren)
    assert expected_adoption(CULEMBORG, "raad", d("2026-11-24"), follows=follow) is None


def test_earliest_meeting_day():
    assert earliest_meeting_day(d("2026-11-24")) == d("2026-12-08")
    assert earliest_meeting_day(d("2026-11-24"), follows=d("2026-11-01")) == d("2026-12-08")  # follows in the past
    assert earliest_meeting_day(d("2026-11-24"), rejected_on=d("2026-11-20"), lead_days=0) == d("2026-11-24")
    assert earliest_meeting_day(d("2026-11-24"), rejected_on=d("2026-11-24"), lead_days=0) == d("2026-11-25")
    with pytest.raises(ValueError):
        earliest_meeting_day(d("2026-11-24"), lead_days=-1)


def test_a_calendar_that_runs_out_is_told_apart_from_no_calendar():
    assert expected_adoption(BUREN, "raad", d("2027-02-05")) is None
    assert calendar_runs_out(BUREN, "raad", d("2027-02-19"))
    assert not calendar_runs_out(CULEMBORG, "raad", d("2027-02-19"))
    assert not calendar_runs_out(BUREN, "college", d("2027-02-19"))   # no college calendar at all
    assert not calendar_runs_out(TIEL, "raad", d("2027-02-19"))


# The last day a proposal must be with the body. deadline, body, calendar, lead, meeting, last day
LAST_DAY_TABLE = [
    ("2026-12-18", "raad", "Tiel", 14, "2026-12-17", "2026-12-03"),
    ("2026-12-18", "raad", "Buren", 14, "2026-12-10", "2026-11-26"),
    ("2026-12-17", "raad", "Tiel", 14, "2026-12-17", "2026-12-03"),   # a meeting on the deadline makes it
    ("2027-01-31", "raad", "Tiel", 14, "2027-01-28", "2027-01-14"),
    ("2027-01-31", "raad", "Tiel", 12, "2027-01-28", "2027-01-15"),   # 16 Jan is a Saturday: Friday 15th
    ("2027-01-31", "raad", "Buren", 10, "2027-01-21", "2027-01-11"),
    ("2026-12-31", "college", "Tiel", 14, "2026-12-15", "2026-12-01"),  # the recess: the last college is 15 Dec
    ("2027-01-10", "regio", "Region", 14, "2027-01-08", "2026-12-24"),  # 25 Dec is Christmas: the 24th
    ("2027-01-20", "regio", "Region", 14, "2027-01-15", "2026-12-31"),  # 1 Jan is New Year's Day: the 31st
]


@pytest.mark.parametrize("deadline, body, name, lead, meeting, last_day", LAST_DAY_TABLE)
def test_the_last_day_for_a_proposal(deadline, body, name, lead, meeting, last_day):
    calendar = {"Region": REGION, **CALENDARS}[name]
    day = last_day_for_proposal(calendar, body, d(deadline), lead_days=lead)
    assert (day.meeting, day.last_day) == (d(meeting), d(last_day))


@pytest.mark.parametrize("calendar, body, deadline", [
    (CULEMBORG, "raad", "2026-12-18"),   # no calendar: nothing to show
    (BUREN, "raad", "2026-12-09"),       # the calendar starts after the deadline: no meeting makes it
    (TIEL, "regio", "2027-12-31"),       # no calendar of that body
])
def test_no_last_day_without_a_meeting_before_the_deadline(calendar, body, deadline):
    assert last_day_for_proposal(calendar, body, d(deadline)) is None


# The digest warns 5 working days before Tiel's last day, Thu 3 Dec 2026 (meeting 17 Dec).
WARN_TABLE = [
    ("2026-11-25", False),
    ("2026-11-26", True),    # Thu 26 Nov: 27, 30 Nov, 1, 2, 3 Dec are the five working days
    ("2026-12-01", True),
    ("2026-12-03", True),    # the last day itself
    ("2026-12-04", False),   # too late: the deadline flag takes over
]


@pytest.mark.parametrize("today, warns", WARN_TABLE)
def test_the_digest_warns_five_working_days_before_the_last_day(today, warns):
    day = last_day_for_proposal(TIEL, "raad", d("2026-12-18"))
    assert day.warn_from() == d("2026-11-26")
    assert day.warns_on(d(today)) is warns


def test_the_warning_counts_working_days_over_christmas():
    day = last_day_for_proposal(REGION, "regio", d("2027-01-20"))   # last day Thu 31 Dec 2026
    # 24, 28, 29, 30, 31 Dec are the five working days (25 and 26 Dec are holidays, 27 a Sunday).
    assert day.warn_from() == d("2026-12-23")


# Deadline 18 Dec 2026, door: raad. today, Tiel, Buren, Culemborg: the first possible meeting if it is too late
DEADLINE_TABLE = [
    ("2026-11-24", None, None, None),                  # Tiel 17 Dec and Buren 10 Dec make it
    ("2026-11-27", None, "2027-01-21", None),          # earliest 11 Dec: Buren's 10 Dec is lost, weeks ahead
    ("2026-12-04", "2027-01-28", "2027-01-21", None),  # earliest 18 Dec: Tiel's 17 Dec is lost too
]


@pytest.mark.parametrize("today, tiel, buren, culemborg", DEADLINE_TABLE)
def test_a_municipality_whose_first_possible_meeting_is_after_the_deadline(today, tiel, buren, culemborg):
    flags = {name: misses_deadline(calendar, "raad", d(today), d("2026-12-18")) for name, calendar in CALENDARS.items()}
    shown = {name: (f.first_meeting.isoformat() if f else None) for name, f in flags.items()}
    assert shown == {"Tiel": tiel, "Buren": buren, "Culemborg": culemborg}


def test_the_flag_when_no_meeting_can_be_in_time_whatever_the_calendar_holds():
    # Earliest 1 Mar 2027 is after the deadline; Tiel's calendar ends 25 Feb.
    flag = misses_deadline(TIEL, "raad", d("2027-02-15"), d("2027-02-26"))
    assert (flag.earliest, flag.first_meeting) == (d("2027-03-01"), None)
    # A calendar that ends before the deadline, with time left: unknown is not late.
    assert misses_deadline(BUREN, "raad", d("2027-02-10"), d("2027-04-30")) is None


def test_the_flag_after_a_rejection():
    # Tiel rejects at its 26 Nov meeting; the deadline is 16 Dec: the next possible meeting is 17 Dec.
    flag = misses_deadline(TIEL, "raad", d("2026-11-27"), d("2026-12-16"), rejected_on=d("2026-11-26"))
    assert flag.first_meeting == d("2026-12-17")


# -- reading a typed list --------------------------------------------------------------------------

TODAY = d("2026-11-24")


@pytest.mark.parametrize("text, expected", [
    ("17-12-2026, 28-01-2027", ("2026-12-17", "2027-01-28")),
    ("17 december 2026, 28 januari 2027", ("2026-12-17", "2027-01-28")),
    ("17 december 2026; 28 jan 2027\n25 feb 2027", ("2026-12-17", "2027-01-28", "2027-02-25")),
    ("do 17-12-2026 en do 28-01-2027", ("2026-12-17", "2027-01-28")),
    ("do, 17 december 2026, do, 28 januari 2027", ("2026-12-17", "2027-01-28")),  # the weekday's comma
    ("28-01-2027, 17-12-2026, 17-12-2026", ("2026-12-17", "2027-01-28")),          # sorted, once
    ("17/12/26, 2027-01-28", ("2026-12-17", "2027-01-28")),                        # two-digit year, ISO
    ("17 december 2026 19:30", ("2026-12-17",)),                                   # a time of day is ignored
    ("26-11-2026, 17-12-2026", ("2026-11-26", "2026-12-17")),
    ("12-11-2026, 17-12-2026", ("2026-11-12", "2026-12-17")),                      # a past meeting is kept
])
def test_reading_a_typed_list(text, expected):
    reading = read_meeting_dates(text, TODAY)
    assert reading.ok, reading.unreadable
    assert reading.dates == days(*expected)


def test_a_past_meeting_is_shown_as_past():
    reading = read_meeting_dates("12-11-2026, 17-12-2026", TODAY)
    assert reading.past == days("2026-11-12")


@pytest.mark.parametrize("entry, problem", [
    ("17 december", "meeting_date_no_year"),         # never guessed: the list is kept for months
    ("17-12", "meeting_date_no_year"),
    ("eind januari 2027", "meeting_date_not_a_day"),  # a period is a deadline's convention, not a meeting
    ("week 3", "meeting_date_not_a_day"),
    ("over twee weken", "meeting_date_not_a_day"),
    ("morgen", "meeting_date_not_a_day"),
    ("over 2 maanden", "meeting_date_not_a_day"),    # `2 maa…` is not a day and a month
    ("na het reces", "date_vague"),                   # the date reader's own reason
    ("31-02-2027", "date_impossible"),
    ("vr 17-12-2026", "date_weekday_mismatch"),       # 17 Dec 2026 is a Thursday
    ("zomaar iets", "date_unknown"),
])
def test_an_unreadable_entry_says_why(entry, problem):
    result = read_meeting_date(entry, TODAY)
    assert result.problem == problem
    assert result.text == entry


def test_a_yearless_date_suggests_but_does_not_take_the_next_one():
    result = read_meeting_date("17 december", TODAY)
    assert result.params == {"text": "17 december", "suggestion": d("2026-12-17")}


def test_the_reading_names_every_unreadable_entry_and_keeps_the_rest_apart():
    reading = read_meeting_dates("17-12-2026, 28 januari, 25-02-2027, eind maart 2027", TODAY)
    assert not reading.ok
    assert reading.dates == days("2026-12-17", "2027-02-25")
    assert [(u.text, u.problem) for u in reading.unreadable] == [
        ("28 januari", "meeting_date_no_year"), ("eind maart 2027", "meeting_date_not_a_day")]


@pytest.mark.parametrize("text, ok, cleared", [("geen", True, True), ("  ", False, False), ("", False, False)])
def test_an_empty_list_and_geen(text, ok, cleared):
    reading = read_meeting_dates(text, TODAY)
    assert (reading.ok, reading.cleared, reading.dates) == (ok, cleared, ())
    if not ok:
        assert reading.unreadable[0].problem == "meeting_list_empty"


PIECES = ["17-12-2026", "17 december 2026", "17 december", "do", "vr,", ",", ";", "\n", " en ", "2027-01-28",
          "eind januari 2027", "week 53", "31-02-2027", "morgen", "geen", "zsm", "99-99-9999", "\x00", "🙂", "a" * 130]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=15)), max_size=8).map(" ".join))
def test_any_typed_list_is_read_or_refused_never_crashes(text):
    reading = read_meeting_dates(text, TODAY)
    assert all(isinstance(u.problem, str) and u.problem for u in reading.unreadable)
    assert list(reading.dates) == sorted(set(reading.dates))
