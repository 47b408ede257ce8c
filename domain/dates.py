"""The one deadline reader, both directions. People write dates as they speak; this reads the Dutch
(and English) forms of PRODUCT.md "Deadlines" with one small grammar, forwards for deadlines and
backwards for the day something happened (`op:` of an adoption), leaves a few plain absolute dates
to dateparser, and never guesses: anything it cannot pin to one day comes back as a question."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta

from domain.workdays import WorkCalendar

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3, "maa": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "maandag": 0, "ma": 0, "monday": 0, "mon": 0,
    "dinsdag": 1, "di": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "woensdag": 2, "wo": 2, "wednesday": 2, "wed": 2,
    "donderdag": 3, "do": 3, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "vrijdag": 4, "vr": 4, "vrij": 4, "friday": 4, "fri": 4,
    "zaterdag": 5, "za": 5, "saturday": 5, "sat": 5,
    "zondag": 6, "zo": 6, "sunday": 6, "sun": 6,
}
NUMBERS = {
    "een": 1, "één": 1, "eén": 1, "one": 1, "a": 1, "an": 1,
    "twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5,
    "zes": 6, "six": 6, "zeven": 7, "seven": 7, "acht": 8, "eight": 8, "negen": 9, "nine": 9,
    "tien": 10, "ten": 10, "elf": 11, "eleven": 11, "twaalf": 12, "twelve": 12,
    "dertien": 13, "thirteen": 13, "veertien": 14, "fourteen": 14, "vijftien": 15, "fifteen": 15,
    "zestien": 16, "sixteen": 16, "zeventien": 17, "seventeen": 17, "achttien": 18,
    "eighteen": 18, "negentien": 19, "nineteen": 19, "twintig": 20, "twenty": 20,
    "dertig": 30, "thirty": 30, "veertig": 40, "forty": 40, "honderd": 100, "hundred": 100,
}
_UNITS_NL = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TENS_NL = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
            "tachtig": 80, "negentig": 90}
_UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
NUMBERS.update(_TENS_NL)
NUMBERS.update(_TENS_EN)
NUMBERS.update({f"{unit}{'ën' if unit.endswith('e') else 'en'}{tens}": u + t
                for unit, u in _UNITS_NL.items() for tens, t in _TENS_NL.items()})  # vijfentwintig, tweeëntwintig
NUMBERS.update({f"{tens}{sep}{unit}": t + u for tens, t in _TENS_EN.items() for unit, u in _UNITS_EN.items()
                for sep in ("-", " ")})  # twenty-five
ORDINAL_QUARTERS = {"eerste": 1, "1e": 1, "1ste": 1, "first": 1, "tweede": 2, "2e": 2, "2de": 2,
                    "second": 2, "derde": 3, "3e": 3, "3de": 3, "third": 3, "vierde": 4, "4e": 4,
                    "4de": 4, "fourth": 4, "laatste": 4, "last": 4}

MAX_LENGTH = 120  # a longer text is not a date phrase (and is not worth the regular expressions' time)
LIMIT_YEARS = 10   # a date further than this from today, either way, is refused (a slip, not a plan)
RECENT_DAYS = 31   # a date without a year that fell this recently is asked back, not moved a year on

# Phrases that do not name a day: asked back as vague (only when no rule read the phrase).
VAGUE = re.compile(
    r"\b(zsm|z\.s\.m\.?|asap|a\.s\.a\.p\.?|binnenkort|soon|spoedig|eerdaags|\w*reces|recess|zomer\w*|summer|"
    r"najaar|voorjaar\w*|winter|herfst\w*|lente|autumn|spring|later|ooit|someday|tbd|nnb|n\.n\.b\.?|"
    r"ntb|n\.t\.b\.?|onbekend|unknown|zo snel mogelijk|as soon as possible|nader te bepalen|"
    r"zodra|wanneer|na afloop|verkiezingen|elections?|\w*vakantie|holidays?|feestdagen|kerstdagen|"
    r"jaarwisseling|anderhalve|anderhalf|one and a half|1[,.]5|vorige week|last week|verleden week|"
    r"begin|start|beginning)\b")
# Seasons, breaks and events around Christmas are not days (`voor de kerst`), though `Kerst` is one.
_EVENT = re.compile(r"(?:^|\s)(?:voor|na|rond|tegen|tijdens|vlak voor|before|after|around|de|the)\s+"
                    r"(?:de\s+|the\s+)?(?:kerst|kerstmis|christmas|xmas)\b")
FILLERS = re.compile(
    r"^(?:uiterlijk|voor|per|op|deadline|t/m|tm|tot en met|tot|no later than|by|before|"
    r"on|due|not later than|until|de|the|:|,)(?:\s*:)?\s+")

# A time of day after the date: the deadline is the day.
_TIME = re.compile(
    r"(?:,?\s+(?:om|at|voor|before|by|tot|until)?\s*[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:uur|u|h|am|pm|a\.m\.|p\.m\.)"
    r"|,?\s+(?:om|at|voor|before|by|tot|until)?\s*[0-9]{1,2}:[0-9]{2}"
    r"|\s+(?:om|at)\s+[0-9]{1,2}(?:\.[0-9]{2})?"
    r"|\s+(?:'s\s*)?(?:ochtends|middags|avonds|morgens)"
    r"|\s+(?:in de\s+)?(?:ochtend|middag|avond|namiddag|voormiddag|morning|afternoon|evening)"
    r"|\s+(?:end of day|eod|cob|close of business|einde dag|einde van de dag|eind van de dag|"
    r"aan het eind van de dag|einde werkdag))$")
_COMPOUND = re.compile(r"\b(overmorgen|morgen|vandaag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
                       r"(ochtend|middag|avond|morgen|namiddag)\b")
_COMING = re.compile(r"\s+(?:a\.s\.?|as|aanstaande)$|^(?:a\.s\.?|aanstaande)\s+(?=[0-9])")
_LAST = re.compile(r"\s+(?:j\.\s?l\.?|jl\.?|jongstleden)$")

_DIGITS = r"([0-9]+|" + "|".join(sorted((re.escape(w) for w in NUMBERS), key=len, reverse=True)) + ")"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(?:van\s+|of\s+|in\s+)?'?([0-9]{4}|[0-9]{2}))?"
_YEAR4 = r"(?:\s+(?:van\s+|of\s+|in\s+)?([0-9]{4}))?"
_WEEKDAY_WORD = re.compile(r"(?<![\w.])(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")(?![\w])")

_WEEKS_UNIT = r"(weken|week|weeks?)"
_ANY_UNIT = r"(dagen|dag|days?|weken|week|weeks?|maanden|maand|months?|jaren|jaar|years?)"
_WORKDAYS_UNIT = r"(?:werkdagen|werkdag|werkbare dagen|working days?|business days?)"
_AGO = r"(?:geleden|ago|terug)"
_IN = r"(?:over|binnen|in|within)"
_END = r"(?:eind|einde|end of|end|ultimo|aan het eind van|aan het einde van|at the end of)"
_MID = r"(?:medio|half|halverwege|midden|mid|mid-|middle of)"
_BEGIN = r"(?:begin|start|beginning of|start of|early)"
_NEXT = r"(?:volgende|volgend|next|komende|komend)"
_MAX_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class DateReading:
    """A day the bot is sure of, or the reason it is not (a text key and its parameters)."""
    value: date | None = None
    problem: str | None = None  # a `date_*` text key of core/texts/dates.py
    params: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.value is not None


class _Refusal(Exception):
    def __init__(self, problem: str, **params):
        super().__init__(problem)
        self.problem = problem
        self.params = params


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _this_week(today: date, weekday: int, weeks_ahead: int) -> date:
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    return monday + timedelta(days=weekday)


def _weekday_after(today: date, weekday: int) -> date:
    """The next such weekday, today not included."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weekday_before(today: date, weekday: int, *, today_included: bool) -> date:
    """The last such weekday before today (or today itself when included and it is that day)."""
    back = (today.weekday() - weekday) % 7
    if back == 0 and not today_included:
        back = 7
    return today - timedelta(days=back)


