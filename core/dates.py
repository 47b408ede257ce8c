"""The one date reader, both directions. People write deadlines as they speak; this reads the
Dutch (and English) forms of PRODUCT.md "Deadlines" with a small grammar, leaves plain absolute
dates to dateparser, and never guesses: anything it cannot pin to one day comes back as a
question. With past=True the same grammar reads the day something happened (`op:` of an
adoption): a date without a year is its last occurrence, and a future day is refused."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from core.workdays import WorkCalendar

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
    "dertig": 30, "thirty": 30, "veertig": 40, "forty": 40,
}
_UNITS_NL = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
_TENS_NL = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
            "tachtig": 80, "negentig": 90}
_UNITS_EN = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS_EN = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
NUMBERS.update(_TENS_NL)
NUMBERS.update({f"{unit}{'ën' if unit.endswith('e') else 'en'}{tens}": u + t
                for unit, u in _UNITS_NL.items() for tens, t in _TENS_NL.items()})  # vijfentwintig, tweeëntwintig
NUMBERS.update({f"{tens}{sep}{unit}": t + u for tens, t in _TENS_EN.items() for unit, u in _UNITS_EN.items()
                for sep in ("-", " ")})  # twenty-five
ORDINAL_QUARTERS = {"eerste": 1, "1e": 1, "1ste": 1, "first": 1, "tweede": 2, "2e": 2, "2de": 2,
                    "second": 2, "derde": 3, "3e": 3, "3de": 3, "third": 3, "vierde": 4, "4e": 4,
                    "4de": 4, "fourth": 4, "laatste": 4, "last": 4}
# Not a day: seasons, breaks, events and "as soon as possible". Asked back, never guessed.
VAGUE = re.compile(
    r"\b(zsm|z\.s\.m\.?|asap|a\.s\.a\.p\.?|binnenkort|soon|spoedig|reces|recess|zomer|summer|"
    r"najaar|voorjaar|winter|herfst|lente|autumn|spring|later|ooit|someday|tbd|nnb|n\.n\.b\.?|"
    r"ntb|n\.t\.b\.?|onbekend|unknown|zo snel mogelijk|as soon as possible|nader te bepalen|"
    r"zodra|wanneer|na afloop|verkiezingen|elections|vakantie|holidays?|kerstvakantie|"
    r"voor de kerst|na de kerst|rond de kerst|anderhalve|anderhalf|begin|start|ergens)\b")
FILLERS = re.compile(
    r"^(?:uiterlijk|voor|vóór|per|op|deadline|t/m|tm|tot en met|tot|no later than|by|before|"
    r"on|due|not later than|until|de|the|a\.s\.?|aanstaande|:|,)(?:\s*:)?\s+")

# A time of day after the date: the deadline is the day.
_TIME = re.compile(r"(?:,?\s+(?:om|at|vóór|voor|before|by)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|h|am|pm)|"
                   r",?\s+(?:om|at)?\s*\d{1,2}:\d{2}|\s+(?:'s\s+)?(?:ochtends|middags|avonds)|"
                   r"\s+(?:end of day|eod|einde dag|einde van de dag))$")
# After a date or weekday in the past: "jongstleden", "laatstleden".
_AGO_MARK = re.compile(r"\s+(?:j\.?l\.?|jongstleden|l\.?l\.?|laatstleden)$")
_NUM = r"(\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:,?\s+(?:van\s+|of\s+)?'?(\d{4}|\d{2}))?"
_EIND = r"(?:eind|einde|end of|end|ultimo)\s+(?:van\s+)?"

RANGE_YEARS = 10  # a deadline further ahead, or a past day further back, is a typing slip: asked
RECENT_DAYS = 31  # a yearless date this close behind (ahead, for a past day) is asked back, not moved a year


@dataclass(frozen=True)
class DateReading:
    """A day the bot is sure of, or the reason it is not (a text key and its parameters)."""
    value: date | None = None
    problem: str | None = None  # a date_* text key: the question the bot asks back
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


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _Refusal("date_impossible", text=f"{day}-{month}-{year}") from None


def _year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _this_week(today: date, weekday: int, weeks_ahead: int) -> date:
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks_ahead)
    return monday + timedelta(days=weekday)


def _weekday_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _weekday_before(today: date, weekday: int, today_included: bool) -> date:
    back = (today.weekday() - weekday) % 7
    return today - timedelta(days=back if back or today_included else 7)


def _koningsdag(year: int) -> date:
    """27 April, or the 26th when the 27th is a Sunday."""
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


class _Grammar:
    """Each rule is a regular expression over the cleaned phrase and a function of its groups.
    A yearless rule gives the candidate days (one per year) and `_pick` chooses among them by
    the direction; every other rule gives its one day."""

    def __init__(self, today: date, work: WorkCalendar, past: bool):
        self.today = today
        self.work = work
        self.past = past

    # -- yearless dates: the next (or, for the past, the last) occurrence ---------------------
    def _pick(self, make, year: int | None) -> date:
        """`make(year)` is the day in that year. With a year, that day; without one, the next
        occurrence (today included), or the last one for a day in the past. A candidate just on
        the other side of today (31 days) is more likely a slip than a year away: asked."""
        if year is not None:
            return make(year)
        t = self.today
        here = self._tolerant(make, t.year)
        if self.past:
            if here is not None and here <= t:
                return here
            earlier = self._latest(make, t.year - 1, backwards=True)
            if here is not None and (here - t).days <= RECENT_DAYS:
                raise _Refusal("date_recent_future", date=here, other=earlier, days=(here - t).days)
            return earlier
        if here is not None and here >= t:
            return here
        later = self._latest(make, t.year + 1, backwards=False)
        if here is not None and (t - here).days <= RECENT_DAYS:
            raise _Refusal("date_recent_past", date=here, other=later, days=(t - here).days)
        return later

    @staticmethod
    def _tolerant(make, year: int) -> date | None:
        try:
            return make(year)
        except _Refusal:  # 29 February in a year without one
            return None

    def _latest(self, make, year: int, backwards: bool) -> date:
        for step in range(8):  # the next year that has this day (29 February: within 8 years)
            found = self._tolerant(make, year - step if backwards else year + step)
            if found is not None:
                return found
        raise _Refusal("date_impossible", text="?")

    def _day_month(self, day: int, month: int, year: int | None) -> date:
        if not (1 <= month <= 12 and 1 <= day <= 31):
            raise _Refusal("date_impossible", text=f"{day}-{month}")
        if year is None and not any(day <= calendar.monthrange(y, month)[1] for y in range(2024, 2032)):
            raise _Refusal("date_impossible", text=f"{day}-{month}")
        return self._pick(lambda y: _safe_date(y, month, day), year)

    def _named(self, weekday: str | None, day: int, month: int, year: int | None) -> date:
        result = self._day_month(day, month, year)
        if weekday and WEEKDAYS[weekday] != result.weekday():
            raise _Refusal("date_weekday_mismatch", date=result, weekday=WEEKDAYS[weekday])
        return result

    def _weekday(self, weekday: int) -> date:
        """A weekday alone: the next such day after today; for the past, the last one (today included)."""
        if self.past:
            return _weekday_before(self.today, weekday, today_included=True)
        return _weekday_after(self.today, weekday)

    def _ambiguous_weekday(self, weekday: int) -> date:
        """`volgende dinsdag` / `next Tuesday`: this coming one, or the one in next week? Ask."""
        coming = _weekday_after(self.today, weekday)
        in_next_week = _this_week(self.today, weekday, 1)
        if coming == in_next_week:
            return coming
        raise _Refusal("date_ambiguous", first=coming, second=in_next_week)

    def _first_working_day(self, year: int, month: int) -> date:
        return self.work.add(date(year, month, 1) - timedelta(days=1), 1)

    def _quarter(self, quarter: int, year: int | None, first: bool = False) -> date:
        if not 1 <= quarter <= 4:
            raise _Refusal("date_impossible", text=f"Q{quarter}")
        if first:
            return self._pick(lambda y: self._first_working_day(y, quarter * 3 - 2), year)
        return self._pick(lambda y: _month_end(y, quarter * 3), year)

    def _quarter_from_now(self, ahead: int, first: bool = False) -> date:
        """This quarter (ahead=0) or the next: its last day, or its first working day."""
        index = (self.today.month - 1) // 3 + ahead  # quarters counted from this year's first, from 0
        year, quarter = self.today.year + index // 4, index % 4 + 1
        return self._first_working_day(year, quarter * 3 - 2) if first else _month_end(year, quarter * 3)

    def _iso_week_friday(self, week: int, year: int | None) -> date:
        def friday(y: int) -> date:
            try:
                return date.fromisocalendar(y, week, 5)
            except ValueError:
                raise _Refusal("date_impossible", text=f"week {week}") from None
        if year is not None:
            return friday(year)
        this_year = self.today.isocalendar().year
        if week == 53:  # only some years have it: this one's, or it is impossible
            return friday(this_year)
        if not 1 <= week <= 52:
            raise _Refusal("date_impossible", text=f"week {week}")
        return self._pick(lambda y: friday(y + this_year - self.today.year), None)

    def _ago(self, amount: int, unit: str) -> date:
        if unit.startswith(("dag", "day")):
            return self.today - timedelta(days=amount)
        if unit.startswith("we"):
            return self.today - timedelta(weeks=amount)
        return self.today - relativedelta(months=amount)

    def rules(self):
        t = self.today
        month_of = lambda offset: (t + relativedelta(months=offset))  # noqa: E731
        return (
            (r"(?:vandaag(?: nog)?|today)", lambda m: t),
            (r"(?:gisteren|yesterday)", lambda m: t - timedelta(days=1)),
            (r"(?:eergisteren|the day before yesterday)", lambda m: t - timedelta(days=2)),
            (r"(?:morgen|tomorrow)(?:ochtend|middag|avond|morning|afternoon|evening)?", lambda m: t + timedelta(days=1)),
            (r"morgen\s+(?:ochtend|middag|avond)", lambda m: t + timedelta(days=1)),
            (r"(?:overmorgen|the day after tomorrow|day after tomorrow)", lambda m: t + timedelta(days=2)),
            (rf"{_NUM}\s+(dagen|dag|days?|weken|week|weeks?|maanden|maand|months?)\s+(?:geleden|ago)",
             lambda m: self._ago(_number(m[1]), m[2])),
            (r"(?:koningsdag|king'?s day)" + _YEAR, lambda m: self._pick(_koningsdag, _year(m[1]))),
            (r"(?:eerste\s+)?(?:kerst|kerstmis|kerstdag|christmas(?: day)?)" + _YEAR,
             lambda m: self._pick(lambda y: date(y, 12, 25), _year(m[1]))),
            (r"(?:oudjaarsdag|oudejaarsdag|oudjaar|oudejaar|new year'?s eve)" + _YEAR,
             lambda m: self._pick(lambda y: date(y, 12, 31), _year(m[1]))),
            (rf"(?:over|binnen|in|within)?\s*{_NUM}\s+(?:werkdagen|werkdag|working days?|business days?|"
             r"werkbare dagen)", lambda m: self.work.add(t, _number(m[1]))),
            (rf"(?:over|binnen|in|within)\s+{_NUM}\s+(?:dagen|dag|days?)", lambda m: t + timedelta(days=_number(m[1]))),
            (rf"(?:over|binnen|in|within)\s+{_NUM}\s+(?:weken|week|weeks?)",
             lambda m: t + timedelta(weeks=_number(m[1]))),
            (rf"(?:over|binnen|in|within)\s+{_NUM}\s+(?:maanden|maand|months?)",
             lambda m: t + relativedelta(months=_number(m[1]))),
            (r"(?:over|binnen|in|within)\s+(?:een\s+|a\s+)?(?:half jaar|halfjaar|half a year|six months)",
             lambda m: t + relativedelta(months=6)),
            (rf"(?:over|binnen|in|within)\s+{_NUM}\s+(?:jaar|years?)", lambda m: t + relativedelta(years=_number(m[1]))),
            (r"(?:over|binnen|in|within)\s+(?:een\s+|a\s+)?(week|maand|month|jaar|year)",
             lambda m: t + {"week": relativedelta(weeks=1), "maand": relativedelta(months=1),
                            "month": relativedelta(months=1), "jaar": relativedelta(years=1),
                            "year": relativedelta(years=1)}[m[1]]),
            (rf"{_DAY}\s+over\s+{_NUM}\s+(?:weken|week)", lambda m: _this_week(t, WEEKDAYS[m[1]], _number(m[2]))),
            (rf"{_DAY}\s+in\s+{_NUM}\s+weeks?", lambda m: _this_week(t, WEEKDAYS[m[1]], _number(m[2]))),
            (rf"(?:volgende week|next week)\s+(?:op\s+|on\s+)?{_DAY}", lambda m: _this_week(t, WEEKDAYS[m[1]], 1)),
            (rf"{_DAY}\s+(?:volgende week|next week)", lambda m: _this_week(t, WEEKDAYS[m[1]], 1)),
            (rf"(?:deze week|this week)\s+(?:op\s+|on\s+)?{_DAY}", lambda m: _this_week(t, WEEKDAYS[m[1]], 0)),
            (rf"{_DAY}\s+(?:deze week|this week)", lambda m: _this_week(t, WEEKDAYS[m[1]], 0)),
            (rf"(?:vorige week|last week)\s+(?:op\s+|on\s+)?{_DAY}", lambda m: _this_week(t, WEEKDAYS[m[1]], -1)),
            (rf"{_DAY}\s+(?:vorige week|last week)", lambda m: _this_week(t, WEEKDAYS[m[1]], -1)),
            (rf"(?:afgelopen|vorige|last|past)\s+{_DAY}",
             lambda m: _weekday_before(t, WEEKDAYS[m[1]], today_included=False)),
            (rf"(?:volgende|next)\s+{_DAY}", lambda m: self._ambiguous_weekday(WEEKDAYS[m[1]])),
            (rf"(?:aanstaande|komende|a\.s\.|coming|this)?\s*{_DAY}(?:\s+(?:aanstaande|a\.s\.?|as))?",
             lambda m: self._weekday(WEEKDAYS[m[1]])),
            # a week means its Friday
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?(?:week)", lambda m: _this_week(t, 4, 0)),
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:de\s+)?(?:volgende|next)\s+week", lambda m: _this_week(t, 4, 1)),
            (r"(?:in\s+)?(?:volgende|next)\s+week", lambda m: _this_week(t, 4, 1)),
            (r"(?:in\s+)?(?:deze|this)\s+week", lambda m: _this_week(t, 4, 0)),
            # a period named as a deadline means its last day
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:de\s+|deze\s+|this\s+|the\s+)?(?:maand|month)",
             lambda m: _month_end(t.year, t.month)),
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:de\s+)?(?:volgende|next|komende)\s+(?:maand|month)",
             lambda m: _month_end(month_of(1).year, month_of(1).month)),
            (r"(?:in\s+)?(?:de\s+)?(?:volgende|next|komende)\s+(?:maand|month)",
             lambda m: _month_end(month_of(1).year, month_of(1).month)),
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:het\s+|dit\s+|this\s+|the\s+)?(?:jaar|year)",
             lambda m: date(t.year, 12, 31)),
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:het\s+)?(?:volgend|volgende|next)\s+(?:jaar|year)",
             lambda m: date(t.year + 1, 12, 31)),
            (r"(?:eind|einde|end of|end|ultimo)\s+(?:van\s+)?(?:het\s+jaar\s+)?(\d{4})",
             lambda m: date(int(m[1]), 12, 31)),
            (r"(?:eind|einde|end of|end)\s+(?:van\s+)?(?:dit|deze|het|this|the)\s+(?:kwartaal|quarter)",
             lambda m: self._quarter_from_now(0)),
            (r"(?:eind\s+|einde\s+|end of\s+|in\s+)?(?:van\s+)?(?:het\s+)?(?:volgend|volgende|next)\s+(?:kwartaal|quarter)",
             lambda m: self._quarter_from_now(1)),
            (rf"{_EIND}{_MONTH}{_YEAR}", lambda m: self._pick(lambda y: _month_end(y, MONTHS[m[1]]), _year(m[2]))),
            (rf"in\s+{_MONTH}{_YEAR}", lambda m: self._pick(lambda y: _month_end(y, MONTHS[m[1]]), _year(m[2]))),
            (rf"(?:medio|half|halverwege|midden|mid|mid-|middle of)\s*{_MONTH}{_YEAR}",
             lambda m: self._pick(lambda y: _safe_date(y, MONTHS[m[1]], 15), _year(m[2]))),
            (r"(?:medio|half|halverwege|midden|mid|middle of)\s+(?:de\s+)?(?:volgende|next)\s+(?:maand|month)",
             lambda m: _safe_date(month_of(1).year, month_of(1).month, 15)),
            (r"(?:medio|half|halverwege|midden|mid|middle of)\s+(?:deze\s+|this\s+)?(?:maand|month)",
             lambda m: _safe_date(t.year, t.month, 15)),
            # the beginning of a month or quarter: its first working day
            (rf"(?:begin|start of|beginning of|early)\s+{_MONTH}{_YEAR}",
             lambda m: self._pick(lambda y: self._first_working_day(y, MONTHS[m[1]]), _year(m[2]))),
            (r"(?:begin|start of|beginning of)\s+(?:de\s+)?(?:volgende|next)\s+(?:maand|month)",
             lambda m: self._first_working_day(month_of(1).year, month_of(1).month)),
            (r"(?:begin|start of|beginning of)\s+(?:het\s+|the\s+)?q([1-4])" + _YEAR,
             lambda m: self._quarter(int(m[1]), _year(m[2]), first=True)),
            (r"(?:begin|start of|beginning of)\s+(?:het\s+|the\s+)?(eerste|tweede|derde|vierde|1e|2e|3e|4e|first|second|"
             r"third|fourth)\s+(?:kwartaal|quarter)" + _YEAR,
             lambda m: self._quarter(ORDINAL_QUARTERS[m[1]], _year(m[2]), first=True)),
            (r"(?:begin|start of|beginning of)\s+(?:het\s+)?(?:volgend|volgende|next)\s+(?:kwartaal|quarter)",
             lambda m: self._quarter_from_now(1, first=True)),
            (r"(?:eind\s+|einde\s+|end of\s+|end\s+)?(?:het\s+|the\s+)?q([1-4])" + _YEAR,
             lambda m: self._quarter(int(m[1]), _year(m[2]))),
            (r"(?:eind\s+|einde\s+|end of\s+|end\s+)?(?:het\s+|the\s+)?q([1-4])\s*[-/]\s*(\d{4})",
             lambda m: self._quarter(int(m[1]), int(m[2]))),
            (r"(?:eind\s+|einde\s+|end of\s+|end\s+)?(?:van\s+)?(?:het\s+|the\s+)?(eerste|tweede|derde|vierde|laatste|1e|2e|3e|4e|"
             r"1ste|2de|3de|4de|first|second|third|fourth|last)\s+(?:kwartaal|quarter)" + _YEAR,
             lambda m: self._quarter(ORDINAL_QUARTERS[m[1]], _year(m[2]))),
            (r"(?:eind\s+|einde\s+|end of\s+)?(?:kwartaal|quarter)\s+([1-4])" + _YEAR,
             lambda m: self._quarter(int(m[1]), _year(m[2]))),
            (r"(?:in\s+|eind\s+|einde\s+|end of\s+)?(?:week|wk|w)\.?\s*(\d{1,2})" + _YEAR,
             lambda m: self._iso_week_friday(int(m[1]), _year(m[2]))),
            (rf"(?:{_DAY},?\s+)?(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})",
             lambda m: self._checked(m[1], _safe_date(int(m[2]), int(m[3]), int(m[4])))),
            (rf"(?:{_DAY},?\s+)?(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}|\d{{2}})",
             lambda m: self._named(m[1], int(m[2]), int(m[3]), _year(m[4]))),
            (rf"(?:{_DAY},?\s+)?(\d{{1,2}})[-/.](\d{{1,2}})", lambda m: self._named(m[1], int(m[2]), int(m[3]), None)),
            (rf"(?:{_DAY},?\s+)?(?:de\s+|the\s+)?(\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?{_YEAR}",
             lambda m: self._named(m[1], int(m[2]), MONTHS[m[3]], _year(m[4]))),
            (rf"(?:{_DAY},?\s+)?{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th|e)?,?{_YEAR}",
             lambda m: self._named(m[1], int(m[3]), MONTHS[m[2]], _year(m[4]))),
        )

    def _checked(self, weekday: str | None, value: date) -> date:
        if weekday and WEEKDAYS[weekday] != value.weekday():
            raise _Refusal("date_weekday_mismatch", date=value, weekday=WEEKDAYS[weekday])
        return value


_COMPILED: dict[str, re.Pattern[str]] = {}


# Before, after or around an event: a period, not a day (checked before filler words go).
_AROUND_EVENT = re.compile(r"\b(?:voor|na|rond|tijdens|vanaf|before|after|around|during)\s+(?:de|het|the)\s+"
                           r"(?:kerst|kerstmis|kerstdagen|feestdagen|jaarwisseling|zomer|zomervakantie|vakantie|"
                           r"reces|zomerreces|kerstreces|verkiezingen|begroting|voorjaarsnota|christmas|summer|"
                           r"holidays|recess|elections)\b")


def _clean(text: str) -> tuple[str, bool]:
    """The phrase as the grammar reads it, and whether it was marked as past (`j.l.`)."""
    text = text.strip().lower().replace("vóór", "voor").replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text)
    text = text.strip(" .!?;,")
    text = _TIME.sub("", text).strip(" .,")
    text = re.sub(r"\s+(?:a\.s\.?|aanstaande)$", "", text) if re.search(r"\d", text) else text
    marked_past = bool(_AGO_MARK.search(text))
    text = _AGO_MARK.sub("", text).strip(" .,")
    previous = None
    while previous != text:
        previous = text
        text = FILLERS.sub("", text).strip()
    return text, marked_past


def read_date(text: str, today: date, *, work: WorkCalendar | None = None, past: bool = False) -> DateReading:
    """Read one date phrase relative to `today` (a date in the bot's timezone): a deadline, or
    with past=True a day that has happened."""
    work = work or WorkCalendar()
    cleaned, marked_past = _clean(text or "")
    shown = (text or "").strip()[:80]
    if not cleaned:
        return DateReading(problem="date_empty")
    if _AROUND_EVENT.search((text or "").lower()):
        return DateReading(problem="date_vague", params={"text": shown})
    reading = _answer(cleaned, today, work, past or marked_past, shown)
    if marked_past and not past and reading.ok:  # `2 december j.l.` as a deadline: a day that has passed
        return DateReading(problem="date_past", params={"text": shown, "date": reading.value})
    return reading


def _answer(cleaned: str, today: date, work: WorkCalendar, past: bool, shown: str) -> DateReading:
    try:
        value = _read(cleaned, today, work, past)
    except _Refusal as refusal:
        return DateReading(problem=refusal.problem, params={**refusal.params, "text": shown})
    except (OverflowError, ValueError):  # `over 999 jaar` and the like: past the calendar's end
        return DateReading(problem="date_too_far", params={"text": shown, "years": RANGE_YEARS})
    if value is None:
        problem = "date_vague" if VAGUE.search(cleaned) else "date_unknown"
        return DateReading(problem=problem, params={"text": shown})
    if not past and value < today:
        return DateReading(problem="date_past", params={"text": shown, "date": value})
    if past and value > today:
        return DateReading(problem="date_future", params={"text": shown, "date": value})
    if not past and value > today + relativedelta(years=RANGE_YEARS):
        return DateReading(problem="date_too_far", params={"text": shown, "years": RANGE_YEARS})
    if past and value < today - relativedelta(years=RANGE_YEARS):
        return DateReading(problem="date_too_old", params={"text": shown, "years": RANGE_YEARS})
    return DateReading(value)


_MONTH_WORD = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def _dateparser_fallback(cleaned: str, today: date) -> date | None:
    """dateparser for absolute dates in forms the grammar does not know. It guesses freely (it
    reads `3 maart om 12 uur` as the year 2112), so only a phrase with a month name and a
    four-digit year is given to it, and its answer must carry that year and a day from the text."""
    year = re.search(r"\b(20\d\d)\b", cleaned)
    if not year or not _MONTH_WORD.search(cleaned):
        return None
    import dateparser  # imported on first use; warm_up() does that at start
    result = dateparser.parse(cleaned, languages=["nl", "en"], settings={
        "DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
        "RELATIVE_BASE": datetime.combine(today, datetime.min.time())})
    if result is None or result.year != int(year.group(1)) or str(result.day) not in re.findall(r"\d+", cleaned):
        return None
    return result.date()


def _read(cleaned: str, today: date, work: WorkCalendar, past: bool) -> date | None:
    grammar = _Grammar(today, work, past)
    for pattern, build in grammar.rules():
        compiled = _COMPILED.get(pattern)
        if compiled is None:
            compiled = _COMPILED[pattern] = re.compile(pattern)
        match = compiled.fullmatch(cleaned)
        if match:
            return build(match)
    return _dateparser_fallback(cleaned, today)


def warm_up() -> None:
    """Compile every rule and load dateparser and the holiday calendar once, so the first Slack
    request does not pay for it."""
    today = date.today()
    for pattern, _ in _Grammar(today, WorkCalendar(), False).rules():
        _COMPILED.setdefault(pattern, re.compile(pattern))
    read_date("over 3 werkdagen", today)
    _dateparser_fallback(f"3rd of march {today.year + 1}", today)
