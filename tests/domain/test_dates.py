"""The date reader against the conventions of PRODUCT.md "Deadlines", both directions. Each row of
the two tables: the day it is, what someone typed, and the date the bot must understand, or
`?problem` where it must ask. FORWARD reads deadlines; BACKWARD reads the day something happened
(`op:` of `vastgesteld`/`afgewezen`, read_date(..., past=True))."""
from __future__ import annotations

import string
from datetime import date, timedelta

import holidays
from dateutil.relativedelta import relativedelta
import pytest
from hypothesis import given, settings, strategies as st

from commands.replies import render
from domain.dates import WEEKDAYS, read_date
from domain.texts import TEXTS
from domain.workdays import WorkCalendar

T = "2026-11-24"  # a Tuesday, ISO week 48
U = "2026-11-25"  # a Wednesday: the day of the user reports
S = "2026-11-28"  # a Saturday

FORWARD = [
    # -- named days ------------------------------------------------------------------------------
    (T, "vandaag", "2026-11-24"), (T, "vandaag nog", "2026-11-24"), (T, "today", "2026-11-24"),
    (T, "morgen", "2026-11-25"), (T, "morgenochtend", "2026-11-25"), (T, "morgenmiddag", "2026-11-25"),
    (T, "tomorrow", "2026-11-25"), (T, "overmorgen", "2026-11-26"), (T, "morgen om 10 uur", "2026-11-25"),
    (U, "Koningsdag", "2027-04-27"), ("2024-06-15", "Koningsdag", "2025-04-26"),  # 27 April 2025 is a Sunday
    ("2025-01-10", "koningsdag 2025", "2025-04-26"), (U, "uiterlijk Koningsdag", "2027-04-27"),
    (U, "Kerst", "2026-12-25"), (U, "kerstmis", "2026-12-25"), (U, "eerste kerstdag", "2026-12-25"),
    (U, "oudjaarsdag", "2026-12-31"), (U, "oudejaarsdag", "2026-12-31"), ("2026-12-31", "oudjaarsdag", "2026-12-31"),
    ("2026-12-28", "kerst", "?date_recent_past"), ("2027-02-20", "kerst", "2027-12-25"),
    # -- weekdays: the next one after today; in a named week; over N weeks --------------------------
    (T, "vrijdag", "2026-11-27"), (T, "dinsdag", "2026-12-01"), (T, "maandag", "2026-11-30"),
    (T, "zondag", "2026-11-29"), (T, "ma", "2026-11-30"), (T, "vr", "2026-11-27"), (T, "Friday", "2026-11-27"),
    (T, "wed", "2026-11-25"), (T, "vrijdagmiddag", "2026-11-27"),
    (T, "volgende week dinsdag", "2026-12-01"), (T, "volgende week vrijdag", "2026-12-04"),
    (T, "vrijdag volgende week", "2026-12-04"), (T, "maandag volgende week", "2026-11-30"),
    (T, "next week Tuesday", "2026-12-01"), (T, "Friday next week", "2026-12-04"),
    (T, "deze week vrijdag", "2026-11-27"), (T, "donderdag deze week", "2026-11-26"),
    (T, "deze week dinsdag", "2026-11-24"), (T, "deze week maandag", "?date_past"),
    (T, "this week Thursday", "2026-11-26"), (T, "aanstaande vrijdag", "2026-11-27"),
    (T, "komende maandag", "2026-11-30"), (T, "vrijdag a.s.", "2026-11-27"), (T, "dinsdag aanstaande", "2026-12-01"),
    (T, "volgende vrijdag", "?date_ambiguous"), (T, "next Friday", "?date_ambiguous"),
    (T, "volgende dinsdag", "2026-12-01"), (T, "volgende week op vrijdag", "2026-12-04"),
    (U, "vrijdag over 2 weken", "2026-12-11"), (U, "maandag over twee weken", "2026-12-07"),
    (U, "over 3 weken op dinsdag", "2026-12-15"), (U, "Friday in 2 weeks", "2026-12-11"),
    ("2026-12-30", "volgende week maandag", "2027-01-04"), ("2026-12-28", "volgende week vrijdag", "2027-01-08"),
    ("2026-12-31", "vrijdag", "2027-01-01"), (S, "zaterdag", "2026-12-05"), (S, "volgende zondag", "?date_ambiguous"),
    # -- a weekday next to a date must match it ---------------------------------------------------------
    (T, "dinsdag 1 december", "2026-12-01"), (T, "di 1 dec", "2026-12-01"), (T, "woensdag 1 december", "?date_weekday_mismatch"),
    (T, "Tuesday 1 December", "2026-12-01"), (T, "Tuesday, December 1", "2026-12-01"),
    (T, "vrijdag 27-11", "2026-11-27"), (T, "do 26/11/2026", "2026-11-26"), (T, "vrijdag 26-11", "?date_weekday_mismatch"),
    (T, "vr 8-1-27", "2027-01-08"), (T, "vrijdag 2027-01-15", "2027-01-15"), (T, "maandag 2027-01-15", "?date_weekday_mismatch"),
    (U, "di 16 nov", "2027-11-16"),     # 16 Nov 2026 was a Monday, 16 Nov 2027 is a Tuesday: the weekday settles it
    (U, "di 17 nov", "?date_past"),     # 17 Nov 2026 was that Tuesday
    (T, "vrijdag 4 december a.s.", "2026-12-04"),
    # -- over / binnen / in N days, weeks, months, years ---------------------------------------------------
    (T, "over 3 dagen", "2026-11-27"), (T, "over drie dagen", "2026-11-27"), (T, "over twee weken", "2026-12-08"),
    (T, "over 2 weken", "2026-12-08"), (T, "over een week", "2026-12-01"), (T, "over één week", "2026-12-01"),
    (T, "over een maand", "2026-12-24"), (T, "over 3 maanden", "2027-02-24"), (T, "over zes maanden", "2027-05-24"),
    (T, "binnen 14 dagen", "2026-12-08"), (T, "binnen 2 weken", "2026-12-08"), (T, "binnen 3 maanden", "2027-02-24"),
    (T, "binnen een maand", "2026-12-24"), (T, "in 10 days", "2026-12-04"), (T, "in 3 weeks", "2026-12-15"),
    (T, "in two weeks", "2026-12-08"), (T, "in a month", "2026-12-24"), (T, "over een jaar", "2027-11-24"),
    (T, "over tien dagen", "2026-12-04"), (T, "over twintig dagen", "2026-12-14"), (T, "over dertig dagen", "2026-12-24"),
    (T, "over vijfentwintig dagen", "2026-12-19"), (T, "in twenty-one days", "2026-12-15"),
    (T, "over een half jaar", "2027-05-24"), (T, "binnen een half jaar", "2027-05-24"), (T, "in half a year", "2027-05-24"),
    (T, "over anderhalve week", "?date_vague"), (T, "binnen anderhalve week", "?date_vague"),
    (T, "over 2 jaar", "2028-11-24"),
    ("2027-01-31", "over een maand", "2027-02-28"), ("2028-01-31", "over een maand", "2028-02-29"),  # months clamp
    ("2026-12-31", "over 2 maanden", "2027-02-28"), ("2026-12-30", "over een maand", "2027-01-30"),
    ("2026-12-31", "over een maand", "2027-01-31"), ("2027-03-31", "over 1 maand", "2027-04-30"),
    ("2028-02-29", "over een jaar", "2029-02-28"), ("2028-02-27", "over 2 dagen", "2028-02-29"),
    # -- working days: Mon-Fri minus NL public holidays and 5 May; Good Friday works --------------------------
    (T, "binnen 5 werkdagen", "2026-12-01"), (T, "over 10 werkdagen", "2026-12-08"),
    (T, "binnen tien werkdagen", "2026-12-08"), (T, "in 3 working days", "2026-11-27"),
    (T, "within 5 business days", "2026-12-01"), (T, "1 werkdag", "2026-11-25"),
    (T, "over 20 werkdagen", "2026-12-22"), (T, "over 25 werkdagen", "2026-12-30"), (T, "over 30 werkdagen", "2027-01-07"),
    (T, "over tweeëntwintig werkdagen", "2026-12-24"),
    ("2026-12-18", "over 5 werkdagen", "2026-12-28"), ("2026-12-23", "over 3 werkdagen", "2026-12-29"),
    ("2026-12-30", "over 2 werkdagen", "2027-01-04"),
    ("2027-03-24", "over 2 werkdagen", "2027-03-26"),   # Good Friday 26 March 2027 is a working day
    ("2027-03-24", "over 3 werkdagen", "2027-03-30"),   # Easter Monday 29 March is not
    ("2027-04-23", "over 2 werkdagen", "2027-04-28"),   # Koningsdag, Tuesday 27 April 2027
    ("2025-04-25", "over 1 werkdag", "2025-04-28"),     # Koningsdag 2025 on Saturday 26 April
    ("2026-05-04", "over 1 werkdag", "2026-05-06"),     # 5 May, also outside lustrum years
    ("2027-05-03", "over 3 werkdagen", "2027-05-10"),   # 5 May and Ascension (6 May)
    ("2027-05-14", "over 1 werkdag", "2027-05-18"),     # Whit Monday, 17 May 2027
    # -- a period means its last day; a week its Friday; medio the 15th; begin the first working day -------
    (T, "eind november", "2026-11-30"), (T, "eind december", "2026-12-31"), (T, "eind januari", "2027-01-31"),
    (T, "eind feb", "2027-02-28"), (T, "eind februari 2028", "2028-02-29"), (T, "einde maart", "2027-03-31"),
    (T, "eind van de maand", "2026-11-30"), (T, "eind deze maand", "2026-11-30"), (T, "eind volgende maand", "2026-12-31"),
    (T, "end of the month", "2026-11-30"), (T, "end of next month", "2026-12-31"), (T, "end of March", "2027-03-31"),
    (T, "end of January", "2027-01-31"), (T, "eind september", "2027-09-30"),
    (T, "eind oktober", "?date_recent_past"),   # 31 Oct was 24 days ago: a slip more likely than next year
    (T, "in januari", "2027-01-31"), (T, "in november", "2026-11-30"), (T, "in februari 2028", "2028-02-29"),
    (T, "eind van het jaar", "2026-12-31"), (T, "eind dit jaar", "2026-12-31"), (T, "end of the year", "2026-12-31"),
    (T, "eind volgend jaar", "2027-12-31"), (T, "eind 2027", "2027-12-31"),
    ("2026-12-30", "eind van het jaar", "2026-12-31"), ("2026-12-30", "eind januari", "2027-01-31"),
    ("2027-01-31", "eind volgende maand", "2027-02-28"), ("2028-02-27", "eind februari", "2028-02-29"),
    (T, "Q1", "2027-03-31"), (T, "Q4", "2026-12-31"), (T, "eind Q1", "2027-03-31"), (T, "eind Q2", "2027-06-30"),
    (T, "Q3 2027", "2027-09-30"), (T, "Q2 2027", "2027-06-30"), (T, "eerste kwartaal", "2027-03-31"),
    (T, "tweede kwartaal", "2027-06-30"), (T, "derde kwartaal", "2027-09-30"), (T, "vierde kwartaal", "2026-12-31"),
    (T, "eind eerste kwartaal 2027", "2027-03-31"), (T, "het eerste kwartaal van 2027", "2027-03-31"),
    (T, "end of Q2", "2027-06-30"), (T, "first quarter", "2027-03-31"), (T, "Q5", "?date_unknown"),
    (T, "eind dit kwartaal", "2026-12-31"), (T, "eind van dit kwartaal", "2026-12-31"),
    (T, "eind volgend kwartaal", "2027-03-31"), (T, "eind van het volgende kwartaal", "2027-03-31"),
    ("2027-02-10", "eind dit kwartaal", "2027-03-31"), ("2027-02-10", "eind volgend kwartaal", "2027-06-30"),
    ("2026-12-28", "Q4", "2026-12-31"), ("2026-12-30", "Q1", "2027-03-31"), ("2027-01-10", "Q4", "?date_recent_past"),
    (T, "eind van de week", "2026-11-27"), (T, "eind week", "2026-11-27"), (T, "end of the week", "2026-11-27"),
    (T, "eind volgende week", "2026-12-04"), (T, "volgende week", "2026-12-04"), (T, "deze week", "2026-11-27"),
    (T, "next week", "2026-12-04"), (S, "deze week", "?date_past"), (S, "eind van de week", "?date_past"),
    (S, "volgende week", "2026-12-04"),
    (T, "week 50", "2026-12-11"), (T, "wk 48", "2026-11-27"), (T, "wk 2", "2027-01-15"), (T, "week 2", "2027-01-15"),
    (T, "week 1", "2027-01-08"), (T, "in week 52", "2026-12-25"), (T, "eind week 50", "2026-12-11"),
    (T, "week 3 van 2027", "2027-01-22"), (T, "week 53", "2027-01-01"),  # 2026 has an ISO week 53
    (T, "week 47", "?date_recent_past"),  # last week's Friday: asked back like a date
    ("2027-02-01", "week 53", "?date_impossible"), (T, "week 54", "?date_impossible"), (T, "week 0", "?date_impossible"),
    ("2026-12-30", "week 1", "2027-01-08"), ("2026-12-30", "week 53", "2027-01-01"),
    (T, "medio januari", "2027-01-15"), (T, "half maart", "2027-03-15"), (T, "halverwege maart", "2027-03-15"),
    (T, "medio december", "2026-12-15"), (T, "mid March", "2027-03-15"), (T, "mid-April", "2027-04-15"),
    (T, "medio volgende maand", "2026-12-15"), ("2026-12-20", "medio volgende maand", "2027-01-15"),
    (T, "medio november", "?date_recent_past"), ("2026-12-28", "medio december", "?date_recent_past"),
    (T, "begin januari", "2027-01-04"),   # 1 January 2027 is a holiday, then a weekend
    (T, "begin mei", "2027-05-03"), (T, "begin volgende maand", "2026-12-01"),
    ("2026-12-10", "begin volgende maand", "2027-01-04"), (T, "begin Q2", "2027-04-01"), (T, "begin Q1", "2027-01-04"),
    (T, "begin volgend jaar", "2027-01-04"), ("2026-03-20", "begin april 2026", "2026-04-01"),
    (T, "begin december", "2026-12-01"), (T, "begin november", "?date_recent_past"),
    # -- dates in numbers: day first, always ----------------------------------------------------------------
    (T, "4-12", "2026-12-04"), (T, "4/12", "2026-12-04"), (T, "24-11", "2026-11-24"), (T, "15/01/2027", "2027-01-15"),
    (T, "15-1-27", "2027-01-15"), (T, "8-1-27", "2027-01-08"), (T, "2027-01-15", "2027-01-15"),
    (T, "15.01.2027", "2027-01-15"), (T, "14.12.2026", "2026-12-14"), (T, "1-3", "2027-03-01"),
    (T, "29-2", "2028-02-29"), (T, "29-2-28", "2028-02-29"), (T, "31.12.26", "2026-12-31"),
    (T, "29-02-2027", "?date_impossible"), (T, "13-13-2027", "?date_impossible"), (T, "32-1", "?date_impossible"),
    (T, "10.30", "?date_impossible"), (T, "0-0-2027", "?date_impossible"),
    # -- month names, filler words, times of day ----------------------------------------------------------------
    (T, "1 maart", "2027-03-01"), (T, "uiterlijk 1 maart", "2027-03-01"), (T, "voor 1 maart", "2027-03-01"),
    (T, "vóór 1 maart", "2027-03-01"), (T, "per 1 januari", "2027-01-01"), (T, "op 3 december", "2026-12-03"),
    (T, "deadline 15 januari", "2027-01-15"), (T, "deadline: 1 maart", "2027-03-01"), (T, "t/m 4 december", "2026-12-04"),
    (T, "tot en met 4 december", "2026-12-04"), (T, "uiterlijk op vrijdag", "2026-11-27"),
    (T, "Uiterlijk Vrijdag.", "2026-11-27"), (T, "by Friday", "2026-11-27"), (T, "before 1 March", "2027-03-01"),
    (T, "no later than 15 January 2027", "2027-01-15"), (T, "4 december a.s.", "2026-12-04"),
    (T, "4 december aanstaande", "2026-12-04"), (T, "4 december", "2026-12-04"), (T, "4 dec", "2026-12-04"),
    (T, "4 dec.", "2026-12-04"), (T, "4e december", "2026-12-04"), (T, "1ste april", "2027-04-01"),
    (T, "December 4", "2026-12-04"), (T, "December 4th, 2026", "2026-12-04"), (T, "4th of December", "2026-12-04"),
    (T, "the 4th of December", "2026-12-04"), (T, "15 januari 2027", "2027-01-15"), (T, "15 januari '27", "2027-01-15"),
    (T, "1 januari", "2027-01-01"), (T, "24 november", "2026-11-24"), (T, "vrijdag om 12:00", "2026-11-27"),
    (T, "vrijdag 17:00", "2026-11-27"), (T, "4 december 12u", "2026-12-04"), (T, "vrijdag eind van de dag", "2026-11-27"),
    (T, "15 maart 2027 om 10 uur", "2027-03-15"), (T, "3rd of March 2027", "2027-03-03"), (T, "March 1, 2027", "2027-03-01"),
    (T, "maart 2027", "?date_unknown"), (T, "maart", "?date_unknown"), (T, "volgend jaar", "?date_unknown"),
    # -- a date without a year: next occurrence, today included; within the last 31 days: ask ----------------
    (T, "23 november", "?date_recent_past"), (T, "23-11", "?date_recent_past"),
    (T, "24 oktober", "?date_recent_past"),   # 31 days ago: still asked
    (T, "23 oktober", "2027-10-23"),          # 32 days ago: next year
    (U, "15 nov", "?date_recent_past"), ("2026-12-21", "15 dec", "?date_recent_past"),
    ("2026-12-30", "1 januari", "2027-01-01"), ("2026-12-28", "4-1", "2027-01-04"),
    (T, "29 februari", "2028-02-29"), ("2028-03-01", "29 februari", "?date_recent_past"),
    ("2028-04-02", "29 februari", "2032-02-29"), ("2028-02-29", "29 februari", "2028-02-29"),
    (T, "30 februari", "?date_impossible"), (T, "31 april", "?date_impossible"),
    # -- seasons, breaks, events and other phrases that name no day -----------------------------------------------
    (T, "zsm", "?date_vague"), (T, "z.s.m.", "?date_vague"), (T, "asap", "?date_vague"), (T, "binnenkort", "?date_vague"),
    (T, "soon", "?date_vague"), (T, "later", "?date_vague"), (T, "nnb", "?date_vague"),
    (T, "voor de zomer", "?date_vague"), (T, "na de zomer", "?date_vague"), (T, "na het reces", "?date_vague"),
    (T, "voor het zomerreces", "?date_vague"), (T, "na de verkiezingen", "?date_vague"), (T, "voor de kerst", "?date_vague"),
    (T, "voor kerst", "?date_vague"), (T, "na de kerstvakantie", "?date_vague"), (T, "voor de feestdagen", "?date_vague"),
    (T, "begin volgende week", "?date_vague"), (T, "eind", "?date_unknown"), (T, "", "?date_empty"),
    (T, "   ", "?date_empty"),
    # -- a day in the past, and more than 10 years ahead --------------------------------------------------------
    (T, "1 januari 2020", "?date_past"), (T, "gisteren", "?date_past"), (T, "3 dagen geleden", "?date_past"),
    (T, "afgelopen vrijdag", "?date_past"), (T, "vrijdag jl.", "?date_past"), (T, "20 november j.l.", "?date_past"),
    (T, "over 10 jaar", "2036-11-24"), (T, "over 11 jaar", "?date_too_far"), (T, "24-11-2036", "2036-11-24"),
    (T, "25-11-2036", "?date_too_far"), (T, "31-12-9999", "?date_too_far"), (T, "over 99999 jaar", "?date_too_far"),
    (T, "over 99999 dagen", "?date_too_far"), (T, "over 123456789012345678901234567890 dagen", "?date_too_far"),
    (T, "over 5000 werkdagen", "?date_too_far"), (T, "vrijdag over 9999 weken", "?date_too_far"),
    (T, "week 99", "?date_impossible"), (T, "eind 9999", "?date_too_far"),
    # -- the phrases users reported, today Wednesday 25 November 2026 ------------------------------------------
    (U, "binnen 3 weken", "2026-12-16"), (U, "anderhalve week", "?date_vague"), (U, "over een half jaar", "2027-05-25"),
    (U, "eind van de week", "2026-11-27"), (U, "eind volgende week", "2026-12-04"), (U, "volgende week", "2026-12-04"),
    (U, "deze week", "2026-11-27"), (U, "week 50", "2026-12-11"), (U, "wk 2", "2027-01-15"), (U, "in januari", "2027-01-31"),
    (U, "eind dit kwartaal", "2026-12-31"), (U, "eind volgend kwartaal", "2027-03-31"), (U, "eerste kwartaal", "2027-03-31"),
    (U, "medio januari", "2027-01-15"), (U, "half februari", "2027-02-15"), (U, "halverwege maart", "2027-03-15"),
    (U, "medio volgende maand", "2026-12-15"), (U, "begin februari", "2027-02-01"), (U, "begin volgende maand", "2026-12-01"),
    (U, "begin Q2", "2027-04-01"), (U, "vrijdag over 2 weken", "2026-12-11"), (U, "vandaag nog", "2026-11-25"),
    (U, "morgenochtend", "2026-11-26"), (U, "overmorgen", "2026-11-27"), (U, "Koningsdag", "2027-04-27"),
    (U, "Kerst", "2026-12-25"), (U, "oudjaarsdag", "2026-12-31"), (U, "voor de kerst", "?date_vague"),
    (U, "voor de zomer", "?date_vague"), (U, "na het reces", "?date_vague"), (U, "na de verkiezingen", "?date_vague"),
    (U, "uiterlijk vrijdag 12:00", "2026-11-27"), (U, "14.12.2026", "2026-12-14"), (U, "8-1-27", "2027-01-08"),
    (U, "2027-01-15", "2027-01-15"), (U, "15 nov", "?date_recent_past"), (U, "31-12-9999", "?date_too_far"),
    (U, "over 99999 jaar", "?date_too_far"), (U, "week 99", "?date_impossible"), (U, "volgende vrijdag", "?date_ambiguous"),
]

