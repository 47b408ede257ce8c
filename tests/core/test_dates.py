"""The deadline reader against the conventions of PRODUCT.md "Deadlines". Each row: the day it is,
what someone typed, and the date the bot must understand, or `?problem` where it must ask."""
from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import given, settings, strategies as st

from core.dates import read_date
from core.workdays import WorkCalendar

T = "2026-11-24"  # a Tuesday, ISO week 48
W = "2026-11-25"  # a Wednesday, ISO week 48

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
    (T, "end of the year", "2026-12-31"), (T, "eind oktober", "?date_recent_past"), (T, "end of January", "2027-01-31"),
    (T, "medio januari", "2027-01-15"), (T, "half maart", "2027-03-15"), (T, "medio november", "?date_recent_past"),
    (T, "medio december", "2026-12-15"), (T, "mid March", "2027-03-15"), (T, "mid-April", "2027-04-15"),
    # quarters
    (T, "Q1", "2027-03-31"), (T, "Q4", "2026-12-31"), (T, "eind Q1", "2027-03-31"), (T, "eind Q2", "2027-06-30"),
    (T, "Q3 2027", "2027-09-30"), (T, "eerste kwartaal", "2027-03-31"), (T, "tweede kwartaal", "2027-06-30"),
    (T, "vierde kwartaal", "2026-12-31"), (T, "derde kwartaal", "2027-09-30"),
    (T, "eind eerste kwartaal 2027", "2027-03-31"), (T, "end of Q2", "2027-06-30"),
    (T, "first quarter", "2027-03-31"), (T, "Q2 2027", "2027-06-30"), (T, "Q5", "?date_unknown"),
    # ISO weeks: the Friday
    (T, "week 50", "2026-12-11"), (T, "wk 48", "2026-11-27"), (T, "week 47", "?date_recent_past"),
    (T, "week 2", "2027-01-15"), (T, "week 1", "2027-01-08"), (T, "in week 52", "2026-12-25"),
    (T, "week 53", "2027-01-01"), (T, "week 54", "?date_impossible"),
    # numbers, day first
    (T, "4-12", "2026-12-04"), (T, "4/12", "2026-12-04"), (T, "24-11", "2026-11-24"), (T, "23-11", "?date_recent_past"),
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
    (T, "23 november", "?date_recent_past"), (T, "vrijdag om 12:00", "2026-11-27"),
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
    ("2026-12-28", "medio december", "?date_recent_past"), ("2026-12-28", "4-1", "2027-01-04"),
    ("2026-12-28", "volgende week vrijdag", "2027-01-08"),
    # Easter, Koningsdag, 5 May, Ascension, Whit Monday
    ("2027-03-24", "over 2 werkdagen", "2027-03-26"), ("2027-03-24", "over 3 werkdagen", "2027-03-30"),
    ("2027-04-23", "over 2 werkdagen", "2027-04-28"), ("2027-05-03", "over 3 werkdagen", "2027-05-10"),
    ("2026-05-04", "over 1 werkdag", "2026-05-06"), ("2027-05-14", "over 1 werkdag", "2027-05-18"),
    # leap years
    ("2028-02-27", "over 2 dagen", "2028-02-29"), ("2028-02-27", "eind februari", "2028-02-29"),
    ("2028-01-31", "over een maand", "2028-02-29"), ("2028-02-29", "over een jaar", "2029-02-28"),
    ("2028-03-01", "29 februari", "?date_recent_past"), ("2028-04-15", "29 februari", "2032-02-29"),
    # PRODUCT.md conventions added since, and the phrases users reported (today Wed 25 Nov 2026)
    (W, "binnen 3 dagen", "2026-11-28"), (W, "over een half jaar", "2027-05-25"), (W, "anderhalve week", "?date_vague"),
    (W, "over anderhalve week", "?date_vague"), ("2027-01-31", "over een maand", "2027-02-28"),
    ("2028-01-31", "binnen 1 maand", "2028-02-29"),
    (W, "eind van de week", "2026-11-27"), (W, "eind week", "2026-11-27"), (W, "eind volgende week", "2026-12-04"),
    (W, "volgende week", "2026-12-04"), (W, "deze week", "2026-11-27"), ("2026-11-28", "eind van de week", "?date_past"),
    (W, "week 48", "2026-11-27"), (W, "wk 50", "2026-12-11"), (W, "week 53", "2027-01-01"),
    ("2027-03-01", "week 53", "?date_impossible"), (W, "week 0", "?date_impossible"),
    (W, "in januari", "2027-01-31"), (W, "in januari 2028", "2028-01-31"), (W, "eind dit kwartaal", "2026-12-31"),
    (W, "eind volgend kwartaal", "2027-03-31"), (W, "volgend kwartaal", "2027-03-31"),
    ("2027-11-10", "eind volgend kwartaal", "2028-03-31"), (W, "eerste kwartaal", "2027-03-31"),
    (W, "medio december", "2026-12-15"), (W, "medio volgende maand", "2026-12-15"), (W, "halverwege januari", "2027-01-15"),
    (W, "half november", "?date_recent_past"),
    (W, "begin december", "2026-12-01"), (W, "begin januari", "2027-01-04"), (W, "begin volgende maand", "2026-12-01"),
    (W, "begin Q2", "2027-04-01"), (W, "begin Q1", "2027-01-04"), (W, "begin november", "?date_recent_past"),
    ("2027-04-20", "begin mei", "2027-05-03"), (W, "begin volgend jaar", "?date_vague"),
    (W, "vrijdag over 2 weken", "2026-12-11"), (W, "maandag over 3 weken", "2026-12-14"),
    (W, "vandaag nog", "2026-11-25"), (W, "morgenochtend", "2026-11-26"), (W, "morgen middag", "2026-11-26"),
    (W, "Koningsdag", "2027-04-27"), ("2025-04-01", "koningsdag", "2025-04-26"), (W, "Kerst", "2026-12-25"),
    (W, "kerstmis", "2026-12-25"), (W, "oudjaarsdag", "2026-12-31"), ("2026-12-31", "oudjaarsdag", "2026-12-31"),
    (W, "voor de kerst", "?date_vague"), (W, "na de kerst", "?date_vague"), (W, "voor de zomer", "?date_vague"),
    (W, "na het reces", "?date_vague"), (W, "na de verkiezingen", "?date_vague"), (W, "rond de jaarwisseling", "?date_vague"),
    (W, "a.s. vrijdag", "2026-11-27"), (W, "uiterlijk a.s. maandag", "2026-11-30"), (W, "8-1-27", "2027-01-08"),
    (W, "14.12.2026", "2026-12-14"), (W, "woensdag 2 december", "2026-12-02"), (W, "dinsdag 2 december", "?date_weekday_mismatch"),
    (W, "wo 2026-12-02", "2026-12-02"), (W, "eind januari", "2027-01-31"), (W, "31-12-9999", "?date_too_far"),
    (W, "over 999 jaar", "?date_too_far"), (W, "week 99", "?date_impossible"), (W, "2037-01-01", "?date_too_far"),
    (W, "2036-11-25", "2036-11-25"), (W, "20 november j.l.", "?date_past"),
]

