"""The deadline reader against the conventions of PRODUCT.md "Deadlines". Each row: the day it is,
what someone typed, and the date the bot must understand, or `?problem` where it must ask."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from core.dates import read_date
from core.workdays import WorkCalendar

T = "2026-11-24"  # a Tuesday, ISO week 48

TABLE = [
    # relative days and weekdays
    (T, "vandaag", "2026-11-24"), (T, "morgen", "2026-11-25"), (T, "overmorgen", "2026-11-26"),
    (T, "today", "2026-11-24"), (T, "tomorrow", "2026-11-25"), (T, "vrijdag", "2026-11-27"),
    (T, "dinsdag", "2026-12-01"), (T, "maandag", "2026-11-30"), (T, "zondag", "2026-11-29"),
    (T, "ma", "2026-11-30"), (T, "vr", "2026-11-27"), (T, "Friday", "2026-11-27"), (T, "wed", "2026-11-25"),
    (T, "volgende week dinsdag", "2026-12-01"), (T, "volgende week vrijdag", "2026-12-04"),
    (T, "vrijdag volgende week", "2026-12-04"), (T, "maandag volgende week", "2026-11-30"),
    (T, "next week Tuesday", "2026-12-01"), (T, "Friday next week", "2026-12-04"),
    (T, "deze week vrijdag", "2026-11-27"), (T, "donderdag deze week", "2026-11-26"),
    (T, "deze week dinsdag", "2026-11-24"), (T, "deze week maandag", "?date_past"),
    (T, "this week Thursday", "2026-11-26"), (T, "aanstaande vrijdag", "2026-11-27"),
    (T, "komende maandag", "2026-11-30"), (T, "vrijdag a.s.", "2026-11-27"),
    (T, "volgende vrijdag", "?date_ambiguous"), (T, "next Friday", "?date_ambiguous"),
    (T, "volgende dinsdag", "2026-12-01"),
    # over N dagen / weken / maanden
    (T, "over 3 dagen", "2026-11-27"), (T, "over drie dagen", "2026-11-27"), (T, "over twee weken", "2026-12-08"),
    (T, "over 2 weken", "2026-12-08"), (T, "over een week", "2026-12-01"), (T, "over één week", "2026-12-01"),
    (T, "over een maand", "2026-12-24"), (T, "over 3 maanden", "2027-02-24"), (T, "over zes maanden", "2027-05-24"),
    (T, "binnen 14 dagen", "2026-12-08"), (T, "in 10 days", "2026-12-04"), (T, "in 3 weeks", "2026-12-15"),
    (T, "in two weeks", "2026-12-08"), (T, "in a month", "2026-12-24"), (T, "over een jaar", "2027-11-24"),
    (T, "over tien dagen", "2026-12-04"), (T, "over twintig dagen", "2026-12-14"),
    # werkdagen
    (T, "binnen 5 werkdagen", "2026-12-01"), (T, "over 10 werkdagen", "2026-12-08"),
    (T, "binnen tien werkdagen", "2026-12-08"), (T, "in 3 working days", "2026-11-27"),
    (T, "within 5 business days", "2026-12-01"), (T, "1 werkdag", "2026-11-25"),
    (T, "over 20 werkdagen", "2026-12-22"), (T, "over 25 werkdagen", "2026-12-30"),
    (T, "over 30 werkdagen", "2027-01-07"),
    # end and middle of month, year
    (T, "eind november", "2026-11-30"), (T, "eind december", "2026-12-31"), (T, "eind januari", "2027-01-31"),
    (T, "eind feb", "2027-02-28"), (T, "eind februari 2028", "2028-02-29"), (T, "einde maart", "2027-03-31"),
    (T, "eind van de maand", "2026-11-30"), (T, "eind deze maand", "2026-11-30"),
    (T, "eind volgende maand", "2026-12-31"), (T, "eind van het jaar", "2026-12-31"),
    (T, "eind dit jaar", "2026-12-31"), (T, "eind 2027", "2027-12-31"), (T, "end of March", "2027-03-31"),
    (T, "end of the month", "2026-11-30"), (T, "end of next month", "2026-12-31"),
    (T, "end of the year", "2026-12-31"), (T, "eind oktober", "2027-10-31"), (T, "end of January", "2027-01-31"),
    (T, "medio januari", "2027-01-15"), (T, "half maart", "2027-03-15"), (T, "medio november", "2027-11-15"),
    (T, "medio december", "2026-12-15"), (T, "mid March", "2027-03-15"), (T, "mid-April", "2027-04-15"),
    # quarters
    (T, "Q1", "2027-03-31"), (T, "Q4", "2026-12-31"), (T, "eind Q1", "2027-03-31"), (T, "eind Q2", "2027-06-30"),
    (T, "Q3 2027", "2027-09-30"), (T, "eerste kwartaal", "2027-03-31"), (T, "tweede kwartaal", "2027-06-30"),
    (T, "vierde kwartaal", "2026-12-31"), (T, "derde kwartaal", "2027-09-30"),
    (T, "eind eerste kwartaal 2027", "2027-03-31"), (T, "end of Q2", "2027-06-30"),
    (T, "first quarter", "2027-03-31"), (T, "Q2 2027", "2027-06-30"), (T, "Q5", "?date_unknown"),
    # ISO weeks: the Friday
    (T, "week 50", "2026-12-11"), (T, "wk 48", "2026-11-27"), (T, "week 47", "2027-11-26"),
    (T, "week 2", "2027-01-15"), (T, "week 1", "2027-01-08"), (T, "in week 52", "2026-12-25"),
    (T, "week 53", "2027-01-01"), (T, "week 54", "?date_impossible"),
    # numbers, day first
    (T, "4-12", "2026-12-04"), (T, "4/12", "2026-12-04"), (T, "24-11", "2026-11-24"), (T, "23-11", "2027-11-23"),
    (T, "15/01/2027", "2027-01-15"), (T, "15-1-27", "2027-01-15"), (T, "2027-01-15", "2027-01-15"),
    (T, "15.01.2027", "2027-01-15"), (T, "1-3", "2027-03-01"), (T, "29-2", "2028-02-29"),
    (T, "29 februari", "2028-02-29"), (T, "29-02-2027", "?date_impossible"), (T, "30 februari", "?date_impossible"),
    (T, "31 april", "?date_impossible"), (T, "13-13-2027", "?date_impossible"), (T, "32-1", "?date_impossible"),
    # month names, filler words, weekday checks
    (T, "1 maart", "2027-03-01"), (T, "uiterlijk 1 maart", "2027-03-01"), (T, "voor 1 maart", "2027-03-01"),
    (T, "vóór 1 maart", "2027-03-01"), (T, "per 1 januari", "2027-01-01"), (T, "op 3 december", "2026-12-03"),
    (T, "deadline 15 januari", "2027-01-15"), (T, "t/m 4 december", "2026-12-04"),
    (T, "tot en met 4 december", "2026-12-04"), (T, "uiterlijk op vrijdag", "2026-11-27"),
    (T, "Uiterlijk Vrijdag.", "2026-11-27"), (T, "by Friday", "2026-11-27"), (T, "before 1 March", "2027-03-01"),
    (T, "no later than 15 January 2027", "2027-01-15"), (T, "4 december", "2026-12-04"), (T, "4 dec", "2026-12-04"),
    (T, "4 dec.", "2026-12-04"), (T, "4e december", "2026-12-04"), (T, "1ste april", "2027-04-01"),
    (T, "December 4", "2026-12-04"), (T, "December 4th, 2026", "2026-12-04"), (T, "4th of December", "2026-12-04"),
    (T, "the 4th of December", "2026-12-04"), (T, "dinsdag 1 december", "2026-12-01"), (T, "di 1 dec", "2026-12-01"),
    (T, "woensdag 1 december", "?date_weekday_mismatch"), (T, "Tuesday 1 December", "2026-12-01"),
    (T, "Tuesday, December 1", "2026-12-01"), (T, "15 januari 2027", "2027-01-15"),
    (T, "15 januari '27", "2027-01-15"), (T, "1 januari", "2027-01-01"), (T, "24 november", "2026-11-24"),
    (T, "23 november", "2027-11-23"), (T, "vrijdag om 12:00", "2026-11-27"),
    (T, "15 maart 2027 om 10 uur", "2027-03-15"), (T, "3rd of March 2027", "2027-03-03"),
    (T, "vrijdag 27-11", "2026-11-27"), (T, "do 26/11/2026", "2026-11-26"), (T, "vrijdag 26-11", "?date_weekday_mismatch"),
    (T, "4 december a.s.", "2026-12-04"), (T, "over vijfentwintig dagen", "2026-12-19"),
    (T, "over tweeëntwintig werkdagen", "2026-12-24"), (T, "in twenty-one days", "2026-12-15"),
    (T, "volgende week op vrijdag", "2026-12-04"), (T, "het eerste kwartaal van 2027", "2027-03-31"),
    (T, "week 3 van 2027", "2027-01-22"), (T, "eind week 50", "2026-12-11"), (T, "deadline: 1 maart", "2027-03-01"),
    (T, "over dertig dagen", "2026-12-24"), (T, "March 1, 2027", "2027-03-01"), (T, "10.30", "?date_impossible"), (T, "maart 2027", "?date_unknown"),
    # refusals: vague, past, empty
    (T, "1 januari 2020", "?date_past"), (T, "gisteren", "?date_past"), (T, "zsm", "?date_vague"),
    (T, "z.s.m.", "?date_vague"), (T, "asap", "?date_vague"), (T, "binnenkort", "?date_vague"),
    (T, "voor de zomer", "?date_vague"), (T, "na het reces", "?date_vague"), (T, "na de zomer", "?date_vague"),
    (T, "begin volgend jaar", "?date_vague"), (T, "volgend jaar", "?date_unknown"), (T, "later", "?date_vague"),
    (T, "maart", "?date_unknown"), (T, "eind", "?date_unknown"), (T, "", "?date_empty"), (T, "soon", "?date_vague"),
    (T, "nnb", "?date_vague"),
    # around Christmas and New Year
    ("2026-12-18", "over 5 werkdagen", "2026-12-28"), ("2026-12-23", "over 3 werkdagen", "2026-12-29"),
    ("2026-12-30", "over 2 werkdagen", "2027-01-04"), ("2026-12-30", "morgen", "2026-12-31"),
    ("2026-12-30", "eind januari", "2027-01-31"), ("2026-12-30", "1 januari", "2027-01-01"),
    ("2026-12-30", "week 1", "2027-01-08"), ("2026-12-30", "week 53", "2027-01-01"),
    ("2026-12-30", "eind van het jaar", "2026-12-31"), ("2026-12-30", "Q1", "2027-03-31"),
    ("2026-12-30", "over een maand", "2027-01-30"), ("2026-12-30", "volgende week maandag", "2027-01-04"),
    ("2026-12-31", "over een maand", "2027-01-31"), ("2026-12-31", "over 2 maanden", "2027-02-28"),
    ("2026-12-31", "vrijdag", "2027-01-01"), ("2026-12-28", "Q4", "2026-12-31"),
    ("2026-12-28", "medio december", "2027-12-15"), ("2026-12-28", "4-1", "2027-01-04"),
    ("2026-12-28", "volgende week vrijdag", "2027-01-08"),
    # Easter, Koningsdag, 5 May, Ascension, Whit Monday
    ("2027-03-24", "over 2 werkdagen", "2027-03-26"), ("2027-03-24", "over 3 werkdagen", "2027-03-30"),
    ("2027-04-23", "over 2 werkdagen", "2027-04-28"), ("2027-05-03", "over 3 werkdagen", "2027-05-10"),
    ("2026-05-04", "over 1 werkdag", "2026-05-06"), ("2027-05-14", "over 1 werkdag", "2027-05-18"),
    # leap years
    ("2028-02-27", "over 2 dagen", "2028-02-29"), ("2028-02-27", "eind februari", "2028-02-29"),
    ("2028-01-31", "over een maand", "2028-02-29"), ("2028-02-29", "over een jaar", "2029-02-28"),
    ("2028-03-01", "29 februari", "2032-02-29"),
]


@pytest.mark.parametrize("today,phrase,expected", TABLE, ids=[f"{t} {p!r}" for t, p, _ in TABLE])
def test_phrase(today, phrase, expected):
    reading = read_date(phrase, date.fromisoformat(today))
    if expected.startswith("?"):
        assert (reading.value, reading.problem) == (None, expected[1:])
    else:
        assert reading.value == date.fromisoformat(expected), reading


def test_table_is_large_enough():
    assert len(TABLE) >= 150


def test_good_friday_can_count_as_a_holiday():
    easter_week = date(2027, 3, 24)
    assert read_date("over 2 werkdagen", easter_week).value == date(2027, 3, 26)
    assert read_date("over 2 werkdagen", easter_week, work=WorkCalendar(good_friday_is_holiday=True)).value == \
        date(2027, 3, 30)


def test_adoption_dates_look_back():
    today = date(2026, 11, 24)
    assert read_date("20 november", today, past=True).value == date(2026, 11, 20)
    assert read_date("1 december", today, past=True).value == date(2025, 12, 1)
    assert read_date("gisteren", today, past=True).value == date(2026, 11, 23)
    assert read_date("1-1-2030", today, past=True).problem == "date_future"


# -- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
words = st.sampled_from(["over", "binnen", "eind", "medio", "week", "Q2", "vrijdag", "volgende", "deze", "maart",
                         "werkdagen", "dagen", "3", "twee", "29", "februari", "-", "/", "uiterlijk", "t/m", "2027",
                         "zsm", "kwartaal", "eerste", "12", "in", "days", "next", "of", "the", "30", "13"])


@settings(max_examples=400, deadline=None)
@given(today=days, phrase=st.one_of(st.text(max_size=40), st.lists(words, min_size=1, max_size=5).map(" ".join)))
def test_never_an_exception_never_a_past_date(today, phrase):
    reading = read_date(phrase, today)
    assert reading.ok != (reading.problem is not None)
    if reading.ok:
        assert reading.value >= today


@settings(max_examples=200, deadline=None)
@given(today=days, n=st.integers(min_value=1, max_value=60), good_friday=st.booleans())
def test_working_days_land_on_a_working_day_and_grow_with_n(today, n, good_friday):
    work = WorkCalendar(good_friday)
    first = read_date(f"over {n} werkdagen", today, work=work).value
    second = read_date(f"binnen {n + 1} werkdagen", today, work=work).value
    assert work.is_working_day(first) and first > today and second > first
    assert work.between(today, first) == n


def test_five_may_is_off_every_year_and_good_friday_only_when_configured():
    work = WorkCalendar()
    assert all(not work.is_working_day(date(year, 5, 5)) for year in range(2024, 2036) if date(year, 5, 5).weekday() < 5)
    assert work.is_working_day(date(2027, 3, 26)) and not WorkCalendar(True).is_working_day(date(2027, 3, 26))
    assert not work.is_working_day(date(2027, 3, 29)) and not work.is_working_day(date(2027, 4, 27))
    assert work.add(date(2027, 5, 4), 1) == date(2027, 5, 7) and work.add(date(2027, 5, 7), -1) == date(2027, 5, 4)
    assert work.between(date(2027, 5, 4), date(2027, 5, 4) + timedelta(days=3)) == 1