BACKWARD = [
    # -- counted from today ----------------------------------------------------------------------------------
    (U, "vandaag", "2026-11-25"), (U, "today", "2026-11-25"), (U, "gisteren", "2026-11-24"), (U, "yesterday", "2026-11-24"),
    (U, "eergisteren", "2026-11-23"), (U, "3 dagen geleden", "2026-11-22"), (U, "drie dagen geleden", "2026-11-22"),
    (U, "twee weken geleden", "2026-11-11"), (U, "2 weken geleden", "2026-11-11"), (U, "een week geleden", "2026-11-18"),
    (U, "vijfentwintig dagen geleden", "2026-10-31"), (U, "3 days ago", "2026-11-22"), (U, "2 weeks ago", "2026-11-11"),
    (U, "a week ago", "2026-11-18"), (U, "een maand geleden", "2026-10-25"), (U, "3 werkdagen geleden", "2026-11-20"),
    ("2027-03-31", "een maand geleden", "2027-02-28"), (U, "0 dagen geleden", "2026-11-25"),
    # -- weekdays: the last one, today included; afgelopen / last / j.l.: before today ----------------------------
    (U, "woensdag", "2026-11-25"), (U, "maandag", "2026-11-23"), (U, "vrijdag", "2026-11-20"), (U, "donderdag", "2026-11-19"),
    (U, "di", "2026-11-24"), (U, "Friday", "2026-11-20"),
    (U, "vorige week dinsdag", "2026-11-17"), (U, "dinsdag vorige week", "2026-11-17"), (U, "vorige week op maandag", "2026-11-16"),
    (U, "vorige week zondag", "2026-11-22"), (U, "last week Tuesday", "2026-11-17"),
    (U, "afgelopen vrijdag", "2026-11-20"), (U, "afgelopen woensdag", "2026-11-18"), (U, "afgelopen maandag", "2026-11-23"),
    (U, "last Friday", "2026-11-20"), (U, "last Wednesday", "2026-11-18"),
    (U, "vrijdag jl.", "2026-11-20"), (U, "vrijdag j.l.", "2026-11-20"), (U, "maandag jongstleden", "2026-11-23"),
    (U, "vrijdag twee weken geleden", "2026-11-13"),
    (U, "vorige vrijdag", "2026-11-20"),                # last Friday is in last week: one reading
    (S, "vorige vrijdag", "?date_ambiguous_past"),      # yesterday, or the Friday of last week? ask
    (S, "afgelopen vrijdag", "2026-11-27"), (S, "zaterdag", "2026-11-28"), (S, "afgelopen zaterdag", "2026-11-21"),
    (U, "deze week maandag", "2026-11-23"), (U, "deze week vrijdag", "?date_future"),
    # -- a date without a year: its last occurrence, today included; just ahead: ask -----------------------------
    (U, "20 november", "2026-11-20"), (U, "25 november", "2026-11-25"), (U, "20-11", "2026-11-20"),
    (U, "3 november jl.", "2026-11-03"), (U, "1 januari", "2026-01-01"), (U, "30 december", "2025-12-30"),
    (U, "2 december", "?date_near_future"),   # 2 Dec 2026 is a week ahead: 2 Dec 2025, or a slip? ask
    (U, "2 december jl.", "2025-12-02"), (U, "2 december j.l.", "2025-12-02"),  # jongstleden settles it
    (U, "26 december", "?date_near_future"), (U, "27 december", "2025-12-27"),  # 31 days ahead asked, 32 not
    (U, "vrijdag 20-11", "2026-11-20"), (U, "vr 20 nov", "2026-11-20"), (U, "donderdag 20-11", "?date_weekday_mismatch"),
    (U, "di 2 dec", "2025-12-02"),            # 2 Dec 2025 was a Tuesday; 2 Dec 2026 is a Wednesday
    (U, "wo 2 dec", "?date_future"),
    (U, "14.10.2026", "2026-10-14"), (U, "8-1-26", "2026-01-08"), (U, "2026-01-15", "2026-01-15"),
    (U, "20 november 2026", "2026-11-20"), (U, "1 december 2025", "2025-12-01"),
    ("2027-01-10", "29 februari", "2024-02-29"), ("2027-01-10", "29-2", "2024-02-29"), ("2028-03-01", "29 februari", "2028-02-29"),
    ("2026-01-05", "30 december", "2025-12-30"), ("2026-01-05", "31-12", "2025-12-31"),
    (U, "Koningsdag", "2026-04-27"), ("2025-06-01", "Koningsdag", "2025-04-26"), ("2026-01-05", "kerst", "2025-12-25"),
    (U, "kerst", "?date_near_future"), (U, "oudjaarsdag", "2025-12-31"),
    (U, "eind oktober", "2026-10-31"), (U, "medio november", "2026-11-15"), (U, "begin november", "2026-11-02"),
    (U, "Q3", "2026-09-30"), (U, "week 47", "2026-11-20"), (U, "week 46", "2026-11-13"),
    (U, "in oktober", "2026-10-31"),
    # -- a day in the future is refused, never moved a year back -------------------------------------------------
    (U, "morgen", "?date_future"), (U, "overmorgen", "?date_future"), (U, "volgende week vrijdag", "?date_future"),
    (U, "over 3 dagen", "?date_future"), (U, "1-1-2030", "?date_future"), (U, "2 december 2026", "?date_future"),
    (U, "volgende vrijdag", "?date_future"), (U, "aanstaande vrijdag", "?date_future"), (U, "vrijdag a.s.", "?date_future"),
    (U, "eind van de maand", "?date_future"), (U, "volgende week", "?date_future"), (U, "week 48", "?date_near_future"),
    # -- more than ten years back, and what names no day ---------------------------------------------------------
    (U, "1-1-2010", "?date_too_long_ago"), (U, "25-11-2016", "2016-11-25"), (U, "24-11-2016", "?date_too_long_ago"),
    (U, "99999 dagen geleden", "?date_too_long_ago"), (U, "20 jaar geleden", "?date_too_long_ago"),
    (U, "31-12-0001", "?date_too_long_ago"), (U, "vorige week", "?date_vague"), (U, "onlangs", "?date_unknown"),
    (U, "voor de zomer", "?date_vague"), (U, "", "?date_empty"), (U, "31 april", "?date_impossible"),
]