def _koningsdag(year: int) -> date:
    """27 April, or the 26th when the 27th is a Sunday."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


class _Grammar:
    """The reading of one phrase. Each rule of RULES is a regular expression over the cleaned phrase,
    a method that turns its match into a day (or raises a _Refusal), and that method's arguments. `back` says which way a
    date without a year is read: backwards (the last occurrence) for a day that has happened."""

    def __init__(self, today: date, work: WorkCalendar, past: bool, marker: str | None):
        self.today = today
        self.work = work
        self.past = past
        self.marker = marker  # "coming" (a.s.), "last" (j.l.) or None
        self.back = marker == "last" or (past and marker != "coming")

    # -- days counted from today ----------------------------------------------------------------

    def today_(self, m):
        return self.today

    def yesterday(self, m):
        return self.today - timedelta(days=1)

    def day_before_yesterday(self, m):
        return self.today - timedelta(days=2)

    def tomorrow(self, m):
        return self.today + timedelta(days=1)

    def day_after_tomorrow(self, m):
        return self.today + timedelta(days=2)

    def _out_of_range(self, sign: int) -> _Refusal:
        if sign > 0:
            return _Refusal("date_too_far", limit=self.today + relativedelta(years=LIMIT_YEARS))
        return _Refusal("date_too_long_ago", limit=self.today - relativedelta(years=LIMIT_YEARS))

    def _shift(self, n: int, unit: str, sign: int) -> date:
        """`over N <unit>` (sign 1) or `N <unit> geleden` (sign -1). Months add by calendar and clamp
        to the month's end. A span beyond the sanity limit is refused before it is computed."""
        kind = unit[0] if unit[0] != "j" else "y"  # d(ag/ay), w(eek), m(aand/onth), y(ear)/j(aar)
        days_per = {"d": 1, "w": 7, "m": 31, "y": 366}[kind]
        if n * days_per > (LIMIT_YEARS + 1) * 366:
            raise self._out_of_range(sign)
        if kind == "d":
            return self.today + timedelta(days=sign * n)
        if kind == "w":
            return self.today + timedelta(weeks=sign * n)
        if kind == "m":
            return self.today + relativedelta(months=sign * n)
        return self.today + relativedelta(years=sign * n)

    def span_ahead(self, m):
        return self._shift(_number(m[1]), m[2], 1)

    def span_ago(self, m):
        return self._shift(_number(m[1]), m[2], -1)

    def half_year_ahead(self, m):
        return self.today + relativedelta(months=6)

    def half_year_ago(self, m):
        return self.today - relativedelta(months=6)

    def _working_days(self, n: int, sign: int) -> date:
        if n > (LIMIT_YEARS + 1) * 261:
            raise self._out_of_range(sign)
        return self.work.add(self.today, sign * n)

    def working_days_ahead(self, m):
        return self._working_days(_number(m[1]), 1)

    def working_days_ago(self, m):
        return self._working_days(_number(m[1]), -1)

    # -- weekdays and weeks -------------------------------------------------------------------------

    def weekday(self, m):
        """A weekday alone: the next one after today; read backwards, the last one, today included.
        `a.s.` makes it the coming one, `j.l.` the last one before today."""
        weekday = WEEKDAYS[m[1]]
        if self.marker == "last":
            return _weekday_before(self.today, weekday, today_included=False)
        if self.back:
            return _weekday_before(self.today, weekday, today_included=True)
        return _weekday_after(self.today, weekday)

    def coming_weekday(self, m):
        return _weekday_after(self.today, WEEKDAYS[m[1]])

    def last_weekday(self, m):
        return _weekday_before(self.today, WEEKDAYS[m[1]], today_included=False)

    def next_weekday(self, m):
        """`volgende dinsdag` / `next Tuesday`: this coming one, or the one in next week? Ask."""
        weekday = WEEKDAYS[m[1]]
        coming = _weekday_after(self.today, weekday)
        in_next_week = _this_week(self.today, weekday, 1)
        if coming == in_next_week or self.past:  # both lie ahead: a day that happened refuses either
            return coming
        raise _Refusal("date_ambiguous", first=coming, second=in_next_week)

    def previous_weekday(self, m):
        """`vorige dinsdag`: the last one, or the one in last week? Ask, as for `volgende`."""
        weekday = WEEKDAYS[m[1]]
        last = _weekday_before(self.today, weekday, today_included=False)
        in_last_week = _this_week(self.today, weekday, -1)
        if last == in_last_week or not self.past:  # both lie behind: a deadline refuses either
            return last
        raise _Refusal("date_ambiguous_past", first=last, second=in_last_week)

    def weekday_in_week(self, m, offset: int):
        return _this_week(self.today, WEEKDAYS[m[1]], offset)

    def weekday_in_weeks(self, m, sign: int, day_group: int, number_group: int):
        """`vrijdag over 2 weken`: that weekday in the ISO week N weeks from now (or ago)."""
        weeks = _number(m[number_group])
        if weeks > (LIMIT_YEARS + 1) * 53:
            raise self._out_of_range(sign)
        return _this_week(self.today, WEEKDAYS[m[day_group]], sign * weeks)

    def friday_of_week(self, m, offset: int):
        return _this_week(self.today, 4, offset)

    def iso_week(self, m):
        """`week N`: its Friday, the next occurrence (read backwards: the last). A week the ISO year
        does not have (`week 53` in most years) is impossible."""
        week, year = int(m[1]), _year(m[2])

        def friday(y: int) -> date | None:
            try:
                return date.fromisocalendar(y, week, 5)
            except (ValueError, OverflowError):
                return None
        if not 1 <= week <= 53:
            raise _Refusal("date_impossible")
        if year is not None:
            return self._exists(friday(year))
        iso_year = self.today.isocalendar()[0]
        this = self._exists(friday(iso_year))
        if not self.back:
            if this >= self.today:
                return this
            following = friday(iso_year + 1)
            if following is None:
                raise _Refusal("date_past", date=this)
            return self._ask_if_recent(this, following)
        if this <= self.today:
            return this
        previous = friday(iso_year - 1)
        if previous is None:
            raise _Refusal("date_future", date=this)
        return self._ask_if_near(this, previous)

    # -- a day of a year: dates, named days, periods --------------------------------------------------

    @staticmethod
    def _exists(day: date | None) -> date:
        if day is None:
            raise _Refusal("date_impossible")
        return day

    def _ask_if_recent(self, previous: date, following: date, weekday: int | None = None) -> date:
        """Forwards: `previous` (this year's) has passed. Within RECENT_DAYS that is more likely a
        slip than next year: ask, unless a weekday written with it settles which one is meant."""
        ago = (self.today - previous).days
        if ago > RECENT_DAYS or self.marker == "coming":
            return following
        if weekday is not None and following.weekday() == weekday:
            return following
        if weekday is not None and previous.weekday() == weekday:
            raise _Refusal("date_past", date=previous)
        raise _Refusal("date_recent_past", date=previous, next=following, days=ago)

    def _ask_if_near(self, following: date, previous: date, weekday: int | None = None) -> date:
        """Backwards, the mirror: this year's is still ahead; within RECENT_DAYS, ask."""
        ahead = (following - self.today).days
        if ahead > RECENT_DAYS or self.marker == "last":
            return previous
        if weekday is not None and previous.weekday() == weekday:
            return previous
        if weekday is not None and following.weekday() == weekday:
            raise _Refusal("date_future", date=following)
        raise _Refusal("date_near_future", date=following, previous=previous, days=ahead)

    def _occurrence(self, make: Callable[[int], date | None], year: int | None, weekday: int | None = None) -> date:
        """The day `make(year)` names. Without a year: its next occurrence, today included (read
        backwards: its last occurrence, today included), asked back when the other one is near."""
        if year is not None:
            return self._exists(make(year))
        t = self.today
        if not self.back:
            following = self._exists(self._scan(make, t.year, 1, lambda d: d >= t))
            previous = self._scan(make, t.year, -1, lambda d: d < t)
            if previous is None:
                return following
            return self._ask_if_recent(previous, following, weekday)
        previous = self._exists(self._scan(make, t.year, -1, lambda d: d <= t))
        following = self._scan(make, t.year, 1, lambda d: d > t)
        if following is None:
            return previous
        return self._ask_if_near(following, previous, weekday)

    def _scan(self, make, start: int, step: int, accept) -> date | None:
        for i in range(9):  # 29 February comes back within 8 years
            day = make(start + i * step)
            if day is not None and accept(day):
                return day
        return None

    def _day_month(self, day: int, month: int, year: int | None, weekday: str | None = None) -> date:
        if not (1 <= month <= 12 and 1 <= day <= _MAX_DAYS_IN_MONTH[month - 1]):
            raise _Refusal("date_impossible")
        wanted = WEEKDAYS[weekday] if weekday else None
        result = self._occurrence(lambda y: _date_or_none(y, month, day), year, wanted)
        if wanted is not None and wanted != result.weekday():
            raise _Refusal("date_weekday_mismatch", date=result, weekday=wanted)
        return result

    def iso_date(self, m):
        return self._day_month(int(m[4]), int(m[3]), int(m[2]), m[1])

    def numeric_date(self, m):
        return self._day_month(int(m[2]), int(m[3]), _year(m[4]), m[1])

    def day_month_name(self, m):
        return self._day_month(int(m[2]), MONTHS[m[3]], _year(m[4]), m[1])

    def month_name_day(self, m):
        return self._day_month(int(m[3]), MONTHS[m[2]], _year(m[4]), m[1])

    def fixed_day(self, m, month: int, day: int):
        return self._occurrence(lambda y: date(y, month, day), _year(m[1]))

    def koningsdag(self, m):
        return self._occurrence(_koningsdag, _year(m[1]))

    def _first_working_day(self, day: date) -> date:
        return self.work.add(day - timedelta(days=1), 1)

    def month_end(self, m):
        month = MONTHS[m[1]]
        return self._occurrence(lambda y: _month_end(y, month), _year(m[2]))

    def month_middle(self, m):
        month = MONTHS[m[1]]
        return self._occurrence(lambda y: date(y, month, 15), _year(m[2]))

    def month_begin(self, m):
        month = MONTHS[m[1]]
        return self._occurrence(lambda y: self._first_working_day(date(y, month, 1)), _year(m[2]))

    def _month(self, offset: int) -> date:
        """The first day of this month (offset 0) or the next (1)."""
        return date(self.today.year, self.today.month, 1) + relativedelta(months=offset)

    def relative_month_end(self, m, offset: int):
        first = self._month(offset)
        return _month_end(first.year, first.month)

    def relative_month_middle(self, m, offset: int):
        return self._month(offset).replace(day=15)

    def relative_month_begin(self, m, offset: int):
        return self._first_working_day(self._month(offset))

    def year_end(self, m, offset: int):
        return date(self.today.year + offset, 12, 31)

    def year_begin(self, m, offset: int):
        return self._first_working_day(date(self.today.year + offset, 1, 1))

    def given_year_end(self, m):
        return date(int(m[1]), 12, 31)

    def given_year_begin(self, m):
        return self._first_working_day(date(int(m[1]), 1, 1))

    def _quarter_end(self, quarter: int, year: int | None) -> date:
        if not 1 <= quarter <= 4:
            raise _Refusal("date_impossible")
        return self._occurrence(lambda y: _month_end(y, quarter * 3), year)

    def _quarter_begin(self, quarter: int, year: int | None) -> date:
        return self._occurrence(lambda y: self._first_working_day(date(y, quarter * 3 - 2, 1)), year)

    def quarter_end(self, m):
        return self._quarter_end(int(m[1]), _year(m[2]))

    def quarter_end_ordinal(self, m):
        return self._quarter_end(ORDINAL_QUARTERS[m[1]], _year(m[2]))

    def quarter_begin(self, m):
        return self._quarter_begin(int(m[1]), _year(m[2]))

    def quarter_begin_ordinal(self, m):
        return self._quarter_begin(ORDINAL_QUARTERS[m[1]], _year(m[2]))

    def _quarter_first_month(self, offset: int) -> date:
        first = date(self.today.year, (self.today.month - 1) // 3 * 3 + 1, 1)
        return first + relativedelta(months=3 * offset)

    def relative_quarter_end(self, m, offset: int):
        last_month = self._quarter_first_month(offset) + relativedelta(months=2)
        return _month_end(last_month.year, last_month.month)

    def relative_quarter_begin(self, m, offset: int):
        return self._first_working_day(self._quarter_first_month(offset))


def _rules():
    g = _Grammar
    return [
        # named days counted from today
        (r"(?:nog\s+)?(?:vandaag|today)(?:\s+nog)?", g.today_),
        (r"(?:gisteren|yesterday)", g.yesterday),
        (r"(?:eergisteren|(?:the\s+)?day before yesterday)", g.day_before_yesterday),
        (r"(?:morgen|tomorrow)", g.tomorrow),
        (r"(?:overmorgen|(?:the\s+)?day after tomorrow)", g.day_after_tomorrow),
        # named days of the year
        (r"(?:koningsdag|king'?s ?day|koninginnedag)" + _YEAR4, g.koningsdag),
        (r"(?:kerst|kerstmis|kerstdag|eerste kerstdag|1e kerstdag|christmas|christmas day|xmas)" + _YEAR4,
         g.fixed_day, 12, 25),
        (r"(?:tweede kerstdag|2e kerstdag|boxing day)" + _YEAR4, g.fixed_day, 12, 26),
        (r"(?:oudjaarsdag|oudejaarsdag|oudjaar|oudejaar|new year'?s eve)" + _YEAR4,
         g.fixed_day, 12, 31),
        (r"(?:nieuwjaarsdag|new year'?s day)" + _YEAR4, g.fixed_day, 1, 1),
        # working days
        (rf"(?:{_IN}\s+)?{_DIGITS}\s+{_WORKDAYS_UNIT}", g.working_days_ahead),
        (rf"{_DIGITS}\s+{_WORKDAYS_UNIT}\s+{_AGO}", g.working_days_ago),
        # spans: over / binnen / in N ..., N ... geleden
        (rf"{_IN}\s+(?:een\s+|a\s+)?(?:half jaar|halfjaar|half a year)", g.half_year_ahead),
        (rf"(?:een\s+|a\s+)?(?:half jaar|halfjaar|half a year)\s+{_AGO}", g.half_year_ago),
        (rf"{_IN}\s+{_DIGITS}\s+{_ANY_UNIT}", g.span_ahead),
        (rf"{_DIGITS}\s+{_ANY_UNIT}\s+{_AGO}", g.span_ago),
        # a weekday in a named week
        (rf"(?:volgende|komende|next)\s+week\s+(?:op\s+|on\s+)?{_DAY}", g.weekday_in_week, 1),
        (rf"{_DAY}\s+(?:volgende|komende|next)\s+week", g.weekday_in_week, 1),
        (rf"(?:deze|this)\s+week\s+(?:op\s+|on\s+)?{_DAY}", g.weekday_in_week, 0),
        (rf"{_DAY}\s+(?:deze|this)\s+week", g.weekday_in_week, 0),
        (rf"(?:vorige|verleden|last)\s+week\s+(?:op\s+|on\s+)?{_DAY}", g.weekday_in_week, -1),
        (rf"{_DAY}\s+(?:vorige|verleden|last)\s+week", g.weekday_in_week, -1),
        (rf"{_DAY}\s+{_IN}\s+{_DIGITS}\s+{_WEEKS_UNIT}", g.weekday_in_weeks, 1, 1, 2),
        (rf"{_IN}\s+{_DIGITS}\s+{_WEEKS_UNIT}\s+(?:op\s+|on\s+)?{_DAY}",
         g.weekday_in_weeks, 1, 3, 1),
        (rf"{_DAY}\s+{_DIGITS}\s+{_WEEKS_UNIT}\s+{_AGO}", g.weekday_in_weeks, -1, 1, 2),
        # a week as a deadline: its Friday
        (rf"(?:{_END}\s+(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?week|deze week|this week)",
         g.friday_of_week, 0),
        (rf"(?:{_END}\s+(?:van\s+)?(?:de\s+|the\s+)?)?{_NEXT}\s+week", g.friday_of_week, 1),
        # weekdays
        (rf"(?:volgende|next)\s+{_DAY}", g.next_weekday),
        (rf"(?:vorige|verleden)\s+{_DAY}", g.previous_weekday),
        (rf"(?:afgelopen|last|jongstleden|j\.\s?l\.?|jl\.?)\s+{_DAY}", g.last_weekday),
        (rf"(?:aanstaande|komende|a\.s\.?|coming|this)\s+{_DAY}", g.coming_weekday),
        (rf"{_DAY}", g.weekday),
        # months and years
        (rf"{_END}\s+(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?(?:maand|month)", g.relative_month_end, 0),
        (rf"{_END}\s+(?:van\s+)?(?:de\s+|the\s+)?{_NEXT}\s+(?:maand|month)", g.relative_month_end, 1),
        (rf"{_MID}\s*(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?(?:maand|month)", g.relative_month_middle, 0),
        (rf"{_MID}\s*(?:van\s+)?(?:de\s+|the\s+)?{_NEXT}\s+(?:maand|month)", g.relative_month_middle, 1),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?(?:maand|month)", g.relative_month_begin, 0),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:de\s+|the\s+)?{_NEXT}\s+(?:maand|month)", g.relative_month_begin, 1),
        (rf"{_END}\s+(?:van\s+)?(?:het\s+|dit\s+|this\s+|the\s+)?(?:jaar|year)", g.year_end, 0),
        (rf"{_END}\s+(?:van\s+)?(?:het\s+|the\s+)?{_NEXT}\s+(?:jaar|year)", g.year_end, 1),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+|the\s+)?{_NEXT}\s+(?:jaar|year)", g.year_begin, 1),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+|dit\s+|this\s+|the\s+)?(?:jaar|year)", g.year_begin, 0),
        (rf"{_END}\s+(?:van\s+)?(?:het\s+jaar\s+)?([0-9]{{4}})", g.given_year_end),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+jaar\s+)?([0-9]{{4}})", g.given_year_begin),
        (rf"{_END}\s+(?:van\s+)?{_MONTH}{_YEAR}", g.month_end),
        (rf"(?:in|during|in de maand)\s+{_MONTH}{_YEAR}", g.month_end),
        (rf"{_MID}\s*(?:van\s+)?{_MONTH}{_YEAR}", g.month_middle),
        (rf"{_BEGIN}\s+(?:van\s+)?{_MONTH}{_YEAR}", g.month_begin),
        # quarters
        (rf"(?:(?:{_END}|in)\s+)?(?:van\s+)?(?:het\s+|the\s+)?q([1-4]){_YEAR}", g.quarter_end),
        (rf"(?:(?:{_END}|in)\s+)?(?:het\s+|the\s+)?q([1-4])\s*[-/]\s*([0-9]{{4}})", g.quarter_end),
        (rf"(?:(?:{_END}|in)\s+)?(?:van\s+)?(?:het\s+|the\s+)?(eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|"
         rf"1ste|2de|3de|4de|first|second|third|fourth|last)\s+(?:kwartaal|quarter){_YEAR}", g.quarter_end_ordinal),
        (rf"(?:{_END}\s+)?(?:kwartaal|quarter)\s+([1-4]){_YEAR}", g.quarter_end),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+|the\s+)?q([1-4]){_YEAR}", g.quarter_begin),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+|the\s+)?(eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|"
         rf"1ste|2de|3de|4de|first|second|third|fourth|last)\s+(?:kwartaal|quarter){_YEAR}", g.quarter_begin_ordinal),
        (rf"{_END}\s+(?:van\s+)?(?:het\s+|dit\s+|this\s+|the\s+)?(?:huidige\s+|current\s+)?(?:kwartaal|quarter)",
         g.relative_quarter_end, 0),
        (rf"{_END}\s+(?:van\s+)?(?:het\s+|the\s+)?{_NEXT}\s+(?:kwartaal|quarter)", g.relative_quarter_end, 1),
        (rf"{_BEGIN}\s+(?:van\s+)?(?:het\s+|the\s+)?{_NEXT}\s+(?:kwartaal|quarter)",
         g.relative_quarter_begin, 1),
        # ISO weeks: the Friday
        (rf"(?:(?:in|eind|einde|end of|uiterlijk in)\s+)?(?:week|wk|w)\.?\s*([0-9]{{1,2}}){_YEAR4}", g.iso_week),
        # dates in numbers, day first; and with month names
        (rf"(?:{_DAY},?\s+)?([0-9]{{4}})[-/.]([0-9]{{1,2}})[-/.]([0-9]{{1,2}})", g.iso_date),
        (rf"(?:{_DAY},?\s+)?([0-9]{{1,2}})[-/.]([0-9]{{1,2}})(?:[-/.]([0-9]{{4}}|[0-9]{{2}}))?", g.numeric_date),
        (rf"(?:{_DAY},?\s+)?(?:de\s+|the\s+)?([0-9]{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?{_YEAR}",
         g.day_month_name),
        (rf"(?:{_DAY},?\s+)?{_MONTH}\s+(?:the\s+)?([0-9]{{1,2}})(?:st|nd|rd|th|e)?,?{_YEAR}", g.month_name_day),
    ]


