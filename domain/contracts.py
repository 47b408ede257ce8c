"""Contracts (percelen) of a trajectory: when each one stops covering residents, which one sets the
continuity deadline, and when the buyer must decide on an extension option (PRODUCT.md "Meeting
calendars and contracts", issue 19). Pure: no I/O, no database.

What "covered" means here: a contract covers its clients up to its current end (the original
`einde:`, or the last recorded `verlengd tot:`), and a transition arrangement (`overgangsregeling
tot:`) covers them further, up to its own end. The continuity risk is residents losing care, and a
transition arrangement is exactly the instrument that keeps the care of clients in care going, so
it counts; it is the weaker cover (new clients cannot start under it), so the deadline it sets says
so (`covered_by == "overgangsregeling"`) and `risico` can name it. An extension option that was not
exercised covers nothing: it gives the decision `Verlengen <naam>?` instead."""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterable

from dateutil.relativedelta import relativedelta

from domain.dates import NUMBERS
from domain.errors import CommandError
from domain.workdays import WorkCalendar

MAX_OPTION_COUNT = 10     # more extension options than this is a typing slip, not a contract
MAX_OPTION_MONTHS = 60    # one extension longer than five years neither
EXTENSION_NOTICE_MONTHS = 6   # the Contractstandaarden: the buyer says so six months before the end
EXTENSION_DECIDED_BY = "regio"
EXTENSION_TITLE = "Verlengen {name}?"   # the decision's title as the spec fixes it (stored data, not a reply text)


class ContractError(CommandError):
    """A contract field or record that cannot be taken as typed: nothing is stored. `key` is a
    text key for the lead to word (see the report of issue 19), `field` the field it concerns."""


@dataclass(frozen=True)
class ExtensionOption:
    """`2x 12 maanden`: the contract may be extended `count` times by `months` each."""
    count: int
    months: int

    @property
    def total_months(self) -> int:
        return self.count * self.months


# -- reading `verlenging:` ------------------------------------------------------------------------

_NONE = re.compile(r"^(?:geen|nee|none|no|n\.?v\.?t\.?|-|0|0\s*x)$")
_PREFIX = re.compile(r"^(?:(?:maximaal|max\.?|maximum|tot|up to|optie|opties|option|options|van|of|met|with)"
                     r"\s*:?\s+)+")
_SUFFIX = re.compile(r"\s+(?:verlenging|verlengingen|verlengen|extension|extensions)$")
_NUMBER = r"([0-9]+|" + "|".join(sorted((re.escape(w) for w in NUMBERS if " " not in w), key=len, reverse=True)) + ")"
_LENGTH = r"(?:(een\s+half|half|a\s+half|half\s+a)|" + _NUMBER + r")"
_UNIT = r"(maanden|maand|mnd\.?|mnden|months?|mo|jaren|jaar|jr\.?|years?|yrs?|weken|week|weeks?|dagen|dag|days?)"
_TIMES = r"\s*(?:x|×|\*|keer|maal|times)\s*"
_COUNTED = re.compile(rf"^{_NUMBER}{_TIMES}{_LENGTH}\s*{_UNIT}$")                      # 2x 12 maanden
_PLUS = re.compile(rf"^{_NUMBER}(?:\s*\+\s*{_NUMBER})+\s*{_UNIT}$")                   # 1+1 jaar
_LENGTH_ONLY = re.compile(rf"^{_LENGTH}\s*{_UNIT}$")                                   # 2 jaar: how many times?


def _refuse(key: str, text: str, **params) -> ContractError:
    return ContractError(key, field="verlenging", example="ex_contract", text=text, **params)


def _months_of(number: int, unit: str, text: str) -> int:
    if unit.startswith(("w", "d")):
        raise _refuse("contract_option_unit", text)
    return number * 12 if unit.startswith(("j", "y")) else number


def _length(half: str | None, number: str | None, unit: str, text: str) -> int:
    if half:   # `een half jaar`: six months; `een halve maand` is not a contract term
        if not unit.startswith(("j", "y")):
            raise _refuse("contract_option_unit", text)
        return 6
    return _months_of(NUMBERS[number] if not number.isdigit() else int(number), unit, text)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _checked(count: int, months: int, text: str) -> ExtensionOption:
    if not (1 <= count <= MAX_OPTION_COUNT and 1 <= months <= MAX_OPTION_MONTHS):
        raise _refuse("contract_option_out_of_range", text, count=count, months=months,
                      max_count=MAX_OPTION_COUNT, max_months=MAX_OPTION_MONTHS)
    return ExtensionOption(count, months)