def _check(today: str, phrase: str, expected: str, past: bool):
    reading = read_date(phrase, date.fromisoformat(today), past=past)
    if expected.startswith("?"):
        assert (reading.value, reading.problem) == (None, expected[1:]), reading
    else:
        assert reading.value == date.fromisoformat(expected), reading


@pytest.mark.parametrize("today,phrase,expected", FORWARD, ids=[f"{t} {p!r}" for t, p, _ in FORWARD])
def test_forward(today, phrase, expected):
    _check(today, phrase, expected, past=False)


@pytest.mark.parametrize("today,phrase,expected", BACKWARD, ids=[f"{t} {p!r}" for t, p, _ in BACKWARD])
def test_backward(today, phrase, expected):
    _check(today, phrase, expected, past=True)


@pytest.mark.parametrize("past,table", [(False, FORWARD), (True, BACKWARD)])
def test_every_question_has_a_text_with_its_parameters(past, table):
    for today, phrase, expected in table:
        reading = read_date(phrase, date.fromisoformat(today), past=past)
        if not reading.ok:
            nl, en = (render(lang, reading.problem, reading.params) for lang in ("nl", "en"))
            assert "{" not in nl + en, (phrase, nl, en)
            names = {name for _, name, _, _ in string.Formatter().parse(TEXTS[reading.problem][0]) if name}
            assert names <= set(reading.params), (phrase, reading)