RULES: list[tuple[re.Pattern[str], Callable, tuple]] = [(re.compile(pattern), build, tuple(args))
                                                        for pattern, build, *args in _rules()]


def _clean(text: str) -> tuple[str, str | None]:
    """The phrase without what does not change the day (case, fillers, a time of day), and a
    marker: `coming` after a trailing a.s./aanstaande, `last` after j.l./jongstleden, `vague` for
    an event around Christmas."""
    text = re.sub("[\u200b-\u200d\u2060\ufeff\u00ad]", "", text)  # zero-width characters and soft hyphens
    text = text.strip().lower().replace("vóór", "voor").replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip(" .!?;,")
    text = _COMPOUND.sub(r"\1", text)
    for _ in range(3):  # `vrijdag 's middags om 12 uur`
        text = _TIME.sub("", text).strip(" .,")
    if _EVENT.search(text):
        return text, "vague"
    marker = None
    previous = None
    while previous != text:
        previous = text
        text = FILLERS.sub("", text).strip()
        if _COMING.search(text):
            text, marker = _COMING.sub("", text).strip(" ,"), "coming"
        elif _LAST.search(text):
            text, marker = _LAST.sub("", text).strip(" ,"), "last"
    return text, marker


def read_date(text: str, today: date, *, work: WorkCalendar | None = None, past: bool = False) -> DateReading:
    """Read one date phrase relative to `today` (a date in the bot's timezone).

    Forwards (a deadline) a date without a year is its next occurrence and a day in the past is
    refused; with past=True (the day something happened, as `op:` of an adoption) the same
    grammar reads backwards: a date without a year is its last occurrence, a weekday alone the last
    such day (both today included), and a day in the future is refused. Either way a date more
    than LIMIT_YEARS from today is refused, and a written weekday must match the date."""
    shown = (text or "").strip()
    if len(shown) > MAX_LENGTH:
        return DateReading(problem="date_unknown", params={"text": shown[:MAX_LENGTH - 1] + "…"})
    try:
        return _reading(text or "", today, work or WorkCalendar(), past, shown)
    except (ValueError, OverflowError, KeyError, IndexError):  # a last safety net: ask, never crash
        return DateReading(problem="date_unknown", params={"text": shown})