def read_extension_option(text: str) -> ExtensionOption | None:
    """`verlenging:` as typed: `2x 12 maanden`, `2 x 1 jaar`, `1x 24 maanden`, `twee keer een jaar`,
    `2x een half jaar`, `1+1 jaar` (two extensions of a year), `max. 2x 12 mnd`; `geen` is no
    option (None). Refused, never guessed: a length without how many times (`2 jaar`: once two
    years, or twice one?), unequal terms (`1+2 jaar`), weeks or days, and numbers out of range."""
    shown = (text or "").strip()
    cleaned = re.sub(r"\s+", " ", shown.lower()).strip(" .")
    cleaned = _SUFFIX.sub("", _PREFIX.sub("", cleaned)).strip()
    if not cleaned:
        raise _refuse("contract_option_empty", shown)
    if _NONE.match(cleaned):
        return None
    if m := _COUNTED.match(cleaned):
        return _checked(_count(m[1]), _length(m[2], m[3], m[4], shown), shown)
    if m := _PLUS.match(cleaned):
        unit = m.groups()[-1]
        terms = [_count(t.strip()) for t in cleaned[:m.start(len(m.groups()))].split("+")]
        if len(set(terms)) > 1:
            raise _refuse("contract_option_unequal", shown)
        return _checked(len(terms), _months_of(terms[0], unit, shown), shown)
    if m := _LENGTH_ONLY.match(cleaned):
        months = _length(m[1], m[2], m[3], shown)
        raise _refuse("contract_option_count_missing", shown, months=months)
    raise _refuse("contract_option_unreadable", shown)


def read_providers(text: str) -> tuple[str, ...]:
    """`aanbieders:` as typed: names split on commas, semicolons and line breaks (not on `&` or
    `en`, which are inside names: `Zorg & Welzijn`, `Wonen en Zorg`), each once, in typed order."""
    seen: dict[str, str] = {}
    for part in re.split(r"[,;\n]", text or ""):
        name = re.sub(r"\s+", " ", part).strip()
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


# -- the contract ---------------------------------------------------------------------------------


def _is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def add_months(day: date, months: int) -> date:
    """Months by calendar, clamped to the month's end; a month's last day stays a month's last day
    (a contract to 28 Feb 2027 extended by 12 months runs to 29 Feb 2028, not the 28th)."""
    moved = day + relativedelta(months=months)
    if _is_month_end(day):
        return date(moved.year, moved.month, calendar.monthrange(moved.year, moved.month)[1])
    return moved


def months_between(start: date, end: date) -> int:
    """Whole months from start to end, a started month counted whole (month end to month end
    counts exactly): how many months of an option an extension uses."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if _is_month_end(start) and _is_month_end(end):
        return months
    return months + 1 if end.day > start.day else months


@dataclass(frozen=True)
class Contract:
    """One contract (perceel) of a trajectory: its original end, its option, what was recorded."""
    name: str
    end: date                                  # `einde:`, the original end
    option: ExtensionOption | None = None      # `verlenging:`
    extensions: tuple[date, ...] = ()          # each `verlengd tot:`, in the order recorded
    transition_until: date | None = None       # `overgangsregeling tot:`
    providers: tuple[str, ...] = ()            # `aanbieders:`

    @property
    def current_end(self) -> date:
        """The end of the contract term: the original end or the latest extension."""
        return max((self.end, *self.extensions))

    @property
    def covered_until(self) -> date:
        """The last day residents are covered: the current end, or a later transition arrangement."""
        if self.transition_until and self.transition_until > self.current_end:
            return self.transition_until
        return self.current_end

    @property
    def covered_by(self) -> str:
        """What sets `covered_until`: `einde`, `verlengd` or `overgangsregeling` (clients in care only)."""
        if self.covered_until != self.current_end:
            return "overgangsregeling"
        return "verlengd" if self.current_end != self.end else "einde"

    @property
    def options_left(self) -> int:
        """Extensions the option still allows. An extension uses as many as its length needs
        (`2x 12 maanden` extended 6 months uses one, 24 months at once uses both)."""
        if self.option is None:
            return 0
        used, previous = 0, self.end
        for to in sorted(self.extensions):
            used += math.ceil(months_between(previous, to) / self.option.months)
            previous = to
        return max(self.option.count - used, 0)

    @property
    def latest_extension(self) -> date | None:
        """The furthest end the option still allows; None without an option or with none left."""
        if not self.options_left:
            return None
        return add_months(self.current_end, self.options_left * self.option.months)


def extend(contract: Contract, to: date) -> Contract:
    """Record `verlengd <naam> tot: <to>`. Refused when it does not lengthen the contract, or when
    it goes beyond what the contract's option allows (an extension beyond the option is a new
    procurement, not a record). A contract with no option recorded takes any later end: the
    coordinator records a fact the bot cannot check."""
    if to <= contract.current_end:
        raise ContractError("contract_extension_not_later", field="tot", example="ex_verlengd",
                            contract=contract.name, to=to, end=contract.current_end)
    if contract.option is not None:
        latest = contract.latest_extension
        if latest is None or to > latest:
            raise ContractError("contract_extension_beyond_option", field="tot", example="ex_verlengd",
                                contract=contract.name, to=to, latest=latest or contract.current_end,
                                count=contract.option.count, months=contract.option.months,
                                left=contract.options_left)
    return replace(contract, extensions=(*contract.extensions, to))


def with_transition(contract: Contract, until: date) -> Contract:
    """Record `overgangsregeling <naam> tot: <until>` (a later record replaces an earlier one).
    Refused when it ends on or before the contract's current end: it would cover nothing."""
    if until <= contract.current_end:
        raise ContractError("contract_transition_not_later", field="tot", example="ex_overgangsregeling",
                            contract=contract.name, until=until, end=contract.current_end)
    return replace(contract, transition_until=until)