def test_recent_past_asks_with_both_dates_and_how_long_ago():
    reading = read_date("15 dec", date(2026, 12, 21))
    assert reading.params == {"text": "15 dec", "date": date(2026, 12, 15), "next": date(2027, 12, 15), "days": 6}
    assert render("nl", reading.problem, reading.params) == \
        "`15 dec` was di 15 dec 2026, 6 dagen geleden. Bedoel je wo 15 dec 2027? Schrijf dan de datum met het jaar."


def test_too_far_names_the_limit():
    reading = read_date("31-12-9999", date(2026, 11, 25))
    assert reading.params["limit"] == date(2036, 11, 25)
    reading = read_date("1-1-2000", date(2026, 11, 25), past=True)
    assert (reading.problem, reading.params["limit"]) == ("date_too_long_ago", date(2016, 11, 25))


def test_good_friday_can_count_as_a_holiday():
    easter_week = date(2027, 3, 24)
    assert read_date("over 2 werkdagen", easter_week).value == date(2027, 3, 26)
    assert read_date("over 2 werkdagen", easter_week, work=WorkCalendar(good_friday_is_holiday=True)).value == \
        date(2027, 3, 30)


def test_five_may_is_off_every_year_and_good_friday_only_when_configured():
    work = WorkCalendar()
    assert all(not work.is_working_day(date(year, 5, 5)) for year in range(2024, 2036) if date(year, 5, 5).weekday() < 5)
    assert work.is_working_day(date(2027, 3, 26)) and not WorkCalendar(True).is_working_day(date(2027, 3, 26))
    assert not work.is_working_day(date(2027, 3, 29)) and not work.is_working_day(date(2027, 4, 27))
    assert work.add(date(2027, 5, 4), 1) == date(2027, 5, 7) and work.add(date(2027, 5, 7), -1) == date(2027, 5, 4)
    assert work.between(date(2027, 5, 4), date(2027, 5, 4) + timedelta(days=3)) == 1