W = "2026-11-25"  # a Wednesday, ISO week 48

# The day something happened (`op:`), read backwards by the same grammar.
PAST = [
    (W, "vandaag", "2026-11-25"), (W, "gisteren", "2026-11-24"), (W, "eergisteren", "2026-11-23"),
    (W, "3 dagen geleden", "2026-11-22"), (W, "twee weken geleden", "2026-11-11"), (W, "een maand geleden", "2026-10-25"),
    (W, "2 days ago", "2026-11-23"), (W, "yesterday", "2026-11-24"),
    (W, "vorige week dinsdag", "2026-11-17"), (W, "dinsdag vorige week", "2026-11-17"), (W, "last week Friday", "2026-11-20"),
    (W, "afgelopen maandag", "2026-11-23"), (W, "afgelopen woensdag", "2026-11-18"), (W, "last Monday", "2026-11-23"),
    (W, "dinsdag", "2026-11-24"), (W, "woensdag", "2026-11-25"), (W, "vrijdag", "2026-11-20"),
    (W, "20 november", "2026-11-20"), (W, "20-11", "2026-11-20"), (W, "20-11-2026", "2026-11-20"),
    (W, "1 januari", "2026-01-01"), (W, "30 december", "2025-12-30"), (W, "2 december", "?date_recent_future"),
    (W, "15 december", "?date_recent_future"), (W, "20 november j.l.", "2026-11-20"), (W, "maandag j.l.", "2026-11-23"),
    (W, "2 december jl", "?date_recent_future"), (W, "dinsdag 24 november", "2026-11-24"),
    (W, "maandag 24 november", "?date_weekday_mismatch"), (W, "29 februari", "2024-02-29"),
    (W, "eind oktober", "2026-10-31"), (W, "week 46", "2026-11-13"), (W, "1 januari 2010", "?date_too_old"),
    # what users saw read a year back or on the wrong weekday, now refused
    (W, "morgen", "?date_future"), (W, "volgende week vrijdag", "?date_future"), (W, "over 3 dagen", "?date_future"),
    (W, "1-1-2030", "?date_future"), (W, "zsm", "?date_vague"), (W, "", "?date_empty"),
]


@pytest.mark.parametrize("today,phrase,expected", TABLE, ids=[f"{t} {p!r}" for t, p, _ in TABLE])
def test_phrase(today, phrase, expected):
    reading = read_date(phrase, date.fromisoformat(today))
    if expected.startswith("?"):
        assert (reading.value, reading.problem) == (None, expected[1:])
    else:
        assert reading.value == date.fromisoformat(expected), reading