def _reading(text: str, today: date, work: WorkCalendar, past: bool, shown: str) -> DateReading:
    cleaned, marker = _clean(text)
    if not cleaned:
        return DateReading(problem="date_empty")
    if marker == "vague":
        return DateReading(problem="date_vague", params={"text": shown})
    try:
        value = _read(cleaned, today, work, past, marker)
        if value is not None:
            for word in _WEEKDAY_WORD.findall(cleaned):  # a named weekday must be the day's
                if WEEKDAYS[word] != value.weekday():
                    raise _Refusal("date_weekday_mismatch", date=value, weekday=WEEKDAYS[word])
    except _Refusal as refusal:
        return DateReading(problem=refusal.problem, params={**refusal.params, "text": shown})
    if value is None:
        problem = "date_vague" if VAGUE.search(cleaned) else "date_unknown"
        return DateReading(problem=problem, params={"text": shown})
    if not past:
        if value < today:
            return DateReading(problem="date_past", params={"text": shown, "date": value})
        limit = today + relativedelta(years=LIMIT_YEARS)
        if value > limit:
            return DateReading(problem="date_too_far", params={"text": shown, "limit": limit})
    else:
        if value > today:
            return DateReading(problem="date_future", params={"text": shown, "date": value})
        limit = today - relativedelta(years=LIMIT_YEARS)
        if value < limit:
            return DateReading(problem="date_too_long_ago", params={"text": shown, "limit": limit})
    return DateReading(value)


_MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def _dateparser_fallback(cleaned: str, today: date) -> date | None:
    """dateparser for absolute dates in forms the grammar does not know. It guesses freely (it
    reads `3 maart om 12 uur` as the year 2112), so only a phrase with a month name and a
    four-digit year is given to it, and its answer must carry that year and a day from the text."""
    year = re.search(r"\b(20[0-9][0-9])\b", cleaned)
    if not year or not _MONTH_WORD.search(cleaned) or len(cleaned) > 60:
        return None
    import dateparser  # imported on first use; warm_up() does that at start
    result = dateparser.parse(cleaned, languages=["nl", "en"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
        "RELATIVE_BASE": datetime.combine(today, datetime.min.time())})
    if result is None or result.year != int(year.group(1)) or str(result.day) not in re.findall(r"[0-9]+", cleaned):
        return None
    return result.date()


def _read(cleaned: str, today: date, work: WorkCalendar, past: bool, marker: str | None) -> date | None:
    grammar = _Grammar(today, work, past, marker)
    for compiled, build, args in RULES:
        match = compiled.fullmatch(cleaned)
        if match:
            return build(grammar, match, *args)
    return _dateparser_fallback(cleaned, today)


def warm_up() -> None:
    """Load dateparser and the holiday calendar once, so the first Slack request does not pay."""
    today = date.today()
    read_date("over 3 werkdagen", today)
    read_date("begin volgende maand", today)
    _dateparser_fallback(f"3rd of march {today.year + 1}", today)