# -- properties ---------------------------------------------------------------------------------------

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))
words = st.sampled_from([
    "over", "binnen", "eind", "medio", "begin", "week", "wk", "Q2", "vrijdag", "di", "volgende", "vorige", "deze",
    "afgelopen", "maart", "december", "werkdagen", "dagen", "weken", "maanden", "jaar", "geleden", "ago", "3", "twee",
    "29", "februari", "-", "/", ".", "uiterlijk", "t/m", "2027", "27", "zsm", "kwartaal", "eerste", "12", "in", "days",
    "next", "last", "of", "the", "30", "13", "53", "99999", "9999", "jl.", "a.s.", "om", "12:00", "kerst", "koningsdag",
    "morgen", "gisteren", "vandaag", "half", "een", "anderhalve", "31-12", "1-1-2030", "2026-11-25", "9" * 40])
phrases = st.one_of(st.text(max_size=40), st.text(alphabet=string.printable, max_size=30),
                    st.lists(words, min_size=1, max_size=6).map(" ".join))


@settings(max_examples=600, deadline=None)
@given(today=days, phrase=phrases)
def test_forward_never_in_the_past_nor_beyond_ten_years(today, phrase):
    reading = read_date(phrase, today)
    assert reading.ok != (reading.problem is not None)
    if reading.ok:
        assert today <= reading.value <= today + relativedelta(years=10)
    else:
        assert reading.problem in TEXTS