@pytest.mark.parametrize("today,phrase,expected", PAST, ids=[f"{t} {p!r}" for t, p, _ in PAST])
def test_past_phrase(today, phrase, expected):
    reading = read_date(phrase, date.fromisoformat(today), past=True)
    if expected.startswith("?"):
        assert (reading.value, reading.problem) == (None, expected[1:])
    else:
        assert reading.value == date.fromisoformat(expected), reading


def test_good_friday_can_count_as_a_holiday():
    easter_week = date(2027, 3, 24)
    assert read_date("over 2 werkdagen", easter_week).value == date(2027, 3, 26)
    assert read_date("over 2 werkdagen", easter_week, work=WorkCalendar(good_friday_is_holiday=True)).value == \
        date(2027, 3, 30)


def test_a_question_carries_what_it_asks_about():
    reading = read_date("15 november", date(2026, 11, 21))
    assert reading.problem == "date_recent_past"
    assert (reading.params["date"], reading.params["other"], reading.params["days"]) == (
        date(2026, 11, 15), date(2027, 11, 15), 6)


# -- properties ---------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
words = st.sampled_from(["over", "binnen", "eind", "medio", "week", "Q2", "vrijdag", "volgende", "deze", "maart",
                         "werkdagen", "dagen", "3", "twee", "29", "februari", "-", "/", "uiterlijk", "t/m", "2027",
                         "zsm", "kwartaal", "eerste", "12", "in", "days", "next", "of", "the", "30", "13", "geleden",
                         "vorige", "afgelopen", "j.l.", "begin", "kerst", "dinsdag", "di", "9999", "999", "jaar"])
phrases = st.one_of(st.text(max_size=40), st.lists(words, min_size=1, max_size=5).map(" ".join))


@settings(max_examples=500, deadline=None)
@given(today=days, phrase=phrases)
def test_forward_never_in_the_past_backward_never_in_the_future_never_an_exception(today, phrase):
    forward, backward = read_date(phrase, today), read_date(phrase, today, past=True)
    for reading in (forward, backward):
        assert reading.ok != (reading.problem is not None)
    if forward.ok:
        assert today <= forward.value <= date(today.year + 10, 12, 31)
    if backward.ok:
        assert date(today.year - 11, 1, 1) <= backward.value <= today


NAMES = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}


@settings(max_examples=300, deadline=None)
@given(today=days, name=st.sampled_from(sorted(NAMES)), shape=st.sampled_from(
    ["{d}", "volgende week {d}", "{d} volgende week", "deze week {d}", "aanstaande {d}", "{d} a.s.",
     "{d} over 2 weken", "vorige week {d}", "afgelopen {d}", "{d} j.l.", "{d} 2 december", "{d} 15-01-2027"]),
       past=st.booleans())
def test_a_named_weekday_always_matches_the_date(today, name, shape, past):
    reading = read_date(shape.format(d=name), today, past=past)
    assert not reading.ok or reading.value.weekday() == NAMES[name]


def oracle_days_off(year: int, good_friday: bool) -> set[date]:
    """Independent of WorkCalendar: the holidays package's list, 5 May every year, and Good
    Friday only when configured (PRODUCT.md)."""
    days = {d for d in holidays.NL(years=year)}
    days.add(date(year, 5, 5))
    good = [d for d, name in holidays.NL(years=year).items() if "Goede" in name or "Good" in name]
    days -= set(good)
    if good_friday:
        days |= set(good) or {easter(year) - timedelta(days=2)}
    return days


def oracle_add(day: date, n: int, good_friday: bool) -> date:
    while n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in oracle_days_off(day.year, good_friday):
            n -= 1
    return day


@settings(max_examples=200, deadline=None)
@given(today=days, n=st.integers(min_value=1, max_value=60), good_friday=st.booleans())
def test_working_days_agree_with_an_independent_calendar(today, n, good_friday):
    work = WorkCalendar(good_friday)
    assert read_date(f"over {n} werkdagen", today, work=work).value == oracle_add(today, n, good_friday)
    assert read_date(f"binnen {n} werkdagen", today, work=work).value == oracle_add(today, n, good_friday)


def test_five_may_is_off_every_year_and_good_friday_only_when_configured():
    work = WorkCalendar()
    assert all(not work.is_working_day(date(year, 5, 5)) for year in range(2024, 2036) if date(year, 5, 5).weekday() < 5)
    assert work.is_working_day(date(2027, 3, 26)) and not WorkCalendar(True).is_working_day(date(2027, 3, 26))
    assert not work.is_working_day(date(2027, 3, 29)) and not work.is_working_day(date(2027, 4, 27))
    assert work.add(date(2027, 5, 4), 1) == date(2027, 5, 7) and work.add(date(2027, 5, 7), -1) == date(2027, 5, 4)