# -- the continuity deadline and the contracts that end uncovered -----------------------------------


@dataclass(frozen=True)
class ContinuityDeadline:
    """The day current care stops being covered, and the contract that sets it (None: the
    trajectory lists no contracts, and its own `contracteinde` stays the deadline)."""
    day: date
    contract: Contract | None

    @property
    def covered_by(self) -> str:
        return self.contract.covered_by if self.contract else "contracteinde"


def continuity_deadline(contracts: Iterable[Contract], trajectory_end: date) -> ContinuityDeadline:
    """The earliest end that nothing covers (see the module: extension, then transition arrangement);
    on a tie the contract first by name, so the answer does not change between runs."""
    listed = sorted(contracts, key=lambda c: (c.covered_until, c.name.casefold()))
    if not listed:
        return ContinuityDeadline(trajectory_end, None)
    return ContinuityDeadline(listed[0].covered_until, listed[0])


def ends_uncovered(contracts: Iterable[Contract], ready: date) -> list[Contract]:
    """The contracts whose cover ends before the trajectory is forecast ready, earliest first: what
    `risico` names when it is rood. Ready on the day after the last covered day is in time (the
    go-live is the day after the contract end), so only a later ready day is a gap."""
    return sorted((c for c in contracts if ready > c.covered_until + timedelta(days=1)),
                  key=lambda c: (c.covered_until, c.name.casefold()))


# -- the extension decision -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtensionDecision:
    """The decision a contract with an option left needs: `Verlengen <naam>?`, door: regio."""
    contract: str
    deadline: date
    decided_by: str = EXTENSION_DECIDED_BY

    @property
    def title(self) -> str:
        return EXTENSION_TITLE.format(name=self.contract)


def extension_deadline(end: date, work: WorkCalendar | None = None) -> date:
    """Six calendar months before the end, clamped to the month's end (31 Aug → 28 or 29 Feb), and
    on a weekend or holiday the working day before: the buyer must have said so by then, so a
    day earlier is on time and a day later is not (the spec's "kept and warned" convention is
    for deadlines people type; this one the bot sets itself)."""
    work = work or WorkCalendar()
    day = end - relativedelta(months=EXTENSION_NOTICE_MONTHS)
    return day if work.is_working_day(day) else work.add(day, -1)


def extension_decision(contract: Contract, work: WorkCalendar | None = None) -> ExtensionDecision | None:
    """The extension decision of the contract's current end, or None when no option is left (no
    option, or all used). After an extension is recorded the next one is due six months before
    the new end: the lead replaces (or adds) the decision when the end moves."""
    if contract.latest_extension is None:
        return None
    return ExtensionDecision(contract.name, extension_deadline(contract.current_end, work))