@settings(max_examples=600, deadline=None)
@given(today=days, phrase=phrases)
def test_backward_never_in_the_future_nor_beyond_ten_years(today, phrase):
    reading = read_date(phrase, today, past=True)
    assert reading.ok != (reading.problem is not None)
    if reading.ok:
        assert today - relativedelta(years=10) <= reading.value <= today
    else:
        assert reading.problem in TEXTS


_WEEKDAY_FORMS = [
    "{d}", "aanstaande {d}", "komende {d}", "{d} a.s.", "{d} aanstaande", "volgende {d}", "vorige {d}", "afgelopen {d}",
    "{d} jl.", "{d} j.l.", "last {d}", "next {d}", "volgende week {d}", "{d} volgende week", "deze week {d}",
    "{d} deze week", "vorige week {d}", "{d} vorige week", "{d} over {n} weken", "over {n} weken op {d}",
    "{d} {n} weken geleden", "uiterlijk {d}", "{d} om 12:00", "{d} 17:00 uur", "{d}middag", "{d} {day}-{month}",
    "{d} {day}/{month}/{year}", "{d} {day}.{month}.{yy}", "{d}, {day} {monthname}", "{d} {day} {monthname} {year}",
    "{d} {monthname} {day}", "{d} {year}-{month:02}-{day:02}", "{d} {day} {monthname} jl.", "{d} {day} {monthname} a.s.",
    "op {d} {day} {monthname}", "{d} week {n}",
]
_MONTH_NAMES = ["januari", "feb", "maart", "apr", "mei", "juni", "jul", "augustus", "sep", "okt", "november", "dec"]


@settings(max_examples=800, deadline=None)
@given(today=days, past=st.booleans(), form=st.sampled_from(_WEEKDAY_FORMS), word=st.sampled_from(sorted(WEEKDAYS)),
       upper=st.booleans(), n=st.integers(min_value=0, max_value=60), target=st.dates(date(2015, 1, 1), date(2040, 12, 31)))
def test_a_named_weekday_is_the_days_weekday_or_a_question(today, past, form, word, upper, n, target):
    phrase = form.format(d=word.capitalize() if upper else word, n=n, day=target.day, month=target.month,
                         year=target.year, yy=target.year % 100, monthname=_MONTH_NAMES[target.month - 1])
    reading = read_date(phrase, today, past=past)
    assert reading.ok != (reading.problem is not None)
    if reading.ok:
        assert reading.value.weekday() == WEEKDAYS[word], (phrase, reading)


# The working-day oracle: built from the `holidays` package and 5 May, weekdays counted by hand.

def _oracle_days_off(years: range, good_friday: bool) -> set[date]:
    off = set()
    for year in years:
        listed = holidays.NL(years=year)
        assert "Good Friday" in listed.values()
        off |= {day for day, name in listed.items() if good_friday or name != "Good Friday"}
        off.add(date(year, 5, 5))
    return off


_OFF = {flag: _oracle_days_off(range(2023, 2038), flag) for flag in (False, True)}


def _oracle_nth_working_day(start: date, n: int, good_friday: bool) -> date:
    day, step, counted = start, (1 if n >= 0 else -1), 0
    while counted < abs(n):
        day += timedelta(days=step)
        if day.weekday() not in (5, 6) and day not in _OFF[good_friday]:
            counted += 1
    return day


@settings(max_examples=300, deadline=None)
@given(today=days, n=st.integers(min_value=0, max_value=80), good_friday=st.booleans(),
       form=st.sampled_from(["over {n} werkdagen", "binnen {n} werkdagen", "in {n} working days", "{n} werkdagen"]))
def test_working_days_ahead_match_the_oracle(today, n, good_friday, form):
    reading = read_date(form.format(n=n), today, work=WorkCalendar(good_friday))
    assert reading.value == _oracle_nth_working_day(today, n, good_friday)


@settings(max_examples=200, deadline=None)
@given(today=days, n=st.integers(min_value=0, max_value=80), good_friday=st.booleans())
def test_working_days_ago_match_the_oracle(today, n, good_friday):
    reading = read_date(f"{n} werkdagen geleden", today, work=WorkCalendar(good_friday), past=True)
    assert reading.value == _oracle_nth_working_day(today, -n, good_friday)


@settings(max_examples=200, deadline=None)
@given(start=days, length=st.integers(min_value=0, max_value=400), good_friday=st.booleans())
def test_calendar_counts_and_days_match_the_oracle(start, length, good_friday):
    work = WorkCalendar(good_friday)
    end = start + timedelta(days=length)
    by_hand = sum(1 for i in range(1, length + 1)
                  if (start + timedelta(days=i)).weekday() < 5 and start + timedelta(days=i) not in _OFF[good_friday])
    assert work.between(start, end) == by_hand and work.between(end, start) == -by_hand
    assert work.is_working_day(end) == (end.weekday() < 5 and end not in _OFF[good_friday])


@settings(max_examples=100, deadline=None)
@given(today=st.dates(date(2024, 1, 1), date(2033, 12, 31)), month=st.integers(1, 12))
def test_begin_of_a_month_is_its_first_working_day(today, month):
    year = today.year + 1
    reading = read_date(f"begin {_MONTH_NAMES[month - 1]} {year}", today)
    assert reading.value == _oracle_nth_working_day(date(year, month, 1) - timedelta(days=1), 1, False)
